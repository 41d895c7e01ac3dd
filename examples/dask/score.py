#!/usr/bin/env python3
"""Scores a JSON Lines corpus of stories with Dask: one output line per input line, in input
order, each the story's report as compact JSON or an error record — the lines
`bias-compare batch` writes (docs/CLI.md, "Many stories"; docs/SCALE.md).

    python examples/dask/score.py STORIES.jsonl REPORTS.jsonl --workers N
    python examples/dask/score.py 's3://bucket/stories/*.jsonl' reports.jsonl --scheduler tcp://10.0.0.5:8786

Stories are independent, so this is a map over partitions: `dask.bag.read_text` cuts the input
into blocks of whole lines that the workers read themselves (from a path every worker can
read: a shared disk, or s3://, gs://, hdfs:// through fsspec), each worker scores its lines
with `bias_compare.analyze_json`, and this process writes the partitions back in input order,
releasing each as it is written. Dask schedules partitions roughly in input order, so finished
partitions seldom wait long; those that do are held by the workers (spilled to disk past
their memory limit), never all in this process.

Without `--scheduler`, a LocalCluster of `--workers` processes (one thread each) runs here.
"""

import argparse
import json
import logging
import sys
import time
from collections import deque

import bias_compare
import dask.bag as db
from dask.distributed import Client, LocalCluster


def score_partition(lines, options):
    """One partition's output: report text, or (path, message) for the writer to number."""
    out = []
    for line in lines:
        # read_text decoded the bytes with surrogateescape: encoding back gives them exactly,
        # so a line that is not UTF-8 gets the library's error, as in `bias-compare batch`.
        raw = line.encode("utf-8", "surrogateescape")
        if raw.endswith(b"\n"):
            raw = raw[:-1]
        try:
            out.append(bias_compare.analyze_json(raw, **options))
        except bias_compare.InputError as error:
            out.append((error.path, error.message))
    return out


def error_record(line, path, message):
    """`{"line":7,"error":{"path":"…","message":"…"}}`, as `bias-compare batch` writes it."""
    text = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731
    return f'{{"line":{line},"error":{{"path":{text(path)},"message":{text(message)}}}}}'


def options_from(args):
    options = {
        "max_ngram": args.max_ngram,
        "prior_scale": args.prior_scale,
        "z_min": args.z_min,
        "min_count": args.min_count,
        "top": args.top,
        "max_p": args.max_p,
    }
    if args.ratings:
        with open(args.ratings, encoding="utf-8-sig") as f:
            options["ratings"] = json.load(f)
    return {key: value for key, value in options.items() if value is not None}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", help="JSON Lines, one story per line (a path or URL fsspec reads)")
    parser.add_argument("reports", help="where to write one report or error record per line")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler instead of a LocalCluster")
    parser.add_argument("--blocksize", default="16MiB", help="bytes of input per partition (default 16MiB)")
    group = parser.add_argument_group("analysis options (docs/CLI.md, 'Options')")
    group.add_argument("--max-ngram", type=int)
    group.add_argument("--prior-scale", type=float)
    group.add_argument("--z-min", type=float)
    group.add_argument("--min-count", type=int)
    group.add_argument("--top", type=int)
    group.add_argument("--max-p", type=float)
    group.add_argument("--ratings", metavar="FILE", help="a JSON ratings table")
    args = parser.parse_args(argv)
    options = options_from(args)
    # Checked once here: a bad option is one error, not an error record on every line.
    try:
        bias_compare.analyze_json({"articles": [{"id": "a", "source": "S", "text": ""}]}, **options)
    except bias_compare.InputError as error:
        parser.exit(2, f"error: {error}\n")

    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    started = time.perf_counter()
    lines = errors = 0
    try:
        stories = db.read_text(
            args.stories, blocksize=args.blocksize, linedelimiter="\n", errors="surrogateescape"
        )
        # One graph for the whole corpus, submitted once; the futures come back in input
        # order, and each partition's reports are released as soon as they are written.
        futures = client.compute(stories.map_partitions(score_partition, options).to_delayed())
        with open(args.reports, "w", encoding="utf-8", newline="\n") as out:
            for future in futures:
                results = future.result()
                future.release()
                for result in results:
                    lines += 1
                    if isinstance(result, str):
                        out.write(result)
                    else:
                        errors += 1
                        out.write(error_record(lines, *result))
                    out.write("\n")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    seconds = time.perf_counter() - started
    print(
        f"score.py: {lines} lines ({errors} error records) in {seconds:.1f} s, "
        f"{lines / max(seconds, 1e-9):.1f} lines/s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
