"""Is a paragraph about the educator's own practice, or about teaching in general?

Assessors deny answers that describe best practice ("a classroom should…")
instead of the educator's classroom ("in my classroom we…"). Each paragraph
of an answer (lists stay one paragraph) is read after quoted speech is
blanked out, and four kinds of markers are counted (see ``markers``):

- personal: first person ("I", "my students", "mis estudiantes", and the
  Spanish first-person verb forms that need no pronoun);
- normative: prescriptions ("should", "it is important", "debe", "hay que");
- general: talk of teachers or classrooms at large ("teachers", "a
  classroom", "best practice", "los docentes", "las investigaciones");
- specific: dates, numbers and past narration ("last week", "presentaron").

A paragraph of 12 words or more is flagged when

1. it prescribes or generalises (one normative marker, or two general ones)
   and those outnumber its first-person markers, so "teachers should…" is
   flagged and "next time I should…" is not; or
2. it has no first person and nothing specific, and does not follow a
   first-person paragraph: a statement about teaching that never says whose.

First person that is only a frame ("I believe…", "creo que…") or a generic
"we" ("we as educators…", "todos sabemos…") does not count as personal.

These are word rules, not understanding. They miss a general paragraph that
happens to contain a date or a past tense, and flag a personal one written
in Spanish with a first-person verb they do not know ("armamos") and no
other sign of the writer. The language of each paragraph is told by its
function words, so a paragraph mixing both is read as the commoner one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from model.readiness.markers import MARKERS, PERSONAL_IN_PHRASES, Markers, Phrases
from model.readiness.spanish import (
    FIRST_PERSON_VERBS,
    NOT_VERBS_IN_E,
    NOUN_CONTEXT,
    PRESENT_SINGULAR,
)
from model.readiness.text import Paragraph, blank_quotes, is_word_character, paragraphs

MIN_WORDS = 12
LANGUAGES = ("en", "es")

_TOKEN = re.compile(r"\w+")
_PARTICIPLE = re.compile(r"\w+(?:ado|ido|to|cho|so)$")
_US = re.compile(r"\bUS\b")
_DIGITS = re.compile(r"[0-9]+")
_JOINER = re.compile(r"[-'’](?=\w)")
_ENDS_IN_E = re.compile(r"é\b")
_WORD_BEFORE = re.compile(r"\w+$")


@dataclass(frozen=True)
class VoiceReading:
    """What the voice check counted in one paragraph of an answer."""

    start: int
    end: int
    language: str
    words: int
    personal: int
    normative: int
    general: int
    # Dates, numbers, past narration; only counted when the verdict needs it.
    specific: int | None = None
    # The paragraph before it, in the same answer, is in the first person:
    # "The students then…" goes on with the educator's own story.
    continues: bool = False

    @property
    def judged(self) -> bool:
        return self.words >= MIN_WORDS

    @property
    def prescribes(self) -> bool:
        """Prescriptions or generalities outnumber the first person."""
        markers = self.normative + self.general
        return (self.normative >= 1 or self.general >= 2) and markers > self.personal

    @property
    def general_voice(self) -> bool:
        """True when the paragraph reads as best practice, not own practice."""
        if not self.judged:
            return False
        return self.prescribes or not (self.personal or self.specific or self.continues)


@dataclass(frozen=True)
class AnswerReading:
    """One pass over an answer: its word count, its words, its voice."""

    words: int
    vocabulary: frozenset[str]
    paragraphs: tuple[VoiceReading, ...]


def read_answer(text: str, language: str = "en") -> AnswerReading:
    """Read ``text`` once; ``language`` breaks ties between languages.

    ``words`` counts as ``workflow.count_words`` does; ``vocabulary`` holds
    every lowercased word, quoted ones included.
    """
    lowered = _lower(text)
    quiet = blank_quotes(lowered)
    runs = 0
    vocabulary: set[str] = set()
    readings: list[VoiceReading] = []
    for paragraph in paragraphs(text):
        chunk = lowered[paragraph.start : paragraph.end]
        tokens = _TOKEN.findall(chunk)
        runs += len(tokens)
        vocabulary.update(tokens)
        spoken = quiet[paragraph.start : paragraph.end]
        if spoken != chunk:
            chunk, tokens = spoken, _TOKEN.findall(spoken)
        continues = bool(readings and readings[-1].personal)
        readings.append(_read(text, chunk, tokens, paragraph, language, continues))
    # "well-known" is one word to the workflow, two runs of letters here.
    words = runs - sum(
        1
        for m in _JOINER.finditer(lowered)
        if m.start() and is_word_character(lowered[m.start() - 1])
    )
    return AnswerReading(words, frozenset(vocabulary), tuple(readings))


def read_voice(text: str, language: str = "en") -> list[VoiceReading]:
    """One reading per paragraph of ``text``; ``language`` breaks ties."""
    return list(read_answer(text, language).paragraphs)


def is_general_voice(text: str, language: str = "en") -> bool:
    """True when any paragraph of ``text`` is written in a general voice."""
    return any(reading.general_voice for reading in read_voice(text, language))


def detect_language(words: Counter[str], hint: str) -> str:
    """Tell "en" from "es" by which language's function words are commoner."""
    en = sum(words[w] for w in MARKERS["en"].stopwords.intersection(words))
    es = sum(words[w] for w in MARKERS["es"].stopwords.intersection(words))
    if en == es:
        return hint if hint in LANGUAGES else "en"
    return "en" if en > es else "es"


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):
        # A few letters (İ) lowercase to two characters; keep offsets exact.
        lowered = "".join(c.lower()[:1] for c in text)
    return lowered


