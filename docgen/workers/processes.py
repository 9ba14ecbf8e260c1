"""Worker processes under memory and time limits that are replaced when they die or hang.

    processes = WorkerProcesses(2, start_worker, (spec,), render_in_worker, Limits())
    for item, result in processes.run(items):   # in the order of ``items``
        ...                                      # result is the handler's, or a Stopped

A worker caps its own address space (``RLIMIT_AS``) when it starts, then handles the items
it is sent one at a time and sends back each result as soon as it has it, so the parent
always knows which item a worker is busy with. An item that runs the worker out of memory
comes back ``Stopped``; an item that takes longer than the time limit, or during which the
worker dies, is ``Stopped`` too, its worker killed and replaced, and the rest of its chunk
goes to the others. A hostile template costs one worker and one row, never the batch.
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any, Generic, TypeVar

from docgen.errors import TemplateError
from docgen.workers.limits import Limits, limit_memory

Item = TypeVar("Item")
Result = TypeVar("Result")
START_SECONDS = 60.0
"""How long a worker may take to start (import, compile its template) before it is given up."""
AHEAD_PER_WORKER = 3
"""Chunks planned ahead per worker: enough to keep it busy, few enough to keep memory flat."""


@dataclass(frozen=True)
class Stopped:
    """An item its worker could not finish: out of memory or time, or the worker died."""

    reason: str


def serve(
    connection: Connection,
    start: Callable[..., None],
    start_args: tuple[Any, ...],
    handle: Callable[[Any], Any],
    memory_mb: int,
) -> None:
    """Run in a worker process: limit memory, start, then handle items until told to stop."""
    limit_memory(memory_mb)
    start(*start_args)
    try:
        connection.send(_READY)
        while (chunk := connection.recv()) is not None:
            for item in chunk:
                try:
                    result: object = handle(item)
                except MemoryError:
                    result = _OUT_OF_MEMORY
                connection.send(result)
    except (EOFError, OSError):
        return  # the parent is gone (killed, or stopped the run): nothing left to do


_OUT_OF_MEMORY = "docgen:out-of-memory"
_READY = "docgen:ready"


@dataclass
class _Worker(Generic[Item]):
    process: Any
    connection: Connection
    in_flight: deque[tuple[int, Item]] = field(default_factory=deque)
    busy_since: float = 0.0
    started: float = field(default_factory=time.monotonic)
    ready: bool = False
    """The worker has started (its template compiled) and said so."""


@dataclass
class _Plan(Generic[Item, Result]):
    """Which items are drawn, which wait to be sent again, which are done and not yet given."""

    numbered: Iterator[tuple[int, Item]]
    window: int
    """At most this many items drawn and not yet given back: memory stays flat."""
    retry: deque[tuple[int, Item]] = field(default_factory=deque)
    finished: dict[int, tuple[Item, Result | Stopped]] = field(default_factory=dict)
    drawn: int = 0
    given: int = 0
    exhausted: bool = False

    def next_chunk(self, size: int) -> list[tuple[int, Item]]:
        """Return the items a free worker gets: those to send again first, then new ones."""
        chunk = [self.retry.popleft() for _ in range(min(len(self.retry), size))]
        wanted = size - len(chunk)
        if wanted and not self.exhausted and self.drawn - self.given < self.window:
            fresh = list(itertools.islice(self.numbered, wanted))
            self.exhausted = len(fresh) < wanted
            self.drawn += len(fresh)
            chunk += fresh
        return chunk

    def ready(self) -> Iterator[tuple[Item, Result | Stopped]]:
        """Yield the finished items that come next in order."""
        while self.given in self.finished:
            yield self.finished.pop(self.given)
            self.given += 1

    def complete(self) -> bool:
        """Tell whether every item has been drawn, done and given back."""
        return self.exhausted and self.given == self.drawn and not self.retry


class WorkerProcesses(Generic[Item, Result]):
    """``count`` processes that run ``handle`` on items, each started with ``start``."""

    def __init__(
        self,
        count: int,
        start: Callable[..., None],
        start_args: tuple[Any, ...],
        handle: Callable[[Any], Result],
        limits: Limits,
        context: BaseContext,
        chunk_size: int = 1,
    ) -> None:
        self.count = max(1, count)
        self.start = start
        self.start_args = start_args
        self.handle = handle
        self.limits = limits
        self.context = context
        self.chunk_size = max(1, chunk_size)
        self._workers: list[_Worker[Item]] = []

    def run(
        self, items: Iterable[Item], message: Callable[[Item], Any] = lambda item: item
    ) -> Iterator[tuple[Item, Result | Stopped]]:
        """Yield every item with its result, in the order of ``items``.

        A worker is sent ``message(item)`` (what it needs of the item), not the item itself.
        """
        plan: _Plan[Item, Result] = _Plan(
            iter(enumerate(items)), self.count * AHEAD_PER_WORKER * self.chunk_size
        )
        try:
            self._workers = [self._spawn() for _ in range(self.count)]
            while True:
                for worker in self._workers:
                    if not worker.in_flight:
                        self._send(worker, plan.next_chunk(self.chunk_size), message)
                yield from plan.ready()
                if not any(worker.in_flight for worker in self._workers):
                    if plan.complete():
                        return
                    continue
                self._collect(plan.finished, plan.retry)
        finally:
            self.close()

    def close(self) -> None:
        """Stop every worker: politely if idle, killed if busy."""
        for worker in self._workers:
            if worker.in_flight or not worker.process.is_alive():
                worker.process.kill()
            else:
                try:
                    worker.connection.send(None)
                except OSError:
                    worker.process.kill()
        for worker in self._workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self._workers = []

    def _spawn(self) -> _Worker[Item]:
        parent, child = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=serve,
            args=(child, self.start, self.start_args, self.handle, self.limits.memory_mb),
            daemon=True,
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _send(
        self,
        worker: _Worker[Item],
        chunk: Sequence[tuple[int, Item]],
        message: Callable[[Item], Any],
    ) -> None:
        if not chunk:
            return
        payload = [message(item) for _, item in chunk]
        try:
            worker.connection.send(payload)
        except OSError:  # it died while idle (killed from outside): a new one takes the chunk
            worker = self._respawn(worker)
            worker.connection.send(payload)
        worker.in_flight.extend(chunk)
        worker.busy_since = time.monotonic()

    def _collect(
        self, finished: dict[int, tuple[Item, Result | Stopped]], retry: deque[tuple[int, Item]]
    ) -> None:
        """Wait for a result, a death or a deadline; record what happened."""
        busy = [worker for worker in self._workers if worker.in_flight]
        deadline = min(self._deadline(worker) for worker in busy)
        ready = wait(
            [worker.connection for worker in busy], timeout=max(0.0, deadline - time.monotonic())
        )
        for worker in busy:
            if worker.connection in ready:
                self._receive(worker, finished, retry)
            elif time.monotonic() >= self._deadline(worker):
                self._replace(worker, finished, retry, self.limits.describe_time())

    def _deadline(self, worker: _Worker[Item]) -> float:
        """Return when the worker's current item (or its start) has taken too long."""
        if worker.ready:
            return worker.busy_since + self.limits.seconds
        return worker.started + max(START_SECONDS, self.limits.seconds)

    def _receive(
        self,
        worker: _Worker[Item],
        finished: dict[int, tuple[Item, Result | Stopped]],
        retry: deque[tuple[int, Item]],
    ) -> None:
        try:
            result = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            self._replace(worker, finished, retry, self._death(worker))
            return
        if result == _READY:
            worker.ready = True
            worker.busy_since = time.monotonic()  # starting (compiling) is not rendering
            return
        number, item = worker.in_flight.popleft()
        if result == _OUT_OF_MEMORY:
            result = Stopped(self.limits.describe_memory())
        finished[number] = (item, result)
        worker.busy_since = time.monotonic()

    def _death(self, worker: _Worker[Item]) -> str:
        return self.limits.describe_crash(worker.process.exitcode)

    def _replace(
        self,
        worker: _Worker[Item],
        finished: dict[int, tuple[Item, Result | Stopped]],
        retry: deque[tuple[int, Item]],
        reason: str,
    ) -> None:
        """Fail the worker's current item, requeue the rest of its chunk, start a new one."""
        if not worker.ready:  # every new worker would fail the same way: stop the batch
            why = f"за {START_SECONDS:g} с" if "дольше" in reason else reason.split(": ", 1)[-1]
            raise TemplateError(f"шаблон не удалось подготовить к сборке: {why}")
        number, item = worker.in_flight.popleft()
        finished[number] = (item, Stopped(reason))
        retry.extendleft(reversed(worker.in_flight))
        self._respawn(worker)

    def _respawn(self, worker: _Worker[Item]) -> _Worker[Item]:
        """Kill ``worker`` (if it still runs) and put a new one in its place."""
        worker.process.kill()
        worker.process.join()
        worker.connection.close()
        fresh = self._spawn()
        self._workers[self._workers.index(worker)] = fresh
        return fresh
