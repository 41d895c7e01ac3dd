// Printing the demo, and capturing it whole (docs/WIDGET.md, "Print and captures").
//
// The print is Chromium's PDF of the page with the browser's default print settings: A4, 1 cm
// margins and background graphics off (page.pdf's printBackground is false unless set), which
// drops every background colour not marked `print-color-adjust: exact`. The PDF is read back
// with poppler-utils (scripts/setup.sh --browser): pdfinfo for its pages, pdftotext for its
// words, pdftoppm for PNGs in test-artifacts/ whose pixels are counted in a blank page's
// canvas. The capture is Playwright's full-page screenshot at phone width, whose lower part
// is never in the viewport.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { artifactPath, browserAndServerForThisFile, expectedReport, pickSample, sampleIndex, sampleStory, settled } from './helpers.mjs';

const shared = browserAndServerForThisFile();
const SIDES = ['left', 'center', 'right'];
// The light palette (docs/WIDGET.md, "Theming"): paper is light whatever the screen's scheme.
const LIGHT = { left: '#1f5fbf', center: '#6b5b95', right: '#b8322f' };
const DARK = { left: '#2f6fd6', center: '#7d6aae', right: '#c63b37' };
const PRINT = { format: 'A4', margin: { top: '1cm', right: '1cm', bottom: '1cm', left: '1cm' } };

/** The page printed to PDF: its path, its number of pages and its text (white space as one space). */
async function printed(page, name) {
  const path = artifactPath(`print-${name}.pdf`);
  await page.pdf({ path, ...PRINT });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))[1]);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { path, pages, text };
}

/** The PDF's first page as a PNG (test-artifacts/print-NAME-1.png, 96 dpi): its bytes. */
function firstPagePng(pdf, name) {
  const prefix = artifactPath(`print-${name}`);
  rmSync(`${prefix}-1.png`, { force: true });
  execFileSync('pdftoppm', ['-png', '-r', '96', '-f', '1', '-l', '1', pdf, prefix]);
  return readFileSync(`${prefix}-1.png`);
}

/**
 * How many pixels of `png` are within `tolerance` of each colour of `colours` (hex) in every
 * channel, in `region` ({ x, y, width, height }, default all): decoded in a blank page's canvas.
 */
async function pixelCounts(png, colours, region = null, tolerance = 24) {
  const page = await shared.browser.newPage();
  try {
    return await page.evaluate(
      async ({ data, colours, region, tolerance }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        context.drawImage(bitmap, 0, 0);
        const { x, y, width, height } = region ?? { x: 0, y: 0, width: bitmap.width, height: bitmap.height };
        const pixels = context.getImageData(x, y, width, height).data;
        const rgb = colours.map((hex) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)));
        const counts = colours.map(() => 0);
        for (let i = 0; i < pixels.length; i += 4) {
          rgb.forEach(([r, g, b], c) => {
            if (Math.abs(pixels[i] - r) <= tolerance && Math.abs(pixels[i + 1] - g) <= tolerance && Math.abs(pixels[i + 2] - b) <= tolerance) counts[c] += 1;
          });
        }
        return counts;
      },
      { data: png.toString('base64'), colours, region, tolerance },
    );
  } finally {
    await page.close();
  }
}

