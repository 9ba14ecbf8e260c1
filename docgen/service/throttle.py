"""Slow down password guessing: after a few wrong passwords a client waits, longer each time.

Counted per client address, in memory (each service process counts its own). After
``free_tries`` wrong passwords within ``window`` seconds the client is refused with 429 for
``lockout`` seconds, doubling with every further wrong password up to ``max_lockout``. A
right password clears the count.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Record:
    failures: int = 0
    first: float = 0.0
    locked_until: float = 0.0


class PasswordThrottle:
    """Count wrong passwords per client and say how long a client must wait."""

    def __init__(
        self,
        *,
        free_tries: int = 5,
        window: float = 600.0,
        lockout: float = 30.0,
        max_lockout: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        self.free_tries = free_tries
        self.window = window
        self.lockout = lockout
        self.max_lockout = max_lockout
        self._clock = clock
        self._max_clients = max_clients
        self._records: dict[str, _Record] = {}
        self._lock = threading.Lock()

    def wait(self, client: str) -> int:
        """Return the seconds ``client`` must still wait before trying again (0: go on)."""
        with self._lock:
            record = self._records.get(client)
            if record is None:
                return 0
            left = record.locked_until - self._clock()
        return max(0, int(left + 0.999))

    def failed(self, client: str) -> None:
        """Note a wrong password from ``client``; lock it out once its free tries are used."""
        now = self._clock()
        with self._lock:
            record = self._records.get(client)
            if record is None or now - record.first > self.window:
                if len(self._records) >= self._max_clients:
                    self._forget_oldest()
                record = self._records[client] = _Record(first=now)
            record.failures += 1
            extra = record.failures - self.free_tries
            if extra >= 0:
                pause = self.lockout * 2 ** min(extra, 16)
                record.locked_until = now + min(self.max_lockout, pause)

    def succeeded(self, client: str) -> None:
        """Clear the count of ``client`` after a right password."""
        with self._lock:
            self._records.pop(client, None)

    def _forget_oldest(self) -> None:
        oldest = min(self._records, key=lambda key: self._records[key].first)
        del self._records[oldest]
