// The panel: the one element the shadow root holds, with a report's sections or one of the
// states of states.js. Built off-document and put in place in one replaceChildren, with no
// layout read in between.

import { el } from '../dom.js';
import { comparisonSection } from './comparison.js';
import { coverageSection } from './coverage.js';
import { emphasisSection } from './emphasis.js';
import { footer } from './footer.js';
import { framingSection } from './framing.js';
import { keyPointsSection } from './key-points.js';

/** Replaces everything in `root` with one panel holding `nodes`. */
export function showPanel(root, ...nodes) {
  root.replaceChildren(el('div', { class: 'panel', part: 'panel' }, ...nodes));
}

/** A report's sections, top to bottom; `headingLevel` is the host's heading-level, `methodHref`
 * its method-href (or null). */
export function reportSections(report, headingLevel, methodHref) {
  return [coverageSection(report, headingLevel), keyPointsSection(report, headingLevel), framingSection(report, headingLevel, methodHref), emphasisSection(report, headingLevel), comparisonSection(report, headingLevel), footer(report)];
}
