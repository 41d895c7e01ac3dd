#!/usr/bin/env bash
# Part of `npm test`: the library and the CLI can be packaged for crates.io (metadata, the
# files each package holds, every path dependency with a version), and each package builds
# from its own tarball (cargo's verification, in target/package: a minute or two the first
# time, seconds once its build is cached).
set -euo pipefail
cd "$(dirname "$0")/../.."
# Verifying the CLI's package builds it against the library's, which cargo extracts into its
# registry cache and reuses while the version stays the same: a copy left by an earlier tree
# (another checkout, an earlier commit) would be built instead of this one's. Only this
# project's unpublished crate is removed; cargo extracts it again.
rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/bias_compare-[0-9]*
cargo package --quiet --allow-dirty -p bias_compare -p bias_compare_cli
for crate in bias_compare bias_compare_cli; do
  printf '%s: %s files\n' "$crate" "$(cargo package --quiet --allow-dirty --list -p "$crate" | wc -l)"
done
