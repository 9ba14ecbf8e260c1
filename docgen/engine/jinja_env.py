"""Build the Jinja environment every template runs in: sandboxed, strict and escaping.

Data reaches a document only through ``{{ … }}`` outputs, so ``finalize`` is the one place
that makes any value fit for XML: it refuses ``None`` (a contract never says «None») and
cleans control characters (XML 1.0 forbids most of them).
"""

from __future__ import annotations

import functools
import itertools
import re
import types
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from typing import Any, Final, cast

from jinja2 import StrictUndefined, TemplateRuntimeError, UndefinedError, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.runtime import Context, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing, pass_context
from markupsafe import Markup

from docgen.engine.bounded import (
    INTERCEPTED_BINOPS,
    bounded_filter,
    bounded_format,
    bounded_lipsum,
    check_binop,
    check_call,
    check_result,
)
from docgen.engine.limits import (
    Budget,
    LimitExceeded,
    check_planned,
    current_budget,
    current_limits,
    rendering,
    size_of,
)
from docgen.engine.xml_text import clean_text  # the one rule (engine-xml)
from docgen.language.filters import FILTERS
from docgen.language.typography import group_thousands, typeset

MARKER_NEWLINE: Final = "\r"
"""What a newline of the template itself renders to; ``parts.py`` removes it afterwards.

The XML of a part gets a newline before every paragraph, row and cell so that Jinja's line
numbers name a paragraph; rendering those newlines as ``\\r`` lets one ``str.replace`` drop
them while newlines that come from data (``\\n``, a line break in Word) stay.
"""

STATEFUL_FUNCTIONS = frozenset({"image", "link"})
"""Functions a template may call that need python-docx state (see ``stateful.py``)."""

_DICT_MEMBERS = frozenset(dir(dict))
_CONTAINERS = (list, tuple, dict, set, frozenset)
_METHODS = (types.MethodType, types.BuiltinMethodType)
LOOP_FILTER: Final = "counted_loop"
"""The filter ``BoundedCode`` puts around every loop's iterable (``counted_loop``)."""

MARKER_DOT: Final = "\ue000"
"""Follows a printed value that ends in a full stop; see ``print_value``."""
_TAGS_THEN_DOT = re.compile(r"((?:<(?!/?w:p[ >])[^>]*>)*)\.")
"""XML tags (not a paragraph's end) and a full stop: what may follow ``MARKER_DOT``."""


class MissingValueError(UndefinedError):
    """A template used a value that the data does not have."""

    def __init__(
        self, message: str | None = None, *, name: str | None, root: bool, owner: Any = None
    ) -> None:
        super().__init__(message)
        self.name = name
        self.root = root
        self.owner = owner
        """The value that lacks ``name`` (None for a missing top-level name)."""


class EmptyValueError(TemplateRuntimeError):
    """A template printed ``None``."""


class MissingValue(StrictUndefined):
    """A strict undefined whose error remembers the missing name, for a precise message."""

    __slots__ = ()

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = missing,
        name: str | None = None,
        exc: type[TemplateRuntimeError] = UndefinedError,
    ) -> None:
        if exc is UndefinedError:  # keep the sandbox's SecurityError as it is
            owner = None if obj is missing else obj
            factory = functools.partial(
                MissingValueError, name=name, root=obj is missing, owner=owner
            )
            exc = factory  # type: ignore[assignment]
        super().__init__(hint, obj, name, exc)


def finalize(value: Any) -> Any:
    """Refuse ``None``; clean and typeset the text of every value a template prints.

    Typesetting (``docgen.language.typography``) ties short words, «№», «г.», dates and
    dashes with no-break spaces and groups whole numbers from five digits («12\u00a0780»).
    Markup holding XML tags is only cleaned: its spaces may be inside a tag.
    """
    if isinstance(value, str):
        cleaned = clean_text(value)
        if not (isinstance(value, Markup) and "<" in cleaned):
            cleaned = typeset(cleaned)
        if cleaned is value:  # every step returns the very same object when nothing changes
            return value
        return Markup(cleaned) if isinstance(value, Markup) else cleaned
    if value is None:
        raise EmptyValueError("None")
    if type(value) is int:
        return group_thousands(value)
    if hasattr(value, "__html__"):  # RichText, Listing, InlineImage: trusted markup
        return value
    return typeset(clean_text(str(value)))


def print_value(value: Any) -> Any:
    """Finish a value a template prints: ``finalize`` it, bound it, mark a closing full stop.

    A value ending in one full stop («2026 г.», «и т. д.») gets ``MARKER_DOT`` after it, so
    that a full stop the template puts right after the tag is dropped (``resolve_markers``):
    «{{ дата | date_text }}.» ends a sentence with one full stop, not two.
    """
    if isinstance(value, _CONTAINERS):
        check_result("значение", value)
    printed = finalize(value)
    if isinstance(printed, str) and printed.endswith(".") and not printed.endswith(".."):
        return printed + MARKER_DOT
    return printed


def resolve_markers(text: str) -> str:
    """Drop the template's full stop after a value that ends in one; remove the markers."""
    if MARKER_DOT not in text:
        return text
    pieces = text.split(MARKER_DOT)
    for index in range(1, len(pieces)):
        found = _TAGS_THEN_DOT.match(pieces[index])
        if found is not None:  # the tags between the value and the full stop stay
            pieces[index] = found.group(1) + pieces[index][found.end() :]
    return "".join(pieces)


