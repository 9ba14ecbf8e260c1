"""Format what ``fields`` and ``check`` found as text for a person."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from docgen.engine.check import UnknownName
from docgen.engine.fields import ITEM, Usage
from docgen.engine.locate import Place


@dataclass
class _Node:
    places: list[Place] = field(default_factory=list)
    children: dict[str, _Node] = field(default_factory=dict)
    depth: int = 0
    """How many list levels are walked below the name: «events[]» has one."""


def format_fields(usages: Iterable[Usage]) -> str:
    """Return the variables as an indented tree, each with the paragraphs that use it."""
    root = _Node()
    for usage in usages:
        node = _node_for(root, usage.path)
        if usage.place not in node.places:
            node.places.append(usage.place)
    lines: list[str] = []
    _write(root, 0, lines)
    return "\n".join(lines)


def _node_for(root: _Node, path: Sequence[str]) -> _Node:
    """Return the node of ``path``; a list and its elements share one node, «events[]»."""
    node, index = root, 0
    while index < len(path):
        node = node.children.setdefault(path[index], _Node())
        index += 1
        items = 0
        while index < len(path) and path[index] == ITEM:
            items, index = items + 1, index + 1
        node.depth = max(node.depth, items)
    return node


def _write(node: _Node, depth: int, lines: list[str]) -> None:
    for name, child in node.children.items():
        lines.append("  " * depth + name + ITEM * child.depth)
        for place in child.places:
            lines.append("  " * (depth + 1) + f"← {_where(place)}")
        _write(child, depth + 1, lines)


def _where(place: Place) -> str:
    return f"{place.part}: «{place.text}»" if place.text else place.part


def format_unknown(unknown: Sequence[UnknownName], template: str, model: str) -> str:
    """Return every unknown name once, with its reason and every paragraph that uses it."""
    by_reason: dict[str, list[Place]] = {}
    for item in unknown:
        places = by_reason.setdefault(item.reason, [])
        if item.usage.place not in places:
            places.append(item.usage.place)
    lines = [f"{template}: имена, которых нет в модели «{model}» ({len(by_reason)}):"]
    for reason, places in by_reason.items():
        lines.append(f"  {reason}")
        lines.extend(f"    ← {_where(place)}" for place in places)
    return "\n".join(lines)