describe('print, with the default settings (background graphics off)', () => {
  let page;
  before(async () => {
    page = await shared.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(shared.server.url('index.html'));
    const outcome = await settled(page, '#demo');
    assert.ok(outcome.ok, `the demo should render: ${outcome.message}`);
  });
  after(() => page?.close());

  test('the coverage segments and the term bars print in their side colours', async () => {
    assert.ok((await pickSample(page, 'drone-raid.json')).ok);
    const { path } = await printed(page, 'drone-raid');
    const counts = await pixelCounts(firstPagePng(path, 'drone-raid'), SIDES.map((side) => LIGHT[side]));
    // A segment alone is some 14 000 pixels at 96 dpi; a side's three bars some 1 500. What
    // prints without them (a side column's 3 px rule) is under 700.
    SIDES.forEach((side, i) => assert.ok(counts[i] > 5000, `${side}: ${counts[i]} pixels of ${LIGHT[side]} on paper (test-artifacts/print-drone-raid-1.png)`));
  });

  test('the picker, status line, paste box, Close button and closed explanations stay off paper; the open headlines print', async () => {
    assert.ok((await pickSample(page, 'drone-raid.json')).ok);
    await page.click('.paste summary');
    await page.click('#demo [data-role="coverage"] button[data-side="left"]');
    const { text } = await printed(page, 'drone-raid-controls');
    for (const control of ['Analyze your own story', 'Start from the current sample', 'Story JSON', 'articles analyzed', 'Close', 'What the numbers mean']) {
      assert.ok(!text.includes(control), `"${control}" should not be on paper`);
    }
    const report = await expectedReport(sampleStory('drone-raid.json'));
    for (const article of report.articles.filter((a) => a.side === 'left')) {
      assert.ok(text.includes(article.headline), `the open list's headline "${article.headline}" is on paper`);
    }
    await page.keyboard.press('Escape');
    await page.click('.paste summary');
  });

  for (const file of ['drone-raid.json', 'minimum-wage.json', 'wildfire-grid.json']) {
    test(`${file}: the story and its whole comparison fit one A4 page`, async () => {
      assert.ok((await pickSample(page, file)).ok);
      const { pages } = await printed(page, file.replace('.json', ''));
      assert.equal(pages, 1, `${file} prints on ${pages} pages`);
    });
  }

  for (const { file } of sampleIndex()) {
    test(`${file}: every side's every term is on paper, columns out of view included`, async () => {
      assert.ok((await pickSample(page, file)).ok);
      await page.evaluate(() => window.scrollTo(0, 0));
      const { text } = await printed(page, `${file.replace('.json', '')}-terms`);
      const report = await expectedReport(sampleStory(file));
      for (const side of SIDES) {
        for (const term of report.framing[side].terms) assert.ok(text.includes(term.display), `${side} term "${term.display}" is missing on paper`);
      }
    });
  }

  test('in a dark colour scheme the page still prints in the light palette', async () => {
    const dark = await shared.browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: 'dark' });
    try {
      await dark.goto(shared.server.url('index.html'));
      assert.ok((await settled(dark, '#demo')).ok);
      const { path } = await printed(dark, 'drone-raid-dark');
      const png = firstPagePng(path, 'drone-raid-dark');
      // The two blues are close: counted exactly (within 6).
      const [light, darkPalette, text] = await pixelCounts(png, [LIGHT.left, DARK.left, '#1b1d21'], null, 6);
      assert.ok(light > 5000, `${light} pixels of the light left colour`);
      assert.ok(darkPalette < light / 10, `${darkPalette} pixels of the dark left colour`);
      // Dark text on the white paper (the dark scheme's text is near white).
      assert.ok(text > 5000, `${text} pixels of the light palette's text colour`);
    } finally {
      await dark.close();
    }
  });
});

describe('a full-page capture at phone width', () => {
  for (const file of ['levee-bond.json', 'port-strike.json']) {
    test(`${file}: every framing column is drawn, the ones below the viewport included`, async () => {
      const page = await shared.browser.newPage({ viewport: { width: 375, height: 700 } });
      try {
        await page.goto(shared.server.url('index.html'));
        assert.ok((await settled(page, '#demo')).ok);
        const outcome = await pickSample(page, file);
        assert.ok(outcome.ok, `${file} should render: ${outcome.message}`);
        await page.evaluate(() => window.scrollTo(0, 0));
        // A reader's capture comes a moment after the panel shows: here, once the page has been
        // idle and has drawn a frame since.
        await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
        const columns = await page.evaluate(() =>
          [...document.getElementById('demo').shadowRoot.querySelectorAll('.side')].map((column) => {
            const box = column.getBoundingClientRect();
            return { side: column.dataset.side, x: Math.round(box.x), y: Math.round(box.y + window.scrollY), width: Math.round(box.width), height: Math.round(box.height) };
          }),
        );
        const png = await page.screenshot({ path: artifactPath(`capture-375-${file.replace('.json', '')}.png`), fullPage: true });
        for (const column of columns) {
          assert.ok(column.y > 700, `precondition: the ${column.side} column starts below the viewport`);
          const [count] = await pixelCounts(png, [LIGHT[column.side]], column);
          assert.ok(count > 1000, `${column.side} column: ${count} pixels of its colour in the capture (test-artifacts/capture-375-${file.replace('.json', '')}.png)`);
        }
      } finally {
        await page.close();
      }
    });
  }
});
