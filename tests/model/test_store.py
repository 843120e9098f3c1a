"""The local store on a real SQLite file in a temporary folder."""

import hashlib
import json
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from model import workflow
from model.attachments import AttachmentRefused
from model.catalog import SAMPLE_CATALOG, CatalogError
from model.database import (
    DATABASE_NAME,
    HEAD_REVISION,
    DatabaseDamaged,
    DataFolderNotWritable,
    upgrade,
)
from model.entities import Role, Status
from model.quickread import FirstLook
from model.store import Store, local_username
from tests.damage import damage_tables


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "data", clock=lambda: datetime(2026, 3, 2, 9, 30))
    store.import_catalog(SAMPLE_CATALOG)
    yield store
    store.close()


@pytest.fixture
def educator(store: Store):
    return store.create_user("ana", "Ana Ruiz", Role.EDUCATOR, "ana@example.org")


def fill(store: Store, application_id: int, evidence: Path) -> None:
    record = store.application(application_id)
    for part in record.credential.parts:
        for question in part.questions:
            words = " ".join(["palabra"] * max(question.min_words, 1))
            store.save_answer(application_id, question.id, words)
        if part.evidence_required:
            store.add_attachment(application_id, part.id, evidence)
    for name in ("confirm_ready", "confirm_disclosure", "confirm_own_work"):
        store.set_confirmation(application_id, name, True)


def test_a_new_folder_gets_the_current_schema_in_wal_mode(store: Store) -> None:
    path = store.data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        (revision,) = connection.execute("SELECT version_num FROM alembic_version")
    assert revision[0] == HEAD_REVISION
    assert len(store.credentials()) >= 3


def test_head_revision_matches_the_migrations() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from model.database import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_a_first_schema_database_is_copied_aside_and_upgraded(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    path = folder / DATABASE_NAME
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO users (username, display_name, email, role)"
            " VALUES ('old', 'Old Timer', '', 'educator')"
        )
    before = path.read_bytes()

    store = Store(folder)
    try:
        assert store.user("old").display_name == "Old Timer"
        store.set_setting("holiday_subdivision", "PR")
        assert store.calendar().subdivision == "PR"
    finally:
        store.close()
    (backup,) = folder.glob(f"{DATABASE_NAME}.0001-*.bak")
    assert backup.read_bytes() == before


def test_a_damaged_file_is_named_and_left_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / DATABASE_NAME
    path.write_bytes(b"this is not a database " * 200)
    before = path.read_bytes()
    with pytest.raises(DatabaseDamaged) as damaged:
        Store(folder)
    assert damaged.value.path == path
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [DATABASE_NAME]


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with sqlite3.connect(folder / DATABASE_NAME) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER)")
    with pytest.raises(DatabaseDamaged):
        Store(folder)


def test_a_folder_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(DataFolderNotWritable) as refused:
        Store(blocker / "data")
    assert refused.value.path == blocker / "data"


@pytest.mark.parametrize(
    "text",
    [
        "x" * 1_000_000,
        "Mis estudiantes 🎉🧪 aprendieron día a día",
        "طلابي يتعلمون في الفصل",
        "<b>bold</b> <script>alert(1)</script> &amp;",
        "line one\r\nline two\n\n\ttabbed\u200b",
    ],
)
def test_answers_are_stored_exactly_as_typed(store: Store, educator, text: str) -> None:
    credential = store.credentials()[0]
    application_id = store.start_application(educator.id, credential.id)
    question = credential.parts[0].questions[0]
    store.save_answer(application_id, question.id, text)
    reopened = Store(store.data_dir)
    try:
        assert reopened.application(application_id).answers[question.id] == text
    finally:
        reopened.close()


def test_attachments_are_stored_under_their_sha256(
    store: Store, educator, tmp_path: Path
) -> None:
    credential = store.credentials()[0]
    evidence_part = next(p for p in credential.parts if p.evidence_required)
    application_id = store.start_application(educator.id, credential.id)
    other_part = next(p for p in credential.parts if p.id != evidence_part.id)
    source = tmp_path / "lesson plan.txt"
    source.write_bytes(b"Exit ticket: what surprised you today?")
    store.add_attachment(application_id, evidence_part.id, source)
    store.add_attachment(application_id, other_part.id, source)

    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    record = store.application(application_id)
    assert [a.sha256 for a in record.attachments] == [digest, digest]
    assert record.attachments[0].filename == "lesson plan.txt"
    assert store.attachment_path(digest).read_bytes() == source.read_bytes()
    stored = list((store.data_dir / "attachments").rglob("*"))
    assert [p.name for p in stored if p.is_file()] == [digest]


