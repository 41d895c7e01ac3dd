// The smaller things a first reader meets (docs/WIDGET.md, "Accessibility", "Options" and
// "Theming"): Escape closes a term's examples; a focused term's ring leaves its triangle
// visible; nothing overflows or is cut at 200 % text size; a term on two lines starts both
// after its triangle; the picker shows whole titles; headline lists show publication dates;
// the panel says what its numbers mean, in the report's words, linked to the method; example
// sentences are shown as the report quotes them.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { artifactPath, browserAndServerForThisFile, expectedReport, overflow, pickSample, sampleIndex, sampleStory, settled } from './helpers.mjs';

const shared = browserAndServerForThisFile();
const SIDES = ['left', 'center', 'right'];

async function demoAt(width, height = 900, setUp = async () => {}) {
  const page = await shared.browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
  await setUp(page);
  await page.goto(shared.server.url('index.html'));
  const outcome = await settled(page, '#demo');
  assert.ok(outcome.ok, `the demo should render: ${outcome.message}`);
  return page;
}

const activeTerm = (page) => page.evaluate(() => document.getElementById('demo').shadowRoot.activeElement?.closest('[data-role="term"]')?.getAttribute('data-term') ?? null);

describe('terms and the keyboard', () => {
  let page;
  before(async () => {
    page = await demoAt(1200);
  });
  after(() => page?.close());

  test('Escape closes an open term\'s examples and leaves the focus on the term', async () => {
    const toggle = page.locator('#demo [data-role="term"][data-side="left"] .term-toggle').first();
    const term = await page.locator('#demo [data-role="term"][data-side="left"]').first().getAttribute('data-term');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'precondition: Enter opens the examples');
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'Escape closes them');
    assert.equal(await page.locator('#demo [data-role="term"][data-side="left"] .examples').first().isVisible(), false);
    assert.equal(await activeTerm(page), term, 'the focus stays on the term');
  });

  test('a focused term\'s focus ring leaves its disclosure triangle clear', async () => {
    const toggle = page.locator('#demo [data-role="term"][data-side="center"] .term-toggle').first();
    await toggle.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab'); // focused from the keyboard: :focus-visible
    const geometry = await toggle.evaluate((button) => {
      const style = getComputedStyle(button);
      const name = button.querySelector('.term-name');
      return {
        focusVisible: button.matches(':focus-visible'),
        left: button.getBoundingClientRect().left,
        offset: Number.parseFloat(style.outlineOffset),
        width: Number.parseFloat(style.outlineWidth),
        // The triangle is the name's ::before, the first thing at the name's left edge.
        triangle: name.getBoundingClientRect().left,
      };
    });
    assert.ok(geometry.focusVisible, 'precondition: the ring shows');
    await page.locator('#demo .sides').screenshot({ path: artifactPath('term-focus-ring.png') });
    // The ring is drawn from `offset` outside the border edge, `width` wide: inside the button
    // when the offset is negative, up to -offset from its edge.
    const ringInnerEdge = geometry.left + Math.max(0, -geometry.offset);
    assert.ok(geometry.triangle >= ringInnerEdge + 1, `the triangle starts at ${geometry.triangle} px, the ring reaches ${ringInnerEdge} px (test-artifacts/term-focus-ring.png)`);
  });
});

