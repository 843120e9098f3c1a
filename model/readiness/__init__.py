"""The readiness check: the common reasons for denial, caught before submitting.

The resubmission guide lists why applications are denied: questions left
unanswered, rubric elements not addressed, answers about best practice
rather than the educator's own classroom, missing evidence. The check finds
each of these on a draft and says where; it warns, it never blocks (only
``model.workflow`` blocks a submission).

    findings = check_application(draft, "es", previous=denied)
    for finding in findings:
        print(explain(finding, draft.credential, "es"))
"""

from model.readiness.check import (
    Finding,
    FindingKind,
    PreviousAttempt,
    check_application,
    check_readiness,
    is_well_formed_link,
)
from model.readiness.criteria import clear_caches
from model.readiness.messages import explain
from model.readiness.voice import VoiceReading, is_general_voice, read_voice

__all__ = [
    "Finding",
    "FindingKind",
    "PreviousAttempt",
    "VoiceReading",
    "check_application",
    "check_readiness",
    "clear_caches",
    "explain",
    "is_general_voice",
    "is_well_formed_link",
    "read_voice",
]
