#!/usr/bin/env bash
# Installs what the project needs and is missing; quick when everything is present.
#   scripts/setup.sh            Rust wasm target, wasm-bindgen CLI, npm packages
#   scripts/setup.sh --browser  the same, plus Debian's chromium for the browser tests and
#                               poppler-utils (pdftoppm, pdftotext, pdfinfo) for the print test
# Every step checks first, so running it again costs a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}

# 1. The WebAssembly target.
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The standard library's sources, to build it into the WASM module (scripts/build/wasm.mjs).
if command -v rustup >/dev/null && ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "adding the rust-src component"
  rustup component add rust-src || say "could not add rust-src: the WASM module will be built with the prebuilt standard library (larger)"
fi

# 2. wasm-bindgen CLI at exactly the version Cargo.lock pins (the CLI and the crate must match).
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ -z "$want" ]; then
  say "Cargo.lock names no wasm-bindgen version"; exit 1
fi
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found '${have:-none}'); this builds for a few minutes"
  # Not --locked: the registry here lacks one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# 3. npm packages, exactly as package-lock.json records them.
stamp=node_modules/.package-lock.sha256
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi

# 4. Chromium for the browser tests (Debian's package; Playwright's own download is unreachable),
#    and poppler-utils, which the print test renders Chromium's PDF with.
if [ "${1:-}" = "--browser" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
  command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || missing+=(poppler-utils)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
exit 0
