// The demo page: a sample picker and a paste box driving one <bias-compare id="demo">, and
// the classroom around it (www/classroom/, docs/CLASSROOM.md): the teacher's own story, built
// in the editor below the panel, is the picker's "Your story" entry.
//
// Served (dist/index.html), each sample loads through the element's `src` attribute.
// In dist/standalone.html the build embeds every sample in
// <script type="application/json" id="bias-compare-samples"> and they go through the
// `story` property instead, so the page works from file:// with no request at all.
//
// The chosen sample is in the page's address (`?story=levee-bond`; `#levee-bond` and
// `#story=levee-bond` are read too), so a link opens it and a reload keeps it. A story
// analyzed from the paste box shows in the picker as "Your story"; an error in it is said in
// words under the Analyze button (story-errors.js), with the line to change selected.
//
// The served page runs this script before the element's module (index.html), so a linked
// sample is the first and only story the element fetches; until the element is defined, only
// its attributes are touched here, never its properties.

import { startClassroom } from '../classroom/index.js';
import { explainError } from './story-errors.js';

const picker = document.getElementById('sample-picker');
const demo = document.getElementById('demo');
const status = document.getElementById('status');
const storyTitle = document.getElementById('story-title');
const pasteBox = document.getElementById('paste');
const input = document.getElementById('story-input');
const analyzeButton = document.getElementById('analyze-button');
const copyButton = document.getElementById('copy-sample-button');
const pasteError = document.getElementById('paste-error');
const pasteNote = document.getElementById('paste-note');
const restoreButton = document.getElementById('restore-button');

const embeddedScript = document.getElementById('bias-compare-samples');
const embedded = embeddedScript ? JSON.parse(embeddedScript.textContent) : null;

// The picker's entry for a story from the paste box, and for the teacher's story.
const PASTED = 'pasted';
const MINE = 'mine';

let startedAt = 0;
let showing = 'sample'; // what the element shows or is analyzing: 'sample', PASTED or MINE
let pastedText = ''; // the text the paste box held when it was last analyzed
let lastSample = picker?.value ?? ''; // the sample shown last (for "Start from the current sample")
let replacedText = null; // what the paste box held before a sample replaced it
let notice = ''; // said after the next status line

function setStatus(text) {
  if (status) status.textContent = text;
}

/** What the element is given as options: the classroom's ratings for the teacher's story, none
 * for the others. Properties are set only once the element is defined (see above). */
let optionsGiven = false;
function whenDefined(then) {
  if (customElements.get('bias-compare')) then();
  else customElements.whenDefined('bias-compare').then(then);
}
function clearOptions() {
  if (optionsGiven && customElements.get('bias-compare')) {
    demo.options = {};
    optionsGiven = false;
  }
}

// ------------------------------------------------------------------ samples and the address

