// The npm package `bias-compare` as a web developer gets it (docs/WIDGET.md, "Package"):
// dist/npm/ packed by `npm pack`, the tarball installed offline into a scratch project (the
// files of tests/browser/fixtures/npm-project/, in a temporary directory), and there
//
//   - in Node: `await analyze()` from 'bias-compare/engine', with no set-up step, gives the CLI's
//     report or error for every sample and every catalogue case; importing 'bias-compare'
//     defines nothing, importing 'bias-compare/define' defines <bias-compare>;
//   - tsc: the package's types accept every report the engine wrote and every sample story, name
//     exactly the element's members, the options and the leanings the engine knows, and reject
//     misuse;
//   - a page importing the element and the engine, bundled by esbuild and by Vite, and the
//     package's files served as they are, each rendered in Chromium under the strict CSP: the
//     element shows the sample's report with its engine in its worker, the engine gives the CLI's
//     report in the browser, and nothing fails to load; and the README's React component,
//     bundled by Vite with React 19, does the same;
//   - a bundle that imports an entry and uses nothing from it is empty, except for
//     'bias-compare/define', which defines the element.
//
// Needs: `node scripts/build.mjs` (dist/npm), `cargo build --release --bin bias-compare`, chromium,
// and the devDependencies esbuild, vite and typescript. No network: the tarball has no dependency.

import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createStaticServer, listen } from '../../scripts/serve.mjs';
import { artifactPath, FIXTURES, launchBrowser, ROOT, settled, watch } from './helpers.mjs';

const NPM = join(ROOT, 'dist', 'npm');
const CLI = join(ROOT, 'target', 'release', 'bias-compare');
const SAMPLES = join(ROOT, 'www', 'samples');
const CATALOGUE = join(ROOT, 'tests', 'catalogue');
const PROJECT = join(FIXTURES, 'npm-project');
const BIN = {
  esbuild: join(ROOT, 'node_modules', 'esbuild', 'lib', 'main.js'),
  vite: join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
  tsc: join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
};
const STORY_FILE = 'drone-raid.json'; // the sample the pages render

for (const [path, hint] of [
  [join(NPM, 'package.json'), 'node scripts/build.mjs'],
  [CLI, 'cargo build --release --bin bias-compare'],
  ...Object.values(BIN).map((bin) => [bin, 'bash scripts/setup.sh']),
]) {
  if (!existsSync(path)) throw new Error(`${path} is missing; run: ${hint}`);
}

const run = promisify(execFile);

/** The environment of a child npm or node: without the npm_* variables `npm test` sets
 * (npm_config_local_prefix would make `npm install` install into this repository). */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

/** Runs a command in the scratch project; resolves to its stdout, or fails with its output. */
async function inProject(command, args) {
  try {
    const { stdout } = await run(command, args, { cwd: scratch, env: cleanEnv(), maxBuffer: 1 << 28 });
    return stdout;
  } catch (error) {
    throw new Error(`${[command, ...args].join(' ')} failed (${error.code}):\n${error.stdout}\n${error.stderr}`);
  }
}

/** The CLI on a file: { status, stdout (string), error (its message, without `error: `) }. */
function cli(file, flags = []) {
  const result = spawnSync(CLI, ['analyze', file, '--format', 'json', ...flags], { maxBuffer: 1 << 28, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, error: result.stderr.replace(/^error: /, '').replace(/\n$/, '') };
}

/** The stories run through the engine: every sample and every catalogue case read from a file
 * (not the bytes that are not UTF-8, which only the CLI reads). */
const STORIES = [
  ...readdirSync(SAMPLES)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name: `sample ${name}`, file: join(SAMPLES, name), sample: true })),
  ...JSON.parse(readFileSync(join(CATALOGUE, 'cases.json'), 'utf8'))
    .cases.filter((entry) => entry.file && !entry.cli_only)
    .map((entry) => ({ name: `catalogue ${entry.name}`, file: join(CATALOGUE, entry.file), sample: false })),
];

let scratch;
let tarball; // npm pack's account of the tarball: { filename, size, unpackedSize, files }
let installed; // what `npm install` of the tarball put in node_modules/
const timings = {};

async function timed(name, action) {
  const start = performance.now();
  const result = await action();
  timings[name] = Math.round(performance.now() - start);
  return result;
}

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'bias-compare-npm-'));
  cpSync(PROJECT, scratch, { recursive: true });
  cpSync(join(SAMPLES, STORY_FILE), join(scratch, 'src', 'story.json'));
  [tarball] = JSON.parse(await timed('npm pack', () => inProject('npm', ['pack', NPM, '--json', '--pack-destination', scratch])));
  await timed('npm install', () => inProject('npm', ['install', `./${tarball.filename}`, '--offline', '--no-audit', '--no-fund']));
  installed = readdirSync(join(scratch, 'node_modules')).filter((name) => !name.startsWith('.'));
  // The React page's own dependencies, as a React project has them installed.
  for (const name of ['react', 'react-dom', 'scheduler']) {
    symlinkSync(join(ROOT, 'node_modules', name), join(scratch, 'node_modules', name), 'dir');
  }
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// ------------------------------------------------------------------ the tarball

