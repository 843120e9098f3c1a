"""The readiness check: every kind of finding, in English and in Spanish."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.readiness import DEFAULT_SAMPLES, measure_voice
from model.demo import seed_demo
from model.entities import PartKind, Status
from model.readiness import (
    Finding,
    FindingKind,
    PreviousAttempt,
    check_application,
    check_readiness,
    explain,
    is_general_voice,
    is_well_formed_link,
    read_voice,
)
from model.readiness.messages import TEMPLATES
from model.records import (
    AttachmentRecord,
    CredentialRecord,
    CriterionRecord,
    PartRecord,
    QuestionRecord,
)
from model.store import Store
from model.workflow import count_words

SAMPLES = Path(__file__).parent / "data" / "voice-samples.jsonl"

# Personal answers long enough (and about enough) to raise no finding at all.
CONTEXT_EN = (
    "I teach fourth-grade math to 26 students, and my class meets every morning "
    "for an hour. Last week I gave an exit ticket at the end of each lesson and "
    "noticed that many of my students still added the denominators."
)
CONTEXT_ES = (
    "Enseño matemáticas de cuarto grado a 26 estudiantes y mi clase se reúne "
    "cada mañana. La semana pasada utilicé un boleto de salida al final de cada "
    "lección y noté que muchos de mis estudiantes todavía sumaban denominadores."
)
GENERAL_EN = (
    "Teachers should use exit tickets at the end of every lesson. It is important "
    "that students receive feedback quickly so that educators can adjust instruction."
)
GENERAL_ES = (
    "Los docentes deben usar boletos de salida al final de cada lección. Es "
    "importante que los estudiantes reciban retroalimentación rápida para que el "
    "maestro pueda ajustar la enseñanza."
)


def question(qid: int, min_words: int = 20, max_words: int | None = 300):
    return QuestionRecord(qid, f"q{qid}", {"en": "?", "es": "?"}, min_words, max_words)


def criterion(cid: int, en: list[str], es: list[str]) -> CriterionRecord:
    return CriterionRecord(
        cid,
        f"c{cid}",
        {"en": "Passing: names the exit ticket.", "es": "Aprobado: nombra el boleto."},
        {"en": en, "es": es},
    )


def part(
    pid: int,
    questions: tuple[QuestionRecord, ...],
    criteria: tuple[CriterionRecord, ...] = (),
    evidence: bool = False,
) -> PartRecord:
    return PartRecord(
        id=pid,
        key=f"p{pid}",
        position=pid,
        kind=PartKind.EVIDENCE if evidence else PartKind.OVERVIEW,
        title={"en": f"Part {pid}", "es": f"Parte {pid}"},
        instructions={"en": "", "es": ""},
        evidence_required=evidence,
        questions=questions,
        criteria=criteria,
    )


def credential(*parts: PartRecord) -> CredentialRecord:
    return CredentialRecord(1, "c", 1, {"en": "C"}, {}, {}, parts)


def one_question(min_words: int = 20, max_words: int | None = 300) -> CredentialRecord:
    return credential(part(1, (question(10, min_words, max_words),)))


def kinds(findings: list[Finding]) -> list[FindingKind]:
    return [f.kind for f in findings]


def link(url: str, part_id: int = 1, attachment_id: int = 5) -> AttachmentRecord:
    return AttachmentRecord(attachment_id, part_id, url, None, url, 0, "text/uri-list")


# Answers: unanswered, far under, too short, too long.


@pytest.mark.parametrize("text", ["", "   \n\n  ", "— … 😀"])
def test_an_empty_answer_is_unanswered(text: str) -> None:
    (finding,) = check_readiness(one_question(), {10: text}, [], "en")
    assert finding == Finding(FindingKind.UNANSWERED, 1, 10)


def test_a_missing_answer_is_unanswered_and_explained_in_both_languages() -> None:
    cred = one_question()
    (finding,) = check_readiness(cred, {}, [], "es")
    assert explain(finding, cred, "en") == "This question has no answer yet."
    assert explain(finding, cred, "es") == "Esta pregunta aún no tiene respuesta."


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        (4, FindingKind.FAR_UNDER),
        (9, FindingKind.FAR_UNDER),
        (10, FindingKind.TOO_SHORT),
    ],
)
def test_under_half_the_minimum_is_far_under_otherwise_too_short(
    words: int, kind: FindingKind
) -> None:
    text = " ".join(["mis"] * words)
    (finding,) = check_readiness(one_question(min_words=20), {10: text}, [], "es")
    assert (finding.kind, finding.words, finding.limit) == (kind, words, 20)
    assert (finding.start, finding.end) == (0, len(text))


def test_a_short_answer_says_how_short_in_the_users_language() -> None:
    cred = one_question(min_words=50)
    (finding,) = check_readiness(cred, {10: CONTEXT_ES}, [], "es")
    assert finding.kind is FindingKind.TOO_SHORT
    assert f"{finding.words} de al menos 50 palabras" in explain(finding, cred, "es")
    assert f"{finding.words} of at least 50 words" in explain(finding, cred, "en")


def test_an_answer_over_the_limit_points_at_the_words_past_it() -> None:
    text = "Enseño química. Mis estudiantes de décimo grado diseñan experimentos. 🧪"
    (finding,) = check_readiness(one_question(0, 5), {10: text}, [], "es")
    assert finding.kind is FindingKind.TOO_LONG
    assert (finding.words, finding.limit) == (9, 5)
    assert text[finding.start : finding.end] == "décimo grado diseñan experimentos. 🧪"


def test_an_answer_within_its_limits_raises_nothing() -> None:
    assert check_readiness(one_question(), {10: CONTEXT_EN}, [], "en") == []
    assert check_readiness(one_question(), {10: CONTEXT_ES}, [], "es") == []


@given(st.text(alphabet=st.sampled_from(list("aé Ñ-'’_9\n.«»\"😀İ")), max_size=60))
def test_words_are_counted_exactly_as_the_submit_rule_counts_them(text: str) -> None:
    findings = check_readiness(one_question(10_000, 10_001), {10: text}, [], "en")
    if count_words(text) == 0:
        assert kinds(findings) == [FindingKind.UNANSWERED]
    else:
        assert findings[0].words == count_words(text)


# Rubric criteria and their look-for terms.


UNRELATED = "I teach fourth-grade math to 26 students, and my class meets at eight."


def rubric_part(*answers: str) -> tuple[CredentialRecord, dict[int, str]]:
    cred = credential(
        part(
            1,
            (question(10, 0), question(11, 0)),
            (
                criterion(
                    100, ["exit ticket", "formative assessment"], ["boleto de salida"]
                ),
                criterion(101, ["misconception"], ["concepción errónea"]),
            ),
        )
    )
    return cred, dict(zip((10, 11), answers, strict=False))


def unaddressed(cred: CredentialRecord, answers: dict[int, str]) -> list[int | None]:
    findings = check_readiness(cred, answers, [], "en")
    return [
        f.criterion_id
        for f in findings
        if f.kind is FindingKind.CRITERION_NOT_ADDRESSED
    ]


def test_a_criterion_whose_terms_appear_nowhere_is_reported() -> None:
    cred, answers = rubric_part(UNRELATED, "Mis estudiantes trabajan en parejas.")
    assert unaddressed(cred, answers) == [100, 101]


def test_terms_match_after_stemming_across_all_answers_of_the_part() -> None:
    cred, answers = rubric_part(
        "My exit tickets showed who was lost.", "Two common misconceptions came up."
    )
    assert unaddressed(cred, answers) == []


def test_spanish_terms_match_plurals_and_text_typed_without_accents() -> None:
    cred, answers = rubric_part(
        "Revisé los BOLETOS DE SALIDA y encontré dos concepciones erroneas."
    )
    assert unaddressed(cred, answers) == []


def test_terms_of_the_other_language_count_too() -> None:
    cred, answers = rubric_part("Uso un exit ticket y noto cada misconception.")
    assert unaddressed(cred, answers) == []


def test_the_words_of_a_phrase_need_not_be_adjacent() -> None:
    cred, answers = rubric_part("The assessment was formative; a ticket at the exit.")
    assert unaddressed(cred, answers) == [101]


def test_one_word_of_a_phrase_is_not_enough() -> None:
    cred, answers = rubric_part("I sold tickets for the school play.")
    assert unaddressed(cred, answers) == [100, 101]


def test_an_empty_part_is_unanswered_not_missing_criteria() -> None:
    cred, answers = rubric_part("", "")
    assert kinds(check_readiness(cred, answers, [], "en")) == [
        FindingKind.UNANSWERED,
        FindingKind.UNANSWERED,
    ]


def test_a_criterion_without_look_for_terms_is_never_reported() -> None:
    bare = CriterionRecord(7, "bare", {"en": "Passing: anything."}, {})
    cred = credential(part(1, (question(10, 0),), (bare,)))
    assert check_readiness(cred, {10: CONTEXT_EN}, [], "en") == []


def test_the_explanation_names_the_criterion_without_its_passing_label() -> None:
    cred, answers = rubric_part(UNRELATED)
    finding = next(
        f
        for f in check_readiness(cred, answers, [], "en")
        if f.kind is FindingKind.CRITERION_NOT_ADDRESSED
    )
    assert explain(finding, cred, "en").endswith(": Names the exit ticket.")
    assert explain(finding, cred, "es").endswith(": Nombra el boleto.")


# General voice.


def voice_findings(text: str, language: str = "en") -> list[tuple[int, int]]:
    findings = check_readiness(one_question(0, None), {10: text}, [], language)
    return [
        (f.start or 0, f.end or 0)
        for f in findings
        if f.kind is FindingKind.GENERAL_VOICE
    ]


@pytest.mark.parametrize(("text", "language"), [(GENERAL_EN, "en"), (GENERAL_ES, "es")])
def test_a_prescriptive_paragraph_is_flagged(text: str, language: str) -> None:
    assert voice_findings(text, language) == [(0, len(text))]


@pytest.mark.parametrize(("text", "language"), [(CONTEXT_EN, "en"), (CONTEXT_ES, "es")])
def test_a_paragraph_about_the_writers_classroom_is_not(
    text: str, language: str
) -> None:
    assert voice_findings(text, language) == []


def test_only_the_general_paragraph_of_an_answer_is_pointed_at() -> None:
    text = f"{CONTEXT_EN}\n\n{GENERAL_EN}\n"
    start = text.index(GENERAL_EN)
    assert voice_findings(text) == [(start, start + len(GENERAL_EN))]


def test_a_plan_in_the_first_person_may_say_should() -> None:
    plan = (
        "Next term my exit tickets should be shorter, and I need to give them ten "
        "minutes before the bell so that my students are not rushed."
    )
    assert voice_findings(plan) == []


def test_first_person_that_is_only_a_frame_does_not_make_it_personal() -> None:
    assert is_general_voice("I believe " + GENERAL_EN[0].lower() + GENERAL_EN[1:])
    assert is_general_voice("Creo que " + GENERAL_ES[0].lower() + GENERAL_ES[1:], "es")
    assert is_general_voice(
        "We as educators must remember that every student learns differently and "
        "that all learners deserve access to the content."
    )
    assert is_general_voice(
        "Como docentes, debemos recordar que cada estudiante aprende de manera "
        "distinta y que todos merecen acceso al contenido.",
        "es",
    )


def test_spanish_first_person_verbs_count_without_a_pronoun() -> None:
    text = (
        "Cada viernes reviso los boletos y agrupo a los estudiantes que deben "
        "repasar; el martes expliqué otra vez el concepto con un modelo distinto."
    )
    assert voice_findings(text, "es") == []


def test_a_spanish_noun_is_not_mistaken_for_a_first_person_verb() -> None:
    text = (
        "El uso de la tecnología debe planificarse desde el inicio, y el trabajo "
        "en grupo tiene que ofrecer varias formas de participar a los estudiantes."
    )
    assert voice_findings(text, "es") == [(0, len(text))]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            'When Maya read my comment she said, "I think you should just tell me '
            'the answer," so I sat with her and we solved the second problem together.',
            "en",
        ),
        (
            "Cuando Andrea leyó mi comentario dijo: «Creo que usted debería darnos la "
            "respuesta», así que me senté con ella y resolvimos juntas el problema.",
            "es",
        ),
    ],
)
def test_quoted_student_speech_is_not_the_teachers_voice(
    text: str, language: str
) -> None:
    assert voice_findings(text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "When a student writes \u201cI don't get it, my answer is wrong\u201d on "
            "a ticket, the teacher should not reteach the whole lesson to everyone.",
            "en",
        ),
        (
            "Cuando un estudiante escribe «yo no entiendo mi error» en su boleto, el "
            "maestro no debería repetir toda la lección a todo el grupo.",
            "es",
        ),
    ],
)
def test_a_quoted_i_does_not_make_a_general_paragraph_personal(
    text: str, language: str
) -> None:
    assert voice_findings(text, language) == [(0, len(text))]


def test_a_list_is_one_paragraph_with_its_lead_in() -> None:
    text = (
        f"{CONTEXT_EN}\n\nEffective exit tickets should:\n\n- be short\n"
        "- be reviewed the same day\n\n- lead to a clear decision about teaching"
    )
    start = text.index("Effective")
    assert voice_findings(text) == [(start, len(text))]


def test_a_personal_list_is_not_flagged() -> None:
    text = (
        "Lo que hice durante la unidad:\n• Clasifiqué los boletos en tres grupos.\n"
        "• Reuní al grupo de «todavía no» al día siguiente.\n"
        "• Escribí un próximo paso en cada boleto."
    )
    assert voice_findings(text, "es") == []


def test_emoji_and_accents_do_not_break_the_reading() -> None:
    general = (
        "La tecnología es una gran aliada 💡 pero una sala de clases tiene que "
        "ofrecer más de una forma de participar 🙌 y los docentes deben preverlo."
    )
    personal = (
        "Mis estudiantes de séptimo grado 😀 adoran la escala de emojis 🙂😐 al "
        "final del boleto, y así veo quién confía en su respuesta."
    )
    assert voice_findings(general, "es") == [(0, len(general))]
    assert voice_findings(personal, "es") == []


def test_a_general_statement_with_no_first_person_and_nothing_specific_is_flagged() -> (
    None
):
    text = (
        "Exit tickets are brief prompts that students answer at the end of a "
        "lesson, and they give a quick picture of who grasps the objective."
    )
    assert voice_findings(text) == [(0, len(text))]


def test_a_paragraph_continuing_a_personal_one_is_not_flagged_for_lacking_i() -> None:
    follow = (
        "The students then compare their answers with a partner and revise the "
        "ticket before they hand it in at the door."
    )
    assert voice_findings(f"{CONTEXT_EN}\n\n{follow}") == []
    assert voice_findings(follow) == [(0, len(follow))]


def test_short_paragraphs_are_not_judged() -> None:
    assert voice_findings("Teachers should use exit tickets.") == []
    assert read_voice("Teachers should use exit tickets.")[0].judged is False


def test_the_voice_finding_is_explained_in_both_languages() -> None:
    cred = one_question(0, None)
    (finding,) = check_readiness(cred, {10: GENERAL_EN}, [], "en")
    assert "your own practice" in explain(finding, cred, "en")
    assert "su propia práctica" in explain(finding, cred, "es")


# Evidence and links.


def evidence_credential() -> CredentialRecord:
    return credential(part(1, (question(10, 0),), evidence=True))


def test_an_evidence_part_without_attachments_needs_evidence() -> None:
    cred = evidence_credential()
    (finding,) = check_readiness(cred, {10: CONTEXT_EN}, [], "en")
    assert finding == Finding(FindingKind.NO_EVIDENCE, 1)
    assert "attach a file or add a link" in explain(finding, cred, "en")
    assert "adjunte un archivo" in explain(finding, cred, "es")


def test_a_file_or_a_good_link_is_evidence() -> None:
    cred = evidence_credential()
    plan = AttachmentRecord(4, 1, "plan.pdf", "ab" * 32, None, 10, "application/pdf")
    assert check_readiness(cred, {10: CONTEXT_EN}, [plan], "en") == []
    good = link("https://video.example.org/lección?id=4")
    assert check_readiness(cred, {10: CONTEXT_EN}, [good], "en") == []


def test_an_attachment_of_another_part_is_not_evidence_here() -> None:
    cred = evidence_credential()
    other = link("https://example.org", part_id=2)
    assert kinds(check_readiness(cred, {10: CONTEXT_EN}, [other], "en")) == [
        FindingKind.NO_EVIDENCE
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=abc",
        "http://localhost:8080/clase",
        "https://escuela.example.pr/evidencia/niño.jpg",
    ],
)
def test_well_formed_links(url: str) -> None:
    assert is_well_formed_link(url)


@pytest.mark.parametrize(
    "url",
    [
        "www.youtube.com/watch?v=abc",
        "youtube",
        "ftp://files.example.org/a",
        "https://",
        "https://intranet/plan",
        "https://example..org",
        "https://example.org:99999/",
        "https://example.org/a plan.pdf",
        " https://example.org",
        "javascript:alert(1)",
    ],
)
def test_badly_formed_links(url: str) -> None:
    assert not is_well_formed_link(url)


def test_a_bad_link_is_reported_with_the_link() -> None:
    cred = evidence_credential()
    (finding,) = check_readiness(cred, {10: CONTEXT_EN}, [link("drive/plan")], "en")
    assert (finding.kind, finding.attachment_id, finding.detail) == (
        FindingKind.BAD_LINK,
        5,
        "drive/plan",
    )
    assert "drive/plan" in explain(finding, cred, "es")


# A part that failed last time.


def failed_part_findings(now: str, before: str, failed: bool = True) -> list[Finding]:
    previous = PreviousAttempt(
        answers={10: before},
        failed={1: "Describe your own classroom."} if failed else {},
    )
    return check_readiness(
        one_question(0, None), {10: now}, [], "en", previous=previous
    )


def test_a_failed_part_answered_as_before_is_flagged() -> None:
    findings = failed_part_findings(CONTEXT_EN, f"  {CONTEXT_EN.replace(' ', '   ')}\n")
    assert findings == [
        Finding(
            FindingKind.UNCHANGED_FAILED_PART, 1, detail="Describe your own classroom."
        )
    ]


def test_a_rewritten_failed_part_is_not() -> None:
    assert failed_part_findings(CONTEXT_EN, CONTEXT_EN + " Also.") == []
    assert failed_part_findings(CONTEXT_EN, CONTEXT_EN, failed=False) == []


def test_an_empty_failed_part_is_only_unanswered() -> None:
    assert kinds(failed_part_findings("", "")) == [FindingKind.UNANSWERED]


def test_the_unchanged_part_explanation_carries_the_feedback() -> None:
    cred = one_question(0, None)
    (finding,) = failed_part_findings(CONTEXT_ES, CONTEXT_ES)
    assert explain(finding, cred, "es").endswith(
        "Retroalimentación del asesor: Describe your own classroom."
    )
    assert "has not changed" not in explain(finding, cred, "es")
    assert "have not changed" in explain(finding, cred, "en")


# On the demo's denied application.


@pytest.fixture
def demo(tmp_path: Path):
    store = Store(tmp_path, clock=lambda: datetime(2026, 12, 3, 11, 0))
    seed_demo(store)
    yield store
    store.close()


def test_the_resubmission_of_the_demo_points_at_the_failed_part(demo: Store) -> None:
    educator = demo.user("educator")
    denied = max(
        (r for r in demo.dashboard_rows(educator.id) if r.status is Status.DENIED),
        key=lambda r: r.attempt,
    )
    draft_id = demo.reapply(denied.id)
    failed = set(demo.application(draft_id).attention)
    for part_id in failed:
        demo.copy_previous_answers(draft_id, part_id)
    draft = demo.application(draft_id)

    findings = check_application(draft, "es", previous=demo.application(denied.id))

    assert {f.part_id for f in findings} <= failed
    flagged = {
        f.part_id for f in findings if f.kind is FindingKind.UNCHANGED_FAILED_PART
    }
    assert flagged == failed
    assert any(f.kind is FindingKind.GENERAL_VOICE for f in findings)
    for finding in findings:
        assert explain(finding, draft.credential, "es")


# Messages and the labelled set.


def test_every_kind_has_a_message_in_english_and_spanish() -> None:
    for kind in FindingKind:
        assert set(TEMPLATES[kind]) == {"en", "es"}


def test_an_unknown_language_falls_back_to_english() -> None:
    cred = one_question()
    finding = Finding(FindingKind.UNANSWERED, 1, 10)
    assert explain(finding, cred, "fr") == "This question has no answer yet."


def test_the_labelled_set_is_large_and_balanced() -> None:
    rows = [
        json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()
    ]
    assert len(rows) >= 80
    for language in ("en", "es"):
        mine = [r for r in rows if r["language"] == language]
        assert len(mine) >= 40
        assert sum(r["personal"] for r in mine) * 2 == len(mine)


def test_the_voice_check_is_right_on_the_labelled_set() -> None:
    rows = [
        json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()
    ]
    assert SAMPLES.resolve() == DEFAULT_SAMPLES.resolve()
    quality = measure_voice(rows)
    assert quality.precision >= 0.9
    assert quality.recall >= 0.9
