// The lexicons of the language section (data/README.md): the engine's file is what
// scripts/lexicons.mjs makes of the readable sources in data/, and the widget ships that file
// unchanged.
//
// Needs: `node scripts/build.mjs` (dist/bias-compare-lexicons.txt).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LEXICONS } from '../../scripts/build/shipped.mjs';
import { lexiconsText } from '../../scripts/lexicons.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('data/lexicons.txt is what scripts/lexicons.mjs makes of the sources in data/', () => {
  assert.ok(readFileSync(join(ROOT, 'data', 'lexicons.txt'), 'utf8') === lexiconsText(), 'out of date: run node scripts/lexicons.mjs');
});

test('the widget ships data/lexicons.txt unchanged', () => {
  assert.ok(readFileSync(join(ROOT, 'dist', LEXICONS)).equals(readFileSync(join(ROOT, 'data', 'lexicons.txt'))));
});

test('every entry of the charged and hedging lists is in the engine file, in its category', () => {
  const text = lexiconsText();
  for (const [file, list] of [['charged.txt', 'c'], ['hedging.txt', 'h']]) {
    let category = null;
    for (const raw of readFileSync(join(ROOT, 'data', file), 'utf8').split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const header = /^@(charged|hedging) (\S+)$/.exec(line);
      if (header) category = `#${list} ${header[2]}`;
      else if (line.startsWith('@')) category = null;
      else if (category) {
        const words = line.split('|')[0].trim().toLowerCase().split(/[^a-z0-9']+/).filter(Boolean).join(' ');
        const start = text.indexOf(`\n${category}\n`);
        const section = text.slice(start, text.indexOf('\n#', start + 1) >>> 0 || undefined);
        assert.match(section, new RegExp(`\\n:${words.replace(/'/g, "\\'")}(\\||\\n|$)`), `${file}: ${line}`);
      }
    }
  }
});
