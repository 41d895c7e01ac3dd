// The paste box's error, in words, and where in the pasted text it is.
//
// The element shows the engine's message, which names a JSON path for scripts
// (`articles[14].leaning: unknown leaning "very right" (expected one of …)`, docs/STORY.md,
// "Errors"). Someone who pasted a story wants it said in words about their text: "Article 15
// (id "r7", Liberty Beacon): unknown leaning "very right" — use one of …", with the line to
// change selected. A message this module does not know is shown as it is.

import { indexOfLineColumn, lineAt, locate } from './json-locate.js';

/**
 * `message` (the engine's error for `text`) as a sentence, and the span of `text` to select:
 * { text, start, end }, with start and end null when no line can be pointed at.
 */
export function explainError(message, text) {
  const none = (words) => ({ text: words, start: null, end: null });
  const parsed = parsePath(String(message));
  if (!parsed || parsed.root === 'options') return none(String(message));
  const { root, steps, rest } = parsed;

  if (root === 'story') {
    const syntax = /^not valid JSON: (.*) at line (\d+) column (\d+)$/.exec(rest);
    if (syntax) return syntaxError(syntax[1], Number(syntax[2]), Number(syntax[3]), text);
    return none(sentence(storyProblem(rest)));
  }

  const story = parseStory(text);
  let words;
  if (root === 'articles' && typeof steps[1] === 'number') {
    const label = articleLabel(steps[1], story);
    if (steps.length > 2) words = `${label}: ${fieldProblem(`"${steps[2].key}"`, rest)}`;
    else words = wrongType(label, rest) ?? `${label}: ${rest}`;
  } else if (root === 'ratings' && steps.length > 1) {
    const label = `The rating for ${JSON.stringify(steps[1].key)}${steps[1].prefix ? '…' : ''}`;
    words = wrongType(label, rest) ?? `${label}: ${leaningProblem(rest) ?? rest}`;
  } else if (root === 'articles' && /^expected 1 to \d+ articles, found 0$/.test(rest)) {
    words = 'The story has no articles: "articles" needs at least one';
  } else {
    words = fieldProblem(`"${root}"`, rest);
  }
  return { text: sentence(words), ...lineOf(text, locate(text, steps)) };
}

// ------------------------------------------------------------------ the message's path

const IDENT = /[A-Za-z_$][\w$]*/y;

/** The path a message starts with (`articles[3].leaning`, `ratings["a: b"]`), as steps for
 * locate(), and the rest of the message after ": ". */
function parsePath(message) {
  IDENT.lastIndex = 0;
  if (!IDENT.test(message)) return null;
  const root = message.slice(0, IDENT.lastIndex);
  const steps = root === 'story' ? [] : [{ key: root }];
  let at = IDENT.lastIndex;
  for (;;) {
    if (message[at] === '.') {
      IDENT.lastIndex = at + 1;
      if (!IDENT.test(message)) return null;
      steps.push({ key: message.slice(at + 1, IDENT.lastIndex) });
      at = IDENT.lastIndex;
    } else if (message[at] === '[') {
      const index = /^\[(\d+)\]/.exec(message.slice(at, at + 24));
      if (index) {
        steps.push(Number(index[1]));
        at += index[0].length;
        continue;
      }
      const end = stringEnd(message, at + 1);
      if (end < 0) return null;
      let key;
      try {
        key = JSON.parse(message.slice(at + 1, end + 1));
      } catch {
        return null;
      }
      at = end + 1;
      // A key longer than 80 characters is cut, with "…" after its closing quote.
      const prefix = message[at] === '…';
      if (prefix) at++;
      if (message[at] !== ']') return null;
      steps.push({ key, prefix });
      at++;
    } else break;
  }
  if (message.slice(at, at + 2) !== ': ') return null;
  return { root, steps, rest: message.slice(at + 2) };
}

/** The index of the quote closing the JSON string that opens at `start`, or -1. */
function stringEnd(text, start) {
  if (text[start] !== '"') return -1;
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at;
  }
  return -1;
}

// ------------------------------------------------------------------ the words

function sentence(words) {
  return /[.!?]$/.test(words) ? words : `${words}.`;
}

/** "Article 15 (id "r7", Liberty Beacon)", counting from 1, with what the article says it is. */
function articleLabel(index, story) {
  const article = Array.isArray(story?.articles) ? story.articles[index] : null;
  const known = [];
  if (article && typeof article === 'object') {
    if (typeof article.id === 'string' && article.id.trim()) known.push(`id ${JSON.stringify(cut(article.id.trim()))}`);
    if (typeof article.source === 'string' && article.source.trim()) known.push(cut(article.source.trim()));
  }
  return `Article ${index + 1}${known.length > 0 ? ` (${known.join(', ')})` : ''}`;
}

