"""What changed in an answer since the previous attempt, word by word.

The assessor reads a resubmitted answer with its additions and deletions
marked. Texts are split into tokens of a word (or a run of punctuation) with
the whitespace that follows it, so joining the tokens gives the text back
exactly and a changed word is shown whole.

``difflib.SequenceMatcher`` alone takes half a second to five seconds on two
20,000-word answers, because frequent words ("the", "and") make its search
quadratic. So the texts are first cut at anchors, as patience diff does:
words that occur exactly once on each side and keep their order. Each
stretch between anchors is cut again the same way (a word repeated in the
whole text is often unique within a stretch), and only small stretches reach
SequenceMatcher. Two 20,000-word answers take well under 100 ms.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

_TOKEN = re.compile(r"\s+|(?:\w+|[^\w\s]+)\s*")

# Stretches whose sizes multiply to at most this go to SequenceMatcher as they
# are; it is quick on them and finds the smallest diff.
_SMALL = 40_000
# A larger stretch without any anchor goes to SequenceMatcher (skipping very
# frequent tokens) only when its search stays within this many steps;
# otherwise it is shown deleted and inserted whole. Such a stretch shares no
# unique token in order, so a finer diff would hardly be readable anyway.
_BUDGET = 100_000


class Change(enum.StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class DiffSegment(NamedTuple):
    """A run of text that is unchanged, added in the new text, or removed."""

    kind: Change
    text: str


def tokens(text: str) -> list[str]:
    """Words (or punctuation) each with the whitespace after it; they join to text."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[DiffSegment]:
    """The changes that turn ``old`` into ``new``, as consecutive segments.

    EQUAL and DELETE segments join to ``old``; EQUAL and INSERT join to
    ``new``. A replaced stretch comes as its DELETE followed by its INSERT.
    Words are compared without the whitespace after them, so a word that only
    gained a following space stays equal and the space alone is inserted.
    """
    a, b = tokens(old), tokens(new)
    # Each distinct word as a small number: cheaper to hash and compare.
    numbers: dict[str, int] = {}
    a_words = [numbers.setdefault(t.rstrip(), len(numbers)) for t in a]
    b_words = [numbers.setdefault(t.rstrip(), len(numbers)) for t in b]
    out = _Segments()
    for kind, start, end, b_start in _runs(a_words, b_words):
        if kind is Change.INSERT:
            out.add(kind, "".join(b[start:end]))
        elif kind is Change.DELETE:
            out.add(kind, "".join(a[start:end]))
        elif a[start:end] == b[b_start : b_start + end - start]:
            out.add(kind, "".join(a[start:end]))
        else:
            pairs = zip(a[start:end], b[b_start : b_start + end - start], strict=True)
            for old_token, new_token in pairs:
                if old_token == new_token:
                    out.add(Change.EQUAL, old_token)
                    continue
                word = old_token.rstrip()
                out.add(Change.EQUAL, word)
                out.add(Change.DELETE, old_token[len(word) :])
                out.add(Change.INSERT, new_token[len(word) :])
    return out.segments()


class _Segments:
    """Collects pieces of text, joining neighbours of the same kind."""

    def __init__(self) -> None:
        self._kinds: list[Change] = []
        self._pieces: list[list[str]] = []

    def add(self, kind: Change, text: str) -> None:
        if not text:
            return
        if self._kinds and self._kinds[-1] is kind:
            self._pieces[-1].append(text)
        else:
            self._kinds.append(kind)
            self._pieces.append([text])

    def segments(self) -> list[DiffSegment]:
        return [
            DiffSegment(kind, "".join(pieces))
            for kind, pieces in zip(self._kinds, self._pieces, strict=True)
        ]


# (kind, start, end, start in b of an EQUAL run); INSERT runs index b.
_Run = tuple[Change, int, int, int]


