"""Build HTML forms from the pydantic models, read them back, and place problems by field.

A form field's name is its key path with dots: ``organisation.requisites.inn``, rows of a
list ``activities.0.title``. Nested models become fieldsets, lists of strings a text area
(one item a line), enums and literals a drop-down, a list of enum values check boxes, and
hand-written case forms a folded group of five inputs. Reading a form back follows the model,
not the posted keys, so unknown fields are never taken; empty inputs are left out so that the
model's defaults apply and a required field is reported as missing by the model itself.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from docgen.language import CASE_LABELS
from docgen.models.base import Case
from docgen.sources import Problem

CASE_NAMES: tuple[str, ...] = typing.get_args(Case)
LONG_TEXT = frozenset({"full_name", "subject", "bank_name", "recipient", "legal_address"})
"""Fields whose values run to a paragraph: shown as a text area rather than one line."""
_LITERAL_LABELS = {"m": "мужской", "f": "женский"}
_EMPTY: Any = object()

Values = Mapping[str, Any]
FormData = Mapping[str, list[str]]


@dataclass
class FormField:
    """One input (or group of inputs) of a form, with its value and its problems."""

    name: str
    title: str
    description: str
    kind: str
    """text, long, date, number, checkbox, select, multi, lines, cases, group or rows."""
    required: bool = False
    value: Any = None
    choices: list[tuple[str, str]] = field(default_factory=list)
    children: list[FormField] = field(default_factory=list)
    rows: list[list[FormField]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    readonly: bool = False


@dataclass(frozen=True)
class Shape:
    """What a field's annotation holds: its kind, the type inside and whether it may be None."""

    kind: str
    inner: Any
    optional: bool


def shape_of(annotation: Any) -> Shape:
    """Return the form shape of a pydantic field annotation."""
    optional = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        annotation = args[0] if len(args) == 1 else str
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    kind, inner = _kind(annotation)
    return Shape(kind, inner, optional)


def _kind(annotation: Any) -> tuple[str, Any]:
    origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation) or (str,)
        if _is_model(item):
            return "rows", item
        return ("multi", item) if _is_enum(item) else ("lines", item)
    if origin is dict:
        return "cases", str
    if origin is typing.Literal or _is_enum(annotation):
        return "select", annotation
    if _is_model(annotation):
        return "group", annotation
    simple = {bool: "checkbox", dt.date: "date", int: "number", Decimal: "number"}
    return simple.get(annotation, "text"), annotation


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _is_enum(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, Enum)


def choices_of(kind: Any) -> list[tuple[str, str]]:
    """Return (value, label) pairs of an enum or a literal."""
    if _is_enum(kind):
        return [(str(member.value), str(member.value)) for member in kind]
    return [(str(value), _LITERAL_LABELS.get(str(value), str(value))) for value in kind.__args__]


def problem_messages(problems: Iterable[Problem]) -> dict[str, list[str]]:
    """Return the problems' messages by form field name (the key path with dots)."""
    found: dict[str, list[str]] = {}
    for problem in problems:
        found.setdefault(".".join(map(str, problem.loc)), []).append(problem.message)
    return found


