// The classroom (docs/CLASSROOM.md) as a teacher uses it: dist/standalone.html opened from
// file:// with no network, six saved web pages dropped in, the outlets labelled, the panel
// following, a reload, an export and a re-import, two ratings tables flipped, a round of guess
// the leaning, a term explained number by number, the projector view, the printed handout and
// the exports. The tests run in this order on one page, each building on the one before, as the
// lesson does.
//
// The browser context is offline and every request but the page itself is refused and recorded:
// the last test checks that nothing tried to leave the page.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { MANIFEST, PAGES, labelTheOutlets } from './classroom-lesson.mjs';
import { artifactPath, DIST, expectedReport, launchBrowser, settled, watch } from './helpers.mjs';

const FILE_URL = pathToFileURL(join(DIST, 'standalone.html')).href;
const LANGUAGE = JSON.parse(readFileSync(join(PAGES, 'language.json'), 'utf8')).language;
const SIDES = ['left', 'center', 'right'];

let browser;
let context;
let page;
let log;
let others; // requests other than the page itself

/** The classroom's engine in Node (dist/pkg/bias_compare_classroom*): `explain` to check against. */
let classroomEngine = null;
async function engine() {
  if (!classroomEngine) {
    classroomEngine = await import(pathToFileURL(join(DIST, 'pkg', 'bias_compare_classroom.js')).href);
    classroomEngine.initSync({ module: readFileSync(join(DIST, 'pkg', 'bias_compare_classroom_bg.wasm')) });
  }
  return classroomEngine;
}

/** What the classroom keeps in the browser (its localStorage entry). */
function saved() {
  return page.evaluate(() => JSON.parse(localStorage.getItem('bias-compare-classroom') ?? 'null'));
}

/** The report on the panel once its numbers at `want`'s paths have `want`'s values, e.g.
 * { 'coverage.left.articles': 2 } (the analysis follows edits after a pause). */
async function reportWhen(want) {
  const handle = await page
    .waitForFunction(
      (want) => {
        const report = document.getElementById('demo').report;
        const at = (path) => path.split('.').reduce((value, key) => value?.[key], report);
        return report && Object.entries(want).every(([path, value]) => at(path) === value) ? report : null;
      },
      want,
      { timeout: 15_000 },
    )
    .catch((error) => {
      throw new Error(`the panel never showed ${JSON.stringify(want)}: ${error.message}`);
    });
  return handle.jsonValue();
}

/** The story exactly as the classroom hands it to the engine: its articles with an outlet, and
 * the ratings table in force as the `ratings` option. */
async function storyAndOptions() {
  return page.evaluate(() => {
    const { story, ratings } = JSON.parse(localStorage.getItem('bias-compare-classroom'));
    const articles = story.articles
      .filter((a) => a.source.trim())
      .map((a) => {
        const out = { id: a.id };
        for (const key of ['source', 'leaning', 'headline', 'url', 'published']) if (a[key].trim()) out[key] = a[key];
        out.text = a.text;
        return out;
      });
    const table = {};
    for (const row of ratings.sets[ratings.active].rows) if (row.key.trim() && row.leaning) table[row.key.trim()] = row.leaning;
    return { story: { title: story.title, articles }, options: { ratings: table } };
  });
}