def test_the_same_file_twice_on_one_part_is_refused(
    store: Store, educator, tmp_path: Path
) -> None:
    credential = store.credentials()[0]
    part = credential.parts[1]
    application_id = store.start_application(educator.id, credential.id)
    plan = tmp_path / "plan.txt"
    plan.write_text("Exit tickets on Fridays")
    copy = tmp_path / "plan copy.txt"
    copy.write_text("Exit tickets on Fridays")
    store.add_attachment(application_id, part.id, plan)

    for again in (plan, copy):
        with pytest.raises(AttachmentRefused) as refused:
            store.add_attachment(application_id, part.id, again)
        assert refused.value.reason == AttachmentRefused.DUPLICATE
        assert refused.value.path == again
    record = store.application(application_id)
    assert [a.filename for a in record.attachments] == ["plan.txt"]


def test_a_pipe_or_a_folder_is_not_attached(
    store: Store, educator, tmp_path: Path
) -> None:
    credential = store.credentials()[0]
    application_id = store.start_application(educator.id, credential.id)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    folder = tmp_path / "folder"
    folder.mkdir()

    for source, reason in (
        (pipe, AttachmentRefused.NOT_REGULAR),
        (folder, AttachmentRefused.NOT_A_FILE),
    ):
        with pytest.raises(AttachmentRefused) as refused:
            store.add_attachment(application_id, credential.parts[1].id, source)
        assert refused.value.reason == reason
    assert store.application(application_id).attachments == ()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.pdf", None, AttachmentRefused.MISSING),
        ("empty.pdf", b"", AttachmentRefused.EMPTY),
        ("big.pdf", b"x" * 2048, AttachmentRefused.TOO_LARGE),
    ],
)
def test_bad_attachments_are_refused_and_nothing_is_kept(
    store: Store, educator, tmp_path: Path, name: str, content, reason: str
) -> None:
    store.set_setting("max_attachment_bytes", "1024")
    credential = store.credentials()[0]
    application_id = store.start_application(educator.id, credential.id)
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    with pytest.raises(AttachmentRefused) as refused:
        store.add_attachment(application_id, credential.parts[1].id, source)
    assert refused.value.reason == reason
    assert store.application(application_id).attachments == ()


def test_submit_refuses_and_then_accepts(store: Store, educator, tmp_path) -> None:
    credential = store.credentials()[0]
    application_id = store.start_application(educator.id, credential.id)
    with pytest.raises(workflow.SubmitRefused) as refused:
        store.submit(application_id)
    assert len(refused.value.missing) > 5
    assert store.application(application_id).status is Status.DRAFT

    evidence = tmp_path / "plan.txt"
    evidence.write_text("Plan")
    fill(store, application_id, evidence)
    record = store.submit(application_id)
    assert record.status is Status.SUBMITTED
    assert record.submitted_at == datetime(2026, 3, 2, 9, 30)
    assert record.decision_due is not None
    with pytest.raises(workflow.NotEditable):
        store.save_answer(application_id, credential.parts[0].questions[0].id, "x")
    assert [r.status for r in store.dashboard_rows(educator.id)] == [Status.SUBMITTED]


def test_reimporting_the_catalog_updates_in_place(store: Store) -> None:
    before = {c.code: c.id for c in store.credentials()}
    store.import_catalog(SAMPLE_CATALOG)
    assert {c.code: c.id for c in store.credentials()} == before


def test_a_broken_catalog_says_where(store: Store, tmp_path: Path) -> None:
    broken = tmp_path / "catalog.json"
    broken.write_text('{"format": "insignia-catalog/1", "micro_credentials": [{}]}')
    with pytest.raises(CatalogError, match=r"micro_credentials\.0"):
        store.import_catalog(broken)
    broken.write_text("{not json")
    with pytest.raises(CatalogError, match="not a JSON file"):
        store.import_catalog(broken)


