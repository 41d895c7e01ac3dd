// Explain a term: pick a term the panel lists (or type any word or phrase and a side) and see
// everything behind it, as the engine's `explain` gives it (docs/REPORT.md, "Explaining a
// term"): the listing rules met or not, the counts, the statistic line by line with its numbers
// filled in, the outlet-level test and what its p means, every outlet's uses, and the
// dictionary card — each side's own sentences with the term, side by side, and a prompt to
// reword one neutrally.
//
// This module computes nothing and words nothing about the analysis: every number and sentence
// is the engine's, shown as it comes. Loaded words are marked in the card when the report
// carries `language.<side>.charged.terms`.

import { el } from '../bias-compare/dom.js';
import { explainTerm } from './engine.js';

const SIDES = ['left', 'center', 'right'];

/** The report's loaded words for `side`: [{ term, category }], longest first; none when the
 * report has no `language` section. */
export function loadedWords(report, side) {
  const terms = report?.language?.[side]?.charged?.terms;
  if (!Array.isArray(terms)) return [];
  return terms
    .filter((t) => typeof t?.term === 'string' && t.term.trim())
    .map((t) => ({ term: t.term.trim(), category: typeof t.category === 'string' ? t.category : '' }))
    .sort((a, b) => b.term.length - a.term.length);
}

/**
 * `text` as nodes, each whole-word, case-insensitive occurrence of a loaded word in a
 * <mark class="loaded"> that names its category. Only marks what the report lists; it does not
 * decide what is loaded.
 */
export function withLoadedWords(text, words) {
  const nodes = [];
  let rest = String(text);
  if (!words.length) return [rest];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map((w) => w.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]")).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  for (;;) {
    const found = pattern.exec(rest);
    if (!found) break;
    const word = words.find((w) => w.term.toLowerCase().replace(/’/g, "'") === found[1].toLowerCase().replace(/’/g, "'"));
    nodes.push(rest.slice(0, found.index));
    nodes.push(el('mark', { class: 'loaded', 'data-category': word?.category || null, title: word?.category ? `loaded word: ${word.category}` : 'loaded word' }, found[1]));
    rest = rest.slice(found.index + found[1].length);
  }
  nodes.push(rest);
  return nodes.filter((n) => n !== '');
}

function number(value, name) {
  return el('span', { class: 'num', 'data-number': name, text: value === null || value === undefined ? '—' : String(value) });
}

export class TermExplainer {
  #store;
  #root;
  #report = null;
  #shownStory;
  #run = 0;

