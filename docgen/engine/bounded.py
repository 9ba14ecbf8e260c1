"""Check, before it runs, that an operation of a template cannot build a value past the limit.

The sandbox routes ``*``, ``+``, ``**`` and ``%`` (``call_binop``), method calls (``call``),
``str.format`` and every filter through the functions here. Each works out the size of the
result from its operands (cheaply: a length, a count, a width) and refuses before Python
allocates anything, so ``{{ 'a' * 10**9 }}`` costs microseconds, not gigabytes. Jinja does
not fold constants for intercepted operators, and a refused filter is not folded either (the
error surfaces at render time, with its paragraph), so compiling is bounded too.
"""

from __future__ import annotations

import builtins
import functools
import math
import re
import string
import types
from collections.abc import Callable, Iterable, Mapping, Sized
from typing import Any

from jinja2.utils import _PassArg, generate_lorem_ipsum

from docgen.engine.limits import (
    LimitExceeded,
    check_planned,
    check_size,
    current_limits,
    size_of,
    too_large,
)

INTERCEPTED_BINOPS = frozenset({"*", "+", "**", "%"})
_CONTAINERS = (list, tuple, dict, set, frozenset)
_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?.", re.DOTALL)
_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d+))?")
_STRUCTURAL_FILTERS = frozenset(
    {
        "length", "count", "first", "last", "random", "default", "d", "list", "reverse",
        "batch", "slice", "map", "select", "reject", "selectattr", "rejectattr", "attr",
        "items", "abs", "int", "float", "round", "filesizeformat",
    }
)  # fmt: skip
"""Filters that pick from a list without printing it: its size needs no check before."""


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``left <operator> right`` when its result would be past the limits."""
    if operator == "*":
        _check_product(left, right)
    elif operator == "+":
        if isinstance(left, (str, bytes, list, tuple)) and isinstance(right, type(left)):
            limit = current_limits().value_size
            check_planned(_what(left), size_of(left, limit) + size_of(right, limit))
    elif operator == "**":
        _check_power(left, right)
    elif operator == "%" and isinstance(left, str):
        check_printf(left, right)


def _check_product(left: Any, right: Any) -> None:
    if _is_int(left) and _is_int(right):
        _check_bits(left.bit_length() + right.bit_length())
        return
    sequence, times = (left, right) if _is_int(right) else (right, left)
    if not (_is_int(times) and isinstance(sequence, (str, bytes, list, tuple))) or times <= 0:
        return
    limit = current_limits().value_size
    size = size_of(sequence, limit)
    if size:
        check_planned(_what(sequence), size * times)


def _check_power(base: Any, exponent: Any) -> None:
    if _is_int(base) and _is_int(exponent) and exponent > 0 and abs(base) > 1:
        _check_bits(math.ceil(exponent * math.log2(abs(base))))


def _check_bits(bits: int) -> None:
    limit = current_limits().int_bits
    if bits > limit:
        raise too_large("число в двоичных разрядах", bits, limit)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _what(value: Any) -> str:
    return "строка" if isinstance(value, (str, bytes)) else "список"


def check_printf(template: str, values: Any) -> None:
    """Refuse ``template % values`` whose widths or precisions would make it too long."""
    limit = current_limits().value_size
    size = len(template) + size_of(values, limit)
    for match in _PRINTF.finditer(template):
        width, precision = match.group(1), match.group(2)
        if "*" in (width, precision):
            raise LimitExceeded("ширина «*» в формате «%» не поддерживается: напишите число")
        size += int(width or 0) + int(precision or 0)
    check_planned("строка", size)


def check_format(template: str, args: Iterable[Any], kwargs: Mapping[str, Any]) -> None:
    """Refuse ``template.format(...)`` whose widths or precisions would make it too long."""
    limit = current_limits().value_size
    size = len(template) + size_of(list(args), limit) + size_of(dict(kwargs), limit)
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return  # the call itself says what is wrong with the format
    for _literal, _name, spec, _conversion in fields:
        if not spec:
            continue
        if "{" in spec:
            raise LimitExceeded("вложенные поля в формате («{:{…}}») не поддерживаются")
        match = _SPEC.match(spec)
        if match:
            size += int(match.group(1) or 0) + int(match.group(2) or 0)
    check_planned("строка", size)


def bounded_format(method: Callable[..., str], template: str, is_map: bool) -> Callable[..., str]:
    """Return the sandbox's ``str.format`` (or ``format_map``) checked against the limits."""

    @functools.wraps(method)
    def checked(*args: Any, **kwargs: Any) -> str:
        if is_map and len(args) == 1 and isinstance(args[0], Mapping):
            check_format(template, (), args[0])
        else:
            check_format(template, args, kwargs)
        return method(*args, **kwargs)

    return checked


