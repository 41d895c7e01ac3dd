#!/usr/bin/env bash
# Throughput of many stories on this machine (docs/SCALE.md): the same JSON Lines corpus scored
# serially (the Python package in a loop; the CLI's `analyze` once per story), by
# `bias-compare batch` with 1 and 2 threads, and by the Dask example with 1 and 2 worker
# processes (and with 2 on 10 000 stories); and the peak memory of `batch` at 1 000 and
# 10 000 stories. Each run is timed
# by /usr/bin/time (wall clock, CPU seconds of the process and its children, peak RSS);
# each configuration runs ROUNDS times (default 3) and the fastest is kept.
#   bash benches/scale.sh            (generates benches/corpus/stories-*.jsonl when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}
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
serial_cli_stories=100

# `measure NAME STORIES CMD…`: runs CMD $rounds times; prints "NAME stories wall cpu rss_kib".
measure() {
  local name=$1 n=$2 best="" line
  shift 2
  for _ in $(seq "$rounds"); do
    /usr/bin/time -o "$out/time" -f '%e %U %S %M' "$@" >"$out/stdout" 2>"$out/stderr" || {
      cat "$out/stderr" >&2; exit 1; }
    read -r wall user sys rss <"$out/time"
    line="$name $n $wall $(echo "$user + $sys" | bc) $rss"
    say "  $line"
    if [ -z "$best" ] || [ "$(echo "$wall < $(cut -d' ' -f3 <<<"$best")" | bc)" = 1 ]; then best=$line; fi
  done
  echo "$best" >>"$out/results"
}

say "corpus: $corpus ($stories stories, $(du -h "$corpus" | cut -f1)); load: $(cut -d' ' -f1-3 /proc/loadavg)"
head -n "$serial_cli_stories" "$corpus" >"$out/head.jsonl"
cat >"$out/serial.py" <<'EOF'
import sys
import bias_compare
with open(sys.argv[1], "rb") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        try:
            out.write(bias_compare.analyze_json(line.rstrip(b"\n")) + "\n")
        except bias_compare.InputError as error:
            out.write(f"error {error}\n")
EOF
cat >"$out/cli-loop.sh" <<'EOF'
while IFS= read -r line; do printf '%s' "$line" | "$1" analyze - >/dev/null; done <"$2"
EOF

say "serial: the Python package in a loop"
measure "python-loop" "$stories" "$python" "$out/serial.py" "$corpus" "$out/serial.jsonl"
say "serial: bias-compare analyze, one process per story (first $serial_cli_stories stories)"
measure "cli-analyze-loop" "$serial_cli_stories" bash "$out/cli-loop.sh" "$cli" "$out/head.jsonl"
for jobs in 1 2; do
  say "bias-compare batch --jobs $jobs"
  measure "batch-jobs-$jobs" "$stories" "$cli" batch "$corpus" --jobs "$jobs"
  cp "$out/stdout" "$out/batch.jsonl"
done
for workers in 1 2; do
  say "examples/dask/score.py --workers $workers"
  measure "dask-workers-$workers" "$stories" "$python" examples/dask/score.py "$corpus" "$out/dask.jsonl" \
    --workers "$workers" --blocksize 4MiB
  cmp "$out/dask.jsonl" "$out/batch.jsonl" || { say "Dask output differs from batch"; exit 1; }
done
say "examples/dask/score.py --workers 2 on 10 000 stories (its start-up spread over more stories)"
measure "dask-workers-2-big" "$(wc -l <"$big")" "$python" examples/dask/score.py "$big" "$out/dask.jsonl" \
  --workers 2 --blocksize 16MiB
say "peak memory of batch --jobs 2: 1 000 and 10 000 stories"
measure "batch-rss-1000" "$stories" "$cli" batch "$corpus" --jobs 2
measure "batch-rss-10000" "$(wc -l <"$big")" "$cli" batch "$big" --jobs 2

printf '| run | stories | wall s | stories/s | CPU s | CPU ms/story | peak RSS MiB |\n|---|---|---|---|---|---|---|\n'
while read -r name n wall cpu rss; do
  printf '| %s | %s | %.1f | %.1f | %.1f | %.1f | %.0f |\n' "$name" "$n" "$wall" \
    "$(echo "$n / $wall" | bc -l)" "$cpu" "$(echo "1000 * $cpu / $n" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
done <"$out/results"
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
