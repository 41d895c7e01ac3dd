// Guess the leaning (after AllSides' blind bias survey): the rated outlets of the story shown,
// their names and leanings hidden ("Outlet A", "Outlet B", in an order that says nothing of
// their sides), each with its headlines, the framing terms of the report that it used and its
// sentences that use them. The class guesses each outlet's side; Reveal shows the answers, the
// score, and for each outlet the terms that gave it away: the terms of its own side's list
// that it used.
//
// Everything shown comes from the report: its articles (headlines), each side's terms with
// `by_outlet` (who used them) and `examples` (their sentences). While a round is on, the page
// hides what would give the answers away (the panel, the editor), with the class `round-on`
// on <body>.

import { el } from '../bias-compare/dom.js';
import { formatNumber } from '../bias-compare/format.js';
import { LEANING_NAMES } from './store.js';

const SIDES = ['left', 'center', 'right'];
const MAX_SENTENCES = 3;

/** FNV-1a of a string: an order that is the same on every run and every computer. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** "A", "B", …, "Z", "AA", … */
function letter(n) {
  let label = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) label = String.fromCharCode(65 + (i % 26)) + label;
  return label;
}

/**
 * The round's outlets, from `report`: { key, source, side, label, headlines, terms,
 * sentences, ownTerms }, in an order shuffled by the outlets' names only.
 */
export function roundOutlets(report) {
  const outlets = new Map();
  for (const article of report.articles) {
    if (!SIDES.includes(article.side)) continue;
    const key = `${article.side}\u0000${article.source}`;
    if (!outlets.has(key)) outlets.set(key, { key, source: article.source, side: article.side, leanings: new Set(), headlines: [], terms: [], sentences: [] });
    const outlet = outlets.get(key);
    outlet.leanings.add(article.leaning);
    if (article.headline?.trim()) outlet.headlines.push(article.headline.trim());
  }
  for (const side of SIDES) {
    for (const term of report.framing[side].terms) {
      for (const use of term.by_outlet) {
        const outlet = outlets.get(`${side}\u0000${use.source}`);
        if (!outlet) continue;
        outlet.terms.push({ term: term.term, display: term.display, count: use.count, side });
        for (const example of term.examples) {
          if (example.source === use.source && outlet.sentences.length < MAX_SENTENCES && !outlet.sentences.includes(example.sentence)) outlet.sentences.push(example.sentence);
        }
      }
    }
  }
  const list = [...outlets.values()];
  for (const outlet of list) outlet.terms.sort((a, b) => b.count - a.count || a.display.localeCompare(b.display));
  list.sort((a, b) => hash(a.source) - hash(b.source) || a.source.localeCompare(b.source));
  list.forEach((outlet, i) => {
    outlet.label = `Outlet ${letter(i)}`;
  });
  return list;
}

/** `text` with every outlet's name replaced by its label ("another outlet" for the unrated). */
function masked(text, names) {
  let out = String(text);
  for (const [name, label] of names) {
    if (!name) continue;
    const pattern = new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    out = out.replace(pattern, label);
  }
  return out;
}

export class GuessGame {
  #store;
  #root;
  #report = null;
  #key = ''; // which story the report is of
  #outlets = [];
  #names = [];

  constructor(root, store) {
    this.#root = root;
    this.#store = store;
    this.list = root.querySelector('#guess-outlets');
    this.score = root.querySelector('#guess-score');
    this.startButton = root.querySelector('#guess-start');
    this.revealButton = root.querySelector('#guess-reveal');
    this.endButton = root.querySelector('#guess-end');
    this.startButton.addEventListener('click', () => this.start());
    this.revealButton.addEventListener('click', () => this.reveal());
    this.endButton.addEventListener('click', () => this.end());
  }

  get round() {
    const round = this.#store.state.round;
    return round && round.story === this.#key ? round : null;
  }

  /** The report of the story shown (`key` names it), or null while there is none. */
  setReport(report, key) {
    this.#report = report;
    this.#key = key;
    this.#outlets = report ? roundOutlets(report) : [];
    this.#names = [];
    if (report) {
      const labels = new Map(this.#outlets.map((o) => [o.source, o.label]));
      const all = [...new Set(report.articles.map((a) => a.source))];
      for (const source of all) this.#names.push([source, labels.get(source) ?? 'another outlet']);
      this.#names.sort((a, b) => b[0].length - a[0].length);
    }
    this.render();
  }

  start() {
    this.#store.update('round', (state) => {
      state.round = { story: this.#key, guesses: {}, revealed: false };
    });
    this.render();
    this.list.querySelector('input')?.focus();
  }