async function download(action) {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = artifactPath(`classroom-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, bytes: readFileSync(path) };
}

before(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  others = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === FILE_URL) return route.continue();
    others.push(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  log = await watch(page);
  await page.goto(FILE_URL);
  assert.ok((await settled(page, '#demo')).ok, 'the standalone page shows its first sample');
});

after(async () => {
  await browser?.close();
});

test('six saved pages dropped in become six articles: outlet, headline, address, date and text read from each, page furniture left out', async () => {
  await page.setInputFiles('#import-files', MANIFEST.map((p) => join(PAGES, p.file)));
  await page.waitForFunction(() => /Added 6 articles/.test(document.getElementById('editor-status').textContent));
  const { story } = await saved();
  assert.equal(story.articles.length, 6);
  for (const [i, expected] of MANIFEST.entries()) {
    const article = story.articles[i];
    assert.deepEqual(
      { source: article.source, headline: article.headline, url: article.url, published: article.published },
      { source: expected.source, headline: expected.headline, url: expected.url, published: expected.published },
      `${expected.file}: outlet, headline, address and date`,
    );
    const paragraphs = article.text.split('\n\n');
    for (const paragraph of expected.paragraphs) assert.ok(paragraphs.includes(paragraph), `${expected.file}: the paragraph "${paragraph.slice(0, 50)}…" is in the text, whole`);
    for (const furniture of expected.absent) assert.ok(!article.text.includes(furniture), `${expected.file}: "${furniture}" is not article text`);
  }
  // The pages' own scripts did not run.
  assert.equal(await page.evaluate(() => window.__ranScript ?? null), null);
  assert.equal(await page.evaluate(() => document.body.dataset.ran ?? null), null);
  // Unlabelled, the six articles are on the panel as unrated.
  const report = await reportWhen({ 'coverage.unrated.articles': 6 });
  assert.equal(await page.$eval('#sample-picker', (p) => p.value), 'mine', 'the panel shows the teacher\'s story');
  assert.equal(report.coverage.total_articles, 6);
});

test('the teacher labels the outlets (ratings by name and by domain, a renamed outlet with its own leaning) and the comparison follows', async () => {
  await labelTheOutlets(page);

  const report = await reportWhen({ 'coverage.left.articles': 2, 'coverage.center.articles': 2, 'coverage.right.articles': 2 });
  const { story, options } = await storyAndOptions();
  assert.deepEqual(report, await expectedReport(story, options), 'the panel shows the engine\'s report of the story as labelled');
  assert.equal(await page.textContent('#story-title'), 'Lakeland Senate caps rent increases');
  const from = Object.fromEntries(report.articles.map((a) => [a.source, a.leaning_from]));
  assert.equal(from['Harbor Voice'], 'options.ratings.host', 'Harbor Voice rated by its domain');
  assert.equal(from['Metro Wire'], 'options.ratings.source', 'Metro Wire rated by its name');
  assert.equal(from['Frontier Standard'], 'article', 'Frontier Standard by its own picker');
  for (const side of SIDES) assert.ok(report.framing[side].terms.length > 0, `${side} lists terms`);
  const segments = await page.$$eval('#demo', ([demo]) => [...demo.shadowRoot.querySelectorAll('[data-role="coverage"] button[data-side]')].map((b) => b.querySelector('.seg-count').textContent));
  assert.deepEqual(segments, ['2 articles', '2 articles', '2 articles'], 'the coverage bar');
});

test('typing in an article waits for a pause: no analysis while the keys come, one after', async () => {
  const card = page.locator('.article-card').first();
  if ((await card.locator('.article-toggle').getAttribute('aria-expanded')) !== 'true') await card.locator('.article-toggle').click();
  const text = card.locator('[data-field="text"]');
  await page.evaluate(() => {
    window.__analyses = 0;
    document.getElementById('demo').addEventListener('bias-compare-ready', () => {
      window.__analyses += 1;
    });
  });
  await text.press('End');
  const typed = ' The governor later thanked renters for their patience.';
  await page.keyboard.type(typed, { delay: 40 });
  assert.equal(await page.evaluate(() => window.__analyses), 0, 'no analysis while typing (keys 40 ms apart)');
  assert.ok((await text.inputValue()).endsWith(typed), 'every key reached the box');
  await page.waitForFunction(() => window.__analyses === 1);
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => window.__analyses), 1, 'one analysis after the pause');
  const { story, options } = await storyAndOptions();
  assert.deepEqual(await page.evaluate(() => document.getElementById('demo').report), await expectedReport(story, options));
});

test('pasted text arrives with plain spaces, straight quotes and no invisible characters', async () => {
  const card = page.locator('.article-card').first();
  const headline = card.locator('[data-field="headline"]');
  const before = await headline.inputValue();
  await headline.fill('');
  await headline.focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '  \u201CCap\u201D\u00A0passes\u200B\tSenate\u2019s  vote\r\n ');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  assert.equal(await headline.inputValue(), '"Cap" passes Senate\'s vote');
  await headline.fill(before);
});

test('a reload loses nothing: the story, its order, the ratings tables and the panel come back', async () => {
  const before = await saved();
  const report = await page.evaluate(() => document.getElementById('demo').report);
  await page.reload();
  const after = await reportWhen({ 'coverage.total_articles': 6 });
  assert.deepEqual(await saved(), before, 'the saved classroom is unchanged');
  assert.equal(await page.$eval('#sample-picker', (p) => p.value), 'mine');
  assert.deepEqual(after, report, 'the same report');
  assert.equal(await page.inputValue('#story-title-input'), 'Lakeland Senate caps rent increases');
  assert.equal(await page.locator('.article-card').count(), 6);
  assert.equal(await page.inputValue('#ratings-0-key-1'), 'harborvoice.example');
});

test('export story gives the JSON back; a new story and an import of that file bring it all back', async () => {
  const report = await page.evaluate(() => document.getElementById('demo').report);
  const before = await saved();
  const file = await download(() => page.click('#export-story'));
  assert.equal(file.name, 'lakeland-senate-caps-rent-increases.json');
  const exported = JSON.parse(file.bytes.toString('utf8'));
  assert.equal(exported.title, 'Lakeland Senate caps rent increases');
  assert.deepEqual(exported.articles.map((a) => a.id), before.story.articles.map((a) => a.id));
  assert.deepEqual(exported.ratings, (await storyAndOptions()).options.ratings, 'the ratings in force travel with the story');
  assert.deepEqual(await expectedReport(exported), { ...report, articles: report.articles.map((a) => ({ ...a, leaning_from: a.leaning_from.replace('options.', '') })) }, 'the file alone gives the same analysis (its ratings read as the story\'s own)');

  await page.click('#new-story');
  assert.equal(await page.locator('.article-card').count(), 0, 'a new, empty story');
  assert.match(await page.textContent('#editor-status'), /Started a new, empty story\. Undo/);
  await page.setInputFiles('#import-files', file.path);
  await page.waitForFunction(() => /Opened the story/.test(document.getElementById('editor-status').textContent));
  const back = await reportWhen({ 'coverage.total_articles': 6, 'coverage.left.articles': 2 });
  assert.deepEqual(back, report, 'the same report as before the export');
  const again = await saved();
  assert.deepEqual(again.story, before.story, 'the same story: title, articles, their order and every field');
  assert.deepEqual(again.ratings.sets[0].rows, before.ratings.sets[0].rows);
});

test('two ratings tables: flipping to the second moves an outlet to another side, and back', async () => {
  const reportA = await page.evaluate(() => document.getElementById('demo').report);
  await page.click('#ratings-set-1 [data-action="copy-other"]');
  const row = await page.$$eval('#ratings-set-1 [data-role="rating-key"]', (inputs) => inputs.findIndex((i) => i.value === 'Metro Wire'));
  await page.selectOption(`#ratings-1-leaning-${row}`, 'lean-left');
  await page.check('#ratings-active-1');
  const reportB = await reportWhen({ 'coverage.left.articles': 3 });
  assert.equal(reportB.coverage.center.articles, 1);
  assert.notDeepEqual(reportB.framing, reportA.framing, 'the framing changes with the ratings');
  const { story, options } = await storyAndOptions();
  assert.equal(options.ratings['Metro Wire'], 'lean-left');
  assert.deepEqual(reportB, await expectedReport(story, options));
  await page.check('#ratings-active-0');
  assert.deepEqual(await reportWhen({ 'coverage.left.articles': 2 }), reportA);
});

