"""The window paints before the heavy libraries load: keep it that way."""

import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "pydantic", "holidays")


def test_starting_the_desktop_imports_no_heavy_library() -> None:
    code = (
        "import sys, desktop.app;"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
