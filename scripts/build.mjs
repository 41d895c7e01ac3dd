#!/usr/bin/env node
// Builds the WebAssembly package, the <bias-compare> widget, the demo page and the standalone
// page into dist/. Run `bash scripts/setup.sh` first (wasm32 target, wasm-bindgen CLI, npm
// devDependencies). The output is deterministic: the same sources give the same bytes.
//
//   node scripts/build.mjs              full build
//   node scripts/build.mjs --skip-wasm  reuse dist/pkg from an earlier build (widget work only)
//
// dist/
//   pkg/bias_compare.js, pkg/bias_compare_bg.wasm (+ .d.ts)   wasm-bindgen --target web
//   bias-compare.js      the element (ES module), stylesheet embedded
//   bias-compare-worker.js  the module worker the element runs the engine in
//   bias-compare.css     the stylesheet source, for reference (the element does not load it)
//   index.html, demo.js, demo.css, favicon.svg                the demo page
//   samples/*.json, samples/index.json                        the sample stories
//   standalone.html      one file: JS, WASM (base64), CSS and samples inline; works from file://
//
// The element in dist/ is minified by esbuild; www/ keeps the readable source.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const DIST = join(ROOT, 'dist');
const PKG = join(DIST, 'pkg');
const CRATE = 'bias_compare_wasm';
const WASM_IN = join(ROOT, 'target', 'wasm32-unknown-unknown', 'wasm-release', `${CRATE}.wasm`);
const WASM_OUT = join(PKG, 'bias_compare_bg.wasm');
const GLUE = join(PKG, 'bias_compare.js');

const args = new Set(process.argv.slice(2));
const skipWasm = args.has('--skip-wasm');

function say(message) {
  process.stdout.write(`build: ${message}\n`);
}

function fail(message) {
  process.stderr.write(`build: error: ${message}\n`);
  process.exit(1);
}

function run(command, argv) {
  say(`$ ${[command, ...argv].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const result = spawnSync(command, argv, { cwd: ROOT, stdio: 'inherit' });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} exited with status ${result.status}`);
}

function read(path) {
  return readFileSync(path, 'utf8');
}

function write(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}

