#!/usr/bin/env bash
# Throughput of many stories on this machine (docs/SCALE.md): the same JSON Lines corpus scored
# serially (the Python package in a loop; the CLI's `analyze` once per story), by
# `bias-compare batch` with 1 and 2 threads, and by the Dask example with 1 and 2 worker
# processes; then 10 000 stories by `batch --jobs 2` (its peak memory against 1 000 stories)
# and by Dask with 2 workers. Each run is timed by /usr/bin/time (wall clock, CPU seconds of
# the process and its children, peak RSS). The configurations take turns for ROUNDS rounds
# (default 5), so that a busy spell on a shared machine falls on all of them alike, and the
# fastest run of each is kept. Every Dask output is compared with batch's, byte for byte.
# The Markdown table of the fastest runs goes to stdout; with --jsonl FILE, the same rows as
# JSON Lines to FILE too, for benches/report.mjs (`npm run bench` runs this with ROUNDS=3).
#   bash benches/scale.sh [--jsonl FILE]   (generates benches/corpus/stories-*.jsonl when missing)
set -euo pipefail
jsonl=
if [ "${1:-}" = --jsonl ]; then jsonl=$(realpath -m "$2"); fi
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-5}
corpus=benches/corpus/stories-1000x20.jsonl
big=benches/corpus/stories-10000x20.jsonl
cli=target/release/bias-compare
python=target/python/venv/bin/python
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
say() { printf '%s\n' "$*" >&2; }

cargo build --quiet --release --bin bias-compare
bash scripts/python-env.sh >&2
[ -f "$corpus" ] || python3 benches/gen_corpus.py --stories 1000 --out benches/corpus >&2
[ -f "$big" ] || python3 benches/gen_corpus.py --stories 10000 --out benches/corpus >&2
stories=$(wc -l <"$corpus")
big_stories=$(wc -l <"$big")
serial_cli_stories=100
head -n "$serial_cli_stories" "$corpus" >"$out/head.jsonl"

cat >"$out/serial.py" <<'PY'
import sys
import bias_compare
with open(sys.argv[1], "rb") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        try:
            out.write(bias_compare.analyze_json(line.rstrip(b"\n")) + "\n")
        except bias_compare.InputError as error:
            out.write(f"error {error}\n")
PY
cat >"$out/cli-loop.sh" <<'SH'
while IFS= read -r line; do printf '%s' "$line" | "$1" analyze - >/dev/null; done <"$2"
SH

# `measure NAME STORIES CMD…`: runs CMD once; appends "NAME stories wall cpu rss_kib".
measure() {
  local name=$1 n=$2
  shift 2
  /usr/bin/time -o "$out/time" -f '%e %U %S %M' "$@" >"$out/stdout" 2>"$out/stderr" || {
    cat "$out/stderr" >&2; exit 1; }
  read -r wall user sys rss <"$out/time"
  echo "$name $n $wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $rss" | tee -a "$out/runs" >&2
}

load_before=$(cut -d' ' -f1 /proc/loadavg)
say "corpus: $corpus ($stories stories, $(du -h "$corpus" | cut -f1)); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  say "round $round of $rounds (load $(cut -d' ' -f1 /proc/loadavg))"
  measure python-loop "$stories" "$python" "$out/serial.py" "$corpus" "$out/serial.jsonl"
  measure cli-analyze-loop "$serial_cli_stories" bash "$out/cli-loop.sh" "$cli" "$out/head.jsonl"
  for jobs in 1 2; do
    measure "batch-jobs-$jobs" "$stories" "$cli" batch "$corpus" --jobs "$jobs"
    cp "$out/stdout" "$out/batch.jsonl"
  done
  for workers in 1 2; do
    measure "dask-workers-$workers" "$stories" "$python" examples/dask/score.py "$corpus" \
      "$out/dask.jsonl" --workers "$workers" --blocksize 4MiB
    cmp "$out/dask.jsonl" "$out/batch.jsonl" || { say "Dask output differs from batch"; exit 1; }
  done
  measure batch-jobs-2-big "$big_stories" "$cli" batch "$big" --jobs 2
  cp "$out/stdout" "$out/batch-big.jsonl"
  measure dask-workers-2-big "$big_stories" "$python" examples/dask/score.py "$big" \
    "$out/dask.jsonl" --workers 2 --blocksize 16MiB
  cmp "$out/dask.jsonl" "$out/batch-big.jsonl" || { say "Dask output differs from batch"; exit 1; }
done
load_after=$(cut -d' ' -f1 /proc/loadavg)
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
story_bytes=$(( $(wc -c <"$corpus") / stories ))
report_bytes=$(( $(wc -c <"$out/batch.jsonl") / stories ))
say "a story: $story_bytes bytes of JSON in, $report_bytes bytes of report out"

printf '| run | stories | wall s | stories/s | CPU s | CPU ms/story | peak RSS MiB |\n|---|---|---|---|---|---|---|\n'
# The fastest run of each configuration, in the order they ran.
awk '!($1 in best) || $3 < best[$1] { best[$1] = $3; row[$1] = $0; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
     END { for (i = 1; i <= n; i++) print row[order[i]] }' "$out/runs" |
  while read -r name n wall cpu rss; do
    printf '| %s | %s | %.1f | %.1f | %.1f | %.2f | %.1f |\n' "$name" "$n" "$wall" \
      "$(echo "$n / $wall" | bc -l)" "$cpu" "$(echo "1000 * $cpu / $n" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
    if [ -n "$jsonl" ]; then
      printf '{"run":"%s","stories":%s,"wall_s":%s,"cpu_s":%s,"rss_kib":%s,"rounds":%s,"story_bytes":%s,"report_bytes":%s,"load":[%s,%s]}\n' \
        "$name" "$n" "$wall" "$cpu" "$rss" "$rounds" "$story_bytes" "$report_bytes" "$load_before" "$load_after" >>"$jsonl"
    fi
  done
