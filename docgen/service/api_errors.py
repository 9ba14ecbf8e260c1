"""Say in Russian what is wrong with a request FastAPI could not even parse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_WHERE = {"body": "тело запроса", "query": "параметр", "path": "адрес", "header": "заголовок"}
_MESSAGES = {
    "missing": "обязательное поле не заполнено",
    "json_invalid": "это не JSON: проверьте кавычки и запятые",
    "model_attributes_type": "ожидается объект JSON {…}",
    "dict_type": "ожидается объект JSON {…}",
    "string_type": "ожидается текст",
    "int_parsing": "ожидается целое число",
    "int_type": "ожидается целое число",
    "bool_parsing": "ожидается true или false",
    "date_from_datetime_parsing": "ожидается дата: 2026-11-26",
    "date_parsing": "ожидается дата: 2026-11-26",
    "greater_than_equal": "значение слишком мало",
    "less_than_equal": "значение слишком велико",
    "enum": "такого значения нет в списке",
    "literal_error": "такого значения нет в списке",
}


def request_problems(errors: Sequence[Any]) -> list[dict[str, str]]:
    """Return each error of a request as ``{"loc", "message"}`` in Russian."""
    problems = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        where = _WHERE.get(loc[0], loc[0]) if loc else "запрос"
        path = ".".join(loc[1:])
        message = _MESSAGES.get(str(error.get("type")), "недопустимое значение")
        if error.get("type") in ("enum", "literal_error") and error.get("ctx", {}).get("expected"):
            expected = str(error["ctx"]["expected"]).replace(" or ", " или ")
            message += f": допустимы {expected}"
        problems.append({"loc": f"{where} {path}".strip(), "message": message})
    return problems
