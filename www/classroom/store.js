// The classroom's state and its one home, the browser's localStorage: the teacher's story
// (title, and its articles in the teacher's order), the two ratings tables and which one is in
// force, a guess-the-leaning round's answers, and the students' rewordings. Every change is
// saved at once, so a reload loses nothing, and announced to the listeners with what changed.
//
// Nothing here leaves the page: localStorage is the browser's own storage for this page's
// origin (for standalone.html, the browser's storage for files), on this computer only.

const KEY = 'bias-compare-classroom';
const VERSION = 1;

/** The leanings the pickers offer, in scale order (docs/STORY.md, "Leanings"). */
export const LEANINGS = ['far-left', 'left', 'lean-left', 'center', 'lean-right', 'right', 'far-right', 'unrated'];

/** How the pickers name them. */
export const LEANING_NAMES = {
  'far-left': 'Far left',
  left: 'Left',
  'lean-left': 'Lean left',
  center: 'Center',
  'lean-right': 'Lean right',
  right: 'Right',
  'far-right': 'Far right',
  unrated: 'Unrated',
};

/** An article's fields, in the order the editor shows them and a story file writes them. */
export const ARTICLE_FIELDS = ['source', 'leaning', 'headline', 'url', 'published', 'text'];

function emptyState() {
  return {
    version: VERSION,
    story: { title: '', articles: [] },
    ratings: { active: 0, sets: [emptySet('Ratings A'), emptySet('Ratings B')] },
    round: null,
    rewordings: {},
    nextId: 1,
  };
}

function emptySet(name) {
  return { name, rows: [] };
}

const text = (value) => (typeof value === 'string' ? value : '');

/** An article as the store keeps it: every field a string ('' when not given). */
export function cleanArticle(value, id) {
  const article = { id: text(value?.id).trim() || id };
  // A leaning is kept as written ("Lean Left", "centre"): the engine reads every spelling it
  // knows, and names one it does not.
  for (const field of ARTICLE_FIELDS) article[field] = text(value?.[field]);
  return article;
}

/** Saved state read back, each part checked, so that a damaged entry cannot break the page. */
function revive(saved) {
  const state = emptyState();
  if (!saved || typeof saved !== 'object' || saved.version !== VERSION) return state;
  state.nextId = Number.isInteger(saved.nextId) && saved.nextId > 0 ? saved.nextId : 1;
  state.story.title = text(saved.story?.title);
  const ids = new Set();
  for (const value of Array.isArray(saved.story?.articles) ? saved.story.articles : []) {
    const article = cleanArticle(value, '');
    while (!article.id || ids.has(article.id)) article.id = `a${state.nextId++}`;
    ids.add(article.id);
    state.story.articles.push(article);
  }
  const sets = Array.isArray(saved.ratings?.sets) ? saved.ratings.sets : [];
  state.ratings.sets = [0, 1].map((i) => ({
    name: text(sets[i]?.name) || state.ratings.sets[i].name,
    rows: (Array.isArray(sets[i]?.rows) ? sets[i].rows : []).map((row) => ({ key: text(row?.key), leaning: text(row?.leaning) })),
  }));
  state.ratings.active = saved.ratings?.active === 1 ? 1 : 0;
  if (saved.round && typeof saved.round === 'object') {
    const guesses = {};
    for (const [outlet, side] of Object.entries(saved.round.guesses ?? {})) {
      if (['left', 'center', 'right'].includes(side)) guesses[outlet] = side;
    }
    state.round = { story: text(saved.round.story), guesses, revealed: saved.round.revealed === true };
  }
  for (const [key, value] of Object.entries(saved.rewordings ?? {})) {
    if (typeof value === 'string') state.rewordings[key] = value;
  }
  return state;
}

export class Store {
  #state;
  #listeners = new Set();
  /** Why the last save failed ('' when it did not). */
  saveError = '';
  /** Whether the saved state could not be read back (it was left alone, not overwritten yet). */
  unreadable = false;

  constructor(storage = globalThis.localStorage) {
    this.storage = storage;
    let saved = null;
    try {
      const raw = storage?.getItem(KEY);
      if (raw) saved = JSON.parse(raw);
    } catch {
      this.unreadable = true;
    }
    this.#state = revive(saved);
  }

  get state() {
    return this.#state;
  }

