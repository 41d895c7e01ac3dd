// A sample can be linked (docs/WIDGET.md, "The demo page"): the chosen sample is in the
// address as ?story=NAME, a link or a reload opens it, #NAME and #story=NAME are read too, and
// the back button returns to the sample before.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { DIST, browserAndServerForThisFile, expectedReport, outcomeOf, pickSample, sampleIndex, sampleStory, settled, watch } from './helpers.mjs';

const shared = browserAndServerForThisFile();

/** The story the demo shows: its title above the panel, the picker's choice, its left terms. */
function shown(page) {
  return page.evaluate(() => {
    const demo = document.getElementById('demo');
    return {
      title: document.getElementById('story-title').textContent,
      picker: document.getElementById('sample-picker').value,
      left: demo.report ? demo.report.framing.left.terms.map((t) => t.term) : null,
    };
  });
}

async function expectSample(page, file) {
  const sample = sampleIndex().find((s) => s.file === file);
  const report = await expectedReport(sampleStory(file));
  assert.deepEqual(await shown(page), { title: sample.title, picker: `samples/${file}`, left: report.framing.left.terms.map((t) => t.term) }, `the demo should show ${file}`);
}

async function open(path, options = {}) {
  const page = await shared.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const log = await watch(page);
  await page.goto(options.url ?? shared.server.url(path));
  const outcome = await settled(page, '#demo');
  assert.ok(outcome.ok, `the demo should render: ${outcome.message}`);
  return { page, log };
}

describe('the chosen sample is in the address', () => {
  test('choosing a sample puts ?story=NAME in the address, and a reload shows that sample', async () => {
    const { page } = await open('index.html');
    try {
      assert.ok((await pickSample(page, 'levee-bond.json')).ok);
      assert.equal(new URL(page.url()).searchParams.get('story'), 'levee-bond');
      await page.reload();
      assert.ok((await settled(page, '#demo')).ok);
      await expectSample(page, 'levee-bond.json');
    } finally {
      await page.close();
    }
  });

  test('a link with ?story=NAME opens that sample, and the page fetches no other story', async () => {
    const { page, log } = await open('index.html?story=port-strike');
    try {
      await expectSample(page, 'port-strike.json');
      const stories = log.requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/samples/'));
      assert.deepEqual(stories, ['/samples/port-strike.json'], 'only the linked story is requested');
      assert.deepEqual(log.failed, [], 'no request is aborted');
    } finally {
      await page.close();
    }
  });

  for (const hash of ['#wildfire-grid', '#story=wildfire-grid', '?story=wildfire-grid.json']) {
    test(`a link ending ${hash} opens that sample`, async () => {
      const { page } = await open(`index.html${hash}`);
      try {
        await expectSample(page, 'wildfire-grid.json');
      } finally {
        await page.close();
      }
    });
  }

  test('a name no sample has: the first sample, and the status line says so', async () => {
    const { page } = await open('index.html?story=no-such-story');
    try {
      const first = sampleIndex().find((s) => s.file === 'drone-raid.json') ?? sampleIndex()[0];
      await expectSample(page, first.file);
      await page.waitForFunction(() => /no sample called/.test(document.getElementById('status').textContent));
      assert.match(await page.textContent('#status'), /There is no sample called “no-such-story”/);
    } finally {
      await page.close();
    }
  });

  test('the back button returns to the sample chosen before', async () => {
    const { page } = await open('index.html');
    try {
      assert.ok((await pickSample(page, 'minimum-wage.json')).ok);
      assert.ok((await pickSample(page, 'port-strike.json')).ok);
      const back = await outcomeOf(page, () => page.goBack(), '#demo');
      assert.ok(back.ok, back.message);
      await expectSample(page, 'minimum-wage.json');
      assert.equal(new URL(page.url()).searchParams.get('story'), 'minimum-wage');
    } finally {
      await page.close();
    }
  });

  test('a pasted story takes the sample out of the address (it cannot be linked)', async () => {
    const { page } = await open('index.html?story=levee-bond');
    try {
      await page.click('.paste summary');
      await page.fill('#story-input', JSON.stringify(sampleStory('drone-raid.json')));
      const outcome = await outcomeOf(page, () => page.click('#analyze-button'), '#demo');
      assert.ok(outcome.ok, outcome.message);
      assert.equal(new URL(page.url()).searchParams.get('story'), null);
    } finally {
      await page.close();
    }
  });
});

test('standalone.html from file:// opens the sample its address names', async () => {
  const url = `${pathToFileURL(join(DIST, 'standalone.html')).href}?story=levee-bond`;
  const context = await shared.browser.newContext({ offline: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    assert.ok((await settled(page, '#demo')).ok);
    await expectSample(page, 'levee-bond.json');
    assert.ok((await pickSample(page, 'port-strike.json')).ok);
    assert.equal(new URL(page.url()).searchParams.get('story'), 'port-strike', 'the standalone page keeps the choice in its address too');
  } finally {
    await context.close();
  }
});
