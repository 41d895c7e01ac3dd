// The bad-input catalogue (tests/catalogue/) through WASM, against the native CLI.
//
// Every case that is not `cli_only` (bytes that are not UTF-8 cannot be a JS string) runs
// through `analyze()` from dist/pkg with the file's text and, unless the case is `text_only` or
// not JSON at all, with `JSON.parse` of it:
//   - an `error` case throws an Error with exactly that message, which is also the CLI's
//     stderr line after `error: ` (exit 2);
//   - a `report` case gives `JSON.stringify(report, null, 2) + "\n"` equal byte for byte to the
//     CLI's `--format json` stdout, with the values the case names at its JSON pointers.
//
// Needs: `node scripts/build.mjs` (dist/pkg) and `cargo build --release` (target/release/bias-compare).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = join(ROOT, 'dist', 'pkg');
const CLI = join(ROOT, 'target', 'release', process.platform === 'win32' ? 'bias-compare.exe' : 'bias-compare');
const CATALOGUE = join(ROOT, 'tests', 'catalogue');

for (const [path, hint] of [
  [join(PKG, 'bias_compare.js'), 'node scripts/build.mjs'],
  [join(PKG, 'bias_compare_bg.wasm'), 'node scripts/build.mjs'],
  [CLI, 'cargo build --release --bin bias-compare'],
  [join(CATALOGUE, 'cases.json'), 'the bad-input catalogue'],
]) {
  if (!existsSync(path)) throw new Error(`${path} is missing; ${hint}`);
}

const engine = await import(pathToFileURL(join(PKG, 'bias_compare.js')).href);
engine.initSync({ module: readFileSync(join(PKG, 'bias_compare_bg.wasm')) });
// The lexicons of the language section, as the widget's worker hands them over.
engine.setLexicons(readFileSync(join(PKG, '..', 'bias-compare-lexicons.txt'), 'utf8'));
const { analyze } = engine;

const { cases } = JSON.parse(readFileSync(join(CATALOGUE, 'cases.json'), 'utf8'));

/** The story text of a case: its file, or its `generate` parts (README.md of the catalogue). */
function storyText(entry) {
  if (entry.file) return readFileSync(join(CATALOGUE, entry.file), 'utf8');
  return entry.generate.map(expand).join('');
}

function expand(part) {
  if (typeof part === 'string') return part;
  const separator = part.separator ?? '';
  if (part.times <= 0) return '';
  // A unit without {i}: String.prototype.repeat, much faster than joining 8 million copies.
  if (!part.repeat.includes('{i}')) return (part.repeat + separator).repeat(part.times - 1) + part.repeat;
  return Array.from({ length: part.times }, (_, i) => part.repeat.replaceAll('{i}', String(i))).join(separator);
}

/** The CLI on the case's file, or on stdin for generated cases. */
function runCli(entry, text) {
  const args = entry.file ? ['analyze', join(CATALOGUE, entry.file), '--format', 'json'] : ['analyze', '-', '--format', 'json'];
  const result = spawnSync(CLI, args, { input: entry.file ? undefined : text, maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** RFC 6901 JSON pointer. */
function pointer(value, path) {
  if (path === '') return value;
  let node = value;
  for (const raw of path.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

function assertSameBytes(actual, expected, what) {
  const a = Buffer.from(actual, 'utf8');
  if (a.equals(expected)) return;
  const aLines = actual.split('\n');
  const eLines = expected.toString('utf8').split('\n');
  let i = 0;
  while (i < aLines.length && i < eLines.length && aLines[i] === eLines[i]) i += 1;
  assert.fail(
    `${what}: WASM and CLI bytes differ (${a.length} vs ${expected.length}), first at line ${i + 1}:\n` +
      `  wasm: ${JSON.stringify(aLines[i]?.slice(0, 300))}\n  cli:  ${JSON.stringify(eLines[i]?.slice(0, 300))}`,
  );
}

/** The Error analyze() throws, as { message } or { report } when it did not throw. */
function attempt(story) {
  try {
    return { report: analyze(story) };
  } catch (error) {
    assert.ok(error instanceof Error, `analyze() threw a ${typeof error}, not an Error: ${String(error)}`);
    return { message: error.message };
  }
}

function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

test('the catalogue has cases WASM can run', () => {
  assert.ok(cases.filter((c) => !c.cli_only).length > 0);
});

describe('catalogue through WASM, compared with the CLI', () => {
  for (const entry of cases) {
    if (entry.cli_only) continue; // bytes that are not UTF-8: only the CLI reads bytes
    test(`${entry.name}${entry.generate ? ' (generated)' : ''}`, () => {
      const text = storyText(entry);
      const native = runCli(entry, text);
      const forms = [['text', text]];
      // The parsed form too, except where it is not the same input:
      //  - `text_only` cases (README of the catalogue);
      //  - a story that is a JSON *string*: JSON.parse gives a JS string, which analyze() takes
      //    as JSON text by design (docs/WIDGET.md), so it is a different story;
      //  - the 32 MiB limit, which applies to the text given; JSON.stringify of the parsed
      //    object is a different (shorter) text.
      if (!entry.text_only && isJson(text)) {
        const parsed = JSON.parse(text);
        const sizeLimit = typeof entry.error === 'string' && entry.error.startsWith('story: larger than');
        if (typeof parsed !== 'string' && !sizeLimit) forms.push(['object', parsed]);
      }

      if (entry.error !== undefined) {
        assert.equal(native.status, 2, `CLI exit status (stderr: ${native.stderr.slice(0, 300)})`);
        assert.equal(native.stdout.length, 0, 'CLI printed a partial report');
        assert.equal(native.stderr, `error: ${entry.error}\n`, 'CLI stderr');
        for (const [form, story] of forms) {
          const outcome = attempt(story);
          assert.ok(outcome.message !== undefined, `WASM (${form}) returned a report where an error was expected`);
          assert.equal(outcome.message, entry.error, `WASM (${form}) error message`);
        }
        return;
      }

      assert.equal(native.status, 0, `CLI exit status (stderr: ${native.stderr.slice(0, 300)})`);
      for (const [form, story] of forms) {
        const outcome = attempt(story);
        assert.ok(outcome.report !== undefined, `WASM (${form}) threw: ${outcome.message}`);
        assertSameBytes(`${JSON.stringify(outcome.report, null, 2)}\n`, native.stdout, `${entry.name} (${form})`);
        for (const [path, expected] of Object.entries(entry.report ?? {})) {
          assert.deepEqual(pointer(outcome.report, path), expected, `${entry.name} (${form}) at ${path}`);
        }
        for (const term of entry.no_terms ?? []) {
          for (const side of ['left', 'center', 'right']) {
            const listed = (outcome.report.framing?.[side]?.terms ?? []).map((t) => t.term);
            assert.ok(!listed.includes(term), `${entry.name}: ${side} lists ${JSON.stringify(term)}`);
          }
        }
      }
    });
  }
});
