// The classroom on the served demo page (docs/CLASSROOM.md), under the strict CSP of
// docs/WIDGET.md: a saved page dropped on the import area; what the page loads only when asked
// (Readability when a page is imported, the classroom's engine when a term is explained) and
// nothing else; zero axe-core violations in every state a lesson goes through, light and dark;
// no sideways overflow from a 320 px phone to a 1920 px projector; and the editor's controls
// from the keyboard.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LEXICONS, SHIPPED } from '../../scripts/build/shipped.mjs';
import { FIXTURES, ROOT, launchBrowser, sampleIndex, settled, startServer, watch } from './helpers.mjs';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const PAGES = join(FIXTURES, 'classroom');
const MANIFEST = JSON.parse(readFileSync(join(PAGES, 'manifest.json'), 'utf8')).pages;

let browser;
let server;

before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page of the demo with every request recorded. */
async function demoPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const requests = [];
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return new URL(route.request().url()).origin === server.origin ? route.continue() : route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const log = await watch(page);
  await page.goto(server.url('index.html'));
  assert.ok((await settled(page, '#demo')).ok);
  return { context, page, log, paths: () => requests.map((url) => new URL(url).pathname), requests };
}

/** Drops the saved pages `files` on the import area, as a drag from the desktop does. */
async function drop(page, files) {
  const contents = files.map((file) => ({ name: file, text: readFileSync(join(PAGES, file), 'utf8') }));
  const before = await page.evaluate(() => JSON.parse(localStorage.getItem('bias-compare-classroom') ?? 'null')?.story.articles.length ?? 0);
  await page.evaluate((contents) => {
    const data = new DataTransfer();
    for (const { name, text } of contents) data.items.add(new File([text], name, { type: 'text/html' }));
    const zone = document.getElementById('dropzone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, contents);
  await page.waitForFunction((n) => (JSON.parse(localStorage.getItem('bias-compare-classroom') ?? 'null')?.story.articles.length ?? 0) === n, before + files.length);
}

/** Labels every dropped outlet through ratings table A, and waits for the panel to show them. */
async function label(page) {
  const { story } = await page.evaluate(() => JSON.parse(localStorage.getItem('bias-compare-classroom')));
  let row = 0;
  for (const article of story.articles) {
    const page_ = MANIFEST.find((p) => p.source === article.source);
    await page.click('#ratings-0-add');
    await page.fill(`#ratings-0-key-${row}`, article.source);
    await page.selectOption(`#ratings-0-leaning-${row}`, page_.label.leaning ?? page_.label.picker);
    row += 1;
  }
  await page.waitForFunction((n) => document.getElementById('demo').report?.coverage.unrated.articles === 0 && document.getElementById('demo').report?.coverage.total_articles === n, story.articles.length);
}

async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} ${n.failureSummary.replace(/\s+/g, ' ')}`));
}

/** Sideways overflow of the page at its width: the document's, and every box of the page (the
 * panel's own are checked by layout.test.mjs) whose right edge passes the viewport. */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders = [];
    for (const node of document.body.querySelectorAll('*')) {
      const box = node.getBoundingClientRect();
      if (box.width === 0 || node.closest('[hidden], .vh')) continue;
      if (box.right > width + 0.5) offenders.push(`<${node.localName} id="${node.id}" class="${node.className}"> right edge ${Math.round(box.right)} > ${width}`);
    }
    return { scrollWidth: document.scrollingElement.scrollWidth, width, offenders: offenders.slice(0, 10) };
  });
}

describe('served, under the strict CSP', () => {
  let demo;
  before(async () => {
    demo = await demoPage();
  });
  after(() => demo?.context.close());

  test('before anything is imported or explained, the page loads neither Readability nor the classroom engine', () => {
    const paths = demo.paths();
    assert.ok(!paths.includes('/readability.js'));
    assert.ok(!paths.some((p) => p.includes('classroom')));
  });

  test('saved pages dropped on the import area are read with Readability, loaded once from /readability.js', async () => {
    await drop(demo.page, MANIFEST.slice(0, 3).map((p) => p.file));
    await drop(demo.page, MANIFEST.map((p) => p.file));
    const { story } = await demo.page.evaluate(() => JSON.parse(localStorage.getItem('bias-compare-classroom')));
    assert.deepEqual(story.articles.slice(3).map((a) => a.source), MANIFEST.map((p) => p.source), 'the second drop added its six');
    assert.equal(demo.paths().filter((p) => p === '/readability.js').length, 1);
  });

  test('explaining a term loads the classroom engine (its glue and .wasm, once each) beside the widget\'s', async () => {
    const { page } = demo;
    // Back to the six pages, labelled.
    for (let i = 0; i < 3; i += 1) await page.locator('.article-card [data-action="remove"]').first().click();
    await label(page);
    await page.selectOption('#explain-term', { index: 0 });
    await page.click('#explain-listed button');
    await page.waitForSelector('#explain-result h3');
    const paths = demo.paths();
    for (const file of ['/pkg/bias_compare_classroom.js', '/pkg/bias_compare_classroom_bg.wasm']) assert.equal(paths.filter((p) => p === file).length, 1, file);
  });

  test('every request stayed on the page\'s origin and was one of the demo\'s files', () => {
    const allowed = new Set(['/index.html', '/demo.css', '/demo.js', '/favicon.svg', '/readability.js', '/pkg/bias_compare_classroom.js', '/pkg/bias_compare_classroom_bg.wasm', ...SHIPPED.map((name) => `/${name}`), `/${LEXICONS}`, ...sampleIndex().map((s) => `/samples/${s.file}`)]);
    assert.deepEqual(demo.requests.filter((url) => new URL(url).origin !== server.origin), [], 'no request left the origin (the saved pages name images, fonts and trackers elsewhere)');
    assert.deepEqual(demo.paths().filter((p) => !allowed.has(p)), []);
  });

  test('no CSP violation, console error or page error', async () => {
    assert.deepEqual(await demo.log.cspViolations(), []);
    assert.deepEqual(demo.log.console, []);
    assert.deepEqual(demo.log.errors, []);
  });
});

for (const colorScheme of ['light', 'dark']) {
  describe(`axe-core in every state of a lesson, ${colorScheme} colour scheme`, () => {
    let demo;
    before(async () => {
      demo = await demoPage({ colorScheme });
      await drop(demo.page, MANIFEST.map((p) => p.file));
      await label(demo.page);
    });
    after(() => demo?.context.close());

    test('the editor with an article open, the ratings tables filled, the explanation shown', async () => {
      const { page } = demo;
      await page.locator('.article-card .article-toggle').first().click();
      await page.selectOption('#explain-term', { index: 0 });
      await page.click('#explain-listed button');
      await page.waitForSelector('#explain-result h3');
      assert.deepEqual(await violations(page), []);
    });

    test('a round of guess the leaning, guessed and revealed', async () => {
      const { page } = demo;
      await page.click('#guess-start');
      await page.locator('.guess-card input[data-side="left"]').first().check();
      assert.deepEqual(await violations(page), [], 'during the round');
      await page.click('#guess-reveal');
      assert.deepEqual(await violations(page), [], 'revealed');
      await page.click('#guess-end');
    });

    test('the projector view, on each slide', async () => {
      const { page } = demo;
      await page.click('#projector-open');
      const slides = await page.$$eval('#slides > .slide', (nodes) => nodes.map((n) => n.getAttribute('data-slide')));
      for (const [i, name] of slides.entries()) {
        assert.deepEqual(await violations(page), [], `slide ${i + 1}, ${name}`);
        if (name === 'guess') {
          await page.click('#guess-start');
          await page.locator('.guess-card input[data-side="right"]').first().check();
          await page.click('#guess-reveal');
          assert.deepEqual(await violations(page), [], 'a round revealed on the projector');
          await page.click('#guess-end');
        }
        await page.keyboard.press('PageDown');
      }
      await page.click('#projector-exit');
    });
  });
}

describe('from a 320 px phone to a 1920 px projector, nothing overflows sideways', () => {
  let demo;
  before(async () => {
    demo = await demoPage();
    await drop(demo.page, MANIFEST.map((p) => p.file));
    await label(demo.page);
    await demo.page.locator('.article-card .article-toggle').first().click();
    await demo.page.selectOption('#explain-term', { index: 0 });
    await demo.page.click('#explain-listed button');
    await demo.page.waitForSelector('#explain-result h3');
  });
  after(() => demo?.context.close());

  for (const width of [320, 768, 1920]) {
    test(`${width} px: the page with the editor, ratings and explanation open; a round revealed; the projector view`, async () => {
      const { page } = demo;
      await page.setViewportSize({ width, height: 900 });
      const check = async (state) => {
        const seen = await overflow(page);
        assert.ok(seen.scrollWidth <= seen.width, `${state}: the page is ${seen.scrollWidth} px wide at ${seen.width}: ${seen.offenders.join('; ')}`);
        assert.deepEqual(seen.offenders, [], state);
      };
      await check('editor, ratings, explanation');
      await page.click('#guess-start');
      await page.click('#guess-reveal');
      await check('a round revealed');
      await page.click('#guess-end');
      await page.click('#projector-open');
      const slides = await page.locator('#slides > .slide').count();
      for (let i = 0; i < slides; i += 1) {
        await check(`projector slide ${i + 1} of ${slides}`);
        await page.keyboard.press('PageDown');
      }
      await page.click('#projector-exit');
    });
  }
});

describe('the editor from the keyboard', () => {
  let demo;
  before(async () => {
    demo = await demoPage();
    await drop(demo.page, MANIFEST.slice(0, 3).map((p) => p.file));
  });
  after(() => demo?.context.close());

  const order = (page) => page.$$eval('.article-card', (cards) => cards.map((c) => c.getAttribute('data-article')));

  test('an article opens with Enter, moves with its buttons keeping the focus, and is removed and brought back with Undo', async () => {
    const { page } = demo;
    const first = await order(page);
    await page.focus('.article-card:nth-child(1) .article-toggle');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('.article-card:nth-child(1) .article-toggle', 'aria-expanded'), 'true');
    await page.keyboard.press('Tab'); // Move up is disabled on the first card: Tab reaches Move down
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-action')), 'down');
    await page.keyboard.press('Enter');
    assert.deepEqual(await order(page), [first[1], first[0], first[2]]);
    assert.equal(await page.evaluate(() => document.activeElement.closest('.article-card').getAttribute('data-article')), first[0], 'the focus moved with the article');
    assert.match(await page.textContent('#editor-status'), /Moved to place 2 of 3/);
    await page.keyboard.press('Tab'); // Remove
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-action')), 'remove');
    await page.keyboard.press('Enter');
    assert.deepEqual(await order(page), [first[1], first[2]]);
    await page.focus('#editor-status .undo');
    await page.keyboard.press('Enter');
    assert.deepEqual(await order(page), [first[1], first[0], first[2]], 'Undo puts it back where it was');
  });
});
