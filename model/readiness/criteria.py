"""Do a part's answers appear to address each rubric criterion?

Each criterion carries "look-for" terms per language (docs/catalog-format.md).
A term matches when the stems of all its content words occur somewhere in the
part's answers: "exit tickets" matches "exit ticket", and "boleto de salida"
matches "los boletos de salida". Terms of every language are tried, since an
educator may write in either. Words need not be adjacent: a phrase's words
found apart still count, so a criterion is only reported when none of its
terms occurs at all. Matching is on stems, never on meaning: a criterion
addressed in other words is reported, and a term mentioned in passing
satisfies it.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import snowballstemmer
from snowballstemmer.basestemmer import BaseStemmer

from model.readiness.text import fold, letter_words, word_set
from model.records import CriterionRecord

STEMMER_NAMES = {"en": "english", "es": "spanish"}

# Dropped from multi-word terms; a term made only of these keeps them all.
_STOPWORDS = {
    "en": word_set(
        "a an the of to in on at for from with by and or as is are be into about"
    ),
    "es": word_set(
        "de del la las el los lo un una unos unas y o a al en con por para que "
        "se su sus"
    ),
}
_local = threading.local()


def _stemmer(language: str) -> BaseStemmer:
    """One stemmer per thread and language: stemmer objects keep state."""
    stemmers: dict[str, BaseStemmer] | None = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(STEMMER_NAMES[language])
    return stemmers[language]


@lru_cache(maxsize=65536)
def stem(language: str, word: str) -> str:
    """The snowball stem of a folded ``word``."""
    result: str = _stemmer(language).stemWord(word)
    if language == "es" and len(result) > 3 and result[-1] in "aeiou":
        # The Spanish stemmer leaves a vowel on some singulars only:
        # "errónea" → "errone" but "erróneas" → "erron".
        result = result[:-1]
    return result


@lru_cache(maxsize=4096)
def term_stems(language: str, term: str) -> tuple[str, ...]:
    """The stems a ``term`` needs, e.g. "boleto de salida" → ("bolet", "sal")."""
    words = letter_words(term)
    content = [w for w in words if w not in _STOPWORDS[language]] or words
    return tuple(stem(language, w) for w in content)


def clear_caches() -> None:
    """Forget every stem; the benchmark uses it to time a first check."""
    stem.cache_clear()
    term_stems.cache_clear()


def unaddressed(
    criteria: Sequence[CriterionRecord],
    words: Iterable[str],
    languages: Sequence[str] = (),
) -> list[CriterionRecord]:
    """The criteria none of whose look-for terms occurs among ``words``.

    ``words`` are the lowercased words of a part's answers, each once. Terms
    of ``languages`` are tried first (those the answers are written in): the
    result is the same, found sooner. A criterion without look-for terms
    cannot be checked and is never listed.
    """
    joined = " ".join(words)
    index = sorted(set((joined if joined.isascii() else fold(joined)).split()))
    first = {language: rank for rank, language in enumerate(languages)}
    return [c for c in criteria if _addressed(c, index, first) is False]


def _addressed(
    criterion: CriterionRecord, index: list[str], first: Mapping[str, int]
) -> bool | None:
    terms = [
        (language, stems)
        for language, term in _terms(criterion.look_for)
        if (stems := term_stems(language, term))
    ]
    if not terms:
        return None
    terms.sort(key=lambda t: first.get(t[0], len(first)))
    return any(
        all(_occurs(language, s, index) for s in stems) for language, stems in terms
    )


def _occurs(language: str, wanted: str, index: list[str]) -> bool:
    """Does a word of the sorted ``index`` stem to ``wanted``?

    A snowball stem begins the word it comes from, but for a last letter the
    stemmer may restore or change ("hoping" → "hope", "study" → "studi").
    So only words starting like the stem are stemmed: stemming is the slow
    part of the whole check, and this keeps a long answer fast.
    """
    start = wanted[:-1] if wanted[-1:] in ("e", "i") and len(wanted) > 2 else wanted
    position = bisect_left(index, start)
    while position < len(index) and index[position].startswith(start):
        if stem(language, index[position]) == wanted:
            return True
        position += 1
    return False


def _terms(look_for: Mapping[str, list[str]]) -> list[tuple[str, str]]:
    return [
        (language, term)
        for language, terms in look_for.items()
        if language in STEMMER_NAMES
        for term in terms
    ]
