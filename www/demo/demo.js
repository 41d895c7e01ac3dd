// The demo page: a sample picker and a paste box driving one <bias-compare id="demo">.
//
// Served (dist/index.html), each sample loads through the element's `src` attribute.
// In dist/standalone.html the build embeds every sample in
// <script type="application/json" id="bias-compare-samples"> and they go through the
// `story` property instead, so the page works from file:// with no request at all.

const picker = document.getElementById('sample-picker');
const demo = document.getElementById('demo');
const status = document.getElementById('status');
const storyTitle = document.getElementById('story-title');
const input = document.getElementById('story-input');
const analyzeButton = document.getElementById('analyze-button');
const copyButton = document.getElementById('copy-sample-button');

const embeddedScript = document.getElementById('bias-compare-samples');
const embedded = embeddedScript ? JSON.parse(embeddedScript.textContent) : null;

let startedAt = 0;

function setStatus(text) {
  if (status) status.textContent = text;
}

function selectedTitle() {
  const option = picker?.selectedOptions?.[0];
  return option ? option.textContent : '';
}

function loadSample(value) {
  if (!demo || !value) return;
  startedAt = performance.now();
  setStatus('Analyzing…');
  if (storyTitle) storyTitle.textContent = selectedTitle();
  if (embedded) {
    demo.story = embedded[value] ?? null;
  } else {
    demo.story = null;
    demo.setAttribute('src', value);
  }
}

async function sampleText(value) {
  if (embedded) return JSON.stringify(embedded[value], null, 2);
  const response = await fetch(value);
  return response.text();
}

if (picker && demo) {
  picker.addEventListener('change', () => loadSample(picker.value));

  demo.addEventListener('bias-compare-ready', (event) => {
    const report = event.detail;
    const ms = startedAt ? Math.max(1, Math.round(performance.now() - startedAt)) : null;
    const total = report.coverage.total_articles;
    setStatus(`${total} ${total === 1 ? 'article' : 'articles'} analyzed${ms ? ` in ${ms} ms` : ''}.`);
  });
  demo.addEventListener('bias-compare-error', () => setStatus('The story could not be analyzed.'));

  if (embedded) {
    loadSample(picker.value);
  } else if (!demo.hasAttribute('src') && picker.value) {
    loadSample(picker.value);
  } else {
    startedAt = performance.now();
    setStatus('Analyzing…');
  }
}

if (analyzeButton && input && demo) {
  analyzeButton.addEventListener('click', () => {
    startedAt = performance.now();
    setStatus('Analyzing…');
    if (storyTitle) {
      let title = 'Your story';
      try {
        const parsed = JSON.parse(input.value);
        if (parsed && typeof parsed.title === 'string' && parsed.title.trim()) title = parsed.title;
      } catch {
        // The element reports the JSON error itself.
      }
      storyTitle.textContent = title;
    }
    demo.story = input.value;
  });
}

if (copyButton && input && picker) {
  copyButton.addEventListener('click', async () => {
    try {
      input.value = await sampleText(picker.value);
    } catch {
      setStatus('Could not load the sample text.');
    }
  });
}
