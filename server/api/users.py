"""Accounts: who you are, and (for administrators) everyone's."""

from __future__ import annotations

from fastapi import APIRouter, status
from sqlalchemy import select

from model.entities import User
from server import accounts
from server.deps import API_PREFIX, Admin, CurrentUser, Id, State, api_error
from server.entities import Account
from server.schemas import ErrorPublic, UserCreate, UserPublic, UserUpdate

router = APIRouter(prefix=f"{API_PREFIX}/users", tags=["users"])


def _public(user: User, account: Account | None) -> UserPublic:
    return UserPublic(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        email=user.email,
        language="es" if account and account.language == "es" else "en",
        role=user.role,
        disabled=bool(account and account.disabled),
    )


@router.get("/me", responses={401: {"model": ErrorPublic}})
def read_me(state: State, user: CurrentUser) -> UserPublic:
    with state.db.reading() as session:
        row = session.get(User, user.id)
        if row is None:
            raise api_error(status.HTTP_404_NOT_FOUND, "not_found", "No such user.")
        return _public(row, session.get(Account, user.id))


@router.get("", responses={401: {"model": ErrorPublic}, 403: {"model": ErrorPublic}})
def list_users(state: State, _admin: Admin) -> list[UserPublic]:
    with state.db.reading() as session:
        rows = session.execute(
            select(User, Account)
            .outerjoin(Account, Account.user_id == User.id)
            .order_by(User.username)
        ).tuples()
        return [_public(user, account) for user, account in rows]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses={
        401: {"model": ErrorPublic},
        403: {"model": ErrorPublic},
        409: {"model": ErrorPublic, "description": "The username is taken"},
    },
)
def create_user(body: UserCreate, state: State, _admin: Admin) -> UserPublic:
    try:
        with state.db.writing() as session:
            user = accounts.create_user(
                session,
                state.passwords,
                body.username,
                body.password,
                body.role,
                body.display_name,
                body.email,
                body.language,
            )
            return _public(user, session.get(Account, user.id))
    except accounts.UsernameTaken as error:
        raise api_error(
            status.HTTP_409_CONFLICT, "username_taken", "That username is taken."
        ) from error


@router.patch(
    "/{user_id}",
    responses={
        401: {"model": ErrorPublic},
        403: {"model": ErrorPublic},
        404: {"model": ErrorPublic},
    },
)
def update_user(
    user_id: Id, body: UserUpdate, state: State, _admin: Admin
) -> UserPublic:
    with state.db.writing() as session:
        user = session.get(User, user_id)
        if user is None:
            raise api_error(status.HTTP_404_NOT_FOUND, "not_found", "No such user.")
        if body.display_name is not None:
            user.display_name = body.display_name
        if body.email is not None:
            user.email = body.email
        if body.role is not None:
            user.role = body.role
        if body.password is not None:
            accounts.set_password(session, state.passwords, user.id, body.password)
        account = session.get(Account, user.id)
        if body.language is not None and account is not None:
            account.language = body.language
        if body.disabled is not None and account is not None:
            account.disabled = body.disabled
            if body.disabled:
                accounts.revoke_all(session, user.id)
        return _public(user, account)
