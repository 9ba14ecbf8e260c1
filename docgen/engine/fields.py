"""List the variables a template uses, as paths through the data, and where each is used.

Loop variables are resolved to the list they walk (``{% for e in agreement.events %}``
``{{ e.title }}`` is ``agreement.events[].title``), as are names bound by ``{% set %}`` and
``{% with %}``; names that hold no data (``loop``, macro arguments, Jinja's globals) are left out.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jinja2 import nodes

from docgen.engine.jinja_env import environment, known_globals
from docgen.engine.locate import Place, line_text
from docgen.engine.parts import CompiledPart

ITEM = "[]"
"""A path segment meaning «each element of the list»."""
ANY_KEY = "*"
"""A path segment meaning «the value under any key of the mapping»."""

Path = tuple[str, ...]
Scope = dict[str, Path | None]
_SAME_LIST = frozenset(
    {"sort", "reverse", "list", "unique", "select", "reject", "selectattr", "rejectattr"}
)
_SAME_VALUE = frozenset({"default", "d", "string", "trim"})
_ONE_ITEM = frozenset({"first", "last"})


@dataclass(frozen=True)
class Usage:
    """One use of a data path in a template and the paragraph it is in."""

    path: Path
    place: Place
    line: int
    filters: tuple[str, ...] = ()
    """The filters applied to the value here, innermost first (``{{ x | dative | upper }}``)."""

    @property
    def dotted(self) -> str:
        """Return the path as a person reads it: ``agreement.events[].title``."""
        return dotted(self.path)


def dotted(path: Iterable[str]) -> str:
    """Join path segments: names with dots, ``[]`` glued to the name before it."""
    text = ""
    for segment in path:
        text += segment if segment == ITEM or not text else "." + segment
    return text


def part_usages(part: CompiledPart, template: str) -> list[Usage]:
    """Return every data path a compiled part uses, with the paragraph of each use."""

    def place_of(line: int, focus: str) -> Place:
        return Place(template, part.label, line_text(part.source, line, focus))

    return find_usages(environment().parse(part.source), place_of, known_globals())


def find_usages(
    template: nodes.Template, place_of: Callable[[int, str], Place], ignored: frozenset[str]
) -> list[Usage]:
    """Return every data path a parsed template uses, in the order they appear."""
    walker = _Walker(place_of, ignored)
    walker.walk_body(template.body, {})
    return walker.usages


class _Walker:
    """Walk a Jinja AST keeping track of which local names stand for which data paths."""

    def __init__(self, place_of: Callable[[int, str], Place], ignored: frozenset[str]) -> None:
        self.place_of = place_of
        self.ignored = ignored
        self.usages: list[Usage] = []

    def walk_body(self, body: Iterable[nodes.Node], scope: Scope) -> None:
        for node in body:
            self.walk(node, scope)

    def walk(self, node: nodes.Node, scope: Scope) -> None:
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            self.record(node, scope)
        elif isinstance(node, nodes.For):
            self.walk_for(node, scope)
        elif isinstance(node, nodes.Assign):
            self.walk(node.node, scope)
            self.bind(node.target, self.path_of(node.node, scope), scope)
        elif isinstance(node, nodes.AssignBlock):
            self.walk_body(node.body, dict(scope))
            self.bind(node.target, None, scope)
        elif isinstance(node, nodes.With):
            self.walk_with(node, scope)
        elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
            self.walk_macro(node, scope)
        elif isinstance(node, nodes.Filter) and node.node is not None:
            self.walk_filter(node, scope)
        else:
            for child in node.iter_child_nodes():
                self.walk(child, scope)

    def walk_for(self, node: nodes.For, scope: Scope) -> None:
        self.walk(node.iter, scope)
        inner = dict(scope)
        self.bind_loop(node.target, node.iter, inner)
        inner["loop"] = None
        if node.test is not None:
            self.walk(node.test, inner)
        self.walk_body(node.body, inner)
        self.walk_body(node.else_, dict(scope))

    def walk_filter(self, node: nodes.Filter, scope: Scope) -> None:
        """Walk a chain of filters; a data path filtered directly keeps the filters' names."""
        names: list[str] = []
        inner: nodes.Node = node
        while isinstance(inner, nodes.Filter) and inner.node is not None:
            names.append(inner.name)
            for argument in (*inner.args, *inner.kwargs, inner.dyn_args, inner.dyn_kwargs):
                if argument is not None:
                    self.walk(argument, scope)
            inner = inner.node
        before = len(self.usages)
        self.walk(inner, scope)
        if isinstance(inner, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            filters = tuple(reversed(names))
            for number in range(before, len(self.usages)):
                self.usages[number] = dataclasses.replace(self.usages[number], filters=filters)

    def walk_with(self, node: nodes.With, scope: Scope) -> None:
        inner = dict(scope)
        for target, value in zip(node.targets, node.values, strict=False):
            self.walk(value, scope)
            self.bind(target, self.path_of(value, scope), inner)
        self.walk_body(node.body, inner)

    def walk_macro(self, node: nodes.Macro | nodes.CallBlock, scope: Scope) -> None:
        if isinstance(node, nodes.Macro):
            scope[node.name] = None
        else:
            self.walk(node.call, scope)
        for default in node.defaults:
            self.walk(default, scope)
        inner = dict(scope)
        for name in ("caller", "varargs", "kwargs"):
            inner[name] = None
        for argument in node.args:
            self.bind(argument, None, inner)
        self.walk_body(node.body, inner)

    def bind(self, target: nodes.Node, path: Path | None, scope: Scope) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = path
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, None, scope)

    def bind_loop(self, target: nodes.Node, iterable: nodes.Node, scope: Scope) -> None:
        if isinstance(target, nodes.Tuple) and len(target.items) == 2:
            mapping = _items_call(iterable)
            if mapping is not None:
                base = self.path_of(mapping, scope)
                self.bind(target.items[0], None, scope)
                self.bind(target.items[1], (*base, ANY_KEY) if base else None, scope)
                return
        base = self.path_of(iterable, scope)
        self.bind(target, (*base, ITEM) if base else None, scope)

    def record(self, node: nodes.Expr, scope: Scope) -> None:
        path = self.path_of(node, scope, walk_rest=True)
        if path:
            place = self.place_of(node.lineno, path[-1])
            self.usages.append(Usage(path, place, node.lineno))

    def path_of(self, node: nodes.Node, scope: Scope, walk_rest: bool = False) -> Path | None:
        """Return the data path an expression stands for; with ``walk_rest``, record the rest."""
        segments: list[str] = []
        while not isinstance(node, nodes.Name):
            if isinstance(node, nodes.Getattr):
                segments.append(node.attr)
            elif isinstance(node, nodes.Getitem):
                self.add_index(node.arg, segments, scope, walk_rest)
            elif isinstance(node, nodes.Filter) and node.node is not None and not walk_rest:
                added = _filter_segments(node.name)
                if added is None:
                    return None
                segments.extend(added)
            else:
                if walk_rest:
                    self.walk(node, scope)
                return None
            node = typing.cast(nodes.Expr, node.node)
        base = self.resolve(node.name, scope)
        return base + tuple(reversed(segments)) if base is not None else None

    def add_index(self, arg: nodes.Expr, segments: list[str], scope: Scope, walk: bool) -> None:
        if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
            segments.append(arg.value)
            return
        if walk:
            self.walk(arg, scope)
        if not isinstance(arg, nodes.Slice):
            segments.append(ITEM)

    def resolve(self, name: str, scope: Scope) -> Path | None:
        if name in scope:
            return scope[name]
        return None if name in self.ignored else (name,)


def _filter_segments(name: str) -> tuple[str, ...] | None:
    """Return what a filter adds to the path of its value; None if its result is not data."""
    if name in _SAME_LIST or name in _SAME_VALUE:
        return ()
    if name in _ONE_ITEM:
        return (ITEM,)
    return None


def _items_call(node: nodes.Node) -> nodes.Node | None:
    """Return ``x`` for ``x.items()``, else None."""
    if (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.Getattr)
        and node.node.attr == "items"
        and not node.args
    ):
        return node.node.node
    return None
