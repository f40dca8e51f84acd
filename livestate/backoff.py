"""Jittered exponential backoff: reconnecting agents must not stampede etcd or Docker."""

import random


class Backoff:
    def __init__(self, base_s: float = 0.1, max_s: float = 5.0, rng: random.Random | None = None):
        self.base_s, self.max_s = base_s, max_s
        self.rng = rng or random.Random()
        self.attempt = 0

    def next(self) -> float:
        """Full jitter: uniform in [0, min(max, base * 2^attempt)]."""
        cap = min(self.max_s, self.base_s * (2 ** self.attempt))
        self.attempt += 1
        return self.rng.uniform(cap / 2, cap)

    def reset(self) -> None:
        self.attempt = 0
