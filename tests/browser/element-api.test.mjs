// The element's API (docs/WIDGET.md): the `story` property, child JSON script and `src` in
// that order of precedence; option attributes reflected to properties, and options the engine
// refuses reported as errors naming the option; the ready and error events; the error state
// shown in place.
//
// Every test adds its own <bias-compare> to the test host page (tests/browser/fixtures/host.html,
// served with the strict CSP) and removes it afterwards.

import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { browserAndServerForThisFile, expectedReport, outcomeOf, sampleStory, snapshot } from './helpers.mjs';

let page;
const shared = browserAndServerForThisFile(async ({ browser, server }) => {
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(server.url('/__test__/host.html'));
  await page.waitForFunction(() => customElements.get('bias-compare'));
});

afterEach(() => page.evaluate(() => document.querySelectorAll('bias-compare').forEach((e) => e.remove())));

/** Adds <bias-compare id="subject"> with `attributes` (and a child JSON script if given), not yet connected. */
function addElement({ attributes = {}, script = null } = {}) {
  return page.evaluate(
    ({ attributes, script }) => {
      const element = document.createElement('bias-compare');
      element.id = 'subject';
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      if (script !== null) {
        const child = document.createElement('script');
        child.type = 'application/json';
        child.textContent = script;
        element.append(child);
      }
      window.__subject = element;
    },
    { attributes, script },
  );
}

/** Connects the element prepared by addElement and waits for its first event. */
function connect() {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const element = window.__subject;
        element.addEventListener('bias-compare-ready', (e) => resolve({ ok: true, report: e.detail }), { once: true });
        element.addEventListener('bias-compare-error', (e) => resolve({ ok: false, message: e.detail.message }), { once: true });
        document.querySelector('main').append(element);
        setTimeout(() => resolve({ ok: false, message: 'no event within 15 s' }), 15_000);
      }),
  );
}

const shownTitle = (report) => report.articles.map((a) => a.id).join(',');

describe('the story property', () => {
  test('element.story = {…} renders the story and bias-compare-ready carries the report', async () => {
    const story = sampleStory('drone-raid.json');
    await addElement();
    await page.evaluate(() => document.querySelector('main').append(window.__subject)); // no story yet
    assert.equal((await snapshot(page, '#subject')).segments.length, 0, 'no story: nothing rendered yet');
    const outcome = await outcomeOf(page, () => page.evaluate((s) => { document.getElementById('subject').story = s; }, story), '#subject');
    assert.ok(outcome.ok, `story property should render: ${outcome.message}`);
    const expected = await expectedReport(story);
    assert.deepEqual(outcome.report, expected, 'the event detail is the engine\'s report');
    const property = await page.evaluate(() => document.getElementById('subject').report);
    assert.deepEqual(property, expected, 'element.report is the same report');
    const seen = await snapshot(page, '#subject');
    assert.deepEqual(seen.segments.map((s) => s.side), ['left', 'center', 'right'], 'the coverage bar renders');
    assert.equal(seen.comparison.length, 3, 'the comparison bullets render');
  });

  test('element.story accepts the story as JSON text too', async () => {
    const story = sampleStory('minimum-wage.json');
    await addElement();
    await page.evaluate((text) => { window.__subject.story = text; }, JSON.stringify(story));
    const outcome = await connect();
    assert.ok(outcome.ok, `JSON text should render: ${outcome.message}`);
    assert.equal(shownTitle(outcome.report), shownTitle(await expectedReport(story)));
  });

  test('the events bubble and cross the shadow boundary (bubbles, composed)', async () => {
    await addElement();
    const flags = await page.evaluate(
      (story) =>
        new Promise((resolve) => {
          document.addEventListener('bias-compare-ready', (e) => resolve({ bubbles: e.bubbles, composed: e.composed, target: e.target.id }), { once: true });
          window.__subject.story = story;
          document.querySelector('main').append(window.__subject);
        }),
      sampleStory('wildfire-grid.json'),
    );
    assert.deepEqual(flags, { bubbles: true, composed: true, target: 'subject' }, 'bias-compare-ready reaches document');
  });
});

