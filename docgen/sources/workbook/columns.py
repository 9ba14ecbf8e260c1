"""Map a model's fields to workbook columns: key paths, value kinds and Russian headers.

A model becomes one row of columns: nested models are flattened (``partner.signer.person
.last_name`` is the column «Руководитель: фамилия»), a list of plain values is one cell, and
each list of sub-models (an agreement's joint activities) is a ``ListGroup`` whose items sit on
their own rows — on a sheet of their own joined to the record by its key column, or below the
record on the same sheet. The types themselves (``Column``, ``ListGroup``, ``Layout``) are in
``docgen.sources.workbook.column_types`` and are re-exported here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from docgen.language.morph import CASE_LABELS
from docgen.models import (
    Agreement,
    EventRegulation,
    MethodReport,
    PartnershipPlan,
    Person,
)
from docgen.models import requisites as rq
from docgen.sources.workbook.column_types import (
    CellFormat,
    Column,
    Kind,
    Layout,
    ListGroup,
    Path,
)
from docgen.sources.workbook.headers import display_headers, lower_first

__all__ = [
    "EXTRA_COLUMNS",
    "KEY_FIELDS",
    "WORKBOOK_KEY",
    "CellFormat",
    "Column",
    "Kind",
    "Layout",
    "ListGroup",
    "Path",
    "data_key",
    "layout_of",
]

KEY_FIELDS: dict[type[BaseModel], str] = {
    Agreement: "number",
    EventRegulation: "name",
    PartnershipPlan: "academic_year",
    MethodReport: "academic_year",
}
"""The field whose value joins a record to its rows on other sheets, where the default is poor."""
WORKBOOK_KEY = "__workbook_key__"
"""A class attribute naming the key field of a model made at run time (a template's)."""
EXTRA_COLUMNS = "__workbook_extra_columns__"
"""A class attribute: True when columns no field uses are left out, not refused."""

REQUISITE_CHECKS: dict[Callable[[str], str], str] = {
    rq.validate_inn: "inn",
    rq.validate_kpp: "kpp",
    rq.validate_ogrn: "ogrn",
    rq.validate_bik: "bik",
    rq.validate_okpo: "okpo",
    rq.validate_oktmo: "oktmo",
    rq.validate_phone: "phone",
    rq.validate_email: "email",
}
_ACCOUNT_FIELDS = frozenset({"account", "correspondent_account"})
_DISPLAY_CHOICES: dict[tuple[type[BaseModel], str], tuple[str, ...]] = {
    (Person, "gender"): ("м", "ж"),
}
WHOLE_NAME = "ФИО"


@dataclass
class _Collected:
    columns: list[Column] = field(default_factory=list)
    lists: list[ListGroup] = field(default_factory=list)
    required_models: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class _FieldType:
    base: Any
    metadata: tuple[Any, ...]
    optional: bool
    many: bool


def _field_type(info: FieldInfo) -> _FieldType:
    """Unwrap Annotated, Optional and list around a field's type, keeping the metadata."""
    annotation: Any = info.annotation
    metadata = list(info.metadata)
    optional = many = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata.extend(extra)
        elif origin in (typing.Union, types.UnionType):
            args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            optional = True
            if len(args) != 1:
                raise TypeError(f"cannot map a union {annotation!r} to a column")
            annotation = args[0]
        elif origin is list and not many:
            many = True
            annotation = typing.get_args(annotation)[0]
        else:
            return _FieldType(annotation, tuple(metadata), optional, many)


def data_key(name: str, info: FieldInfo) -> str:
    """Return the key a field is validated from: its alias when it has one."""
    if isinstance(info.validation_alias, str):
        return info.validation_alias
    return info.alias or name


def _is_model(base: Any) -> bool:
    return isinstance(base, type) and issubclass(base, BaseModel)


def _kind(base: Any) -> tuple[Kind, tuple[str, ...]]:
    """Return the kind of a plain value type and, for enumerations, its allowed values."""
    if typing.get_origin(base) is typing.Literal:
        return Kind.CHOICE, tuple(str(arg) for arg in typing.get_args(base))
    if isinstance(base, type) and issubclass(base, Enum):
        return Kind.CHOICE, tuple(str(member.value) for member in base)
    kinds: list[tuple[type, Kind]] = [
        (bool, Kind.BOOLEAN),
        (int, Kind.INTEGER),
        (Decimal, Kind.DECIMAL),
        (float, Kind.DECIMAL),
        (dt.date, Kind.DATE),
        (str, Kind.TEXT),
    ]
    for python_type, kind in kinds:
        if isinstance(base, type) and issubclass(base, python_type):
            return kind, ()
    raise TypeError(f"cannot map {base!r} to a column")


def _requisite(name: str, metadata: tuple[Any, ...]) -> str | None:
    for item in metadata:
        if isinstance(item, AfterValidator) and item.func in REQUISITE_CHECKS:
            return REQUISITE_CHECKS[item.func]
    return "account" if name in _ACCOUNT_FIELDS else None


def _default(info: FieldInfo) -> str | None:
    """Return a field's default as a user would type it, or None if there is none to show."""
    value = info.default
    if value is PydanticUndefined or value is None:
        return None
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def _add_title(titles: tuple[str, ...], title: str) -> tuple[str, ...]:
    """Append a title unless it repeats the one before (``contact.person`` is one idea)."""
    return titles if titles and titles[-1] == title else (*titles, title)


class _Walker:
    """Flatten one model class into columns, recursing into nested models."""

    def __init__(self, in_list: bool) -> None:
        self.found = _Collected()
        self.in_list = in_list

    def walk(self, model: type[BaseModel], path: Path, titles: tuple[str, ...], req: bool) -> None:
        for name, info in model.model_fields.items():
            self._field(model, name, info, path, titles, req)

    def _field(
        self,
        model: type[BaseModel],
        name: str,
        info: FieldInfo,
        path: Path,
        titles: tuple[str, ...],
        req: bool,
    ) -> None:
        spec = _field_type(info)
        here, title = (*path, data_key(name, info)), info.title or name
        own_titles = _add_title(titles, title)
        required = req and info.is_required()
        if _is_model(spec.base) and spec.many:
            self._list(spec.base, here, own_titles, info)
        elif _is_model(spec.base):
            if info.is_required():
                self.found.required_models.append(here)
            if spec.base is Person:
                self._whole_name(here, own_titles, info, required)
            self.walk(spec.base, here, own_titles, required)
        elif typing.get_origin(spec.base) is dict:
            self._mapping(spec.base, here, own_titles, info)
        else:
            self.found.columns.append(_column(model, name, info, spec, here, own_titles, required))

    def _list(
        self, item: type[BaseModel], path: Path, titles: tuple[str, ...], info: FieldInfo
    ) -> None:
        if self.in_list:
            raise TypeError(f"a list of models inside a list item ({path}) has no column layout")
        inner = _Walker(in_list=True)
        inner.walk(item, (), (), True)
        min_length = next((m.min_length for m in info.metadata if hasattr(m, "min_length")), 0)
        self.found.lists.append(
            ListGroup(
                path=path,
                titles=titles,
                title=titles[-1],
                description=info.description or "",
                columns=tuple(inner.found.columns),
                required_models=tuple(inner.found.required_models),
                min_length=int(min_length or 0),
                required=info.is_required(),
            )
        )

    def _whole_name(self, path: Path, titles: tuple[str, ...], info: FieldInfo, req: bool) -> None:
        self.found.columns.append(
            Column(
                path=path,
                titles=_add_title(titles, WHOLE_NAME),
                kind=Kind.PERSON,
                description=f"{info.description or ''} Одной ячейкой: «Фамилия Имя Отчество».",
                written=False,
            )
        )

    def _mapping(self, mapping: Any, path: Path, titles: tuple[str, ...], info: FieldInfo) -> None:
        key_type, value_type = typing.get_args(mapping)
        _, keys = _kind(key_type)
        kind, choices = _kind(value_type)
        manual_forms = set(keys) <= set(CASE_LABELS)
        for key in keys:
            label = CASE_LABELS[key].lower() if manual_forms else key  # type: ignore[index]
            self.found.columns.append(
                Column(
                    path=(*path, key),
                    titles=(*titles[:-1], f"{titles[-1]}: {label}"),
                    kind=kind,
                    choices=choices,
                    description=info.description or "",
                    written=not manual_forms,
                )
            )


def _column(
    model: type[BaseModel],
    name: str,
    info: FieldInfo,
    spec: _FieldType,
    path: Path,
    titles: tuple[str, ...],
    required: bool,
) -> Column:
    kind, choices = _kind(spec.base)
    shown = next((item for item in spec.metadata if isinstance(item, CellFormat)), None)
    note = f" {shown.note}" if shown is not None and shown.note else ""
    return Column(
        path=path,
        titles=titles,
        kind=kind,
        shown_as=shown.kind if shown is not None and shown.kind is not kind else None,
        names=shown is not None and shown.name,
        description=(info.description or "") + note,
        required=required,
        many=spec.many,
        choices=_DISPLAY_CHOICES.get((model, name), choices),
        requisite=_requisite(name, spec.metadata) if kind is Kind.TEXT else None,
        default=_default(info),
        aliases=tuple({name, data_key(name, info)} - {path[-1]}),
    )


def _with_headers(
    columns: list[Column], reserved: tuple[str, ...] = (), context: str = ""
) -> list[Column]:
    headers = display_headers([column.titles for column in columns], reserved, context)
    return [dataclasses.replace(c, header=h) for c, h in zip(columns, headers, strict=True)]


def _key_column(model: type[BaseModel], columns: list[Column]) -> Column | None:
    wanted = KEY_FIELDS.get(model) or getattr(model, WORKBOOK_KEY, None)
    for column in columns:
        if len(column.path) == 1 and (
            column.path[0] == wanted
            or (wanted is None and column.required and column.kind is Kind.TEXT)
        ):
            return column
    return None


def _sheet_titles(groups: list[ListGroup]) -> list[ListGroup]:
    """Give lists with the same last title a longer one: «Участники: возрастные группы»."""
    seen = [group.title for group in groups]
    renamed = []
    for group in groups:
        if seen.count(group.title) > 1:
            title = ": ".join([group.titles[0], *map(lower_first, group.titles[1:])])
            group = dataclasses.replace(group, title=title)
        renamed.append(group)
    return renamed


@functools.lru_cache(maxsize=64)
def layout_of(model: type[BaseModel]) -> Layout:
    """Return the column layout of a model (computed once per model class)."""
    walker = _Walker(in_list=False)
    walker.walk(model, (), (), True)
    columns = _with_headers(walker.found.columns)
    key = _key_column(model, columns) if walker.found.lists else None
    reserved = (key.header,) if key is not None else ()
    lists = [
        dataclasses.replace(
            group, columns=tuple(_with_headers(list(group.columns), reserved, group.title))
        )
        for group in walker.found.lists
    ]
    return Layout(
        model=model,
        columns=tuple(columns),
        lists=tuple(_sheet_titles(lists)),
        key=key,
        required_models=tuple(walker.found.required_models),
        extra_columns=bool(getattr(model, EXTRA_COLUMNS, False)),
    )
