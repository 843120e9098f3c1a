"""The server's settings, read once from the environment.

Every setting has a default that suits one machine; ``INSIGNIA_*`` variables
change them (see the README's "Running a server").
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import platformdirs

MB = 1024 * 1024
MIN_PASSWORD_LENGTH = 8
DEFAULT_ALLOWED_TYPES = (
    "application/pdf",
    "image/png",
    "image/jpeg",
    "text/plain",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "video/mp4",
    "video/quicktime",
    "audio/mpeg",
)


def data_dir() -> Path:
    """The server's data folder: attachments, and the default SQLite file."""
    configured = os.environ.get("INSIGNIA_DATA_DIR")
    return Path(configured or platformdirs.user_data_dir("insignia-server"))


def default_database_url() -> str:
    return os.environ.get("INSIGNIA_DATABASE_URL") or (
        f"sqlite:///{data_dir() / 'insignia-server.db'}"
    )


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError as error:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from error


def _types(name: str, default: tuple[str, ...]) -> frozenset[str]:
    value = os.environ.get(name, "").strip()
    if not value:
        return frozenset(default)
    return frozenset(t.strip().lower() for t in value.split(",") if t.strip())


@dataclass(frozen=True)
class Settings:
    """What an operator can set; ``from_environment`` reads the variables."""

    data_dir: Path
    max_attachment_bytes: int = 100 * MB
    allowed_types: frozenset[str] = field(
        default_factory=lambda: frozenset(DEFAULT_ALLOWED_TYPES)
    )
    token_lifetime: timedelta = timedelta(days=30)
    holiday_country: str = "US"
    holiday_subdivision: str | None = None
    # argon2id costs; the defaults are argon2-cffi's (RFC 9106, low memory).
    # Tests lower them to keep the suite fast.
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @classmethod
    def from_environment(cls) -> Settings:
        return cls(
            data_dir=data_dir(),
            max_attachment_bytes=_int("INSIGNIA_MAX_ATTACHMENT_BYTES", 100 * MB),
            allowed_types=_types("INSIGNIA_ALLOWED_TYPES", DEFAULT_ALLOWED_TYPES),
            token_lifetime=timedelta(
                seconds=_int("INSIGNIA_TOKEN_LIFETIME_SECONDS", 30 * 24 * 3600)
            ),
            holiday_country=os.environ.get("INSIGNIA_HOLIDAY_COUNTRY") or "US",
            holiday_subdivision=os.environ.get("INSIGNIA_HOLIDAY_SUBDIVISION") or None,
            argon2_time_cost=_int("INSIGNIA_ARGON2_TIME_COST", 3),
            argon2_memory_kib=_int("INSIGNIA_ARGON2_MEMORY_KIB", 65536),
        )
