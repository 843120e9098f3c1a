"""Desktop tests see the texts the application shows: its translations loaded.

English is the source language, but its plural forms ("1 business day",
"3 business days") come from ``insignia_en.qm``, so every test runs with the
translators ``create_window`` would install for an English interface.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app import TRANSLATIONS, install_translators


def tool(name: str) -> str:
    """A Qt Linguist tool of the virtual environment running the tests."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it comes with PySide6-Essentials")
    return found


def build_translations() -> None:
    """Compile each .ts whose .qm is missing or older (as ``make qm`` does)."""
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        compiled = source.with_suffix(".qm")
        if compiled.exists() and compiled.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(compiled)],
            check=True,
        )


@pytest.fixture(scope="session", autouse=True)
def english_interface(qapp: object) -> Iterator[None]:
    build_translations()
    install_translators("en")
    yield