/** Replaces exactly one occurrence of `needle`; anything else is a build error. */
function replaceOnce(text, needle, replacement, what) {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + needle.length) >= 0) {
    fail(`${what}: expected exactly one ${JSON.stringify(needle)}`);
  }
  return text.slice(0, at) + replacement + text.slice(at + needle.length);
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Comments out, whitespace collapsed: a smaller but equivalent stylesheet. */
function compactCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/** JSON for a <script type="application/json"> block: no "<" can end the element early. */
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function sha256(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// ------------------------------------------------------------------ 1–3. the WASM package

if (skipWasm) {
  if (!existsSync(WASM_OUT) || !existsSync(GLUE)) fail('--skip-wasm needs dist/pkg from an earlier full build');
  say('--skip-wasm: reusing dist/pkg');
  for (const name of readdirSync(DIST)) {
    if (name !== 'pkg') rmSync(join(DIST, name), { recursive: true, force: true });
  }
} else {
  run('cargo', ['build', '--profile', 'wasm-release', '--target', 'wasm32-unknown-unknown', '-p', CRATE]);
  rmSync(DIST, { recursive: true, force: true });
  run('wasm-bindgen', [
    '--target', 'web',
    '--out-dir', relative(ROOT, PKG),
    '--out-name', 'bias_compare',
    relative(ROOT, WASM_IN),
  ]);
  const wasmOpt = [join(ROOT, 'node_modules', '.bin', 'wasm-opt')].find(existsSync);
  if (wasmOpt) {
    run(wasmOpt, [
      '-Oz',
      '--converge',
      // Binaryen inlines every function that has one caller, whatever its size: the whole
      // analysis became one 58 KB function, which V8's optimizing tier compiled in 100-240 ms
      // on a background thread (competing with the page for the cores while the widget first
      // renders) into code about 17% slower than the same code left in smaller functions.
      // Capped, small helpers are still inlined and the .wasm is 3 KB smaller gzipped.
      '--one-caller-inline-max-function-size',
      '100',
      '--enable-bulk-memory',
      '--enable-sign-ext',
      '--enable-nontrapping-float-to-int',
      '--enable-mutable-globals',
      '--enable-reference-types',
      '--enable-multivalue',
      '--strip-debug',
      '--strip-producers',
      relative(ROOT, WASM_OUT),
      '-o',
      relative(ROOT, WASM_OUT),
    ]);
  } else {
    say('note: node_modules/.bin/wasm-opt not found (run scripts/setup.sh); shipping the .wasm unoptimised');
  }
}

const glue = read(GLUE);
const wasmBytes = readFileSync(WASM_OUT);

// ------------------------------------------------------------------ 4. the element

const cssSource = read(join(WWW, 'bias-compare.css'));
const css = compactCss(cssSource);
const elementSource = read(join(WWW, 'bias-compare.js'));
const CSS_SLOT = "const CSS_TEXT = '';";
const WASM_SLOT = "const INLINE_WASM = '';";
const IMPORT_LINE = "const loadGlue = () => import('./pkg/bias_compare.js');";
const WORKER = 'bias-compare-worker.js';
const element = replaceOnce(elementSource, CSS_SLOT, `const CSS_TEXT = ${JSON.stringify(css)};`, 'www/bias-compare.js');
write(join(DIST, 'bias-compare.js'), element);
write(join(DIST, 'bias-compare.css'), cssSource);
// The analysis worker (the element starts it from its own folder; it imports ./pkg/ itself).
write(join(DIST, WORKER), read(join(WWW, WORKER)));

// Other page assets (demo.js, demo.css, …) are copied as they are.
for (const name of readdirSync(WWW).sort()) {
  if (name === 'bias-compare.js' || name === 'bias-compare.css' || name === WORKER || name === 'index.html') continue;
  if (/\.(js|css|html)$/.test(name)) cpSync(join(WWW, name), join(DIST, name));
}

write(
  join(DIST, 'favicon.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    '<rect x="2" y="11" width="12" height="10" rx="2" fill="#1f5fbf"/>' +
    '<rect x="15" y="11" width="6" height="10" fill="#6b5b95"/>' +
    '<rect x="22" y="11" width="8" height="10" rx="2" fill="#b8322f"/></svg>\n',
);

// ------------------------------------------------------------------ samples

const sampleDir = join(WWW, 'samples');
const samples = [];
if (existsSync(sampleDir)) {
  for (const file of readdirSync(sampleDir).filter((n) => n.endsWith('.json') && n !== 'index.json').sort()) {
    const text = read(join(sampleDir, file));
    let story = null;
    try {
      story = JSON.parse(text);
    } catch {
      // Kept as text: a sample may be broken on purpose, to show an error.
    }
    const title = story && typeof story.title === 'string' && story.title.trim() ? story.title.trim() : file.replace(/\.json$/, '');
    const articles = story && Array.isArray(story.articles) ? story.articles.length : null;
    samples.push({ file, title, articles, text, story });
    cpSync(join(sampleDir, file), join(DIST, 'samples', file));
  }
}
if (samples.length === 0) say('note: www/samples/ holds no .json story; the demo picker will be empty');
write(
  join(DIST, 'samples', 'index.json'),
  `${JSON.stringify(samples.map(({ file, title, articles }) => ({ file, title, articles })), null, 2)}\n`,
);

// The demo's first story: drone-raid.json when there is one (the README's example), else the first.
const first = samples.find((s) => s.file === 'drone-raid.json') ?? samples[0] ?? null;
const sampleOptions = samples
  .map((s) => {
    const value = `samples/${s.file}`;
    return `<option value="${escapeHtml(value)}"${s === first ? ' selected' : ''}>${escapeHtml(s.title)}</option>`;
  })
  .join('\n      ');

// ------------------------------------------------------------------ the demo page

const template = read(join(WWW, 'index.html'));
let page = replaceOnce(template, '<!-- build:sample-options -->', sampleOptions ? `\n      ${sampleOptions}\n    ` : '', 'www/index.html');
page = replaceOnce(page, '<!-- build:story-title -->', first ? escapeHtml(first.title) : '', 'www/index.html');
const demoTag = '<bias-compare id="demo"';
const indexHtml = replaceOnce(page, demoTag, first ? `${demoTag} src="samples/${escapeHtml(first.file)}"` : demoTag, 'www/index.html');
write(join(DIST, 'index.html'), indexHtml.replace(/\n?<!-- \/?build:head -->/g, ''));

// ------------------------------------------------------------------ 5. the standalone page

// The wasm-bindgen glue, inside a function scope so that its names cannot meet the element's.
if (/^\s*import\s/m.test(glue)) fail('dist/pkg/bias_compare.js imports other modules; the standalone bundle expects none');
const glueExports = /\nexport \{ initSync, __wbg_init as default \};\s*$/;
if (!glueExports.test(glue)) fail('unexpected export list at the end of dist/pkg/bias_compare.js');
const glueBody = glue.replace(glueExports, '\n').replace(/^export function /gm, 'function ');
const engine =
  'const bcEngine = (() => {\n' +
  `${glueBody}\n` +
  'return { initSync, default: __wbg_init, analyze, version };\n' +
  '})();\n';

// No worker in the standalone page: the engine is inlined and runs on the main thread (a
// worker cannot start from a file:// URL, and its meta CSP allows no worker source).
let standaloneElement = replaceOnce(element, IMPORT_LINE, 'const loadGlue = async () => bcEngine;', 'standalone element');
standaloneElement = replaceOnce(standaloneElement, WASM_SLOT, `const INLINE_WASM = '${wasmBytes.toString('base64')}';`, 'standalone element');
const demoScript = read(join(WWW, 'demo.js'));
const script = `${engine}\n${standaloneElement}\n{\n${demoScript}\n}\n`;
if (/<\/script/i.test(script) || /<!--/.test(script)) fail('the standalone script contains "</script" or "<!--"');
const demoCss = read(join(WWW, 'demo.css'));
if (/<\/style/i.test(demoCss)) fail('demo.css contains "</style"');

const embedded = {};
for (const s of samples) embedded[`samples/${s.file}`] = s.story ?? s.text;

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(demoCss)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const standaloneHead =
  `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">\n` +
  '<link rel="icon" href="data:,">\n' +
  `<style>${demoCss}</style>\n` +
  `<script type="application/json" id="bias-compare-samples">${jsonForScript(embedded)}</script>\n` +
  `<script type="module">${script}</script>`;
let standalone = replaceOnce(
  page,
  page.slice(page.indexOf('<!-- build:head -->'), page.indexOf('<!-- /build:head -->') + '<!-- /build:head -->'.length),
  standaloneHead,
  'www/index.html head',
);
standalone = standalone.replace('<title>', '<title>(standalone) ');
write(join(DIST, 'standalone.html'), standalone);

// ------------------------------------------------------------------ 6. minify the element

// The element is minified in place (esbuild, a devDependency; the shipped code still has no
// runtime dependency): 3.5 KB gzip of the 120 KiB budget. The readable source stays in www/,
// and the standalone page is built above from it. The wasm-bindgen glue is left as generated:
// `--skip-wasm` builds read its export list back from dist/pkg.
const esbuildPath = join(ROOT, 'node_modules', 'esbuild', 'lib', 'main.js');
if (existsSync(esbuildPath)) {
  const { transformSync } = await import(pathToFileURL(esbuildPath).href);
  for (const name of ['bias-compare.js', WORKER]) {
    const path = join(DIST, name);
    const { code } = transformSync(read(path), { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
    write(path, code);
  }
  say(`minified dist/bias-compare.js and dist/${WORKER} (esbuild)`);
} else {
  say('note: node_modules/esbuild not found (run scripts/setup.sh); shipping the element unminified');
}

// ------------------------------------------------------------------ sizes

function sizeLine(path) {
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  return { name: relative(DIST, path), raw: bytes.length, gz };
}

const shipped = [
  join(PKG, 'bias_compare_bg.wasm'),
  join(PKG, 'bias_compare.js'),
  join(DIST, 'bias-compare.js'),
  join(DIST, WORKER),
  join(DIST, 'bias-compare.css'),
  join(DIST, 'index.html'),
  join(DIST, 'demo.js'),
  join(DIST, 'demo.css'),
  join(DIST, 'standalone.html'),
].map(sizeLine);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
say('sizes (raw, gzip -9):');
for (const { name, raw, gz } of shipped) say(`  ${name.padEnd(26)} ${kb(raw)} ${kb(gz)}`);
const widget = shipped.filter((s) => ['pkg/bias_compare_bg.wasm', 'pkg/bias_compare.js', 'bias-compare.js', WORKER].includes(s.name));
say(
  `  ${'widget total (wasm+js)'.padEnd(26)} ${kb(widget.reduce((a, s) => a + s.raw, 0))} ${kb(widget.reduce((a, s) => a + s.gz, 0))}` +
    `   (stylesheet embedded: ${css.length} B)`,
);
say(`done: ${samples.length} sample${samples.length === 1 ? '' : 's'}, dist/ ready (serve it: node scripts/serve.mjs)`);
