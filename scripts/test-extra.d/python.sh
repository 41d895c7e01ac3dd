#!/usr/bin/env bash
# Part of `npm test` (scripts/test.sh runs every scripts/test-extra.d/*.sh): the Python package
# and the Dask example (tests/python), against the release CLI that scripts/test.sh builds
# before the extras. The venv and the wheel are cached by scripts/python-env.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/python-env.sh
cd tests/python
exec ../../target/python/venv/bin/python -m unittest discover --start-directory . --pattern 'test_*.py'