def _catalog_with(tmp_path: Path, change) -> Path:
    """The sample catalog's formative-feedback version 1, changed by ``change``."""
    catalog = json.loads(SAMPLE_CATALOG.read_text(encoding="utf-8"))
    (credential,) = [
        c for c in catalog["micro_credentials"] if c["code"] == "formative-feedback"
    ]
    assert credential["version"] == 1
    change(credential)
    catalog["micro_credentials"] = [credential]
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(catalog), encoding="utf-8")
    return path


def _drop_question(credential) -> None:
    credential["parts"][0]["questions"].pop()


def _rekey_part(credential) -> None:
    credential["parts"][1]["key"] = "evidence-of-learning"


def _drop_criterion(credential) -> None:
    credential["parts"][0]["rubric"].pop()


@pytest.mark.parametrize("change", [_drop_question, _rekey_part, _drop_criterion])
def test_a_published_version_keeps_its_structure(
    store: Store, tmp_path: Path, change
) -> None:
    (before,) = [c for c in store.credentials() if c.code == "formative-feedback"]
    changed = _catalog_with(tmp_path, change)

    with pytest.raises(CatalogError) as refused:
        store.import_catalog(changed)
    assert str(refused.value) == (
        "formative-feedback version 1 is already imported with other parts,"
        " questions or criteria; publish the change as version 2."
    )
    reopened = Store(store.data_dir)
    try:
        (after,) = [c for c in reopened.credentials() if c.code == before.code]
        assert after == before
    finally:
        reopened.close()


def test_a_text_correction_updates_the_version_in_place(
    store: Store, tmp_path: Path
) -> None:
    (before,) = [c for c in store.credentials() if c.code == "formative-feedback"]

    def reword(credential) -> None:
        credential["title"]["en"] = "Formative Feedback, Corrected"
        credential["parts"][0]["questions"][0]["prompt"]["es"] = "¿Qué cambió?"

    store.import_catalog(_catalog_with(tmp_path, reword))
    (after,) = [c for c in store.credentials() if c.code == "formative-feedback"]
    assert after.id == before.id
    assert after.title["en"] == "Formative Feedback, Corrected"
    assert after.parts[0].questions[0].prompt["es"] == "¿Qué cambió?"
    assert [p.id for p in after.parts] == [p.id for p in before.parts]


def test_the_first_educator_of_a_new_folder_gets_the_sample_catalog(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "new")
    try:
        user = store.set_up_first_educator("ana", " Ana Ruiz ", "ana@school.org ")
        assert (user.username, user.display_name, user.email, user.role) == (
            "ana",
            "Ana Ruiz",
            "ana@school.org",
            Role.EDUCATOR,
        )
        assert store.users() == [user]
        assert "formative-feedback" in {c.code for c in store.credentials()}
        with pytest.raises(ValueError):
            store.set_up_first_educator("bob", "Bob", "bob@school.org")
        assert store.users() == [user]
    finally:
        store.close()


@pytest.mark.parametrize(
    ("login", "username"),
    [
        ("ana", "ana"),
        ("José María", "jose-maria"),
        ("DOMAIN\\Alex.Rivera", "domain-alex.rivera"),
        ("../../etc", "etc"),
        ("", "educator"),
        ("李", "educator"),
    ],
)
def test_a_local_username_comes_from_the_login(login: str, username: str) -> None:
    assert local_username(login) == username


def test_a_damaged_page_is_named_and_left_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    store = Store(folder)
    store.import_catalog(SAMPLE_CATALOG)
    store.create_user("ana", "Ana Ruiz", Role.EDUCATOR)
    store.close()
    path = folder / DATABASE_NAME
    damaged = damage_tables(path, "users", "micro_credentials")

    first = FirstLook.open(folder)
    assert first is not None
    try:
        with pytest.raises(DatabaseDamaged) as raised:
            first.user("ana")
        assert raised.value.path == path
    finally:
        first.close()
    store = Store(folder)
    try:
        with pytest.raises(DatabaseDamaged) as raised:
            store.user("ana")
        assert raised.value.path == path
        with pytest.raises(DatabaseDamaged):
            store.credentials()
    finally:
        store.close()
    assert path.read_bytes() == damaged


def test_the_first_look_checks_that_the_folder_can_be_written(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(DataFolderNotWritable) as refused:
        FirstLook.open(blocker / "data")
    assert refused.value.path == blocker / "data"
