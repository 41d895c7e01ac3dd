# Types of the public API (the implementation, untyped: __init__.py and the compiled _native).
from typing import Mapping, Optional

from .types import *  # noqa: F403
from .types import Report, StoryInput

__version__: str

class InputError(ValueError):
    """A story or an option that cannot be analyzed: `str(e)` is `"<path>: <message>"`."""

    path: str
    message: str
    def __init__(self, path: str, message: str) -> None: ...

def analyze(
    story: StoryInput,
    /,
    *,
    max_ngram: Optional[int] = None,
    prior_scale: Optional[float] = None,
    z_min: Optional[float] = None,
    min_count: Optional[int] = None,
    top: Optional[int] = None,
    max_p: Optional[float] = None,
    language: Optional[bool] = None,
    emphasis: Optional[bool] = None,
    key_points: Optional[bool] = None,
    ratings: Optional[Mapping[str, str]] = None,
) -> Report: ...
def analyze_json(
    story: StoryInput,
    /,
    *,
    max_ngram: Optional[int] = None,
    prior_scale: Optional[float] = None,
    z_min: Optional[float] = None,
    min_count: Optional[int] = None,
    top: Optional[int] = None,
    max_p: Optional[float] = None,
    language: Optional[bool] = None,
    emphasis: Optional[bool] = None,
    key_points: Optional[bool] = None,
    ratings: Optional[Mapping[str, str]] = None,
) -> str: ...