function cut(text) {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** "X should be a string, not a number", for "expected a string, found a number". */
function wrongType(name, rest) {
  const match = /^expected (.+), found (.+)$/.exec(rest);
  return match ? `${name} should be ${match[1]}, not ${match[2]}` : null;
}

function leaningProblem(rest) {
  const match = /^(unknown leaning .*) \(expected (one of .*)\)$/.exec(rest);
  return match ? `${match[1]} — use ${match[2]}` : null;
}

/** What is wrong with the field `name` ("leaning", with its quotes). */
function fieldProblem(name, rest) {
  if (rest === 'missing required field') return `${name} is missing`;
  if (rest === 'must not be empty') return `${name} is empty`;
  if (/^longer than /.test(rest)) return `${name} is ${rest}`;
  const duplicate = /^duplicate id (".*") \(first used by articles\[(\d+)\]\)$/.exec(rest);
  if (duplicate) return `its id ${duplicate[1]} is also article ${Number(duplicate[2]) + 1}'s: give every article an id of its own`;
  return wrongType(name, rest) ?? leaningProblem(rest) ?? `${name}: ${rest}`;
}

function storyProblem(rest) {
  const type = /^expected a JSON object, found (.+)$/.exec(rest);
  if (type) return `The story should be a JSON object, {"title": …, "articles": [ … ]}, not ${type[1]}`;
  return `The story is ${rest}`;
}

/** The JSON parser's description (serde_json's words) in plain words. */
const SYNTAX = [
  [/^EOF while parsing/, 'the text ends before the story does: a closing }, ] or " is missing'],
  [/^trailing comma$/, 'a comma just before a closing } or ]: remove it'],
  [/^key must be a string$/, 'keys need double quotes'],
  [/^expected value$/, 'a value was expected here: text in double quotes, a number, true, false, null, {…} or […]'],
  [/^expected `,` or `[}\]]`$/, 'a comma or a closing bracket was expected here: is a comma missing?'],
  [/^expected `:`$/, 'a colon was expected after the key'],
  [/^trailing characters$/, 'there is more text after the end of the story'],
  [/^control character/, 'a line break or a tab inside text in quotes: write it as \\n or \\t'],
  [/^invalid escape$/, 'a backslash inside text in quotes: write it as \\\\'],
  [/^number out of range$/, 'a number too large'],
  [/^recursion limit exceeded$/, 'objects and arrays nested more than 127 deep'],
];

const LONG_LINE = 120;

/** The JSON token that starts at `index` (a string with its quotes, a word, a bracket). */
function tokenAt(text, index) {
  if (index >= text.length) return { start: Math.max(0, text.length - 1), end: text.length };
  if (text[index] === '"') {
    const end = stringEnd(text, index);
    if (end > 0) return { start: index, end: end + 1 };
  }
  const word = /[^\s,:{}[\]"]*/y;
  word.lastIndex = index;
  word.test(text);
  return { start: index, end: Math.max(index + 1, word.lastIndex) };
}

function syntaxError(description, line, column, text) {
  if (text.trim() === '' || text.trim() === '\ufeff') {
    return { text: 'The box is empty: paste a story as JSON, or start from the current sample.', start: null, end: null };
  }
  const plain = SYNTAX.find(([pattern]) => pattern.test(description))?.[1] ?? description;
  const index = indexOfLineColumn(text, line, column);
  if (index === null) return { text: sentence(`Not valid JSON at line ${line}: ${plain}`), start: null, end: null };
  let span = lineAt(text, index);
  // Column 0 is the line break before the line (a line break inside quotes), or the end of an
  // empty text; at the end of the text, the last line that has something on it counts.
  let where = `line ${line}, column ${[...text.slice(span.start, index)].length + 1}`; // in characters, not bytes
  if (column === 0 && line > 1) where = `the end of line ${line - 1}`;
  if (column === 0 || text.slice(span.start, span.end).trim() === '') {
    while (span.start > 0 && (span.start === index || text.slice(span.start, span.end).trim() === '')) span = lineAt(text, span.start - 1);
  } else if (span.end - span.start > LONG_LINE) {
    // JSON on one long line: the token where the parser stopped, not the whole line.
    span = tokenAt(text, index);
  }
  return { text: sentence(`Not valid JSON at ${where}: ${plain}`), start: span.start, end: span.end };
}

// ------------------------------------------------------------------ where

function parseStory(text) {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null;
  }
}

/** What to select for the value `found`: its line when the value has a line of its own (with
 * its key: pretty-printed JSON), a line holding only "{" or "[" with the next one, so that an
 * object shows its first key; else, on a line shared with other values, the value itself. */
function lineOf(text, found) {
  if (!found) return { start: null, end: null };
  const span = lineAt(text, found.start);
  const before = text.slice(span.start, found.start);
  const after = text.slice(found.end, Math.max(found.end, span.end));
  const ownLine = /^\s*("(?:[^"\\]|\\.)*"\s*:\s*)?$/.test(before) && (found.end > span.end || /^\s*,?\s*$/.test(after));
  if (!ownLine) return { start: found.start, end: found.end };
  if (/^\s*[[{]\s*$/.test(text.slice(span.start, span.end)) && span.end < text.length) {
    span.end = lineAt(text, span.end + 1).end;
  }
  return span;
}
