"""Bound what one document may cost: its render time, its output and every value it builds.

A template is a program someone else wrote. ``RenderLimits`` says how far it may go; a
``Budget`` holds the limits and the clock of the document being rendered (one per document,
found through a context variable so that the sandbox's callbacks, which get no document,
can ask it). Exceeding a limit raises ``LimitExceeded``, a Jinja runtime error that the
engine turns into a TemplateError naming the paragraph.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from jinja2 import TemplateRuntimeError

from docgen.engine.package import DEFAULT_LIMITS, PackageLimits

_MB = 1024 * 1024


@dataclass(frozen=True)
class RenderLimits:
    """How much one document may cost; the defaults suit any real document many times over."""

    seconds: float = 10.0
    """Render time of one document (all its parts)."""
    output_chars: int = 50 * _MB
    """Characters of XML one document's parts may render to, together."""
    value_size: int = 1_000_000
    """The largest string (characters) or list (items, counted through nested lists) a
    template may build with ``*``, ``+``, ``~``, joins, padding and the like."""
    int_bits: int = 14_000
    """The largest whole number a template may compute (about 4 200 digits, Python's own
    limit for printing one)."""
    loop_items: int = 1_000_000
    """Loop iterations of one document, all loops together."""
    package: PackageLimits = DEFAULT_LIMITS
    """How big the template's .docx may be when it is opened (members, unpacked size)."""

    @classmethod
    def of(
        cls,
        seconds: float,
        output_mb: float,
        template_unpacked_mb: float = DEFAULT_LIMITS.max_unpacked_bytes / _MB,
        template_members: int = DEFAULT_LIMITS.max_members,
    ) -> RenderLimits:
        """Return the limits the settings set (``render_seconds``, ``template_members``…)."""
        package = dataclasses.replace(
            DEFAULT_LIMITS,
            max_unpacked_bytes=int(template_unpacked_mb * _MB),
            max_members=template_members,
        )
        return cls(seconds=seconds, output_chars=int(output_mb * _MB), package=package)


class LimitExceeded(TemplateRuntimeError):
    """A template went past one of its limits."""


class Budget:
    """The limits of the document being rendered and what it has spent so far."""

    __slots__ = ("deadline", "limits", "loop_items", "output_chars")

    def __init__(self, limits: RenderLimits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.output_chars = 0
        self.loop_items = 0

    def check_time(self) -> None:
        """Raise when the document's render time is over."""
        if time.monotonic() > self.deadline:
            raise LimitExceeded(
                f"документ не собран за {self.limits.seconds:g} с — предел времени; шаблон "
                "делает слишком много работы (циклы в циклах, рекурсия макросов?)"
            )

    def add_output(self, chars: int) -> None:
        """Count rendered characters; raise past the output limit."""
        self.output_chars += chars
        if self.output_chars > self.limits.output_chars:
            raise LimitExceeded(
                f"документ получается больше {self.limits.output_chars // _MB} МБ текста — "
                "предел размера; проверьте циклы шаблона"
            )

    def add_loop_item(self) -> None:
        """Count one loop iteration; raise past the iteration limit, check the clock."""
        self.loop_items += 1
        if self.loop_items > self.limits.loop_items:
            raise LimitExceeded(
                f"циклы шаблона сделали больше {self.limits.loop_items:,} шагов".replace(
                    ",", "\u00a0"
                )
                + " — предел для одного документа; проверьте вложенные циклы"
            )
        if not self.loop_items & 63:
            self.check_time()


_CURRENT: ContextVar[Budget | None] = ContextVar("docgen_render_budget", default=None)
_DEFAULT = RenderLimits()


def current_budget() -> Budget | None:
    """Return the budget of the document being rendered, or None outside a render."""
    return _CURRENT.get()


def current_limits() -> RenderLimits:
    """Return the limits in force: the document's, or the defaults (e.g. while compiling)."""
    budget = _CURRENT.get()
    return _DEFAULT if budget is None else budget.limits


@contextlib.contextmanager
def rendering(limits: RenderLimits | None) -> Iterator[Budget]:
    """Give the code inside one document's budget; a render inside a render keeps the outer."""
    budget = _CURRENT.get()
    if budget is not None:
        yield budget
        return
    budget = Budget(limits or _DEFAULT)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def too_large(what: str, size: int, limit: int) -> LimitExceeded:
    """Return the error for a value (``what``: «строка», «список»…) larger than ``limit``."""
    shown = f"{limit:,}".replace(",", "\u00a0")
    return LimitExceeded(
        f"слишком большое значение: {what} размером {_approx(size)} (допустимо не больше "
        f"{shown}) — шаблон не может строить такие значения"
    )


def _approx(size: int) -> str:
    if size >= 10**15:
        return f"около 10^{len(str(size)) - 1}"
    return f"{size:,}".replace(",", "\u00a0")


def size_of(value: object, limit: int) -> int:
    """Return the size of ``value`` as text or items, counted through nested containers.

    Stops counting as soon as ``limit`` is passed, so any value costs at most ``limit`` steps:
    a list that holds one list a thousand times counts it a thousand times, as printing it
    would. Anything else (numbers, dates, models) counts as one.
    """
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, dict):
        return _size_of_items([*value.keys(), *value.values()], limit)
    if isinstance(value, (list, tuple, set, frozenset)):
        return _size_of_items(value, limit)
    return 1


def _size_of_items(
    items: list[object] | tuple[object, ...] | set[object] | frozenset[object], limit: int
) -> int:
    total = len(items)
    if total > limit:
        return total
    try:
        for item in items:
            if isinstance(item, (str, bytes)):
                total += len(item)
            elif isinstance(item, (list, tuple, dict, set, frozenset)):
                total += size_of(item, limit - total)
            if total > limit:
                return total
    except RecursionError:  # nested deeper than Python can walk: far too large anyway
        return limit + 1
    return total


def check_size(what: str, value: object) -> None:
    """Raise when a value a template built is larger than the limit."""
    limit = current_limits().value_size
    size = size_of(value, limit)
    if size > limit:
        raise too_large(what, size, limit)


def check_planned(what: str, size: int) -> None:
    """Raise when a value about to be built would be larger than the limit."""
    limit = current_limits().value_size
    if size > limit:
        raise too_large(what, size, limit)
