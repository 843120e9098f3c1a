"""How long to wait before trying the server again: exponential, with jitter.

Kept apart from the engine so a window can schedule retries without
importing the engine's database and HTTP machinery.
"""

from __future__ import annotations

import random


class Backoff:
    """Exponential waits with jitter: 2 s, 4 s, 8 s … up to ``cap``.

    Each wait is cut by up to half at random, so many computers that lost
    the server at once do not all come back at the same moment.
    """

    def __init__(
        self, base: float = 2.0, cap: float = 300.0, rng: random.Random | None = None
    ) -> None:
        self.base = base
        self.cap = cap
        self.failures = 0
        self._rng = rng or random.Random()

    def next_delay(self) -> float:
        # The exponent stops growing long after the cap is reached.
        delay: float = min(self.cap, self.base * 2.0 ** min(self.failures, 30))
        self.failures += 1
        return delay * self._rng.uniform(0.5, 1.0)

    def reset(self) -> None:
        self.failures = 0
