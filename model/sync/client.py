"""The server's HTTP API, as the sync engine uses it (httpx, synchronous).

Every failure becomes one of the ``SyncFailure`` kinds below, which say
what the user can do about it: wait (``Offline``), sign in again
(``SignInNeeded``), or read the server's reason (``ServerRefused``,
``ServerFailed``). Nothing here logs a token, a password or an answer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from model.sync_protocol import ChangePage, Operation, PushRequest, PushResponse

API = "/api/v1"
# Letters, digits, dots and dashes: a host name or an IPv4 address.
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$")
CHUNK = 256 * 1024
Progress = Callable[[int, int], None]


class SyncFailure(Exception):
    """A sync round could not finish; ``retry`` says whether waiting may help."""

    retry = True


class Offline(SyncFailure):
    """The server cannot be reached: no network, refused, or it timed out."""


class SignInNeeded(SyncFailure):
    """The token is missing, expired or revoked, or the password is wrong."""

    retry = False


class ServerRefused(SyncFailure):
    """The server understood and said no; ``code`` and the message say why."""

    retry = False

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


class ServerFailed(SyncFailure):
    """The server answered with an error of its own (5xx) or nonsense."""


def normalized_server(address: str) -> str:
    """``https://host:port`` from what a user types; ValueError when unusable.

    Without a scheme, HTTPS is assumed, except for this computer itself.
    """
    text = address.strip()
    if not text or any(c.isspace() for c in text):
        raise ValueError(address)
    if "://" not in text:
        # A server on this computer is plain HTTP; any other, HTTPS.
        local = text.startswith(("localhost", "127.", "[::1]"))
        text = ("http://" if local else "https://") + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(address)
    if parts.path.rstrip("/") or parts.query or parts.fragment or parts.username:
        raise ValueError(address)
    host = parts.hostname
    if not _HOST.match(host) and not (host.startswith("[") or ":" in host):
        raise ValueError(address)
    try:
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise ValueError(address) from None
    return f"{parts.scheme}://{parts.netloc}"


def _detail(response: httpx.Response) -> tuple[str, str]:
    try:
        body = response.json()
    except ValueError:
        return "unknown", response.reason_phrase
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, dict):
        return str(detail.get("code", "unknown")), str(detail.get("message", ""))
    return "unknown", str(detail or response.reason_phrase)


def _check(response: httpx.Response) -> httpx.Response:
    if response.status_code == 401:
        raise SignInNeeded(_detail(response)[1])
    if response.status_code in (502, 503, 504):
        raise Offline(f"the server answered {response.status_code}")
    if response.status_code >= 500:
        raise ServerFailed(f"the server failed ({response.status_code})")
    if response.status_code >= 400:
        code, message = _detail(response)
        raise ServerRefused(code, message, response.status_code)
    return response


class ServerClient:
    """One server and, once signed in, one user's token."""

    def __init__(
        self,
        server: str,
        token: str | None = None,
        *,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.server = server
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self._http = httpx.Client(
            base_url=server + API,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            return _check(self._http.request(method, path, **kwargs))
        except httpx.TransportError as error:
            raise Offline(type(error).__name__) from error
        except httpx.HTTPError as error:
            raise ServerFailed(type(error).__name__) from error

    # Accounts ---------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> str:
        """A new token for the user; SignInNeeded when the server says no."""
        response = self._call(
            "POST", "/auth/token", json={"username": username, "password": password}
        )
        token = str(response.json()["access_token"])
        self._http.headers["Authorization"] = f"Bearer {token}"
        return token

    def sign_out(self) -> None:
        self._call("POST", "/auth/logout")

    def me(self) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", "/users/me").json()
        return result

    # The change feed and the outbox -----------------------------------------

    def changes(self, cursor: str, limit: int = 200) -> ChangePage:
        response = self._call(
            "GET", "/sync/changes", params={"cursor": cursor, "limit": limit}
        )
        try:
            return ChangePage.model_validate_json(response.content)
        except ValueError as error:
            raise ServerFailed("the change feed could not be read") from error

    def push(self, operations: list[Operation]) -> PushResponse:
        body = PushRequest(operations=operations).model_dump_json()
        response = self._call(
            "POST",
            "/sync/push",
            content=body,
            headers={"Content-Type": "application/json"},
        )
        try:
            return PushResponse.model_validate_json(response.content)
        except ValueError as error:
            raise ServerFailed("the push answer could not be read") from error

    # Attachments --------------------------------------------------------------

    def upload(
        self,
        sha256: str,
        path: Path,
        media_type: str,
        progress: Progress | None = None,
    ) -> None:
        size = path.stat().st_size

        def chunks() -> Iterator[bytes]:
            sent = 0
            with path.open("rb") as file:
                while chunk := file.read(CHUNK):
                    sent += len(chunk)
                    yield chunk
                    if progress is not None:
                        progress(sent, size)

        self._call(
            "PUT",
            f"/attachments/{sha256}",
            content=chunks(),
            headers={
                "Content-Type": media_type or "application/octet-stream",
                "Content-Length": str(size),
            },
        )

    def download(
        self, sha256: str, target: Path, progress: Progress | None = None
    ) -> None:
        """Write the file to ``target``, only once its SHA-256 is checked."""
        partial = target.with_name(target.name + ".part")
        digest = hashlib.sha256()
        try:
            with self._http.stream("GET", f"/attachments/{sha256}") as response:
                _check(response)
                total = int(response.headers.get("content-length") or 0)
                received = 0
                with partial.open("wb") as file:
                    for chunk in response.iter_bytes(CHUNK):
                        file.write(chunk)
                        digest.update(chunk)
                        received += len(chunk)
                        if progress is not None:
                            progress(received, total)
        except httpx.TransportError as error:
            partial.unlink(missing_ok=True)
            raise Offline(type(error).__name__) from error
        except SyncFailure:
            partial.unlink(missing_ok=True)
            raise
        if digest.hexdigest() != sha256:
            partial.unlink(missing_ok=True)
            raise ServerFailed("a downloaded file did not match its SHA-256")
        partial.replace(target)
