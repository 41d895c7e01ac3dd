// The language section's lexicons: fetched once per engine, on the first analysis that wants
// the section (options.language is not false), and handed to the engine. The fetch starts
// with the analysis, while the engine may still be loading, not after it has loaded: the file
// and the engine's two files are one round trip, not two. A story analyzed without them —
// the file could not be fetched — still gets its report, with `language: null` and a warning
// saying why; the next analysis tries again.

import { loadLexicons } from './load.js';

const given = new WeakMap(); // promise of an engine → promise of its lexicons being set

/** Resolves when the engine `loading` (a promise) holds the lexicons, or when they are not
 * wanted or could not be had (nor the engine). */
export function lexiconsFor(loading, options) {
  if (options?.language === false) return undefined;
  let promise = given.get(loading);
  if (!promise) {
    promise = Promise.all([loading, loadLexicons()]).then(([engine, text]) => engine.setLexicons(text));
    given.set(loading, promise);
    promise.catch(() => given.delete(loading));
  }
  return promise.catch(() => {});
}
