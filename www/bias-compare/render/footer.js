// The panel's footer: the report's warnings, and how the terms were scored.

import { el } from '../dom.js';

export function footer(report) {
  const box = el('footer', { class: 'footer' });
  if (report.warnings.length > 0) {
    const list = el('ul', { 'data-role': 'warnings' });
    for (const warning of report.warnings) list.append(el('li', { text: warning }));
    box.append(list);
  }
  box.append(el('p', { text: report.notes.method }));
  return box;
}
