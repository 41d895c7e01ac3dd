// The demo's paste box says what is wrong with a pasted story in words and selects the line to
// change (www/demo/story-errors.js, www/demo/json-locate.js; docs/WIDGET.md, "The demo page").
//
// Each case runs a fixture of tests/node/fixtures/pasted/ through the real engine (dist/pkg),
// so the message is the engine's own, then checks the sentence and the text that would be
// selected. Positions are UTF-16 indices into the text, as a textarea counts them: keys given
// twice, escaped keys, emoji and a byte order mark must not move them.
//
// Needs: `node scripts/build.mjs` (dist/pkg).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { explainError } from '../../www/demo/story-errors.js';
import { indexOfLineColumn, locate } from '../../www/demo/json-locate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'tests', 'node', 'fixtures', 'pasted');
const PKG = join(ROOT, 'dist', 'pkg');

const engine = await import(pathToFileURL(join(PKG, 'bias_compare.js')).href);
engine.initSync({ module: readFileSync(join(PKG, 'bias_compare_bg.wasm')) });

/** The engine's error for `text` (it must have one). */
function engineError(text) {
  try {
    engine.analyze(text);
  } catch (error) {
    return error.message;
  }
  throw new Error('expected the engine to reject the text');
}

function fixture(name) {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The sentence and the selected text for a fixture, with the engine's message. */
function explained(text) {
  const message = engineError(text);
  const { text: words, start, end } = explainError(message, text);
  return { message, words, selected: start === null ? null : text.slice(start, end) };
}

const LEANINGS = /— use one of .*\bfar-left\b.*\bunrated\.$/;

describe('an unknown leaning', () => {
  test('the sample with "far-right" changed to "very right": the article counted from 1, its id and source, the leanings to use, and its leaning line selected', () => {
    const sample = readFileSync(join(ROOT, 'www', 'samples', 'drone-raid.json'), 'utf8');
    const text = sample.replace('"far-right"', '"very right"');
    const story = JSON.parse(text);
    const index = story.articles.findIndex((a) => a.leaning === 'very right');
    const { message, words, selected } = explained(text);
    assert.match(message, new RegExp(`^articles\\[${index}\\]\\.leaning: `), 'precondition: the engine names the JSON path');
    const { id, source } = story.articles[index];
    assert.ok(words.startsWith(`Article ${index + 1} (id "${id}", ${source}): unknown leaning "very right" — use one of `), words);
    assert.match(words, LEANINGS);
    assert.equal(selected, '      "leaning": "very right",');
  });

  test('a key given twice: the last value is the one the engine read, and its line is selected', () => {
    const { words, selected } = explained(fixture('duplicate-leaning.json'));
    assert.ok(words.startsWith('Article 2 (id "a2", Ridge Courier): unknown leaning "very right"'), words);
    assert.equal(selected, '      "leaning": "very right"');
  });

  test('"articles" given twice: the article is found in the second list, as the engine read it', () => {
    const { words, selected } = explained(fixture('duplicate-articles.json'));
    assert.ok(words.startsWith('Article 2 (id "b2", Ridge Courier): unknown leaning "plaid"'), words);
    assert.equal(selected, '      "leaning": "plaid",');
  });

  test('keys written with escapes (\\u0061) match, and a source with escaped quotes is named as it reads', () => {
    const { words, selected } = explained(fixture('escaped-key.json'));
    assert.ok(words.startsWith('Article 2 (id "c2", Ridge "Evening" Courier): unknown leaning "purple"'), words);
    assert.equal(selected, '      "le\\u0061ning": "purple",');
  });

  test('emoji, accents and CJK on earlier lines do not move the selection', () => {
    const { words, selected } = explained(fixture('unicode-lines.json'));
    assert.ok(words.startsWith('Article 2 (id "d2", Ridge Courier 🏔️): unknown leaning "middling"'), words);
    assert.equal(selected, '      "leaning": "middling",');
  });

  test('a byte order mark before the story does not move the selection', () => {
    const text = fixture('bom.json');
    assert.equal(text.charCodeAt(0), 0xfeff, 'precondition: the fixture starts with a byte order mark');
    const { words, selected } = explained(text);
    assert.ok(words.startsWith('Article 1 (id "h1", Harbor Gazette): unknown leaning "upward"'), words);
    assert.equal(selected, '      "leaning": "upward",');
  });

  test('JSON on one line: the value itself is selected, not the whole line', () => {
    const { words, selected } = explained(fixture('minified.json'));
    assert.ok(words.startsWith('Article 2 (id "e2", Ridge Courier): unknown leaning "sideways"'), words);
    assert.equal(selected, '"sideways"');
  });

  test('a ratings key the message cuts at 80 characters is still found, by its start', () => {
    const { message, words, selected } = explained(fixture('long-ratings-key.json'));
    assert.match(message, /^ratings\[".{80}"…\]: unknown leaning "communist"/, 'precondition: the engine cuts the key');
    assert.ok(words.startsWith('The rating for "The Very Long Name'), words);
    assert.match(words, LEANINGS);
    assert.equal(selected, '    "The Very Long Name Of An Outlet That Goes On And On Past Eighty Characters In All, Really": "communist"');
  });
});

describe('other problems', () => {
  test('an empty box: says so, and selects nothing', () => {
    for (const text of ['', '   \n\t ']) {
      const { message, words, selected } = explained(text);
      assert.match(message, /^story: not valid JSON: EOF while parsing a value/, 'precondition');
      assert.equal(words, 'The box is empty: paste a story as JSON, or start from the current sample.');
      assert.equal(selected, null);
    }
  });

  test('a missing field: named, and the article selected by its first lines', () => {
    const { words, selected } = explained(fixture('missing-source.json'));
    assert.equal(words, 'Article 2 (id "f2"): "source" is missing.');
    assert.equal(selected, '    {\n      "id": "f2",');
  });

  test('a missing comma after emoji: the column is counted in characters (the parser counts bytes), and the token where it stopped is selected', () => {
    const text = fixture('syntax-after-emoji.json');
    const { message, words, selected } = explained(text);
    const bytes = Number(/column (\d+)$/.exec(message)[1]);
    const at = text.indexOf('"text"');
    assert.equal(Buffer.byteLength(text.slice(0, at)) + 1, bytes, 'precondition: the engine counts bytes from 1');
    assert.equal(words, `Not valid JSON at line 1, column ${[...text.slice(0, at)].length + 1}: a comma or a closing bracket was expected here: is a comma missing?`);
    assert.equal(selected, '"text"');
  });

  test('a line break inside quotes: the line where the text in quotes was left open is selected', () => {
    const { words, selected } = explained(fixture('unbalanced.json'));
    assert.equal(words, 'Not valid JSON at the end of line 7: a line break or a tab inside text in quotes: write it as \\n or \\t.');
    assert.equal(selected, '      "text": "The council met.');
  });

  test('a story that is not an object, a wrong type, no articles: one sentence each', () => {
    assert.equal(explained('[1, 2]').words, 'The story should be a JSON object, {"title": …, "articles": [ … ]}, not an array.');
    assert.equal(explained('{"articles": 5}').words, '"articles" should be an array, not a number.');
    assert.equal(explained('{"articles": []}').words, 'The story has no articles: "articles" needs at least one.');
    assert.equal(explained('{"articles": [{"id": "a", "source": "s", "text": 5}]}').words, 'Article 1 (id "a", s): "text" should be a string, not a number.');
    assert.equal(explained('{"articles": [{"id": "a", "source": "s", "text": "x"}, {"id": " a ", "source": "t", "text": "y"}]}').words, 'Article 2 (id "a", t): its id "a" is also article 1\'s: give every article an id of its own.');
  });

  test('a message it does not know is shown as it is, with nothing selected', () => {
    for (const message of ['options.top: expected a whole number, found 1.5', 'something new happened', 'articles[2]']) {
      assert.deepEqual(explainError(message, '{"articles": []}'), { text: message, start: null, end: null });
    }
  });

  test('a path the text does not hold (the text changed, or is not JSON): nothing selected, the sentence still given', () => {
    const { text, start } = explainError('articles[3].leaning: unknown leaning "x" (expected one of left, right)', '{"articles": [');
    assert.equal(text, 'Article 4: unknown leaning "x" — use one of left, right.');
    assert.equal(start, null);
  });
});

describe('json-locate', () => {
  test('the deepest part of a path that exists is found, with how deep it goes', () => {
    const text = '{"a": [10, {"b": 2}]}';
    assert.deepEqual(locate(text, [{ key: 'a' }, 1, { key: 'b' }]), { start: 17, end: 18, depth: 3 });
    assert.deepEqual(locate(text, [{ key: 'a' }, 1, { key: 'c' }]), { start: 11, end: 19, depth: 2 });
    assert.deepEqual(locate(text, [{ key: 'a' }, 5]), { start: 6, end: 20, depth: 1 });
    assert.deepEqual(locate(text, []), { start: 0, end: 21, depth: 0 });
  });

  test('text that is not JSON gives null rather than a guess', () => {
    for (const text of ['{"a": ', '{"a" 1}', '[1,, 2]', '{"a": "\\x"}', '{} {}', 'nul']) {
      assert.equal(locate(text, [{ key: 'a' }]), null, text);
    }
  });

  test('a key holding a lone surrogate matches the engine\'s U+FFFD', () => {
    const text = '{"\\ud83d": {"b": 1}}';
    assert.equal(locate(text, [{ key: '\ufffd' }, { key: 'b' }]).depth, 2);
  });

  test('the parser\'s line and byte column become an index into the text', () => {
    const text = 'ab\né😀x\n';
    assert.equal(indexOfLineColumn(text, 2, 1), 3, 'é');
    assert.equal(indexOfLineColumn(text, 2, 3), 4, '😀 after é (2 bytes)');
    assert.equal(indexOfLineColumn(text, 2, 7), 6, 'x after 😀 (4 bytes, 2 UTF-16 units)');
    assert.equal(indexOfLineColumn('\ufeff{', 1, 1), 1, 'a byte order mark is not counted');
    assert.equal(indexOfLineColumn(text, 9, 1), null, 'no such line');
  });
});
