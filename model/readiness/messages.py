"""Findings in words, in English and Spanish.

The model has no Qt, so the templates live here as plain text; the desktop
shows what ``explain`` returns. Spanish addresses the educator as "usted",
as the resubmission guide does.
"""

from __future__ import annotations

import re

from model.readiness.check import Finding, FindingKind
from model.records import CredentialRecord, pick

TEMPLATES: dict[FindingKind, dict[str, str]] = {
    FindingKind.UNANSWERED: {
        "en": "This question has no answer yet.",
        "es": "Esta pregunta aún no tiene respuesta.",
    },
    FindingKind.FAR_UNDER: {
        "en": "This answer has {words} of at least {limit} words: far too short "
        "to cover everything the question asks.",
        "es": "Esta respuesta tiene {words} de al menos {limit} palabras: es "
        "demasiado breve para cubrir todo lo que pide la pregunta.",
    },
    FindingKind.TOO_SHORT: {
        "en": "This answer has {words} of at least {limit} words. Add detail "
        "from your own classroom.",
        "es": "Esta respuesta tiene {words} de al menos {limit} palabras. Añada "
        "detalles de su propia sala de clases.",
    },
    FindingKind.TOO_LONG: {
        "en": "This answer has {words} words, over the limit of {limit}. The "
        "words past the limit are highlighted.",
        "es": "Esta respuesta tiene {words} palabras y el límite es {limit}. Se "
        "resaltan las palabras que sobrepasan el límite.",
    },
    FindingKind.CRITERION_NOT_ADDRESSED: {
        "en": "The answers to this part may not address this rubric element "
        "yet: {criterion}",
        "es": "Es posible que las respuestas de esta parte aún no aborden este "
        "elemento de la rúbrica: {criterion}",
    },
    FindingKind.GENERAL_VOICE: {
        "en": "This paragraph reads as general statements or advice rather than "
        "your own practice. Assessors look for what you do in your classroom: "
        "write about your students and what you did (\u201cIn my classroom, "
        "I\u2026\u201d).",
        "es": "Este párrafo parece una afirmación o un consejo general y no una "
        "descripción de su propia práctica. Los asesores buscan lo que usted hace "
        "en su sala de clases: escriba sobre sus estudiantes y lo que usted hizo "
        "(\u00abEn mi sala de clases, yo\u2026\u00bb).",
    },
    FindingKind.NO_EVIDENCE: {
        "en": "This part needs evidence: attach a file or add a link.",
        "es": "Esta parte requiere evidencia: adjunte un archivo o añada un enlace.",
    },
    FindingKind.BAD_LINK: {
        "en": "This link is not a complete web address: {detail}. It should "
        "start with https:// and name a site.",
        "es": "Este enlace no es una dirección web completa: {detail}. Debe "
        "comenzar con https:// e incluir el nombre de un sitio.",
    },
    FindingKind.UNCHANGED_FAILED_PART: {
        "en": "This part needed more attention last time, and its answers have "
        "not changed since.",
        "es": "Esta parte necesitaba más atención la vez anterior y sus "
        "respuestas no han cambiado desde entonces.",
    },
}
FEEDBACK = {
    "en": " The assessor's feedback: {feedback}",
    "es": " Retroalimentación del asesor: {feedback}",
}
_PASSING = re.compile(r"^\s*(?:passing|aprobado)\s*:\s*", re.IGNORECASE)


def explain(finding: Finding, credential: CredentialRecord, language: str) -> str:
    """The finding in a sentence or two, in ``language`` (English otherwise)."""
    texts = TEMPLATES[finding.kind]
    language = language if language in texts else "en"
    message = texts[language].format(
        words=finding.words,
        limit=finding.limit,
        detail=finding.detail,
        criterion=_criterion(finding, credential, language),
    )
    if finding.kind is FindingKind.UNCHANGED_FAILED_PART and finding.detail.strip():
        message += FEEDBACK[language].format(feedback=finding.detail.strip())
    return message


def _criterion(finding: Finding, credential: CredentialRecord, language: str) -> str:
    if finding.criterion_id is None:
        return ""
    part = credential.part(finding.part_id)
    criterion = next(c for c in part.criteria if c.id == finding.criterion_id)
    text = _PASSING.sub("", pick(criterion.text, language))
    return text[:1].upper() + text[1:]
