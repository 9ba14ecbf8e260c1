"""Turn pydantic's validation errors into Russian messages that name the key path."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

Loc = tuple[int | str, ...]


@dataclass(frozen=True)
class Problem:
    """One invalid value: where it is (key path), its field title and what is wrong."""

    loc: Loc
    title: str | None
    message: str

    @property
    def path(self) -> str:
        """Return the key path as written in a data file: ``activities[2].title``."""
        return format_path(self.loc)

    def describe(self) -> str:
        """Return «path (title): message»."""
        where = self.path or "(весь документ)"
        if self.title:
            where += f" ({self.title})"
        return f"{where}: {self.message}"


def count_errors(count: int) -> str:
    """Return «1 ошибка», «3 ошибки», «5 ошибок»."""
    from docgen.language import count_with_noun  # loads the analyser only when reporting

    return count_with_noun(count, "ошибка")


def format_path(loc: Sequence[int | str]) -> str:
    """Join a location into ``a.b[0].c``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def problems_from(error: ValidationError, model: type[BaseModel]) -> list[Problem]:
    """Translate every error of a failed validation, in the order pydantic found them."""
    return [_problem(detail, model) for detail in error.errors(include_url=False)]


def _problem(detail: ErrorDetails, model: type[BaseModel]) -> Problem:
    loc: Loc = tuple(detail["loc"])
    if detail["type"] == "extra_forbidden":
        return Problem(loc, None, _unknown_key(loc, model))
    field = field_at(model, loc)
    title = field.title if field is not None else None
    return Problem(loc, title, _message(detail))


def _message(detail: ErrorDetails) -> str:
    kind, ctx = detail["type"], detail.get("ctx", {})
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", detail["msg"]))
    text = _MESSAGES.get(kind)
    if text is None:
        text = _range_message(kind, ctx) or f"недопустимое значение ({detail['msg']})"
    if kind in ("enum", "literal_error"):
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        text += ": " + ", ".join(f"«{value}»" for value in allowed)
    if kind not in _NO_VALUE and not isinstance(detail.get("input"), dict | list):
        text = f"«{_shorten(detail.get('input'))}» — {text}"
    return text


def _range_message(kind: str, ctx: dict[str, Any]) -> str | None:
    bounds = {
        "greater_than": "должно быть больше {gt}",
        "greater_than_equal": "должно быть не меньше {ge}",
        "less_than": "должно быть меньше {lt}",
        "less_than_equal": "должно быть не больше {le}",
    }
    template = bounds.get(kind)
    return template.format(**ctx) if template else None


_NO_VALUE = frozenset({"missing", "model_type", "dict_type", "model_attributes_type"})
_MESSAGES = {
    "missing": "обязательное поле не заполнено",
    "string_type": "ожидается текст",
    "string_too_short": "не может быть пустым",
    "int_parsing": "ожидается целое число",
    "int_type": "ожидается целое число",
    "int_from_float": "ожидается целое число",
    "float_parsing": "ожидается число",
    "decimal_parsing": "ожидается число, например 1500.50",
    "decimal_type": "ожидается число, например 1500.50",
    "bool_parsing": "ожидается «да» или «нет» (true / false)",
    "bool_type": "ожидается «да» или «нет» (true / false)",
    "date_parsing": "ожидается дата: 26.11.2026 или 2026-11-26",
    "date_type": "ожидается дата: 26.11.2026 или 2026-11-26",
    "date_from_datetime_parsing": "ожидается дата: 26.11.2026 или 2026-11-26",
    "date_from_datetime_inexact": "ожидается дата без времени",
    "enum": "такого значения нет в списке; допустимые",
    "literal_error": "такого значения нет в списке; допустимые",
    "list_type": "ожидается список (строки, начинающиеся с «- »)",
    "too_short": "список не может быть пустым",
    "model_type": "ожидается набор полей «ключ: значение»",
    "model_attributes_type": "ожидается набор полей «ключ: значение»",
    "dict_type": "ожидается набор полей «ключ: значение»",
}


def _shorten(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unknown_key(loc: Loc, model: type[BaseModel]) -> str:
    key = str(loc[-1])
    parent = model_at(model, loc[:-1])
    known = dict(parent.model_fields) if parent is not None else {}
    message = f"неизвестный ключ «{key}»"
    suggestion = _closest_key(key, known)
    if suggestion:
        message += f"; возможно, имелось в виду «{suggestion}»"
    elif known:
        message += "; допустимые ключи: " + ", ".join(known)
    return message


def _closest_key(key: str, fields: dict[str, Any]) -> str | None:
    folded = key.lower().replace("ё", "е").replace("-", "_").strip()
    for name, info in fields.items():
        if folded in (name, str(info.title or "").lower().replace("ё", "е")):
            return name
    close = difflib.get_close_matches(folded, list(fields), n=1, cutoff=0.6)
    return close[0] if close else None


def model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """Return the model class found at a key path below ``model``, if there is one."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def field_at(model: type[BaseModel], loc: Loc) -> Any:
    """Return pydantic's FieldInfo for the last key of a path, if the path names a field."""
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return None
    parent = model_at(model, tuple(loc[: max(i for i, p in enumerate(loc) if isinstance(p, str))]))
    return parent.model_fields.get(names[-1]) if parent is not None else None


def _inner_model(annotation: Any) -> Any:
    """Unwrap Optional, list and dict to the model class they hold, if any."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, tuple, set, frozenset):
        for arg in typing.get_args(annotation):
            inner = _inner_model(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
        return None
    if origin is dict:
        return _inner_model(typing.get_args(annotation)[-1])
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    return annotation
