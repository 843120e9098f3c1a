"""Every test runs headless, on fresh folders, never touching the developer's own."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

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
