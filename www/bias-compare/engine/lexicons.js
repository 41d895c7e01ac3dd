// The language section's lexicons: fetched once per engine, on the first analysis that wants
// the section (options.language is not false), and handed to the engine. A story analyzed
// without them — the file could not be fetched — still gets its report, with `language: null`
// and a warning saying why; the next analysis tries again.

import { loadLexicons } from './load.js';

const given = new WeakMap(); // engine → promise of its lexicons being set

/** Resolves when `engine` holds the lexicons, or when they are not wanted or could not be had. */
export function lexiconsFor(engine, options) {
  if (options?.language === false) return undefined;
  let promise = given.get(engine);
  if (!promise) {
    promise = loadLexicons().then((text) => engine.setLexicons(text));
    given.set(engine, promise);
    promise.catch(() => given.delete(engine));
  }
  return promise.catch(() => {});
}
