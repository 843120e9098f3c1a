"""Counting words the way a reader does."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of letters or digits, any script."""
    return sum(1 for _ in _WORD.finditer(text))
