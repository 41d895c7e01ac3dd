// The classroom's calls into the engine that the widget's element does not make: `explain`
// (docs/REPORT.md, "Explaining a term"). It runs in the classroom's own engine, loaded the
// first time a term is explained, on the main thread: one explanation of a classroom story
// takes milliseconds, and it is asked for by a click, not while anyone types.

import { errorMessage } from '../bias-compare/error-message.js';
import { loadClassroomEngine } from './engine/load.js';

let engine = null;

function classroomEngine() {
  if (!engine) {
    engine = loadClassroomEngine();
    engine.catch(() => {
      engine = null; // a later click may try again
    });
  }
  return engine;
}

/** Resolves to the explanation of `term` for `side` in `story` analyzed with `options`. */
export async function explainTerm(story, options, side, term) {
  let loaded;
  try {
    loaded = await classroomEngine();
  } catch (error) {
    throw new Error(`could not load the analysis engine: ${errorMessage(error)}`);
  }
  return loaded.explain(story, options, side, term);
}
