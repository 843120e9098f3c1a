"""The privacy check an educator gets before submitting.

Assessment is double-blind, so an answer or a file name that gives away the
educator's name or e-mail (or a word the settings list, such as the school's
name) is worth a warning. Matching ignores case and accents: "alex rivera"
in an answer is found for "Álex Rivera". Names and words match whole words
only, so "Al" never matches inside "Alfonso"; digits and underscores count as
separators, so "rivera_2024.pdf" is found too.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from model.records import ApplicationRecord

# The setting that holds the extra words, one per line or separated by commas.
WORDS_SETTING = "privacy_words"
# Shorter name parts ("Li", "Al") would match too many ordinary words.
MIN_NAME_PART = 3

_NAME_PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Letters only: a digit or an underscore next to a word still ends it.
_BEFORE = r"(?<![^\W\d_])"
_AFTER = r"(?![^\W\d_])"


class PrivacyMatch(enum.StrEnum):
    """What a finding matched. The order is the priority when spans overlap."""

    EMAIL = "email"
    NAME = "name"
    WORD = "word"


@dataclass(frozen=True)
class PrivacyFinding:
    """One place where something identifying was found.

    In an answer, ``question_id`` is set; in an attachment's file name,
    ``filename`` is. ``start`` and ``end`` index the original text (the answer
    or the file name), and ``found`` is that text as the educator typed it.
    """

    kind: PrivacyMatch
    term: str
    found: str
    start: int
    end: int
    part_id: int | None
    question_id: int | None = None
    filename: str | None = None


def privacy_findings(
    answers: Mapping[int, Mapping[int, str]],
    attachments: Iterable[tuple[int, str]],
    display_name: str,
    email: str,
    words: Iterable[str] = (),
) -> list[PrivacyFinding]:
    """Every match in ``answers`` (by part, then question) and file names.

    ``attachments`` are (part id, file name) pairs. A match inside a longer
    one (a name part inside the full name, the name inside the e-mail) is
    reported once, as the longer match.
    """
    patterns = _patterns(display_name, email, words)
    findings: list[PrivacyFinding] = []
    for part_id, by_question in answers.items():
        for question_id, text in by_question.items():
            for kind, term, start, end in _matches(text, patterns):
                findings.append(
                    PrivacyFinding(
                        kind, term, text[start:end], start, end, part_id, question_id
                    )
                )
    for part_id, filename in attachments:
        for kind, term, start, end in _matches(filename, patterns):
            findings.append(
                PrivacyFinding(
                    kind,
                    term,
                    filename[start:end],
                    start,
                    end,
                    part_id,
                    filename=filename,
                )
            )
    return findings


def application_findings(
    record: ApplicationRecord, display_name: str, email: str, words: Iterable[str]
) -> list[PrivacyFinding]:
    """The privacy check of one application, its parts in their order."""
    answers = {
        part.id: {
            q.id: record.answers[q.id] for q in part.questions if q.id in record.answers
        }
        for part in record.credential.parts
    }
    attachments = [(a.part_id, a.filename) for a in record.attachments]
    return privacy_findings(answers, attachments, display_name, email, words)


def words_from_setting(value: str) -> list[str]:
    """The extra words of the setting: one per line, or separated by commas."""
    return [w.strip() for w in re.split(r"[\n,;]", value) if w.strip()]


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` without case or accents, and where each folded character came from.

    Folding may change the length ("ß" becomes "ss", a combining accent
    disappears), so the second list gives, for each folded character, the
    index of the original character it came from.
    """
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        plain = "".join(
            c
            for c in unicodedata.normalize("NFKD", char)
            if not unicodedata.combining(c)
        ).casefold()
        folded.append(plain)
        origin.extend([index] * len(plain))
    return "".join(folded), origin


_Pattern = tuple[PrivacyMatch, str, re.Pattern[str]]


def _patterns(display_name: str, email: str, words: Iterable[str]) -> list[_Pattern]:
    patterns: list[_Pattern] = []
    if email.strip():
        folded = re.escape(fold(email.strip())[0])
        patterns.append(
            (PrivacyMatch.EMAIL, email.strip(), re.compile(rf"(?<![\w.+-]){folded}"))
        )
    parts = _NAME_PART.findall(display_name)
    if parts:
        patterns.append(_words_pattern(PrivacyMatch.NAME, " ".join(parts)))
    for part in parts:
        if len(part) >= MIN_NAME_PART and len(parts) > 1:
            patterns.append(_words_pattern(PrivacyMatch.NAME, part))
    for word in words:
        if word.strip():
            patterns.append(_words_pattern(PrivacyMatch.WORD, word.strip()))
    return patterns


def _words_pattern(kind: PrivacyMatch, term: str) -> _Pattern:
    """Whole words of ``term``, any whitespace or hyphen between them."""
    pieces = [re.escape(fold(w)[0]) for w in term.split()]
    body = r"[\s_-]+".join(pieces)
    return kind, term, re.compile(_BEFORE + body + _AFTER)


def _matches(
    text: str, patterns: list[_Pattern]
) -> list[tuple[PrivacyMatch, str, int, int]]:
    """Matches in ``text`` as original offsets, overlaps kept once."""
    folded, origin = fold(text)
    found = []
    for priority, (kind, term, pattern) in enumerate(patterns):
        for match in pattern.finditer(folded):
            if match.end() == match.start():
                continue
            start = origin[match.start()]
            end = origin[match.end() - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            found.append((start, -end, priority, kind, term))
    found.sort()
    kept: list[tuple[PrivacyMatch, str, int, int]] = []
    reach = -1
    for start, negative_end, _priority, kind, term in found:
        end = -negative_end
        if end <= reach:
            continue
        kept.append((kind, term, start, end))
        reach = max(reach, end)
    return kept
