"""The FastAPI application: ``create_app(database_url)``."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.api import api_router
from server.attachment_files import BlobStore
from server.database import Database
from server.deps import ServerState
from server.mail import MailSender
from server.security import Passwords
from server.settings import Settings

logger = logging.getLogger("server.requests")

# Pages outside the API whose paths hold no values; any other request without
# a route is logged without its path, which could hold anything.
FIXED_PAGES = frozenset({"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"})


class RequestLog:
    """One INFO line per request: method, route template, status, time, user id.

    The route template (``/api/v1/applications/{application_id}``), never
    the path with its values, and never headers or bodies: no token,
    password or answer text reaches the log.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        state: dict[str, Any] = scope.setdefault("state", {})

        async def send_logged(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_logged)
        finally:
            template = getattr(scope.get("route"), "path", None)
            if template is None:
                path = scope.get("path", "")
                template = path if path in FIXED_PAGES else "(no route)"
            logger.info(
                "%s %s %d %.1fms user=%s",
                scope["method"],
                template,
                status,
                (time.perf_counter() - started) * 1000,
                state.get("user_id", "-"),
            )


def create_app(database_url: str, settings: Settings | None = None) -> FastAPI:
    """The API on this database, its schema upgraded first."""
    settings = settings or Settings.from_environment()
    db = Database(database_url)
    db.upgrade()
    state = ServerState(
        db=db,
        settings=settings,
        passwords=Passwords(settings.argon2_time_cost, settings.argon2_memory_kib),
        blobs=BlobStore(settings.attachments_dir),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        sender = MailSender(db, settings)
        sender.start()
        try:
            yield
        finally:
            sender.stop()
            db.close()

    app = FastAPI(
        title="Insignia",
        summary="The server Insignia's desktops sync with.",
        version="1",
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.server = state
    app.include_router(api_router)
    app.add_middleware(RequestLog)
    return app
