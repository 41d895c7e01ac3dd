// What the panel shows when it has no report: no story yet, the story loading or being
// analyzed, or an error (the engine's message, or why `src` could not be fetched).

import { el, visuallyHidden } from '../dom.js';

export function emptyState() {
  return el('p', { class: 'empty', 'data-role': 'empty', text: 'No story to compare yet.' });
}

/** A skeleton of the panel; the stylesheet reserves --bias-loading-height for it. */
export function loadingState() {
  const skeleton = (shape) => el('span', { class: `skeleton ${shape}`, 'aria-hidden': 'true' });
  return el(
    'div',
    { class: 'loading', 'data-role': 'loading', role: 'status', 'aria-live': 'polite' },
    visuallyHidden('Analyzing coverage…'),
    skeleton('line'),
    skeleton('bar'),
    skeleton('line'),
    skeleton('block'),
  );
}

export function errorState(message) {
  return el('div', { class: 'error', 'data-role': 'error', role: 'alert' }, el('strong', { text: 'This story could not be analyzed.' }), el('code', { text: message }));
}
