// dist/standalone.html's one script: the widget and the demo page's script, bundled with the
// engine inlined (scripts/build/pages.mjs), so that the page needs no other file.

import '../bias-compare/index.js';
import './demo.js';