describe('at 200 % text size (the browser\'s default font 32 px)', () => {
  for (const width of [375, 1200]) {
    test(`${width} px: every coverage segment holds its text ("Blindspot" included), and nothing reaches past the viewport`, async () => {
      const page = await demoAt(width, 900, async (page) => {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Page.enable');
        await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
      });
      try {
        assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px', 'precondition: 200 % text');
        assert.ok((await pickSample(page, 'wildfire-grid.json')).ok);
        const segments = await page.evaluate(() =>
          [...document.getElementById('demo').shadowRoot.querySelectorAll('[data-role="coverage"] .segment')].map((segment) => {
            const box = segment.getBoundingClientRect();
            const parts = [...segment.querySelectorAll('.seg-top, .seg-count, .seg-flag')].map((part) => part.getBoundingClientRect());
            return {
              side: segment.dataset.side,
              text: segment.textContent,
              fits: parts.every((part) => part.left >= box.left - 0.5 && part.right <= box.right + 0.5),
              scrolls: segment.scrollWidth > segment.clientWidth + 1,
            };
          }),
        );
        assert.ok(segments.some((s) => /Blindspot/.test(s.text)), 'precondition: a blindspot segment');
        for (const segment of segments) {
          assert.ok(segment.fits && !segment.scrolls, `${segment.side} segment cuts its text at ${width} px: "${segment.text}"`);
        }
        const found = await overflow(page, '#demo');
        assert.deepEqual(found.offenders, [], `boxes past the viewport or clipping their text at ${width} px`);
        assert.ok(found.documentScrollWidth <= found.viewport, 'the page does not scroll sideways');
        // The viewport only: a taller capture resizes the page, which drops the font setting.
        await page.evaluate(() => window.scrollTo(0, document.getElementById('demo').getBoundingClientRect().top + window.scrollY));
        await page.screenshot({ path: artifactPath(`text-200-${width}.png`) });
      } finally {
        await page.close();
      }
    });
  }
});

describe('a term on two lines', () => {
  test('every line of a wrapped term starts after its triangle, at 320 px and in a 12rem-wide panel', async () => {
    const page = await demoAt(320, 800);
    try {
      let wrapped = 0;
      for (const { file } of sampleIndex()) {
        assert.ok((await pickSample(page, file)).ok);
        for (const narrow of [false, true]) {
          const names = await page.evaluate((narrow) => {
            const demo = document.getElementById('demo');
            demo.style.width = narrow ? '12rem' : '';
            return [...demo.shadowRoot.querySelectorAll('.term-name')].map((name) => {
              const range = document.createRange();
              range.selectNodeContents(name);
              const lines = new Map();
              for (const rect of range.getClientRects()) {
                const top = Math.round(rect.top);
                lines.set(top, Math.min(lines.get(top) ?? Infinity, rect.left));
              }
              return { term: name.textContent, starts: [...lines.values()] };
            });
          }, narrow);
          for (const { term, starts } of names) {
            if (starts.length < 2) continue;
            wrapped += 1;
            const first = starts[0];
            for (const start of starts.slice(1)) {
              assert.ok(Math.abs(start - first) <= 1, `${file}${narrow ? ' (12rem)' : ''}: "${term}" has a line starting at ${start} px, its first at ${first} px`);
            }
          }
        }
      }
      await page.evaluate(() => { document.getElementById('demo').style.width = ''; });
      assert.ok(wrapped > 0, 'precondition: some term wraps');
    } finally {
      await page.close();
    }
  });
});

describe('the demo\'s picker', () => {
  test('at desktop width the picker is wide enough for the longest title', async () => {
    const page = await demoAt(1200);
    try {
      const { width, needed } = await page.evaluate(() => {
        const picker = document.getElementById('sample-picker');
        const width = picker.getBoundingClientRect().width;
        Object.assign(picker.style, { flex: 'none', width: 'max-content', maxWidth: 'none' });
        const needed = picker.getBoundingClientRect().width;
        Object.assign(picker.style, { flex: '', width: '', maxWidth: '' });
        return { width, needed };
      });
      assert.ok(width >= needed - 0.5, `the picker is ${width} px wide, its longest title needs ${needed} px`);
    } finally {
      await page.close();
    }
  });
});

describe('headline lists', () => {
  test('each article shows the publication date its story gives', async () => {
    const page = await demoAt(1200);
    try {
      for (const file of ['drone-raid.json', 'levee-bond.json']) {
        assert.ok((await pickSample(page, file)).ok);
        const published = new Map(sampleStory(file).articles.map((a) => [a.id, a.published]));
        for (const side of SIDES) {
          await page.click(`#demo [data-role="coverage"] button[data-side="${side}"]`);
          const items = await page.$$eval('#demo >> [data-role="headlines"] li[data-article]', (lis) => lis.map((li) => ({ id: li.dataset.article, source: li.querySelector('.article-source').textContent })));
          assert.ok(items.length > 0);
          for (const { id, source } of items) {
            assert.ok(typeof published.get(id) === 'string', `precondition: ${id} has a date`);
            assert.ok(source.endsWith(` · ${published.get(id)}`), `${file} ${id}: "${source}" should end with its date ${published.get(id)}`);
          }
        }
        await page.keyboard.press('Escape');
      }
    } finally {
      await page.close();
    }
  });
});

