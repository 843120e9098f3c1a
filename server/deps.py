"""Typed dependencies of the endpoints: the server's state and who is calling."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Path, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from model.calendar import BusinessCalendar
from model.entities import Role
from server import accounts
from server.accounts import Principal
from server.attachment_files import BlobStore
from server.database import Database
from server.operations import Context
from server.security import LoginThrottle, Passwords
from server.settings import Settings

API_PREFIX = "/api/v1"
# Ids are 32-bit in the database: a larger one cannot name anything.
MAX_ID = 2**31 - 1
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


@dataclass
class ServerState:
    """Everything the endpoints share, built once by ``create_app``."""

    db: Database
    settings: Settings
    passwords: Passwords
    blobs: BlobStore
    throttle: LoginThrottle = field(default_factory=LoginThrottle)

    @property
    def calendar(self) -> BusinessCalendar:
        return BusinessCalendar(
            self.settings.holiday_country, self.settings.holiday_subdivision
        )


def api_error(status_code: int, code: str, message: str, **extra: Any) -> HTTPException:
    """An HTTP error whose body is ``{"detail": {"code", "message", …}}``."""
    headers = extra.pop("headers", None)
    return HTTPException(
        status_code, {"code": code, "message": message, **extra}, headers=headers
    )


def get_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.server
    return state


State = Annotated[ServerState, Depends(get_state)]

_bearer = HTTPBearer(auto_error=False, description="A token from /api/v1/auth/token")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _unauthorized() -> HTTPException:
    return api_error(
        status.HTTP_401_UNAUTHORIZED,
        "not_signed_in",
        "Sign in again: the token is missing, expired or revoked.",
        headers={"WWW-Authenticate": "Bearer"},
    )


def bearer_token(credentials: Credentials) -> str:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise _unauthorized()
    return credentials.credentials


Token = Annotated[str, Depends(bearer_token)]


def current_user(request: Request, state: State, token: Token) -> Principal:
    with state.db.reading() as session:
        user = accounts.principal_for_token(session, token)
    if user is None:
        raise _unauthorized()
    # For the request log, which names the user by id and nothing else.
    request.scope.setdefault("state", {})["user_id"] = user.id
    return user


CurrentUser = Annotated[Principal, Depends(current_user)]


def require(*roles: Role) -> Callable[[Principal], Principal]:
    """A dependency that lets through only users with one of ``roles``."""

    def check(user: CurrentUser) -> Principal:
        if user.role not in roles:
            raise api_error(
                status.HTTP_403_FORBIDDEN,
                "forbidden",
                f"This needs the role {' or '.join(r.value for r in roles)}.",
            )
        return user

    return check


Admin = Annotated[Principal, Depends(require(Role.ADMIN))]
Educator = Annotated[Principal, Depends(require(Role.EDUCATOR))]
Assessor = Annotated[Principal, Depends(require(Role.ASSESSOR))]
Reader = Annotated[Principal, Depends(require(Role.EDUCATOR, Role.ASSESSOR))]


def context(state: State, user: CurrentUser) -> Context:
    return Context(user=user, calendar=state.calendar)


OperationContext = Annotated[Context, Depends(context)]
