"""Turn a user's template variables into a model, so its workbook is written and read as any.

The caller (the CLI, the batch) lists the template's variables with the engine and passes
them here as plain paths with the filters applied to them, so this layer does not import the
engine. Every variable becomes a column headed by its name as the template writes it
(``partner.short_name``, ``ФИО``), typed by its filters (``typed``); a variable inside a loop
(``activities[].title``) goes to a sheet of its own, one row per item, joined to the record by
the first column. A variable printed outside any ``{% if %}`` naming it and without
``default`` is required: an empty cell would fail the document, so it fails the row, with
its cell named. Columns no variable names are left out of the documents, with a notice.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from pydantic import BaseModel, Field, create_model

from docgen.models.base import DocModel
from docgen.sources.workbook.columns import EXTRA_COLUMNS, WORKBOOK_KEY
from docgen.sources.workbook.typed import NAME_FILTERS, TemplateText, value_type

ITEM = "[]"
"""A path segment meaning «each element of the list» (as the engine writes it)."""
ANY_KEY = "*"
"""A path segment meaning «any key of the mapping»: such a variable has no column."""


@dataclass(frozen=True)
class Variable:
    """A template variable: its path through the data and a paragraph that uses it."""

    path: tuple[str, ...]
    paragraph: str = ""
    filters: tuple[str, ...] = ()
    """The filters the template applies to the value at this use."""
    optional: bool = False
    """Whether this use tolerates an empty value (``default``, or inside an ``if`` on it)."""


class _Place(Protocol):
    @property
    def text(self) -> str: ...


class UsageLike(Protocol):
    """What the engine tells of one use of a variable (``docgen.engine.fields.Usage``)."""

    @property
    def path(self) -> tuple[str, ...]: ...

    @property
    def place(self) -> _Place: ...

    @property
    def filters(self) -> tuple[str, ...]: ...


def usage_variables(usages: Iterable[UsageLike]) -> list[Variable]:
    """Return the variables of a template from the engine's list of its uses."""
    return [Variable(usage.path, usage.place.text, usage.filters) for usage in usages]


_OPTIONAL_FILTERS = frozenset({"default", "d"})


def _guarded(variable: Variable) -> bool:
    """Return whether a use tolerates an empty value: ``default``, or an ``if`` naming it."""
    if set(variable.filters) & _OPTIONAL_FILTERS:
        return True
    name = re.escape(variable.path[-1] if variable.path[-1] != ITEM else variable.path[0])
    test = re.compile(r"\{%-?\s*[ptrc]?\s*(?:el)?if\b[^%]*?\b" + name + r"\b")
    return bool(test.search(variable.paragraph))


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
        if not _usable(variable.path):
            continue
        seen = first.setdefault(variable.path, replace(variable, filters=(), optional=True))
        first[variable.path] = replace(
            seen,
            filters=seen.filters + tuple(f for f in variable.filters if f not in seen.filters),
            optional=seen.optional and (variable.optional or _guarded(variable)),
        )
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
        note, kind = _note(node), value_type(node.filters)
        if node.optional:
            return kind, Field(default=None, title=prefix + name, description=note)
        return kind, Field(title=prefix + name, description=note)
    if ITEM in node and isinstance(node[ITEM], Variable):  # {% for x in tasks %}{{ x }}
        title, note = prefix + name, _note(node[ITEM])
        return list[TemplateText], Field(default_factory=list, title=title, description=note)
    if ITEM in node:  # {% for a in activities %}{{ a.title }}
        item = _model(f"{name}_item", node[ITEM], "")
        note = f"Список «{prefix + name}» шаблона: одна строка — один пункт."
        return list[item], Field(default_factory=list, title=prefix + name, description=note)  # type: ignore[valid-type]
    sub = _model(name, node, f"{prefix}{name}.")
    if any(info.is_required() for info in sub.model_fields.values()):
        return sub, Field(title=prefix + name, description="")
    return sub, Field(default_factory=sub, title=prefix + name, description="")


def _model(name: str, tree: Tree, prefix: str) -> type[BaseModel]:
    fields: dict[str, Any] = {key: _field(key, node, prefix) for key, node in tree.items()}
    return create_model(name, __base__=DocModel, **fields)


FILE_NAME_KEY = "__file_name_key__"
"""The variable a document's default file name starts with: a name if the template declines
one (``{{ ФИО | dative }}``), else the first variable."""


def template_model(variables: Iterable[Variable], name: str = "Данные") -> type[BaseModel]:
    """Return a model with one text field per template variable, typed by its filters.

    Its workbook is written and read like a built-in model's; the first plain variable is
    the key that joins the rows of a loop's sheet to their record.
    """
    tree = _tree(template_variables(variables))
    model = _model(name, tree, "")
    setattr(model, EXTRA_COLUMNS, True)
    plain = [(key, node) for key, node in tree.items() if isinstance(node, Variable)]
    if plain:
        setattr(model, WORKBOOK_KEY, plain[0][0])
        named = [key for key, node in plain if set(node.filters) & NAME_FILTERS]
        setattr(model, FILE_NAME_KEY, (named or [plain[0][0]])[0])
    return model
