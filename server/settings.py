"""The server's settings, read once from the environment.

Every setting has a default that suits one machine; ``INSIGNIA_*`` variables
change them (see the README's "Running the server").
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import platformdirs

MB = 1024 * 1024
MIN_PASSWORD_LENGTH = 8
SMTP_TLS_MODES = ("none", "starttls", "ssl")
DEFAULT_MAIL_FROM = "Insignia <insignia@localhost>"
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


def _float(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    try:
        return float(value) if value else default
    except ValueError as error:
        raise ValueError(f"{name} must be a number, not {value!r}") from error


def _choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, "").strip().lower() or default
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


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
    # E-mail: without an SMTP host, messages are only logged (and marked sent).
    smtp_host: str = ""
    smtp_port: int = 0
    smtp_tls: str = "starttls"
    smtp_username: str = ""
    smtp_password: str = field(default="", repr=False)
    smtp_timeout_seconds: float = 30.0
    mail_from: str = DEFAULT_MAIL_FROM
    mail_max_attempts: int = 10
    mail_retry_seconds: float = 60.0
    mail_poll_seconds: float = 5.0

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def smtp_port_or_default(self) -> int:
        """The configured port, else the usual one for the TLS mode."""
        if self.smtp_port:
            return self.smtp_port
        return {"ssl": 465, "starttls": 587}.get(self.smtp_tls, 25)

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
            smtp_host=os.environ.get("INSIGNIA_SMTP_HOST", "").strip(),
            smtp_port=_int("INSIGNIA_SMTP_PORT", 0),
            smtp_tls=_choice("INSIGNIA_SMTP_TLS", "starttls", SMTP_TLS_MODES),
            smtp_username=os.environ.get("INSIGNIA_SMTP_USERNAME", ""),
            smtp_password=os.environ.get("INSIGNIA_SMTP_PASSWORD", ""),
            smtp_timeout_seconds=_float("INSIGNIA_SMTP_TIMEOUT_SECONDS", 30.0),
            mail_from=os.environ.get("INSIGNIA_MAIL_FROM") or DEFAULT_MAIL_FROM,
            mail_max_attempts=max(1, _int("INSIGNIA_MAIL_MAX_ATTEMPTS", 10)),
            mail_retry_seconds=_float("INSIGNIA_MAIL_RETRY_SECONDS", 60.0),
            mail_poll_seconds=max(0.05, _float("INSIGNIA_MAIL_POLL_SECONDS", 5.0)),
        )
