"""What the Python tests share: the repository's paths, the CLI, and the bad-input catalogue."""

import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLI = os.environ.get("BIAS_COMPARE_CLI", str(ROOT / "target" / "release" / "bias-compare"))
CATALOGUE = ROOT / "tests" / "catalogue"
SAMPLES = sorted((ROOT / "www" / "samples").glob("*.json"))


def run_cli(args, stdin=None):
    """Runs the CLI; returns (exit status, stdout bytes, stderr text)."""
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True)
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def as_cli_prints(report):
    """The report dict written as `bias-compare analyze` writes it (docs/PYTHON.md)."""
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def catalogue_cases():
    with open(CATALOGUE / "cases.json", encoding="utf-8") as f:
        return json.load(f)["cases"]


def case_bytes(case):
    """A case's input, read or generated (tests/catalogue/README.md, "Generated cases")."""
    if "file" in case:
        return (CATALOGUE / case["file"]).read_bytes()
    parts = []
    for part in case["generate"]:
        if isinstance(part, str):
            parts.append(part)
        else:
            unit, times = part["repeat"], part["times"]
            units = (unit.replace("{i}", str(i)) for i in range(times)) if "{i}" in unit else [unit] * times
            parts.append(part.get("separator", "").join(units))
    return "".join(parts).encode("utf-8")
