// Files a teacher drops or chooses, made into articles: a saved web page (.html: its headline,
// outlet name, canonical URL, date and body text, taken out the way browsers' reader modes do,
// by Mozilla's Readability), a text or Markdown file (.txt, .md), or a whole story (.json).
//
// A saved page is parsed with DOMParser into a document that is never shown: its scripts do not
// run and nothing it names (images, styles, fonts) is fetched. Readability (Apache-2.0,
// THIRD-PARTY-NOTICES.md) is loaded the first time a page is imported, never by the widget.

import { plainLine, plainText } from './normalize.js';

/** Largest file read, in bytes: a saved article page is rarely over a few megabytes. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

let readability = null;

function loadReadability() {
  if (!readability) {
    readability = import('./readability.js');
    readability.catch(() => {
      readability = null;
    });
  }
  return readability;
}

/** What a file is, by its name (then its type). */
export function kindOf(file) {
  const name = file.name.toLowerCase();
  if (/\.(html?|xhtml|shtml)$/.test(name) || file.type === 'text/html') return 'page';
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  if (/\.(txt|text)$/.test(name) || file.type === 'text/plain') return 'text';
  if (/\.json$/.test(name) || file.type === 'application/json') return 'story';
  return null;
}

/**
 * Reads `files` in order. Resolves to { articles, stories, problems }: the articles taken out
 * of pages and text files, the stories of .json files, and one sentence per file that could
 * not be read.
 */
export async function importFiles(files) {
  const result = { articles: [], stories: [], problems: [] };
  for (const file of files) {
    const kind = kindOf(file);
    if (!kind) {
      result.problems.push(`${file.name}: not a saved web page (.html), a text file (.txt, .md) or a story (.json).`);
      continue;
    }
    if (file.size > MAX_FILE_BYTES) {
      result.problems.push(`${file.name}: larger than 20 MB, too large for an article.`);
      continue;
    }
    try {
      const content = await file.text();
      if (kind === 'story') result.stories.push(storyFromJson(content));
      else if (kind === 'page') result.articles.push(await articleFromPage(content));
      else if (kind === 'markdown') result.articles.push(articleFromMarkdown(content));
      else result.articles.push(articleFromText(content));
    } catch (error) {
      result.problems.push(`${file.name}: ${error?.message ?? error}`);
    }
  }
  return result;
}

/** A story file's content: an object with an `articles` array. */
export function storyFromJson(content) {
  let story;
  try {
    story = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`not valid JSON (${error.message}).`);
  }
  if (!story || typeof story !== 'object' || !Array.isArray(story.articles)) {
    throw new Error('not a story: a story file holds an object with an "articles" list (docs/STORY.md).');
  }
  return story;
}

// ------------------------------------------------------------------ saved web pages

/** An absolute http(s) URL, or ''. */
function httpUrl(value) {
  try {
    const url = new URL(String(value ?? '').trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

function meta(doc, ...names) {
  for (const name of names) {
    for (const node of doc.querySelectorAll('meta[property], meta[name], meta[itemprop]')) {
      const key = (node.getAttribute('property') || node.getAttribute('name') || node.getAttribute('itemprop') || '').toLowerCase();
      const content = node.getAttribute('content');
      if (key === name && content?.trim()) return content.trim();
    }
  }
  return '';
}

/**
 * Where a saved page came from: its canonical link, og:url, or the address browsers write into
 * a page they save (`<!-- saved from url=(0042)https://… -->`).
 */
function pageUrl(doc, html) {
  const canonical = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  // \x3C is '<': a script inlined in an HTML page may not hold the characters that open a comment.
  const saved = /\x3C!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
  return httpUrl(canonical) || httpUrl(meta(doc, 'og:url')) || httpUrl(saved) || '';
}

/** The page's date, as the page writes it. */
function pageDate(doc) {
  return meta(doc, 'article:published_time', 'datepublished', 'date', 'dc.date', 'pubdate') || doc.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || '';
}

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

/** The text of `root` with a blank line between blocks and a line break for each <br>. */
function blockText(root) {
  const parts = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.data.replace(/\s+/g, ' '));
      else if (child.nodeType === 1) {
        const tag = child.tagName.toUpperCase();
        if (tag === 'BR') parts.push('\n');
        // Not article prose: code, and the captions of pictures.
        else if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE' || tag === 'FIGCAPTION') continue;
        else if (BLOCKS.has(tag)) {
          parts.push('\n\n');
          walk(child);
          parts.push('\n\n');
        } else walk(child);
      }
    }
  };
  walk(root);
  return plainText(parts.join(''));
}

