#!/usr/bin/env node
// Writes data/lexicons.txt, the lexicons of the language analysis in the one compact form the
// engine reads (src/text/lexicon.rs): the CLI and the Python package embed it, the widget's
// worker fetches it as dist/bias-compare-lexicons.txt. Made from the readable sources in
// data/ (data/README.md): VADER's lexicon, the word lists of VADER's rules, and our charged
// and hedging lists.
//
//   node scripts/lexicons.mjs          write data/lexicons.txt
//   node scripts/lexicons.mjs --check  exit 1 when data/lexicons.txt is not what the sources give
//
// The form: a first line naming it, then sections, each opened by a line "@name …".
// "@vader N" is followed by N words, sorted, each written as one capital letter (A = 0, B = 1,
// …: how many letters to drop from the end of the word before) and the letters that follow,
// then one line of N characters, the valence of each word in tenths plus 79 as a character
// code ("-1.9" is 60, "<"). Gzip packs words written this way, and the valences apart from
// them, into about 60 % of what a "word<TAB>valence" list takes. The other sections are the
// source files' own, without their comments and blank lines.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'data');
export const LEXICONS = join(DATA, 'lexicons.txt');

/** VADER's entries that are one word as bias-compare reads words (letters, digits and inner
 * apostrophes, with a letter): the last valence of each, as VADER's dictionary keeps it. */
function vaderWords() {
  const text = readFileSync(join(DATA, 'vader', 'vader_lexicon.txt'), 'utf8');
  const valence = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [word, measure] = line.split('\t');
    if (!/^[a-z0-9]([a-z0-9']*[a-z0-9])?$/.test(word) || !/[a-z]/.test(word) || /'s$/.test(word)) continue;
    const tenths = Math.round(Number(measure) * 10);
    if (!Number.isFinite(tenths) || Math.abs(Number(measure) * 10 - tenths) > 1e-9 || Math.abs(tenths) > 40) {
      throw new Error(`vader_lexicon.txt: ${word}: valence ${measure} is not in tenths from -4 to 4`);
    }
    valence.delete(word); // the last one counts, as in VADER's dictionary
    valence.set(word, tenths);
  }
  return [...valence].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function vaderSection() {
  const words = vaderWords();
  const lines = [`@vader ${words.length}`];
  let previous = '';
  for (const [word] of words) {
    let shared = 0;
    while (shared < previous.length && shared < word.length && previous[shared] === word[shared]) shared += 1;
    const drop = previous.length - shared;
    if (drop > 25) throw new Error(`vader_lexicon.txt: ${word}: more than 25 letters to drop`);
    lines.push(String.fromCharCode(65 + drop) + word.slice(shared));
    previous = word;
  }
  lines.push(words.map(([, tenths]) => String.fromCharCode(79 + tenths)).join(''));
  return lines;
}

/** A source file's lines without comments and blank ones; the entries of each charged and
 * hedging section sorted, so that ties between terms go in alphabetical order. */
function listLines(name) {
  const out = [];
  let section = null;
  const flush = () => {
    if (section) out.push(...section.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    section = null;
  };
  for (const raw of readFileSync(join(DATA, name), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      flush();
      out.push(line);
      if (/^@(charged|hedging) /.test(line)) section = [];
    } else if (section) section.push(line.toLowerCase());
    else out.push(line);
  }
  flush();
  return out;
}

export function lexiconsText() {
  const lines = ['bias-compare lexicons 1', ...vaderSection()];
  for (const name of [join('vader', 'rules.txt'), 'charged.txt', 'hedging.txt']) lines.push(...listLines(name));
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = lexiconsText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(LEXICONS, 'utf8');
    } catch {}
    if (current !== text) {
      console.error('data/lexicons.txt is out of date: run node scripts/lexicons.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(LEXICONS, text);
    console.log(`wrote data/lexicons.txt (${text.length} bytes)`);
  }
}