def check_call(function: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
    """Refuse a call of a string method (``center``, ``replace``…) that would be too long."""
    if not isinstance(function, types.BuiltinMethodType):
        return
    owner = function.__self__
    if not isinstance(owner, (str, bytes)):
        return
    planner = _METHOD_PLANNERS.get(function.__name__)
    if planner is not None:
        try:
            size = planner(owner, *args, **kwargs)
        except (TypeError, ValueError, OverflowError):
            return  # the call itself says what is wrong with its arguments
        check_planned("строка", size)


def check_result(what: str, value: Any) -> None:
    """Refuse a value that a call returned larger than the limit."""
    if isinstance(value, (str, bytes)):
        if len(value) > current_limits().value_size:
            raise too_large(what, len(value), current_limits().value_size)
    elif isinstance(value, _CONTAINERS):
        check_size(what, value)


def _width(owner: str | bytes, width: int, *_rest: Any) -> int:
    return len(owner) + max(int(width), 0)


def _expandtabs(owner: str | bytes, tabsize: int = 8) -> int:
    tab = "\t" if isinstance(owner, str) else b"\t"
    return len(owner) + owner.count(tab) * max(int(tabsize), 0)  # type: ignore[arg-type]


def _replace(owner: Any, old: Any, new: Any, count: int = -1) -> int:
    found = owner.count(old) if len(old) else len(owner) + 1
    if count is not None and int(count) >= 0:
        found = min(found, int(count))
    return len(owner) + found * max(len(new) - len(old), 0)


def _join(owner: str | bytes, items: Any) -> int:
    if not isinstance(items, Sized):
        return 0  # a generator: bounded by what it walks; the result is checked after
    limit = current_limits().value_size
    return size_of(items, limit) + len(items) * len(owner)


def _translate(owner: str | bytes, table: Any) -> int:
    values = table.values() if isinstance(table, Mapping) else table
    longest = max((len(v) for v in values if isinstance(v, (str, bytes))), default=1)
    return len(owner) * max(longest, 1)


_METHOD_PLANNERS: dict[str, Callable[..., int]] = {
    "center": _width,
    "ljust": _width,
    "rjust": _width,
    "zfill": _width,
    "expandtabs": _expandtabs,
    "replace": _replace,
    "join": _join,
    "translate": _translate,
}


def _plan_center(value: Any, width: int = 80) -> int:
    return size_of(value, current_limits().value_size) + max(int(width), 0)


def _plan_indent(s: Any, width: int | str = 4, first: bool = False, blank: bool = False) -> int:
    text = str(s)
    step = len(width) if isinstance(width, str) else max(int(width), 0)
    return len(text) + (text.count("\n") + 1) * step


def _plan_wordwrap(
    s: Any, width: int = 79, break_long_words: bool = True, wrapstring: str | None = None,
    break_on_hyphens: bool = True,
) -> int:  # fmt: skip
    size = len(str(s))
    return size + (size // max(int(width), 1) + 1) * len(wrapstring or "\n")


def _plan_replace(s: Any, old: Any, new: Any, count: int | None = None) -> int:
    return _replace(str(s), str(old), str(new), -1 if count is None else count)


def _plan_join(value: Any, d: str = "", attribute: Any = None) -> int:
    return _join(str(d), value)


def _plan_format(value: Any, *args: Any, **kwargs: Any) -> int:
    check_printf(str(value), kwargs or args)
    return 0


def _plan_fill(value: Any, count: int, fill_with: Any = None) -> int:
    return max(int(count), 0)


def _plan_sum(iterable: Any, attribute: Any = None, start: Any = 0) -> int:
    if not isinstance(start, (str, bytes, list, tuple)) or not isinstance(iterable, Sized):
        return 0
    limit = current_limits().value_size
    total = size_of(iterable, limit) + size_of(start, limit)
    # adding lists one by one copies the sum so far each time: bound that work too
    return max(total, total * len(iterable) // 50)


_FILTER_PLANNERS: dict[str, Callable[..., int]] = {
    "center": _plan_center,
    "indent": _plan_indent,
    "wordwrap": _plan_wordwrap,
    "replace": _plan_replace,
    "join": _plan_join,
    "format": _plan_format,
    "batch": _plan_fill,
    "slice": _plan_fill,
    "sum": _plan_sum,
}


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Return ``function`` as a filter that refuses to build a value past the limits."""
    planner = _FILTER_PLANNERS.get(name)
    skip = 0 if _PassArg.from_obj(function) is None else 1
    check_value = name not in _STRUCTURAL_FILTERS
    what = f"результат фильтра «{name}»"

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if check_value and len(args) > skip and isinstance(args[skip], _CONTAINERS):
            check_size(f"значение для фильтра «{name}»", args[skip])
        if planner is not None:
            _check_plan(planner, what, args[skip:], kwargs)
        result = function(*args, **kwargs)
        check_result(what, result)
        return result

    return bounded


def _check_plan(
    planner: Callable[..., int], what: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> None:
    try:
        size = planner(*args, **kwargs)
    except (TypeError, ValueError, OverflowError, AttributeError):
        return  # the filter itself says what is wrong with its arguments
    check_planned(what, size)


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Return Jinja's ``lipsum`` text, refusing more than the limit."""
    check_planned("текст lipsum", _count(n) * _count(max) * 12)
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


def _count(value: Any) -> int:
    return builtins.max(int(value), 0)
