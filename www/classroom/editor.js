// The story editor: the story's title, its articles (each a card that opens to its fields:
// outlet, leaning, headline, URL, date, text), adding, importing, moving, removing and undoing,
// exporting the story as a file and starting a new one. Every edit goes to the store at once;
// the analysis follows (index.js waits for a pause in typing).
//
// Cards are rebuilt when the list changes (an article added, moved or removed), never while a
// field is typed in, so focus and the caret stay where they are.

import { el } from '../bias-compare/dom.js';
import { download } from './export.js';
import { importFiles } from './import.js';
import { normalizePastes, plainLine } from './normalize.js';
import { ARTICLE_FIELDS, LEANING_NAMES, LEANINGS } from './store.js';

const FIELD_LABELS = {
  source: 'Outlet',
  leaning: 'Leaning',
  headline: 'Headline',
  url: 'Address (URL)',
  published: 'Date',
  text: 'Text',
};

/** The card's one-line summary: "3. Liberty Beacon — Talks collapse". */
function summaryOf(article, number) {
  const source = article.source.trim() || 'No outlet yet';
  const headline = article.headline.trim() || (article.text.trim() ? `${article.text.trim().slice(0, 60)}…` : 'no text yet');
  return `${number}. ${source} — ${headline}`;
}

/** The leaning picker's options: "from the ratings table", the scale, and a spelling the story
 * gave that the picker does not list, kept as given. */
function leaningOptions(value) {
  const options = [new Option('From the ratings table', '')];
  for (const leaning of LEANINGS) options.push(new Option(LEANING_NAMES[leaning], leaning));
  if (value && !LEANINGS.includes(value)) options.push(new Option(`“${value}” (as the file wrote it)`, value));
  for (const option of options) option.selected = option.value === value;
  return options;
}

export class Editor {
  #store;
  #list;
  #status;
  #open = new Set(); // ids of the cards shown open
  #undo = null; // what the status line's Undo button reverts
  #typing = false; // a field's edit is on its way to the store: no rebuild
  #errors = new Map(); // article id → { field, message }

  /** `root`: the editor's section; `onStoryEdited`: called after each change of the story. */
  constructor(root, store, { sampleStory }) {
    this.#store = store;
    this.root = root;
    this.sampleStory = sampleStory;
    this.#list = root.querySelector('#article-list');
    this.#status = root.querySelector('#editor-status');
    const title = root.querySelector('#story-title-input');
    title.value = store.state.story.title;
    normalizePastes(title);
    title.addEventListener('input', () => this.#edit(() => store.setTitle(title.value)));

    root.querySelector('#add-article').addEventListener('click', () => {
      const [article] = store.addArticles([{}]);
      this.#open.add(article.id);
      this.render();
      this.#field(article.id, 'source')?.focus();
    });
    root.querySelector('#export-story').addEventListener('click', () => this.exportStory());
    root.querySelector('#new-story').addEventListener('click', () => this.#replace({ title: '', articles: [] }, 'Started a new, empty story.'));
    root.querySelector('#copy-sample').addEventListener('click', () => this.#copySample());

    const input = root.querySelector('#import-files');
    input.addEventListener('change', async () => {
      await this.importFiles([...input.files]);
      input.value = '';
    });
    const zone = root.querySelector('#dropzone');
    zone.addEventListener('dragover', (event) => {
      if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', async (event) => {
      event.preventDefault();
      zone.classList.remove('dragging');
      await this.importFiles([...(event.dataTransfer?.files ?? [])]);
    });

    store.subscribe((what) => {
      if (what === 'story' && !this.#typing) this.render();
    });
    this.render();
  }

  #edit(change) {
    this.#typing = true;
    try {
      change();
    } finally {
      this.#typing = false;
    }
  }

  #field(id, field) {
    return this.#list.querySelector(`[data-article="${CSS.escape(id)}"] [data-field="${field}"]`);
  }

  /** Says `text` under the editor, with an Undo button when `undo` is given. */
  say(text, undo = null) {
    this.#undo = undo;
    const parts = [text];
    if (undo) {
      const button = el('button', { type: 'button', class: 'undo', text: 'Undo' });
      button.addEventListener('click', () => {
        const revert = this.#undo;
        this.#undo = null;
        revert?.();
        this.say('Undone.');
      });
      parts.push(' ', button);
    }
    this.#status.replaceChildren(...parts);
  }

  #replace(story, message) {
    const previous = this.#store.replaceStory(story);
    this.#open.clear();
    this.root.querySelector('#story-title-input').value = this.#store.state.story.title;
    this.render();
    if (previous.articles.length || previous.title) {
      this.say(message, () => {
        this.#store.replaceStory(previous);
        this.root.querySelector('#story-title-input').value = previous.title;
      });
    } else this.say(message);
  }

  async #copySample() {
    let story;
    try {
      story = await this.sampleStory();
    } catch {
      this.say('Could not read the sample.');
      return;
    }
    if (!story) {
      this.say('Pick a sample in the Story list above first.');
      return;
    }
    this.#replace(story, `Your story is now a copy of “${story.title ?? 'the sample'}”.`);
  }

