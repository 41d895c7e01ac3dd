#!/usr/bin/env python3
"""Grid search for the analysis defaults, scored against the sample manifests.

For every sample in tests/data/planted/ and every (prior_scale, z_min, min_count, max_p) in
the grid, runs the release CLI and measures:
  recall  planted terms listed for their side / planted terms
  top     sides whose planted terms rank above every other term / sides with planted terms
  decoys  decoy terms listed anywhere (must be 0)
  topic   topic words every side uses (manifests' "topic") listed anywhere (should be 0)
  extra   listed terms that were not planted (noise a reader would see)
Prints a Markdown table, best first. Usage: python3 scripts/tune.py [--all] [--cli PATH]
"""
import itertools
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CLI = ROOT / "target" / "release" / "bias-compare"
if "--cli" in sys.argv:
    CLI = pathlib.Path(sys.argv[sys.argv.index("--cli") + 1])
PRIORS = [50, 100, 200, 500, 1000, 2000, 5000]
Z_MINS = [1.0, 1.5, 1.645, 1.96, 2.5]
MIN_COUNTS = [2, 3, 4]
MAX_PS = [0.01, 0.05, 0.1, 1.0]


def report(sample, prior, z_min, min_count, max_p):
    out = subprocess.run(
        [CLI, "analyze", ROOT / "www" / "samples" / sample, "--prior-scale", str(prior),
         "--z-min", str(z_min), "--min-count", str(min_count), "--max-p", str(max_p)],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def score(manifests, prior, z_min, min_count, max_p):
    planted_total = planted_found = sides = sides_on_top = decoys = topic = extra = 0
    for manifest in manifests:
        rep = report(manifest["sample"], prior, z_min, min_count, max_p)
        for side, entries in manifest["planted"].items():
            listed = [t["term"] for t in rep["framing"][side]["terms"]]
            forms = {form for entry in entries for form in entry}
            planted_total += len(entries)
            planted_found += sum(any(f in listed for f in entry) for entry in entries)
            extra += sum(term not in forms for term in listed)
            if entries:
                sides += 1
                flags = [term in forms for term in listed]
                # Planted terms first, then the rest: the flags are sorted True-first.
                sides_on_top += any(flags) and flags == sorted(flags, reverse=True)
        for side in ("left", "center", "right"):
            listed = {t["term"] for t in rep["framing"][side]["terms"]}
            decoys += len(listed & set(manifest.get("decoys", [])))
            topic += len(listed & set(manifest.get("topic", [])))
    return planted_found / planted_total, sides_on_top / max(sides, 1), decoys, topic, extra


def main():
    if "--cli" not in sys.argv:
        subprocess.run(["cargo", "build", "--release", "-q", "--bin", "bias-compare"], check=True, cwd=ROOT)
    manifests = [json.loads(p.read_text()) for p in sorted((ROOT / "tests/data/planted").glob("*.json"))]
    rows = []
    for prior, z_min, min_count, max_p in itertools.product(PRIORS, Z_MINS, MIN_COUNTS, MAX_PS):
        recall, top, decoys, topic, extra = score(manifests, prior, z_min, min_count, max_p)
        rows.append((prior, z_min, min_count, max_p, recall, top, decoys, topic, extra))
    rows.sort(key=lambda r: (-(r[6] == 0), -(r[7] == 0), -r[4], -r[5], r[8]))
    print(f"{len(manifests)} samples: {', '.join(m['sample'] for m in manifests)}\n")
    print("| prior_scale | z_min | min_count | max_p | recall | planted on top | decoys | topic words | extra terms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for prior, z_min, min_count, max_p, recall, top, decoys, topic, extra in rows[: None if "--all" in sys.argv else 15]:
        print(f"| {prior} | {z_min} | {min_count} | {max_p} | {recall:.2f} | {top:.2f} | {decoys} | {topic} | {extra} |")


if __name__ == "__main__":
    main()
