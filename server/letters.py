"""The words of the server's e-mails, in English and Spanish, as text and HTML.

Letters are built from plain records, never from the database, so that the
wording can be read (and tested) on its own. Anything a person wrote, such as
an assessor's feedback, is escaped in the HTML part.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from html import escape

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
# Plain-text lines wrap here, as mail readers expect.
WIDTH = 72


@dataclass(frozen=True)
class Letter:
    """An e-mail's subject and its two bodies."""

    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class PartFeedback:
    """A part that needs more attention, with the assessor's feedback on it."""

    title: str
    feedback: str


@dataclass(frozen=True)
class Decision:
    """What the educator learns of a decision; never who took it."""

    educator_name: str
    credential: str
    code: str
    attempt: int
    approved: bool
    needs_attention: tuple[PartFeedback, ...]
    link: str


@dataclass(frozen=True)
class WaitingApplication:
    """An undecided application in a digest; never its educator's name."""

    code: str
    credential: str
    attempt: int
    due: date
    held_by: str | None
    business_days_late: int
    link: str


@dataclass(frozen=True)
class Digest:
    recipient_name: str
    overdue: tuple[WaitingApplication, ...]
    due_soon: tuple[WaitingApplication, ...]

    @property
    def empty(self) -> bool:
        return not self.overdue and not self.due_soon


WORDS: dict[str, dict[str, str]] = {
    "en": {
        "hello": "Hello {name},",
        "approved_subject": "Approved: {credential}",
        "denied_subject": "Denied: {credential}",
        "approved": "Your application for the micro-credential “{credential}” "
        "(attempt {attempt}, {code}) was approved: every part meets the rubric.",
        "denied": "Your application for the micro-credential “{credential}” "
        "(attempt {attempt}, {code}) was denied.",
        "attention": "These parts need more attention:",
        "feedback": "Assessor's feedback:",
        "reapply": "Read the assessor's feedback on each part, then choose Reapply "
        "to start a new attempt. Parts you passed are carried over; you can "
        "submit as many times as you need.",
        "open": "Open it in Insignia:",
        "open_link": "Open it in Insignia",
        "digest_subject": "Decisions due — overdue: {overdue}, due soon: {soon}",
        "digest_intro": "A decision is due 14 business days after submission. "
        "These applications are waiting for one.",
        "overdue": "Overdue",
        "due_soon": "Due within the next two business days",
        "attempt": "attempt {attempt}",
        "due_on": "Decision due {date}",
        "late": "overdue by {days}",
        "day": "business day",
        "days": "business days",
        "held_by": "In review, opened by {name}",
        "waiting": "Not opened by an assessor yet",
        "months": "January February March April May June July August September "
        "October November December",
        "date": "{month} {day}, {year}",
    },
    "es": {
        "hello": "Hola, {name}:",
        "approved_subject": "Aprobada: {credential}",
        "denied_subject": "Denegada: {credential}",
        "approved": "Su solicitud de la micro credencial “{credential}” "
        "(intento {attempt}, {code}) fue aprobada: todas las partes cumplen con "
        "la rúbrica.",
        "denied": "Su solicitud de la micro credencial “{credential}” "
        "(intento {attempt}, {code}) fue denegada.",
        "attention": "Estas partes necesitan mayor atención:",
        "feedback": "Retroalimentación del asesor:",
        "reapply": "Lea la retroalimentación del asesor en cada parte y luego elija "
        "Volver a solicitar para comenzar un nuevo intento. Las partes que aprobó "
        "se transfieren; puede reenviar su solicitud tantas veces como necesite.",
        "open": "Ábrala en Insignia:",
        "open_link": "Abrirla en Insignia",
        "digest_subject": "Decisiones pendientes — vencidas: {overdue}, "
        "por vencer: {soon}",
        "digest_intro": "La decisión vence 14 días hábiles después del envío. "
        "Estas solicitudes la esperan.",
        "overdue": "Vencidas",
        "due_soon": "Vencen en los próximos dos días hábiles",
        "attempt": "intento {attempt}",
        "due_on": "Plazo de decisión: {date}",
        "late": "vencida hace {days}",
        "day": "día hábil",
        "days": "días hábiles",
        "held_by": "En revisión, abierta por {name}",
        "waiting": "Ningún asesor la ha abierto todavía",
        "months": "enero febrero marzo abril mayo junio julio agosto septiembre "
        "octubre noviembre diciembre",
        "date": "{day} de {month} de {year}",
    },
}


def _words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS[DEFAULT_LANGUAGE])


def long_date(day: date, language: str) -> str:
    words = _words(language)
    month = words["months"].split()[day.month - 1]
    return words["date"].format(month=month, day=day.day, year=day.year)


