#!/usr/bin/env node
// Writes data/lexicons.txt, the lexicons of the language analysis in the one compact form the
// engine reads (src/text/lexicon/parse.rs): the CLI and the Python package embed it, the widget's
// worker fetches it as dist/bias-compare-lexicons.txt. Made from the readable sources in
// data/ (data/README.md): VADER's lexicon, the word lists of VADER's rules, and our charged
// and hedging lists.
//
//   node scripts/lexicons.mjs          write data/lexicons.txt
//   node scripts/lexicons.mjs --check  exit 1 when data/lexicons.txt is not what the sources give
//
// The form, made for a short reader: a first line naming it; the count N of VADER's words, then
// the N words, sorted, each written as one capital letter (A = 0, B = 1, …: how many letters
// to drop from the end of the word before) and the letters that follow; then one line of N
// characters, each word's valence in tenths plus 79 as a character code ("-1.9" is 60, "<").
// Gzip packs words written this way, and the valences apart from them, into about 60 % of
// what a "word<TAB>valence" list takes. Then one line per entry of the other lists, its first
// character saying what it is, its words as the engine reads them (lowercase, one space
// between: "so-called" is "so called"; src/text/lexicon/parse.rs checks they are):
//   +words  -words     a VADER booster or dampener (a phrase of several words: "kind of")
//   !word              a word of VADER's negation list
//   ~word  ^word       a denial word; a word after which a denial denies nothing
//   =V words           a VADER special case, its value V in tenths
//   #c key|name|meaning  #h key|name|meaning
//                      a charged or a hedging category, its name and its meaning for
//                      readers (the source's @name and @meaning lines); the entries below
//                      are in it
//   :words|words|words an entry, the words after which it is not counted when they come next,
//                      and those when they come before (0 stands for any number)

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
  const lines = [String(words.length)];
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

/** A phrase's words as the engine reads them: lowercase, split where UAX #29 splits words of
 * these lists (at anything but a letter, a digit, or an apostrophe between letters). */
function words(phrase) {
  return phrase
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^a-z0-9']+|'(?![a-z])|(?<![a-z])'/)
    .filter(Boolean)
    .join(' ');
}

const TAGS = { 'booster up': '+', 'booster down': '-', negation: '!', denial: '~', 'denial except': '^' };

/** A source file's entries in the engine's form; the entries of each charged and hedging
 * category sorted, so that ties between terms go in alphabetical order. */
function listLines(name) {
  const out = [];
  let tag = null;
  let entries = null;
  const flush = () => {
    if (entries) out.push(...entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    entries = null;
  };
  for (const raw of readFileSync(join(DATA, name), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      const section = line.slice(1);
      const category = /^(charged|hedging) (\S+)$/.exec(section);
      const described = /^(name|meaning) (.+)$/.exec(section);
      if (!described) flush();
      if (category) {
        out.push(`#${category[1][0]} ${category[2]}`);
        entries = [];
        tag = ':';
      } else if (described && entries?.length === 0) {
        // The category's line, just written, gains its name, then its meaning.
        if (described[2].includes('|')) throw new Error(`${name}: ${line}: a "|" in a category's ${described[1]}`);
        out[out.length - 1] += `|${described[2]}`;
        if (out[out.length - 1].split('|').length !== (described[1] === 'name' ? 2 : 3)) {
          throw new Error(`${name}: ${line}: a category gives @name, then @meaning`);
        }
      } else if (section === 'idiom' || section in TAGS) tag = TAGS[section] ?? '=';
      else throw new Error(`${name}: unknown section ${line}`);
    } else if (tag === '=') {
      const [phrase, value] = line.split('=');
      out.push(`=${Math.round(Number(value) * 10)} ${words(phrase)}`);
    } else if (tag === ':') {
      const [phrase, ...rules] = line.split('|');
      const not = { 'not before': '', 'not after': '' };
      for (const rule of rules) {
        const [kind, list] = rule.split(':').map((part) => part.trim());
        if (!(kind in not)) throw new Error(`${name}: ${line}: expected "not before:" or "not after:"`);
        not[kind] = list
          .split(',')
          .map((word) => (word.trim() === '<number>' ? '0' : words(word)))
          .join(' ');
      }
      const fields = [words(phrase), not['not before'], not['not after']];
      while (fields.length > 1 && !fields[fields.length - 1]) fields.pop();
      entries.push(`:${fields.join('|')}`);
    } else if (tag) out.push(tag + words(line));
    else throw new Error(`${name}: an entry before any section: ${line}`);
  }
  flush();
  const undescribed = out.find((line) => line.startsWith('#') && line.split('|').length !== 3);
  if (undescribed) throw new Error(`${name}: category ${undescribed.slice(3)} needs @name and @meaning lines`);
  return out;
}

export function lexiconsText() {
  const lines = ['bias-compare lexicons 2', ...vaderSection()];
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