class BoundedIterable:
    """A loop's iterable that counts its steps against the document's budget."""

    __slots__ = ("budget", "items")

    def __init__(self, items: Iterable[Any], budget: Budget) -> None:
        self.items = items
        self.budget = budget

    def __len__(self) -> int:
        return len(self.items)  # type: ignore[arg-type]  # TypeError as without the wrapper

    def __iter__(self) -> Iterator[Any]:
        add = self.budget.add_loop_item
        for item in self.items:
            add()
            yield item


@pass_context
def counted_loop(context: Context, items: Iterable[Any]) -> Iterable[Any]:
    """Return a loop's iterable counting each step against the document's budget."""
    budget = current_budget()
    return items if budget is None else BoundedIterable(items, budget)


class BoundedCode(CodeGenerator):
    """Jinja's code generator with loops counted and ``~`` joins checked against the limits."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for loop in node.find_all(nodes.For):
            if not (isinstance(loop.iter, nodes.Filter) and loop.iter.name == LOOP_FILTER):
                loop.iter = nodes.Filter(
                    loop.iter, LOOP_FILTER, [], [], None, None, lineno=loop.iter.lineno
                )
        super().visit_Template(node, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.join_parts((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        if frame.eval_ctx.volatile:
            self.write("), context.eval_ctx.autoescape)")
        else:
            self.write(f"), {bool(frame.eval_ctx.autoescape)!r})")


class DocumentEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with the same rules, bounded, and a faster attribute lookup.

    Documents print a hundred ``a.b`` lookups each, so the sandbox's checks are a fifth of
    the rendering time. The verdict of ``is_safe_attribute`` depends only on the type of
    the object and the attribute's name (not on the value), so it is remembered per pair;
    and a plain ``dict`` (YAML data) has no attributes but its class's, so for any other
    name the key is looked up at once instead of after a failed ``getattr``.

    Bounds (``limits.py``, ``bounded.py``): operators, calls, filters and ``~`` refuse to
    build values past the limit; loops, calls and the output count against the document's
    time, iteration and size budget.
    """

    code_generator_class = BoundedCode
    intercepted_binops = INTERCEPTED_BINOPS

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.safe_attributes: dict[tuple[type, str], bool] = {}
        self.globals["lipsum"] = bounded_lipsum

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_MEMBERS:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self.safe_attributes.get(key)
        if safe is None:
            safe = self.safe_attributes[key] = super().is_safe_attribute(obj, attr, value)
        return safe

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """Apply an intercepted operator once its result is known to fit the limits."""
        check_binop(operator, left, right)
        return self.binop_table[operator](left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Call a function, macro or method once its result is known to fit the limits."""
        budget = current_budget()
        if budget is not None:
            budget.check_time()
        check_call(__obj, args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        check_result("результат вызова", result)
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Return the sandbox's ``str.format`` with its widths checked against the limits."""
        if not isinstance(value, _METHODS):  # most attributes: no call to the sandbox's check
            return None
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template = cast(str, value.__self__)  # the sandbox wraps the methods of str only
        return bounded_format(wrapped, template, value.__name__ == "format_map")

    def concat(self, chunks: Iterable[str]) -> str:
        """Join rendered text: a whole template's within the document's budget.

        Jinja joins a template's output and the buffers of macros and ``{% set %}`` blocks
        with this. A template's output comes as a generator: it is counted as it comes and,
        past a limit, the error is thrown into it, so that it names the paragraph.
        """
        if not isinstance(chunks, Generator):
            parts = list(chunks)
            if sum(map(len, parts)) > current_limits().output_chars:
                raise LimitExceeded("текст макроса или блока {% set %} больше предела размера")
            return "".join(parts)
        with rendering(None) as budget:
            return resolve_markers(_consume(chunks, budget))

    def join_parts(self, parts: tuple[Any, ...], autoescape: bool) -> str:
        """Join the operands of ``~`` once their total size is known to fit the limits."""
        limit = current_limits().value_size
        check_planned("строка", sum(size_of(part, limit) for part in parts))
        return markup_join(parts) if autoescape else str_join(parts)


def _consume(chunks: Generator[str, None, None], budget: Budget) -> str:
    parts: list[str] = []
    while True:
        batch = list(itertools.islice(chunks, 256))
        if not batch:
            return "".join(parts)
        parts.extend(batch)
        try:
            budget.add_output(sum(map(len, batch)))
            budget.check_time()
        except LimitExceeded as exc:
            chunks.throw(exc)  # raised where the template is, to name its paragraph
            raise


def make_environment(
    filters: Mapping[str, Callable[..., Any]] | None = None,
    globals: Mapping[str, Any] | None = None,
) -> DocumentEnvironment:
    """Return a new environment: sandboxed, strict, bounded, with Russian and the caller's filters.

    The caller's filters and functions run in the sandbox like ours: what they return is
    bounded and escaped as any value.
    """
    env = DocumentEnvironment(
        undefined=MissingValue,
        autoescape=True,
        finalize=print_value,
        newline_sequence=MARKER_NEWLINE,
        auto_reload=False,
        cache_size=0,
    )
    all_filters = {**env.filters, **FILTERS, **(filters or {})}
    env.filters = {name: bounded_filter(name, f) for name, f in all_filters.items()}
    env.filters[LOOP_FILTER] = counted_loop
    env.globals.update(globals or {})
    return env


@functools.cache
def environment() -> DocumentEnvironment:
    """Return the shared environment: sandboxed, strict, bounded, with Russian filters."""
    return make_environment()


def known_globals(env: DocumentEnvironment | None = None) -> frozenset[str]:
    """Return the names a template may use that are not data: Jinja's globals and ours."""
    return frozenset((env or environment()).globals) | STATEFUL_FUNCTIONS | {"loop"}
