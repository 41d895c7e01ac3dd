"""The story that goes in (docs/STORY.md) and the report that comes out (docs/REPORT.md), as
``TypedDict`` types for type checkers; at run time they are plain dicts. One class per object
of the report, keys in the report's order (tests/python checks them against real reports).
"""

from typing import Dict, List, Literal, Optional, TypedDict, Union

__all__ = [
    "Article",
    "ArticleSummary",
    "Blindspot",
    "ComparisonLine",
    "Coverage",
    "CoverageBy",
    "Emphasis",
    "Example",
    "FacetCoverage",
    "Framing",
    "KeyPoint",
    "KeyPoints",
    "Leaning",
    "LeaningSource",
    "Notes",
    "OutletUses",
    "Params",
    "RatingObject",
    "Rates",
    "Report",
    "SideCounts",
    "SideCoverage",
    "SideFraming",
    "SideLabel",
    "SideName",
    "SideShares",
    "Sides",
    "Story",
    "StoryInput",
    "Term",
    "TestDesign",
    "UnratedCoverage",
]

# A leaning as the report writes it. On input, spellings such as "Lean Left" or "centre"
# are accepted too (docs/STORY.md, "Leanings"), so the story's types say `str`.
Leaning = Literal[
    "far-left", "left", "lean-left", "center", "lean-right", "right", "far-right", "unrated"
]
SideName = Literal["left", "center", "right", "unrated"]
LeaningSource = Literal[
    "article",
    "ratings.source",
    "ratings.host",
    "options.ratings.source",
    "options.ratings.host",
    "none",
]


# ---- The story (input) ----


class _ArticleRequired(TypedDict):
    id: str
    source: str
    text: str


class Article(_ArticleRequired, total=False):
    headline: Optional[str]
    url: Optional[str]
    leaning: Optional[str]
    published: Optional[str]
    region: Optional[str]
    owner: Optional[str]
    factuality: Optional[str]


class RatingObject(TypedDict, total=False):
    """A ratings table's value given as an object: a leaning and facets (docs/STORY.md)."""

    leaning: Optional[str]
    region: Optional[str]
    owner: Optional[str]
    factuality: Optional[str]


class _StoryRequired(TypedDict):
    articles: List[Article]


class Story(_StoryRequired, total=False):
    title: Optional[str]
    ratings: Optional[Dict[str, Union[str, RatingObject]]]


# ---- The report (output) ----


class Params(TypedDict):
    max_ngram: int
    prior_scale: float
    z_min: float
    min_count: int
    top_k: int
    max_p: float
    language: bool
    emphasis: bool
    key_points: bool


class SideCoverage(TypedDict):
    articles: int
    sources: int
    share: float


class UnratedCoverage(TypedDict):
    articles: int
    sources: int


class Coverage(TypedDict):
    left: SideCoverage
    center: SideCoverage
    right: SideCoverage
    unrated: UnratedCoverage
    total_articles: int
    total_sources: int


# One facet's split: each value given (`SideCoverage`) and `unknown` (`UnratedCoverage`).
FacetCoverage = Dict[str, Union[SideCoverage, UnratedCoverage]]
# `coverage_by`: `region`, `owner`, `factuality`, each only when some article has a value.
CoverageBy = Dict[str, FacetCoverage]


class SideLabel(TypedDict):
    name: str
    short: str
    outlets: str
    articles: str
    percent: Optional[str]
    summary: str


class Sides(TypedDict):
    left: SideLabel
    center: SideLabel
    right: SideLabel
    unrated: SideLabel


class Blindspot(TypedDict):
    side: SideName
    share: float
    opposite_share: float
    text: str


class Rates(TypedDict):
    left: float
    center: float
    right: float


class Example(TypedDict):
    article: str
    source: str
    sentence: str


class OutletUses(TypedDict):
    source: str
    count: int


class Term(TypedDict):
    term: str
    display: str
    z: float
    count: int
    outlets: int
    uses: str
    p: float
    evidence: str
    by_outlet: List[OutletUses]
    rate: Rates
    examples: List[Example]


