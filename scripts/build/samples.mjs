// The sample stories of www/samples/: copied to dist/samples/ with an index.json of their
// titles, and read for the demo page's picker and the standalone page's embedded copies.

import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, read, say, write, WWW } from './io.mjs';

const SAMPLES = join(WWW, 'samples');

/** [{ file, title, articles, text, story }], by file name; `story` is null for a sample that
 * is not JSON (kept as text: a sample may be broken on purpose, to show an error). */
export function copySamples() {
  const samples = [];
  const files = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((n) => n.endsWith('.json') && n !== 'index.json').sort() : [];
  for (const file of files) {
    const text = read(join(SAMPLES, file));
    let story = null;
    try {
      story = JSON.parse(text);
    } catch {
      // shown as the error it gives
    }
    const title = typeof story?.title === 'string' && story.title.trim() ? story.title.trim() : file.replace(/\.json$/, '');
    const articles = Array.isArray(story?.articles) ? story.articles.length : null;
    samples.push({ file, title, articles, text, story });
    cpSync(join(SAMPLES, file), join(DIST, 'samples', file));
  }
  if (samples.length === 0) say('note: www/samples/ holds no .json story; the demo picker will be empty');
  write(join(DIST, 'samples', 'index.json'), `${JSON.stringify(samples.map(({ file, title, articles }) => ({ file, title, articles })), null, 2)}\n`);
  return samples;
}
