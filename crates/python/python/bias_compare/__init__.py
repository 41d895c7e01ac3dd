"""bias-compare from Python: the Rust analysis library, compiled with PyO3.

    >>> import bias_compare
    >>> report = bias_compare.analyze(story, top=5)      # story: a dict, or JSON text
    >>> report["coverage"]["left"]["share"]

``analyze`` returns the report of docs/REPORT.md as a dict, the same report as
``bias-compare analyze``: ``json.dumps(report, indent=2, ensure_ascii=False) + "\\n"`` is that
command's output byte for byte. ``analyze_json`` returns it as compact JSON text on one line,
as ``bias-compare batch`` writes it. Bad input raises ``InputError``, a ``ValueError`` naming
the JSON path at fault. Options, errors and types: docs/PYTHON.md; the signatures with their
types are in ``__init__.pyi``.
"""

import json as _json

from . import types
from ._native import __version__
from ._native import analyze_json as _analyze_json
from .types import *  # noqa: F403 (the report's and the story's TypedDicts)

__all__ = ["InputError", "analyze", "analyze_json", "__version__", *types.__all__]


class InputError(ValueError):
    """A story or an option that cannot be analyzed.

    ``path`` is the JSON path of the value at fault (``articles[3].leaning``, ``story``,
    ``ratings["Other Herald"]``) or the keyword of the option (``top``); ``message`` is the
    problem. ``str(error)`` is ``"<path>: <message>"``: the CLI's message after ``error: ``,
    where the CLI names an option by its flag (``--top``) and Python by its keyword.
    """

    def __init__(self, path, message):
        super().__init__(path, message)
        self.path = path
        self.message = message

    def __str__(self):
        return f"{self.path}: {self.message}"


def analyze_json(story, /, **options):
    """The report of ``story`` as compact JSON text (one line, no newline); see ``analyze``."""
    return _analyze_json(story, **options)


def analyze(story, /, **options):
    """The report of ``story`` (docs/REPORT.md) as a dict.

    ``story`` is a dict, JSON text (``str``) or UTF-8 JSON (``bytes``). Options, by keyword:
    ``max_ngram``, ``prior_scale``, ``z_min``, ``min_count``, ``top``, ``max_p``, ``ratings``
    (docs/CLI.md, "Options"); ``None`` keeps the default. Raises ``InputError``.
    """
    return _json.loads(_analyze_json(story, **options))
