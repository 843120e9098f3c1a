"""The local store on a real SQLite file in a temporary folder."""

import hashlib
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
from model.store import Store


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
    source = tmp_path / "lesson plan.txt"
    source.write_bytes(b"Exit ticket: what surprised you today?")
    store.add_attachment(application_id, evidence_part.id, source)
    store.add_attachment(application_id, evidence_part.id, source)

    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    record = store.application(application_id)
    assert [a.sha256 for a in record.attachments] == [digest, digest]
    assert record.attachments[0].filename == "lesson plan.txt"
    assert store.attachment_path(digest).read_bytes() == source.read_bytes()
    stored = list((store.data_dir / "attachments").rglob("*"))
    assert [p.name for p in stored if p.is_file()] == [digest]


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
