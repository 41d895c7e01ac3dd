// The classroom's parts that need no browser (docs/CLASSROOM.md): pasted text made plain, text
// and Markdown files made articles, story files checked, ratings read from CSV and JSON and
// written back, the store's saving and its story for the engine; and the classroom's engine,
// which dist/standalone.html's panel runs too, giving the widget engine's reports byte for byte.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { articleFromMarkdown, articleFromText, dateOfLine, kindOf, storyFromJson, withoutDateAndByline, withoutInlineStyleAndHandlers } from '../../www/classroom/import.js';
import { plainLine, plainText } from '../../www/classroom/normalize.js';
import { csvRows, ratingsCsv, ratingsFromText } from '../../www/classroom/ratings.js';
import { Store } from '../../www/classroom/store.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');

describe('pasted text', () => {
  test('one kind of space and line break, straight quotes, no invisible characters; paragraphs kept', () => {
    const pasted = '\uFEFF\u201CRent\u201D\u00A0cap\u2009passes\u200B  \u2018today\u2019\r\n\r\n\r\n\r\nSecond\tparagraph\u2028line two \u00AD ';
    assert.equal(plainText(pasted), '"Rent" cap passes \'today\'\n\nSecond paragraph\nline two');
  });

  test('a one-line field gets one line', () => {
    assert.equal(plainLine('  Lakeland\n  Senate\r\nvote '), 'Lakeland Senate vote');
  });
});

describe('files made articles', () => {
  test('files are told apart by name, then by type', () => {
    assert.deepEqual(
      ['page.HTM', 'notes.md', 'a.txt', 'story.json', 'x.csv', 'noext'].map((name) => kindOf({ name, type: '' })),
      ['page', 'markdown', 'text', 'story', null, null],
    );
    assert.equal(kindOf({ name: 'download', type: 'text/html' }), 'page');
  });

  test('a text file: a short first line is the headline; a text that starts with a sentence has none', () => {
    assert.deepEqual(articleFromText('Talks collapse\n\nThe talks ended on Tuesday.\nNo deal.'), { headline: 'Talks collapse', text: 'The talks ended on Tuesday.\nNo deal.' });
    assert.deepEqual(articleFromText('The talks ended on Tuesday.\n\nNo deal was made.'), { headline: '', text: 'The talks ended on Tuesday.\n\nNo deal was made.' });
  });

  test('a Markdown file: front matter gives title, outlet, address and date; its marks are taken out', () => {
    const md = '---\ntitle: "Senate caps rent"\noutlet: Harbor Voice\nurl: https://harborvoice.example/a\ndate: 2026-03-10\n---\n# Ignored heading\n\nRenters **won** a [round](https://x.example) on *Tuesday*.\n\n- first point\n> a quote\n![photo](p.jpg)';
    assert.deepEqual(articleFromMarkdown(md), {
      source: 'Harbor Voice',
      headline: 'Senate caps rent',
      url: 'https://harborvoice.example/a',
      published: '2026-03-10',
      text: 'Ignored heading\n\nRenters won a round on Tuesday.\n\nfirst point\na quote',
    });
    assert.equal(articleFromMarkdown('# Heading only\n\nBody text.').headline, 'Heading only');
    assert.equal(articleFromMarkdown('---\nurl: javascript:alert(1)\n---\nx').url, '', 'only http(s) addresses are kept');
  });

  test('a story file must hold an object with an articles list', () => {
    assert.deepEqual(storyFromJson('\uFEFF{"articles": []}'), { articles: [] });
    assert.throws(() => storyFromJson('{"articles": 5}'), /not a story/);
    assert.throws(() => storyFromJson('{oops'), /not valid JSON/);
  });

  test('style elements, style attributes and event handlers are taken out before a page is parsed; its text and links stay', () => {
    const html = '<style>p{color:red}</style><p style="x" class="a" onclick=\'go()\' data-x="a>b">Text <b onmouseover=x>bold</b></p><a href="/x">link</a>';
    assert.equal(withoutInlineStyleAndHandlers(html), '<p class="a" data-x="a>b">Text <b>bold</b></p><a href="/x">link</a>');
  });
});

