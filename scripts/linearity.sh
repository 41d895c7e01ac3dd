#!/usr/bin/env bash
# Prints how analysis time per unit of input changes as each input dimension grows 1×, 2×,
# 4×, 8× (benches/src/linearity.rs, release build). Flat rows are linear; a quadratic path would
# double at each step. The figures in docs/LIMITS.md come from this script.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --release -p bias_compare_bench --bin bias-compare-linearity 2>/dev/null