test('a ratings table goes out as CSV and JSON and comes back in from a file, row for row', async () => {
  const tableA = await page.evaluate(() => {
    const { ratings } = JSON.parse(localStorage.getItem('bias-compare-classroom'));
    return Object.fromEntries(ratings.sets[0].rows.filter((r) => r.key.trim() && r.leaning).map((r) => [r.key.trim(), r.leaning]));
  });
  const csv = await download(() => page.click('#ratings-set-0 [data-action="export-csv"]'));
  assert.equal(csv.name, 'ratings-a.csv');
  assert.deepEqual(csv.bytes.toString('utf8').trim().split('\n'), ['outlet or domain,leaning', ...Object.entries(tableA).map(([key, leaning]) => `${key},${leaning}`)]);
  const json = await download(() => page.click('#ratings-set-0 [data-action="export-json"]'));
  assert.equal(json.name, 'ratings-a.json');
  assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), tableA);

  // A second rater's file, read into table B (a copy of A with Metro Wire moved, from the test
  // before): its rows replace B's rows of the same outlet and add the others; A is untouched.
  const before = await page.evaluate(() => JSON.parse(localStorage.getItem('bias-compare-classroom')).ratings.sets[1].rows);
  await page.setInputFiles('#ratings-1-file', join(PAGES, 'ratings-second-rater.csv'));
  await page.waitForFunction(() => /Read 3 ratings from ratings-second-rater\.csv/.test(document.getElementById('ratings-status').textContent));
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem('bias-compare-classroom')).ratings);
  const expected = before.map((r) => ({ ...r }));
  for (const [key, leaning] of [['Metro Wire', 'lean-left'], ['Dispatch, Liberty', 'right'], ['frontierstandard.example', 'lean-right']]) {
    const row = expected.find((r) => r.key === key);
    if (row) row.leaning = leaning;
    else expected.push({ key, leaning });
  }
  assert.deepEqual(after.sets[1].rows, expected, 'table B after reading the file');
  assert.deepEqual(await page.$$eval('#ratings-set-1 [data-role="rating-key"]', (inputs) => inputs.map((i) => i.value)), expected.map((r) => r.key), 'the editor shows its rows');
  assert.deepEqual(Object.fromEntries(after.sets[0].rows.map((r) => [r.key, r.leaning])), tableA, 'table A untouched');
  assert.equal(after.active, 0, 'A still in force');
});

