"""The privacy check before submitting: names, e-mail and listed words."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from model.catalog import SAMPLE_CATALOG
from model.entities import Role
from model.privacy import (
    PrivacyMatch,
    application_findings,
    fold,
    privacy_findings,
    words_from_setting,
)
from model.store import Store

NAME = "Álex Rivera"
EMAIL = "Alex.Rivera@Example.org"


def found(text: str, words: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    findings = privacy_findings({1: {10: text}}, [], NAME, EMAIL, words)
    return [(f.kind.value, f.found) for f in findings]


def test_the_full_name_is_found_without_case_or_accents() -> None:
    (finding,) = privacy_findings(
        {1: {10: "Written by alex  rivera, grade 4."}}, [], NAME, EMAIL
    )
    assert finding.kind is PrivacyMatch.NAME
    assert finding.term == NAME
    assert (finding.part_id, finding.question_id, finding.filename) == (1, 10, None)
    assert (finding.start, finding.end, finding.found) == (11, 23, "alex  rivera")


def test_each_name_part_is_found_as_a_whole_word() -> None:
    assert found("Ms. RIVERA said so") == [("name", "RIVERA")]
    assert found("Álex asked") == [("name", "Álex")]
    assert found("Alexandra and Riveras are other people") == []


def test_accents_in_the_text_are_ignored_too() -> None:
    assert found("Signed: Alex Rívera") == [("name", "Alex Rívera")]
    decomposed = "Signed: A\u0301lex"
    (finding,) = privacy_findings({1: {10: decomposed}}, [], "alex rivera", "", ())
    assert decomposed[finding.start : finding.end] == "A\u0301lex"


def test_short_name_parts_are_not_matched_alone() -> None:
    findings = privacy_findings(
        {1: {10: "Li wrote about Li Na and Na Li"}}, [], "Li Na", "", ()
    )
    assert [f.found for f in findings] == ["Li Na"]


def test_the_email_is_found_whatever_its_case() -> None:
    assert found("write to alex.rivera@example.org.") == [
        ("email", "alex.rivera@example.org")
    ]


def test_listed_words_are_found_whole() -> None:
    words = ("Lincoln Elementary", "PS 12")
    assert found("At lincoln  elementary we", words) == [
        ("word", "lincoln  elementary")
    ]
    assert found("Lincolnshire", words) == []


def test_attachment_names_are_checked_with_digits_as_separators() -> None:
    findings = privacy_findings(
        {}, [(2, "rivera_lesson-plan2024.pdf"), (2, "plan.pdf")], NAME, EMAIL
    )
    (finding,) = findings
    assert (finding.part_id, finding.question_id) == (2, None)
    assert finding.filename == "rivera_lesson-plan2024.pdf"
    assert finding.found == "rivera"


def test_findings_follow_the_parts_and_questions_in_order() -> None:
    answers = {1: {10: "Alex", 11: "nothing"}, 2: {20: "Rivera and Alex"}}
    findings = privacy_findings(answers, [], NAME, EMAIL)
    assert [(f.part_id, f.question_id, f.start) for f in findings] == [
        (1, 10, 0),
        (2, 20, 0),
        (2, 20, 11),
    ]


def test_the_words_setting_is_split_on_lines_and_commas() -> None:
    assert words_from_setting("Lincoln Elementary\n PS 12, Room 4 ;\n\n") == [
        "Lincoln Elementary",
        "PS 12",
        "Room 4",
    ]


@given(st.text(max_size=40))
def test_folding_keeps_track_of_every_character(text: str) -> None:
    folded, origin = fold(text)
    assert len(origin) == len(folded)
    assert origin == sorted(origin)
    assert all(0 <= i < len(text) for i in origin)


@given(st.text(max_size=60), st.sampled_from(["Alex Rivera", "ALEX", "rívera"]))
def test_offsets_always_point_at_the_match(prefix: str, name: str) -> None:
    text = prefix + " " + name + " end"
    for finding in privacy_findings({1: {1: text}}, [], NAME, EMAIL):
        assert text[finding.start : finding.end] == finding.found
        assert fold(finding.found)[0].split()[0] in {"alex", "rivera"}


def test_an_application_is_checked_part_by_part(tmp_path: Path) -> None:
    store = Store(tmp_path, clock=lambda: datetime(2026, 3, 2, 9, 0))
    try:
        store.import_catalog(SAMPLE_CATALOG)
        educator = store.create_user("alex", NAME, Role.EDUCATOR, EMAIL)
        credential = store.credentials()[0]
        application_id = store.start_application(educator.id, credential.id)
        question = credential.parts[1].questions[0]
        store.save_answer(application_id, question.id, "My name is Alex.")
        evidence = tmp_path / "Rivera plan.txt"
        evidence.write_text("plan")
        store.add_attachment(application_id, credential.parts[2].id, evidence)

        record = store.application(application_id)
        findings = application_findings(record, NAME, EMAIL, ["plan"])
        assert [(f.part_id, f.question_id, f.filename, f.found) for f in findings] == [
            (credential.parts[1].id, question.id, None, "Alex"),
            (credential.parts[2].id, None, "Rivera plan.txt", "Rivera"),
            (credential.parts[2].id, None, "Rivera plan.txt", "plan"),
        ]
    finally:
        store.close()
