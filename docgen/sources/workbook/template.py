"""Turn a user's template variables into a model, so its workbook is written and read as any.

The caller (the CLI, later the batch) lists the template's variables with the engine and
passes them here as plain paths, so this layer does not import the engine. Every variable
becomes an optional text column headed by its name as the template writes it
(``partner.short_name``, ``ФИО``); a variable inside a loop (``activities[].title``) goes to
a sheet of its own, one row per item, joined to the record by the first column.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field, create_model

from docgen.models.base import DocModel, OptionalText
from docgen.sources.workbook.columns import WORKBOOK_KEY

ITEM = "[]"
"""A path segment meaning «each element of the list» (as the engine writes it)."""
ANY_KEY = "*"
"""A path segment meaning «any key of the mapping»: such a variable has no column."""


@dataclass(frozen=True)
class Variable:
    """A template variable: its path through the data and a paragraph that uses it."""

    path: tuple[str, ...]
    paragraph: str = ""


def _usable(path: tuple[str, ...]) -> bool:
    """Return whether a path can be a column: named parts, no map keys, one loop at most."""
    names = [part for part in path if part != ITEM]
    return (
        bool(names)
        and path[0] != ITEM
        and ANY_KEY not in path
        and path.count(ITEM) <= 1
        and all(name.isidentifier() and not keyword.iskeyword(name) for name in names)
    )


def template_variables(variables: Iterable[Variable]) -> list[Variable]:
    """Keep one use of each usable path, dropping paths that only lead to longer ones."""
    first: dict[tuple[str, ...], Variable] = {}
    for variable in variables:
        if _usable(variable.path):
            first.setdefault(variable.path, variable)
    return [
        variable
        for path, variable in first.items()
        if not any(other[: len(path)] == path and other != path for other in first)
    ]


def _dotted(path: Iterable[str]) -> str:
    text = ""
    for segment in path:
        text += segment if segment == ITEM or not text else "." + segment
    return text


def _note(variable: Variable) -> str:
    note = f"Переменная шаблона {{{{ {_dotted(variable.path)} }}}}."
    if variable.paragraph:
        note += f" Абзац: «{variable.paragraph[:200]}»."
    return note


Tree = dict[str, Any]


def _tree(variables: list[Variable]) -> Tree:
    """Nest variables by path: a dict per object, a Variable per leaf, ``[]`` for a loop."""
    root: Tree = {}
    for variable in variables:
        node = root
        for part in variable.path[:-1]:
            node = node.setdefault(part, {})
        node[variable.path[-1]] = variable
    return root


def _field(name: str, node: Any, prefix: str) -> tuple[Any, Any]:
    """Return the (type, FieldInfo) of one node of the variables tree."""
    if isinstance(node, Variable):
        return OptionalText, Field(default=None, title=prefix + name, description=_note(node))
    if ITEM in node and isinstance(node[ITEM], Variable):  # {% for x in tasks %}{{ x }}
        title, note = prefix + name, _note(node[ITEM])
        return list[OptionalText], Field(default_factory=list, title=title, description=note)
    if ITEM in node:  # {% for a in activities %}{{ a.title }}
        item = _model(f"{name}_item", node[ITEM], "")
        note = f"Список «{prefix + name}» шаблона: одна строка — один пункт."
        return list[item], Field(default_factory=list, title=prefix + name, description=note)  # type: ignore[valid-type]
    sub = _model(name, node, f"{prefix}{name}.")
    return sub, Field(default_factory=sub, title=prefix + name, description="")


def _model(name: str, tree: Tree, prefix: str) -> type[BaseModel]:
    fields: dict[str, Any] = {key: _field(key, node, prefix) for key, node in tree.items()}
    return create_model(name, __base__=DocModel, **fields)


def template_model(variables: Iterable[Variable], name: str = "Данные") -> type[BaseModel]:
    """Return a model with one optional text field per template variable.

    Its workbook is written and read like a built-in model's; the first plain variable is
    the key that joins the rows of a loop's sheet to their record.
    """
    tree = _tree(template_variables(variables))
    model = _model(name, tree, "")
    first = next((key for key, node in tree.items() if isinstance(node, Variable)), None)
    if first is not None:
        setattr(model, WORKBOOK_KEY, first)
    return model
