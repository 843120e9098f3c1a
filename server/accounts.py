"""Accounts and their sessions: users with passwords, and bearer tokens."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from model.entities import Role, User
from server.entities import AccessToken, Account
from server.security import Passwords, new_token, token_hash

logger = logging.getLogger(__name__)


def utcnow() -> datetime:
    """The time now in UTC, naive: how the server stores every time."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Principal:
    """Who is calling: the signed-in user, outside any session."""

    id: int
    username: str
    display_name: str
    role: Role


class UsernameTaken(ValueError):
    pass


def principal(user: User) -> Principal:
    return Principal(user.id, user.username, user.display_name, user.role)


def create_user(
    session: Session,
    passwords: Passwords,
    username: str,
    password: str,
    role: Role,
    display_name: str = "",
    email: str = "",
    language: str = "en",
) -> User:
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise UsernameTaken(username)
    user = User(
        username=username, display_name=display_name or username, email=email, role=role
    )
    session.add(user)
    session.flush()
    session.add(
        Account(
            user_id=user.id,
            password_hash=passwords.hash(password),
            disabled=False,
            created_at=utcnow(),
            language=language,
        )
    )
    logger.info("Created user %s (%s)", user.id, role)
    return user


def set_password(
    session: Session, passwords: Passwords, user_id: int, new: str
) -> None:
    account = session.get(Account, user_id)
    if account is None:
        account = Account(
            user_id=user_id, disabled=False, created_at=utcnow(), language="en"
        )
        session.add(account)
    account.password_hash = passwords.hash(new)
    revoke_all(session, user_id)


@dataclass(frozen=True)
class StoredCredentials:
    user: Principal
    password_hash: str
    disabled: bool


def credentials_of(session: Session, username: str) -> StoredCredentials | None:
    row = session.execute(
        select(User, Account)
        .join(Account, Account.user_id == User.id)
        .where(User.username == username)
    ).first()
    if row is None:
        return None
    user, account = row.tuple()
    return StoredCredentials(principal(user), account.password_hash, account.disabled)


def check_password(
    passwords: Passwords, stored: StoredCredentials | None, password: str
) -> Principal | None:
    """Who these credentials sign in, or None, in about the same time either way.

    Runs outside any transaction: argon2 is slow on purpose.
    """
    valid = passwords.verify(stored.password_hash if stored else None, password)
    if not valid or stored is None or stored.disabled:
        return None
    return stored.user


def rehash_if_needed(
    session: Session, passwords: Passwords, user_id: int, password: str
) -> None:
    """Store a new hash when the configured argon2 costs have changed."""
    account = session.get(Account, user_id)
    if account is not None and passwords.needs_rehash(account.password_hash):
        account.password_hash = passwords.hash(password)


def issue_token(
    session: Session, user_id: int, lifetime: timedelta
) -> tuple[str, datetime]:
    """A new bearer token and when it expires; only its hash is stored."""
    now = utcnow()
    session.execute(delete(AccessToken).where(AccessToken.expires_at < now))
    token = new_token()
    expires_at = now + lifetime
    session.add(
        AccessToken(
            token_hash=token_hash(token),
            user_id=user_id,
            created_at=now,
            expires_at=expires_at,
        )
    )
    return token, expires_at


def principal_for_token(session: Session, token: str) -> Principal | None:
    """Who this token signs in, if it is known, unexpired, unrevoked and enabled."""
    row = session.execute(
        select(User)
        .join(AccessToken, AccessToken.user_id == User.id)
        .join(Account, Account.user_id == User.id)
        .where(
            AccessToken.token_hash == token_hash(token),
            AccessToken.expires_at > utcnow(),
            AccessToken.revoked_at.is_(None),
            Account.disabled.is_(False),
        )
    ).scalar_one_or_none()
    return principal(row) if row is not None else None


def revoke(session: Session, token: str) -> None:
    session.execute(
        update(AccessToken)
        .where(AccessToken.token_hash == token_hash(token))
        .values(revoked_at=utcnow())
    )


def revoke_all(session: Session, user_id: int) -> None:
    session.execute(
        update(AccessToken)
        .where(AccessToken.user_id == user_id, AccessToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
