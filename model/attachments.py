"""Evidence files, stored in the data folder under their SHA-256."""

from __future__ import annotations

import errno
import hashlib
import mimetypes
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
CHUNK = 1024 * 1024


class AttachmentRefused(Exception):
    """The file cannot be attached; ``reason`` says why, for the user."""

    MISSING = "missing"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    EMPTY = "empty"
    NOT_A_FILE = "not_a_file"
    # A named pipe, a device or a socket: reading it could wait forever.
    NOT_REGULAR = "not_regular"
    NO_SPACE = "no_space"
    # The same content is already attached to that part.
    DUPLICATE = "duplicate"

    def __init__(self, reason: str, path: Path, limit: int = 0) -> None:
        super().__init__(f"{reason}: {path}")
        self.reason = reason
        self.path = path
        self.limit = limit


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    filename: str
    media_type: str


class AttachmentStore:
    """Content-addressed files under ``root``: one copy per distinct content."""

    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def check(self, source: Path) -> int:
        """The size of ``source``, or AttachmentRefused saying why it cannot go."""
        if not source.exists():
            raise AttachmentRefused(AttachmentRefused.MISSING, source)
        if source.is_dir():
            raise AttachmentRefused(AttachmentRefused.NOT_A_FILE, source)
        if not source.is_file():
            raise AttachmentRefused(AttachmentRefused.NOT_REGULAR, source)
        size = source.stat().st_size
        if size > self.max_bytes:
            raise AttachmentRefused(AttachmentRefused.TOO_LARGE, source, self.max_bytes)
        if size == 0:
            raise AttachmentRefused(AttachmentRefused.EMPTY, source)
        if not os.access(source, os.R_OK):
            raise AttachmentRefused(AttachmentRefused.UNREADABLE, source)
        return size

    def add(self, source: Path) -> StoredFile:
        """Copy ``source`` in, hashing it on the way; the original is untouched."""
        self.check(source)
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        handle, temp_name = tempfile.mkstemp(dir=self.root, suffix=".part")
        temp = Path(temp_name)
        try:
            with source.open("rb") as reader, os.fdopen(handle, "wb") as writer:
                while chunk := reader.read(CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise AttachmentRefused(
                            AttachmentRefused.TOO_LARGE, source, self.max_bytes
                        )
                    digest.update(chunk)
                    writer.write(chunk)
        except OSError as error:
            temp.unlink(missing_ok=True)
            reason = (
                AttachmentRefused.NO_SPACE
                if error.errno == errno.ENOSPC
                else AttachmentRefused.UNREADABLE
            )
            raise AttachmentRefused(reason, source) from error
        except BaseException:
            temp.unlink(missing_ok=True)
            raise

        sha256 = digest.hexdigest()
        target = self.path_of(sha256)
        if target.exists():
            temp.unlink()
        else:
            target.parent.mkdir(exist_ok=True)
            temp.replace(target)
        media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        return StoredFile(sha256, size, source.name, media_type)