def _html(language: str, subject: str, body: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{language}">',
            '<head><meta charset="utf-8">',
            f"<title>{escape(subject)}</title></head>",
            '<body style="font-family: sans-serif; line-height: 1.4">',
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _paragraphs(text: str) -> str:
    """Text a person wrote, escaped, its line breaks kept."""
    return escape(text).replace("\n", "<br>\n")


def _wrap(text: str, indent: str = "", first: str | None = None) -> str:
    """``text`` wrapped paragraph by paragraph, ``first`` opening its first line.

    Links and other long words are never broken.
    """
    paragraphs = []
    for number, paragraph in enumerate(text.splitlines()):
        opening = first if first is not None and number == 0 else indent
        wrapped = textwrap.fill(
            paragraph,
            WIDTH,
            initial_indent=opening,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        paragraphs.append(wrapped if paragraph.strip() else "")
    return "\n".join(paragraphs)


# The decision, to the educator ------------------------------------------------


def decision_letter(decision: Decision, language: str) -> Letter:
    words = _words(language)
    details = {
        "credential": decision.credential,
        "attempt": decision.attempt,
        "code": decision.code,
    }
    outcome = "approved" if decision.approved else "denied"
    subject = words[f"{outcome}_subject"].format(**details)
    hello = words["hello"].format(name=decision.educator_name)
    summary = words[outcome].format(**details)

    text = [hello, "", _wrap(summary), ""]
    html = [f"<p>{escape(hello)}</p>", f"<p>{escape(summary)}</p>"]
    if not decision.approved:
        text += [words["attention"], ""]
        html += [f"<p><strong>{escape(words['attention'])}</strong></p>", "<ul>"]
        for part in decision.needs_attention:
            text.append(_wrap(part.title, "  ", "- "))
            item = f"<li><strong>{escape(part.title)}</strong>"
            if part.feedback.strip():
                text.append(_wrap(words["feedback"], "  "))
                text.append(_wrap(part.feedback.strip(), "    "))
                item += (
                    f"<br>\n{escape(words['feedback'])}"
                    f"<blockquote>{_paragraphs(part.feedback.strip())}</blockquote>"
                )
            html.append(item + "</li>")
        text += ["", _wrap(words["reapply"]), ""]
        html += ["</ul>", f"<p>{escape(words['reapply'])}</p>"]
    text += [f"{words['open']} {decision.link}", ""]
    html.append(
        f'<p><a href="{escape(decision.link)}">{escape(words["open_link"])}</a>'
        f"<br>{escape(decision.link)}</p>"
    )
    return Letter(subject, "\n".join(text), _html(language, subject, html))


# The digest of applications to decide, to assessors and admins ------------------


def _late(application: WaitingApplication, words: dict[str, str]) -> str:
    days = application.business_days_late
    unit = words["day"] if days == 1 else words["days"]
    return words["late"].format(days=f"{days} {unit}")


def _describe(
    application: WaitingApplication, language: str, late: bool
) -> tuple[str, str]:
    """The application's heading and what to know of it, in one line each."""
    words = _words(language)
    heading = ", ".join(
        [
            application.code,
            application.credential,
            words["attempt"].format(attempt=application.attempt),
        ]
    )
    due = words["due_on"].format(date=long_date(application.due, language))
    if late:
        due += ", " + _late(application, words)
    held = (
        words["held_by"].format(name=application.held_by)
        if application.held_by
        else words["waiting"]
    )
    return heading, f"{due}. {held}."


def digest_letter(digest: Digest, language: str) -> Letter:
    words = _words(language)
    subject = words["digest_subject"].format(
        overdue=len(digest.overdue), soon=len(digest.due_soon)
    )
    hello = words["hello"].format(name=digest.recipient_name)
    text = [hello, "", _wrap(words["digest_intro"]), ""]
    html = [f"<p>{escape(hello)}</p>", f"<p>{escape(words['digest_intro'])}</p>"]
    sections = [("overdue", digest.overdue, True), ("due_soon", digest.due_soon, False)]
    for title, applications, late in sections:
        if not applications:
            continue
        heading = f"{words[title]} ({len(applications)})"
        text += [heading, ""]
        html += [f"<h2>{escape(heading)}</h2>", "<ul>"]
        for application in applications:
            name, facts = _describe(application, language, late)
            text += [
                _wrap(name, "  ", "- "),
                _wrap(facts, "  "),
                f"  {application.link}",
                "",
            ]
            html.append(
                f'<li><a href="{escape(application.link)}">{escape(name)}</a>'
                f"<br>{escape(facts)}</li>"
            )
        html.append("</ul>")
    return Letter(subject, "\n".join(text), _html(language, subject, html))
