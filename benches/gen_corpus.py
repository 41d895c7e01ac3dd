#!/usr/bin/env python3
"""Seeded benchmark corpus: stories of 10, 100, 1 000 and 10 000 news-like articles.

    python3 benches/gen_corpus.py [--out benches/corpus] [--seed 20250602] [--sizes 10,100,1000,10000]
    python3 benches/gen_corpus.py --stories 1000 [--articles 20] [--out benches/corpus]

The second form writes a JSON Lines corpus for `bias-compare batch` and the Dask example
(docs/SCALE.md): <out>/stories-<n>x<articles>.jsonl, one story per line, story i seeded with
seed + i, all stories drawing on one vocabulary.

No dependencies; the same seed gives the same bytes (Python's Mersenne Twister `random()` is
stable across versions, and only `random()` and integer arithmetic are used). What the text is
like, so that timings mean something for real stories:

- vocabulary: 160 English function and common words at the top ranks (so stopwords are as
  frequent as in news), then 40 000 pronounceable pseudo-words of 1 to 4 syllables, drawn with
  Zipf's law (rank^-1.07) — a few thousand distinct words per article, a long tail overall;
- sentences of 6 to 38 words (mean about 21), commas, some quotations ("…," he said), numbers
  and capitalized names; paragraphs separated by blank lines;
- a headline of 6 to 13 title-cased words per article;
- 350 to 700 words per article (mean about 450), as news reports run;
- 15 outlets: 5 per side, with leanings from far-left to far-right and rating tables keyed
  by host for some of them, plus 2 unrated outlets;
- each side has planted framing terms (unigrams, bigrams, trigrams, e.g. "job-killing
  mandate" on the right) used in about 1 sentence in 6 of that side, so the analysis has real
  framing to find; a few shared event terms are used by everyone.

Each story is written to <out>/story-<n>.json, compact JSON, UTF-8.
"""

import argparse
import json
import os
import random
from bisect import bisect_left
from itertools import accumulate

COMMON = (
    "the of and to a in that is was for on it with as he said by at from his be have has "
    "are this an not but they who were their had been will would its or we more after one "
    "also about up out over new than when there all two which she her could into other some "
    "may no if can first last what so year years people percent government state officials "
    "president police told week monday tuesday wednesday thursday friday city country "
    "minister house court law plan bill vote leaders report according because while before "
    "since during under against between where only just those these then them our us you i "
    "do did does made make says say including any most many much very even still back down "
    "off away time day days month three four five million billion public security national "
    "military forces group groups party spokesman statement"
).split()

ONSETS = "b c d f g h j k l m n p r s t v w z br cr dr fr gr pr tr bl cl fl gl pl sl st sp sh ch th".split()
VOWELS = "a e i o u a e i o ea ou ai io".split()
CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rt", "ng", "ck"]

SIDES = ("left", "center", "right")
OUTLETS = {
    "left": [
        ("Progressive Ledger", "progressiveledger.test", "far-left"),
        ("The Daily Commons", "dailycommons.test", "left"),
        ("Metro Tribune", "metrotribune.test", "lean-left"),
        ("Harbor Gazette", "harborgazette.test", "lean-left"),
        ("Coastal Voice", "coastalvoice.test", "left"),
    ],
    "center": [
        ("Wire Service One", "wireone.test", "center"),
        ("National Record", "nationalrecord.test", "center"),
        ("The Plainview Post", "plainviewpost.test", "center"),
        ("Midland Courier", "midlandcourier.test", "center"),
        ("Evening Standard Report", "eveningreport.test", "center"),
    ],
    "right": [
        ("Liberty Herald", "libertyherald.test", "far-right"),
        ("The Heartland Times", "heartlandtimes.test", "right"),
        ("Capitol Sentinel", "capitolsentinel.test", "lean-right"),
        ("Frontier Journal", "frontierjournal.test", "lean-right"),
        ("Patriot Dispatch", "patriotdispatch.test", "right"),
    ],
}
UNRATED = [("Local Blog Network", "localblog.test"), ("Aggregator Now", "aggregatornow.test")]

PLANTED = {
    "left": ["working families", "corporate greed", "living wage", "climate justice",
             "gun violence", "undocumented workers", "voter suppression", "wealthy donors",
             "public health crisis", "reproductive freedom"],
    "center": ["lawmakers", "officials said", "the measure", "analysts", "according to data",
               "both parties", "the proposal would", "budget office", "negotiators",
               "independent estimates"],
    "right": ["job-killing mandate", "illegal aliens", "radical agenda", "taxpayer dollars",
              "border crisis", "government overreach", "law-abiding citizens", "woke",
              "small business owners", "death tax"],
}
EVENT = ["minimum wage", "the bill", "the governor", "the senate", "state capital",
         "hourly workers", "the vote"]


