"""Guards the PySide6 pin in pyproject.toml.

PySide6 6.12.0 mishandled the reference to None that a void method returns:
each call such as ``QLabel.setText`` shifted None's reference count, and after
some thousands of calls Python aborted ("deallocating None"). The loop runs in
a child process so that an abort fails this test instead of the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 100_000

SCRIPT = f"""
import sys
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for number in range({CALLS}):
    label.setText("call")
    label.setIndent(number % 7)
    label.clear()
after = sys.getrefcount(None)
print(after - before)
"""


def test_void_methods_keep_none_alive() -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, (
        f"{CALLS:,} void calls crashed Python (exit {result.returncode}); "
        f"is a PySide6 with the None leak installed?\n{result.stderr[-2000:]}"
    )
    drift = int(result.stdout.strip().splitlines()[-1])
    assert abs(drift) < 1_000, f"None's reference count moved by {drift}"