describe("a saved page's opening date line and byline", () => {
  test('a line that is only a date, as pages write it, is read as that day', () => {
    const lines = ['March 11, 2026', 'Mar. 11, 2026', 'Wednesday, March 11, 2026 4:05 PM EST', '11 March 2026', 'Updated: March 11, 2026 at 4:05 p.m.', '2026-03-11', '2026-03-11 16:05'];
    assert.deepEqual(lines.map(dateOfLine), lines.map(() => '2026-03-11'));
  });

  test('a line with more than a date, or no real date, is not one', () => {
    assert.deepEqual(['March 11, 2026 was a Wednesday', 'Maybe 3, 2026', 'March 40, 2026', '2026-13-01', 'In March 2026'].map(dateOfLine), ['', '', '', '', '']);
  });

  test('date lines and bylines opening the body leave it, the first date kept', () => {
    assert.deepEqual(withoutDateAndByline('March 11, 2026\n\nRent control took a step.'), { text: 'Rent control took a step.', date: '2026-03-11' });
    assert.deepEqual(withoutDateAndByline('By Jane Doe and Sam Lee\n\nMarch 11, 2026\n\nText.'), { text: 'Text.', date: '2026-03-11' });
    assert.deepEqual(withoutDateAndByline('By R. T. Caldwell \u2014 March 10, 2026\n\nText.'), { text: 'Text.', date: '2026-03-10' });
    assert.deepEqual(withoutDateAndByline('By Jane Doe, Staff Writer\n\nText.'), { text: 'Text.', date: '' });
  });

  test('prose that starts like a byline or a date stays, and so does a body that is nothing else', () => {
    for (const text of ['By the end of the week, lawmakers said.\n\nMore.', 'By Tuesday, the Senate had voted.\n\nMore.', 'March 11, 2026 was the day the cap passed.\n\nMore.', 'March 11, 2026']) {
      assert.deepEqual(withoutDateAndByline(text), { text, date: '' }, text);
    }
  });
});

describe('ratings tables', () => {
  test('CSV: quoted fields with commas, quotes and line breaks; commas, semicolons or tabs between fields', () => {
    assert.deepEqual(csvRows('a,"b, c","say ""hi"""\r\n"two\nlines";x\tz\n\n'), [
      ['a', 'b, c', 'say "hi"'],
      ['two\nlines', 'x', 'z'],
    ]);
  });

  test('a CSV table: its header line is skipped, blank keys dropped', () => {
    assert.deepEqual(ratingsFromText('outlet,leaning\nHarbor Voice,left\n"Metro, Wire",center\n,right\n', 'r.csv'), { 'Harbor Voice': 'left', 'Metro, Wire': 'center' });
  });

  test('a JSON table: an object, a story with ratings, or a list of outlet and leaning', () => {
    assert.deepEqual(ratingsFromText('{"Harbor Voice": "left", "n": 3}', 'r.json'), { 'Harbor Voice': 'left' });
    assert.deepEqual(ratingsFromText('{"articles": [], "ratings": {"x.example": "right"}}', 'story.json'), { 'x.example': 'right' });
    assert.deepEqual(ratingsFromText('[{"outlet": "A", "leaning": "center"}, {"domain": "b.example", "leaning": "lean-right"}]', 'r.json'), { A: 'center', 'b.example': 'lean-right' });
    assert.throws(() => ratingsFromText('{}', 'r.json'), /no ratings found/);
    assert.throws(() => ratingsFromText('just words', 'r.csv'), /no ratings found/);
  });

  test('a table written as CSV reads back the same', () => {
    const table = { 'Harbor Voice': 'left', 'Metro, "Wire"': 'center', 'x.example': 'lean-right' };
    assert.deepEqual(ratingsFromText(ratingsCsv(table), 'r.csv'), table);
  });
});

/** localStorage's interface over a Map, failing on demand. */
function memoryStorage({ full = false } = {}) {
  const items = new Map();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      if (full) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      items.set(key, String(value));
    },
  };
}

