"""The messages people read when the model refuses something."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import attachment_refused_text, missing_item_text, store_error_text
from model.attachments import AttachmentRefused
from model.database import DatabaseDamaged, DatabaseTooNew, DataFolderNotWritable
from model.entities import PartKind
from model.records import CredentialRecord, PartRecord, QuestionRecord
from model.workflow import Missing, MissingItem


def part(id: int, en: str, es: str, questions: int) -> PartRecord:
    return PartRecord(
        id=id,
        key=f"part-{id}",
        position=id - 1,
        kind=PartKind.OVERVIEW,
        title={"en": en, "es": es},
        instructions={"en": "", "es": ""},
        evidence_required=id == 2,
        questions=tuple(
            QuestionRecord(10 * id + n, f"q{n}", {"en": "?"}, 0, 500)
            for n in range(1, questions + 1)
        ),
        criteria=(),
    )


CREDENTIAL = CredentialRecord(
    id=1,
    code="formative-feedback",
    version=1,
    title={"en": "Formative Feedback"},
    competency={"en": ""},
    key_method={"en": ""},
    parts=(
        part(1, "Part 1: Overview questions", "Parte 1: Preguntas generales", 2),
        part(2, "Part 2: Evidence", "Parte 2: Evidencia", 1),
    ),
)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            MissingItem(Missing.ANSWER, 1, 12),
            "Part 1: Overview questions · Question 2 — no answer yet",
        ),
        (
            MissingItem(Missing.TOO_LONG, 2, 21, words=612, limit=500),
            "Part 2: Evidence · Question 1 — 612 words, the limit is 500",
        ),
        (
            MissingItem(Missing.EVIDENCE, 2),
            "Part 2: Evidence — attach at least one piece of evidence",
        ),
        (
            MissingItem(Missing.CONFIRM_READY),
            "Confirm that the application is ready for assessment",
        ),
        (MissingItem(Missing.CONFIRM_DISCLOSURE), "Confirm the disclosure"),
        (MissingItem(Missing.CONFIRM_OWN_WORK), "Confirm that this is your own work"),
        (
            MissingItem(Missing.RESUBMISSION_NOTE),
            "Write what has changed since your last attempt (What's changed)",
        ),
    ],
)
def test_every_missing_item_is_named(
    qapp: object, item: MissingItem, expected: str
) -> None:
    assert missing_item_text(item, CREDENTIAL, "en") == expected


def test_part_titles_follow_the_language(qapp: object) -> None:
    text = missing_item_text(MissingItem(Missing.EVIDENCE, 2), CREDENTIAL, "es")
    assert text.startswith("Parte 2: Evidencia")


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        (AttachmentRefused.MISSING, "no longer exists"),
        (AttachmentRefused.UNREADABLE, "not allowed to read"),
        (AttachmentRefused.TOO_LARGE, "limit of 100 MB"),
        (AttachmentRefused.EMPTY, "empty"),
        (AttachmentRefused.NOT_A_FILE, "folder"),
        (AttachmentRefused.NO_SPACE, "full"),
    ],
)
def test_refused_attachments_say_why(qapp: object, reason: str, words: str) -> None:
    error = AttachmentRefused(reason, Path("/home/alex/plan.pdf"), 100 * 1024 * 1024)
    text = attachment_refused_text(error)
    assert "“plan.pdf”" in text
    assert words in text


def test_store_errors_name_the_path(qapp: object) -> None:
    path = Path("/data/insignia.db")
    for error in (
        DatabaseDamaged("file is not a database", path),
        DatabaseTooNew("schema 0099", path),
        DataFolderNotWritable("permission denied", path.parent),
    ):
        assert str(error.path) in store_error_text(error)
    assert "untouched" in store_error_text(DatabaseDamaged("x", path))