describe('what the numbers mean', () => {
  let page;
  before(async () => {
    page = await demoAt(1200);
  });
  after(() => page?.close());

  const legend = () =>
    page.evaluate(() => {
      const box = document.getElementById('demo').shadowRoot.querySelector('[data-role="legend"]');
      if (!box) return null;
      const link = box.querySelector('a');
      return { summary: box.querySelector('summary').textContent, lines: [...box.querySelectorAll('li')].filter((li) => !li.querySelector('a')).map((li) => li.textContent), href: link ? link.href : null, open: box.open };
    });

  test('one line each on "per 10,000 terms", z, p and the blindspot rule, the report\'s own sentences, under the framing heading', async () => {
    const report = await expectedReport(sampleStory('drone-raid.json'));
    assert.ok((await pickSample(page, 'drone-raid.json')).ok);
    const seen = await legend();
    assert.equal(seen.summary, 'What the numbers mean');
    assert.deepEqual(seen.lines, [report.notes.rate, report.notes.z, report.notes.p, report.notes.blindspot]);
    await page.click('#demo [data-role="legend"] summary');
    assert.equal((await legend()).open, true, 'it opens like any disclosure');
  });

  test('linked to the method the page names in method-href: the demo\'s docs/METHOD.md, which is served', async () => {
    const { href } = await legend();
    assert.equal(href, shared.server.url('docs/METHOD.md'));
    const response = await page.request.get(href);
    assert.equal(response.status(), 200);
    assert.match(await response.text(), /Monroe, Colaresi/);
  });

  test('without method-href, or with one that is not an http(s) URL, there is no link (the lines stay)', async () => {
    for (const value of [null, 'javascript:alert(1)']) {
      await page.evaluate((value) => {
        const demo = document.getElementById('demo');
        if (value === null) demo.removeAttribute('method-href');
        else demo.setAttribute('method-href', value);
      }, value);
      await page.waitForFunction(() => {
        const root = document.getElementById('demo').shadowRoot;
        return root.querySelector('[data-role="legend"]') && !root.querySelector('[data-role="legend"] a');
      });
      const seen = await legend();
      assert.equal(seen.href, null, `method-href ${value}`);
      assert.equal(seen.lines.length, 4);
    }
    await page.evaluate(() => document.getElementById('demo').setAttribute('method-href', 'docs/METHOD.md'));
  });
});

test('example sentences are shown as the report gives them, with no quotation marks added around them', async () => {
  const page = await demoAt(1200);
  try {
    const report = await expectedReport(sampleStory('drone-raid.json'));
    for (const toggle of await page.locator('#demo .term-toggle').all()) await toggle.click();
    const shown = await page.evaluate(() =>
      [...document.getElementById('demo').shadowRoot.querySelectorAll('[data-role="term"]')].map((row) => ({
        side: row.dataset.side,
        term: row.dataset.term,
        quotes: [...row.querySelectorAll('blockquote')].map((quote) => ({ sentence: quote.querySelector('p').textContent, cite: quote.querySelector('cite').textContent })),
      })),
    );
    for (const { side, term, quotes } of shown) {
      const expected = report.framing[side].terms.find((t) => t.term === term).examples.map((e) => ({ sentence: e.sentence, cite: `— ${e.source}` }));
      assert.deepEqual(quotes, expected, `${side} "${term}"`);
    }
    const quoted = shown.flatMap((s) => s.quotes).filter((q) => /^["“]/.test(q.sentence));
    assert.ok(quoted.length > 0, 'precondition: a sentence that opens a quotation of its own');
    const marks = await page.evaluate(() => {
      const p = document.getElementById('demo').shadowRoot.querySelector('blockquote p');
      return [getComputedStyle(p, '::before').content, getComputedStyle(p, '::after').content, getComputedStyle(p.parentElement, '::before').content];
    });
    assert.deepEqual(marks, ['none', 'none', 'none'], 'no generated quotation marks');
  } finally {
    await page.close();
  }
});