def _runs(a: Sequence[int], b: Sequence[int]) -> list[_Run]:
    """The runs that turn ``a`` into ``b``, in text order."""
    runs: list[_Run] = []
    # Stretches still to compare, the next one on top, so runs come out in
    # text order without recursion. An equal stretch has ahi < 0.
    pending = [(0, len(a), 0, len(b))]
    while pending:
        alo, ahi, blo, bhi = pending.pop()
        if ahi < 0:
            runs.append((Change.EQUAL, alo, -ahi - 1, blo))
            continue
        start, b_start = alo, blo
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            alo, blo = alo + 1, blo + 1
        runs.append((Change.EQUAL, start, alo, b_start))
        end = ahi
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
        pending.append((ahi, -end - 1, bhi, -1))

        if alo == ahi or blo == bhi or set(a[alo:ahi]).isdisjoint(b[blo:bhi]):
            runs.append((Change.DELETE, alo, ahi, 0))
            runs.append((Change.INSERT, blo, bhi, 0))
        elif (ahi - alo) * (bhi - blo) <= _SMALL:
            runs.extend(_matcher_runs(a, b, alo, ahi, blo, bhi))
        elif anchors := _anchors(a, b, alo, ahi, blo, bhi):
            pending.extend(reversed(_between(anchors, alo, ahi, blo, bhi)))
        elif _search_steps(a, b, alo, ahi, blo, bhi) <= _BUDGET:
            runs.extend(_matcher_runs(a, b, alo, ahi, blo, bhi, autojunk=True))
        else:
            runs.append((Change.DELETE, alo, ahi, 0))
            runs.append((Change.INSERT, blo, bhi, 0))
    return [run for run in runs if run[1] < run[2]]


def _matcher_runs(
    a: Sequence[int],
    b: Sequence[int],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
    autojunk: bool = False,
) -> list[_Run]:
    matcher = SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=autojunk)
    runs: list[_Run] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append((Change.EQUAL, alo + i1, alo + i2, blo + j1))
            continue
        runs.append((Change.DELETE, alo + i1, alo + i2, 0))
        runs.append((Change.INSERT, blo + j1, blo + j2, 0))
    return runs


def _search_steps(
    a: Sequence[int], b: Sequence[int], alo: int, ahi: int, blo: int, bhi: int
) -> int:
    """Roughly how many steps one search of SequenceMatcher(autojunk) takes."""
    count_b = Counter(b[blo:bhi])
    # SequenceMatcher's own rule for the tokens it treats as too popular.
    popular = (bhi - blo) // 100 + 1 if bhi - blo >= 200 else bhi - blo
    steps = 0
    for token in a[alo:ahi]:
        count = count_b.get(token, 0)
        if count <= popular:
            steps += count
    return steps


def _anchors(
    a: Sequence[int], b: Sequence[int], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int]]:
    """Pairs (i, j) of tokens unique on both sides, the longest run in order."""
    count_a = Counter(a[alo:ahi])
    count_b = Counter(b[blo:bhi])
    where_b = {
        token: j
        for j, token in enumerate(b[blo:bhi], start=blo)
        if count_b[token] == 1 and count_a[token] == 1
    }
    pairs = [
        (i, where_b[token])
        for i, token in enumerate(a[alo:ahi], start=alo)
        if token in where_b
    ]
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (ordered by i) increasing in j."""
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for index, (_i, j) in enumerate(pairs):
        place = bisect_left(tails, j)
        if place == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[place] = j
            tail_index[place] = index
        parent[index] = tail_index[place - 1] if place else -1
    chain: list[tuple[int, int]] = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = parent[index]
    chain.reverse()
    return chain


def _between(
    anchors: list[tuple[int, int]], alo: int, ahi: int, blo: int, bhi: int
) -> list[tuple[int, int, int, int]]:
    """The stretches around and between anchors, anchors included as equal."""
    stretches = []
    for i, j in anchors:
        stretches.append((alo, i, blo, j))
        alo, blo = i, j
    stretches.append((alo, ahi, blo, bhi))
    return stretches
