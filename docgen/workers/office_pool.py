"""Convert many documents at once on the long-running converters, one thread per converter.

Each converter takes the next document from a shared queue. A document whose converter
hung or died (the converter is killed and restarted) or that LibreOffice refused is tried
once more; if it fails again it is reported, and the other documents go on — a batch never
hangs on one document.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docgen.workers.office import (
    DOCUMENT_SECONDS,
    IDLE_SECONDS,
    Converter,
    ConverterError,
    OfficeSetup,
    OfficeUnavailable,
    default_home,
    find_setup,
)

TRIES = 2
"""A document is tried on a converter, then once more (on a restarted one if it was stuck)."""


@dataclass(frozen=True)
class Conversion:
    """One document to convert and the PDF it becomes."""

    document: Path
    target: Path


@dataclass(frozen=True)
class ConversionFailure:
    """A document that could not be converted, and why (in Russian)."""

    document: Path
    reason: str


@dataclass
class PoolResult:
    """What a pool could not convert: documents that failed, and those no converter took."""

    failures: list[ConversionFailure]
    pending: list[Conversion]
    unavailable: list[str]
    """Why converters could not start (empty when all of them ran)."""


def core_count() -> int:
    """Return how many cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


class OfficePool:
    """The converters of one home folder: ``size`` of them (0: one per core)."""

    def __init__(
        self,
        size: int = 0,
        home: Path | None = None,
        *,
        idle: float = IDLE_SECONDS,
        timeout: float = DOCUMENT_SECONDS,
    ) -> None:
        self.size = size or core_count()
        self.home = home if home is not None else default_home()
        self.idle = idle
        self.timeout = timeout
        self._setup: OfficeSetup | None = None
        self._lock = threading.Lock()

    def converters(self, count: int | None = None) -> list[Converter]:
        """Return ``count`` converters (all by default), idle ones first.

        Two conversions of one document each (two PDF downloads at once) then go to two
        converters instead of waiting for the same one.
        """
        every = [
            Converter(self.home / f"converter-{n}", self._setup, self.idle, self.timeout)
            for n in range(1, self.size + 1)
        ]
        if count is None or count >= self.size:
            return every
        return sorted(every, key=Converter.busy)[: max(1, count)]

    def prepare(self, soffice: str) -> None:
        """Find how to start converters (once); raise OfficeUnavailable if they cannot run."""
        with self._lock:
            if self._setup is None:
                self._setup = find_setup(soffice, self.home)

    def convert(
        self,
        conversions: Sequence[Conversion],
        progress: Callable[[int], None] | None = None,
    ) -> PoolResult:
        """Convert every document; say which failed twice and which no converter could take.

        A converter that cannot start puts its document back and stops taking more; when
        none can start, the documents left come back as ``pending`` for the one-shot path.
        """
        waiting: queue.SimpleQueue[Conversion] = queue.SimpleQueue()
        for conversion in conversions:
            waiting.put(conversion)
        result = PoolResult([], [], [])
        report = _serialised(progress)
        threads = [
            threading.Thread(target=_drain, args=(converter, waiting, result, report), daemon=True)
            for converter in self.converters(len(conversions))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        while not waiting.empty():
            result.pending.append(waiting.get_nowait())
        order = {conversion.document: n for n, conversion in enumerate(conversions)}
        result.failures.sort(key=lambda failure: order[failure.document])
        result.pending.sort(key=lambda conversion: order[conversion.document])
        return result

    def stop(self) -> None:
        """Stop every converter of this home (they also stop by themselves when idle)."""
        for converter in self.converters():
            converter.stop()


def _serialised(progress: Callable[[int], None] | None) -> Callable[[int], None] | None:
    """Return ``progress`` callable from several threads (a progress bar is not)."""
    if progress is None:
        return None
    lock = threading.Lock()
    report = progress

    def locked(count: int) -> None:
        with lock:
            report(count)

    return locked


def _drain(
    converter: Converter,
    waiting: queue.SimpleQueue[Conversion],
    result: PoolResult,
    progress: Callable[[int], None] | None,
) -> None:
    while True:
        try:
            conversion = waiting.get_nowait()
        except queue.Empty:
            return
        try:
            failure = _convert_with_retry(converter, conversion)
        except OfficeUnavailable as exc:
            waiting.put(conversion)  # another converter may take it, else the one-shot path
            result.unavailable.append(str(exc))
            return
        if failure is not None:
            result.failures.append(failure)  # list.append is atomic; sorted afterwards
        if progress is not None:
            progress(1)


def _convert_with_retry(converter: Converter, conversion: Conversion) -> ConversionFailure | None:
    reason = ""
    for _ in range(TRIES):
        try:
            converter.convert(conversion.document, conversion.target)
        except OfficeUnavailable:
            raise
        except ConverterError as exc:
            reason = str(exc)
            continue
        if conversion.target.is_file():
            return None
        reason = "LibreOffice не создал файл PDF"
    return ConversionFailure(conversion.document, reason)
