"""`bias_compare.analyze` (docs/PYTHON.md): the CLI's report, byte for byte once written as the
CLI writes it, for every sample story and every case of the bad-input catalogue, given as a
dict, as JSON text or as bytes; the options by keyword; bad input as `InputError` with the
JSON path and the CLI's message, whatever Python value is passed."""

import json
import pathlib
import pickle
import threading
import unittest
from concurrent.futures import ThreadPoolExecutor

import bias_compare
from helpers import CATALOGUE, ROOT, SAMPLES, as_cli_prints, case_bytes, catalogue_cases, run_cli


def outcome(call):
    """("report", the report as the CLI prints it) or ("error", the CLI's message)."""
    try:
        return "report", as_cli_prints(call())
    except bias_compare.InputError as error:
        return "error", f"error: {error}\n"


def cli_outcome(code, stdout, stderr):
    if code == 0:
        return "report", stdout.decode("utf-8")
    assert code == 2, (code, stderr)
    return "error", stderr


class TheSameReportAsTheCli(unittest.TestCase):
    def test_every_sample_as_a_dict_text_or_bytes_gives_the_cli_output_byte_for_byte(self):
        self.assertGreaterEqual(len(SAMPLES), 5)
        for path in SAMPLES:
            with self.subTest(sample=path.name):
                code, stdout, stderr = run_cli(["analyze", str(path)])
                self.assertEqual(code, 0, stderr)
                text = path.read_text(encoding="utf-8")
                for story in (json.loads(text), text, text.encode("utf-8")):
                    report = bias_compare.analyze(story)
                    self.assertEqual(as_cli_prints(report), stdout.decode("utf-8"))

    def test_analyze_json_is_the_line_batch_writes_and_parses_to_the_report(self):
        lines = [json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False) for p in SAMPLES]
        code, stdout, stderr = run_cli(["batch", "-"], "\n".join(lines).encode("utf-8"))
        self.assertEqual(code, 0, stderr)
        batch = stdout.decode("utf-8").splitlines()
        for line, written in zip(lines, batch, strict=True):
            self.assertEqual(bias_compare.analyze_json(line), written)
            self.assertEqual(json.loads(written), bias_compare.analyze(line))

    def test_options_by_keyword_give_what_the_same_flags_give(self):
        ratings = {"Continental Briefing": "center", "overseasdefensedigest.test": "lean-right"}
        ratings_file = ROOT / "target" / "python" / "test-ratings.json"
        ratings_file.parent.mkdir(parents=True, exist_ok=True)
        ratings_file.write_text(json.dumps(ratings), encoding="utf-8")
        runs = [
            ({"top": 3, "max_ngram": 2}, ["--top", "3", "--max-ngram", "2"]),
            ({"z_min": 1.0, "min_count": 2, "prior_scale": 100}, ["--z-min", "1", "--min-count", "2", "--prior-scale", "100"]),
            ({"max_p": 1}, ["--max-p", "1"]),
            ({"emphasis": False}, ["--no-emphasis"]),
            ({"key_points": False, "language": False}, ["--no-key-points", "--no-language"]),
            ({"ratings": ratings}, ["--ratings", str(ratings_file)]),
            ({"top": None, "z_min": None}, []),
        ]
        story = ROOT / "www" / "samples" / "drone-raid.json"
        for keywords, flags in runs:
            with self.subTest(keywords=keywords):
                code, stdout, stderr = run_cli(["analyze", str(story), *flags])
                self.assertEqual(code, 0, stderr)
                report = bias_compare.analyze(story.read_text(encoding="utf-8"), **keywords)
                self.assertEqual(as_cli_prints(report), stdout.decode("utf-8"))

    def test_every_catalogue_case_gives_the_cli_report_or_the_cli_error(self):
        """As text and as bytes (only bytes where they are not UTF-8, only text for the big
        generated cases): the CLI's result for the file. As a dict too where the case is JSON
        that Python reads as the library does (not `text_only`, not refused as JSON, not a
        JSON string: a `str` is always JSON text): the CLI's result for the dict's compact
        JSON text, which is what the limits measure. The CLI runs in a second thread while
        Python analyzes with the interpreter released."""
        cases = catalogue_cases()
        self.assertGreater(len(cases), 100)

        def check(case):
            data = case_bytes(case)
            if "file" in case:
                cli = cli_outcome(*run_cli(["analyze", str(CATALOGUE / case["file"])]))
            else:
                cli = cli_outcome(*run_cli(["analyze", "-"], data))
            if case.get("cli_only"):
                return case["name"], {"bytes": (outcome(lambda: bias_compare.analyze(data)), cli)}
            text = data.decode("utf-8")
            results = {"str": (outcome(lambda: bias_compare.analyze(text)), cli)}
            if "file" in case:  # the big generated cases only as text: bytes differ in no way
                results["bytes"] = (outcome(lambda: bias_compare.analyze(data)), cli)
            refused_as_json = cli[0] == "error" and cli[1].startswith("error: story: not valid JSON")
            if case.get("text_only") or refused_as_json:
                return case["name"], results
            value = json.loads(text)
            if isinstance(value, str):
                return case["name"], results
            compact = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            if compact != text:
                try:
                    given = compact.encode("utf-8")
                except UnicodeEncodeError:  # lone surrogates: escaped, they read as U+FFFD
                    given = json.dumps(value, separators=(",", ":")).encode("utf-8")
                cli = cli_outcome(*run_cli(["analyze", "-"], given))
            results["dict"] = (outcome(lambda: bias_compare.analyze(value)), cli)
            return case["name"], results

        with ThreadPoolExecutor(max_workers=2) as pool:
            for name, results in pool.map(check, cases):
                for how, (got, cli) in results.items():
                    with self.subTest(case=name, given_as=how):
                        self.assertEqual(got[0], cli[0])
                        self.assertEqual(got[1], cli[1])


