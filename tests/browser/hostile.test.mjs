// Hostile story content is shown as text and nothing in it runs (docs/WIDGET.md, "Safety":
// story text is never parsed as HTML).
//
// tests/browser/fixtures/hostile.json puts <script>, <img onerror>, "><svg onload>, <iframe>,
// <template>, <math>, <object>, <meta refresh>, javascript:/vbscript:/data: URLs, CSS-injection
// attempts and a 300-character source name (the maximum) in titles, ids, sources, headlines,
// urls and texts; each payload would append a tag to window.__xss if it ever ran.
//
// The widget is loaded twice: once in a context that ignores CSP (bypassCSP), so that an
// injected handler WOULD run and the flag proves nothing did; once under the strict CSP of
// docs/WIDGET.md, which must report no violation (no inline style or script created from data).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SHIPPED } from '../../scripts/build/shipped.mjs';
import { browserAndServerForThisFile, expectedHref, expectedReport, fixtureStory, outcomeOf, watch, openEverything } from './helpers.mjs';

const HOSTILE = fixtureStory('hostile.json');
// Every tag the widget itself creates; anything else in the shadow root came from data.
const WIDGET_TAGS = new Set([
  'div', 'section', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'span', 'strong', 'code', 'button',
  'ul', 'li', 'a', 'br', 'details', 'summary', 'blockquote', 'cite', 'mark',
]);

const shared = browserAndServerForThisFile();

/**
 * Opens the test host page (or reuses `reuse`: { page, log }), puts a fresh <bias-compare> in it,
 * feeds it the hostile story, and opens everything.
 */
async function renderHostile(context, how, reuse = null) {
  let page;
  let log;
  if (reuse) {
    ({ page, log } = reuse);
  } else {
    page = await context.newPage();
    log = await watch(page);
    await page.goto(shared.server.url('/__test__/host.html'));
  }
  await page.evaluate(() => {
    document.getElementById('subject')?.remove();
    const element = document.createElement('bias-compare');
    element.id = 'subject';
    document.querySelector('main').append(element);
  });
  const outcome = await outcomeOf(
    page,
    () =>
      page.evaluate(
        ({ how, story, src }) => {
          const element = document.getElementById('subject');
          if (how === 'property') element.story = story;
          else if (how === 'text') element.story = JSON.stringify(story);
          else element.setAttribute('src', src);
        },
        { how, story: HOSTILE, src: shared.server.url('/__test__/hostile.json') },
      ),
    '#subject',
  );
  assert.ok(outcome.ok, `the hostile story is valid and should render, got: ${outcome.message}`);
  // Open every disclosure: each side's headlines in turn (the last stays open), the unrated
  // list and every term's example sentences, so all data-derived nodes exist at once.
  for (const side of ['left', 'center', 'right']) {
    await page.click(`#subject [data-role="coverage"] button[data-side="${side}"]`);
  }
  await openEverything(page, 'subject');
  // Give any injected onerror/onload (an <img src=x> fails fast on localhost) time to fire.
  await page.waitForTimeout(300);
  return { page, log };
}

function inspect(page) {
  return page.evaluate(() => {
    const root = document.getElementById('subject').shadowRoot;
    const nodes = [...root.querySelectorAll('*')];
    const eventAttributes = [];
    const styleAttributes = [];
    for (const node of nodes) {
      for (const attribute of node.attributes) {
        if (/^on/i.test(attribute.name)) eventAttributes.push(`<${node.localName} ${attribute.name}>`);
        if (attribute.name === 'style') styleAttributes.push(attribute.value);
      }
    }
    const panel = root.querySelector('.panel');
    return {
      xss: window.__xss ?? null,
      tags: [...new Set(nodes.map((n) => n.localName))].sort(),
      eventAttributes,
      styleAttributes,
      links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      headlines: [...root.querySelectorAll('[data-role="headlines"] li')].map((li) => ({
        article: li.getAttribute('data-article'),
        source: li.querySelector('.article-source > span:first-child')?.textContent,
        headline: li.querySelector('.article-headline')?.textContent,
        link: li.querySelector('a')?.getAttribute('href') ?? null,
      })),
      unrated: [...root.querySelectorAll('[data-role="unrated"] li')].map((li) => ({
        source: li.querySelector('.article-source > span:first-child')?.textContent,
        headline: li.querySelector('.article-headline')?.textContent,
        link: li.querySelector('a')?.getAttribute('href') ?? null,
      })),
      sentences: [...root.querySelectorAll('.examples blockquote > p')].map((p) => p.textContent),
      points: [...root.querySelectorAll('.point-text')].map((p) => p.textContent),
      cites: [...root.querySelectorAll('.examples cite')].map((c) => c.textContent),
      adoptedSheets: root.adoptedStyleSheets.length,
      documentSheets: document.styleSheets.length,
      panelDisplay: panel ? getComputedStyle(panel).display : null,
      panelHeight: panel ? panel.getBoundingClientRect().height : 0,
      segmentsVisible: [...root.querySelectorAll('[data-role="coverage"] button')].every((b) => b.getBoundingClientRect().height > 0),
      title: document.title,
    };
  });
}

