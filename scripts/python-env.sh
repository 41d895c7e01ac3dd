#!/usr/bin/env bash
# The Python environment of tests/python and of the Dask example (docs/PYTHON.md): a venv in
# target/python/venv with tests/python/requirements.txt (maturin, mypy, dask, distributed),
# and the bias-compare wheel built from this checkout by pip through pyproject.toml (maturin,
# the same build `pip install .` runs) and installed in it. Each step is skipped when its
# inputs are unchanged (hashes kept in target/python/), so a second run takes a second.
#   bash scripts/python-env.sh      then   target/python/venv/bin/python …
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'python-env: %s\n' "$*"; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}

dir=target/python
venv=$dir/venv
python=${PYTHON:-python3}
mkdir -p "$dir"

# 1. Python 3.10 or later, with venv (Debian packages it apart, as python3-venv).
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  say "$python is older than 3.10 (set PYTHON to a newer one)"; exit 1
fi
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
  say "installing Debian's python3-venv"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv >/dev/null
fi

# 2. The venv, remade when the requirements or the interpreter change.
want=$({ "$python" -c 'import sys; print(sys.executable, sys.version)'
         cat tests/python/requirements.txt examples/dask/requirements.txt; } | sha256sum | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$dir/venv.sha256" 2>/dev/null)" != "$want" ]; then
  say "creating $venv (tests/python/requirements.txt)"
  rm -rf "$venv" "$dir/wheel.sha256"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/python/requirements.txt
  echo "$want" >"$dir/venv.sha256"
fi

# 3. The wheel, rebuilt and reinstalled when a file it is built from changes.
inputs=(Cargo.toml Cargo.lock pyproject.toml LICENSE)
while IFS= read -r -d '' file; do inputs+=("$file"); done \
  < <(find src crates/python -type f -not -path '*/__pycache__/*' -print0 | sort -z)
want=$(sha256sum "${inputs[@]}" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$dir/wheel.sha256" 2>/dev/null)" != "$want" ]; then
  say "building the wheel (pip wheel . → maturin, release)"
  rm -rf "$dir/wheels"
  # maturin's build hook runs the `maturin` command: the venv's, found first on PATH.
  PATH="$PWD/$venv/bin:$PATH" "$venv/bin/pip" wheel . --quiet --disable-pip-version-check --no-deps --no-build-isolation \
    --wheel-dir "$dir/wheels"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall "$dir"/wheels/*.whl
  echo "$want" >"$dir/wheel.sha256"
fi
