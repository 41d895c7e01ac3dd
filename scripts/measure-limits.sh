#!/usr/bin/env bash
# Measures the analysis at and below the input limits, natively (release CLI: wall time and
# peak memory) and in WASM under Node (the wasm-release build the widget ships: wall time and
# the size the module's memory grew to). The figures in docs/LIMITS.md come from this script.
#   bash scripts/measure-limits.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --quiet --release -p bias_compare_cli
# The module exactly as the widget ships it (scripts/build/wasm.mjs), with Node's glue.
node scripts/build.mjs >/dev/null
wasm-bindgen --target nodejs --out-dir "$work/pkg" \
  target/wasm-module/wasm32-unknown-unknown/wasm-release/bias_compare_wasm.wasm
# A way to read the module's memory size (this copy of the glue only).
echo 'exports.memoryBytes = () => wasm.memory.buffer.byteLength;' >>"$work/pkg/bias_compare_wasm.js"

# Stories: news-like text from a 20 000-word vocabulary with Zipfian ranks (as in
# benches/src/linearity.rs), at sizes from a real story to the limits.
node - "$work" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
let seed = 7n;
const rand = () => { seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn; return Number(seed >> 11n) / 2 ** 53; };
const common = ['the', 'of', 'and', 'to', 'a', 'in', 'that', 'said', 'on', 'for', 'it', 'with', 'was', 'as', 'talks', 'raid', 'officials', 'strike', 'daring', 'bombers', 'Monday', 'out', 'up', 'over'];
const word = () => { const r = Math.max(0, Math.floor(20000 ** rand()) - 1); if (r < common.length) return common[r]; let w = ''; for (let n = r; n > 0; n = Math.floor(n / 26)) w += String.fromCharCode(97 + n % 26); return w; };
const text = (bytes) => { let t = ''; while (t.length < bytes) { const n = 8 + Math.floor(rand() * 23); const s = Array.from({ length: n }, word).join(' '); t += s[0].toUpperCase() + s.slice(1) + '. '; } return t; };
const sides = ['left', 'center', 'right'];
const story = (n, bytes) => JSON.stringify({ articles: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, source: `Outlet ${i % 60}`, leaning: sides[i % 3], headline: text(60), text: text(bytes) })) });
const cases = [
  ['30 articles × 5 kB (a large real story)', story(30, 5000)],
  ['100 articles × 10 kB', story(100, 10000)],
  ['100 articles × 40 kB', story(100, 40000)],
  ['100 articles × 80 kB', story(100, 83000)],
  ['100 articles × 290 kB (just under the 28 MiB of text)', story(100, 290000)],
  ['100 000 articles × 40 bytes', story(100000, 20)],
];
fs.writeFileSync(`${dir}/cases.json`, JSON.stringify(cases.map(([name], i) => ({ name, file: `${dir}/story${i}.json` }))));
cases.forEach(([, json], i) => fs.writeFileSync(`${dir}/story${i}.json`, json));
JS

printf '| story | JSON | native time | native peak memory | WASM time | WASM memory |\n|---|---|---|---|---|---|\n'
node -e '
const cases = require(process.argv[1] + "/cases.json");
for (const c of cases) console.log(c.file + "\t" + c.name);
' "$work" | while IFS=$'\t' read -r file name; do
  size=$(du -m "$file" | cut -f1)
  native=$( { /usr/bin/time -f '%e s|%M' target/release/bias-compare analyze "$file" >/dev/null; } 2>&1 | tail -1)
  wasm=$(node -e '
    const fs = require("fs");
    const w = require(process.argv[1] + "/pkg/bias_compare_wasm.js");
    const text = fs.readFileSync(process.argv[2], "utf8");
    const start = process.hrtime.bigint();
    w.analyze(text);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log((ms / 1000).toFixed(2) + " s|" + Math.round(w.memoryBytes() / 2 ** 20) + " MB");
  ' "$work" "$file")
  printf '| %s | %s MB | %s | %s MB | %s | %s |\n' "$name" "$size" "${native%%|*}" \
    "$(( ${native##*|} / 1024 ))" "${wasm%%|*}" "${wasm##*|}"
done