class TestDesign(TypedDict):
    units: int
    of: int
    assignments: Optional[int]
    exact: bool
    min_p: float


class SideFraming(TypedDict):
    insufficient: bool
    tested: bool
    test: TestDesign
    status: Optional[str]
    note: Optional[str]
    terms: List[Term]
    words: int
    term_tokens: int


class Framing(TypedDict):
    left: SideFraming
    center: SideFraming
    right: SideFraming


class SideCounts(TypedDict):
    left: int
    center: int
    right: int


class SideShares(TypedDict):
    left: float
    center: float
    right: float


class Emphasis(TypedDict):
    topic: str
    side: SideName
    kind: Literal["name", "term"]
    outlets: SideCounts
    outlet_share: SideShares
    articles: SideCounts
    article_share: SideShares
    p: float
    tested: bool
    omitted_by: List[SideName]
    variants: List[str]
    text: str
    examples: List[Example]


class KeyPoint(TypedDict):
    sentence: str
    article: str
    source: str
    side: SideName
    position: int
    in_headline: bool


class KeyPoints(TypedDict):
    left: List[KeyPoint]
    center: List[KeyPoint]
    right: List[KeyPoint]


class ComparisonLine(TypedDict):
    side: SideName
    text: str


class Notes(TypedDict):
    coverage: str
    shares: str
    framing: str
    rate: str
    z: str
    p: str
    blindspot: str
    method: str
    emphasis: str
    key_points: str
    common_ground: str


class ArticleSummary(TypedDict):
    id: str
    source: str
    leaning: Leaning
    leaning_from: LeaningSource
    side: SideName
    headline: Optional[str]
    url: Optional[str]
    published: Optional[str]


class Mark(TypedDict):
    """A charged, hedging or tone word marked in a quoted sentence."""

    text: str
    category: str


# A piece of a quoted sentence: plain text, or a marked word.
Part = Union[str, Mark]


class MarkedExample(TypedDict):
    article: str
    source: str
    sentence: str
    parts: List[Part]


class LanguageTerm(TypedDict):
    term: str
    display: str
    category: str
    count: int
    outlets: int
    uses: str
    negated: int
    examples: List[MarkedExample]


class WordUse(TypedDict):
    rate: float
    others: float
    count: int
    negated: int
    p: float
    holds: bool
    terms: List[LanguageTerm]


class ToneExample(TypedDict):
    article: str
    source: str
    sentence: str
    score: float
    parts: List[Part]


class Tone(TypedDict):
    mean: float
    others: float
    sd: float
    negative_share: float
    positive_share: float
    p: float
    holds: bool
    most_negative: Optional[ToneExample]
    most_positive: Optional[ToneExample]


class SideLanguage(TypedDict):
    words: int
    sentences: int
    tested: bool
    note: Optional[str]
    charged: WordUse
    hedging: WordUse
    tone: Tone


class LanguageCategory(TypedDict):
    key: str
    list: Literal["charged", "hedging", "tone"]
    name: str
    text: str


class Language(TypedDict):
    """How each side talks (docs/REPORT.md, "language"); None when switched off."""

    left: SideLanguage
    center: SideLanguage
    right: SideLanguage
    note: str
    categories: List[LanguageCategory]


class Report(TypedDict):
    version: int
    params: Params
    coverage: Coverage
    coverage_by: CoverageBy
    sides: Sides
    blindspot: Optional[Blindspot]
    framing: Framing
    language: Optional[Language]
    emphasis: Optional[List[Emphasis]]
    key_points: Optional[KeyPoints]
    common_ground: Optional[List[KeyPoint]]
    comparison: List[ComparisonLine]
    warnings: List[str]
    notes: Notes
    articles: List[ArticleSummary]


# A story as `analyze` takes it: a dict, JSON text, or UTF-8 JSON bytes.
StoryInput = Union[Story, dict, str, bytes, bytearray]
