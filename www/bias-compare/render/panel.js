// The panel: the one element the shadow root holds, with a report's sections or one of the
// states of states.js. Built off-document and put in place with no layout read in between: in
// one replaceChildren, except a first report, whose coverage section goes in first and the
// other sections once it has been painted (showReport).

// In the order that gzips dist/bias-compare.js smallest (the bundle follows it).
import { keyPointsSection } from './key-points.js';
import { afterPaint, el } from '../dom.js';
import { coverageSection } from './coverage.js';
import { comparisonSection } from './comparison.js';
import { footer } from './footer.js';
import { emphasisSection } from './emphasis.js';
import { framingSection } from './framing.js';
import { languageSection } from './language.js';

/** Replaces everything in `root` with one panel holding `nodes`. */
export function showPanel(root, ...nodes) {
  root.replaceChildren(panelOf(...nodes));
}

/** The panel element, holding `nodes`. */
function panelOf(...nodes) {
  return el('div', { class: 'panel', part: 'panel' }, ...nodes);
}

/**
 * Shows a report's sections, top to bottom. In place of a state (loading, error), the
 * coverage section comes first, on its own, and once the browser has painted it, the others
 * below it: the bar is on screen without waiting for the layout of the whole panel.
 * Meanwhile the panel is `aria-busy` and keeps the loading state's height. A report replacing
 * a report is shown whole, in one go. Resolves to true once every section is in place, or to
 * false when `current()` says that a newer update has taken over. `headingLevel` is the
 * host's heading-level, `methodHref` its method-href (or null).
 */
export async function showReport(root, report, headingLevel, methodHref, current) {
  // Not in a hidden page, which draws no frame to wait for.
  const split = !root.querySelector('section') && document.visibilityState === 'visible';
  const panel = panelOf(coverageSection(report, headingLevel));
  if (split) {
    panel.setAttribute('aria-busy', 'true');
    root.replaceChildren(panel);
    await afterPaint();
    if (!current()) return false;
    panel.removeAttribute('aria-busy');
  }
  // (A section with nothing to show is null.)
  panel.append(...[keyPointsSection(report, headingLevel), framingSection(report, headingLevel, methodHref), languageSection(report, headingLevel), emphasisSection(report, headingLevel), comparisonSection(report, headingLevel), footer(report)].filter(Boolean));
  if (!split) root.replaceChildren(panel);
  return true;
}
