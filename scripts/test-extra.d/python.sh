#!/usr/bin/env bash
# Part of `npm test` (scripts/test.sh runs every scripts/test-extra.d/*.sh): the Python package
# and the Dask example (tests/python), against the release CLI (built by scripts/test.sh before
# the extras; built here too when this runs alone). The venv and the wheel are cached by
# scripts/python-env.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet --release --bin bias-compare
bash scripts/python-env.sh
cd tests/python
exec ../../target/python/venv/bin/python -m unittest discover --start-directory . --pattern 'test_*.py'