function sampleName(value) {
  return value.replace(/^samples\//, '').replace(/\.json$/, '');
}

/** The picker's value for the sample `name` names (`levee-bond`, `levee-bond.json`), or null. */
function sampleValue(name) {
  if (!picker || !name) return null;
  const value = `samples/${name.replace(/\.json$/, '')}.json`;
  return [...picker.options].some((option) => option.value === value) ? value : null;
}

/** The sample the address names: `?story=NAME`, `#story=NAME` or `#NAME`; null if none. */
function nameInAddress() {
  const url = new URL(window.location.href);
  const query = url.searchParams.get('story');
  if (query) return query;
  let hash = url.hash.slice(1);
  try {
    hash = decodeURIComponent(hash);
  } catch {
    return null;
  }
  return hash.startsWith('story=') ? hash.slice('story='.length) : hash || null;
}

/** Puts `name` in the address as ?story=NAME (null takes it out), as a new history entry. */
function setAddress(name) {
  try {
    const url = new URL(window.location.href);
    if (name) url.searchParams.set('story', name);
    else url.searchParams.delete('story');
    url.hash = '';
    if (url.href !== window.location.href) window.history.pushState(null, '', url);
  } catch {
    // A page from file:// may not rewrite its address; the picker still works.
  }
}

function selectedTitle() {
  const option = picker?.selectedOptions?.[0];
  return option ? option.textContent : '';
}

function loadSample(value, { remember = true } = {}) {
  if (!demo || !value) return;
  if (picker) picker.value = value;
  showing = 'sample';
  lastSample = value;
  clearPasteError();
  startedAt = performance.now();
  setStatus('Analyzing…');
  if (storyTitle) storyTitle.textContent = selectedTitle();
  if (remember) setAddress(sampleName(value));
  clearOptions();
  if (embedded) {
    demo.story = embedded[value] ?? null;
  } else {
    if (customElements.get('bias-compare')) demo.story = null;
    demo.setAttribute('src', value);
  }
}

async function sampleText(value) {
  if (embedded) return JSON.stringify(embedded[value], null, 2);
  const response = await fetch(value);
  return response.text();
}

/** The sample the address names, or the page's first one (noted for the status line when the
 * address names a sample there is not). */
function startingSample() {
  const name = nameInAddress();
  const value = sampleValue(name);
  notice = name && !value ? ` There is no sample called “${name}”; this is the first one.` : '';
  const first = picker ? [...picker.options].find((option) => option.defaultSelected) ?? picker.options[0] : null;
  return value ?? first?.value ?? '';
}

// ------------------------------------------------------------------ the paste box

/** Adds the picker's "Your story" entry (once) and selects it. */
function selectPasted() {
  if (!picker) return;
  if (![...picker.options].some((option) => option.value === PASTED)) {
    picker.append(new Option('Your story (from the box below)', PASTED));
  }
  picker.value = PASTED;
}

function analyzePasted() {
  if (!demo || !input) return;
  pastedText = input.value;
  showing = PASTED;
  selectPasted();
  setAddress(null);
  clearPasteError();
  startedAt = performance.now();
  setStatus('Analyzing…');
  if (storyTitle) {
    let title = 'Your story';
    try {
      const parsed = JSON.parse(pastedText);
      if (parsed && typeof parsed.title === 'string' && parsed.title.trim()) title = parsed.title;
    } catch {
      // The error is said under the Analyze button.
    }
    storyTitle.textContent = title;
  }
  clearOptions();
  demo.story = pastedText;
}

// ------------------------------------------------------------------ the teacher's story

/** Adds the picker's entry for the teacher's story, or takes it out when the story is empty. */
function updateMineOption() {
  if (!picker || !classroom) return;
  const option = [...picker.options].find((o) => o.value === MINE);
  if (classroom.hasStory()) {
    const title = classroom.store.state.story.title.trim();
    const text = title ? `Your story: ${title}` : 'Your story (built below)';
    if (option) option.textContent = text;
    else picker.prepend(new Option(text, MINE));
  } else if (option && picker.value !== MINE) option.remove();
}

/** Shows the teacher's story (the editor's) in the panel, with the ratings table in force. */
function showMine({ remember = true } = {}) {
  if (!demo || !classroom) return;
  updateMineOption();
  if (picker) picker.value = MINE;
  showing = MINE;
  clearPasteError();
  startedAt = performance.now();
  setStatus('Analyzing…');
  if (storyTitle) storyTitle.textContent = classroom.title();
  if (remember) setAddress(null);
  demo.removeAttribute('src');
  whenDefined(() => {
    if (showing !== MINE) return;
    optionsGiven = true;
    demo.options = classroom.options();
    demo.story = classroom.story();
  });
}

/** The story the panel shows, as the engine reads it, with its options (for explain). */
async function shownStory() {
  if (showing === MINE) return { story: classroom.story(), options: classroom.options() };
  if (showing === PASTED) return { story: pastedText, options: {} };
  return { story: await sampleText(lastSample), options: {} };
}

/** The sample the picker shows (or showed last), as an object. */
async function shownSample() {
  const value = picker?.value?.startsWith('samples/') ? picker.value : lastSample;
  if (!value) return null;
  return JSON.parse(await sampleText(value));
}

function shownKey() {
  return showing === 'sample' ? lastSample : showing;
}

const classroom = demo
  ? startClassroom({
      showMine,
      showing: () => showing,
      shownStory,
      sampleStory: shownSample,
      title: () => storyTitle?.textContent ?? '',
    })
  : null;


function clearPasteError() {
  if (pasteError) pasteError.textContent = '';
  input?.removeAttribute('aria-invalid');
}

/**
 * The error in the pasted story, where the reader is looking: in words under the Analyze
 * button (announced: role="alert"), the box marked invalid and focused with the line to change
 * selected and scrolled into view, and the page scrolled so that the message shows.
 */
function showPasteError(message) {
  if (!pasteError || !input) return;
  const { text, start, end } = explainError(message, pastedText);
  pasteError.textContent = text;
  input.setAttribute('aria-invalid', 'true');
  if (pasteBox) pasteBox.open = true;
  input.focus({ preventScroll: true });
  if (start !== null && input.value === pastedText) {
    input.setSelectionRange(start, end);
    input.scrollTop = Math.max(0, offsetInBox(input, start) - input.clientHeight / 3);
  }
  pasteError.scrollIntoView({ block: 'nearest' });
}

/**
 * How far down the text of `box` (a textarea) character `index` is, in pixels: setting the
 * selection does not scroll a textarea, and its lines wrap. Measured on a copy of the text up to
 * `index` in a hidden element laid out as the textarea lays its text out.
 */
function offsetInBox(box, index) {
  // Laying a copy out takes some 0.25 s per MB: past 5 million characters, a proportional guess.
  if (index > 5_000_000) return (box.scrollHeight * index) / box.value.length;
  const style = getComputedStyle(box);
  const mirror = document.createElement('div');
  for (const name of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'lineHeight', 'tabSize', 'wordSpacing', 'paddingLeft', 'paddingRight']) {
    mirror.style[name] = style[name];
  }
  Object.assign(mirror.style, { position: 'absolute', top: '0', left: '-10000px', visibility: 'hidden', boxSizing: 'border-box', width: `${box.clientWidth}px`, whiteSpace: 'pre-wrap', overflowWrap: 'break-word' });
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.append(box.value.slice(0, index), marker);
  document.body.append(mirror);
  const top = marker.offsetTop;
  mirror.remove();
  return top;
}

