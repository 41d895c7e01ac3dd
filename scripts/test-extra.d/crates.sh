#!/usr/bin/env bash
# Part of `npm test`: the library and the CLI can be packaged for crates.io (metadata, the
# files each package holds, every path dependency with a version), and each package builds
# from its own tarball (cargo's verification, in target/package: a minute or two the first
# time, seconds once its build is cached).
set -euo pipefail
cd "$(dirname "$0")/../.."
# Verifying the CLI's package builds it against the library's package, which cargo extracts
# into its registry cache and, like any registry crate, compiles once per version: while the
# version stays the same, a copy or a build left by an earlier tree (another checkout, an
# earlier commit) would be verified instead of this one's. So the verification builds in a
# target directory of its own, from which this project's unpublished library is removed
# first (its dependencies stay cached), and the extracted copies are removed too.
# The extracted copies are in a cache every checkout on the machine shares: one packaging at a
# time (a lock held until this script exits).
cargo_home=${CARGO_HOME:-$HOME/.cargo}
mkdir -p "$cargo_home"
exec 9>"$cargo_home/.bias-compare-package.lock"
flock 9
verify=target/crates-verify
rm -rf "$verify"/debug/.fingerprint/bias_compare-[0-9a-f]* "$verify"/debug/deps/libbias_compare-[0-9a-f]* \
  "$verify"/debug/deps/bias_compare-[0-9a-f]* "$cargo_home"/registry/src/*/bias_compare-[0-9]*
cargo package --quiet --allow-dirty --target-dir "$verify" -p bias_compare -p bias_compare_cli
for crate in bias_compare bias_compare_cli; do
  printf '%s: %s files\n' "$crate" "$(cargo package --quiet --allow-dirty --list -p "$crate" | wc -l)"
done
