"""The catalog file format and its import.

A catalog is a JSON file of micro-credentials (see docs/catalog-format.md).
Importing the same code and version again updates its texts in place; a new
version is added beside the old one, so attempts keep the version they used.
The structure of an imported version (its parts, questions and rubric
criteria, their keys and order) never changes: answers and verdicts point at
them. A changed structure is refused; it is published as a new version.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.entities import MicroCredential, Part, PartKind, Question, RubricCriterion

SAMPLE_CATALOG = Path(__file__).with_name("sample-catalog.json")
FORMAT = "insignia-catalog/1"
LANGUAGES = ("en", "es")

Texts = dict[str, str]


class CatalogError(ValueError):
    """The file is not a catalog Insignia can import; the message says where."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_texts(value: Texts) -> Texts:
    missing = [lang for lang in LANGUAGES if not value.get(lang, "").strip()]
    if missing:
        raise ValueError(f"text missing in {', '.join(missing)}")
    return value


class QuestionSpec(_Strict):
    key: str = Field(pattern=r"^[a-z0-9-]+$")
    prompt: Texts
    min_words: int = Field(default=0, ge=0)
    max_words: int | None = Field(default=None, gt=0)

    _texts = field_validator("prompt")(_check_texts)


class CriterionSpec(_Strict):
    key: str = Field(pattern=r"^[a-z0-9-]+$")
    text: Texts
    look_for: dict[str, list[str]] = Field(default_factory=dict)

    _texts = field_validator("text")(_check_texts)


class PartSpec(_Strict):
    key: str = Field(pattern=r"^[a-z0-9-]+$")
    kind: Literal["overview", "evidence", "reflection"]
    title: Texts
    instructions: Texts
    evidence_required: bool = False
    questions: list[QuestionSpec] = Field(min_length=1)
    rubric: list[CriterionSpec] = Field(min_length=1)

    _texts = field_validator("title", "instructions")(_check_texts)


class CredentialSpec(_Strict):
    code: str = Field(pattern=r"^[a-z0-9-]+$")
    version: int = Field(ge=1)
    title: Texts
    competency: Texts
    key_method: Texts
    parts: list[PartSpec] = Field(min_length=1)

    _texts = field_validator("title", "competency", "key_method")(_check_texts)


class CatalogSpec(_Strict):
    format: Literal["insignia-catalog/1"]
    micro_credentials: list[CredentialSpec] = Field(min_length=1)


def read_catalog(path: Path) -> CatalogSpec:
    """Parse and validate a catalog file, or raise CatalogError saying where."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CatalogError(f"{path}: {error.strerror}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CatalogError(f"{path}: not a JSON file ({error})") from error
    try:
        return CatalogSpec.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CatalogError(f"{path}: {where}: {first['msg']}") from error


def import_catalog(session: Session, path: Path) -> list[str]:
    """Add or update every micro-credential of the file; returns their codes."""
    return import_spec(session, read_catalog(path))


def _apply(credential: MicroCredential, spec: CredentialSpec) -> None:
    credential.title = dict(spec.title)
    credential.competency = dict(spec.competency)
    credential.key_method = dict(spec.key_method)
    parts = {p.key: p for p in credential.parts}
    for position, part_spec in enumerate(spec.parts):
        part = parts.get(part_spec.key)
        if part is None:
            part = Part(key=part_spec.key)
            credential.parts.append(part)
        part.position = position
        part.kind = PartKind(part_spec.kind)
        part.title = dict(part_spec.title)
        part.instructions = dict(part_spec.instructions)
        part.evidence_required = part_spec.evidence_required
        questions = {q.key: q for q in part.questions}
        for q_position, q_spec in enumerate(part_spec.questions):
            question = questions.get(q_spec.key)
            if question is None:
                question = Question(key=q_spec.key)
                part.questions.append(question)
            question.position = q_position
            question.prompt = dict(q_spec.prompt)
            question.min_words = q_spec.min_words
            question.max_words = q_spec.max_words
        criteria = {c.key: c for c in part.criteria}
        for c_position, c_spec in enumerate(part_spec.rubric):
            criterion = criteria.get(c_spec.key)
            if criterion is None:
                criterion = RubricCriterion(key=c_spec.key)
                part.criteria.append(criterion)
            criterion.position = c_position
            criterion.text = dict(c_spec.text)
            criterion.look_for = {k: list(v) for k, v in c_spec.look_for.items()}


Structure = list[tuple[str, list[str], list[str]]]


def _structure_of_spec(spec: CredentialSpec) -> Structure:
    """Each part's key with its questions' and criteria's keys, in order."""
    return [
        (p.key, [q.key for q in p.questions], [c.key for c in p.rubric])
        for p in spec.parts
    ]


def _structure_of(credential: MicroCredential) -> Structure:
    parts = sorted(credential.parts, key=lambda p: p.position)
    return [
        (
            p.key,
            [q.key for q in sorted(p.questions, key=lambda q: q.position)],
            [c.key for c in sorted(p.criteria, key=lambda c: c.position)],
        )
        for p in parts
    ]


def _ensure_same_structure(
    session: Session, credential: MicroCredential, spec: CredentialSpec
) -> None:
    if _structure_of(credential) == _structure_of_spec(spec):
        return
    newest = session.scalar(
        select(func.max(MicroCredential.version)).where(
            MicroCredential.code == spec.code
        )
    )
    raise CatalogError(
        f"{spec.code} version {spec.version} is already imported with other"
        " parts, questions or criteria; publish the change as version"
        f" {(newest or spec.version) + 1}."
    )


def import_spec(session: Session, catalog: CatalogSpec) -> list[str]:
    """Add or update every micro-credential of an already validated catalog.

    What ``import_catalog`` does for a file, for a catalog that arrived some
    other way (the server receives it in a request body).
    """
    for spec in catalog.micro_credentials:
        credential = session.scalar(
            select(MicroCredential).where(
                MicroCredential.code == spec.code,
                MicroCredential.version == spec.version,
            )
        )
        if credential is None:
            credential = MicroCredential(code=spec.code, version=spec.version)
            session.add(credential)
        else:
            _ensure_same_structure(session, credential, spec)
        _apply(credential, spec)
    return [spec.code for spec in catalog.micro_credentials]