describe('the tarball', () => {
  test('ships every file of the build\'s list (npm pack leaves out a listed file that is missing) and nothing else', async (t) => {
    const { PACKAGE_FILES } = await import(pathToFileURL(join(ROOT, 'scripts', 'build', 'package.mjs')).href);
    const shipped = tarball.files.map((file) => file.path).sort();
    assert.deepEqual(shipped, [...PACKAGE_FILES, 'package.json', 'README.md', 'LICENSE'].sort());
    t.diagnostic(`${tarball.filename}: ${tarball.size} B packed, ${tarball.unpackedSize} B unpacked`);
    for (const file of tarball.files) t.diagnostic(`  ${file.path} ${file.size} B`);
  });

  test('installs offline, with nothing beside it: the package has no dependency', () => {
    const manifest = JSON.parse(readFileSync(join(scratch, 'node_modules', 'bias-compare', 'package.json'), 'utf8'));
    for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies']) {
      assert.equal(manifest[key], undefined, `package.json has ${key}`);
    }
    assert.deepEqual(installed, ['bias-compare']);
  });
});

// ------------------------------------------------------------------ Node

describe('in Node', () => {
  let results; // node-engine.mjs's [{ file, json } | { file, error }], in STORIES order
  let element;

  before(async () => {
    results = JSON.parse(await timed('node: engine', () => inProject(process.execPath, ['node-engine.mjs', ...STORIES.map((s) => s.file)])));
    element = JSON.parse(await inProject(process.execPath, ['node-element.mjs']));
  });

  test('await analyze() from bias-compare/engine gives the CLI\'s report or error for every sample and catalogue case', () => {
    assert.equal(results.length, STORIES.length);
    assert.ok(STORIES.filter((s) => s.sample).length >= 1, 'no sample story');
    for (const [index, story] of STORIES.entries()) {
      const native = cli(story.file);
      const result = results[index];
      if (native.status === 0) {
        assert.equal(result.error, undefined, `${story.name}: the engine rejected what the CLI analyzes`);
        assert.ok(result.json === native.stdout, `${story.name}: the engine's report is not the CLI's, byte for byte`);
      } else {
        assert.equal(native.status, 2, `${story.name}: CLI exit status`);
        assert.equal(result.error, native.error, `${story.name}: the engine's error is not the CLI's`);
      }
    }
  });

  test('importing bias-compare defines nothing; importing bias-compare/define defines <bias-compare> with the same class', () => {
    assert.equal(element.definedOnImport, 0);
    assert.deepEqual(element.defined, [{ tag: 'bias-compare', isTheClass: true }]);
    assert.equal(element.same, true);
  });

  // ---------------------------------------------------------------- types

  test('tsc: the types fit every report the engine wrote, every sample story, the element, the options and the leanings', async (t) => {
    const check = join(scratch, 'check');
    const reports = STORIES.filter((_, index) => results[index].json !== undefined);
    assert.ok(reports.length >= 20, `only ${reports.length} reports to check`);
    const slug = (name) => name.replace(/[^a-z0-9]+/gi, '-');
    // Among them, reports with a blindspot and with a side whose terms are not a tested list.
    const parsed = reports.map((s) => JSON.parse(results[STORIES.indexOf(s)].json));
    assert.ok(parsed.some((r) => r.blindspot !== null), 'no report with a blindspot');
    assert.ok(parsed.some((r) => r.framing.left.status !== null || r.framing.right.status !== null), 'no report with a framing status');

    for (const story of reports) {
      const json = results[STORIES.indexOf(story)].json;
      writeFileSync(join(check, `report-${slug(story.name)}.ts`), `import type { Report } from 'bias-compare/engine';\n// ${relative(ROOT, story.file)}\nexport const report: Report = ${json};\n`);
    }
    for (const story of STORIES.filter((s) => s.sample)) {
      writeFileSync(join(check, `story-${slug(story.name)}.ts`), `import type { Story } from 'bias-compare';\nexport const story: Story = ${readFileSync(story.file, 'utf8')};\n`);
    }

    // What the engine and the element say they know, at run time, as objects the types must
    // match key for key (an extra key or a missing one is an error).
    const engine = await import(pathToFileURL(join(scratch, 'node_modules', 'bias-compare', 'engine.node.js')).href);
    const rejection = (promise) => promise.then(() => assert.fail('no error'), (error) => error.message);
    const optionsMessage = await rejection(engine.analyze('{"articles":[]}', { unknownOption: 1 }));
    const options = /expected (.+)\)$/.exec(optionsMessage)?.[1].split(/, | or /);
    assert.ok(options?.length >= 5, `cannot read the option names from ${JSON.stringify(optionsMessage)}`);
    const leaningMessage = await rejection(engine.analyze({ articles: [{ id: 'a', source: 'S', text: '', leaning: 'leftish' }] }));
    const leanings = /expected one of (.+)\)$/.exec(leaningMessage)?.[1].split(', ');
    assert.ok(leanings?.length >= 7, `cannot read the leanings from ${JSON.stringify(leaningMessage)}`);
    const callbacks = ['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback'];
    const members = element.prototype.filter((name) => !callbacks.includes(name));
    const statics = element.statics.filter((name) => !['length', 'name', 'prototype'].includes(name));
    const keys = (names) => `{ ${names.map((name) => `${JSON.stringify(name)}: true`).join(', ')} }`;
    writeFileSync(
      join(check, 'runtime.ts'),
      [
        "import type { BiasCompareElement, LeaningLabel, Options } from 'bias-compare';",
        `export const options: Record<keyof Options, true> = ${keys(options)};`,
        `export const leanings: Record<LeaningLabel, true> = ${keys(leanings)};`,
        `export const members: Record<Exclude<keyof BiasCompareElement, keyof HTMLElement>, true> = ${keys(members)};`,
        `export const statics: Record<Exclude<keyof typeof BiasCompareElement, 'prototype'>, true> = ${keys(statics)};`,
        '',
      ].join('\n'),
    );

    await timed('tsc', () =>
      Promise.all([
        inProject(process.execPath, [BIN.tsc, '-p', 'tsconfig.json']),
        inProject(process.execPath, [BIN.tsc, '-p', 'tsconfig.node.json']),
      ]),
    );
    t.diagnostic(`${reports.length} reports, ${STORIES.filter((s) => s.sample).length} stories, ${members.length} members, ${options.length} options, ${leanings.length} leanings checked`);
  });
});