  /** `shownStory()` resolves to { story, options } of the story the panel shows. */
  constructor(root, store, { shownStory }) {
    this.#root = root;
    this.#store = store;
    this.#shownStory = shownStory;
    this.picker = root.querySelector('#explain-term');
    this.typed = root.querySelector('#explain-typed');
    this.side = root.querySelector('#explain-side');
    this.result = root.querySelector('#explain-result');
    this.status = root.querySelector('#explain-status');
    root.querySelector('#explain-listed').addEventListener('submit', (event) => {
      event.preventDefault();
      const [side, term] = (this.picker.value || '\u0000').split('\u0000');
      if (term) this.explain(side, term);
    });
    root.querySelector('#explain-any').addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.typed.value.trim()) this.explain(this.side.value, this.typed.value.trim());
    });
  }

  setReport(report) {
    this.#report = report;
    const chosen = this.picker.value;
    this.picker.replaceChildren();
    if (!report) return;
    for (const side of SIDES) {
      const terms = report.framing[side].terms;
      if (!terms.length) continue;
      const group = el('optgroup', { label: report.sides[side].name });
      for (const term of terms) group.append(new Option(term.display, `${side}\u0000${term.term}`));
      this.picker.append(group);
    }
    if ([...this.picker.options].some((o) => o.value === chosen)) this.picker.value = chosen;
    for (const option of this.side.options) option.textContent = report.sides[option.value]?.name ?? option.textContent;
    this.result.replaceChildren();
    this.status.textContent = this.picker.options.length ? '' : 'This story lists no terms: type a word or phrase below.';
  }

  /** Explains `term` for `side` in the story shown; resolves once it is on the page. */
  async explain(side, term) {
    const run = ++this.#run;
    this.status.textContent = 'Explaining…';
    let explanation;
    try {
      const { story, options } = await this.#shownStory();
      explanation = await explainTerm(story, options, side, term);
    } catch (error) {
      if (run !== this.#run) return;
      this.status.textContent = String(error?.message ?? error);
      this.result.replaceChildren();
      return;
    }
    if (run !== this.#run) return;
    this.status.textContent = '';
    this.render(explanation);
    this.result.querySelector('h3')?.focus();
  }

  render(e) {
    const report = this.#report;
    const sideName = (side) => report?.sides?.[side]?.name ?? side;
    const heading = el('h3', { tabindex: '-1', 'data-role': 'explain-title' }, `“${e.term}” — ${sideName(e.side)}`);

    const rules = el('ul', { class: 'rules', 'data-role': 'rules' });
    for (const rule of e.rules) {
      rules.append(el('li', { 'data-met': String(rule.met) }, el('span', { class: 'mark', 'aria-hidden': 'true', text: rule.met ? '✓' : '✗' }), el('span', { class: 'vh', text: rule.met ? 'Met: ' : 'Not met: ' }), rule.text));
    }

    const c = e.counts;
    const counts = el(
      'table',
      { class: 'counts', 'data-role': 'counts' },
      el('caption', { text: 'Uses of the term and term tokens (every word and phrase counted), by side' }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Side' }), el('th', { scope: 'col', text: 'Uses' }), el('th', { scope: 'col', text: 'Term tokens' }))),
      el('tbody', {}, ...SIDES.map((side) => el('tr', { 'data-side': side }, el('th', { scope: 'row', text: sideName(side) }), el('td', {}, number(c.uses[side], `uses.${side}`)), el('td', {}, number(c.term_tokens[side], `term_tokens.${side}`))))),
    );
    const symbols = el(
      'dl',
      { class: 'symbols', 'data-role': 'symbols' },
      ...[
        ['y_w^b', 'y_b', c.y_b, `uses by ${sideName(e.side)}`],
        ['y_w^r', 'y_r', c.y_r, 'uses by the other two sides'],
        ['n_b', 'n_b', c.n_b, `term tokens of ${sideName(e.side)}`],
        ['n_r', 'n_r', c.n_r, 'term tokens of the other two sides'],
        ['α0', 'prior_scale', e.prior_scale, 'the weight of the prior (prior scale)'],
      ].flatMap(([symbol, name, value, meaning]) => [el('dt', { text: symbol }), el('dd', {}, number(value, name), el('span', { class: 'meaning', text: ` ${meaning}` }))]),
    );

    const formula = el(
      'table',
      { class: 'formula', 'data-role': 'formula' },
      el('caption', { text: 'The statistic, line by line (b: this side; r: the other two)' }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, el('span', { class: 'vh', text: 'Quantity' })), el('th', { scope: 'col', text: 'Formula' }), el('th', { scope: 'col', text: 'With the numbers' }), el('th', { scope: 'col', text: 'Value' }))),
      el(
        'tbody',
        {},
        ...e.formula.map((line) =>
          el('tr', { 'data-symbol': line.symbol }, el('th', { scope: 'row', text: line.symbol }), el('td', { class: 'math', text: line.formula }), el('td', { class: 'math', text: line.numbers }), el('td', {}, number(line.value, `formula.${line.symbol}`))),
        ),
      ),
    );

    const test = el(
      'div',
      { class: 'test', 'data-role': 'test' },
      el(
        'dl',
        { class: 'design' },
        ...[
          ['p', number(e.p, 'p')],
          ['k: this side’s outlets', number(e.test.units, 'test.units')],
          ['N: all rated outlets', number(e.test.of, 'test.of')],
          ['ways to pick k of N', number(e.test.assignments, 'test.assignments')],
          ['smallest p possible', number(e.test.min_p, 'test.min_p')],
        ].flatMap(([label, value]) => [el('dt', { text: label }), el('dd', {}, value)]),
      ),
      el('p', { 'data-role': 'evidence', text: e.evidence }),
      el('p', { 'data-role': 'meaning', text: e.meaning }),
    );

    const outlets = el(
      'table',
      { class: 'outlets', 'data-role': 'outlets' },
      el('caption', { text: 'Every rated outlet: its uses of the term, and its term tokens' }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Outlet' }), el('th', { scope: 'col', text: 'Side' }), el('th', { scope: 'col', text: 'Uses' }), el('th', { scope: 'col', text: 'Term tokens' }))),
      el(
        'tbody',
        {},
        ...e.outlets.map((o) =>
          el('tr', { 'data-side': o.side, 'data-used': String(o.count > 0) }, el('th', { scope: 'row', dir: 'auto', text: o.source }), el('td', { text: sideName(o.side) }), el('td', {}, number(o.count, 'outlet.count')), el('td', {}, number(o.term_tokens, 'outlet.term_tokens'))),
        ),
      ),
    );

    const card = el('div', { class: 'card-sides' });
    for (const side of SIDES) {
      const words = loadedWords(report, side);
      const quotes = e.card[side];
      const column = el('div', { class: 'card-side', 'data-side': side }, el('h5', { text: sideName(side) }));
      if (!quotes.length) column.append(el('p', { class: 'card-none', text: '—' }));
      for (const quote of quotes) {
        column.append(
          el(
            'blockquote',
            { 'data-article': quote.article },
            el('p', {}, ...withLoadedWords(quote.before, words), el('mark', { class: 'term' }, ...withLoadedWords(quote.term, words)), ...withLoadedWords(quote.after, words)),
            el('cite', { dir: 'auto', text: `— ${quote.source}` }),
          ),
        );
      }
      card.append(column);
    }
    const key = `${e.side}\u0000${e.term}`;
    const reword = el('textarea', { id: 'rewording', rows: '3', 'data-role': 'rewording' });
    reword.value = this.#store.state.rewordings[key] ?? '';
    reword.addEventListener('input', () =>
      this.#store.update('rewording', (state) => {
        state.rewordings[key] = reword.value;
      }),
    );
    const anyLoaded = SIDES.some((side) => loadedWords(report, side).length);

    const parts = [
      heading,
      el('p', { class: 'verdict', 'data-role': 'verdict', text: e.verdict }),
      rules,
      el('h4', { text: 'Counts' }),
      counts,
      symbols,
      el('h4', { text: 'The formula' }),
      formula,
      el('h4', { text: 'Is the difference real?' }),
      test,
      el('h4', { text: 'Who used it' }),
      outlets,
      el('h4', { text: 'Dictionary card' }),
      anyLoaded ? el('p', { class: 'card-key' }, el('mark', { class: 'loaded', text: 'Marked' }), ' words are on the report’s list of loaded words.') : null,
      el('div', { class: 'card', 'data-role': 'card' }, card, el('label', { for: 'rewording', text: e.card.prompt }), reword),
    ];
    this.result.replaceChildren(...parts.filter(Boolean));
  }
}