test('a round of guess the leaning on one screen: names and leanings hidden, guesses, then the score and what gave each outlet away', async () => {
  const report = await page.evaluate(() => document.getElementById('demo').report);
  await page.click('#guess-start');
  assert.equal(await page.isVisible('#demo'), false, 'the panel is hidden during the round');
  assert.equal(await page.isVisible('#editor'), false, 'the editor too');
  const cards = page.locator('.guess-card');
  assert.equal(await cards.count(), 6);
  const shown = await page.locator('#guess').innerText();
  for (const outlet of new Set(report.articles.map((a) => a.source))) assert.ok(!shown.toLowerCase().includes(outlet.toLowerCase()), `"${outlet}" appears nowhere in the round`);
  assert.ok(!/lean-|\bleft\)|\bright\)/i.test(shown), 'no leaning label appears');
  // Harbor Voice's page quotes someone who "told Harbor Voice": that sentence is one of its clues.
  assert.ok(report.framing.left.terms.some((t) => t.examples.some((e) => e.sentence.includes('told Harbor Voice'))), 'precondition: a sentence names its outlet');
  assert.match(shown, /she told Outlet [A-F]\./, 'an outlet named in a sentence is masked too');

  // The class answers: every outlet on its side but one, which it calls center.
  const answers = await page.$$eval('.guess-card', (nodes) => nodes.map((n) => n.getAttribute('data-outlet')));
  const truth = {};
  for (const [i, label] of answers.entries()) {
    const card = page.locator(`.guess-card[data-outlet="${label}"]`);
    // Each card's clues are the report's terms that this outlet used: they tell its side.
    const clues = await card.locator('[data-role="clues"] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-term')));
    const side = SIDES.find((s) => clues.length && clues.every((term) => report.framing[s].terms.some((t) => t.term === term)));
    truth[label] = side;
    await card.locator(`input[data-side="${i === 0 ? (side === 'center' ? 'left' : 'center') : side}"]`).check();
  }
  assert.equal(await page.textContent('#guess-score'), '6 of 6 outlets guessed.');
  await page.click('#guess-reveal');
  assert.equal(await page.textContent('#guess-score'), '5 of 6 outlets placed on their side.');
  for (const [i, label] of answers.entries()) {
    const card = page.locator(`.guess-card[data-outlet="${label}"]`);
    const side = await card.getAttribute('data-side');
    assert.equal(side, truth[label], `${label}: the clues told its side`);
    assert.equal(await card.getAttribute('data-result'), i === 0 ? 'wrong' : 'right');
    const source = (await card.locator('h3').textContent()).replace(`${label}: `, '');
    const used = report.framing[side].terms.filter((t) => t.by_outlet.some((o) => o.source === source)).map((t) => t.term).sort();
    const gave = (await card.locator('[data-role="gave-away"] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-term')))).sort();
    assert.deepEqual(gave, used, `${label} (${source}): what gave it away is every term of the ${side} list it used`);
    const leaning = report.articles.find((a) => a.source === source).leaning;
    const rated = { left: 'Left', center: 'Center', right: 'Right' }[leaning] === report.sides[side].name ? '' : ` \\(rated ${{ 'lean-left': 'Lean left', 'lean-right': 'Lean right' }[leaning]}\\)`;
    const verdict = i === 0 ? `Guessed ${report.sides[side === 'center' ? 'left' : 'center'].name}` : 'Correct';
    assert.match(await card.locator('[data-role="answer"]').textContent(), new RegExp(`^[✓✗] ${verdict}: ${source} is ${report.sides[side].name}${rated}\\.$`), `${label}: the verdict, the side and the rating when it says more than the side`);
  }
  await page.click('#guess-end');
  assert.equal(await page.isVisible('#demo'), true, 'the panel is back after the round');
});

