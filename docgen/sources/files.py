"""Read data files (YAML or JSON) into plain Python data, within a size limit."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import yaml

from docgen.errors import InputError
from docgen.sources.problems import Loc
from docgen.sources.yaml_data import FLOAT_LIMIT, YamlDocument, parse_yaml

YAML_SUFFIXES = frozenset({".yaml", ".yml"})
JSON_SUFFIXES = frozenset({".json"})
DATA_SUFFIXES = YAML_SUFFIXES | JSON_SUFFIXES
DATA_FILE_LIMIT = 5 * 1024 * 1024
"""Largest data file read by default, in bytes: a contract is a few kilobytes, a plan tens."""


def read_text(path: Path, limit: int = DATA_FILE_LIMIT) -> str:
    """Return a data file's text (UTF-8, BOM or not), refusing one over ``limit`` bytes."""
    try:
        with path.open("rb") as file:
            raw = file.read(limit + 1)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: файл не найден") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: это папка, а нужен файл YAML или JSON") from exc
    except OSError as exc:
        raise InputError(f"{path}: не удалось прочитать файл ({exc.strerror or exc})") from exc
    if len(raw) > limit:
        raise InputError(
            f"{path}: файл данных больше {_megabytes(limit)}; в таком не описывают один "
            "документ — разделите данные на несколько файлов или возьмите таблицу .xlsx"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: файл не в кодировке UTF-8 (байт {exc.start}); "
            "сохраните его как «UTF-8» в текстовом редакторе"
        ) from exc


def read_data(path: Path, limit: int = DATA_FILE_LIMIT) -> tuple[dict[str, Any], dict[Loc, int]]:
    """Parse a YAML or JSON file whose top level is a mapping; return it and its keys' lines."""
    suffix = path.suffix.lower()
    if suffix not in DATA_SUFFIXES:
        raise InputError(f"{path}: ожидается файл .yaml, .yml или .json, а не «{path.suffix}»")
    text = read_text(path, limit)
    if suffix in JSON_SUFFIXES:
        document = YamlDocument(_parse_json(path, text))
    else:
        document = _parse_yaml(path, text)
    data = document.data
    if data is None:
        raise InputError(f"{path}: файл пустой")
    if not isinstance(data, dict):
        raise InputError(
            f"{path}: на верхнем уровне должны быть пары «ключ: значение», а найден {_kind(data)}"
        )
    return data, document.lines


def load_data(path: Path, limit: int = DATA_FILE_LIMIT) -> dict[str, Any]:
    """Parse a YAML or JSON file whose top level is a mapping of keys to values."""
    return read_data(path, limit)[0]


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.3g} МБ".replace(".", ",")


def _parse_yaml(path: Path, text: str) -> YamlDocument:
    try:
        return parse_yaml(text, str(path))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", строка {mark.line + 1}, позиция {mark.column + 1}" if mark else ""
        lines = text.splitlines()
        line = lines[mark.line].strip() if mark and mark.line < len(lines) else ""
        if len(line) > 80:
            line = line[:79] + "…"
        shown = f": «{line}»" if line else ""
        raise InputError(
            f"{path}{where}{shown}: ошибка разметки YAML ({exc.problem}). "
            "Проверьте отступы (пробелы, не табуляция) и двоеточие после ключа"
        ) from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: ошибка разметки YAML ({exc})") from exc


def _parse_json(path: Path, text: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key, value in items:
            if key in mapping:
                raise InputError(f"{path}: ключ «{key}» записан в объекте дважды; оставьте один")
            mapping[key] = value
        return mapping

    def number(text: str) -> float | str:
        value = float(text)
        return value if math.isfinite(value) and abs(value) <= FLOAT_LIMIT else text

    def constant(name: str) -> Any:
        raise InputError(f"{path}: «{name}» — не число JSON; запишите значение в кавычках")

    try:
        return json.loads(
            text, object_pairs_hook=pairs, parse_float=number, parse_constant=constant
        )
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}, строка {exc.lineno}, позиция {exc.colno}: ошибка JSON ({exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise InputError(f"{path}: слишком глубокая вложенность объектов и списков") from exc


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "список"
    if isinstance(value, str):
        return "текст"
    return type(value).__name__