@dataclass
class FormBuilder:
    """Build the fields of one model's form from values and the problems found in them."""

    problems: Mapping[str, list[str]] = field(default_factory=dict)
    readonly: frozenset[str] = frozenset()
    extra_rows: int = 0
    notes: Mapping[str, str] = field(default_factory=dict)
    """Hints that replace a field's description, and make a required field optional: the
    front end fills it when left empty (an agreement's subject)."""
    placed: set[str] = field(default_factory=set)

    def fields(
        self, model: type[BaseModel], values: Values, prefix: str = "", exclude: Iterable[str] = ()
    ) -> list[FormField]:
        """Return the form fields of ``model``, filled from ``values``."""
        skipped = set(exclude)
        return [
            self.field(f"{prefix}{name}", info, values.get(name))
            for name, info in model.model_fields.items()
            if name not in skipped
        ]

    def field(self, name: str, info: FieldInfo, value: Any) -> FormField:
        """Return one field: a leaf input, a fieldset or a table of rows."""
        shape = shape_of(info.annotation)
        self.placed.add(name)
        made = FormField(
            name=name,
            title=info.title or name,
            description=self.notes.get(name, info.description or ""),
            kind="long"
            if shape.kind == "text" and name.rpartition(".")[2] in LONG_TEXT
            else shape.kind,
            required=info.is_required() and not shape.optional and name not in self.notes,
            errors=list(self.problems.get(name, [])),
            readonly=name in self.readonly,
        )
        filler = _FILLERS.get(shape.kind, _fill_leaf)
        filler(self, made, shape, info, value)
        return made

    def unplaced(self) -> list[str]:
        """Return the messages of problems no field of the form shows."""
        return [
            message
            for name, messages in self.problems.items()
            if name not in self.placed
            for message in messages
        ]


def _fill_group(b: FormBuilder, made: FormField, shape: Shape, _: FieldInfo, value: Any) -> None:
    made.children = b.fields(shape.inner, value or {}, prefix=f"{made.name}.")


def _fill_rows(b: FormBuilder, made: FormField, shape: Shape, _: FieldInfo, value: Any) -> None:
    rows = list(value or [])
    rows += [{}] * max(b.extra_rows, 0 if rows else 1)
    made.rows = [
        b.fields(shape.inner, row, prefix=f"{made.name}.{i}.") for i, row in enumerate(rows)
    ]
    made.children = b.fields(shape.inner, {}, prefix=f"{made.name}.{len(rows)}.")
    for child in made.children:  # the header of the table: titles, never submitted
        b.placed.discard(child.name)


def _fill_choice(
    b: FormBuilder, made: FormField, shape: Shape, info: FieldInfo, value: Any
) -> None:
    kind = shape.inner
    made.choices = choices_of(kind)
    if shape.kind == "multi":
        made.value = [str(getattr(item, "value", item)) for item in value or []]
        return
    if value is None and info.default is not None and not info.is_required():
        value = info.default
    made.value = "" if value is None else str(getattr(value, "value", value))
    if shape.optional or info.is_required():
        empty = "— не указано —" if shape.optional else "— выберите —"
        made.choices.insert(0, ("", empty))


def _fill_cases(b: FormBuilder, made: FormField, shape: Shape, _: FieldInfo, value: Any) -> None:
    given = dict(value or {})
    made.children = []
    for case in CASE_NAMES:
        name = f"{made.name}.{case}"
        b.placed.add(name)
        label = CASE_LABELS.get(case, case)  # type: ignore[call-overload]
        child = FormField(name, str(label).capitalize(), "", "text", value=given.get(case, ""))
        child.errors = list(b.problems.get(name, []))
        made.children.append(child)


def _fill_leaf(b: FormBuilder, made: FormField, shape: Shape, info: FieldInfo, value: Any) -> None:
    if value is None and not info.is_required():
        default = info.get_default(call_default_factory=True)
        value = default
    if shape.kind == "lines":
        made.value = "\n".join(str(item) for item in value or [])
    elif shape.kind == "checkbox":
        made.value = bool(value) and value not in ("false", "0", "off")
    elif shape.kind == "date":
        made.value = russian_day(value)
    else:
        made.value = "" if value is None else str(getattr(value, "value", value))


def russian_day(value: Any) -> str:
    """Return a date (or an ISO date string) as people type it, 05.09.2026; else as given."""
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    return "" if value is None else str(value)


_FILLERS: dict[str, Callable[[FormBuilder, FormField, Shape, FieldInfo, Any], None]] = {
    "group": _fill_group,
    "rows": _fill_rows,
    "select": _fill_choice,
    "multi": _fill_choice,
    "cases": _fill_cases,
}
