// Screenshots at 320 px and 1200 px, light and dark, into test-artifacts/ (gitignored), and no
// horizontal overflow at 320 px: neither the document nor anything in the widget's shadow root
// reaches past the viewport, for every sample, with headlines open, and for the hostile fixture
// (its 300-character source name has no space to break at).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { artifactPath, browserAndServerForThisFile, fixtureStory, outcomeOf, overflow, pickSample, sampleIndex, settled, openEverything } from './helpers.mjs';

const shared = browserAndServerForThisFile();

function assertNoOverflow(found, what) {
  assert.ok(
    found.documentScrollWidth <= found.viewport,
    `${what}: document.scrollingElement.scrollWidth ${found.documentScrollWidth} should be <= ${found.viewport}`,
  );
  assert.ok(found.hostScrollWidth <= found.hostClientWidth, `${what}: the element scrolls sideways (${found.hostScrollWidth} > ${found.hostClientWidth})`);
  assert.deepEqual(found.offenders, [], `${what}: boxes in the shadow root past the ${found.viewport} px viewport or clipping their text`);
}

/** Opens the demo at `width`, lets every sample render once, returns the page. */
async function demoAt(width, colorScheme) {
  // Reduced motion: no disclosure-triangle transition caught half-way in a screenshot.
  const page = await shared.browser.newPage({ viewport: { width, height: 800 }, colorScheme, reducedMotion: 'reduce' });
  await page.goto(shared.server.url('index.html'));
  const outcome = await settled(page, '#demo');
  assert.ok(outcome.ok, `the demo should render at ${width} px: ${outcome.message}`);
  return page;
}

describe('screenshots', () => {
  // One page; width and colour scheme change in place (a resize and a media emulation, no reload).
  let page;
  before(async () => {
    page = await demoAt(1200, 'light');
  });
  after(() => page?.close());

  for (const colorScheme of ['light', 'dark']) {
    for (const width of [320, 1200]) {
      test(`demo at ${width} px, ${colorScheme}: full-page screenshots saved to test-artifacts/`, async () => {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        for (const file of ['drone-raid.json', 'wildfire-grid.json']) {
          const outcome = await pickSample(page, file);
          assert.ok(outcome.ok, `${file} should render`);
          await page.click('#demo [data-role="coverage"] button[data-side="left"]');
          await page.locator('#demo [data-role="term"] button').first().click();
          const name = `demo-${file.replace('.json', '')}-${width}-${colorScheme}.png`;
          const png = await page.screenshot({ path: artifactPath(name), fullPage: true });
          assert.ok(png.length > 10_000, `${name} should be a real screenshot (${png.length} bytes)`);
          if (width === 320) assertNoOverflow(await overflow(page, '#demo'), `${file} at 320 px, ${colorScheme}`);
          await page.keyboard.press('Escape');
        }
      });
    }
  }
});

describe('no horizontal overflow at 320 px', () => {
  let page;
  before(async () => {
    page = await demoAt(320, 'light');
  });
  after(() => page?.close());

  for (const { file } of sampleIndex()) {
    test(`${file}: as loaded and with each side's headlines and the examples open`, async () => {
      const outcome = await pickSample(page, file);
      assert.ok(outcome.ok, `${file} should render`);
      assertNoOverflow(await overflow(page, '#demo'), `${file} as loaded`);
      await openEverything(page, 'demo');
      for (const side of ['left', 'center', 'right']) {
        await page.click(`#demo [data-role="coverage"] button[data-side="${side}"]`);
        assertNoOverflow(await overflow(page, '#demo'), `${file} with the ${side} headlines open`);
      }
      await page.keyboard.press('Escape');
    });
  }

  test('the hostile fixture (300-character source, long payloads) with everything open', async () => {
    await page.click('.paste summary');
    const outcome = await outcomeOf(page, () => page.evaluate((story) => { document.getElementById('demo').story = story; }, fixtureStory('hostile.json')), '#demo');
    assert.ok(outcome.ok, `hostile.json should render: ${outcome.message}`);
    await openEverything(page, 'demo');
    for (const side of ['left', 'center', 'right']) {
      await page.click(`#demo [data-role="coverage"] button[data-side="${side}"]`);
      assertNoOverflow(await overflow(page, '#demo'), `hostile.json with the ${side} headlines open`);
    }
    await page.screenshot({ path: artifactPath('hostile-320-light.png'), fullPage: true });
  });

  test('the error state with a long unbroken message', async () => {
    const outcome = await outcomeOf(page, () => page.evaluate(() => { document.getElementById('demo').story = { articles: [{ id: 'x'.repeat(301), source: 's', text: '' }] }; }), '#demo');
    assert.equal(outcome.ok, false, 'an error is expected');
    assertNoOverflow(await overflow(page, '#demo'), 'error state');
  });
});
