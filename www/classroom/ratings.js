// The ratings tables: two tables of outlet name or web address (domain) → leaning, the one in
// force chosen by a pair of radio buttons, each editable row by row and read from or written to
// CSV or JSON. The table in force is the engine's `ratings` option for the teacher's story
// (docs/STORY.md, "ratings"): an article left "from the ratings table" takes its leaning from
// it, so flipping tables shows how coverage and framing depend on who rated the outlets.

import { el } from '../bias-compare/dom.js';
import { download } from './export.js';
import { normalizePastes } from './normalize.js';
import { LEANING_NAMES, LEANINGS } from './store.js';

// ------------------------------------------------------------------ CSV and JSON

/** The rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const source = String(text).replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',' || c === ';' || c === '\t') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

function csvCell(value) {
  return /[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A table as CSV: a header, then one `outlet,leaning` line per entry. */
export function ratingsCsv(table) {
  return ['outlet or domain,leaning', ...Object.entries(table).map(([key, leaning]) => `${csvCell(key)},${csvCell(leaning)}`)].join('\n') + '\n';
}

/**
 * A ratings table from a file's text: CSV (outlet or domain, leaning; a header line is skipped),
 * or JSON — a ratings object, a story with `ratings`, or a list of { outlet | domain | key,
 * leaning }. Throws with a sentence when the text is none of these.
 */
export function ratingsFromText(text, name) {
  const trimmed = String(text).replace(/^\uFEFF/, '').trim();
  if (/\.json$/i.test(name) || /^[[{]/.test(trimmed)) {
    let value;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`not valid JSON (${error.message}).`);
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && value.ratings && typeof value.ratings === 'object') value = value.ratings;
    const table = {};
    if (Array.isArray(value)) {
      for (const entry of value) {
        const key = entry?.outlet ?? entry?.domain ?? entry?.key ?? entry?.source;
        if (typeof key === 'string' && typeof entry?.leaning === 'string') table[key] = entry.leaning;
      }
    } else if (value && typeof value === 'object') {
      for (const [key, leaning] of Object.entries(value)) {
        if (typeof leaning === 'string') table[key] = leaning;
      }
    }
    if (!Object.keys(table).length) throw new Error('no ratings found: expected { "outlet or domain": "leaning", … }.');
    return table;
  }
  const rows = csvRows(trimmed);
  const table = {};
  rows.forEach((cells, i) => {
    if (cells.length < 2) return;
    const [key, leaning] = [cells[0].trim(), cells[1].trim()];
    if (i === 0 && /^(leaning|rating|bias|side|lean)$/i.test(leaning)) return; // the header
    if (key && leaning) table[key] = leaning;
  });
  if (!Object.keys(table).length) throw new Error('no ratings found: expected lines of "outlet or domain,leaning".');
  return table;
}

// ------------------------------------------------------------------ the editor

function leaningOptions(value) {
  const options = [new Option('Choose…', '')];
  for (const leaning of LEANINGS) options.push(new Option(LEANING_NAMES[leaning], leaning));
  if (value && !LEANINGS.includes(value)) options.push(new Option(`“${value}” (as the file wrote it)`, value));
  for (const option of options) option.selected = option.value === value;
  return options;
}

export class RatingsEditor {
  #store;
  #status;
  #typing = false;

