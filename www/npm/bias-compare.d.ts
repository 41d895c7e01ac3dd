// `bias-compare`: the <bias-compare> element class (docs/WIDGET.md). Importing it defines
// nothing; `bias-compare/define` does.

import type { Report } from './report.js';
import type { Options, Story } from './story.js';

export type * from './report.js';
export type * from './story.js';

/** The `detail` of `bias-compare-error`. */
export interface BiasCompareErrorDetail {
  /** The engine's `<json path>: <problem>` line, or why `src` could not be fetched. */
  message: string;
}

/** The element's events; both bubble and cross shadow boundaries. */
export interface BiasCompareEventMap {
  /** After every successful analysis and render; `detail` is the report. */
  'bias-compare-ready': CustomEvent<Report>;
  /** When the story cannot be fetched or analyzed. */
  'bias-compare-error': CustomEvent<BiasCompareErrorDetail>;
}

export class BiasCompareElement extends HTMLElement {
  static readonly observedAttributes: string[];

  /** Registers the class under `tag` (default `bias-compare`) in `registry` (default
   * `customElements`), unless the tag is taken; returns the class. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof BiasCompareElement;

  /** The story: an object or its JSON text. Takes precedence over a child
   * `<script type="application/json">` and `src`; `null` falls back to them. */
  get story(): Story | string | undefined;
  set story(value: Story | string | null | undefined);

  /** Options for the analysis; an option attribute holding a number takes precedence. */
  get options(): Options;
  set options(value: Options | null | undefined);

  /** The last report, or `null` while loading, after an error, or with no story. */
  get report(): Report | null;

  /** The `src` attribute resolved against the page, or `''`. */
  get src(): string;
  set src(value: string);

  // The numeric option attributes: a number, or `null` when absent or not a number;
  // setting `null`, `undefined` or `''` removes the attribute.
  get maxNgram(): number | null;
  set maxNgram(value: number | string | null | undefined);
  get priorScale(): number | null;
  set priorScale(value: number | string | null | undefined);
  get zMin(): number | null;
  set zMin(value: number | string | null | undefined);
  get minCount(): number | null;
  set minCount(value: number | string | null | undefined);
  get top(): number | null;
  set top(value: number | string | null | undefined);

  /** Level of the element's section headings, 1 to 5 (default 2). */
  get headingLevel(): number;
  set headingLevel(value: number);
  /** Where the method is explained (the `method-href` attribute), as an absolute http(s) URL,
   * or `''` when unset or not http(s); the panel's explanations link to it. */
  get methodHref(): string;
  set methodHref(value: string);
}

declare global {
  interface HTMLElementTagNameMap {
    'bias-compare': BiasCompareElement;
  }
  // The events bubble and are composed, so any element or the document can listen.
  interface GlobalEventHandlersEventMap extends BiasCompareEventMap {}
}
