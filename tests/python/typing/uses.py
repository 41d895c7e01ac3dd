"""Correct use of the typed API: mypy --strict must accept it (tests/python/test_types.py)."""

import json

import bias_compare
from bias_compare import InputError, Report, Story


def shares(report: Report) -> dict[str, float]:
    coverage = report["coverage"]
    return {"left": coverage["left"]["share"], "right": coverage["right"]["share"]}


def terms(report: Report) -> list[str]:
    return [term["term"] for term in report["framing"]["left"]["terms"]]


story: Story = {
    "title": "A raid",
    "articles": [
        {"id": "a1", "source": "Left Daily", "leaning": "left", "text": "A daring raid."},
        {"id": "a2", "source": "Right Times", "text": "A reckless raid.", "url": None, "region": "US"},
    ],
    "ratings": {"Right Times": "right", "Left Daily": {"leaning": "left", "owner": "Public"}},
}
report = bias_compare.analyze(story, top=5, z_min=1.0, ratings={"Left Daily": "lean-left"})
print(shares(report), terms(report), report["blindspot"] is None)
line: str = bias_compare.analyze_json(json.dumps(story), max_p=1.0)
from_bytes: Report = bias_compare.analyze(line.encode("utf-8"))
try:
    bias_compare.analyze({"articles": []})
except InputError as error:
    print(error.path, error.message)
side = report["articles"][0]["side"]
if side == "unrated":
    print(report["sides"]["unrated"]["summary"])
# Sections that can be switched off are None then.
key_points, common_ground = report["key_points"], report["common_ground"]
if key_points is not None and common_ground is not None:
    for point in key_points["left"] + common_ground:
        print(point["sentence"], point["position"], point["in_headline"])
for topic in report["emphasis"] or []:
    print(topic["topic"], topic["outlets"]["right"], topic["omitted_by"])
framing_only = bias_compare.analyze(story, language=False, emphasis=False, key_points=False)
print(framing_only["params"]["emphasis"], framing_only["params"]["key_points"])
for facet, values in report["coverage_by"].items():
    print(facet, values["unknown"]["articles"])
print(bias_compare.__version__.split("."))