  constructor(root, store) {
    this.#store = store;
    this.root = root;
    this.#status = root.querySelector('#ratings-status');
    for (const radio of root.querySelectorAll('input[name="ratings-active"]')) {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        const index = Number(radio.value);
        store.update('ratings', (state) => {
          state.ratings.active = index;
        });
        this.say(`${store.state.ratings.sets[index].name} is in force.`);
      });
    }
    store.subscribe((what) => {
      if (what === 'ratings' && !this.#typing) this.render();
    });
    this.render();
  }

  say(text) {
    this.#status.textContent = text;
  }

  #edit(change) {
    this.#typing = true;
    try {
      this.#store.update('ratings', change);
    } finally {
      this.#typing = false;
    }
  }

  render() {
    const { sets, active } = this.#store.state.ratings;
    for (const radio of this.root.querySelectorAll('input[name="ratings-active"]')) radio.checked = Number(radio.value) === active;
    for (const [i, set] of sets.entries()) {
      this.root.querySelector(`#ratings-choice-${i}`).textContent = set.name;
      this.root.querySelector(`#ratings-set-${i}`).replaceChildren(...this.#setEditor(i, set));
    }
  }

  #setEditor(index, set) {
    const prefix = `ratings-${index}`;
    const name = el('input', { id: `${prefix}-name`, type: 'text', class: 'set-name' });
    name.value = set.name;
    name.addEventListener('input', () => {
      this.#edit((state) => {
        state.ratings.sets[index].name = name.value;
      });
      this.root.querySelector(`#ratings-choice-${index}`).textContent = name.value;
    });

    const body = el('tbody');
    set.rows.forEach((row, r) => {
      const keyInput = el('input', { type: 'text', id: `${prefix}-key-${r}`, 'aria-label': `Outlet or domain, row ${r + 1}`, 'data-role': 'rating-key' });
      keyInput.value = row.key;
      normalizePastes(keyInput);
      keyInput.addEventListener('input', () =>
        this.#edit((state) => {
          state.ratings.sets[index].rows[r].key = keyInput.value;
        }),
      );
      const leaning = el('select', { id: `${prefix}-leaning-${r}`, 'aria-label': `Leaning, row ${r + 1}`, 'data-role': 'rating-leaning' });
      leaning.append(...leaningOptions(row.leaning));
      leaning.addEventListener('change', () =>
        this.#edit((state) => {
          state.ratings.sets[index].rows[r].leaning = leaning.value;
        }),
      );
      const remove = el('button', { type: 'button', class: 'tool', 'aria-label': `Remove row ${r + 1}`, text: 'Remove' });
      remove.addEventListener('click', () => {
        this.#store.update('ratings', (state) => {
          state.ratings.sets[index].rows.splice(r, 1);
        });
        (this.root.querySelector(`#${prefix}-key-${Math.min(r, set.rows.length - 1)}`) ?? this.root.querySelector(`#${prefix}-add`))?.focus();
        this.say(`Removed row ${r + 1} of ${set.name}.`);
      });
      body.append(el('tr', {}, el('td', {}, keyInput), el('td', {}, leaning), el('td', {}, remove)));
    });

    const add = el('button', { type: 'button', id: `${prefix}-add`, text: 'Add a row' });
    add.addEventListener('click', () => {
      this.#store.update('ratings', (state) => {
        state.ratings.sets[index].rows.push({ key: '', leaning: '' });
      });
      this.root.querySelector(`#${prefix}-key-${set.rows.length}`)?.focus();
    });
    const file = el('input', { type: 'file', id: `${prefix}-file`, accept: '.csv,.json,.txt,text/csv,application/json', class: 'file' });
    file.addEventListener('change', async () => {
      const [chosen] = file.files;
      file.value = '';
      if (!chosen) return;
      try {
        const table = ratingsFromText(await chosen.text(), chosen.name);
        this.#store.mergeRatings(table, index);
        this.say(`Read ${Object.keys(table).length} ratings from ${chosen.name} into ${this.#store.state.ratings.sets[index].name}.`);
      } catch (error) {
        this.say(`${chosen.name}: ${error.message}`);
      }
    });
    const exportAs = (kind) => {
      const table = this.#store.ratingsTable(index);
      const base = (set.name || 'ratings').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'ratings';
      if (kind === 'csv') download(`${base}.csv`, 'text/csv', ratingsCsv(table));
      else download(`${base}.json`, 'application/json', `${JSON.stringify(table, null, 2)}\n`);
      this.say(`Exported ${Object.keys(table).length} ratings as ${base}.${kind}.`);
    };
    const other = 1 - index;
    const copy = el('button', { type: 'button', text: `Copy ${this.#store.state.ratings.sets[other].name || 'the other table'}`, 'data-action': 'copy-other' });
    copy.addEventListener('click', () => {
      const rows = this.#store.state.ratings.sets[other].rows.map((row) => ({ ...row }));
      this.#store.update('ratings', (state) => {
        state.ratings.sets[index].rows = rows;
      });
      this.say(`${this.#store.state.ratings.sets[index].name} is now a copy of ${this.#store.state.ratings.sets[other].name}: change a row or two and flip between them.`);
    });
    const csv = el('button', { type: 'button', text: 'Export CSV', 'data-action': 'export-csv' });
    csv.addEventListener('click', () => exportAs('csv'));
    const json = el('button', { type: 'button', text: 'Export JSON', 'data-action': 'export-json' });
    json.addEventListener('click', () => exportAs('json'));

    // An empty table is a sentence, not a header over nothing.
    const table = set.rows.length
      ? el(
          'table',
          { class: 'ratings-table' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Outlet or domain' }), el('th', { scope: 'col', text: 'Leaning' }), el('th', { scope: 'col' }, el('span', { class: 'vh', text: 'Remove' })))),
          body,
        )
      : el('p', { class: 'ratings-empty', text: 'No ratings yet: add a row, copy the other table, or read a file.' });
    return [
      el('label', { for: `${prefix}-name`, text: 'Name' }),
      name,
      table,
      el('div', { class: 'set-actions' }, add, copy, csv, json),
      el('div', { class: 'file-field' }, el('label', { for: `${prefix}-file`, text: 'Read ratings from a file (.csv or .json)' }), file),
    ];
  }
}