describe('term disclosures', () => {
  test('Enter on a term shows its example sentences and sets aria-expanded; Space hides them again', async () => {
    const story = sampleStory('drone-raid.json');
    await addElement();
    await page.evaluate((s) => { window.__subject.story = s; }, story);
    assert.ok((await connect()).ok, 'precondition: the story renders');
    const term = (await expectedReport(story)).framing.right.terms[0];
    const state = () =>
      page.evaluate((name) => {
        const row = document.getElementById('subject').shadowRoot.querySelector(`[data-role="term"][data-term="${name}"]`);
        const examples = row.querySelector('.examples');
        return {
          expanded: row.querySelector('button').getAttribute('aria-expanded'),
          shown: examples !== null && !examples.hidden && examples.getBoundingClientRect().height > 0,
          quotes: examples ? [...examples.querySelectorAll('blockquote > p')].map((p) => p.textContent) : [],
        };
      }, term.term);
    assert.deepEqual(await state(), { expanded: 'false', shown: false, quotes: [] }, 'closed, examples not built yet');
    await page.locator(`#subject [data-term="${term.term}"] button`).focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await state(), { expanded: 'true', shown: true, quotes: term.examples.map((e) => e.sentence) }, 'Enter opens it');
    await page.keyboard.press('Space');
    assert.deepEqual(await state(), { expanded: 'false', shown: false, quotes: term.examples.map((e) => e.sentence) }, 'Space closes it');
  });
});

describe('story sources and their order: story property, then child script, then src', () => {
  test('a child <script type="application/json"> wins over src; the story property wins over both; null falls back', async () => {
    const drone = sampleStory('drone-raid.json');
    const wage = sampleStory('minimum-wage.json');
    const fire = sampleStory('wildfire-grid.json');
    await addElement({ attributes: { src: shared.server.url('samples/drone-raid.json') }, script: JSON.stringify(wage) });
    let outcome = await connect();
    assert.ok(outcome.ok, `child script should render: ${outcome.message}`);
    assert.equal(shownTitle(outcome.report), shownTitle(await expectedReport(wage)), 'the child script is used, not src');

    outcome = await outcomeOf(page, () => page.evaluate((s) => { document.getElementById('subject').story = s; }, fire), '#subject');
    assert.equal(shownTitle(outcome.report), shownTitle(await expectedReport(fire)), 'the story property wins over the child script');

    outcome = await outcomeOf(page, () => page.evaluate(() => { document.getElementById('subject').story = null; }), '#subject');
    assert.equal(shownTitle(outcome.report), shownTitle(await expectedReport(wage)), 'story = null falls back to the child script');

    outcome = await outcomeOf(page, () => page.evaluate(() => document.querySelector('#subject > script').remove()), '#subject');
    assert.ok(outcome.ok, `src should render: ${outcome.message}`);
    assert.equal(shownTitle(outcome.report), shownTitle(await expectedReport(drone)), 'without the child script, src is fetched');
  });

  test('changing the src attribute loads the new story; the src property reflects it as an absolute URL', async () => {
    await addElement({ attributes: { src: '/samples/drone-raid.json' } });
    let outcome = await connect();
    assert.ok(outcome.ok, `src should render: ${outcome.message}`);
    assert.equal(await page.evaluate(() => document.getElementById('subject').src), shared.server.url('/samples/drone-raid.json'), 'src property: resolved URL');
    outcome = await outcomeOf(page, () => page.evaluate(() => { document.getElementById('subject').src = '/samples/wildfire-grid.json'; }), '#subject');
    assert.equal(await page.getAttribute('#subject', 'src'), '/samples/wildfire-grid.json', 'the src property sets the attribute');
    assert.equal(outcome.report.blindspot?.side, 'right', 'the new src (wildfire-grid, right blindspot) is rendered');
  });
});