/** Puts `text` in the paste box as an edit of its own, which the browser's undo reverts. */
function replaceText(text) {
  input.focus();
  input.select();
  // execCommand is deprecated but it is the one way to change a textarea that undo can revert;
  // where it does nothing, the Restore button still brings the text back.
  if (!document.execCommand('insertText', false, text) || input.value !== text) input.value = text;
  input.setSelectionRange(0, 0);
  input.scrollTop = 0;
}

async function startFromSample() {
  if (!input || !picker) return;
  const value = picker.value === PASTED ? lastSample : picker.value;
  let text;
  try {
    text = await sampleText(value);
  } catch {
    setStatus('Could not load the sample text.');
    return;
  }
  const before = input.value;
  replaceText(text);
  clearPasteError();
  // What the reader typed stays recoverable: undo reverts the change, and so does this button.
  replacedText = before.trim() !== '' && before !== text ? before : null;
  if (pasteNote) pasteNote.hidden = replacedText === null;
}

function restoreText() {
  if (replacedText === null || !input) return;
  replaceText(replacedText);
  replacedText = null;
  if (pasteNote) pasteNote.hidden = true;
}

// ------------------------------------------------------------------ wiring

if (picker && demo) {
  picker.addEventListener('change', () => {
    if (picker.value === PASTED) analyzePasted();
    else if (picker.value === MINE) showMine();
    else loadSample(picker.value);
  });
  classroom?.store.subscribe(updateMineOption);

  window.addEventListener('popstate', () => loadSample(startingSample(), { remember: false }));

  demo.addEventListener('bias-compare-ready', (event) => {
    const report = event.detail;
    const ms = startedAt ? Math.max(1, Math.round(performance.now() - startedAt)) : null;
    const total = report.coverage.total_articles;
    setStatus(`${total} ${total === 1 ? 'article' : 'articles'} analyzed${ms ? ` in ${ms} ms` : ''}.${notice}`);
    notice = '';
    classroom?.onReport(report, shownKey());
  });
  demo.addEventListener('bias-compare-error', (event) => {
    classroom?.onError(event.detail?.message ?? '', shownKey());
    if (showing === MINE) {
      setStatus('Your story could not be analyzed: see the editor below.');
    } else if (showing === PASTED) {
      setStatus('Your story could not be analyzed: see under the Analyze button.');
      showPasteError(event.detail?.message ?? '');
    } else {
      setStatus('The story could not be analyzed.');
    }
  });

  const first = startingSample();
  updateMineOption();
  if (!nameInAddress() && classroom?.hasStory()) {
    // The teacher's story, saved in this browser, comes back as it was left.
    showMine({ remember: false });
  } else if (embedded || first !== demo.getAttribute('src')) {
    loadSample(first, { remember: false });
  } else {
    // The element fetches the sample its `src` names.
    if (storyTitle) storyTitle.textContent = selectedTitle();
    startedAt = performance.now();
    setStatus('Analyzing…');
  }
}

analyzeButton?.addEventListener('click', analyzePasted);
copyButton?.addEventListener('click', startFromSample);
restoreButton?.addEventListener('click', restoreText);
