"""How fast the educator's dashboard is with a very large local database.

    python -m bench.dashboard --applications 100000

Builds a data folder with that many applications for the demo educator, then
measures, in this one run and on this machine:

- the baseline: a bare PySide6 window, from process start to its first paint;
- Insignia, from process start to a painted dashboard on that database;
- switching the status filter, and sorting by decision due date;
- opening a denied application's resubmission side by side with it;
- the peak memory of the process that did all of this.

It prints a table and, last, one JSON line with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

TARGETS = {
    "start_s": "≤ 1.0 s and ≤ 2× bare",
    "filter_ms": "≤ 50 ms",
    "sort_ms": "≤ 50 ms",
    "open_side_by_side_ms": "≤ 150 ms",
    "rss_mb": "≤ 250 MB",
}

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
app.exec()
"""

APP_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(sys.argv)
from desktop.app import create_window
window = create_window(Path(sys.argv[1]), username="educator")
window.resize(1200, 800)
window.show()
table = window.findChild(QTableView, "dashboardTable")
def painted():
    rows = table.model().rowCount()
    print("painted", rows, flush=True)
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""


def build_database(folder: Path, count: int) -> int:
    """A demo folder plus ``count`` applications for the demo educator.

    Returns the id of the demo's newest denied attempt, the one to reapply.
    """
    from model.demo import seed_demo
    from model.entities import Status
    from model.store import Store

    store = Store(folder)
    seed_demo(store)
    educator = store.user("educator").id
    credentials = [c.id for c in store.credentials()]
    denied = next(
        r.id
        for r in store.dashboard_rows(educator)
        if r.status is Status.DENIED and store.application(r.id).can_reapply
    )
    store.close()

    random.seed(7)
    statuses = ["draft", "submitted", "in_review", "approved", "denied"]
    start = datetime(2024, 1, 1, 9, 0)
    rows = []
    for number in range(count):
        status = random.choice(statuses)
        created = start + timedelta(minutes=7 * number)
        submitted = None if status == "draft" else created + timedelta(days=2)
        due = submitted.date() + timedelta(days=20) if submitted else None
        decided = (
            submitted + timedelta(days=9)
            if submitted and status in ("approved", "denied")
            else None
        )
        rows.append(
            (
                f"BENCH-{number:07d}",
                random.choice(credentials),
                educator,
                random.randint(1, 4),
                status,
                created.isoformat(" "),
                created.isoformat(" "),
                submitted.isoformat(" ") if submitted else None,
                due.isoformat() if due else None,
                decided.isoformat(" ") if decided else None,
            )
        )
    with sqlite3.connect(folder / "insignia.db") as connection:
        connection.executemany(
            "INSERT INTO applications (code, credential_id, educator_id, attempt,"
            " status, created_at, updated_at, submitted_at, decision_due,"
            " decided_at, confirm_ready, confirm_disclosure, confirm_own_work,"
            " resubmission_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, '')",
            rows,
        )
    return denied


def time_process(script: str, *args: str, runs: int = 3) -> float:
    """Median seconds from starting a Python process to its "painted" line."""
    env = dict(
        os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen")
    )
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", script, *args],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed = time.perf_counter() - began
        process.wait(timeout=60)
        if not line.startswith("painted"):
            raise RuntimeError(f"the window did not paint: {line!r}")
        times.append(elapsed)
    return statistics.median(times)


def measure_in_process(folder: Path, denied: int) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication, QComboBox, QTableView

    from desktop.app import create_window
    from desktop.tasks import wait_for_background
    from model.store import Store

    store = Store(folder)
    resubmission = store.reapply(denied)
    expected_rows = len(store.dashboard_rows(store.user("educator").id))
    store.close()

    app = QApplication.instance() or QApplication([])
    window = create_window(folder, username="educator")
    window.resize(1200, 800)
    window.show()
    QCoreApplication.processEvents()
    status_filter = window.findChild(QComboBox, "statusFilter")
    table = window.findChild(QTableView, "dashboardTable")
    # Measure on every row: wait for the rows that load after the first paint,
    # and for the warm-up that runs meanwhile.
    deadline = time.perf_counter() + 60
    while window.dashboard.model.rowCount() < expected_rows:
        if time.perf_counter() > deadline:
            raise RuntimeError("the dashboard did not load every row")
        QCoreApplication.processEvents()
        time.sleep(0.01)
    wait_for_background()
    QCoreApplication.processEvents()

    def timed(action) -> float:
        began = time.perf_counter()
        action()
        QCoreApplication.processEvents()
        return (time.perf_counter() - began) * 1000

    filters = []
    for name in ("Denied", "Drafts", "Approved", "All"):
        index = status_filter.findText(name)
        filters.append(timed(lambda i=index: status_filter.setCurrentIndex(i)))
    sorts = []
    ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    for column, order in ((4, ascending), (4, descending), (1, ascending)):
        sorts.append(timed(lambda c=column, o=order: table.sortByColumn(c, o)))
    opened = timed(lambda: window.open_application(resubmission))
    window.close()
    app.processEvents()
    return {
        "filter_ms": statistics.median(filters),
        "sort_ms": statistics.median(sorts),
        "open_side_by_side_ms": opened,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="insignia-bench-"))
    began = time.perf_counter()
    denied = build_database(folder, args.applications)
    print(
        f"built {args.applications} applications in {time.perf_counter() - began:.1f} s"
    )

    figures = {
        "bare_start_s": time_process(BARE_WINDOW),
        "start_s": time_process(APP_WINDOW, str(folder)),
    }
    figures.update(measure_in_process(folder, denied))
    figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{'measure':<24}{'value':>12}  target")
    print(f"{'bare_start_s (baseline)':<24}{figures['bare_start_s']:>12.3f}")
    for key, target in TARGETS.items():
        print(f"{key:<24}{figures[key]:>12.3f}  {target}")
    ratio = figures["start_s"] / figures["bare_start_s"]
    print(f"{'start / bare':<24}{ratio:>12.2f}")
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
