// Stage 3, the pages: the demo page (dist/index.html with demo.js, demo.css, favicon.svg, and
// docs/METHOD.md, which the panel's explanations link to) around one <bias-compare>, and
// dist/standalone.html, the same page in one file that works from file://. The page is the
// classroom too (www/classroom/, docs/CLASSROOM.md): on the served page, the two files it loads
// only when asked — readability.js (Mozilla's Readability, for importing saved pages) and the
// classroom's engine (pkg/bias_compare_classroom*, for explaining a term) — stay apart from
// demo.js; standalone.html has everything inline, and the classroom's engine serves the
// element too, so it carries one engine.
//
// www/demo/index.html is the template of both: the build fills its {{named}} placeholders
// (the sample picker, the first story), and the standalone page replaces the block between
// <!-- build:head --> and <!-- /build:head --> (the page's files) with everything inline.

import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { bundle, bundleCss } from './esbuild.mjs';
import { DIST, fail, PKG, read, ROOT, write, WWW } from './io.mjs';

const DEMO = join(WWW, 'demo');
const ENGINE = join(WWW, 'bias-compare', 'engine');
const CLASSROOM = join(WWW, 'classroom');
const CLASSROOM_ENGINE = join(CLASSROOM, 'engine');
const NOTICES = join(ROOT, 'THIRD-PARTY-NOTICES.md');
/** What every file carrying Readability says of it (a legal comment in
 * www/classroom/readability.js, kept by esbuild's legalComments: 'inline'). */
const READABILITY_NOTICE = 'Mozilla Readability 0.6.0';
const HEAD = /<!-- build:head -->\n([\s\S]*?)<!-- \/build:head -->\n/;

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect x="2" y="11" width="12" height="10" rx="2" fill="#1f5fbf"/>' +
  '<rect x="15" y="11" width="6" height="10" fill="#6b5b95"/>' +
  '<rect x="22" y="11" width="8" height="10" rx="2" fill="#b8322f"/></svg>\n';

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** `template` with each {{name}} replaced by values[name]; every placeholder must be filled. */
function fill(template, values) {
  const page = template.replace(/\{\{([a-z-]+)\}\}/g, (_, name) => {
    if (!(name in values)) fail(`www/demo/index.html: no value for {{${name}}}`);
    return values[name];
  });
  for (const name of Object.keys(values)) {
    if (!template.includes(`{{${name}}}`)) fail(`www/demo/index.html: no {{${name}}} placeholder`);
  }
  return page;
}

/** The demo page's template, filled in for `samples`; the first story is drone-raid.json when
 * there is one (the README's example). With `src`, the element fetches the first story itself
 * as the page loads; without, the demo script hands it the story (the standalone page). */
function demoTemplate(samples, { src }) {
  const first = samples.find((s) => s.file === 'drone-raid.json') ?? samples[0] ?? null;
  const options = samples
    .map((s) => `<option value="samples/${escapeHtml(s.file)}"${s === first ? ' selected' : ''}>${escapeHtml(s.title)}</option>`)
    .join('\n      ');
  return fill(read(join(DEMO, 'index.html')), {
    'sample-options': options ? `\n      ${options}\n    ` : '',
    'story-title': first ? escapeHtml(first.title) : '',
    'first-sample-src': src && first ? ` src="samples/${escapeHtml(first.file)}"` : '',
    // The served demo links the panel's explanations to the method (dist/docs/METHOD.md); the
    // standalone page travels alone, with no such file beside it.
    'method-href': src ? ' method-href="docs/METHOD.md"' : '',
  });
}