describe('option attributes and properties', () => {
  test('the top attribute limits the terms per side and reflects to element.top', async () => {
    await addElement({ attributes: { top: '1' } });
    await page.evaluate((s) => { window.__subject.story = s; }, sampleStory('drone-raid.json'));
    let outcome = await connect();
    assert.ok(outcome.ok, outcome.message);
    assert.equal(outcome.report.params.top_k, 1, 'report params: top_k 1');
    let seen = await snapshot(page, '#subject');
    for (const side of ['left', 'center', 'right']) assert.equal(seen.sides[side].terms.length, 1, `${side}: one term with top="1"`);
    assert.equal(await page.evaluate(() => document.getElementById('subject').top), 1, 'element.top reads the attribute as a number');

    outcome = await outcomeOf(page, () => page.evaluate(() => { document.getElementById('subject').top = 2; }), '#subject');
    assert.equal(await page.getAttribute('#subject', 'top'), '2', 'element.top = 2 sets top="2"');
    assert.equal(outcome.report.params.top_k, 2, 'and re-renders with top_k 2');

    outcome = await outcomeOf(page, () => page.evaluate(() => { document.getElementById('subject').top = null; }), '#subject');
    assert.equal(await page.getAttribute('#subject', 'top'), null, 'element.top = null removes the attribute');
    const defaults = await expectedReport(sampleStory('drone-raid.json'));
    assert.equal(outcome.report.params.top_k, defaults.params.top_k, 'and the default applies again');
  });

  test('a valid attribute wins over the same key in the options property; an invalid one is ignored', async () => {
    await addElement({ attributes: { 'z-min': 'lots' } });
    await page.evaluate((s) => { window.__subject.story = s; window.__subject.options = { zMin: 2.5, top: 2 }; }, sampleStory('drone-raid.json'));
    let outcome = await connect();
    assert.ok(outcome.ok, outcome.message);
    assert.equal(await page.evaluate(() => document.getElementById('subject').zMin), null, 'zMin is null for z-min="lots"');
    assert.equal(outcome.report.params.z_min, 2.5, 'the invalid attribute is ignored: options.zMin applies');
    assert.equal(outcome.report.params.top_k, 2, 'options.top applies');
    outcome = await outcomeOf(page, () => page.evaluate(() => document.getElementById('subject').setAttribute('z-min', '2')), '#subject');
    assert.equal(outcome.report.params.z_min, 2, 'z-min="2" wins over options.zMin');
  });

  test('an attribute number the engine refuses is an error naming the option; element.top still reads it', async () => {
    await addElement({ attributes: { top: '1.5' } });
    await page.evaluate((s) => { window.__subject.story = s; }, sampleStory('drone-raid.json'));
    let outcome = await connect();
    assert.equal(outcome.ok, false, 'bias-compare-error expected for top="1.5"');
    assert.equal(outcome.message, 'options.top: expected a whole number, found 1.5', 'the engine\'s message names the option');
    assert.equal(await page.evaluate(() => document.getElementById('subject').top), 1.5, 'element.top is the attribute\'s number');
    outcome = await outcomeOf(page, () => page.evaluate(() => document.getElementById('subject').setAttribute('max-ngram', '9')), '#subject');
    assert.equal(outcome.ok, false, 'still an error with max-ngram="9" added');
    outcome = await outcomeOf(page, () => page.evaluate(() => {
      const element = document.getElementById('subject');
      element.top = 3;
      element.maxNgram = null;
    }), '#subject');
    assert.ok(outcome.ok, `fixed attributes render again: ${outcome.message}`);
    assert.equal(outcome.report.params.top_k, 3);
  });

  test('an unknown key in the options property is an error naming it, not silently dropped', async () => {
    await addElement();
    await page.evaluate((s) => { window.__subject.story = s; window.__subject.options = { topp: 3 }; }, sampleStory('drone-raid.json'));
    const outcome = await connect();
    assert.equal(outcome.ok, false, 'bias-compare-error expected');
    assert.match(outcome.message, /^options\.topp: unknown option/, `message: ${outcome.message}`);
  });

  test('heading-level sets the level of the section headings (side names one below)', async () => {
    await addElement({ attributes: { 'heading-level': '4' } });
    await page.evaluate((s) => { window.__subject.story = s; }, sampleStory('drone-raid.json'));
    assert.ok((await connect()).ok);
    const levels = await page.evaluate(() => {
      const root = document.getElementById('subject').shadowRoot;
      return { section: root.querySelector('.section-head > :first-child').localName, side: root.querySelector('.side-head h1, .side-head h2, .side-head h3, .side-head h4, .side-head h5, .side-head h6').localName };
    });
    assert.deepEqual(levels, { section: 'h4', side: 'h5' }, 'heading-level="4": h4 sections, h5 side names');
    assert.equal(await page.evaluate(() => document.getElementById('subject').headingLevel), 4);
  });
});