  /** Adds the articles of `files`; a story file replaces the story (with Undo). */
  async importFiles(files) {
    if (!files.length) return;
    this.say(`Reading ${files.length} ${files.length === 1 ? 'file' : 'files'}…`);
    const { articles, stories, problems } = await importFiles(files);
    const said = [];
    for (const story of stories) {
      this.#replace(story, '');
      said.push(`Opened the story “${story.title || 'untitled'}” (${story.articles.length} articles).`);
    }
    if (articles.length) {
      const added = this.#store.addArticles(articles);
      this.render();
      said.push(`Added ${added.length} ${added.length === 1 ? 'article' : 'articles'}${added.some((a) => !a.source.trim()) ? '; give each an outlet name' : ''}.`);
    }
    said.push(...problems);
    this.say(said.join(' '), stories.length ? this.#undo : null);
  }

  exportStory() {
    const story = this.#store.storyFile();
    const name = `${(story.title || 'story').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'story'}.json`;
    download(name, 'application/json', `${JSON.stringify(story, null, 2)}\n`);
    this.say(`Exported ${story.articles.length} ${story.articles.length === 1 ? 'article' : 'articles'} as ${name}.`);
  }

  /** Marks `field` of article `id` with the engine's `message`; with no `id`, clears every
   * mark. In place: a rebuild would take the caret from a field being typed in. */
  showError(id, field, message) {
    if (!id && !this.#errors.size) return;
    for (const node of this.#list.querySelectorAll('.field-error')) node.remove();
    for (const node of this.#list.querySelectorAll('[aria-invalid]')) {
      node.removeAttribute('aria-invalid');
      node.removeAttribute('aria-describedby');
    }
    for (const card of this.#list.querySelectorAll('[data-invalid]')) card.removeAttribute('data-invalid');
    this.#errors.clear();
    if (!id) return;
    this.#errors.set(id, { field, message });
    this.#open.add(id);
    const card = this.#list.querySelector(`[data-article="${CSS.escape(id)}"]`);
    if (!card) return;
    card.setAttribute('data-invalid', '');
    const toggle = card.querySelector('.article-toggle');
    const fields = card.querySelector('.article-fields');
    toggle.setAttribute('aria-expanded', 'true');
    fields.hidden = false;
    const input = card.querySelector(`[data-field="${field}"]`);
    const note = el('p', { class: 'field-error', id: `${input?.id ?? fields.id}-error`, text: message });
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', note.id);
      input.closest('.field').append(note);
    } else fields.prepend(note);
  }

  /** The label the editor gives `field`. */
  static label(field) {
    return FIELD_LABELS[field] ?? field;
  }

  render() {
    const articles = this.#store.state.story.articles;
    const focused = document.activeElement?.closest?.('[data-article]');
    const focusKey = focused ? [focused.getAttribute('data-article'), document.activeElement.getAttribute('data-action') ?? document.activeElement.getAttribute('data-field')] : null;
    this.#list.replaceChildren(...articles.map((article, i) => this.#card(article, i, articles.length)));
    this.root.querySelector('#article-count').textContent =
      articles.length === 0 ? 'No articles yet.' : `${articles.length} ${articles.length === 1 ? 'article' : 'articles'}.`;
    if (focusKey) {
      const [id, key] = focusKey;
      const card = this.#list.querySelector(`[data-article="${CSS.escape(id)}"]`);
      (card?.querySelector(`[data-action="${key}"]:not(:disabled), [data-field="${key}"]`) ?? card?.querySelector('[data-action="toggle"]'))?.focus();
    }
  }

  #card(article, index, count) {
    const { id } = article;
    const number = index + 1;
    const open = this.#open.has(id);
    const error = this.#errors.get(id);
    const fieldsId = `article-${number}-fields`;
    const toggle = el('button', { type: 'button', class: 'article-toggle', 'aria-expanded': String(open), 'aria-controls': fieldsId, 'data-action': 'toggle', text: summaryOf(article, number) });
    const fields = el('div', { class: 'article-fields', id: fieldsId, hidden: !open });
    toggle.addEventListener('click', () => {
      const now = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(now));
      fields.hidden = !now;
      if (now) this.#open.add(id);
      else this.#open.delete(id);
    });

    for (const field of ARTICLE_FIELDS) {
      const inputId = `article-${number}-${field}`;
      const label = el('label', { for: inputId, text: FIELD_LABELS[field] });
      let input;
      if (field === 'leaning') {
        input = el('select', { id: inputId, 'data-field': field });
        input.append(...leaningOptions(article.leaning));
        input.addEventListener('change', () => this.#edit(() => this.#store.setArticleField(id, field, input.value)));
      } else {
        input = el(field === 'text' ? 'textarea' : 'input', { id: inputId, 'data-field': field, spellcheck: field === 'text' ? 'true' : 'false' });
        if (field === 'text') input.rows = 8;
        else input.type = 'text';
        if (field === 'url') input.inputMode = 'url';
        input.value = article[field];
        normalizePastes(input);
        input.addEventListener('input', () => {
          this.#edit(() => this.#store.setArticleField(id, field, input.value));
          if (field === 'source' || field === 'headline' || field === 'text') toggle.textContent = summaryOf(this.#store.state.story.articles.find((a) => a.id === id) ?? article, number);
        });
        if (field !== 'text') input.addEventListener('change', () => {
          const clean = plainLine(input.value);
          if (clean !== input.value) {
            input.value = clean;
            this.#edit(() => this.#store.setArticleField(id, field, clean));
          }
        });
      }
      const row = el('div', { class: `field field-${field}` }, label, input);
      if (error && error.field === field) {
        const messageId = `${inputId}-error`;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', messageId);
        row.append(el('p', { class: 'field-error', id: messageId, text: error.message }));
      }
      fields.append(row);
    }
    if (error && !ARTICLE_FIELDS.includes(error.field)) fields.prepend(el('p', { class: 'field-error', text: error.message }));

    const tool = (action, text, label, disabled, handler) => {
      const button = el('button', { type: 'button', class: 'tool', 'data-action': action, 'aria-label': `${label} ${number}`, disabled }, text);
      button.addEventListener('click', handler);
      return button;
    };
    const tools = el(
      'div',
      { class: 'article-tools' },
      tool('up', 'Move up', 'Move up article', index === 0, () => this.#move(id, -1)),
      tool('down', 'Move down', 'Move down article', index === count - 1, () => this.#move(id, 1)),
      tool('remove', 'Remove', 'Remove article', false, () => this.#remove(id, number)),
    );
    const note = article.source.trim() ? null : el('p', { class: 'article-note', text: 'Not analyzed until it has an outlet name.' });
    return el(
      'li',
      { class: 'article-card', 'data-article': id, 'data-invalid': Boolean(error) },
      el('div', { class: 'article-head' }, el('h3', { class: 'article-title' }, toggle), tools),
      note,
      fields,
    );
  }

  #move(id, by) {
    this.#store.moveArticle(id, by);
    const at = this.#store.state.story.articles.findIndex((a) => a.id === id);
    this.say(`Moved to place ${at + 1} of ${this.#store.state.story.articles.length}.`);
  }

  #remove(id, number) {
    const { removed, at } = this.#store.removeArticle(id);
    if (!removed) return;
    const next = this.#list.querySelectorAll('.article-toggle')[Math.min(at, this.#list.children.length - 1)];
    (next ?? this.root.querySelector('#add-article')).focus();
    this.say(`Removed article ${number} (${removed.source.trim() || 'no outlet'}).`, () => this.#store.restoreArticle(removed, at));
  }
}
