// WASM and native agree byte for byte (docs/METHOD.md §11 "Determinism and numbers"; docs/WIDGET.md, "The engine
// without the element").
//
// For every sample story, `JSON.stringify(analyze(story), null, 2) + "\n"` from the WASM package
// in dist/pkg must be exactly the stdout of `bias-compare analyze FILE --format json`; the same
// with options; the story as JSON text or as an object; in any article order. Bad input throws
// an Error whose message is the CLI's stderr line without `error: `.
//
// Needs: `node scripts/build.mjs` (dist/pkg) and `cargo build --release` (target/release/bias-compare).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = join(ROOT, 'dist', 'pkg');
const CLI = join(ROOT, 'target', 'release', process.platform === 'win32' ? 'bias-compare.exe' : 'bias-compare');
const SAMPLES = join(ROOT, 'www', 'samples');

for (const [path, hint] of [
  [join(PKG, 'bias_compare.js'), 'node scripts/build.mjs'],
  [join(PKG, 'bias_compare_bg.wasm'), 'node scripts/build.mjs'],
  [CLI, 'cargo build --release --bin bias-compare'],
]) {
  if (!existsSync(path)) throw new Error(`${path} is missing; build it first: ${hint}`);
}

const engine = await import(pathToFileURL(join(PKG, 'bias_compare.js')).href);
engine.initSync({ module: readFileSync(join(PKG, 'bias_compare_bg.wasm')) });
// The lexicons of the language section, as the widget's worker hands them over.
engine.setLexicons(readFileSync(join(PKG, '..', 'bias-compare-lexicons.txt'), 'utf8'));
const { analyze } = engine;

const sampleFiles = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.json') && name !== 'index.json')
  .sort();

