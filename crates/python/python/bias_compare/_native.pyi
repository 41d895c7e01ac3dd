# The compiled module (crates/python/src/lib.rs); use the functions of `bias_compare`.
from typing import Any

__version__: str

def analyze_json(story: Any, /, **options: Any) -> str: ...
