"""Server tokens in the system keyring, never in a file or in QSettings.

The entry is service ``Insignia``, account ``<username>@<server>``. When no
usable keyring exists (no Secret Service running, a locked one that refuses)
the token lives in this process only: the user is told, and asked to sign
in again at the next start.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

SERVICE = "Insignia"

# Tokens that could not be stored, for as long as this process runs.
_this_session: dict[str, str] = {}


class KeyringUnavailable(Exception):
    """The system keyring cannot be used; the message says why."""


def save_token(account: str, token: str) -> None:
    """Store the token; KeyringUnavailable when only this session will have it."""
    _this_session[account] = token
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, account, token)
    except (KeyringError, RuntimeError, OSError) as error:
        logger.warning("The token could not be stored in the keyring: %s", error)
        raise KeyringUnavailable(str(error) or type(error).__name__) from error


def load_token(account: str) -> str | None:
    """The stored token, or None; KeyringUnavailable when it cannot be asked."""
    if account in _this_session:
        return _this_session[account]
    import keyring
    from keyring.errors import KeyringError

    try:
        token = keyring.get_password(SERVICE, account)
    except (KeyringError, RuntimeError, OSError) as error:
        logger.warning("The keyring could not be read: %s", error)
        raise KeyringUnavailable(str(error) or type(error).__name__) from error
    if token:
        _this_session[account] = token
    return token


def delete_token(account: str) -> None:
    """Forget the token here and in the keyring (quietly when it is not there)."""
    _this_session.pop(account, None)
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, account)
    except PasswordDeleteError:
        pass
    except (KeyringError, RuntimeError, OSError) as error:
        logger.warning("The token could not be removed from the keyring: %s", error)
