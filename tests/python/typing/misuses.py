"""Misuse the stubs must catch: mypy --strict reports exactly the marked lines
(tests/python/test_types.py). Never run."""

import bias_compare
from bias_compare import Report, Story

report = bias_compare.analyze({"articles": []}, zmin=1.0)  # error: call-arg
report = bias_compare.analyze({"articles": []}, top="5")  # error: arg-type
share: str = bias_compare.analyze("{}")["coverage"]["left"]["share"]  # error: assignment
missing = bias_compare.analyze("{}")["coverage"]["middle"]  # error: typeddict-item
story: Story = {"articles": [{"id": "a", "source": "S"}]}  # error: typeddict-item
text: Report = bias_compare.analyze_json("{}")  # error: assignment
bias_compare.analyze(42)  # error: arg-type
points = bias_compare.analyze("{}")["key_points"]["left"]  # error: index