// A tag, its attributes' values quoted or not; and, in a tag, a style or event-handler attribute.
const TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?|\s*\/)*\s*>/g;
const INLINE = /\s+(?:style|on[a-zA-Z]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/g;

/**
 * `html` without its <style> elements, style attributes and event-handler attributes. None of
 * them would apply or run in a parsed document, but the page's Content Security Policy still
 * reports each as a violation when the document is parsed; and none of them is text.
 */
export function withoutInlineStyleAndHandlers(html) {
  return String(html)
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(TAG, (tag) => tag.replace(INLINE, ''));
}

/** A saved web page's article: { source, headline, url, published, text }. */
export async function articleFromPage(html) {
  const doc = new DOMParser().parseFromString(withoutInlineStyleAndHandlers(html), 'text/html');
  // Read before Readability, which rearranges the document as it works.
  const url = pageUrl(doc, html);
  const published = pageDate(doc);
  const title = plainLine(meta(doc, 'og:title') || doc.title || '');
  const { Readability } = await loadReadability();
  const found = new Readability(doc, { serializer: (node) => node }).parse();
  if (!found || !found.content) throw new Error('no article text found in this page.');
  let text = blockText(found.content);
  const siteName = plainLine(found.siteName || '');
  // "Headline — Metro Wire": the outlet's name is not part of the headline.
  let headline = plainLine(found.title || title);
  if (siteName) {
    const suffix = new RegExp(`\\s*[|\\-–—:»·]+\\s*${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
    headline = headline.replace(suffix, '') || headline;
  }
  // The headline is read on its own; a copy of it opening the body would count twice.
  if (headline && text.startsWith(headline)) text = text.slice(headline.length).replace(/^\s+/, '');
  // A date line or a byline opening the body is the page's, not the article's words.
  const opening = withoutDateAndByline(text);
  text = opening.text;
  let source = siteName;
  if (!source && url) source = new URL(url).hostname.replace(/^www\./, '');
  return { source, headline, url, published: plainLine(found.publishedTime || published || opening.date), text };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const TIME = '(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?';
const PREFIX = '(?:(?:published|updated|posted|last updated)(?:\\s+on)?:?\\s+)?';
/** A line that is only a date: "March 11, 2026", "Wed 11 March 2026, 4:05 pm", "2026-03-11". */
const DATE_LINE = [
  new RegExp(`^${PREFIX}${WEEKDAY}${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})${TIME}\\.?$`, 'i'),
  new RegExp(`^${PREFIX}${WEEKDAY}(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})${TIME}\\.?$`, 'i'),
  new RegExp(`^${PREFIX}(\\d{4})-(\\d{2})-(\\d{2})${TIME}$`, 'i'),
];
/** A byline: "By Jane Doe", "By Jane Doe and Sam Lee, Staff Writers" — names, capitalised. */
const BYLINE = /^[Bb]y\s+[A-Z][\p{L}.'’-]*(?:(?:\s+|,\s*)(?:[A-Z][\p{L}.'’-]*|and|&|de|da|del|van|von|der|la|le|bin|al))*\.?$/u;

/** A date line's date as YYYY-MM-DD, or '' when `line` is not only a date. */
export function dateOfLine(line) {
  const pad = (n) => String(n).padStart(2, '0');
  const valid = (y, m, d) => (m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y}-${pad(m)}-${pad(d)}` : '');
  const month = (name) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1;
  const text = line.trim();
  let found = DATE_LINE[0].exec(text);
  if (found) return valid(found[3], month(found[1]), Number(found[2]));
  found = DATE_LINE[1].exec(text);
  if (found) return valid(found[3], month(found[2]), Number(found[1]));
  found = DATE_LINE[2].exec(text);
  if (found) return valid(found[1], Number(found[2]), Number(found[3]));
  return '';
}

/**
 * The body `text` without the date lines and bylines that open it (at most its first three
 * paragraphs, each short and only that), and the first such date as YYYY-MM-DD ('' for none).
 * A byline left in would count its author's name among the side's words.
 */
export function withoutDateAndByline(text) {
  const paragraphs = text.split(/\n\n+/);
  let date = '';
  let drop = 0;
  for (const paragraph of paragraphs.slice(0, 3)) {
    if (paragraph.length > 100 || drop === paragraphs.length - 1) break;
    // "By Jane Doe | March 11, 2026" and "March 11, 2026 · By Jane Doe": each piece is one of the two.
    const pieces = paragraph.split(/\s+[|·•—–-]\s+|\n/).map((piece) => piece.trim()).filter(Boolean);
    const dates = pieces.map(dateOfLine);
    if (!pieces.length || !pieces.every((piece, i) => dates[i] || BYLINE.test(piece))) break;
    date ||= dates.find(Boolean) ?? '';
    drop += 1;
  }
  return { text: paragraphs.slice(drop).join('\n\n'), date };
}

// ------------------------------------------------------------------ text and Markdown

/** A text file's article: its first line is the headline when a short line opens it. */
export function articleFromText(content) {
  const text = plainText(content);
  const [first, ...rest] = text.split('\n');
  if (rest.join('').trim() && first.length <= 200 && !/[.!?]["')\]]?$/.test(first)) {
    return { headline: first, text: rest.join('\n').trim() };
  }
  return { headline: '', text };
}

/**
 * A Markdown file's article: front matter's title, source (or outlet), url and date; else its
 * first heading as the headline; the body with Markdown's marks taken out.
 */
export function articleFromMarkdown(content) {
  let body = String(content).replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const fields = {};
  const front = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (front) {
    body = body.slice(front[0].length);
    for (const line of front[1].split('\n')) {
      const pair = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
      if (pair) fields[pair[1].toLowerCase()] = pair[2].replace(/^(["'])(.*)\1$/, '$2').trim();
    }
  }
  let headline = fields.title ?? '';
  if (!headline) {
    const heading = /^#{1,2}\s+(.+)$/m.exec(body);
    if (heading) {
      headline = heading[1];
      body = body.replace(heading[0], '');
    }
  }
  const text = body
    .replace(/^```.*$/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/gm, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
  return {
    source: plainLine(fields.source ?? fields.outlet ?? ''),
    headline: plainLine(headline),
    url: httpUrl(fields.url ?? ''),
    published: plainLine(fields.date ?? fields.published ?? ''),
    text: plainText(text),
  };
}
