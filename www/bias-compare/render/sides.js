// The three rated sides of a report, in the order the panel shows them everywhere (coverage
// bar, framing columns, each term's bars). Their names come with the report (`sides`).

export const SIDES = ['left', 'center', 'right'];
