"""The readiness check: what an assessor is likely to deny, before submitting."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from model.readiness.criteria import unaddressed
from model.readiness.text import normalise_space, word_start
from model.readiness.voice import AnswerReading, read_answer
from model.records import (
    ApplicationRecord,
    AttachmentRecord,
    CredentialRecord,
    PartRecord,
    QuestionRecord,
)

# An answer under half its minimum is "far under": it likely skips whole
# parts of the question, not just detail.
FAR_UNDER_RATIO = 0.5


class FindingKind(enum.StrEnum):
    """Why an application may be denied; one kind per common reason."""

    UNANSWERED = "unanswered"
    FAR_UNDER = "far_under"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    CRITERION_NOT_ADDRESSED = "criterion_not_addressed"
    GENERAL_VOICE = "general_voice"
    NO_EVIDENCE = "no_evidence"
    BAD_LINK = "bad_link"
    UNCHANGED_FAILED_PART = "unchanged_failed_part"


@dataclass(frozen=True)
class Finding:
    """One thing the educator may want to fix before submitting.

    ``start`` and ``end`` are character offsets into the answer to
    ``question_id`` (the paragraph, for the voice; the words past the limit,
    for an answer too long), or None when the finding is about the whole part.
    ``words`` and ``limit`` are word counts, ``detail`` the link or the
    assessor's feedback; ``explain`` words the message from these.
    """

    kind: FindingKind
    part_id: int
    question_id: int | None = None
    start: int | None = None
    end: int | None = None
    criterion_id: int | None = None
    attachment_id: int | None = None
    words: int = 0
    limit: int = 0
    detail: str = ""


@dataclass(frozen=True)
class PreviousAttempt:
    """The denied attempt a resubmission follows.

    ``answers`` by question id; ``failed`` maps each part that needed more
    attention to the assessor's feedback on it.
    """

    answers: Mapping[int, str] = field(default_factory=dict)
    failed: Mapping[int, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls, draft: ApplicationRecord, previous: ApplicationRecord
    ) -> PreviousAttempt:
        """The previous attempt as ``draft``'s attention banners describe it."""
        return cls(answers=dict(previous.answers), failed=dict(draft.attention))


def check_readiness(
    credential: CredentialRecord,
    answers: Mapping[int, str],
    attachments: Sequence[AttachmentRecord],
    language: str,
    *,
    previous: PreviousAttempt | None = None,
    parts: Sequence[int] | None = None,
) -> list[Finding]:
    """Every finding on a draft, in the order of its parts and questions.

    ``answers`` maps question ids to text; ``language`` is the educator's
    language, used when a paragraph's own language cannot be told. ``parts``
    limits the check to those part ids (all parts by default).
    """
    findings: list[Finding] = []
    for part in credential.parts:
        if parts is None or part.id in parts:
            own = [a for a in attachments if a.part_id == part.id]
            findings.extend(_check_part(part, answers, own, language, previous))
    return findings


def check_application(
    application: ApplicationRecord,
    language: str,
    previous: ApplicationRecord | None = None,
) -> list[Finding]:
    """``check_readiness`` on a stored draft, skipping its locked parts.

    An approved part carried over and still locked is not checked: it was
    approved as it stands and cannot change without an explicit unlock.
    """
    return check_readiness(
        application.credential,
        application.answers,
        application.attachments,
        language,
        previous=PreviousAttempt.of(application, previous) if previous else None,
        parts=[
            p.id
            for p in application.credential.parts
            if not application.is_locked(p.id)
        ],
    )


def is_well_formed_link(url: str) -> bool:
    """An http(s) URL naming a host: "https://example.org/x", not "www.x"."""
    if url != url.strip() or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and (
        host == "localhost" or ("." in host.strip(".") and ".." not in host)
    )


def _check_part(
    part: PartRecord,
    answers: Mapping[int, str],
    attachments: Sequence[AttachmentRecord],
    language: str,
    previous: PreviousAttempt | None,
) -> list[Finding]:
    findings: list[Finding] = []
    texts = [answers.get(q.id, "") for q in part.questions]
    if previous is not None and part.id in previous.failed:
        old = [previous.answers.get(q.id, "") for q in part.questions]
        if any(t.strip() for t in texts) and _same(texts, old):
            findings.append(
                Finding(
                    FindingKind.UNCHANGED_FAILED_PART,
                    part.id,
                    detail=previous.failed[part.id],
                )
            )
    words: set[str] = set()
    written_in: Counter[str] = Counter()
    for question, text in zip(part.questions, texts, strict=True):
        reading = read_answer(text, language)
        words.update(reading.vocabulary)
        written_in.update(r.language for r in reading.paragraphs)
        findings.extend(_check_answer(part.id, question, text, reading))
    if words:
        languages = [language for language, _ in written_in.most_common()]
        findings.extend(
            Finding(FindingKind.CRITERION_NOT_ADDRESSED, part.id, criterion_id=c.id)
            for c in unaddressed(part.criteria, words, languages)
        )
    if part.evidence_required and not attachments:
        findings.append(Finding(FindingKind.NO_EVIDENCE, part.id))
    findings.extend(
        Finding(FindingKind.BAD_LINK, part.id, attachment_id=a.id, detail=a.url)
        for a in attachments
        if a.url is not None and not is_well_formed_link(a.url)
    )
    return findings


def _check_answer(
    part_id: int, question: QuestionRecord, text: str, reading: AnswerReading
) -> list[Finding]:
    words = reading.words
    if words == 0:
        return [Finding(FindingKind.UNANSWERED, part_id, question.id)]
    findings: list[Finding] = []
    length = _length_finding(part_id, question, text, words)
    if length is not None:
        findings.append(length)
    findings.extend(
        Finding(FindingKind.GENERAL_VOICE, part_id, question.id, r.start, r.end)
        for r in reading.paragraphs
        if r.general_voice
    )
    return findings


def _length_finding(
    part_id: int, question: QuestionRecord, text: str, words: int
) -> Finding | None:
    """Over the maximum points at the words past it; under, at the answer."""
    maximum = question.max_words
    if maximum is not None and words > maximum:
        start = word_start(text, maximum)
        kind, limit = FindingKind.TOO_LONG, maximum
    elif words < question.min_words:
        start, limit = 0, question.min_words
        far = words < question.min_words * FAR_UNDER_RATIO
        kind = FindingKind.FAR_UNDER if far else FindingKind.TOO_SHORT
    else:
        return None
    return Finding(
        kind, part_id, question.id, start, len(text), words=words, limit=limit
    )


def _same(texts: Sequence[str], old: Sequence[str]) -> bool:
    return [normalise_space(t) for t in texts] == [normalise_space(t) for t in old]
