#!/usr/bin/env bash
# Prints how analysis time per unit of input changes as each input dimension grows 1×, 2×,
# 4×, 8× (tests/linearity.rs, release build). Flat rows are linear; a quadratic path would
# double at each step. The figures in docs/LIMITS.md come from this script.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --test linearity -- --ignored --nocapture 2>/dev/null | sed -n '/^| dimension/,$p'
