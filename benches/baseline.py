#!/usr/bin/env python3
"""The baseline a researcher would write instead of bias-compare: scikit-learn's
CountVectorizer (word n-grams 1..3) and numpy computing the docs/METHOD.md §4 statistic — weighted
log-odds with an informative Dirichlet prior, each side against the other two — with the
same defaults (prior 500, z_min 1.645, min_count 3, top 10, terms used by >= 2 outlets) and
the project's stopword list (n-grams may not start or end with a stopword).

Simplifications a researcher would accept (so it does a little *less* work than ours): the
default regex tokenizer instead of UAX #29, n-grams may cross sentence boundaries, no
display forms, example sentences or subsumption of shorter terms.

    benches/.venv/bin/python benches/baseline.py [--runs N] FILE...

Prints one JSON line per file: {"file", "articles", "runs", "median_ms", "min_ms", "top"}.
Timed: from the JSON text to each side's top terms (json.loads included, as ours parses too).
"""

import argparse
import json
import os
import re
import statistics
import time

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

HERE = os.path.dirname(os.path.abspath(__file__))
SIDE_OF = {"far-left": 0, "left": 0, "lean-left": 0, "center": 1, "centre": 1,
           "lean-right": 2, "right": 2, "far-right": 2}


def stopwords():
    source = open(os.path.join(HERE, "..", "src", "text", "stopwords.rs"), encoding="utf-8").read()
    body = source.split("const STOPWORDS: &[&str] = &[", 1)[1].split("];", 1)[0]
    return set(re.findall(r'"([^"]*)"', body))


STOP = stopwords()


def host(url):
    h = re.sub(r"^[a-z]+://", "", (url or "").strip().lower()).split("/")[0].split(":")[0]
    return h[4:] if h.startswith("www.") else h


def analyze(text, prior=500.0, z_min=1.645, min_count=3, top_k=10):
    story = json.loads(text)
    ratings = {k.lower().removeprefix("www."): v.lower() for k, v in story.get("ratings", {}).items()}
    docs, sides, outlets = [], [], []
    for a in story["articles"]:
        leaning = (a.get("leaning") or ratings.get(a["source"].lower())
                   or ratings.get(host(a.get("url"))) or "unrated").lower()
        side = SIDE_OF.get(leaning)
        if side is None:
            continue
        docs.append((a.get("headline") or "") + "\n" + a["text"])
        sides.append(side)
        outlets.append(a["source"])
    vectorizer = CountVectorizer(ngram_range=(1, 3), token_pattern=r"(?u)\b\w[\w']*\b",
                                 dtype=np.int32)
    X = vectorizer.fit_transform(docs)
    # Terms may neither start nor end with a stopword, and need a letter (docs/METHOD.md §3).
    keep = np.zeros(X.shape[1], dtype=bool)
    names = [None] * X.shape[1]
    for term, column in vectorizer.vocabulary_.items():
        first, _, rest = term.partition(" ")
        last = rest.rpartition(" ")[2] or first
        if first not in STOP and last not in STOP and not term.replace(" ", "").isdigit():
            keep[column] = True
            names[column] = term
    columns = np.flatnonzero(keep)
    X = X[:, columns].tocsr()
    vocab = np.asarray([names[c] for c in columns], dtype=object)
    sides = np.asarray(sides)
    outlet_ids = np.unique(np.asarray(outlets), return_inverse=True)[1]
    y = np.vstack([np.asarray(X[sides == b].sum(axis=0)).ravel() for b in range(3)]).astype(float)
    n = y.sum(axis=1)
    y_all = y.sum(axis=0)
    alpha = prior * y_all / n.sum()
    top = {}
    for b in range(3):
        yb, nb = y[b], n[b]
        yr, nr = y_all - yb, n.sum() - nb
        delta = (np.log((yb + alpha) / (nb + prior - yb - alpha))
                 - np.log((yr + alpha) / (nr + prior - yr - alpha)))
        z = delta / np.sqrt(1.0 / (yb + alpha) + 1.0 / (yr + alpha))
        rows = np.flatnonzero(sides == b)
        side_outlets = np.unique(outlet_ids[rows])
        # Distinct outlets of side b using each term: a term × outlet presence matrix.
        by_outlet = np.vstack([np.asarray((X[rows[outlet_ids[rows] == o]] > 0).sum(axis=0)).ravel() > 0
                               for o in side_outlets]).sum(axis=0)
        ok = (yb >= min_count) & (z >= z_min)
        if len(side_outlets) >= 2:
            ok &= by_outlet >= 2
        idx = np.flatnonzero(ok)
        order = idx[np.lexsort((vocab[idx], -z[idx]))][:top_k]
        top[("left", "center", "right")[b]] = [[str(vocab[i]), round(float(z[i]), 4)] for i in order]
    return len(story["articles"]), top


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    for file in args.files:
        text = open(file, encoding="utf-8").read()
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            articles, top = analyze(text)
            times.append((time.perf_counter() - start) * 1000)
        print(json.dumps({"file": file, "articles": articles, "runs": len(times),
                          "median_ms": round(statistics.median(times), 3),
                          "min_ms": round(min(times), 3), "top": top}), flush=True)


if __name__ == "__main__":
    main()