def _read(
    text: str,
    chunk: str,
    tokens: list[str],
    paragraph: Paragraph,
    hint: str,
    continues: bool,
) -> VoiceReading:
    words = Counter(tokens)
    language = detect_language(words, hint)
    markers = MARKERS[language]
    original = text[paragraph.start : paragraph.end]
    reading = VoiceReading(
        start=paragraph.start,
        end=paragraph.end,
        language=language,
        words=len(tokens),
        personal=_personal(markers, tokens, words, chunk, original),
        normative=_count(markers.normative, markers.normative_phrases, words, chunk),
        general=_count(markers.general, markers.general_phrases, words, chunk),
        continues=continues,
    )
    if reading.judged and not (reading.prescribes or reading.personal or continues):
        reading = replace(reading, specific=_specific(markers, words, chunk))
    return reading


def _count(
    single: frozenset[str],
    phrases: Phrases,
    words: Counter[str],
    chunk: str,
) -> int:
    found = sum(words[w] for w in single.intersection(words))
    return found + len(phrases.find(chunk, words.keys()))


def _specific(markers: Markers, words: Counter[str], chunk: str) -> int:
    found = _count(markers.specific, markers.specific_phrases, words, chunk)
    found += len(_DIGITS.findall(chunk))
    if markers.specific_endings is not None:
        found += sum(
            1
            for m in markers.specific_endings.finditer(chunk)
            if chunk[m.start() - 2 : m.start()].isalpha()
        )
    return found


def _personal(
    markers: Markers, tokens: list[str], words: Counter[str], chunk: str, original: str
) -> int:
    found = sum(words[w] for w in markers.personal.intersection(words))
    if "us" in words and "US" in original:
        found -= len(_US.findall(original))
    if "i" in words:
        # "i)" and "i." number list items; they are not the pronoun.
        found -= (
            chunk.count("\ni)") + chunk.count("\ni.") + chunk.startswith(("i)", "i."))
        )
    if markers is MARKERS["es"]:
        found += _spanish_verbs(tokens, words, chunk)
    if not found:
        return 0
    for match in markers.not_personal.find(chunk, words.keys()):
        found -= sum(1 for w in _TOKEN.findall(match) if w in PERSONAL_IN_PHRASES)
    return max(found, 0)


def _spanish_verbs(tokens: list[str], words: Counter[str], chunk: str) -> int:
    """First-person verb forms, the pronoun being usually left out."""
    found = 0
    for word in FIRST_PERSON_VERBS.intersection(words):
        if word in PRESENT_SINGULAR:
            # "el trabajo" is a noun, "lo trabajo" a verb.
            found += sum(
                1
                for i, token in enumerate(tokens)
                if token == word and (i == 0 or tokens[i - 1] not in NOUN_CONTEXT)
            )
        else:
            found += words[word]
    for match in _ENDS_IN_E.finditer(chunk):
        before = _WORD_BEFORE.search(chunk, max(0, match.start() - 30), match.end())
        if before is not None and _first_person_in_e(before.group()):
            found += 1
    if "he" in words:
        found += sum(
            1
            for i, token in enumerate(tokens[:-1])
            if token == "he" and _PARTICIPLE.match(tokens[i + 1])
        )
    return found


def _first_person_in_e(word: str) -> bool:
    """A word in stressed -é is a first-person preterite or future ("noté")."""
    return (
        len(word) > 3 and word not in NOT_VERBS_IN_E and word not in FIRST_PERSON_VERBS
    )
