// The three sides of a report, in the order the panel shows them everywhere (coverage bar,
// framing columns, each term's bars), and their labels.

export const SIDES = ['left', 'center', 'right'];
export const SIDE_NAME = { left: 'Left', center: 'Center', right: 'Right' };
/** The narrow coverage bar's segment labels, and each term's bar labels. */
export const SIDE_ABBR = { left: 'L', center: 'C', right: 'R' };
