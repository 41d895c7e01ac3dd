#!/usr/bin/env bash
# `npm start`: installs what is missing, builds, prints the analysis of the embedded sample,
# then serves the demo page on localhost (PORT overrides the port).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build --release --bin bias-compare
node scripts/build.mjs
./target/release/bias-compare analyze www/samples/drone-raid.json --format text
exec node scripts/serve.mjs
