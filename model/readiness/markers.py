"""The words and phrases the voice check counts, in English and Spanish.

Single words are sets, looked up once per paragraph. Phrases are regular
expressions over the lowercased paragraph, each with anchor words: an
expression runs only on a paragraph that contains one of its anchors.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass

from model.readiness.spanish import FIRST_PERSON_VERBS
from model.readiness.text import is_word_character, word_set


@dataclass(frozen=True)
class Phrases:
    """Markers of several words, each a regular expression with anchor words.

    Speed matters here more than anywhere else in the check, hence two
    choices. An expression runs only where one of its anchors occurs, found
    with one set intersection per paragraph. And the expressions do not start
    with a word boundary: with one, Python's engine tries every position of
    the text, while one starting with a literal word jumps straight to it,
    some thirty times faster; the boundary is checked on the matches instead.
    """

    rules: tuple[tuple[frozenset[str], re.Pattern[str]], ...]
    anchors: frozenset[str]

    def find(self, chunk: str, words: Set[str]) -> list[str]:
        """The phrases in ``chunk``, a paragraph made of ``words``."""
        hits = self.anchors.intersection(words)
        if not hits:
            return []
        return [
            m.group()
            for anchors, pattern in self.rules
            if not anchors.isdisjoint(hits)
            for m in pattern.finditer(chunk)
            if m.start() == 0 or not is_word_character(chunk[m.start() - 1])
        ]


def _phrases(*rules: tuple[str, str]) -> Phrases:
    """Phrases from ("anchor words", expression) pairs."""
    compiled = tuple(
        (word_set(anchors), re.compile(pattern.removeprefix(r"\b")))
        for anchors, pattern in rules
    )
    return Phrases(compiled, frozenset().union(*(a for a, _ in compiled)))


@dataclass(frozen=True)
class Markers:
    """Everything the voice check counts in one language."""

    stopwords: frozenset[str]
    personal: frozenset[str]
    normative: frozenset[str]
    general: frozenset[str]
    specific: frozenset[str]
    # First person that is a frame or a generic "we", not the educator's story.
    not_personal: Phrases
    normative_phrases: Phrases
    general_phrases: Phrases
    specific_phrases: Phrases
    # Endings of past narration ("presentaron", "llegó"), as one expression.
    specific_endings: re.Pattern[str] | None = None


_TEACHERS_ES = r"(?:docentes?|maestr[oa]s?|educador(?:es|as?)?|profesor(?:es|as?)?)"

_TEACHERS_EN = (
    "educator educators teacher teachers professional professionals profession"
)
_TEACHERS_ES = (
    "docente docentes maestro maestra maestros maestras educador educadora "
    "educadores educadoras profesor profesora profesores profesoras"
)
_TEACHER_ES = r"(?:docentes?|maestr[oa]s?|educador(?:es|as?)?|profesor(?:es|as?)?)"
_MUST_EN = (
    "important essential crucial vital critical necessary key imperative "
    "recommended advisable"
)
_MUST_ES = (
    "importante importantes fundamental fundamentales necesario necesaria "
    "necesarios necesarias esencial esenciales clave crucial cruciales vital "
    "vitales imprescindible imprescindibles indispensable indispensables "
    "recomendable preciso primordial"
)

ENGLISH = Markers(
    stopwords=word_set(
        "the and of to in is are that it for with they this on be was were have "
        "has but or their at by from as an i my we our what when who which will "
        "would can do does did how about after before so if them these those"
    ),
    # "\w+" splits "I'm" into "i" and "m": the pronoun is still counted.
    personal=word_set("i me my mine myself we our ours ourselves us"),
    normative=word_set("should shouldn must mustn"),
    general=word_set("teachers educators learners schools classrooms generally"),
    specific=word_set(
        "monday tuesday wednesday thursday friday saturday sunday mondays "
        "tuesdays wednesdays thursdays fridays january february march april "
        "june july august september october november december yesterday was "
        "were had did went came said told wrote ran gave took made got saw knew "
        "found began chose brought felt met sat sent spent taught understood "
        "became kept heard"
    ),
    not_personal=_phrases(
        (
            _TEACHERS_EN,
            r"we\s*,?\s*as\s+(?:an?\s+)?(?:\w+\s+)?(?:educators?|teachers?|"
            r"professionals?|profession|adults|schools?|society|community)\b",
        ),
        (
            _TEACHERS_EN,
            r"as\s+(?:an?\s+)?(?:\w+\s+)?(?:educators|teachers|professionals|"
            r"profession)\s*,?\s*(?:we|our|us)\b",
        ),
        ("all", r"we\s+all\b"),
        ("all", r"all\s+of\s+us\b"),
        (
            "think believe feel argue",
            r"i\s+(?:\w+ly\s+)?(?:think|believe|feel|would\s+argue)\b",
        ),
        ("opinion view", r"in\s+my\s+(?:opinion|view)\b"),
    ),
    normative_phrases=_phrases(
        ("ought need needs have has", r"(?:ought|needs?|ha(?:ve|s))\s+to\b"),
        (
            _MUST_EN,
            rf"it(?:\s+is|['’]s)\s+(?:\w+\s+)?(?:{_MUST_EN.replace(' ', '|')})\b",
        ),
        (
            "essential crucial vital imperative",
            r"(?:is|are)\s+(?:\w+\s+)?(?:essential|crucial|vital|imperative)\b",
        ),
    ),
    general_phrases=_phrases(
        (
            "teacher educator learner",
            r"(?:a|an|every|each|any|the)\s+(?:teacher|educator|learner)\b",
        ),
        ("classroom school", r"(?:a|an|every|each|any)\s+(?:classroom|school)\b"),
        ("practice practices", r"best\s+practices?\b"),
        (
            "shows show suggests suggest indicates indicate says say",
            r"(?:research|studies|experts?)\s+(?:shows?|suggests?|indicates?|says?)\b",
        ),
        ("general", r"in\s+general\b"),
    ),
    specific_phrases=_phrases(
        (
            "week month year term semester quarter spring fall autumn summer "
            "winter unit morning",
            r"(?:last|this|next)\s+(?:week|month|year|term|semester|quarter|spring|"
            r"fall|autumn|summer|winter|unit|morning)\b",
        ),
        ("he she they everyone nobody", r"(?:he|she|they|everyone|nobody)\s+\w+ed\b"),
    ),
)

SPANISH = Markers(
    stopwords=word_set(
        "el la los las de del y en que es son un una para con por mi mis se lo al "
        "su sus como pero más este esta fue también cuando porque muy ya sin "
        "sobre entre hasta yo nosotros le les qué cómo"
    ),
    personal=word_set(
        "yo mi mí mis me conmigo nosotros nosotras nuestro nuestra nuestros "
        "nuestras nos"
    ),
    normative=word_set(
        "debo debe debes deben debemos debería deberia deberían deberian "
        "deberíamos deberiamos deberá debera deberán deberan necesita necesitan "
        "conviene"
    ),
    general=word_set("generalmente"),
    specific=word_set(
        "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
        "enero febrero marzo abril mayo junio julio agosto septiembre setiembre "
        "octubre noviembre diciembre ayer fue fueron era eran tuvo hubo hizo dijo "
        "pudo puso vino quiso supo"
    ),
    not_personal=_phrases(
        # "Como docentes, debemos…", "los maestros tenemos…": a generic "we".
        (
            _TEACHERS_ES,
            rf"(?:como|los|las)\s+{_TEACHER_ES}\s*,?\s*(?:nosotr[oa]s\s+)?"
            r"(?:\w+mos|nuestr[oa]s?)\b",
        ),
        (_TEACHERS_ES, rf"nosotr[oa]s\s*,?\s*(?:como|los|las)\s+{_TEACHER_ES}\b"),
        ("todos todas", r"tod[oa]s\s+(?:nosotr[oa]s\s+)?\w+mos\b"),
        ("creo pienso considero opino", r"(?:creo|pienso|considero|opino)\s+que\b"),
        ("opinión opinion", r"en\s+mi\s+opini[oó]n\b"),
        ("parece", r"me\s+parece\s+que\b"),
    ),
    normative_phrases=_phrases(
        (
            "recomienda sugiere requiere espera",
            r"se\s+(?:recomienda|sugiere|requiere|espera\s+que)\b",
        ),
        (
            _MUST_ES,
            r"(?:es|son|resulta|resultan|ser[aá]|ser[ií]a)\s+(?:muy\s+|sumamente\s+)?"
            rf"(?:{_MUST_ES.replace(' ', '|')})\b",
        ),
        (
            "tengo tiene tienes tienen tenemos hay",
            r"(?:tengo|tienes?|tienen|tenemos|hay)\s+que\b",
        ),
        (
            "ideal importante fundamental esencial",
            r"lo\s+(?:ideal|importante|fundamental|esencial)\s+es\b",
        ),
    ),
    general_phrases=_phrases(
        (
            _TEACHERS_ES,
            r"(?:el|la|los|las|del|al|un|una|cada|ningún|todo|toda|todos|todas)"
            rf"\s+(?:l[oa]s\s+)?{_TEACHER_ES}\b",
        ),
        (
            "escuela escuelas sala salas",
            r"(?:las|todas\s+las|cada|toda|una)\s+(?:escuelas?|salas?\s+de\s+clases?)\b",
        ),
        ("prácticas practicas", r"(?:mejores|buenas)\s+pr[aá]cticas\b"),
        (
            "investigación investigacion investigaciones",
            r"investigaci(?:ones|ón|on)\s+(?:muestran?|demuestran?|indican?|"
            r"sugieren?|señalan?)\b",
        ),
        ("estudios", r"los\s+estudios\b"),
        ("general", r"en\s+general\b"),
    ),
    specific_phrases=_phrases(
        ("semana", r"(?:esta|la)\s+semana\s+pasada\b"),
        ("semana", r"esta\s+semana\b"),
        ("semana", r"la\s+pr[oó]xima\s+semana\b"),
        (
            "mes año semestre curso verano",
            r"el\s+(?:mes|año|semestre|curso|verano)\s+pasado\b",
        ),
        (
            "mes año semestre curso verano",
            r"este\s+(?:mes|año|semestre|curso|verano)\b",
        ),
        ("mes año semestre curso", r"el\s+pr[oó]ximo\s+(?:mes|año|semestre|curso)\b"),
    ),
    specific_endings=re.compile(r"(?:ó|aron|ieron|aban?)\b"),
)

MARKERS = {"en": ENGLISH, "es": SPANISH}

# A first-person verb form inside a generic phrase ("todos sabemos") is not
# the educator's own story either.
PERSONAL_IN_PHRASES = ENGLISH.personal | SPANISH.personal | FIRST_PERSON_VERBS
