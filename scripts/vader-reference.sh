#!/usr/bin/env bash
# Scores tests/data/language/vader-sentences.txt with the reference VADER implementation,
# vaderSentiment 3.3.2 from PyPI, in a virtual environment of its own (target/vader-venv), and
# writes tests/data/language/vader-reference.json: each sentence with its compound score
# before VADER rounds it to 4 places (VADER's module-level `round` is replaced for that).
# The test of src/analyze/language/tone.rs holds our implementation to these scores.
#   bash scripts/vader-reference.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/vader-venv
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps vaderSentiment==3.3.2
"$venv/bin/python" - <<'PY'
import json
from importlib.metadata import version
import vaderSentiment.vaderSentiment as vader

vader.round = lambda value, digits=None: value  # the compound before rounding
analyzer = vader.SentimentIntensityAnalyzer()
sentences = []
with open("tests/data/language/vader-sentences.txt", encoding="utf-8") as lines:
    for line in lines:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        differs = line.startswith("~ ")
        text = line[2:] if differs else line
        sentences.append({
            "sentence": text,
            "words_differ": differs,
            # As text: read with a correctly rounding parser it is the same double (serde_json's
            # default float reading may be one unit in the last place off).
            "compound": repr(analyzer.polarity_scores(text)["compound"]),
        })
out = {
    "reference": f"vaderSentiment {version('vaderSentiment')} (PyPI), compound before rounding",
    "sentences": sentences,
}
with open("tests/data/language/vader-reference.json", "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(f"wrote tests/data/language/vader-reference.json ({len(sentences)} sentences)")
PY
