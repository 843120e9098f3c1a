"""Signing in and out: bearer tokens for a username and password."""

from __future__ import annotations

import logging
from datetime import UTC

from fastapi import APIRouter, Request, Response, status

from server import accounts
from server.deps import API_PREFIX, State, Token, api_error
from server.schemas import ErrorPublic, TokenCreate, TokenPublic

logger = logging.getLogger(__name__)

router = APIRouter(prefix=f"{API_PREFIX}/auth", tags=["auth"])

INVALID = "Wrong username or password."


@router.post(
    "/token",
    responses={
        401: {"model": ErrorPublic, "description": "Wrong username or password"},
        429: {
            "model": ErrorPublic,
            "description": "Too many failures; see Retry-After",
        },
    },
)
def create_token(body: TokenCreate, request: Request, state: State) -> TokenPublic:
    """A bearer token for these credentials.

    An unknown user and a wrong password get the same answer, in about the
    same time. After five failures in five minutes for one username from one
    address, tries are refused with 429 until the oldest failure is older.
    """
    client = request.client.host if request.client else "unknown"
    wait = state.throttle.retry_after(body.username, client)
    if wait is not None:
        raise api_error(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "too_many_attempts",
            "Too many failed sign-ins: wait a moment and try again.",
            headers={"Retry-After": str(wait)},
        )

    with state.db.reading() as session:
        stored = accounts.credentials_of(session, body.username)
    user = accounts.check_password(state.passwords, stored, body.password)
    if user is None:
        state.throttle.failed(body.username, client)
        logger.info("Refused a sign-in")
        raise api_error(status.HTTP_401_UNAUTHORIZED, "invalid_credentials", INVALID)

    state.throttle.succeeded(body.username, client)
    with state.db.writing() as session:
        accounts.rehash_if_needed(session, state.passwords, user.id, body.password)
        token, expires_at = accounts.issue_token(
            session, user.id, state.settings.token_lifetime
        )
    request.scope.setdefault("state", {})["user_id"] = user.id
    logger.info("User %s signed in", user.id)
    return TokenPublic(access_token=token, expires_at=expires_at.replace(tzinfo=UTC))


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={401: {"model": ErrorPublic}},
)
def logout(state: State, token: Token) -> Response:
    """Revoke the token of this request; signing out twice is harmless."""
    with state.db.writing() as session:
        accounts.revoke(session, token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
