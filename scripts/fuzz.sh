#!/usr/bin/env bash
# Fuzzes the story parser, the text pipeline and the analysis with cargo-fuzz (libFuzzer,
# nightly Rust). Installs cargo-fuzz when it is missing; seeds the story corpus from the
# bad-input catalogue; stops at the first crash, timeout or out-of-memory, leaving the
# input in fuzz/artifacts/<target>/ (replay: cargo +nightly fuzz run <target> <file>).
#
#   scripts/fuzz.sh                      every target, FUZZ_SECONDS each (default 10)
#   FUZZ_SECONDS=600 scripts/fuzz.sh     a longer run
#   scripts/fuzz.sh story_json           one target
#
# Corpora grow in fuzz/corpus/<target>/ (not committed), so each run starts where the last
# one stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-10}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(story_json text_pipeline analyze_story)
say() { printf 'fuzz: %s\n' "$*"; }

# cargo-fuzz needs nightly's -Z flags. Machines of this kind ship a nightly toolchain; where
# one is missing, the stable compiler accepts the same flags under RUSTC_BOOTSTRAP=1 (checked:
# the targets build and run that way too).
if cargo +nightly --version >/dev/null 2>&1; then
  toolchain=+nightly
else
  say "no nightly toolchain; using stable with RUSTC_BOOTSTRAP=1"
  toolchain=+stable
  export RUSTC_BOOTSTRAP=1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (once; a minute or two)"
  cargo install cargo-fuzz
fi

# Seeds: every catalogue story small enough to be a useful starting point.
for target in story_json text_pipeline; do
  corpus=fuzz/corpus/$target
  if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    find tests/catalogue tests/data www/samples -maxdepth 1 -name '*.json' -size -64k \
      ! -name cases.json -exec cp {} "$corpus"/ \; 2>/dev/null || true
  fi
done

say "building the targets ($toolchain, address sanitizer)"
log=$(mktemp)
if ! cargo "$toolchain" fuzz build >"$log" 2>&1; then
  cat "$log"
  exit 1
fi
rm -f "$log"

status=0
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  extra=()
  [ "$target" = story_json ] && extra=(-dict=fuzz/story.dict)
  log=$(mktemp)
  # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: a leak or a blow-up.
  if cargo "$toolchain" fuzz run "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-8192}" \
      -print_final_stats=1 "${extra[@]}" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    say "$target: ${runs:-?} runs in ${seconds}s, no crash"
  else
    status=1
    say "$target: FAILED; the end of libFuzzer's log:"
    tail -40 "$log"
    ls -1 "fuzz/artifacts/$target" 2>/dev/null | sed 's/^/  artifact: /'
  fi
  rm -f "$log"
done
exit $status
