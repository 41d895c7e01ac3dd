// Building the panel's DOM: elements with their classes, attributes and text in one call,
// headings at the host's level, visually hidden text, and the disclosure pattern of the
// term rows.
//
// Everything from a story or report reaches the page through these as textContent or one
// attribute at a time: nothing is ever parsed as HTML.

/** createElement with a class list, attributes and children (strings become text nodes). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) setProp(node, key, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** One of el()'s props: `class`, `text`, or an attribute (true: present and empty; false, null
 * or undefined: absent; a number or string: its text, as setAttribute writes it). */
function setProp(node, key, value) {
  if (value === undefined || value === null || value === false) return;
  if (key === 'class') node.className = value;
  else if (key === 'text') node.textContent = value;
  else node.setAttribute(key, value === true ? '' : value);
}

/** Text for screen readers only (the stylesheet's `.vh`). */
export function visuallyHidden(text) {
  return el('span', { class: 'vh', text });
}

/** A heading `offset` levels below the element's `heading-level` (never below h6). */
export function heading(level, offset, text, props = {}) {
  return el(`h${Math.min(6, level + offset)}`, { text, ...props });
}

/**
 * A disclosure: `button`, which starts with aria-expanded="false", shows and hides what
 * `build()` makes the first time it opens (most readers open a few terms, if any), appended to
 * `container`. A button rather than a <details>: each <details> sets up a user-agent shadow
 * tree of its own, thirty of them in a panel's first render.
 */
export function disclosure(button, container, build) {
  let content = null;
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    if (open && !content) {
      content = build();
      container.append(content);
    }
    if (content) content.hidden = !open;
    button.setAttribute('aria-expanded', open);
  });
  // Escape closes it, as it closes a headline list, and leaves the keyboard on the button.
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      button.click();
      button.focus();
    }
  });
}

/** Resolves, in a task of its own, once the browser has painted the document as it is now:
 * after the next frame of a visible page (the caller's to check); if the page is hidden
 * meanwhile, then; at the latest after a second, for a page that draws no frame (a throttled
 * frame of another origin). */
export function afterPaint() {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timeout);
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    const timeout = setTimeout(done, 1000);
    document.addEventListener('visibilitychange', done);
    requestAnimationFrame(() => setTimeout(done));
  });
}

/** `url` as an http(s) URL, resolved against `base` when given (else it must be absolute); null
 * for anything else (javascript:, data:, malformed, relative without a base). */
export function safeHref(url, base) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