test('explain a term: every number, formula line and sentence on the page is the engine\'s, and agrees with the report', async () => {
  const report = await page.evaluate(() => document.getElementById('demo').report);
  const { story, options } = await storyAndOptions();
  const { explain } = await engine();
  let checked = 0;
  for (const side of SIDES) {
    for (const term of report.framing[side].terms.slice(0, 2)) {
      await page.selectOption('#explain-term', `${side}\u0000${term.term}`);
      await page.click('#explain-listed button');
      await page.waitForFunction((t) => document.querySelector('#explain-result h3')?.textContent.includes(`“${t}”`), term.term);
      const e = explain(story, options, side, term.term);
      // Against the report: the numbers the two share.
      assert.equal(e.z, term.z);
      assert.equal(e.p, term.p);
      assert.equal(e.counts.y_b, term.count);
      assert.equal(e.counts.n_b, report.framing[side].term_tokens);
      assert.equal(e.evidence, term.evidence);
      assert.ok(e.listed);
      // Against the engine: every number the page shows.
      const numbers = await page.$$eval('#explain-result [data-number]', (nodes) => nodes.map((n) => [n.getAttribute('data-number'), n.textContent]));
      const want = [];
      for (const s of SIDES) want.push([`uses.${s}`, String(e.counts.uses[s])], [`term_tokens.${s}`, String(e.counts.term_tokens[s])]);
      want.push(['y_b', String(e.counts.y_b)], ['y_r', String(e.counts.y_r)], ['n_b', String(e.counts.n_b)], ['n_r', String(e.counts.n_r)], ['prior_scale', String(e.prior_scale)]);
      for (const line of e.formula) want.push([`formula.${line.symbol}`, String(line.value)]);
      want.push(['p', String(e.p)], ['test.units', String(e.test.units)], ['test.of', String(e.test.of)], ['test.assignments', String(e.test.assignments)], ['test.min_p', String(e.test.min_p)]);
      for (const o of e.outlets) want.push(['outlet.count', String(o.count)], ['outlet.term_tokens', String(o.term_tokens)]);
      assert.deepEqual(numbers, want, `${side} "${term.term}": every number shown, in order`);
      const formula = await page.$$eval('#explain-result [data-role="formula"] tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
      assert.deepEqual(formula, e.formula.map((l) => [l.symbol, l.formula, l.numbers, String(l.value)]));
      const z = e.formula.find((l) => l.symbol === 'z');
      assert.equal(z.value, term.z, 'the formula\'s last line is the report\'s z');
      assert.deepEqual(await page.$$eval('#explain-result [data-role="rules"] li', (items) => items.map((li) => [li.getAttribute('data-met') === 'true', li.lastChild.textContent])), e.rules.map((r) => [r.met, r.text]));
      for (const role of ['verdict', 'evidence', 'meaning']) assert.equal(await page.textContent(`#explain-result [data-role="${role}"]`), e[role]);
      const outletRows = await page.$$eval('#explain-result [data-role="outlets"] tbody th', (cells) => cells.map((c) => c.textContent));
      assert.deepEqual(outletRows, e.outlets.map((o) => o.source));
      for (const s of SIDES) {
        const quotes = await page.$$eval(`#explain-result .card-side[data-side="${s}"] blockquote`, (nodes) => nodes.map((q) => [q.querySelector('p').textContent, q.querySelector('mark.term').textContent, q.querySelector('cite').textContent]));
        assert.deepEqual(quotes, e.card[s].map((q) => [`${q.before}${q.term}${q.after}`, q.term, `— ${q.source}`]), `${s} column of the dictionary card`);
      }
      assert.equal(await page.textContent('#explain-result label[for="rewording"]'), e.card.prompt);
      checked += 1;
    }
  }
  assert.ok(checked >= 4, `${checked} terms explained`);
  // The class's rewording is kept with the story.
  await page.fill('#rewording', 'Supporters call the measure a cap on rent increases.');
  assert.equal(Object.values((await saved()).rewordings).at(-1), 'Supporters call the measure a cap on rent increases.');
});

test('a word the report does not list can be explained too, with the rule it fails', async () => {
  await page.fill('#explain-typed', 'Senate');
  await page.selectOption('#explain-side', 'center');
  await page.click('#explain-any button');
  await page.waitForFunction(() => document.querySelector('#explain-result h3')?.textContent.includes('“senate”'));
  const { story, options } = await storyAndOptions();
  const e = (await engine()).explain(story, options, 'center', 'Senate');
  assert.equal(e.listed, false);
  assert.equal(await page.textContent('#explain-result [data-role="verdict"]'), e.verdict);
  const failed = await page.$$eval('#explain-result [data-role="rules"] li[data-met="false"]', (items) => items.map((li) => li.lastChild.textContent));
  assert.deepEqual(failed, e.rules.filter((r) => !r.met).map((r) => r.text));
  assert.ok(failed.length > 0);
});

test('the dictionary card marks the loaded words of the report\'s language section, and only those', async () => {
  // A language section whose words are known (the fixture), handed to the classroom the way
  // every report is, by the panel's ready event.
  await page.evaluate((language) => {
    const demo = document.getElementById('demo');
    demo.dispatchEvent(new CustomEvent('bias-compare-ready', { detail: { ...demo.report, language }, bubbles: true, composed: true }));
  }, LANGUAGE);
  let marks = 0;
  for (const [side, term] of [['right', 'government overreach'], ['left', 'tenant protections']]) {
    await page.selectOption('#explain-term', `${side}\u0000${term}`);
    await page.click('#explain-listed button');
    await page.waitForFunction((t) => document.querySelector('#explain-result h3')?.textContent.includes(`“${t}”`), term);
    for (const s of SIDES) {
      const words = LANGUAGE[s].charged.terms.map((t) => t.term);
      const column = await page.$$eval(`#explain-result .card-side[data-side="${s}"] blockquote p`, (ps) => ps.map((p) => ({ text: p.textContent, marked: [...p.querySelectorAll('mark.loaded')].map((m) => [m.textContent, m.getAttribute('data-category')]) })));
      for (const { text, marked } of column) {
        const expected = [];
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)'})(?![\\p{L}\\p{N}])`, 'giu');
        for (const found of text.matchAll(pattern)) expected.push([found[1], LANGUAGE[s].charged.terms.find((t) => t.term.toLowerCase() === found[1].toLowerCase()).category]);
        assert.deepEqual(marked, expected, `${s}: "${text}"`);
        marks += marked.length;
      }
    }
  }
  assert.ok(marks > 0, 'some loaded word was marked');
  // A report without the section (analyzed with `language: false`) marks nothing.
  await page.evaluate(() => {
    const demo = document.getElementById('demo');
    demo.dispatchEvent(new CustomEvent('bias-compare-ready', { detail: { ...demo.report, language: null }, bubbles: true, composed: true }));
  });
  await page.selectOption('#explain-term', `right\u0000government overreach`);
  await page.click('#explain-listed button');
  await page.waitForFunction(() => document.querySelector('#explain-result h3')?.textContent.includes('government overreach'));
  assert.equal(await page.locator('#explain-result mark.loaded').count(), 0);
});

