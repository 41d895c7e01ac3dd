"""examples/dask/score.py (docs/SCALE.md): a JSON Lines corpus scored with dask.bag on a
LocalCluster of worker processes gives, line for line and byte for byte, what
`bias-compare batch` gives for the same file — error records included."""

import json
import subprocess
import sys
import unittest

from helpers import ROOT, SAMPLES, run_cli

SCORE = ROOT / "examples" / "dask" / "score.py"
WORK = ROOT / "target" / "python" / "dask-test"


def corpus():
    """The samples eight times over, compact, with bad lines among them: a blank line, a bad
    leaning quoted with a control character and non-ASCII text, bytes that are not UTF-8, a
    line ending in CR LF, and a last line without its newline."""
    stories = [json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False).encode("utf-8")
               for p in SAMPLES]
    bad = [
        b"",
        '{"articles":[{"id":"a","source":"Zeitung f\\u00fcr alle","text":"x","leaning":"links\\u0007\u00e9"}]}'.encode("utf-8"),
        b'{"articles":[{"id":"a","source":"S","text":"caf\xe9"}]}',
        stories[0] + b"\r",
    ]
    lines = []
    for round in range(8):
        lines += stories
        lines.append(bad[round % len(bad)])
    return b"\n".join(lines + [stories[1]])


class DaskScoring(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        WORK.mkdir(parents=True, exist_ok=True)
        cls.stories = WORK / "stories.jsonl"
        cls.stories.write_bytes(corpus())

    def test_dask_on_two_worker_processes_writes_the_batch_output_byte_for_byte(self):
        code, batch, stderr = run_cli(["batch", str(self.stories)])
        self.assertEqual(code, 0, stderr)
        self.assertEqual(batch.count(b"{\"line\":"), 6, "all but the CR LF line are error records")
        reports = WORK / "reports.jsonl"
        done = subprocess.run(
            # Blocks of 256 KiB: the corpus is cut into several partitions.
            [sys.executable, str(SCORE), str(self.stories), str(reports), "--workers", "2", "--blocksize", "256KiB"],
            capture_output=True, text=True, timeout=300,
        )
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(reports.read_bytes(), batch)
        lines = len(batch.splitlines())
        self.assertIn(f"{lines} lines (6 error records)", done.stderr)

    def test_options_reach_every_report_and_a_bad_one_stops_before_any_work(self):
        code, batch, _ = run_cli(["batch", str(self.stories), "--top", "2", "--max-ngram", "1"])
        self.assertEqual(code, 0)
        reports = WORK / "reports-top-2.jsonl"
        done = subprocess.run(
            [sys.executable, str(SCORE), str(self.stories), str(reports), "--workers", "1", "--top", "2", "--max-ngram", "1"],
            capture_output=True, text=True, timeout=300,
        )
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(reports.read_bytes(), batch)
        bad = subprocess.run(
            [sys.executable, str(SCORE), str(self.stories), str(WORK / "never.jsonl"), "--top", "0"],
            capture_output=True, text=True, timeout=60,
        )
        self.assertEqual((bad.returncode, bad.stderr), (2, "error: top: must be a whole number from 1 to 1000, got 0\n"))
        self.assertFalse((WORK / "never.jsonl").exists())


if __name__ == "__main__":
    unittest.main()
