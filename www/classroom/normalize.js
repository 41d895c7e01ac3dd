// Text as it arrives from elsewhere — pasted from a web page, a PDF or a word processor, or
// taken out of a saved page — made plain: one kind of space, one kind of line break, straight
// quotes, no invisible characters, paragraphs kept. What the engine then reads is what the
// teacher sees in the box.

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g; // soft hyphen, zero-width characters, BOM
const SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u2036\u301D\u301E\uFF02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u2039\u203A\uFF07]/g;

/** A body of text: paragraphs (separated by one blank line) and lines kept, spaces collapsed. */
export function plainText(text) {
  return String(text)
    .replace(LINE_BREAKS, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/ {2,}/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A one-line value (an outlet, a headline, a URL): as plainText, on one line. */
export function plainLine(text) {
  return plainText(text).replace(/\s*\n\s*/g, ' ');
}

/**
 * Pasting into `field` (an input or textarea) puts the clipboard's text in normalized, as one
 * edit the browser's undo can revert.
 */
export function normalizePastes(field) {
  field.addEventListener('paste', (event) => {
    const pasted = event.clipboardData?.getData('text/plain');
    if (!pasted) return;
    let clean = field.localName === 'textarea' ? plainText(pasted) : plainLine(pasted);
    // Into the middle of a text, a pasted word keeps a space either side where it had one.
    if (field.value) clean = `${/^\s/.test(pasted) ? ' ' : ''}${clean}${/\s$/.test(pasted) ? ' ' : ''}`;
    if (clean === pasted) return;
    event.preventDefault();
    // execCommand is deprecated but it is the one way to insert text that undo can revert.
    if (!document.execCommand('insertText', false, clean)) {
      field.setRangeText(clean, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
}
