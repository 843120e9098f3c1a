"""Plain-text helpers the readiness checks share: words, paragraphs, quotes."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

# The same notion of a word as workflow.count_words, so that the readiness
# panel and the submit rule never disagree about a word count.
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
LETTERS = re.compile(r"[^\W\d_]+")

_ACCENTED = "áàäâãåéèëêíìïîóòöôõúùüûýÿç"
_FOLDED = dict(zip(_ACCENTED, "aaaaaaeeeeiiiiooooouuuuyyc", strict=True))
# Faster than str.translate, which looks up every character of the text.
_FOLDABLE = re.compile(f"[{_ACCENTED}]")
_SEPARATOR = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LIST_ITEM = re.compile(r"(?:[-*•◦▪‣–—+]|\d{1,3}[.)]|[a-zA-Z][.)])\s")
# Quoted speech: straight double quotes, curly double quotes, guillemets and
# low-high quotes. Single quotes are left alone: ’ is also an apostrophe.
_QUOTE = re.compile(r'"[^"\n]{1,600}"|“[^”]{1,600}”|«[^»]{1,600}»|„[^“”]{1,600}[“”]')


def fold(text: str) -> str:
    """Lowercase and drop accents, keeping ñ: "Concepción" → "concepcion"."""
    lowered = unicodedata.normalize("NFC", text).lower()
    return _FOLDABLE.sub(lambda m: _FOLDED[m.group()], lowered)


def letter_words(text: str) -> list[str]:
    """Folded runs of letters; hyphens and apostrophes split words here."""
    return LETTERS.findall(fold(text))


def word_start(text: str, index: int) -> int:
    """Where the word at ``index`` (from 0) starts; reads no further than it.

    ``text`` has more than ``index`` words.
    """
    return next(itertools.islice(WORD.finditer(text), index, None)).start()


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string, for long lists."""
    return frozenset(words.split())


def is_word_character(character: str) -> bool:
    """What ``\\w`` matches, for the few places that check one character."""
    return character.isalnum() or character == "_"


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def blank_quotes(text: str) -> str:
    """``text`` with quoted speech replaced by spaces, offsets unchanged.

    A student's "I think…" is not the educator's voice, and an assessor's
    advice quoted in an answer is not the educator's prescription either.
    """
    return _QUOTE.sub(lambda m: " " * len(m.group()), text)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an answer, by its character offsets into the answer."""

    start: int
    end: int
    is_list: bool


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs split on blank lines; a list stays one paragraph.

    List items separated by blank lines, and the line introducing a list
    ("My plan:"), join the list they belong to.
    """
    blocks: list[Paragraph] = []
    position = 0
    for separator in [*_SEPARATOR.finditer(text), None]:
        stop = separator.start() if separator else len(text)
        block = _trimmed(text, position, stop)
        if block is not None:
            blocks.append(block)
        if separator:
            position = separator.end()
    merged: list[Paragraph] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        joins = previous is not None and (
            block.is_list and (previous.is_list or text[previous.end - 1] == ":")
        )
        if previous is not None and joins:
            merged[-1] = Paragraph(previous.start, block.end, True)
        else:
            merged.append(block)
    return merged


def _trimmed(text: str, start: int, stop: int) -> Paragraph | None:
    chunk = text[start:stop]
    stripped = chunk.strip()
    if not stripped:
        return None
    begin = start + (len(chunk) - len(chunk.lstrip()))
    end = begin + len(stripped)
    return Paragraph(begin, end, _LIST_ITEM.match(stripped) is not None)
