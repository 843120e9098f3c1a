"""Damaging a real database file the way a failing disk does, for tests."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def damage_tables(path: Path, *tables: str) -> bytes:
    """Overwrite the first page of each table with noise; returns the new bytes.

    The header page and the schema stay sound, so the file still opens and
    reads as an Insignia database until a read reaches one of those tables.
    """
    with closing(sqlite3.connect(path)) as connection:
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
        marks = ",".join("?" * len(tables))
        roots = [
            row[0]
            for row in connection.execute(
                f"SELECT rootpage FROM sqlite_master WHERE name IN ({marks})", tables
            )
        ]
    assert len(roots) == len(tables) and min(roots) > 1
    data = bytearray(path.read_bytes())
    for root in roots:
        start = (root - 1) * page_size
        data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    return bytes(data)
