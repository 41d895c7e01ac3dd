#!/usr/bin/env bash
# Part of `npm test` (scripts/test.sh runs every scripts/test-extra.d/*.sh): a short fuzzing
# run of every cargo-fuzz target, 15 s each unless FUZZ_SECONDS says otherwise. For a long
# run: FUZZ_SECONDS=600 bash scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_SECONDS=${FUZZ_SECONDS:-15} exec bash scripts/fuzz.sh
