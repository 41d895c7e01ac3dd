"""The story that goes in (docs/STORY.md) and the report that comes out (docs/REPORT.md), as
``TypedDict`` types for type checkers; at run time they are plain dicts. One class per object
of the report, keys in the report's order (tests/python checks them against real reports).
"""

from typing import List, Literal, Optional, TypedDict, Union

__all__ = [
    "Article",
    "ArticleSummary",
    "Blindspot",
    "ComparisonLine",
    "Coverage",
    "Example",
    "Framing",
    "Leaning",
    "LeaningSource",
    "Notes",
    "OutletUses",
    "Params",
    "Rates",
    "Report",
    "SideCoverage",
    "SideFraming",
    "SideLabel",
    "SideName",
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


class _StoryRequired(TypedDict):
    articles: List[Article]


class Story(_StoryRequired, total=False):
    title: Optional[str]
    ratings: Optional[dict]


# ---- The report (output) ----


class Params(TypedDict):
    max_ngram: int
    prior_scale: float
    z_min: float
    min_count: int
    top_k: int
    max_p: float


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


class ArticleSummary(TypedDict):
    id: str
    source: str
    leaning: Leaning
    leaning_from: LeaningSource
    side: SideName
    headline: Optional[str]
    url: Optional[str]
    published: Optional[str]


class Report(TypedDict):
    version: int
    params: Params
    coverage: Coverage
    sides: Sides
    blindspot: Optional[Blindspot]
    framing: Framing
    comparison: List[ComparisonLine]
    warnings: List[str]
    notes: Notes
    articles: List[ArticleSummary]


# A story as `analyze` takes it: a dict, JSON text, or UTF-8 JSON bytes.
StoryInput = Union[Story, dict, str, bytes, bytearray]
