// The demo's paste box and picker as a new reader meets them (docs/WIDGET.md, "The demo page"):
// an error in a pasted story is said in words where the reader is looking, with the line to
// change selected; the picker follows what the panel shows; "Start from the current sample"
// keeps what the reader typed recoverable.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { artifactPath, browserAndServerForThisFile, expectedReport, outcomeOf, pickSample, sampleIndex, sampleStory, settled, snapshot } from './helpers.mjs';

const shared = browserAndServerForThisFile();

/** A fresh demo page at `width` × `height`, its first sample rendered, the paste box open. */
async function demoPage(width = 1200, height = 900) {
  const page = await shared.browser.newPage({ viewport: { width, height } });
  await page.goto(shared.server.url('index.html'));
  const outcome = await settled(page, '#demo');
  assert.ok(outcome.ok, `the demo should render: ${outcome.message}`);
  await page.click('.paste summary');
  return page;
}

/** What the paste box shows after an analysis: the message, its box, the selection, focus. */
function pasteState(page) {
  return page.evaluate(() => {
    const input = document.getElementById('story-input');
    const message = document.getElementById('paste-error');
    const box = message.getBoundingClientRect();
    return {
      message: message.textContent,
      role: message.getAttribute('role'),
      top: box.top,
      bottom: box.bottom,
      focused: document.activeElement === input,
      invalid: input.getAttribute('aria-invalid'),
      describedBy: input.getAttribute('aria-describedby'),
      selected: input.value.slice(input.selectionStart, input.selectionEnd),
      selectionStart: input.selectionStart,
    };
  });
}

/**
 * Whether character `index` of the textarea is within its visible part: measured on a copy of
 * its text up to `index`, laid out as the textarea lays it out (its lines wrap).
 */
function visibleInBox(page, index) {
  return page.evaluate((index) => {
    const input = document.getElementById('story-input');
    const style = getComputedStyle(input);
    const copy = document.createElement('div');
    for (const name of ['fontFamily', 'fontSize', 'lineHeight', 'letterSpacing', 'paddingLeft', 'paddingRight', 'paddingTop']) copy.style[name] = style[name];
    Object.assign(copy.style, { position: 'absolute', left: '-9999px', top: '0', boxSizing: 'border-box', width: `${input.clientWidth}px`, whiteSpace: 'pre-wrap', overflowWrap: 'break-word' });
    const mark = document.createElement('span');
    mark.textContent = 'x';
    copy.append(input.value.slice(0, index), mark);
    document.body.append(copy);
    const top = mark.offsetTop;
    const height = mark.offsetHeight;
    copy.remove();
    return { top, bottom: top + height, scrollTop: input.scrollTop, clientHeight: input.clientHeight };
  }, index);
}

describe('an error in a pasted story, at phone width (375 × 700)', () => {
  let page;
  let story;
  let index;
  before(async () => {
    page = await demoPage(375, 700);
    // As a reader would: start from the sample, change one "far-right" to "very right", Analyze.
    await page.click('#copy-sample-button');
    await page.waitForFunction(() => document.getElementById('story-input').value.length > 1000);
    const text = (await page.inputValue('#story-input')).replace('"far-right"', '"very right"');
    await page.fill('#story-input', text);
    story = JSON.parse(text);
    index = story.articles.findIndex((a) => a.leaning === 'very right');
    const outcome = await outcomeOf(page, () => page.click('#analyze-button'), '#demo');
    assert.equal(outcome.ok, false, 'precondition: the story is rejected');
    await page.waitForFunction(() => document.getElementById('paste-error').textContent !== '');
    await page.screenshot({ path: artifactPath('paste-error-375.png') });
  });
  after(() => page?.close());

  test('the error is said in words under the Analyze button: the article counted from 1, its id and source, and what to use', async () => {
    const { message, role } = await pasteState(page);
    const { id, source } = story.articles[index];
    assert.ok(message.startsWith(`Article ${index + 1} (id "${id}", ${source}): unknown leaning "very right" — use one of `), message);
    assert.match(message, /far-left.*unrated\.$/);
    assert.equal(role, 'alert', 'the message is announced');
    const below = await page.evaluate(() => document.getElementById('analyze-button').compareDocumentPosition(document.getElementById('paste-error')) & Node.DOCUMENT_POSITION_FOLLOWING);
    assert.ok(below, 'the message comes after the Analyze button');
  });

  test('the message is in the viewport, where the reader is looking (test-artifacts/paste-error-375.png)', async () => {
    const { top, bottom } = await pasteState(page);
    assert.ok(top >= 0 && bottom <= 700, `the message spans ${Math.round(top)}–${Math.round(bottom)} px of a 700 px viewport`);
  });

  test('the box takes the focus, is marked invalid and described by the message, with the offending line selected and in view', async () => {
    const state = await pasteState(page);
    assert.equal(state.focused, true, 'focus moves to the box');
    assert.equal(state.invalid, 'true');
    assert.equal(state.describedBy, 'paste-error');
    assert.equal(state.selected, '      "leaning": "very right",');
    const where = await visibleInBox(page, state.selectionStart);
    assert.ok(where.top >= where.scrollTop && where.bottom <= where.scrollTop + where.clientHeight, `the selected line (${where.top}–${where.bottom} px down the text) is scrolled into the box's view (${where.scrollTop}–${where.scrollTop + where.clientHeight})`);
  });

  test('the panel keeps the engine\'s message, with its JSON path, for scripts', async () => {
    const seen = await snapshot(page, '#demo');
    assert.match(seen.error, new RegExp(`articles\\[${index}\\]\\.leaning: unknown leaning "very right"`));
  });

  test('fixed and analyzed again, the message goes and the box is no longer invalid', async () => {
    await page.fill('#story-input', (await page.inputValue('#story-input')).replace('"very right"', '"far-right"'));
    const outcome = await outcomeOf(page, () => page.click('#analyze-button'), '#demo');
    assert.ok(outcome.ok, outcome.message);
    const state = await pasteState(page);
    assert.equal(state.message, '');
    assert.equal(state.invalid, null);
    assert.equal(await page.locator('#paste-error').isVisible(), false, 'an empty message takes no room');
  });
});