class BadInput(unittest.TestCase):
    def assertRaisesAt(self, path, message, story, **options):
        with self.assertRaises(bias_compare.InputError) as caught:
            bias_compare.analyze(story, **options)
        self.assertEqual((caught.exception.path, caught.exception.message), (path, message))
        self.assertEqual(str(caught.exception), f"{path}: {message}")

    def test_a_bad_story_raises_input_error_with_the_path_and_the_cli_message(self):
        story = json.loads((CATALOGUE / "unknown-leaning.json").read_text(encoding="utf-8"))
        code, _, stderr = run_cli(["analyze", str(CATALOGUE / "unknown-leaning.json")])
        self.assertEqual(code, 2)
        with self.assertRaises(bias_compare.InputError) as caught:
            bias_compare.analyze(story)
        self.assertEqual(f"error: {caught.exception}\n", stderr)
        self.assertTrue(caught.exception.path.startswith("articles["), caught.exception.path)

    def test_input_error_is_a_value_error_that_survives_pickling(self):
        error = bias_compare.InputError("articles[3].leaning", "unknown leaning")
        self.assertIsInstance(error, ValueError)
        copy = pickle.loads(pickle.dumps(error))
        self.assertEqual((copy.path, copy.message, str(copy)), (error.path, error.message, str(error)))

    def test_a_value_that_is_not_a_story_gives_the_message_its_json_text_gives(self):
        for value, text in [(42, "42"), (None, "null"), ([1, 2], "[1,2]"), ("\"x\"", "\"x\""), (True, "true")]:
            with self.subTest(value=value):
                code, _, stderr = run_cli(["analyze", "-"], text.encode())
                self.assertEqual(code, 2)
                self.assertEqual(outcome(lambda: bias_compare.analyze(value)), ("error", stderr))

    def test_a_python_value_json_cannot_hold_raises_naming_where_it_is(self):
        article = {"id": "a", "source": "S", "text": "t"}
        self.assertRaisesAt("articles[0].published", "cannot be read as JSON: a set",
                            {"articles": [{**article, "published": {1, 2}}]})
        self.assertRaisesAt("articles[1].extra", "cannot be read as JSON: a bytes",
                            {"articles": [article, {**article, "id": "b", "extra": b"x"}]})
        self.assertRaisesAt("articles[0].score", "cannot be read as JSON: NaN is not a JSON number",
                            {"articles": [{**article, "score": float("nan")}]})
        self.assertRaisesAt("ratings", "cannot be read as JSON: a key that is not a string (int)",
                            {"articles": [article], "ratings": {1: "left"}})
        self.assertRaisesAt("meta[\"odd key\"]", "cannot be read as JSON: a object",
                            {"articles": [article], "meta": {"odd key": object()}})

    def test_tuples_and_subclasses_of_dict_list_and_str_read_as_those_types(self):
        import collections
        import enum

        class Leaning(str, enum.Enum):
            LEFT = "left"

        path = ROOT / "www" / "samples" / "drone-raid.json"
        story = json.loads(path.read_text(encoding="utf-8"))
        expected = bias_compare.analyze_json(story)
        odd = collections.OrderedDict(story)
        odd["articles"] = tuple(collections.UserDict(a).data for a in story["articles"])
        self.assertEqual(bias_compare.analyze_json(odd), expected)
        small = {"articles": [{"id": "a", "source": "S", "text": "t", "leaning": Leaning.LEFT}]}
        self.assertEqual(bias_compare.analyze(small)["articles"][0]["leaning"], "left")

    def test_a_value_that_contains_itself_raises_instead_of_looping(self):
        story = {"articles": []}
        story["articles"].append(story)
        self.assertRaisesAt("articles[0]", "cannot be read as JSON: it contains itself", story)

    def test_nesting_far_deeper_than_the_parser_allows_raises_without_crashing(self):
        deep = inner = []
        for _ in range(100_000):
            inner.append([])
            inner = inner[0]
        story = {"articles": [{"id": "a", "source": "S", "text": "t", "extra": deep}]}
        with self.assertRaises(bias_compare.InputError) as caught:
            bias_compare.analyze(story)
        self.assertEqual(caught.exception.path, "story")
        self.assertTrue(caught.exception.message.startswith("not valid JSON: recursion limit exceeded"))

    def test_a_dict_whose_json_text_passes_32_mib_is_refused_as_the_cli_refuses_the_text(self):
        story = {"articles": [{"id": "a", "source": "S", "text": "x" * (32 << 20)}]}
        code, _, stderr = run_cli(["analyze", "-"], json.dumps(story).encode())
        self.assertEqual(stderr, "error: story: larger than 32 MiB of JSON\n")
        self.assertRaisesAt("story", "larger than 32 MiB of JSON", story)
        self.assertRaisesAt("ratings", "larger than 32 MiB of JSON", {"articles": []},
                            ratings={"x" * (32 << 20): "left"})

    def test_lone_surrogates_in_a_str_read_as_replacement_characters_as_escaped_ones_do(self):
        article = {"id": "a", "source": "S", "leaning": "left", "text": "Cut \ud83d here.", "headline": "\udc00"}
        from_text = bias_compare.analyze(json.dumps({"articles": [article]}))
        self.assertEqual(bias_compare.analyze({"articles": [article]}), from_text)
        self.assertEqual(bias_compare.analyze(json.dumps({"articles": [article]}, ensure_ascii=False)), from_text)
        self.assertEqual(from_text["articles"][0]["headline"], "\ufffd")

    def test_an_unknown_keyword_raises_naming_it_and_every_option(self):
        self.assertRaisesAt(
            "zmin",
            "unknown option (expected max_ngram, prior_scale, z_min, min_count, top, max_p, language, emphasis, key_points or ratings)",
            {"articles": []},
            zmin=1,
        )

    def test_an_option_of_the_wrong_type_or_out_of_range_raises_naming_its_keyword(self):
        story = (ROOT / "www" / "samples" / "drone-raid.json").read_text(encoding="utf-8")
        cases = [
            ({"top": 0}, "top", "must be a whole number from 1 to 1000, got 0"),
            ({"top": 2.5}, "top", "expected a whole number, found 2.5"),
            ({"top": "5"}, "top", "expected a number, found a string"),
            ({"top": True}, "top", "expected a number, found a boolean"),
            ({"max_ngram": 6}, "max_ngram", "must be a whole number from 1 to 5, got 6"),
            ({"min_count": -1}, "min_count", "must be a whole number from 1 to 1000000, got -1"),
            ({"top": 10**400}, "top", "expected a whole number, found Infinity"),
            ({"z_min": float("nan")}, "z_min", "must be a finite number between -1e6 and 1e6, got NaN"),
            ({"prior_scale": float("inf")}, "prior_scale", "must be a number above 0 and at most 1e9, got Infinity"),
            ({"max_p": 0}, "max_p", "must be a number above 0 and at most 1, got 0"),
            ({"emphasis": "no"}, "emphasis", "expected true or false, found a string"),
            ({"key_points": 0}, "key_points", "expected true or false, found a number"),
            ({"ratings": []}, "ratings", "expected an object, found an array"),
            ({"ratings": 5}, "ratings", "expected an object, found a number"),
            ({"ratings": {"X": 5}}, "ratings[\"X\"]", "expected a leaning string, found a number"),
            ({"ratings": {"X": "leftish"}}, "ratings[\"X\"]",
             "unknown leaning \"leftish\" (expected one of far-left, left, lean-left, center, lean-right, right, far-right, unrated)"),
        ]
        for options, path, message in cases:
            with self.subTest(options=options):
                self.assertRaisesAt(path, message, story, **options)

    def test_an_option_out_of_range_has_the_cli_message_under_its_keyword(self):
        story = str(ROOT / "www" / "samples" / "drone-raid.json")
        code, _, stderr = run_cli(["analyze", story, "--top", "0"])
        self.assertEqual(code, 2)
        with self.assertRaises(bias_compare.InputError) as caught:
            bias_compare.analyze(pathlib.Path(story).read_text(encoding="utf-8"), top=0)
        self.assertEqual(stderr, f"error: --top: {caught.exception.message}\n")

    def test_an_option_and_a_story_both_bad_give_the_error_the_cli_gives(self):
        code, _, stderr = run_cli(["analyze", "-", "--top", "0"], b"[]")
        self.assertEqual(code, 2)
        with self.assertRaises(bias_compare.InputError) as caught:
            bias_compare.analyze([], top=0)
        error = caught.exception
        as_cli = f"error: --top: {error.message}\n" if error.path == "top" else f"error: {error}\n"
        self.assertEqual(as_cli, stderr)


class Threads(unittest.TestCase):
    def test_the_analysis_releases_the_interpreter_for_other_threads(self):
        story = case_bytes(next(c for c in catalogue_cases() if c["name"] == "articles-100000"))
        counting = threading.Event()
        count = 0

        def counter():
            nonlocal count
            counting.wait()
            while counting.is_set():
                count += 1

        thread = threading.Thread(target=counter)
        thread.start()
        counting.set()
        before = count
        bias_compare.analyze_json(story)
        during = count - before
        counting.clear()
        thread.join()
        # Held for the whole analysis (a second or more), the interpreter would let the
        # counter run only at the analysis' start and end: a handful of counts at most.
        self.assertGreater(during, 10_000)


if __name__ == "__main__":
    unittest.main()
