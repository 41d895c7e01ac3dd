"""The typed API (docs/PYTHON.md, "Types"): the report's TypedDicts list exactly the keys real
reports have, the stub's keywords are exactly the options `analyze` accepts, and mypy accepts
correct use of the installed package and flags misuse."""

import ast
import json
import os
import re
import subprocess
import sys
import typing
import unittest

import bias_compare
from bias_compare import types
from helpers import ROOT, SAMPLES

HERE = os.path.dirname(os.path.abspath(__file__))


def mismatches(value, hint, path="report"):
    """Where `value` does not have the keys (recursively) and kinds that `hint` describes."""
    origin = typing.get_origin(hint)
    if origin is typing.Union:
        found = [mismatches(value, option, path) for option in typing.get_args(hint)]
        return [] if [] in found else min(found, key=len)
    if hint is type(None):
        return [] if value is None else [f"{path}: not null"]
    if origin is typing.Literal:
        return [] if value in typing.get_args(hint) else [f"{path}: {value!r} not in {hint}"]
    if origin is list:
        (item,) = typing.get_args(hint)
        if not isinstance(value, list):
            return [f"{path}: not a list"]
        return [m for i, v in enumerate(value) for m in mismatches(v, item, f"{path}[{i}]")]
    if origin is dict:
        _, item = typing.get_args(hint)
        if not isinstance(value, dict):
            return [f"{path}: not an object"]
        return [m for k, v in value.items() for m in mismatches(v, item, f"{path}.{k}")]
    if typing.is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{path}: not an object"]
        hints = typing.get_type_hints(hint)
        found = []
        if list(value) != list(hints):
            found.append(f"{path}: keys {list(value)} but the type says {list(hints)}")
        for key, sub in hints.items():
            if key in value:
                found += mismatches(value[key], sub, f"{path}.{key}")
        return found
    if hint is float:
        return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{path}: not a number"]
    if hint is int:
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{path}: not an int"]
    return [] if isinstance(value, hint) else [f"{path}: not {hint.__name__}"]


class Types(unittest.TestCase):
    def test_the_report_type_describes_every_key_of_real_reports_in_order(self):
        reports = [bias_compare.analyze(p.read_text(encoding="utf-8")) for p in SAMPLES]
        # Blindspots, facets, untested sides: the small stories of tests/data too.
        stories = [json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "tests" / "data").glob("*.json")]
        reports += [bias_compare.analyze(story, max_p=1, min_count=1) for story in stories if "articles" in story]
        self.assertTrue(any(r["blindspot"] for r in reports), "a report with a blindspot")
        for section in ("coverage_by", "language", "emphasis", "common_ground"):
            self.assertTrue(any(r[section] for r in reports), f"a report with {section}")
        for report in reports:
            self.assertEqual(mismatches(report, types.Report), [])

    def test_the_stub_takes_exactly_the_options_analyze_accepts(self):
        with self.assertRaises(bias_compare.InputError) as caught:
            bias_compare.analyze("{}", no_such_option=1)
        accepted = re.findall(r"[a-z_]+", caught.exception.message.split("expected", 1)[1])
        accepted.remove("or")
        with open(os.path.join(os.path.dirname(bias_compare.__file__), "__init__.pyi"), encoding="utf-8") as f:
            stub = ast.parse(f.read())
        for function in (n for n in stub.body if isinstance(n, ast.FunctionDef)):
            with self.subTest(function=function.name):
                self.assertEqual([a.arg for a in function.args.kwonlyargs], accepted)

    def test_every_report_type_is_exported(self):
        for name in types.__all__:
            self.assertIs(getattr(bias_compare, name), getattr(types, name))

    def test_mypy_accepts_correct_use_and_reports_each_marked_misuse(self):
        cache = os.path.join(ROOT, "target", "python", "mypy-cache")
        done = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--cache-dir", cache, "--no-error-summary",
             "typing/uses.py", "typing/misuses.py"],
            cwd=HERE, capture_output=True, text=True,
        )
        errors = {}
        for line in done.stdout.splitlines():
            if ": note: " in line:
                continue
            match = re.match(r"typing/(\w+)\.py:(\d+): error: .*\[([\w-]+)\]$", line)
            self.assertIsNotNone(match, line)
            errors.setdefault(match[1], set()).add((int(match[2]), match[3]))
        self.assertNotIn("uses", errors, done.stdout)
        marked = set()
        with open(os.path.join(HERE, "typing", "misuses.py"), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if "# error: " in line:
                    marked.add((number, line.split("# error: ")[1].strip()))
        self.assertEqual(errors.get("misuses", set()), marked, done.stdout)
        self.assertGreaterEqual(len(marked), 5)


if __name__ == "__main__":
    unittest.main()
