// The widget's entry point, bundled into dist/bias-compare.js: importing it defines
// <bias-compare>. Defining is idempotent, so a page that imports the module twice (or a copy
// of it under another URL) still has one working element.

import { BiasCompareElement } from './element.js';

BiasCompareElement.define();