  /** Calls `listener(what)` after each change; `what` is 'story', 'ratings', 'round' or 'rewording'. */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Applies `change(state)`, saves, and tells the listeners. */
  update(what, change) {
    change(this.#state);
    this.#save();
    for (const listener of this.#listeners) listener(what);
  }

  #save() {
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.#state));
      this.saveError = '';
    } catch (error) {
      // QuotaExceededError, or storage switched off: the page keeps working, and says so.
      this.saveError = error?.name === 'QuotaExceededError' ? 'the browser has no more room for this page' : 'the browser does not let this page save';
    }
  }

  /** A new article id, unused in the story. */
  newId() {
    const used = new Set(this.#state.story.articles.map((a) => a.id));
    let id;
    do {
      id = `a${this.#state.nextId}`;
      this.#state.nextId += 1;
    } while (used.has(id));
    return id;
  }

  // ---------------------------------------------------------------- the story

  addArticles(values) {
    const added = [];
    this.update('story', (state) => {
      const used = new Set(state.story.articles.map((a) => a.id));
      for (const value of values) {
        const article = cleanArticle(value, '');
        if (!article.id || used.has(article.id)) article.id = this.newId();
        used.add(article.id);
        state.story.articles.push(article);
        added.push(article);
      }
    });
    return added;
  }

  setArticleField(id, field, value) {
    this.update('story', (state) => {
      const article = state.story.articles.find((a) => a.id === id);
      if (article && ARTICLE_FIELDS.includes(field)) article[field] = value;
    });
  }

  moveArticle(id, by) {
    this.update('story', (state) => {
      const list = state.story.articles;
      const from = list.findIndex((a) => a.id === id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= list.length) return;
      const [article] = list.splice(from, 1);
      list.splice(to, 0, article);
    });
  }

  removeArticle(id) {
    let removed = null;
    let at = -1;
    this.update('story', (state) => {
      at = state.story.articles.findIndex((a) => a.id === id);
      if (at >= 0) [removed] = state.story.articles.splice(at, 1);
    });
    return { removed, at };
  }

  restoreArticle(article, at) {
    this.update('story', (state) => {
      state.story.articles.splice(Math.min(at, state.story.articles.length), 0, article);
    });
  }

  setTitle(title) {
    this.update('story', (state) => {
      state.story.title = title;
    });
  }

  /** Replaces the story (and, when the file has ratings, fills the table in force with them). */
  replaceStory(story) {
    const previous = structuredClone(this.#state.story);
    this.update('story', (state) => {
      state.story = { title: text(story?.title), articles: [] };
    });
    this.addArticles(Array.isArray(story?.articles) ? story.articles : []);
    if (story?.ratings && typeof story.ratings === 'object' && !Array.isArray(story.ratings)) this.mergeRatings(story.ratings);
    return previous;
  }

  /**
   * The story as the engine reads it (docs/STORY.md): the articles that have an outlet name
   * (the engine needs one; the editor marks the others), with only the fields given.
   */
  storyForEngine() {
    const articles = [];
    for (const article of this.#state.story.articles) {
      if (article.source.trim()) articles.push(storyArticle(article));
    }
    return articles.length ? { title: this.#state.story.title, articles } : null;
  }

  /** The story as a file: every article, and the ratings table in force when it has rows. */
  storyFile() {
    const story = { title: this.#state.story.title, articles: this.#state.story.articles.map(storyArticle) };
    const ratings = this.ratingsTable();
    if (Object.keys(ratings).length) story.ratings = ratings;
    return story;
  }

  // ---------------------------------------------------------------- ratings

  /** The table in force as the engine's `ratings` option: outlet or host → leaning. */
  ratingsTable(index = this.#state.ratings.active) {
    const table = {};
    for (const row of this.#state.ratings.sets[index].rows) {
      if (row.key.trim() && row.leaning) table[row.key.trim()] = row.leaning;
    }
    return table;
  }

  /** Adds `table`'s entries to the table in force, replacing rows with the same key. */
  mergeRatings(table, index = this.#state.ratings.active) {
    this.update('ratings', (state) => {
      const rows = state.ratings.sets[index].rows;
      for (const [key, leaning] of Object.entries(table)) {
        const value = text(leaning);
        const row = rows.find((r) => r.key.trim().toLowerCase() === key.trim().toLowerCase());
        if (row) row.leaning = value;
        else rows.push({ key, leaning: value });
      }
    });
  }
}

/** An article for a story file or the engine: id, then each field that is not empty. */
function storyArticle(article) {
  const out = { id: article.id };
  for (const field of ARTICLE_FIELDS) {
    if (field === 'text') out.text = article.text;
    else if (article[field].trim()) out[field] = article[field];
  }
  return out;
}