describe('error state', () => {
  async function errorShown() {
    return page.evaluate(() => {
      const root = document.getElementById('subject').shadowRoot;
      const error = root.querySelector('[data-role="error"]');
      return error ? { role: error.getAttribute('role'), text: error.textContent, coverage: !!root.querySelector('[data-role="coverage"]') } : null;
    });
  }

  test('a story that fails validation ({"articles": 5}) shows [data-role=error] naming the field and fires bias-compare-error', async () => {
    await addElement();
    await page.evaluate(() => { window.__subject.story = { articles: 5 }; });
    const outcome = await connect();
    assert.equal(outcome.ok, false, 'bias-compare-error expected, not ready');
    assert.equal(outcome.message, 'articles: expected an array, found a number', 'the event message names the field');
    const shown = await errorShown();
    assert.ok(shown, '[data-role="error"] is shown');
    assert.equal(shown.role, 'alert', 'the error has role="alert"');
    assert.ok(shown.text.includes(outcome.message), `the error shows the message; shown: "${shown.text}"`);
    assert.equal(shown.coverage, false, 'no partial report is shown');
    assert.equal(await page.evaluate(() => document.getElementById('subject').report), null, 'element.report is null after an error');
  });

  test('a src whose story fails validation shows the engine message', async () => {
    await addElement({ attributes: { src: '/__test__/invalid-articles.json' } });
    const outcome = await connect();
    assert.equal(outcome.ok, false, 'bias-compare-error expected');
    assert.equal(outcome.message, 'articles: expected an array, found a number');
    assert.ok((await errorShown())?.text.includes('articles: expected an array'), 'the message is shown in place');
  });

  test('a src that answers 404 shows an error naming the URL and status', async () => {
    const url = shared.server.url('/__test__/no-such-story.json');
    await addElement({ attributes: { src: url } });
    const outcome = await connect();
    assert.equal(outcome.ok, false, 'bias-compare-error expected');
    assert.equal(outcome.message, `src: ${url} answered 404 Not Found`, 'the message names the URL and the status');
    assert.ok((await errorShown())?.text.includes('404'), 'the 404 error is shown in place');
  });

  test('text that is not JSON shows the parse error', async () => {
    await addElement();
    await page.evaluate(() => { window.__subject.story = '{"articles": [}'; });
    const outcome = await connect();
    assert.equal(outcome.ok, false, 'bias-compare-error expected');
    assert.match(outcome.message, /^story: not valid JSON/, `message: ${outcome.message}`);
  });

  test('a good story after an error renders again', async () => {
    await addElement();
    await page.evaluate(() => { window.__subject.story = { articles: 5 }; });
    assert.equal((await connect()).ok, false);
    const outcome = await outcomeOf(page, () => page.evaluate((s) => { document.getElementById('subject').story = s; }, sampleStory('drone-raid.json')), '#subject');
    assert.ok(outcome.ok, 'the element recovers');
    assert.equal(await errorShown(), null, 'the error is gone');
  });
});

