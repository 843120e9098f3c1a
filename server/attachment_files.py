"""Uploaded files on disk, stored under their SHA-256, one copy per content."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

CHUNK = 1024 * 1024


class TooLarge(Exception):
    pass


class HashMismatch(Exception):
    def __init__(self, actual: str) -> None:
        super().__init__(actual)
        self.actual = actual


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    async def receive(
        self, sha256: str, chunks: AsyncIterator[bytes], limit: int
    ) -> int:
        """Store what ``chunks`` bring if it hashes to ``sha256``; returns the size.

        Nothing is kept when the body is larger than ``limit`` (TooLarge) or
        hashes to something else (HashMismatch).
        """
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        handle, name = tempfile.mkstemp(dir=self.root, suffix=".part")
        temp = Path(name)
        try:
            with os.fdopen(handle, "wb") as writer:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > limit:
                        raise TooLarge()
                    digest.update(chunk)
                    writer.write(chunk)
            actual = digest.hexdigest()
            if actual != sha256:
                raise HashMismatch(actual)
            target = self.path_of(sha256)
            target.parent.mkdir(exist_ok=True)
            temp.replace(target)
        finally:
            temp.unlink(missing_ok=True)
        return size

    def read(self, sha256: str) -> Iterator[bytes]:
        with self.path_of(sha256).open("rb") as reader:
            while chunk := reader.read(CHUNK):
                yield chunk
