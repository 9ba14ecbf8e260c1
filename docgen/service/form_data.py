"""Read a posted form back into nested data for a model, following the model's fields."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel
from starlette.datastructures import FormData as StarletteForm

from docgen.service.forms import CASE_NAMES, Shape, shape_of

FormData = Mapping[str, list[str]]
_EMPTY: Any = object()


def form_lists(form: StarletteForm) -> dict[str, list[str]]:
    """Return a posted form as lists of its text values by name (files are left out)."""
    return {key: [value for value in form.getlist(key) if isinstance(value, str)] for key in form}


def parse_form(
    model: type[BaseModel], form: FormData, prefix: str = "", exclude: Iterable[str] = ()
) -> dict[str, Any]:
    """Return the data of ``model``'s fields found in ``form``; empty inputs are left out."""
    skipped = set(exclude)
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in skipped:
            continue
        value = _value(shape_of(info.annotation), f"{prefix}{name}", form)
        if value is not _EMPTY:
            data[name] = value
    return data


def _value(shape: Shape, name: str, form: FormData) -> Any:
    if shape.kind == "group":
        nested = parse_form(shape.inner, form, prefix=f"{name}.")
        return _EMPTY if is_blank(nested) else nested
    if shape.kind == "rows":
        rows = [parse_form(shape.inner, form, f"{name}.{i}.") for i in _indices(name, form)]
        kept = [row for row in rows if not is_blank(row)]
        return kept if kept or _indices(name, form) else _EMPTY
    if shape.kind == "checkbox":
        return _first(form, name) not in ("", "false", "0", "off")
    if shape.kind == "lines":
        lines = [line.strip() for line in _first(form, name).splitlines()]
        return [line for line in lines if line] or _EMPTY
    if shape.kind == "multi":
        return [value for value in form.get(name, []) if value.strip()] or _EMPTY
    if shape.kind == "cases":
        forms = {case: _first(form, f"{name}.{case}") for case in CASE_NAMES}
        return {case: text for case, text in forms.items() if text} or _EMPTY
    return _first(form, name) or _EMPTY


def _first(form: FormData, name: str) -> str:
    values = form.get(name) or [""]
    return values[0].strip()


def _indices(name: str, form: FormData) -> list[int]:
    """Return the row numbers posted for a table ``name``, in order."""
    start = f"{name}."
    found = set()
    for key in form:
        if key.startswith(start):
            head = key[len(start) :].partition(".")[0]
            if head.isdigit() and len(head) < 4:
                found.add(int(head))
    return sorted(found)


def is_blank(value: Any) -> bool:
    """Tell whether parsed form data holds nothing typed (unticked boxes count as nothing)."""
    if isinstance(value, dict):
        return all(is_blank(item) for item in value.values())
    if isinstance(value, list):
        return all(is_blank(item) for item in value)
    return value is False or value == ""
