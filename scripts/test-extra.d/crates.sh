#!/usr/bin/env bash
# Part of `npm test`: the library and the CLI can be packaged for crates.io (metadata, the
# files each package holds, every path dependency with a version). Not verified by a build
# here (`cargo build` and the tests already build both); for the full check, building each
# package from its own tarball: cargo package --allow-dirty -p bias_compare -p bias_compare_cli
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo package --quiet --allow-dirty --no-verify -p bias_compare -p bias_compare_cli
for crate in bias_compare bias_compare_cli; do
  printf '%s: %s files\n' "$crate" "$(cargo package --quiet --allow-dirty --list -p "$crate" | wc -l)"
done
