// The npm package's main entry, `bias-compare`: the element class, not defined. Bundled by the
// build (scripts/build/package.mjs) into the package's bias-compare.js, beside the same worker
// and pkg/ as the served widget, so the element finds them as it does in dist/.
//
// Importing it has no effect of its own: `bias-compare/define` (define.js) defines
// <bias-compare>, or call BiasCompareElement.define(tag, registry) yourself.

export { BiasCompareElement } from '../bias-compare/element.js';
