"""Model exceptions worded for the person using Insignia, in their language.

Screens catch the model's exceptions and show these texts; the exceptions
themselves stay plain English for logs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.attachments import AttachmentRefused
from model.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    DataFolderNotWritable,
    Missing,
    MissingItem,
    StoreError,
)
from model.records import CredentialRecord, PartRecord, pick

MEGABYTE = 1024 * 1024


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("errors", text, None, n)


def part_label(part: PartRecord, language: str) -> str:
    """The part as the catalog names it, number included ("Part 2: Evidence")."""
    return pick(part.title, language)


def missing_item_text(
    item: MissingItem, credential: CredentialRecord, language: str
) -> str:
    """One line naming what stands between a draft and its submission."""
    simple = {
        Missing.CONFIRM_READY: _tr(
            "Confirm that the application is ready for assessment"
        ),
        Missing.CONFIRM_DISCLOSURE: _tr("Confirm the disclosure"),
        Missing.CONFIRM_OWN_WORK: _tr("Confirm that this is your own work"),
        Missing.RESUBMISSION_NOTE: _tr(
            "Write what has changed since your last attempt (What's changed)"
        ),
    }
    if item.kind in simple or item.part_id is None:
        return simple.get(item.kind, str(item.kind))

    part = credential.part(item.part_id)
    where = part_label(part, language)
    if item.kind is Missing.EVIDENCE:
        return _tr("{part} — attach at least one piece of evidence").format(part=where)

    number = next(
        (i for i, q in enumerate(part.questions, 1) if q.id == item.question_id), 0
    )
    where = _tr("{part} · Question {number}").format(part=where, number=number)
    if item.kind is Missing.TOO_LONG:
        return _tr("{where} — %n words, the limit is {limit}", item.words).format(
            where=where, limit=item.limit
        )
    return _tr("{where} — no answer yet").format(where=where)


def megabytes(size: int) -> str:
    """A byte count as the settings show it: ``100 MB``, ``2.5 MB``."""
    value = size / MEGABYTE
    shown = f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"
    return _tr("{size} MB").format(size=shown)


def attachment_refused_text(error: AttachmentRefused) -> str:
    """Why a file could not be attached, naming the file."""
    name = error.path.name or str(error.path)
    texts = {
        AttachmentRefused.MISSING: _tr(
            "“{name}” cannot be attached: the file no longer exists."
        ),
        AttachmentRefused.UNREADABLE: _tr(
            "“{name}” cannot be attached: Insignia is not allowed to read it."
        ),
        AttachmentRefused.TOO_LARGE: _tr(
            "“{name}” cannot be attached: it is larger than the limit of {limit}."
            " The limit can be changed in Settings."
        ),
        AttachmentRefused.EMPTY: _tr("“{name}” cannot be attached: the file is empty."),
        AttachmentRefused.NOT_A_FILE: _tr(
            "“{name}” cannot be attached: it is a folder, not a file."
        ),
        AttachmentRefused.NO_SPACE: _tr(
            "“{name}” cannot be attached: the disk holding the data folder is full."
        ),
    }
    text = texts.get(error.reason, _tr("“{name}” cannot be attached."))
    return text.format(name=name, limit=megabytes(error.limit))


def store_error_text(error: StoreError) -> str:
    """Why the local data cannot be opened, naming the file or folder."""
    if isinstance(error, DataFolderNotWritable):
        text = _tr(
            "Insignia cannot write to its data folder:\n{path}\n\n"
            "Check that the folder exists and that you may write to it, or choose"
            " another folder with --data-dir."
        )
    elif isinstance(error, DatabaseDamaged):
        text = _tr(
            "The file\n{path}\nis not an Insignia database, or it is damaged."
            " Insignia has left it untouched.\n\n"
            "Move the file somewhere else (or restore it from a backup) and start"
            " Insignia again, or choose another folder with --data-dir."
        )
    elif isinstance(error, DatabaseTooNew):
        text = _tr(
            "The database\n{path}\nwas written by a newer version of Insignia."
            " Insignia has left it untouched.\n\n"
            "Install the newer version to open it."
        )
    else:
        text = _tr("Insignia cannot use its data at\n{path}")
    details = _tr("Details: {reason}").format(reason=error)
    return text.format(path=error.path) + "\n\n" + details
