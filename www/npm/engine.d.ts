// `bias-compare/engine`: the analysis without the element, in Node.js and in browsers.

import type { Report } from './report.js';
import type { Options, Story } from './story.js';

export type * from './report.js';
export type * from './story.js';

/**
 * The report for `story` (a story object or its JSON text). The first call loads the
 * WebAssembly engine from beside this module; no set-up step. Rejects with an `Error` whose
 * message is the engine's `<json path>: <problem>` line for bad input or options.
 * `JSON.stringify(report, null, 2)` is byte for byte the CLI's `--format json` output.
 */
export function analyze(story: Story | string, options?: Options | null): Promise<Report>;
