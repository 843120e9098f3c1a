"""The messages people read when the model refuses something."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import (
    attachment_refused_text,
    missing_item_text,
    not_allowed_text,
    store_error_text,
    workflow_error_text,
)
from model.attachments import AttachmentRefused
from model.database import (
    DatabaseDamaged,
    DatabaseTooNew,
    DataFolderNotWritable,
    ensure_writable,
)
from model.entities import PartKind
from model.errors import NotAllowed
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
        (AttachmentRefused.NOT_REGULAR, "not a regular file"),
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


def test_a_duplicate_attachment_names_the_file(qapp: object) -> None:
    error = AttachmentRefused(AttachmentRefused.DUPLICATE, Path("/home/alex/plan.txt"))
    assert (
        attachment_refused_text(error) == "“plan.txt” is already attached to this part."
    )


def test_a_folder_that_cannot_be_written_is_explained_in_words(
    qapp: object, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("a file, not a folder")
    folder = tmp_path / "file" / "data"
    with pytest.raises(DataFolderNotWritable) as raised:
        ensure_writable(folder)

    headline, details = store_error_text(raised.value).split("\n\n")
    assert headline == (
        f"Insignia cannot write to the data folder {folder}. Check that the folder"
        " exists and that you may write to it, or start with --data-dir and"
        " another folder."
    )
    assert details == "Details: Not a directory"
    assert "Errno" not in store_error_text(raised.value)


def test_another_educators_application_is_refused_in_words(qapp: object) -> None:
    texts = {
        reason: not_allowed_text(NotAllowed(reason, 7))
        for reason in (
            NotAllowed.OTHER_EDUCATOR,
            NotAllowed.OWN_APPLICATION,
            NotAllowed.NOT_SUBMITTED,
        )
    }
    assert texts[NotAllowed.OTHER_EDUCATOR] == (
        "You cannot open this application: it belongs to another educator."
    )
    assert len(set(texts.values())) == 3
    assert (
        workflow_error_text(NotAllowed(NotAllowed.OTHER_EDUCATOR, 7))
        == (texts[NotAllowed.OTHER_EDUCATOR])
    )
