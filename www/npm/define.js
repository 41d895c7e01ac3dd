// `bias-compare/define`: importing it defines <bias-compare> (once; importing it again, or
// another copy of the package, is harmless) and gives the class. A file of the npm package as
// it ships: './bias-compare.js' is the package's element module, beside it (docs/WIDGET.md,
// "Package").

import { BiasCompareElement } from './bias-compare.js';

BiasCompareElement.define();

export { BiasCompareElement };