describe('the first render: the coverage bar first', () => {
  /** Connects `#subject` with `story` (or sets it on the connected one) and records what the
   * panel held when the coverage bar first appeared, at the next frame, and at the ready event. */
  function watchRender(story, { connectNew }) {
    return page.evaluate(
      ({ story, connectNew }) =>
        new Promise((resolve) => {
          const element = connectNew ? document.createElement('bias-compare') : document.getElementById('subject');
          element.id = 'subject';
          const root = element.shadowRoot;
          const state = () => ({
            coverage: root.querySelector('[data-role="coverage"]') !== null,
            framing: root.querySelector('.framing') !== null,
            footer: root.querySelector('.footer, [data-role="warnings"]') !== null,
            sections: root.querySelectorAll('.panel > section').length,
            busy: root.querySelector('.panel')?.getAttribute('aria-busy') ?? null,
            report: element.report !== null,
          });
          const seen = { first: null, nextFrame: null, partial: 0 };
          const observer = new MutationObserver(() => {
            const now = state();
            if (now.coverage && !now.framing) seen.partial += 1;
            if (seen.first === null && now.coverage) {
              seen.first = now;
              requestAnimationFrame(() => { seen.nextFrame = state(); });
            }
          });
          observer.observe(root, { childList: true, subtree: true, attributes: true });
          element.addEventListener('bias-compare-ready', () => { observer.disconnect(); resolve({ ...seen, ready: state() }); }, { once: true });
          element.addEventListener('bias-compare-error', (e) => resolve({ error: e.detail.message }), { once: true });
          element.story = story;
          if (connectNew) document.querySelector('main').append(element);
        }),
      { story, connectNew },
    );
  }

  test('the coverage section is shown, busy, and a frame drawn, before the other sections; ready comes with all of them', async () => {
    const seen = await watchRender(sampleStory('drone-raid.json'), { connectNew: true });
    assert.equal(seen.error, undefined, seen.error);
    assert.deepEqual(seen.first, { coverage: true, framing: false, footer: false, sections: 1, busy: 'true', report: false });
    assert.deepEqual(seen.nextFrame, { coverage: true, framing: false, footer: false, sections: 1, busy: 'true', report: false }, 'the frame after the bar appeared drew it alone');
    assert.equal(seen.ready.framing, true);
    assert.ok(seen.ready.sections > 3, 'every section is in place at bias-compare-ready');
    assert.equal(seen.ready.busy, null, 'the panel is no longer busy');
    assert.equal(seen.ready.report, true, 'element.report is set at bias-compare-ready');
  });

  /** Connects a new `#subject` with `first` and, when the coverage section first shows alone,
   * does `meanwhile` to it ('story': sets `second`; 'move': takes it out and puts it back);
   * records the stories sent to the engine's worker, every ready event, whether the loading
   * state came back, and the final panel. */
  function interruptRender(first, second, meanwhile) {
    return page.evaluate(
      ({ first, second, meanwhile }) =>
        new Promise((resolve) => {
          const element = document.createElement('bias-compare');
          element.id = 'subject';
          const root = element.shadowRoot;
          const readies = [];
          // Stories sent to the engine's worker.
          const post = Worker.prototype.postMessage;
          let analyses = 0;
          Worker.prototype.postMessage = function (message, ...rest) {
            if (message?.id !== undefined) analyses += 1;
            return post.call(this, message, ...rest);
          };
          let interrupted = false;
          let loadingAgain = false;
          const observer = new MutationObserver(() => {
            if (interrupted && root.querySelector('[data-role="loading"]')) loadingAgain = true;
            if (!interrupted && root.querySelector('[data-role="coverage"]') && !root.querySelector('.framing')) {
              interrupted = true;
              if (meanwhile === 'story') element.story = second;
              else {
                const main = element.parentNode;
                element.remove();
                main.append(element);
              }
            }
          });
          observer.observe(root, { childList: true, subtree: true });
          element.addEventListener('bias-compare-ready', (e) => readies.push(e.detail.coverage.total_articles));
          element.addEventListener('bias-compare-error', (e) => resolve({ error: e.detail.message }), { once: true });
          element.story = first;
          document.querySelector('main').append(element);
          // Long enough for a second analysis, and for a stray ready event after the first.
          const settle = () => setTimeout(() => {
            observer.disconnect();
            Worker.prototype.postMessage = post;
            resolve({
              analyses,
              interrupted,
              readies,
              loadingAgain,
              busy: root.querySelector('.panel')?.getAttribute('aria-busy') ?? null,
              framing: root.querySelector('.framing') !== null,
              reported: element.report?.coverage.total_articles ?? null,
            });
          }, 1500);
          element.addEventListener('bias-compare-ready', settle, { once: true });
        }),
      { first, second, meanwhile },
    );
  }

  test('a story set while the rest of the panel waits for the bar\'s frame is the one shown', async () => {
    const seen = await interruptRender(sampleStory('drone-raid.json'), sampleStory('minimum-wage.json'), 'story');
    assert.equal(seen.error, undefined, seen.error);
    assert.equal(seen.interrupted, true, 'the coverage section showed alone');
    assert.deepEqual(seen.readies, [16], 'one ready event, for the second story (16 articles)');
    assert.equal(seen.analyses, 2);
    assert.equal(seen.reported, 16);
    assert.equal(seen.framing, true);
    assert.equal(seen.busy, null, 'the panel is no longer busy');
  });

  test('an element moved while the rest of the panel waits finishes its report without analyzing again', async () => {
    const seen = await interruptRender(sampleStory('drone-raid.json'), null, 'move');
    assert.equal(seen.error, undefined, seen.error);
    assert.equal(seen.interrupted, true, 'the coverage section showed alone');
    assert.deepEqual(seen.readies, [20], 'one ready event, with the report');
    assert.equal(seen.analyses, 1, 'the story went to the engine once');
    assert.equal(seen.loadingAgain, false, 'the loading state did not come back');
    assert.equal(seen.framing, true);
    assert.equal(seen.busy, null, 'the panel is no longer busy');
  });

  test('a new story on a rendered element replaces its report in one go', async () => {
    const first = await watchRender(sampleStory('drone-raid.json'), { connectNew: true });
    assert.equal(first.error, undefined, first.error);
    const again = await watchRender(sampleStory('minimum-wage.json'), { connectNew: false });
    assert.equal(again.error, undefined, again.error);
    assert.equal(again.partial, 0, 'the panel never showed the coverage section alone');
    assert.equal(again.ready.framing, true);
  });
});
