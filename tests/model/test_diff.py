"""The word-level "what changed since the previous attempt" view."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model import diff
from model.diff import Change, DiffSegment, word_diff

WORDS = ["the", "class", "exit", "ticket", "día", "students", "—", "42", "🎉", "a"]
GAPS = [" ", "  ", "\n", "\n\n", ", ", ". ", "\t", ""]

texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=60
).map(lambda pairs: "".join(w + g for w, g in pairs))
any_text = st.one_of(texts, st.text(max_size=80))


def old_side(segments: list[DiffSegment]) -> str:
    return "".join(s.text for s in segments if s.kind is not Change.INSERT)


def new_side(segments: list[DiffSegment]) -> str:
    return "".join(s.text for s in segments if s.kind is not Change.DELETE)


def check(old: str, new: str) -> list[DiffSegment]:
    segments = word_diff(old, new)
    assert old_side(segments) == old
    assert new_side(segments) == new
    assert all(s.text for s in segments)
    kinds = [s.kind for s in segments]
    assert all(x is not y for x, y in pairwise(kinds))
    return segments


@given(any_text, any_text)
def test_both_texts_come_back_exactly(old: str, new: str) -> None:
    check(old, new)


@given(any_text, any_text)
@settings(max_examples=300)
def test_anchoring_and_giving_up_keep_both_texts(old: str, new: str) -> None:
    # Thresholds so low that short texts take the paths long ones take.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(diff, "_SMALL", 4)
        patch.setattr(diff, "_BUDGET", 3)
        check(old, new)


@given(texts)
def test_an_unchanged_answer_is_one_equal_segment(text: str) -> None:
    assert word_diff(text, text) == ([DiffSegment(Change.EQUAL, text)] if text else [])


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "I use exit tickets.",
            "I use exit tickets every day.",
            [("equal", "I use exit tickets"), ("insert", " every day"), ("equal", ".")],
        ),
        (
            "My three sections write daily.",
            "My sections write daily.",
            [
                ("equal", "My "),
                ("delete", "three "),
                ("equal", "sections write daily."),
            ],
        ),
        (
            "Students talk in pairs.",
            "Students argue in pairs.",
            [
                ("equal", "Students "),
                ("delete", "talk "),
                ("insert", "argue "),
                ("equal", "in pairs."),
            ],
        ),
        (
            "one two",
            "one  two",
            [("equal", "one"), ("delete", " "), ("insert", "  "), ("equal", "two")],
        ),
        ("", "All new.", [("insert", "All new.")]),
        ("All gone.", "", [("delete", "All gone.")]),
        ("", "", []),
    ],
)
def test_examples(old: str, new: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.kind.value, s.text) for s in check(old, new)] == expected


def test_a_word_that_gains_a_space_stays_equal() -> None:
    segments = check("palabra palabra", "palabra palabra in my class")
    assert segments == [
        DiffSegment(Change.EQUAL, "palabra palabra"),
        DiffSegment(Change.INSERT, " in my class"),
    ]


def revised(rng: random.Random, words: list[str], rate: float) -> list[str]:
    out: list[str] = []
    for word in words:
        roll = rng.random()
        if roll < rate / 3:
            continue
        out.append(f"new{rng.randrange(10_000)}" if roll < 2 * rate / 3 else word)
        if roll < rate:
            out.append(f"added{rng.randrange(10_000)}")
    return out


def essay(rng: random.Random, count: int) -> list[str]:
    vocabulary = [f"w{i}" for i in range(3000)]
    weights = [1 / (i + 1) for i in range(3000)]  # a few words are very common
    return rng.choices(vocabulary, weights, k=count)


@pytest.mark.parametrize("rate", [0.0, 0.05, 0.3, 1.0])
def test_two_long_answers_are_compared_whole(rate: float) -> None:
    """20,000 words each way; how fast is bench/assessor.py's to measure."""
    rng = random.Random(7)
    words = essay(rng, 20_000)
    old = " ".join(words)
    new = " ".join(essay(rng, 20_000) if rate == 1.0 else revised(rng, words, rate))

    segments = check(old, new)

    if rate == 0.05:
        unchanged = sum(len(s.text.split()) for s in segments if s.kind is Change.EQUAL)
        assert unchanged > 0.9 * len(words)