test('the projector view: one section at a time in large type and high contrast, arrow keys to move, Escape to leave', async () => {
  const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.click('#projector-open');
  assert.ok(parseFloat(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)) > bodySize * 1.2, 'larger type');
  const visible = () => page.$$eval('#slides > .slide', (slides) => slides.filter((s) => !s.hidden).map((s) => s.getAttribute('data-slide')));
  const report = await page.evaluate(() => document.getElementById('demo').report);
  assert.ok(report.emphasis.length > 0, 'precondition: the report lists what a side stresses, so it has a slide');
  const names = ['coverage', 'key-points', 'framing', 'emphasis', 'comparison', 'guess', 'explain'];
  for (const [i, name] of names.entries()) {
    assert.deepEqual(await visible(), [name], `slide ${i + 1}`);
    if (name === 'framing' || name === 'key-points') {
      // At 1280 px and the projector's type, the three sides still stand side by side.
      const tops = await page.$eval(`.slide[data-slide="${name}"] .slide-panel`, (host) => [...host.shadowRoot.querySelectorAll('.side, .kp-panel')].map((column) => Math.round(column.getBoundingClientRect().top)));
      assert.equal(tops.length, 3, `${name}: three columns`);
      assert.equal(new Set(tops).size, 1, `${name}: the three sides side by side (tops ${tops.join(', ')})`);
    }
    assert.equal(`Slide: ${(await page.textContent('#slide-where')).replace(`${i + 1} of ${names.length}: `, '')}`, await page.$eval(`.slide[data-slide="${name}"]`, (s) => s.getAttribute('aria-label')));
    const colours = await page.$eval(`.slide[data-slide="${name}"]`, (s) => [getComputedStyle(s).color, getComputedStyle(document.body).backgroundColor]);
    assert.deepEqual(colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'], 'black on white');
    if (i < names.length - 1) await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await visible(), ['explain'], 'the last slide stays');
  await page.keyboard.press('Home');
  assert.deepEqual(await visible(), ['coverage']);
  const inPanel = await page.$eval('.slide[data-slide="coverage"] .slide-panel', (host) => host.shadowRoot.querySelectorAll('[data-role="coverage"] button[data-side]').length);
  assert.equal(inPanel, 3, 'the panel\'s own coverage section');
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#projector'), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'projector-open', 'focus back on the button that opened it');
  assert.equal(await page.locator('main #guess').count(), 1, 'the sections it borrowed are back in the page');
});