// ------------------------------------------------------------------ bundlers

/** esbuild's output for `contents` as a page's entry module in the scratch project. */
async function bundleEntry(contents) {
  const esbuild = await import(pathToFileURL(BIN.esbuild).href);
  const result = await esbuild.build({
    stdin: { contents, resolveDir: scratch, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

describe('a bundle uses only what it imports (sideEffects)', () => {
  test('importing the element class and using nothing bundles nothing', async () => {
    const code = await bundleEntry("import { BiasCompareElement } from 'bias-compare';");
    assert.equal(code.length, 0, `bundled ${code.length} B: ${code.slice(0, 120)}…`);
  });

  test('importing analyze and using nothing bundles nothing', async () => {
    const code = await bundleEntry("import { analyze } from 'bias-compare/engine';");
    assert.equal(code.length, 0, `bundled ${code.length} B: ${code.slice(0, 120)}…`);
  });

  test('importing bias-compare/define bundles the element and its definition', async () => {
    const code = await bundleEntry("import 'bias-compare/define';");
    assert.match(code, /customElements/);
    assert.match(code, /"bias-compare"/);
    assert.match(code, /new Worker\(new URL\("\.\/bias-compare-worker\.js",import\.meta\.url\)/);
  });
});

// ------------------------------------------------------------------ Chromium

/** The one ```jsx block of a README. */
function jsxBlock(readme) {
  const blocks = [...readme.matchAll(/```jsx\n([\s\S]*?)```/g)].map((match) => match[1]);
  assert.equal(blocks.length, 1, 'the README has one jsx example');
  return blocks[0];
}

describe('in Chromium, under the strict CSP', () => {
  let browser;
  let expected; // the CLI's report of the pages' story
  let expectedTop5; // and with --top 5, as the README's React component asks

  before(async () => {
    expected = cli(join(SAMPLES, STORY_FILE)).stdout;
    expectedTop5 = cli(join(SAMPLES, STORY_FILE), ['--top', '5']).stdout;
    // The README's React component, as the package ships it.
    writeFileSync(join(scratch, 'src', 'coverage.jsx'), jsxBlock(readFileSync(join(scratch, 'node_modules', 'bias-compare', 'README.md'), 'utf8')));
    await timed('bundles', async () => {
      const esbuild = await import(pathToFileURL(BIN.esbuild).href);
      const out = join(scratch, 'out-esbuild');
      await Promise.all([
        inProject(process.execPath, [BIN.vite, 'build']), // vite.config.js: src/ into out-vite/
        esbuild.build({ entryPoints: [join(scratch, 'src', 'main.ts')], absWorkingDir: scratch, bundle: true, format: 'esm', minify: true, outdir: out, logLevel: 'warning' }),
      ]);
      // What docs/WIDGET.md tells an esbuild user to do: esbuild leaves `new URL(…,
      // import.meta.url)` alone, so the worker and pkg/ go beside the bundle.
      cpSync(join(scratch, 'index.esbuild.html'), join(out, 'index.html'));
      cpSync(join(scratch, 'src', 'public', 'favicon.svg'), join(out, 'favicon.svg'));
      cpSync(join(scratch, 'node_modules', 'bias-compare', 'bias-compare-worker.js'), join(out, 'bias-compare-worker.js'));
      cpSync(join(scratch, 'node_modules', 'bias-compare', 'pkg'), join(out, 'pkg'), { recursive: true });
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  /**
   * Opens `path` of the scratch project's folder `root`, served with the strict CSP, waits for
   * the element's report, checks it is `cliReport` and that the engine that made it ran in the
   * element's worker, runs `more(page)`, then checks that nothing failed.
   */
  async function render(root, path, screenshot, cliReport, more) {
    const server = createStaticServer(join(scratch, root));
    const origin = `http://127.0.0.1:${await listen(server, 0)}`;
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const log = await watch(page);
      await page.goto(`${origin}${path}`);
      const outcome = await settled(page, 'bias-compare');
      assert.ok(outcome.ok, outcome.message);
      const shown = await page.evaluate(() => `${JSON.stringify(document.querySelector('bias-compare').report, null, 2)}\n`);
      assert.ok(shown === cliReport, "the element's report is not the CLI's");
      await page.screenshot({ path: artifactPath(`npm-package-${screenshot}.png`) });

      // Until the page calls the engine itself, only the element's worker loaded it.
      const wasm = (names) => names.filter((url) => url.endsWith('.wasm'));
      const mainThread = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      assert.deepEqual(wasm(mainThread), [], 'the main thread fetched the .wasm: the element ran its engine there, not in its worker');
      const workers = page.workers();
      assert.equal(workers.length, 1, 'one worker');
      const workerRequests = await workers[0].evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      assert.equal(wasm(workerRequests).length, 1, `the worker did not fetch the .wasm: ${workerRequests.join(', ')}`);

      await more(page);

      assert.deepEqual(log.failed, [], 'failed requests');
      assert.deepEqual(log.badStatus, [], 'requests answered 4xx/5xx');
      assert.deepEqual(log.errors, [], 'uncaught errors');
      assert.deepEqual(log.console, [], 'console errors or warnings');
      assert.deepEqual(await log.cspViolations(), [], 'CSP violations');
      const foreign = log.requests.filter((url) => !url.startsWith(`${origin}/`));
      assert.deepEqual(foreign, [], 'requests to another origin');
    } finally {
      await context.close();
      server.close();
      server.closeAllConnections();
    }
  }

  /** The page's own call of analyze() from 'bias-compare/engine' gives the CLI's report. */
  async function engineInPage(page) {
    const json = await page.evaluate(() => window.runEngine());
    assert.ok(json === expected, "analyze() in the browser did not give the CLI's report");
  }

  const WHAT = "the element renders the sample with its engine in its worker, analyze() gives the CLI's report, nothing fails";

  test(`Vite: ${WHAT}`, () => render('out-vite', '/', 'vite', expected, engineInPage));

  test(`esbuild: ${WHAT}`, () => render('out-esbuild', '/', 'esbuild', expected, engineInPage));

  test(`the package's files as they are: ${WHAT}`, () => render('.', '/plain/', 'plain', expected, engineInPage));

  test("the README's React component, bundled by Vite with React 19: story and top set as properties, the report handed on, nothing fails", () =>
    render('out-vite', '/react.html', 'react', expectedTop5, async (page) => {
      const element = await page.evaluate(() => {
        const panel = document.querySelector('bias-compare');
        return { storyAttribute: panel.hasAttribute('story'), top: panel.getAttribute('top'), reports: window.readyReports.length };
      });
      assert.deepEqual(element, { storyAttribute: false, top: '5', reports: 1 });
      assert.ok(`${JSON.stringify(await page.evaluate(() => window.readyReports[0]), null, 2)}\n` === expectedTop5, 'onReport was not given the report');
    }));

  test("the project README's React component is the package README's", () => {
    assert.equal(jsxBlock(readFileSync(join(ROOT, 'README.md'), 'utf8')), jsxBlock(readFileSync(join(NPM, 'README.md'), 'utf8')));
  });
});

after(() => {
  process.stdout.write(`# npm package test steps (ms): ${JSON.stringify(timings)}\n`);
});
