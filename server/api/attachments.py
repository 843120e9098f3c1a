"""Evidence files, uploaded and downloaded by their SHA-256, streamed."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from sqlalchemy import exists, select

from model.entities import Application, Attachment, Role, Status
from server.accounts import Principal, utcnow
from server.attachment_files import HashMismatch, TooLarge
from server.deps import API_PREFIX, CurrentUser, Educator, State, api_error
from server.entities import Blob
from server.schemas import AttachmentPublic, ErrorPublic

logger = logging.getLogger(__name__)

router = APIRouter(
    prefix=f"{API_PREFIX}/attachments",
    tags=["attachments"],
    responses={401: {"model": ErrorPublic}, 403: {"model": ErrorPublic}},
)

Sha256 = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]


def _media_type(request: Request) -> str:
    value = request.headers.get("content-type", "")
    return value.split(";", 1)[0].strip().lower()


@router.put(
    "/{sha256}",
    status_code=status.HTTP_201_CREATED,
    responses={
        413: {"model": ErrorPublic, "description": "Larger than the server allows"},
        415: {"model": ErrorPublic, "description": "A type the server does not take"},
        422: {"model": ErrorPublic, "description": "Empty, or not this SHA-256"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/octet-stream": {"schema": {"type": "string"}}},
        }
    },
)
async def upload(
    sha256: Sha256, request: Request, state: State, user: Educator
) -> AttachmentPublic:
    """Store the request body as the file with this SHA-256.

    Send the file's own type as Content-Type. The body is streamed to disk
    and kept only if it hashes to ``sha256``; uploading it again is harmless.
    """
    settings = state.settings
    media_type = _media_type(request)
    if media_type not in settings.allowed_types:
        raise api_error(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            f"Files of type {media_type or 'unknown'} are not accepted.",
            allowed=sorted(settings.allowed_types),
        )
    too_large = api_error(
        status.HTTP_413_CONTENT_TOO_LARGE,
        "too_large",
        f"The file is larger than {settings.max_attachment_bytes} bytes.",
        limit=settings.max_attachment_bytes,
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_attachment_bytes:
        raise too_large
    try:
        size = await state.blobs.receive(
            sha256, request.stream(), settings.max_attachment_bytes
        )
    except TooLarge as error:
        raise too_large from error
    except HashMismatch as error:
        raise api_error(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            "hash_mismatch",
            "The file's SHA-256 is not the one in the address.",
            actual=error.actual,
        ) from error
    if size == 0:
        raise api_error(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "empty", "The file is empty."
        )

    def record() -> None:
        with state.db.writing() as session:
            if session.get(Blob, sha256) is None:
                session.add(
                    Blob(
                        sha256=sha256,
                        size=size,
                        media_type=media_type,
                        uploaded_by=user.id,
                        uploaded_at=utcnow(),
                    )
                )

    await run_in_threadpool(record)
    logger.debug("Stored a file of %d bytes", size)
    return AttachmentPublic(sha256=sha256, size=size, media_type=media_type)


def _may_download(state: State, user: Principal, sha256: str) -> Blob | None:
    if user.role is Role.EDUCATOR:
        visible = Application.educator_id == user.id
    elif user.role is Role.ASSESSOR:
        visible = (Application.educator_id != user.id) & (
            Application.status != Status.DRAFT
        )
    else:
        return None
    referenced = exists(
        select(Attachment.id)
        .join(Application, Application.id == Attachment.application_id)
        .where(Attachment.sha256 == sha256, visible)
    )
    with state.db.reading() as session:
        if not session.scalar(select(referenced)):
            return None
        return session.get(Blob, sha256)


@router.get(
    "/{sha256}",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"application/octet-stream": {}}},
        404: {"model": ErrorPublic},
    },
)
def download(sha256: Sha256, state: State, user: CurrentUser) -> Response:
    """The file, to users who may see an application that attaches it."""
    blob = _may_download(state, user, sha256)
    if blob is None or not state.blobs.exists(sha256):
        raise api_error(status.HTTP_404_NOT_FOUND, "not_found", "No such file.")
    return StreamingResponse(
        state.blobs.read(sha256),
        media_type=blob.media_type,
        headers={"Content-Length": str(blob.size)},
    )