export async function buildPages(samples) {
  const page = demoTemplate(samples, { src: true });
  if (!HEAD.test(page)) fail('www/demo/index.html: no <!-- build:head --> … <!-- /build:head --> block');
  write(join(DIST, 'index.html'), page.replace(HEAD, '$1'));
  // demo.js and the modules it imports, as one file (one request); what it loads only when
  // asked stays in files of its own, beside it.
  const [demo] = await bundle({ entryPoints: [join(DEMO, 'demo.js')], external: ['./pkg/*'], plugins: [readabilityApart] });
  write(join(DIST, 'demo.js'), demo.text);
  const [readability] = await bundle({ entryPoints: [join(CLASSROOM, 'readability.js')], legalComments: 'inline' });
  if (!readability.text.includes(READABILITY_NOTICE)) fail("dist/readability.js lost Readability's notice");
  write(join(DIST, 'readability.js'), readability.text);
  write(join(DIST, 'THIRD-PARTY-NOTICES.md'), read(NOTICES));
  write(join(DIST, 'demo.css'), await bundleCss(join(DEMO, 'demo.css')));
  write(join(DIST, 'docs', 'METHOD.md'), read(join(ROOT, 'docs', 'METHOD.md')));
  write(join(DIST, 'favicon.svg'), FAVICON);
  write(join(DIST, 'standalone.html'), await standalonePage(demoTemplate(samples, { src: false }), samples));
}

// ------------------------------------------------------------------ the standalone page

/**
 * In the standalone bundle the engine is the page's own: load.js resolves to
 * load.standalone.js, and its `./pkg/…` imports to the glue and the .wasm in dist/pkg/,
 * bundled (the .wasm as bytes, by esbuild's binary loader).
 */
const engineInline = {
  name: 'engine-inline',
  setup(build) {
    build.onResolve({ filter: /(^|\/)load\.js$/ }, (args) => {
      const path = join(dirname(args.importer), args.path);
      if (path === join(ENGINE, 'load.js')) return { path: join(ENGINE, 'load.standalone.js') };
      if (path === join(CLASSROOM_ENGINE, 'load.js')) return { path: join(CLASSROOM_ENGINE, 'load.standalone.js') };
      return undefined;
    });
    // The element's engine files are the classroom's: the same analysis, with `explain`.
    build.onResolve({ filter: /^\.\/pkg\// }, (args) => ({ path: join(PKG, args.path.slice('./pkg/'.length).replace(/^bias_compare(?!_classroom)/, 'bias_compare_classroom')) }));
  },
};

/** On the served page, Readability is dist/readability.js, imported when a page is imported. */
const readabilityApart = {
  name: 'readability-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/readability\.js$/ }, (args) => (args.importer.startsWith(CLASSROOM) ? { path: './readability.js', external: true } : undefined));
  },
};

function sha256(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** JSON for a <script type="application/json"> block: no "<" can end the element early. */
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The demo page with the element, the engine, the demo script, its CSS and every sample
 * inline, under a meta CSP that allows exactly those and no request. */
async function standalonePage(page, samples) {
  const [output] = await bundle({ entryPoints: [join(DEMO, 'standalone.js')], loader: { '.wasm': 'binary' }, plugins: [engineInline], legalComments: 'inline' });
  const script = output.text;
  if (/<\/script/i.test(script) || /<!--/.test(script)) fail('the standalone script contains "</script" or "<!--"');
  if (!script.includes(READABILITY_NOTICE)) fail("the standalone script lost Readability's notice");
  const css = await bundleCss(join(DEMO, 'demo.css'));
  if (/<\/style/i.test(css)) fail('demo.css contains "</style"');
  const notices = read(NOTICES);
  if (notices.includes('--')) fail('THIRD-PARTY-NOTICES.md contains "--", which would end its HTML comment early');

  const embedded = {};
  for (const s of samples) embedded[`samples/${s.file}`] = s.story ?? s.text;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const head =
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">\n` +
    '<link rel="icon" href="data:,">\n' +
    `<style>${css}</style>\n` +
    `<script type="application/json" id="bias-compare-samples">${jsonForScript(embedded)}</script>\n` +
    `<script type="module">${script}</script>\n`;
  // A function, so that no "$" in the script is read as a replacement pattern. The notices of
  // the code of others it carries travel with the page, at its end.
  return `${page.replace(HEAD, () => head).replace('<title>', '<title>(standalone) ')}<!--\n${notices}-->\n`;
}
