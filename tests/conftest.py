"""Every test runs headless, on fresh folders, never touching the developer's own."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before any QApplication exists, and before platformdirs reads the folders.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_home = Path(tempfile.mkdtemp(prefix="insignia-test-home-"))
for _name, _sub in (
    ("HOME", ""),
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_CACHE_HOME", ".cache"),
    ("XDG_STATE_HOME", ".local/state"),
):
    os.environ[_name] = str(_home / _sub)
os.environ.setdefault("LANG", "en_US.UTF-8")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


@pytest.fixture(autouse=True)
def memory_keyring_by_default() -> Iterator[None]:
    """Tokens go to a keyring in memory unless a test chooses another one."""
    import keyring

    from tests.keyrings import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)
