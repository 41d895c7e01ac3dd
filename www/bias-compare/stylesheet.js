// The element's styles: styles/, which the build bundles, minifies and puts into the element
// as text (no extra request, no flash of unstyled content), applied to each shadow root.
//
// One constructable stylesheet is shared by every element on the page (adoptedStyleSheets),
// which a strict `style-src 'self'` does not restrict. Browsers without constructable
// stylesheets get a <style> element instead, which needs style-src to allow it.

import css from './styles/index.css';

let shared = null;

export function adoptStyles(root) {
  if (typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in root) {
    if (!shared) {
      shared = new CSSStyleSheet();
      shared.replaceSync(css);
    }
    root.adoptedStyleSheets = [shared];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