describe('hostile content, in a page that would run injected handlers (CSP bypassed)', () => {
  let context;
  let rendered; // the story given as an object: shared by the tests that only read the page
  before(async () => {
    context = await shared.browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
    rendered = await renderHostile(context, 'property');
  });
  after(() => context?.close());

  for (const how of ['property', 'text', 'src']) {
    test(`story given as ${how === 'src' ? 'a src URL' : how === 'text' ? 'JSON text' : 'an object'}: every payload is shown as text and none runs`, async () => {
      const { page, log } = how === 'property' ? rendered : await renderHostile(context, how, rendered);
      const seen = await inspect(page);

      assert.equal(seen.xss, null, `no payload may run; these did: ${JSON.stringify(seen.xss)}`);
      assert.deepEqual(log.dialogs, [], 'no alert/confirm/prompt dialog may open');
      assert.deepEqual(log.errors, [], 'no page error');
      const foreign = seen.tags.filter((tag) => !WIDGET_TAGS.has(tag));
      assert.deepEqual(foreign, [], `the shadow root may hold only the widget's own elements; found <${foreign.join('>, <')}> from data`);
      assert.deepEqual(seen.eventAttributes, [], 'no on* attribute in the shadow root');
      for (const style of seen.styleAttributes) {
        assert.match(style, /^(--share|--rate): [0-9.e-]+;$/, `inline styles are only the widget's numeric custom properties, got "${style}"`);
      }
      assert.equal(seen.adoptedSheets, 1, 'the widget adopts exactly its own stylesheet');
      assert.equal(seen.panelDisplay, 'block', 'a "*{display:none}" in the data must not hide the panel');
      assert.ok(seen.panelHeight > 100 && seen.segmentsVisible, 'the panel and its segments stay visible');
      assert.equal(seen.title, 'bias-compare test host', 'the document title is untouched by the story title');

      // Links: only absolute http(s) URLs become <a href>, normalised.
      for (const href of seen.links) {
        assert.match(href, /^https?:\/\//, `only http(s) links may be rendered, found href="${href}"`);
      }
      const byId = new Map(HOSTILE.articles.map((a) => [a.id, a]));
      // Headlines as the engine reads them (markup in a headline is not text, docs/STORY.md
      // "Markup"); names exactly as given.
      const report = await expectedReport(HOSTILE);
      const shownHeadline = (id) => {
        const headline = report.articles.find((a) => a.id === id).headline;
        return headline?.trim() ? headline : `Article ${id}`;
      };
      const right = HOSTILE.articles.filter((a) => a.leaning.endsWith('right'));
      assert.deepEqual(
        seen.headlines,
        right.map((a) => ({ article: a.id, source: a.source, headline: shownHeadline(a.id), link: expectedHref(a.url) })),
        'right headlines (open last): source, headline and id shown verbatim as text, a link only for the https URL',
      );
      const unrated = HOSTILE.articles.find((a) => a.leaning === 'unrated');
      assert.deepEqual(seen.unrated, [{ source: unrated.source, headline: shownHeadline(unrated.id), link: null }], 'unrated: vbscript: URL shown without a link');
      assert.equal(expectedHref(byId.get('l2').url), null, 'precondition: the javascript: URL is not linkable');

      // Example sentences (of terms, then of emphasis entries), key points and their sources:
      // the text exactly as the report quotes it, payloads decoded from character references
      // included (they are text, and must stay text).
      const examples = ['left', 'center', 'right'].flatMap((side) => report.framing[side].terms.flatMap((t) => t.examples)).concat(report.emphasis.flatMap((e) => e.examples));
      const points = ['left', 'center', 'right'].flatMap((side) => report.key_points[side]).concat(report.common_ground);
      assert.ok(points.length > 0, 'precondition: key points listed');
      assert.deepEqual(seen.points, points.map((p) => p.sentence), 'key points are shown verbatim, as text');
      assert.ok(examples.some((e) => e.sentence.includes('<script>') && e.sentence.includes('<img')), 'precondition: a quoted sentence holds decoded <script> and <img> payloads');
      assert.deepEqual(seen.sentences, examples.map((e) => e.sentence), 'example sentences are shown verbatim, as text');
      assert.deepEqual(seen.cites, examples.map((e) => `— ${e.source}`), 'example sources are shown verbatim, as text');
    });
  }

  test('javascript:, vbscript:, data:, protocol-relative and mixed-case JaVaScRiPt: URLs are never links', async () => {
    const { page } = await renderHostile(context, 'property', rendered);
    const links = [];
    for (const side of ['left', 'center', 'right']) {
      await page.click(`#subject [data-role="coverage"] button[data-side="${side}"]`);
      links.push(
        ...(await page.$$eval('#subject [data-role="headlines"] li', (items) =>
          items.map((li) => ({ article: li.getAttribute('data-article'), href: li.querySelector('a')?.getAttribute('href') ?? null })),
        )),
      );
    }
    const expected = HOSTILE.articles.filter((a) => a.leaning !== 'unrated').map((a) => ({ article: a.id, href: expectedHref(a.url) }));
    assert.deepEqual(links, expected, 'a link exactly for the two https URLs (percent-encoded by URL parsing), plain text otherwise');
    assert.equal(links.filter((l) => l.href).length, 2, 'precondition: two of the six URLs are http(s)');
  });

  test('the 300-character source name is shown in full', async () => {
    const { page } = await renderHostile(context, 'property', rendered);
    const long = HOSTILE.articles.find((a) => a.id === 'l2').source;
    assert.equal(long.length, 300, 'precondition: the fixture source is 300 characters, the maximum');
    await page.click('#subject [data-role="coverage"] button[data-side="left"]');
    const sources = await page.$$eval('#subject [data-role="headlines"] .article-source > span:first-child', (n) => n.map((x) => x.textContent));
    assert.ok(sources.includes(long), 'the long source name appears, whole, in the left headlines');
  });

  test('no request is made for URLs in the data (img src, CSS url(), links)', async () => {
    const { log } = rendered;
    const foreign = log.requests.filter((url) => !url.startsWith(shared.server.origin));
    assert.deepEqual(foreign, [], 'no request may leave the test server');
    const expected = new Set(['/__test__/host.html', '/__test__/hostile.json', '/favicon.svg', ...SHIPPED.map((name) => `/${name}`)]);
    const unexpected = log.requests.filter((url) => !expected.has(new URL(url).pathname));
    assert.deepEqual(unexpected, [], 'only the page, the widget, its worker, its engine, the favicon and the story src of the src test are requested');
  });
});

test('hostile content under the strict CSP: renders with no CSP violation and no console error', async () => {
  const response = await fetch(shared.server.url('/__test__/host.html'));
  assert.ok(response.headers.get('content-security-policy'), 'precondition: the host page is served with a CSP');
  const context = await shared.browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const { page, log } = await renderHostile(context, 'property');
    assert.deepEqual(await log.cspViolations(), [], 'no securitypolicyviolation event');
    assert.deepEqual(log.console, [], 'no console error or warning (CSP reports appear there too)');
    assert.deepEqual(log.errors, [], 'no page error');
    assert.equal((await inspect(page)).xss, null, 'no payload ran');
  } finally {
    await context.close();
  }
});