let scratch;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'bias-compare-wasm-native-'));
});
after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs the CLI; returns { status, stdout (Buffer), stderr (string) }. */
function cli(args, input) {
  const result = spawnSync(CLI, args, { input, maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

function cliReport(file, flags = []) {
  const out = cli(['analyze', file, '--format', 'json', ...flags]);
  assert.equal(out.status, 0, `CLI exited ${out.status} on ${file}: ${out.stderr}`);
  assert.equal(out.stderr, '', `CLI wrote to stderr on ${file}`);
  return out.stdout;
}

/** The CLI's one-line error message, without `error: `; asserts exit 2 and an empty stdout. */
function cliError(file, flags = []) {
  const out = cli(['analyze', file, '--format', 'json', ...flags]);
  assert.equal(out.status, 2, `CLI should exit 2 on ${file}; stderr: ${out.stderr}`);
  assert.equal(out.stdout.length, 0, 'CLI printed a (partial) report on bad input');
  assert.match(out.stderr, /^error: [^\n]+\n$/, `CLI stderr is not one "error: " line: ${JSON.stringify(out.stderr)}`);
  return out.stderr.slice('error: '.length, -1);
}

function wasmJson(story, options) {
  const report = options === undefined ? analyze(story) : analyze(story, options);
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Byte equality with a readable failure: the first differing line of each. */
function assertSameBytes(actual, expected, what) {
  const a = Buffer.isBuffer(actual) ? actual : Buffer.from(actual, 'utf8');
  const e = Buffer.isBuffer(expected) ? expected : Buffer.from(expected, 'utf8');
  if (a.equals(e)) return;
  const aLines = a.toString('utf8').split('\n');
  const eLines = e.toString('utf8').split('\n');
  let i = 0;
  while (i < aLines.length && i < eLines.length && aLines[i] === eLines[i]) i += 1;
  assert.fail(
    `${what}: bytes differ (${a.length} vs ${e.length} bytes), first at line ${i + 1}:\n` +
      `  got:      ${JSON.stringify(aLines[i])}\n  expected: ${JSON.stringify(eLines[i])}`,
  );
}

/** Throws unless `fn` throws an Error; returns its message. */
function thrownMessage(fn) {
  let thrown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown !== undefined, 'analyze() returned a report for bad input');
  assert.ok(thrown instanceof Error, `analyze() threw a ${typeof thrown}, not an Error: ${String(thrown)}`);
  return thrown.message;
}

/** Deterministic Fisher–Yates with a small LCG. */
function shuffled(items, seed) {
  const out = items.slice();
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function writeScratch(name, contents) {
  const path = join(scratch, name);
  writeFileSync(path, contents);
  return path;
}

test('there are sample stories to compare', () => {
  assert.ok(sampleFiles.length > 0, `no .json story in ${SAMPLES}`);
});

describe('every sample: WASM report equals the CLI --format json output byte for byte', () => {
  for (const name of sampleFiles) {
    const file = join(SAMPLES, name);
    const text = readFileSync(file, 'utf8');

    test(`${name}: default options`, () => {
      assertSameBytes(wasmJson(JSON.parse(text)), cliReport(file), name);
    });

    test(`${name}: {maxNgram: 2, top: 5} equals --max-ngram 2 --top 5`, () => {
      const expected = cliReport(file, ['--max-ngram', '2', '--top', '5']);
      const got = wasmJson(JSON.parse(text), { maxNgram: 2, top: 5 });
      assertSameBytes(got, expected, `${name} with options`);
      const report = JSON.parse(got);
      assert.equal(report.params.max_ngram, 2);
      assert.equal(report.params.top_k, 5);
      for (const side of ['left', 'center', 'right']) {
        assert.ok(report.framing[side].terms.length <= 5, `${side} lists more than 5 terms`);
        for (const term of report.framing[side].terms) {
          assert.ok(term.term.split(' ').length <= 2, `${side} lists a ${term.term.split(' ').length}-gram with maxNgram 2: ${term.term}`);
        }
      }
    });

    test(`${name}: {priorScale: 50, zMin: 1, minCount: 2, maxNgram: 1} equals the same CLI flags`, () => {
      const expected = cliReport(file, ['--prior-scale', '50', '--z-min', '1', '--min-count', '2', '--max-ngram', '1']);
      assertSameBytes(wasmJson(JSON.parse(text), { priorScale: 50, zMin: 1, minCount: 2, maxNgram: 1 }), expected, `${name} with options`);
    });

    test(`${name}: the story as JSON text gives the same report as the object`, () => {
      assertSameBytes(wasmJson(text), wasmJson(JSON.parse(text)), `${name} as text`);
      assertSameBytes(wasmJson(text, {}), wasmJson(JSON.parse(text)), `${name} as text, empty options`);
      assertSameBytes(wasmJson(text, undefined), wasmJson(JSON.parse(text)), `${name} as text, undefined options`);
    });

    test(`${name}: shuffled and reversed article order gives the identical report`, () => {
      const story = JSON.parse(text);
      const expected = wasmJson(story);
      const orders = [
        story.articles.slice().reverse(),
        ...[1, 2, 3, 42, 2025].map((seed) => shuffled(story.articles, seed)),
      ];
      for (const [index, articles] of orders.entries()) {
        assertSameBytes(wasmJson({ ...story, articles }), expected, `${name}, order #${index}`);
      }
      // And natively: the CLI on a shuffled file prints the same bytes as WASM on the original.
      const path = writeScratch(`shuffled-${name}`, JSON.stringify({ ...story, articles: orders[3] }));
      assertSameBytes(cliReport(path), expected, `${name}, CLI on shuffled file`);
    });

    test(`${name}: repeated calls give identical bytes (no state carried between calls)`, () => {
      const first = wasmJson(JSON.parse(text));
      assertSameBytes(wasmJson(JSON.parse(text), { maxNgram: 1 }), cliReport(file, ['--max-ngram', '1']), `${name} maxNgram 1`);
      assertSameBytes(wasmJson(JSON.parse(text)), first, `${name} second call`);
    });
  }
});

const VALID_ARTICLE = { id: 'a1', source: 'Example Daily', leaning: 'left', headline: 'A headline', text: 'Some text here.' };

const BAD_STORIES = [
  {
    name: 'unknown leaning',
    text: JSON.stringify({ articles: [VALID_ARTICLE, { ...VALID_ARTICLE, id: 'a2', leaning: 'leftish' }] }),
    mentions: ['articles[1].leaning', 'leftish'],
  },
  {
    name: 'duplicate id',
    text: JSON.stringify({ articles: [VALID_ARTICLE, { ...VALID_ARTICLE, source: 'Other' }] }),
    mentions: ['articles[1].id', 'a1'],
  },
  { name: 'not JSON', text: 'this is not JSON', mentions: ['not valid JSON'] },
  { name: 'empty articles', text: JSON.stringify({ title: 'x', articles: [] }), mentions: ['articles'] },
  { name: 'missing articles', text: JSON.stringify({ title: 'x' }), mentions: ['articles'] },
  { name: 'article without id', text: JSON.stringify({ articles: [{ source: 'S', text: '' }] }), mentions: ['articles[0]', 'id'] },
  { name: 'article without text', text: JSON.stringify({ articles: [{ id: 'a', source: 'S' }] }), mentions: ['articles[0]', 'text'] },
  { name: 'story is an array', text: '[]', mentions: [] },
  { name: 'ratings with an unknown leaning', text: JSON.stringify({ articles: [VALID_ARTICLE], ratings: { X: 'moderate' } }), mentions: ['ratings', 'moderate'] },
  { name: 'source name over 300 characters', text: JSON.stringify({ articles: [{ ...VALID_ARTICLE, source: 'S'.repeat(301) }] }), mentions: ['articles[0].source'] },
];

describe('bad input: WASM throws an Error whose message is the CLI stderr line minus "error: "', () => {
  for (const bad of BAD_STORIES) {
    test(`${bad.name}`, () => {
      const path = writeScratch(`bad-${bad.name.replace(/\W+/g, '-')}.json`, bad.text);
      const expected = cliError(path);
      for (const mention of bad.mentions) assert.ok(expected.includes(mention), `CLI message ${JSON.stringify(expected)} does not name ${mention}`);
      assert.equal(thrownMessage(() => analyze(bad.text)), expected, 'story as text');
      let parsed;
      try {
        parsed = JSON.parse(bad.text);
      } catch {
        return; // not JSON: only the text form exists
      }
      assert.equal(thrownMessage(() => analyze(parsed)), expected, 'story as object');
    });
  }

  test('the engine still works after an error', () => {
    thrownMessage(() => analyze('{'));
    const file = join(SAMPLES, sampleFiles[0]);
    assertSameBytes(wasmJson(readFileSync(file, 'utf8')), cliReport(file), 'after an error');
  });
});

describe('bad options: the same check and message as the CLI flag', () => {
  const FLAG = { maxNgram: '--max-ngram', priorScale: '--prior-scale', zMin: '--z-min', minCount: '--min-count', top: '--top', maxP: '--max-p' };
  const CASES = [
    ['maxNgram', 0],
    ['maxNgram', 6],
    ['top', 0],
    ['minCount', 0],
    ['priorScale', 0],
    ['maxP', 0],
    ['maxP', 1.5],
    ['maxP', -0.05],
    // JSON cannot carry these: they must still be refused, not read as "keep the default".
    ['priorScale', NaN],
    ['maxP', Infinity],
  ];
  for (const [key, value] of CASES) {
    test(`${key}: ${value} fails like ${FLAG[key]} ${value}`, () => {
      const file = join(SAMPLES, sampleFiles[0]);
      const expected = cliError(file, [FLAG[key], String(value)]);
      assert.ok(expected.startsWith(`${FLAG[key]}: `), `CLI message does not start with the flag: ${expected}`);
      const message = thrownMessage(() => analyze(readFileSync(file, 'utf8'), { [key]: value }));
      assert.equal(message, `options.${key}: ${expected.slice(FLAG[key].length + 2)}`);
    });
  }

  test('an unknown option is an error, not ignored', () => {
    const file = join(SAMPLES, sampleFiles[0]);
    const message = thrownMessage(() => analyze(readFileSync(file, 'utf8'), { maxNGram: 2 }));
    assert.match(message, /^options\.maxNGram: /);
  });
});

describe('the language section (docs/REPORT.md, "language"): the lexicons handed over, or not', () => {
  const file = join(SAMPLES, sampleFiles[0]);
  const text = readFileSync(file, 'utf8');

  test('language: false gives what --no-language gives: language null, params.language false', () => {
    const got = wasmJson(JSON.parse(text), { language: false });
    assertSameBytes(got, cliReport(file, ['--no-language']), 'language: false');
    const report = JSON.parse(got);
    assert.equal(report.language, null);
    assert.equal(report.params.language, false);
  });

  test('an engine without lexicons reports language null and says why in a warning', async () => {
    const fresh = await import(`${pathToFileURL(join(PKG, 'bias_compare.js')).href}?without-lexicons`);
    fresh.initSync({ module: readFileSync(join(PKG, 'bias_compare_bg.wasm')) });
    const report = fresh.analyze(JSON.parse(text));
    assert.equal(report.language, null);
    assert.equal(report.params.language, true);
    assert.ok(
      report.warnings.includes('The language section (charged words, hedging, tone) was not computed: the lexicons were not loaded.'),
      JSON.stringify(report.warnings),
    );
    // Everything else is the report of an engine with lexicons, but for the bullets' language.
    const full = JSON.parse(wasmJson(JSON.parse(text)));
    assert.deepEqual(report.framing, full.framing);
    assert.deepEqual(report.coverage, full.coverage);
    // And once handed the lexicons, the same engine gives the CLI's bytes.
    fresh.setLexicons(readFileSync(join(PKG, '..', 'bias-compare-lexicons.txt'), 'utf8'));
    assertSameBytes(`${JSON.stringify(fresh.analyze(JSON.parse(text)), null, 2)}\n`, cliReport(file), 'after setLexicons');
  });

  test('lexicons that are not the file are refused with the line at fault, and those in use stay', () => {
    const lexicons = readFileSync(join(PKG, '..', 'bias-compare-lexicons.txt'), 'utf8');
    assert.equal(thrownMessage(() => engine.setLexicons('not the lexicons')), 'lexicons: line 1 is not in the form of bias-compare-lexicons.txt');
    const broken = lexicons.replace('\n#c violence|', '\n?c violence|');
    assert.match(thrownMessage(() => engine.setLexicons(broken)), /^lexicons: line \d+ is not in the form of bias-compare-lexicons\.txt$/);
    assertSameBytes(wasmJson(JSON.parse(text)), cliReport(file), 'after refused lexicons');
  });

  test('language must be true or false', () => {
    assert.equal(thrownMessage(() => analyze(text, { language: 'no' })), 'options.language: expected true or false, found a string');
  });
});

describe('sections switched off (docs/REPORT.md, "params"): every sample, the CLI flags\' bytes', () => {
  const SWITCHES = [
    [{ emphasis: false }, ['--no-emphasis'], ['emphasis']],
    [{ keyPoints: false }, ['--no-key-points'], ['key_points', 'common_ground']],
    [{ language: false, emphasis: false, keyPoints: false }, ['--no-language', '--no-emphasis', '--no-key-points'], ['language', 'emphasis', 'key_points', 'common_ground']],
  ];
  for (const name of sampleFiles) {
    const file = join(SAMPLES, name);
    const text = readFileSync(file, 'utf8');
    for (const [options, flags, sections] of SWITCHES) {
      test(`${name}: ${JSON.stringify(options)} equals ${flags.join(' ')}, with ${sections.join(', ')} null`, () => {
        const got = wasmJson(JSON.parse(text), options);
        assertSameBytes(got, cliReport(file, flags), `${name} with ${JSON.stringify(options)}`);
        const report = JSON.parse(got);
        for (const section of sections) assert.equal(report[section], null, section);
        assert.deepEqual([report.params.language, report.params.emphasis, report.params.key_points], [options.language ?? true, options.emphasis ?? true, options.keyPoints ?? true]);
      });
    }
  }

  test('emphasis and keyPoints must be true or false', () => {
    const text = readFileSync(join(SAMPLES, sampleFiles[0]), 'utf8');
    assert.equal(thrownMessage(() => analyze(text, { emphasis: 'no' })), 'options.emphasis: expected true or false, found a string');
    assert.equal(thrownMessage(() => analyze(text, { keyPoints: 0 })), 'options.keyPoints: expected true or false, found a number');
    assert.equal(thrownMessage(() => analyze(text, { keyPoints: NaN })), 'options.keyPoints: expected true or false, found a number');
  });
});