test('the printed handout: the story title and its whole comparison on one page, the classroom\'s controls off paper', async () => {
  const path = artifactPath('classroom-handout.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', margin: { top: '1cm', right: '1cm', bottom: '1cm', left: '1cm' } });
  await page.emulateMedia({ media: 'screen' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))[1]);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.equal(pages, 1, `the handout prints on ${pages} pages (${path})`);
  assert.ok(text.includes('Lakeland Senate caps rent increases'), 'the story title');
  const report = await page.evaluate(() => document.getElementById('demo').report);
  for (const side of SIDES) for (const term of report.framing[side].terms) assert.ok(text.includes(term.display), `"${term.display}" on paper`);
  for (const control of ['Build your story', 'Guess the leaning', 'Explain a term', 'Ratings tables', 'Projector view', 'Export story']) assert.ok(!text.includes(control), `"${control}" stays off paper`);
});

test('the panel as a picture (SVG, PNG) and the terms and coverage as CSV, all from the report', async () => {
  const report = await page.evaluate(() => document.getElementById('demo').report);
  const svg = await download(() => page.click('#export-svg'));
  assert.equal(svg.name, 'lakeland-senate-caps-rent-increases.svg');
  const svgText = svg.bytes.toString('utf8');
  assert.match(svgText, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (const side of SIDES) for (const term of report.framing[side].terms.slice(0, 8)) assert.ok(svgText.includes(`>${term.display.replace(/&/g, '&amp;')}<`), `SVG: "${term.display}"`);
  assert.ok(svgText.includes('Lakeland Senate caps rent increases'));
  const png = await download(() => page.click('#export-png'));
  assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG');
  assert.equal(png.bytes.readUInt32BE(16), 2400, 'drawn at twice the 1200 px width');
  const terms = await download(() => page.click('#export-terms'));
  const rows = terms.bytes.toString('utf8').trim().split('\r\n').map((line) => line.split(','));
  assert.deepEqual(rows[0], ['side', 'term', 'display', 'z', 'p', 'count', 'outlets', 'rate_left', 'rate_center', 'rate_right', 'tested', 'used_by']);
  const listed = SIDES.flatMap((side) => report.framing[side].terms.map((t) => [side, t.term, String(t.z), String(t.p), String(t.count)]));
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5]]), listed);
  const coverage = await download(() => page.click('#export-coverage'));
  assert.deepEqual(coverage.bytes.toString('utf8').trim().split('\r\n'), [
    'side,articles,outlets,share,blindspot',
    ...SIDES.map((s) => `${s},${report.coverage[s].articles},${report.coverage[s].sources},${report.coverage[s].share},${report.blindspot?.side === s}`),
    `unrated,${report.coverage.unrated.articles},${report.coverage.unrated.sources},,false`,
  ]);
});

test('nothing left the page: no request but the page itself, no console error, no CSP violation', async () => {
  assert.deepEqual(others, [], 'no request other than standalone.html itself (the saved pages name images, scripts, fonts and trackers)');
  assert.deepEqual(await log.cspViolations(), [], JSON.stringify(log.console));
  assert.deepEqual(log.console, []);
  assert.deepEqual(log.errors, []);
});