describe('the paste box at desktop width', () => {
  let page;
  before(async () => {
    page = await demoPage();
  });
  after(() => page?.close());

  test('an empty box: "The box is empty", not the parser\'s "EOF while parsing"', async () => {
    await page.fill('#story-input', '');
    await outcomeOf(page, () => page.click('#analyze-button'), '#demo');
    await page.waitForFunction(() => document.getElementById('paste-error').textContent !== '');
    const { message, focused } = await pasteState(page);
    assert.equal(message, 'The box is empty: paste a story as JSON, or start from the current sample.');
    assert.equal(focused, true);
  });

  test('a syntax error: its line and column in characters, the line selected', async () => {
    await page.fill('#story-input', '{\n  "title": "Café 😀",\n  "articles": [\n    {"id": "a", "source": "s" "text": "x"}\n  ]\n}');
    await outcomeOf(page, () => page.click('#analyze-button'), '#demo');
    await page.waitForFunction(() => document.getElementById('paste-error').textContent !== '');
    const { message, selected } = await pasteState(page);
    assert.equal(message, 'Not valid JSON at line 4, column 31: a comma or a closing bracket was expected here: is a comma missing?');
    assert.equal(selected, '    {"id": "a", "source": "s" "text": "x"}');
  });
});

describe('the picker follows the panel', () => {
  let page;
  before(async () => {
    page = await demoPage();
  });
  after(() => page?.close());

  test('after a pasted story is analyzed the picker says "Your story", and choosing the previous sample again shows it', async () => {
    const [first, second] = sampleIndex();
    assert.ok((await pickSample(page, second.file)).ok);
    await page.fill('#story-input', JSON.stringify(sampleStory(first.file)));
    const pasted = await outcomeOf(page, () => page.click('#analyze-button'), '#demo');
    assert.ok(pasted.ok, pasted.message);
    const shown = await page.$eval('#sample-picker', (picker) => picker.selectedOptions[0].textContent);
    assert.match(shown, /^Your story/, 'the picker names the pasted story');

    const again = await outcomeOf(page, () => page.selectOption('#sample-picker', `samples/${second.file}`), '#demo');
    assert.ok(again.ok, `choosing ${second.file} again should render it: ${again.message}`);
    const report = await expectedReport(sampleStory(second.file));
    assert.deepEqual(again.report.framing.left.terms.map((t) => t.term), report.framing.left.terms.map((t) => t.term));
    assert.equal(await page.textContent('#story-title'), second.title);
  });

  test('"Your story" in the picker analyzes the box again', async () => {
    const [first] = sampleIndex();
    await page.fill('#story-input', JSON.stringify(sampleStory(first.file)));
    const outcome = await outcomeOf(page, () => page.selectOption('#sample-picker', 'pasted'), '#demo');
    assert.ok(outcome.ok, outcome.message);
    assert.equal(outcome.report.coverage.total_articles, sampleStory(first.file).articles.length);
  });
});

describe('"Start from the current sample" keeps the reader\'s text recoverable', () => {
  let page;
  before(async () => {
    page = await demoPage();
  });
  after(() => page?.close());

  const DRAFT = '{"title": "My draft", "articles": [ … half typed';

  async function replaceDraft() {
    await page.fill('#story-input', DRAFT);
    await page.click('#copy-sample-button');
    await page.waitForFunction(() => document.getElementById('story-input').value.length > 1000);
  }

  test('undo (Ctrl+Z) brings the typed text back', async () => {
    await replaceDraft();
    await page.focus('#story-input');
    await page.keyboard.press('Control+z');
    assert.equal(await page.inputValue('#story-input'), DRAFT);
  });

  test('a "Put your text back" button appears and brings it back', async () => {
    await replaceDraft();
    assert.equal(await page.locator('#paste-note').isVisible(), true, 'the note says the sample replaced the text');
    await page.click('#restore-button');
    assert.equal(await page.inputValue('#story-input'), DRAFT);
    assert.equal(await page.locator('#paste-note').isVisible(), false);
  });

  test('an empty box is filled without a note', async () => {
    await page.fill('#story-input', '');
    await page.click('#copy-sample-button');
    await page.waitForFunction(() => document.getElementById('story-input').value.length > 1000);
    assert.equal(await page.locator('#paste-note').isVisible(), false);
  });
});