class Vocabulary:
    """Words by Zipf rank; `word()` draws one."""

    def __init__(self, rng, size=40_000, exponent=1.07):
        seen = set(COMMON)
        made = []
        while len(made) < size:
            u = rng.random()
            syllables = 1 if u < 0.3 else 2 if u < 0.75 else 3 if u < 0.95 else 4
            w = "".join(
                rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                for _ in range(syllables)
            )
            if w not in seen:
                seen.add(w)
                made.append((syllables + rng.random() * 2.5, w))
        # Shorter words are the more frequent (Zipf's law of abbreviation), loosely.
        made.sort()
        self.words = list(COMMON) + [w for _, w in made]
        self.cum = list(accumulate(1.0 / (r ** exponent) for r in range(1, len(self.words) + 1)))
        self.rng = rng

    def word(self):
        x = self.rng.random() * self.cum[-1]
        return self.words[min(bisect_left(self.cum, x), len(self.words) - 1)]


def sentence(rng, vocab, side, n_words):
    words = []
    while len(words) < n_words:
        r = rng.random()
        if r < 0.025:
            words.append(str(int(rng.random() ** 3 * 2000) + 2))
        elif r < 0.07:
            words.append(vocab.word().capitalize())
        elif r < 0.085:
            words.extend(rng.choice(EVENT).split())
        else:
            words.append(vocab.word())
    if rng.random() < 1 / 6:
        term = rng.choice(PLANTED[side])
        at = rng.randrange(len(words))
        words[at:at] = term.split()
    if n_words > 12 and rng.random() < 0.4:
        at = rng.randrange(3, n_words - 3)
        words[at] += ","
    words[0] = words[0].capitalize()
    text = " ".join(words)
    if rng.random() < 0.08:
        who = rng.choice(["he said", "she said", "officials said", "a spokesman said"])
        return f"\u201c{text},\u201d {who}."
    if rng.random() < 0.04:
        return text + "?"
    return text + "."


def article_text(rng, vocab, side):
    target = 350 + int(350 * rng.random() ** 2.5)
    paragraphs, paragraph, count = [], [], 0
    while count < target:
        n = min(38, max(6, int(rng.gauss(21, 7))))
        n = min(n, max(6, target - count))
        paragraph.append(sentence(rng, vocab, side, n))
        count += n
        if len(paragraph) >= 2 + int(rng.random() * 3):
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    return "\n\n".join(paragraphs)


def headline(rng, vocab, side):
    words = [vocab.word() for _ in range(6 + int(rng.random() * 8))]
    if rng.random() < 0.3:
        words[1:1] = rng.choice(PLANTED[side]).split()
    return " ".join(w.capitalize() for w in words)


def story(n, seed, vocab=None):
    rng = random.Random(seed)
    vocab = vocab or Vocabulary(random.Random(seed ^ 0x5EED))
    articles = []
    ratings = {}
    for i in range(n):
        r = rng.random()
        if r < 0.06:
            source, host = UNRATED[i % len(UNRATED)]
            side, leaning = rng.choice(SIDES), None
        else:
            side = SIDES[0] if r < 0.38 else SIDES[1] if r < 0.65 else SIDES[2]
            source, host, leaning = OUTLETS[side][int(rng.random() ** 1.3 * 5)]
        item = {
            "id": f"a{i:05d}",
            "source": source,
            "url": f"https://www.{host}/politics/2025/06/{i:05d}-story",
            "headline": headline(rng, vocab, side),
            "text": article_text(rng, vocab, side),
            "published": f"2025-06-{1 + i % 28:02d}",
        }
        # About a third of rated articles carry their own leaning; the rest are rated by host.
        if leaning and rng.random() < 0.35:
            item["leaning"] = leaning
        elif leaning:
            ratings[host] = leaning
        articles.append(item)
    return {"title": f"Benchmark story: {n} articles (seed {seed})", "articles": articles,
            "ratings": dict(sorted(ratings.items()))}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "corpus"))
    parser.add_argument("--seed", type=int, default=20250602)
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--stories", type=int, help="write a JSON Lines corpus of this many stories")
    parser.add_argument("--articles", type=int, default=20, help="articles per story in --stories")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.stories:
        vocab = Vocabulary(random.Random(args.seed ^ 0x5EED))
        path = os.path.join(args.out, f"stories-{args.stories}x{args.articles}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i in range(args.stories):
                data = story(args.articles, args.seed + i, vocab)
                data["title"] = f"Benchmark story {i}: {args.articles} articles (seed {args.seed + i})"
                f.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        print(f"{path}: {args.stories} stories of {args.articles} articles, {os.path.getsize(path)} bytes")
        return
    for n in (int(s) for s in args.sizes.split(",")):
        data = story(n, args.seed)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        path = os.path.join(args.out, f"story-{n}.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        words = sum(len((a["headline"] + " " + a["text"]).split()) for a in data["articles"])
        text_bytes = sum(len(a["headline"].encode()) + len(a["text"].encode())
                         for a in data["articles"])
        print(f"{path}: {n} articles, {words} words ({words / n:.0f}/article), "
              f"{text_bytes} bytes of headline+text, {len(text.encode())} bytes of JSON")


if __name__ == "__main__":
    main()
