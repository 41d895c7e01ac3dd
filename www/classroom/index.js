// The classroom (docs/CLASSROOM.md): what the demo page and dist/standalone.html add around the
// panel for a teacher — the story editor and its imports, the two ratings tables, guess the
// leaning, explain a term, the projector view, the printed handout and the exports. News pages
// never load any of it: the widget is dist/bias-compare.js alone.
//
// The page script (www/demo/demo.js) owns the story picker and the element; this module owns the
// teacher's story and everything built on the report the element shows. They meet here:
// `startClassroom` gets from the page how to show the teacher's story and what is shown, and
// gives back the teacher's story and options and what to do with each report.

import { Editor } from './editor.js';
import { TermExplainer } from './explain.js';
import { coverageCsv, download, fileBase, figurePng, figureSvg, termsCsv } from './export.js';
import { GuessGame } from './guess.js';
import { Projector } from './projector.js';
import { RatingsEditor } from './ratings.js';
import { Store } from './store.js';

/** The analysis re-runs this long after the last keystroke, so that typing never waits for it. */
export const ANALYZE_AFTER_MS = 350;

const byId = (id) => document.getElementById(id);

/**
 * Starts the classroom on the page. `page` gives:
 * - `showMine()`: show the teacher's story in the panel (the picker's "Your story");
 * - `showing()`: the key of the story shown ('mine', 'pasted' or a sample's path);
 * - `shownStory()`: resolves to { story, options } of the story shown;
 * - `sampleStory()`: resolves to the sample shown as an object (or null);
 * - `title()`: the title of the story shown.
 */
export function startClassroom(page) {
  const store = new Store();
  const editor = new Editor(byId('editor'), store, { sampleStory: page.sampleStory });
  const ratings = new RatingsEditor(byId('ratings'), store);
  const game = new GuessGame(byId('guess'), store);
  const explainer = new TermExplainer(byId('explain'), store, { shownStory: page.shownStory });
  let report = null;
  const projector = new Projector(byId('projector'), { sections: [byId('guess'), byId('explain')], report: () => report, title: page.title });

  if (store.unreadable) editor.say('The story saved in this browser could not be read back; starting empty.');

  let timer = 0;
  store.subscribe((what) => {
    if (store.saveError) editor.say(`Not saved: ${store.saveError}. Export the story to keep it.`);
    // Edits to the story show it; the ratings tables only matter to it.
    if (what === 'story' || (what === 'ratings' && page.showing() === 'mine')) {
      clearTimeout(timer);
      timer = setTimeout(() => page.showMine(), ANALYZE_AFTER_MS);
    }
  });

  // The toolbar above the panel: projector, print, pictures and tables of what is shown.
  const actions = {
    'projector-open': (button) => projector.open(button),
    'print-handout': () => window.print(),
    'export-svg': () => download(`${fileBase(page.title())}.svg`, 'image/svg+xml', figureSvg(report, page.title())),
    'export-png': async () => download(`${fileBase(page.title())}.png`, 'image/png', await figurePng(report, page.title())),
    'export-terms': () => download(`${fileBase(page.title())}-terms.csv`, 'text/csv', termsCsv(report)),
    'export-coverage': () => download(`${fileBase(page.title())}-coverage.csv`, 'text/csv', coverageCsv(report)),
  };
  for (const [id, act] of Object.entries(actions)) {
    const button = byId(id);
    button?.addEventListener('click', () => act(button));
  }
  const setReady = (ready) => {
    for (const id of Object.keys(actions)) {
      const button = byId(id);
      if (button && id !== 'print-handout') button.disabled = !ready;
    }
  };
  setReady(false);

  return {
    store,
    /** Whether the teacher's story has an article to analyze. */
    hasStory: () => store.storyForEngine() !== null,
    story: () => store.storyForEngine(),
    options: () => ({ ratings: store.ratingsTable() }),
    title: () => store.state.story.title.trim() || 'Your story',
    /** A report of the story `key` is on the panel. */
    onReport(next, key) {
      report = next;
      setReady(true);
      if (key === 'mine') editor.showError(null);
      game.setReport(next, key);
      explainer.setReport(next);
      projector.refresh();
    },
    /** The story `key` could not be analyzed: the engine's `message`. */
    onError(message, key) {
      report = null;
      setReady(false);
      game.setReport(null, key);
      explainer.setReport(null);
      projector.refresh();
      if (key !== 'mine') return;
      const at = /^articles\[(\d+)\](?:\.(\w+))?: (.*)$/.exec(message);
      if (at) {
        const article = store.storyForEngine()?.articles[Number(at[1])];
        const field = at[2] ?? '';
        editor.showError(article?.id, field, `${field ? `${Editor.label(field)}: ` : ''}${at[3]}`);
        editor.say(`Article ${store.state.story.articles.findIndex((a) => a.id === article?.id) + 1} needs a change before the story can be analyzed (marked below).`);
      } else if (message.startsWith('options.ratings')) {
        ratings.say(`The ratings table in force needs a change: ${message.replace(/^options\.ratings/, 'rating')}`);
      } else editor.say(`Your story could not be analyzed: ${message}`);
    },
  };
}
