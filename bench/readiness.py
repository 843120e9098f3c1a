"""How good and how fast is the readiness check?

    python -m bench.readiness [--samples FILE] [--runs N]

Reports the voice check's precision and recall on a labelled JSON Lines set
(``{"text": …, "language": "en"|"es", "personal": true|false}``; the positive
class is "general voice", i.e. ``personal`` false) and the time to check a
10-part, 20,000-word application built in memory. The last line is JSON with
``precision``, ``recall`` and ``check_ms``: the median time of a first check,
with no stem cached, which is the slower case.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from model.catalog import SAMPLE_CATALOG, read_catalog
from model.entities import PartKind
from model.readiness import check_readiness, clear_caches, is_general_voice
from model.records import (
    AttachmentRecord,
    CredentialRecord,
    CriterionRecord,
    PartRecord,
    QuestionRecord,
)

DEFAULT_SAMPLES = (
    Path(__file__).resolve().parent.parent
    / "tests"
    / "model"
    / "data"
    / "voice-samples.jsonl"
)
TARGET_QUALITY = 0.9
TARGET_MS = 50.0
PARTS = 10
QUESTIONS_PER_PART = 2
WORDS = 20_000


@dataclass(frozen=True)
class Quality:
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        general = self.true_positives + self.false_negatives
        return self.true_positives / general if general else 1.0


def load_samples(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def measure_voice(samples: list[dict[str, object]]) -> Quality:
    """Precision and recall of the voice check; "general" is the positive."""
    counts = {(True, True): 0, (True, False): 0, (False, True): 0, (False, False): 0}
    for sample in samples:
        flagged = is_general_voice(str(sample["text"]), str(sample["language"]))
        counts[(flagged, not sample["personal"])] += 1
    return Quality(
        true_positives=counts[(True, True)],
        false_positives=counts[(True, False)],
        false_negatives=counts[(False, True)],
        true_negatives=counts[(False, False)],
    )


def synthetic_application(
    samples: list[dict[str, object]], seed: int = 7
) -> tuple[CredentialRecord, dict[int, str]]:
    """A 10-part credential and 20,000 words of answers to it.

    The answers are paragraphs of the labelled sentences, with about one word
    in six replaced by an invented one so that the vocabulary is as varied as
    a real application's (a few thousand distinct words): the stemmer's work
    grows with distinct words, not with length.
    """
    rng = random.Random(seed)
    criteria = _sample_criteria()
    lexicon = _invented_words(rng, 4000)
    words = [w for s in samples for w in str(s["text"]).split()]
    per_answer = WORDS // (PARTS * QUESTIONS_PER_PART)
    parts: list[PartRecord] = []
    answers: dict[int, str] = {}
    for p in range(PARTS):
        questions = []
        for q in range(QUESTIONS_PER_PART):
            question = QuestionRecord(100 * p + q, f"q{q}", {"en": "?"}, 50, 1500)
            questions.append(question)
            answers[question.id] = _answer(rng, words, lexicon, per_answer)
        parts.append(
            PartRecord(
                id=p,
                key=f"part-{p}",
                position=p,
                kind=PartKind.EVIDENCE if p % 3 == 1 else PartKind.OVERVIEW,
                title={"en": f"Part {p + 1}"},
                instructions={"en": ""},
                evidence_required=p % 3 == 1,
                questions=tuple(questions),
                criteria=tuple(
                    CriterionRecord(10 * p + c, f"c{c}", {"en": ""}, criteria[k])
                    for c, k in enumerate(rng.sample(range(len(criteria)), 4))
                ),
            )
        )
    credential = CredentialRecord(1, "bench", 1, {"en": "Bench"}, {}, {}, tuple(parts))
    return credential, answers


def time_check(
    credential: CredentialRecord, answers: dict[int, str], runs: int, cold: bool
) -> float:
    """Median milliseconds of ``runs`` checks, stems forgotten first if ``cold``."""
    attachments = [
        AttachmentRecord(1, 1, "plan.pdf", "0" * 64, None, 1000, "application/pdf"),
        AttachmentRecord(2, 4, "video", None, "youtube.com/watch", 0, "text/uri-list"),
    ]
    times = []
    for _ in range(runs):
        if cold:
            clear_caches()
        started = time.perf_counter()
        check_readiness(credential, answers, attachments, "en")
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.readiness")
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    samples = load_samples(args.samples)
    quality = measure_voice(samples)
    credential, answers = synthetic_application(load_samples(DEFAULT_SAMPLES))
    words = sum(len(text.split()) for text in answers.values())
    time_check(credential, answers, 1, cold=False)  # imports, regex compilation
    cold_ms = time_check(credential, answers, args.runs, cold=True)
    warm_ms = time_check(credential, answers, args.runs, cold=False)

    rows = [
        ("samples", f"{len(samples)} from {args.samples.name}", ""),
        ("general voice flagged", f"{quality.true_positives} right", ""),
        ("personal flagged by mistake", f"{quality.false_positives}", ""),
        ("general voice missed", f"{quality.false_negatives}", ""),
        ("precision", f"{quality.precision:.3f}", _verdict(quality.precision)),
        ("recall", f"{quality.recall:.3f}", _verdict(quality.recall)),
        (
            f"first check, {PARTS} parts, {words} words",
            f"{cold_ms:.1f} ms",
            _verdict(cold_ms, time=True),
        ),
        ("checked again, stems cached", f"{warm_ms:.1f} ms", ""),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value, verdict in rows:
        print(f"{label:<{width}}  {value:<26} {verdict}".rstrip())
    summary = {
        "precision": round(quality.precision, 4),
        "recall": round(quality.recall, 4),
        "check_ms": round(cold_ms, 2),
    }
    print(json.dumps(summary))
    return 0


def _verdict(value: float, time: bool = False) -> str:
    if time:
        met = value <= TARGET_MS
        return f"target <= {TARGET_MS:.0f} ms: " + ("met" if met else "MISSED")
    met = value >= TARGET_QUALITY
    return f"target >= {TARGET_QUALITY}: " + ("met" if met else "MISSED")


def _sample_criteria() -> list[dict[str, list[str]]]:
    catalog = read_catalog(SAMPLE_CATALOG)
    return [
        {language: list(terms) for language, terms in criterion.look_for.items()}
        for credential in catalog.micro_credentials
        for part in credential.parts
        for criterion in part.rubric
        if criterion.look_for
    ]


def _invented_words(rng: random.Random, count: int) -> list[str]:
    syllables = [
        "ba",
        "ce",
        "di",
        "fo",
        "gu",
        "la",
        "me",
        "ni",
        "po",
        "ru",
        "sa",
        "te",
        "vi",
        "zo",
        "tra",
        "ple",
        "cri",
        "blo",
        "fru",
    ]
    return [
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        for _ in range(count)
    ]


def _answer(rng: random.Random, words: list[str], lexicon: list[str], n: int) -> str:
    paragraphs = []
    written = 0
    while written < n:
        size = min(rng.randint(40, 120), n - written)
        start = rng.randrange(len(words) - size)
        chunk = [
            rng.choice(lexicon) if rng.random() < 1 / 6 else word
            for word in words[start : start + size]
        ]
        paragraphs.append(" ".join(chunk))
        written += size
    return "\n\n".join(paragraphs)


if __name__ == "__main__":
    sys.exit(main())
