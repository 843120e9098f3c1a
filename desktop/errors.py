"""Model exceptions worded for the person using Insignia, in their language.

Screens catch the model's exceptions and show these texts; the exceptions
themselves stay plain English for logs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from model.attachments import AttachmentRefused
from model.errors import (
    DatabaseDamaged,
    DatabaseTooNew,
    DataFolderNotWritable,
    DecisionRefused,
    HeldByAnother,
    Missing,
    MissingItem,
    NotAllowed,
    NotEditable,
    PartLocked,
    ReapplyRefused,
    StaleAssessment,
    StoreError,
    SubmitRefused,
    WorkflowError,
)
from model.records import CredentialRecord, PartRecord, pick

MEGABYTE = 1024 * 1024


translate = QCoreApplication.translate


def part_label(part: PartRecord, language: str) -> str:
    """The part as the catalog names it, number included ("Part 2: Evidence")."""
    return pick(part.title, language)


def missing_item_text(
    item: MissingItem, credential: CredentialRecord, language: str
) -> str:
    """One line naming what stands between a draft and its submission."""
    simple = {
        Missing.CONFIRM_READY: translate(
            "errors", "Confirm that the application is ready for assessment"
        ),
        Missing.CONFIRM_DISCLOSURE: translate("errors", "Confirm the disclosure"),
        Missing.CONFIRM_OWN_WORK: translate(
            "errors", "Confirm that this is your own work"
        ),
        Missing.RESUBMISSION_NOTE: translate(
            "errors", "Write what has changed since your last attempt (What's changed)"
        ),
    }
    if item.kind is Missing.CONFLICT and item.part_id is None:
        return translate(
            "errors",
            "What's changed — changed on another device too: choose which text to keep",
        )
    if item.kind in simple or item.part_id is None:
        return simple.get(item.kind, str(item.kind))

    part = credential.part(item.part_id)
    where = part_label(part, language)
    if item.kind is Missing.EVIDENCE:
        return translate(
            "errors", "{part} — attach at least one piece of evidence"
        ).format(part=where)

    number = next(
        (i for i, q in enumerate(part.questions, 1) if q.id == item.question_id), 0
    )
    where = translate("errors", "{part} · Question {number}").format(
        part=where, number=number
    )
    if item.kind is Missing.CONFLICT:
        return translate(
            "errors",
            "{where} — changed on another device too: choose which text to keep",
        ).format(where=where)
    if item.kind is Missing.TOO_LONG:
        # lupdate marks plural forms only on tr().
        return QCoreApplication.tr(
            "{where} — %n word(s), the limit is {limit}", "", item.words
        ).format(where=where, limit=item.limit)
    return translate("errors", "{where} — no answer yet").format(where=where)


def megabytes(size: int) -> str:
    """A byte count as the settings show it: ``100 MB``, ``2.5 MB``."""
    value = size / MEGABYTE
    decimals = 0 if value >= 10 or value == int(value) else 1
    shown = QLocale().toString(value, "f", decimals)
    return translate("errors", "{size} MB").format(size=shown)


def attachment_refused_text(error: AttachmentRefused) -> str:
    """Why a file could not be attached, naming the file."""
    name = error.path.name or str(error.path)
    texts = {
        AttachmentRefused.MISSING: translate(
            "errors", "“{name}” cannot be attached: the file no longer exists."
        ),
        AttachmentRefused.UNREADABLE: translate(
            "errors", "“{name}” cannot be attached: Insignia is not allowed to read it."
        ),
        AttachmentRefused.TOO_LARGE: translate(
            "errors",
            "“{name}” cannot be attached: it is larger than the limit of {limit}."
            " The limit can be changed in Settings.",
        ),
        AttachmentRefused.EMPTY: translate(
            "errors", "“{name}” cannot be attached: the file is empty."
        ),
        AttachmentRefused.NOT_A_FILE: translate(
            "errors", "“{name}” cannot be attached: it is a folder, not a file."
        ),
        AttachmentRefused.NOT_REGULAR: translate(
            "errors",
            "“{name}” cannot be attached: it is not a regular file (it is a pipe,"
            " a device or a socket).",
        ),
        AttachmentRefused.NO_SPACE: translate(
            "errors",
            "“{name}” cannot be attached: the disk holding the data folder is full.",
        ),
        AttachmentRefused.DUPLICATE: translate(
            "errors", "“{name}” is already attached to this part."
        ),
    }
    text = texts.get(error.reason, translate("errors", "“{name}” cannot be attached."))
    return text.format(name=name, limit=megabytes(error.limit))


def store_error_text(error: StoreError) -> str:
    """Why the local data cannot be opened, naming the file or folder.

    The words come first; the system's own reason follows as a detail.
    """
    reason: object = error
    if isinstance(error, DataFolderNotWritable):
        text = translate(
            "errors",
            "Insignia cannot write to the data folder {folder}. Check that the"
            " folder exists and that you may write to it, or start with"
            " --data-dir and another folder.",
        )
        # The system's words, without the errno number and the probe file.
        reason = getattr(error.__cause__, "strerror", None) or error
    elif isinstance(error, DatabaseDamaged):
        text = translate(
            "errors",
            "The file\n{path}\nis not an Insignia database, or it is damaged."
            " Insignia has left it untouched.\n\n"
            "Move the file somewhere else (or restore it from a backup) and start"
            " Insignia again, or choose another folder with --data-dir.",
        )
    elif isinstance(error, DatabaseTooNew):
        text = translate(
            "errors",
            "The database\n{path}\nwas written by a newer version of Insignia."
            " Insignia has left it untouched.\n\n"
            "Install the newer version to open it.",
        )
    else:
        text = translate("errors", "Insignia cannot use its data at\n{path}")
    details = translate("errors", "Details: {reason}").format(reason=reason)
    return text.format(path=error.path, folder=error.path) + "\n\n" + details


def not_allowed_text(error: NotAllowed) -> str:
    """Why the signed-in user cannot open (or change) an application."""
    texts = {
        NotAllowed.OWN_APPLICATION: translate(
            "errors",
            "You cannot open this application: it is your own, and an assessor"
            " cannot assess their own application.",
        ),
        NotAllowed.NOT_SUBMITTED: translate(
            "errors",
            "You cannot open this application: it has not been submitted for"
            " assessment yet.",
        ),
    }
    return texts.get(
        error.reason,
        translate(
            "errors",
            "You cannot open this application: it belongs to another educator.",
        ),
    )


def workflow_error_text(error: Exception) -> str:
    """Why the workflow refused an action, for a message box."""
    if isinstance(error, NotAllowed):
        return not_allowed_text(error)
    if isinstance(error, HeldByAnother):
        return translate(
            "errors", "{name} opened this application first: only they can assess it."
        ).format(name=error.holder)
    texts: list[tuple[type[WorkflowError], str]] = [
        (
            NotEditable,
            translate(
                "errors", "This application was submitted: it cannot change any more."
            ),
        ),
        (
            PartLocked,
            translate(
                "errors",
                "This part was approved and is locked. Unlock it to change it.",
            ),
        ),
        (
            ReapplyRefused,
            translate("errors", "Only the newest denied attempt can be reapplied."),
        ),
        (
            SubmitRefused,
            translate("errors", "Some items are still missing."),
        ),
        (
            DecisionRefused,
            translate(
                "errors",
                "The decision cannot be recorded: every part needs a verdict, and"
                " feedback where it needs more attention. You cannot decide on your"
                " own application or on one already decided.",
            ),
        ),
        (
            StaleAssessment,
            translate("errors", "Someone else saved this assessment meanwhile."),
        ),
    ]
    # Errors the desktop raises itself already carry a translated message.
    return next((text for kind, text in texts if isinstance(error, kind)), str(error))
