"""Passwords, bearer tokens and the slow-down of repeated failed sign-ins."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

FAILURE_LIMIT = 5
FAILURE_WINDOW_SECONDS = 300.0


class Passwords:
    """argon2id hashes. Checking a user that does not exist costs the same.

    An unknown username is checked against a dummy hash made with the same
    costs, so the time of an answer does not tell whether the user exists.
    """

    def __init__(self, time_cost: int, memory_kib: int) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)
        self._dummy = self._hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored: str | None, password: str) -> bool:
        try:
            return self._hasher.verify(stored or self._dummy, password) and bool(stored)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        return self._hasher.check_needs_rehash(stored)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the database keeps of a token: its SHA-256, never the token."""
    return hashlib.sha256(token.encode()).hexdigest()


class LoginThrottle:
    """Refuses sign-in for a while after repeated failures of one name and client.

    After ``limit`` failures within ``window`` seconds, further attempts for
    that username from that client address are refused until the oldest
    failure is older than the window. The counts are kept in this process's
    memory: they are lost on restart, and each server worker counts on its
    own, so with N workers an attacker gets up to N × ``limit`` tries per
    window.
    """

    def __init__(
        self,
        limit: int = FAILURE_LIMIT,
        window: float = FAILURE_WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, username: str, client: str) -> int | None:
        """Seconds to wait before trying again, or None when a try is allowed."""
        key = (username.casefold(), client)
        with self._lock:
            failures = self._recent(key)
            if len(failures) < self.limit:
                return None
            return max(1, int(failures[0] + self.window - self._clock()) + 1)

    def failed(self, username: str, client: str) -> None:
        key = (username.casefold(), client)
        with self._lock:
            self._recent(key).append(self._clock())
            if len(self._failures) > 100_000:
                self._forget_old()

    def succeeded(self, username: str, client: str) -> None:
        with self._lock:
            self._failures.pop((username.casefold(), client), None)

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        horizon = self._clock() - self.window
        while failures and failures[0] < horizon:
            failures.popleft()
        return failures

    def _forget_old(self) -> None:
        for key in list(self._failures):
            if not self._recent(key):
                del self._failures[key]