  reveal() {
    if (!this.round) return;
    this.#store.update('round', (state) => {
      state.round.revealed = true;
    });
    this.render();
    this.score.focus();
  }

  end() {
    this.#store.update('round', (state) => {
      state.round = null;
    });
    this.render();
    this.startButton.focus();
  }

  #guess(outlet, side) {
    this.#store.update('round', (state) => {
      state.round.guesses[outlet.key] = side;
    });
    const answered = Object.keys(this.round?.guesses ?? {}).length;
    this.score.textContent = `${answered} of ${this.#outlets.length} outlets guessed.`;
  }

  render() {
    const round = this.round;
    const playing = Boolean(round) && !round.revealed;
    document.body.classList.toggle('round-on', playing);
    this.startButton.hidden = Boolean(round);
    this.revealButton.hidden = !playing;
    this.endButton.hidden = !round;
    this.startButton.disabled = this.#outlets.length < 2;
    if (!this.#report) {
      this.list.replaceChildren();
      this.score.textContent = 'Pick or build a story first.';
      return;
    }
    if (this.#outlets.length < 2) {
      this.list.replaceChildren();
      this.score.textContent = 'A round needs at least two rated outlets.';
      return;
    }
    if (!round) {
      this.list.replaceChildren();
      this.score.textContent = `${this.#outlets.length} outlets to place. Start a round when the class is ready: the panel and the editor are hidden until you reveal.`;
      return;
    }
    this.list.replaceChildren(...this.#outlets.map((outlet) => this.#card(outlet, round)));
    if (round.revealed) {
      const right = this.#outlets.filter((o) => round.guesses[o.key] === o.side).length;
      this.score.textContent = `${right} of ${this.#outlets.length} outlets placed on their side.`;
    } else {
      this.score.textContent = `${Object.keys(round.guesses).length} of ${this.#outlets.length} outlets guessed.`;
    }
  }

  #card(outlet, round) {
    const sides = this.#report.sides;
    const guess = round.guesses[outlet.key] ?? null;
    const headingId = `guess-${outlet.label.replace(/\s+/g, '-')}`;
    const card = el('li', { class: 'guess-card', 'data-outlet': outlet.label, 'aria-labelledby': headingId });
    card.append(el('h3', { id: headingId, text: round.revealed ? `${outlet.label}: ${outlet.source}` : outlet.label }));
    if (round.revealed) {
      const right = guess === outlet.side;
      card.setAttribute('data-result', right ? 'right' : 'wrong');
      card.setAttribute('data-side', outlet.side);
      // "Correct", not "Right": on this page Right is a side. The rating is said when it is
      // not just the side's name (Lean right, Far left).
      const side = sides[outlet.side].name;
      const rated = [...outlet.leanings].map((leaning) => LEANING_NAMES[leaning] ?? leaning);
      const verdict = right ? 'Correct' : guess ? `Guessed ${sides[guess].name}` : 'Not guessed';
      card.append(
        el(
          'p',
          { class: 'guess-answer', id: `${headingId}-answer`, 'data-role': 'answer' },
          el('span', { class: 'mark', 'aria-hidden': 'true', text: right ? '✓ ' : '✗ ' }),
          `${verdict}: ${outlet.source} is ${side}${rated.every((name) => name === side) ? '' : ` (rated ${rated.join(', ')})`}.`,
        ),
      );
    }

    if (outlet.headlines.length) {
      card.append(el('p', { class: 'guess-label', text: 'Headlines' }), el('ul', { class: 'guess-headlines' }, ...outlet.headlines.map((h) => el('li', { text: masked(h, this.#names) }))));
    }
    // Before the reveal, the framing terms it used; after, the same terms as what gave it away
    // (they are all on its own side's list: a term is listed with the outlets of that side).
    const terms = el('ul', { class: 'guess-terms', 'data-role': round.revealed ? 'gave-away' : 'clues' });
    for (const term of outlet.terms) terms.append(el('li', { 'data-term': term.term }, el('span', { class: 'clue', text: masked(term.display, this.#names) }), ' ', el('span', { class: 'count', text: `× ${formatNumber(term.count)}` })));
    const label = round.revealed ? `What gave it away: the ${sides[outlet.side].name} list's terms it used` : 'Framing terms it used';
    const none = round.revealed ? `It used none of the ${sides[outlet.side].name} list's terms: only its headlines could tell.` : 'None of the listed terms.';
    card.append(el('p', { class: 'guess-label', text: label }), outlet.terms.length ? terms : el('p', { class: 'guess-none', 'data-role': round.revealed ? 'gave-away' : null, text: none }));
    if (outlet.sentences.length) {
      card.append(el('p', { class: 'guess-label', text: 'In its words' }), ...outlet.sentences.map((s) => el('blockquote', {}, el('p', { text: masked(s, this.#names) }))));
    }

    const legendId = `${headingId}-legend`;
    const choices = el('fieldset', { class: 'guess-choices', disabled: round.revealed, 'aria-describedby': round.revealed ? `${headingId}-answer` : null }, el('legend', { id: legendId, text: `${outlet.label}'s side` }));
    for (const side of SIDES) {
      const id = `${headingId}-${side}`;
      const input = el('input', { type: 'radio', name: headingId, id, value: side, 'data-side': side });
      input.checked = guess === side;
      input.addEventListener('change', () => {
        if (input.checked) this.#guess(outlet, side);
      });
      choices.append(el('span', { class: 'choice', 'data-side': side }, input, el('label', { for: id, text: sides[side].name })));
    }
    card.append(choices);
    return card;
  }
}
