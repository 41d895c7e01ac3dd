#!/usr/bin/env bash
# `npm test`: installs what is missing, then runs every check. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh --browser

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (native, all targets; wasm crate for wasm32, the widget's and the classroom's)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p bias_compare_wasm --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p bias_compare_wasm --target wasm32-unknown-unknown --features explain -- -D warnings

step "cargo test"
cargo test --workspace

step "build (release CLI, WASM package, widget, demo, standalone page)"
cargo build --release --bin bias-compare
node scripts/build.mjs

for extra in scripts/test-extra.d/*.sh; do
  [ -e "$extra" ] || continue
  step "$extra"
  bash "$extra"
done

step "node and browser tests"
node --test --test-concurrency=1 tests/node/ tests/browser/
