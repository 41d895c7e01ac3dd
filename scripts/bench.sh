#!/usr/bin/env bash
# `npm run bench`: builds what is needed, generates the seeded corpus, runs every benchmark
# side by side on this machine (native, WASM in Node, WASM and the widget in headless
# Chromium, the Python/scikit-learn baseline; many stories by the Python package, `batch` and
# Dask, benches/scale.sh), checks the performance targets, and regenerates
# docs/BENCHMARKS.md and docs/benchmarks.svg. Exits non-zero when a target is missed.
#   bash scripts/bench.sh
# For a quick check of the harness (figures not to quote): BENCH_ROUNDS=1 BENCH_RUNS=2
# BENCH_WARMUP_MS=200 BENCH_BUDGET_MS=200 BENCH_NATIVE_BUDGET_MS=200 bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*" >&2; }
# BENCH_OUT=DIR keeps the measurements there (node benches/report.mjs DIR rewrites the docs).
if [ -n "${BENCH_OUT:-}" ]; then out=$BENCH_OUT; rm -rf "$out"; mkdir -p "$out"; else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
corpus=benches/corpus
sizes=(10 100 1000 10000)

load=$(cut -d' ' -f1-3 /proc/loadavg)
step "build: release CLI and bench binary"
cargo build --quiet --release --bin bias-compare -p bias_compare_cli
cargo build --quiet --release -p bias_compare_bench

step "build: WASM package (dist/) when missing or older than the Rust sources"
wasm=dist/pkg/bias_compare_bg.wasm
if [ ! -f "$wasm" ] || [ -n "$(find src crates/wasm Cargo.toml Cargo.lock -newer "$wasm" -type f -print -quit)" ]; then
  node scripts/build.mjs
fi

step "corpus (seeded; benches/gen_corpus.py)"
for n in "${sizes[@]}"; do
  if [ ! -f "$corpus/story-$n.json" ] || [ benches/gen_corpus.py -nt "$corpus/story-$n.json" ]; then
    python3 benches/gen_corpus.py --out "$corpus"
    break
  fi
done
files=()
for n in "${sizes[@]}"; do files+=("$corpus/story-$n.json"); done

step "Python baseline environment (benches/.venv)"
venv=benches/.venv
stamp="$venv/.requirements.sha256"
want=$(sha256sum benches/requirements.txt | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r benches/requirements.txt
  echo "$want" >"$stamp"
fi

# The options that turn every analysis off but framing (benches/framing-only.json), for the
# gate "the new analyses are paid for": the 1 000-article story with the defaults (every
# analysis on) against it, timed in the same rounds. Framing keeps its outlet-level
# permutation test, which is always on.
framing_options=$(tr -d '\n' <benches/framing-only.json)

# Native, WASM in Node and WASM in Chromium take turns, three rounds: on a shared machine a
# slow spell lasts seconds, and each side's best round median is compared with the others'.
rounds=${BENCH_ROUNDS:-3}
budget=${BENCH_NATIVE_BUDGET_MS:-3000}
for round in $(seq "$rounds"); do
  step "round $round of $rounds: native (target/release/bias-compare-bench)"
  if [ "$round" = 1 ]; then native_files=("${files[@]}"); else native_files=("${files[@]:0:3}"); fi
  target/release/bias-compare-bench --min-runs 3 --budget-ms "$budget" "${native_files[@]}" | tee -a "$out/native.jsonl" >&2
  target/release/bias-compare-bench --min-runs 3 --budget-ms "$budget" --options "$framing_options" "${files[2]}" | tee -a "$out/native-framing.jsonl" >&2
  step "round $round of $rounds: WASM in Node (dist/pkg)"
  node benches/wasm-node.mjs time "${files[@]:0:3}" | tee -a "$out/wasm.jsonl" >&2
  step "round $round of $rounds: WASM in headless Chromium, a fresh context per story"
  node benches/browser.mjs --engine "${files[@]:0:3}" | tee -a "$out/chromium.jsonl" >&2
done
echo "$framing_options" >"$out/framing-options.json"
node benches/wasm-node.mjs memory "$corpus/story-10000.json" | tee "$out/wasm-memory.jsonl" >&2
node --expose-gc benches/wasm-node.mjs repeat "$corpus/story-100.json" 200 | tee "$out/wasm-repeat.jsonl" >&2
node benches/wasm-node.mjs boundary "${files[@]:0:3}" | tee "$out/boundary.jsonl" >&2
node -e '
  import("./scripts/build/shipped.mjs").then(({ SHIPPED, sizeOf }) =>
    console.log(JSON.stringify(SHIPPED.map((name) => sizeOf("dist", name)))));
' | tee "$out/size.json" >&2

step "Python baseline (scikit-learn CountVectorizer + numpy)"
"$venv/bin/python" benches/baseline.py --runs 3 "${files[@]:0:3}" | tee "$out/python.jsonl" >&2

step "headless Chromium: the widget's first render of the 100-article story, memory in one page"
node benches/browser.mjs "$corpus/story-100.json" | tee "$out/browser.jsonl" >&2

step "many stories: Python loop, batch with 1 and 2 threads, Dask with 1 and 2 workers (benches/scale.sh, 3 rounds)"
ROUNDS=3 bash benches/scale.sh --jsonl "$out/scale.jsonl" >&2

step "machine"
{
  printf '{"cpu":%s,' "$(lscpu | sed -n 's/^Model name: *//p' | head -1 | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))')"
  printf '"cores":%s,' "$(nproc)"
  printf '"memory_gb":%s,' "$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
  printf '"os":%s,' "$(uname -sr | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))')"
  printf '"rustc":"%s",' "$(rustc --version)"
  printf '"node":"%s",' "$(node --version)"
  printf '"chromium":"%s",' "$(/usr/bin/chromium --version 2>/dev/null | head -1)"
  printf '"python":"%s",' "$("$venv/bin/python" --version)"
  printf '"sklearn":"%s",' "$("$venv/bin/python" -c 'import sklearn, numpy; print("scikit-learn", sklearn.__version__, "numpy", numpy.__version__)')"
  printf '"load":"%s",' "$load"
  printf '"date":"%s"}\n' "$(date -u +%Y-%m-%d)"
} >"$out/machine.json"
cat "$out/machine.json" >&2

step "report: docs/BENCHMARKS.md, docs/benchmarks.svg, targets"
node benches/report.mjs "$out"
