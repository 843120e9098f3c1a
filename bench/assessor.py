"""How fast the assessor's side is with a very large local database.

    python -m bench.assessor --applications 100000

Builds a demo data folder plus that many submitted applications waiting for
a decision, then measures, in this one run and on this machine:

- the baseline: a bare PySide6 window, from process start to its first paint;
- Insignia signed in as the demo assessor, from process start to a painted
  queue showing its first rows (``queue_open_s``);
- the change view of one part: the word diff of two 20,000-word answers and
  its rendering into the diff widget (``diff_ms``);
- the peak memory of the process that opened the queue and of this one.

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
from datetime import date, datetime, timedelta
from pathlib import Path

from bench.dashboard import BARE_WINDOW, time_process

TARGETS = {
    "queue_open_s": "≤ 1.0 s",
    "diff_ms": "≤ 100 ms",
    "rss_mb": "≤ 250 MB",
}

# Prints "painted" once the queue shows rows, then its peak memory in MB.
QUEUE_WINDOW = """
import resource, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(sys.argv)
from desktop.app import create_window
window = create_window(Path(sys.argv[1]), username="assessor")
window.resize(1200, 800)
window.show()
table = window.findChild(QTableView, "assessmentQueue")
def poll():
    if table.model().rowCount() == 0:
        QTimer.singleShot(2, poll)
        return
    table.viewport().repaint()
    print("painted", table.model().rowCount(), flush=True)
    def loaded():
        if not window.queue.is_complete():
            QTimer.singleShot(20, loaded)
            return
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print("rows", table.model().rowCount(), "rss", rss, flush=True)
        window.close()
        app.quit()
    loaded()
QTimer.singleShot(0, poll)
app.exec()
"""

SYLLABLES = ("ka", "lo", "mi", "re", "su", "ta", "ne", "vi", "do", "pa", "ri", "se")


def vocabulary(size: int = 3000) -> list[str]:
    """Made-up words of two to four syllables, as many as a long essay uses."""
    rng = random.Random(3)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    return sorted(words)


def build_database(folder: Path, count: int) -> None:
    """A demo folder plus ``count`` submitted applications of the demo educator.

    A tenth are in review, held by the demo's second assessor; their due
    dates spread over the weeks around today, so some are overdue.
    """
    from model.demo import seed_demo
    from model.store import Store

    store = Store(folder)
    seed_demo(store)
    educator = store.user("educator").id
    holder = store.user("assessor2").id
    credentials = [c.id for c in store.credentials()]
    store.close()

    random.seed(11)
    today = date.today()
    rows = []
    held = []
    for number in range(count):
        submitted = datetime.combine(
            today - timedelta(days=random.randint(0, 40)), datetime.min.time()
        ) + timedelta(hours=9, minutes=number % 480)
        due = submitted.date() + timedelta(days=20)
        status = "in_review" if number % 10 == 0 else "submitted"
        if status == "in_review":
            held.append(number)
        rows.append(
            (
                f"BENCH-{number:07d}",
                random.choice(credentials),
                educator,
                random.randint(1, 3),
                status,
                submitted.isoformat(" "),
                submitted.isoformat(" "),
                submitted.isoformat(" "),
                due.isoformat(),
            )
        )
    with sqlite3.connect(folder / "insignia.db") as connection:
        connection.executemany(
            "INSERT INTO applications (code, credential_id, educator_id, attempt,"
            " status, created_at, updated_at, submitted_at, decision_due,"
            " confirm_ready, confirm_disclosure, confirm_own_work,"
            " resubmission_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, '')",
            rows,
        )
        ids = dict(
            connection.execute("SELECT code, id FROM applications WHERE code LIKE 'B%'")
        )
        started = datetime.now().replace(microsecond=0).isoformat(" ")
        connection.executemany(
            "INSERT INTO assessments (application_id, assessor_id, started_at,"
            " revision) VALUES (?, ?, ?, 1)",
            [(ids[f"BENCH-{n:07d}"], holder, started) for n in held],
        )


def long_answers(words: int, rate: float = 0.05) -> tuple[str, str]:
    """Two answers of ``words`` words, the second with ``rate`` of them revised.

    Word frequencies follow Zipf's law, as in real prose: a few words are very
    common and most are rare, which is what makes a word diff hard. Words are
    deleted, replaced or followed by a new one; sentences and paragraphs stay
    where they were, as when a person revises a text.
    """
    rng = random.Random(5)
    known = vocabulary()
    weights = [1 / (rank + 1) for rank in range(len(known))]
    old = _prose(rng.choices(known, weights, k=words))
    new: list[str] = []
    for token in old:
        roll = rng.random()
        if roll < rate / 3:
            continue  # deleted
        new.append(rng.choice(known) + " " if roll < 2 * rate / 3 else token)
        if roll < rate:
            new.append(rng.choice(known) + " ")  # inserted
    return "".join(old).strip(), "".join(new).strip()


def _prose(words: list[str]) -> list[str]:
    """Each word with what follows it: sentences of fifteen, paragraphs of ten."""
    tokens = []
    for number, word in enumerate(words, start=1):
        if number % 15 == 1:
            word = word.capitalize()
        if number % 150 == 0:
            tokens.append(word + ".\n\n")
        elif number % 15 == 0:
            tokens.append(word + ". ")
        else:
            tokens.append(word + " ")
    return tokens


def time_queue(folder: Path, runs: int = 3) -> tuple[float, float]:
    """Median seconds to a painted queue, and the largest peak RSS in MB."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    times, peaks = [], []
    for _ in range(runs):
        began = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", QUEUE_WINDOW, str(folder)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        times.append(time.perf_counter() - began)
        if not line.startswith("painted"):
            raise RuntimeError(f"the queue did not paint: {line!r}")
        last = process.stdout.readline().split()
        process.wait(timeout=120)
        peaks.append(float(last[-1]))
        print(f"  queue painted in {times[-1]:.3f} s; {last[1]} rows loaded")
    return statistics.median(times), max(peaks)


def time_diff(words: int = 20_000, runs: int = 5) -> float:
    """Median milliseconds to diff two long answers and show the result."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desktop.widgets.diff_view import DiffView
    from model.diff import word_diff

    app = QApplication.instance() or QApplication([])
    old, new = long_answers(words)
    view = DiffView()
    view.resize(700, 400)
    view.show()
    QCoreApplication.processEvents()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        view.set_segments(word_diff(old, new))
        view.viewport().repaint()
        times.append((time.perf_counter() - began) * 1000)
    view.close()
    app.processEvents()
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="insignia-bench-"))
    began = time.perf_counter()
    build_database(folder, args.applications)
    elapsed = time.perf_counter() - began
    print(f"built {args.applications} applications in {elapsed:.1f} s")

    queue_open_s, queue_rss = time_queue(folder)
    figures = {
        "bare_start_s": time_process(BARE_WINDOW),
        "queue_open_s": queue_open_s,
        "diff_ms": time_diff(),
    }
    own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["rss_mb"] = max(queue_rss, own_rss)

    print(f"{'measure':<24}{'value':>12}  target")
    print(f"{'bare_start_s (baseline)':<24}{figures['bare_start_s']:>12.3f}")
    for key, target in TARGETS.items():
        print(f"{key:<24}{figures[key]:>12.3f}  {target}")
    ratio = figures["queue_open_s"] / figures["bare_start_s"]
    print(f"{'queue / bare':<24}{ratio:>12.2f}")
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