describe('the store', () => {
  test('every change is saved, and a new store on the same storage has it all back', () => {
    const storage = memoryStorage();
    const store = new Store(storage);
    store.setTitle('Lakeland');
    const [a, b] = store.addArticles([{ source: 'Harbor Voice', text: 'One.' }, { source: '', headline: 'No outlet yet', text: 'Two.' }]);
    store.moveArticle(b.id, -1);
    store.mergeRatings({ 'Harbor Voice': 'left' });
    const again = new Store(storage);
    assert.deepEqual(again.state, store.state);
    assert.deepEqual(again.state.story.articles.map((x) => x.id), [b.id, a.id]);
  });

  test('the engine gets the articles that have an outlet, with the fields given; the file gets all of them and the ratings in force', () => {
    const store = new Store(memoryStorage());
    store.addArticles([{ id: 'x', source: ' Harbor Voice ', leaning: '', headline: 'H', text: 'T' }, { source: '', text: 'no outlet' }]);
    store.mergeRatings({ 'Harbor Voice': 'left' });
    assert.deepEqual(store.storyForEngine(), { title: '', articles: [{ id: 'x', source: ' Harbor Voice ', headline: 'H', text: 'T' }] });
    const file = store.storyFile();
    assert.equal(file.articles.length, 2);
    assert.deepEqual(file.ratings, { 'Harbor Voice': 'left' });
    assert.equal(new Store(memoryStorage()).storyForEngine(), null, 'nothing to analyze in an empty story');
  });

  test('articles keep unique ids: a repeated or missing id gets a new one', () => {
    const store = new Store(memoryStorage());
    const added = store.addArticles([{ id: 'a1', source: 'A' }, { id: 'a1', source: 'B' }, { source: 'C' }]);
    assert.equal(new Set(added.map((a) => a.id)).size, 3);
    assert.equal(added[0].id, 'a1');
  });

  test('a story replaced is handed back, so it can be restored', () => {
    const store = new Store(memoryStorage());
    store.addArticles([{ source: 'A', text: 'one' }]);
    const previous = store.replaceStory({ title: 'New', articles: [{ id: 'n1', source: 'B', text: 'two' }], ratings: { B: 'right' } });
    assert.deepEqual(store.state.story.articles.map((a) => a.source), ['B']);
    assert.deepEqual(store.ratingsTable(), { B: 'right' });
    store.replaceStory(previous);
    assert.deepEqual(store.state.story.articles.map((a) => a.source), ['A']);
  });

  test('damaged saved data starts an empty classroom and says so; a full storage is said, not thrown', () => {
    const storage = memoryStorage();
    storage.items.set('bias-compare-classroom', '{not json');
    assert.equal(new Store(storage).unreadable, true);
    const odd = memoryStorage();
    odd.items.set('bias-compare-classroom', JSON.stringify({ version: 1, story: { title: 5, articles: [null, { id: 'a', source: 3 }, { id: 'a' }] }, ratings: { active: 7, sets: 'x' } }));
    const revived = new Store(odd).state;
    assert.equal(revived.story.title, '');
    assert.equal(new Set(revived.story.articles.map((a) => a.id)).size, 3);
    assert.ok(revived.story.articles.every((a) => typeof a.source === 'string'));
    assert.equal(revived.ratings.active, 0);
    const full = new Store(memoryStorage({ full: true }));
    full.setTitle('x');
    assert.equal(full.saveError, 'the browser has no more room for this page');
  });
});

describe("the classroom's engine", () => {
  test('explains the method\'s worked example with the numbers the native library gives (tests/explain.rs)', async () => {
    const glue = await import(pathToFileURL(join(DIST, 'pkg', 'bias_compare_classroom.js')).href);
    glue.initSync({ module: readFileSync(join(DIST, 'pkg', 'bias_compare_classroom_bg.wasm')) });
    const story = readFileSync(join(ROOT, 'tests', 'data', 'tiny-story.json'), 'utf8');
    const e = glue.explain(story, { priorScale: 100, zMin: 1.5, minCount: 3 }, 'left', 'Daring');
    assert.deepEqual([e.counts.y_b, e.counts.y_r, e.counts.n_b, e.counts.n_r], [6, 0, 206, 414]);
    assert.deepEqual(e.formula.map((l) => [l.symbol, l.value]), [['α_w', 0.9677], ['δ', 2.5139], ['σ²', 1.1769], ['σ', 1.0848], ['z', 2.3173]]);
    assert.equal(e.formula[4].numbers, '2.5139 / 1.0848');
    assert.throws(() => glue.explain(story, {}, 'middle', 'daring'), /^Error: side: unknown side "middle"/);
  });

  test('gives every sample the same report, byte for byte, as the widget\'s engine', async () => {
    const load = async (name) => {
      const glue = await import(pathToFileURL(join(DIST, 'pkg', `${name}.js`)).href);
      glue.initSync({ module: readFileSync(join(DIST, 'pkg', `${name}_bg.wasm`)) });
      return glue;
    };
    const [widget, classroom] = await Promise.all([load('bias_compare'), load('bias_compare_classroom')]);
    assert.equal(typeof widget.explain, 'undefined', 'the widget\'s engine has no explain');
    const samples = JSON.parse(readFileSync(join(DIST, 'samples', 'index.json'), 'utf8'));
    for (const { file } of samples) {
      const story = readFileSync(join(DIST, 'samples', file), 'utf8');
      assert.equal(JSON.stringify(classroom.analyze(story)), JSON.stringify(widget.analyze(story)), file);
    }
  });
});
