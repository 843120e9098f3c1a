"""Who may read and change an application, enforced by the store itself."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from model.catalog import SAMPLE_CATALOG
from model.entities import Role, Status
from model.errors import NotAllowed
from model.records import UserRecord
from model.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "data", clock=lambda: datetime(2026, 3, 2, 9, 30))
    store.import_catalog(SAMPLE_CATALOG)
    yield store
    store.close()


@pytest.fixture
def people(store: Store) -> dict[str, UserRecord]:
    return {
        "alex": store.create_user("educator", "Alex Rivera", Role.EDUCATOR),
        "jordan": store.create_user("jordan", "Jordan Ortiz", Role.EDUCATOR),
        "morgan": store.create_user("assessor", "Morgan Lee", Role.ASSESSOR),
    }


def test_an_educator_can_neither_read_nor_change_anothers_draft(
    store: Store, people: dict[str, UserRecord], tmp_path: Path
) -> None:
    credential = store.credentials()[0]
    part = credential.parts[0]
    question = part.questions[0]
    draft = store.start_application(people["jordan"].id, credential.id)
    store.save_answer(draft, question.id, "Jordan's own words")
    evidence = tmp_path / "plan.txt"
    evidence.write_text("A lesson plan")
    alex = people["alex"].id

    changes: list[Callable[[], object]] = [
        lambda: store.save_answer(draft, question.id, "overwritten", actor_id=alex),
        lambda: store.save_note(draft, "overwritten", actor_id=alex),
        lambda: store.set_confirmation(draft, "confirm_ready", True, actor_id=alex),
        lambda: store.unlock_part(draft, part.id, actor_id=alex),
        lambda: store.copy_previous_answers(draft, part.id, actor_id=alex),
        lambda: store.add_attachment(draft, part.id, evidence, actor_id=alex),
        lambda: store.add_link(draft, part.id, "https://x.org", "x", actor_id=alex),
        lambda: store.remove_attachment(draft, 1, actor_id=alex),
        lambda: store.submit(draft, actor_id=alex),
        lambda: store.reapply(draft, actor_id=alex),
        lambda: store.application(draft, actor_id=alex),
        lambda: store.application_with_previous(draft, actor_id=alex),
        lambda: store.missing_items(draft, actor_id=alex),
        lambda: store.ensure_may_read(draft, alex),
    ]
    for change in changes:
        with pytest.raises(NotAllowed) as refused:
            change()
        assert refused.value.reason == NotAllowed.OTHER_EDUCATOR

    record = store.application(draft, actor_id=people["jordan"].id)
    assert record.answers == {question.id: "Jordan's own words"}
    assert record.attachments == ()
    assert record.resubmission_note == ""
    assert not record.confirm_ready
    assert record.status is Status.DRAFT


def test_the_owner_acts_on_their_own_draft(
    store: Store, people: dict[str, UserRecord]
) -> None:
    credential = store.credentials()[0]
    question = credential.parts[0].questions[0]
    jordan = people["jordan"].id
    draft = store.start_application(jordan, credential.id)

    store.save_answer(draft, question.id, "Mine", actor_id=jordan)
    store.set_confirmation(draft, "confirm_ready", True, actor_id=jordan)
    record = store.application(draft, actor_id=jordan)
    assert record.answers[question.id] == "Mine"
    assert record.confirm_ready


def test_an_assessor_reads_submitted_applications_of_others_only(
    store: Store, people: dict[str, UserRecord], tmp_path: Path
) -> None:
    credential = store.credentials()[0]
    morgan = people["morgan"].id
    draft = store.start_application(people["jordan"].id, credential.id)
    own = store.start_application(morgan, credential.id)

    with pytest.raises(NotAllowed) as refused:
        store.application(draft, actor_id=morgan)
    assert refused.value.reason == NotAllowed.NOT_SUBMITTED
    with pytest.raises(NotAllowed) as refused:
        store.ensure_may_read(own, morgan)
    assert refused.value.reason == NotAllowed.OWN_APPLICATION

    _submit(store, draft, tmp_path)
    assert store.application(draft, actor_id=morgan).status is Status.SUBMITTED
    with pytest.raises(NotAllowed):
        store.save_note(draft, "an assessor's words", actor_id=morgan)


def _submit(store: Store, application_id: int, folder: Path) -> None:
    evidence = folder / "evidence.txt"
    evidence.write_text("Student work")
    record = store.application(application_id)
    for part in record.credential.parts:
        for question in part.questions:
            words = " ".join(["palabra"] * max(question.min_words, 1))
            store.save_answer(application_id, question.id, words)
        if part.evidence_required:
            store.add_attachment(application_id, part.id, evidence)
    for name in ("confirm_ready", "confirm_disclosure", "confirm_own_work"):
        store.set_confirmation(application_id, name, True)
    store.submit(application_id)
