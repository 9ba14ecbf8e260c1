"""Read data files (YAML or JSON) into plain Python data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from docgen.errors import InputError

YAML_SUFFIXES = frozenset({".yaml", ".yml"})
JSON_SUFFIXES = frozenset({".json"})


def read_text(path: Path) -> str:
    """Return a data file's text, accepting UTF-8 with or without a byte-order mark."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: файл не найден") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: это папка, а нужен файл YAML или JSON") from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: файл не в кодировке UTF-8 (байт {exc.start}); "
            "сохраните его как «UTF-8» в текстовом редакторе"
        ) from exc


def load_data(path: Path) -> dict[str, Any]:
    """Parse a YAML or JSON file whose top level is a mapping of keys to values."""
    suffix = path.suffix.lower()
    if suffix not in YAML_SUFFIXES | JSON_SUFFIXES:
        raise InputError(f"{path}: ожидается файл .yaml, .yml или .json, а не «{path.suffix}»")
    text = read_text(path)
    data = _parse_json(path, text) if suffix in JSON_SUFFIXES else _parse_yaml(path, text)
    if data is None:
        raise InputError(f"{path}: файл пустой")
    if not isinstance(data, dict):
        raise InputError(
            f"{path}: на верхнем уровне должны быть пары «ключ: значение», а найден {_kind(data)}"
        )
    return data


def _parse_yaml(path: Path, text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", строка {mark.line + 1}, позиция {mark.column + 1}" if mark else ""
        line = (
            text.splitlines()[mark.line].strip()
            if mark and mark.line < len(text.splitlines())
            else ""
        )
        shown = f": «{line}»" if line else ""
        raise InputError(
            f"{path}{where}{shown}: ошибка разметки YAML ({exc.problem}). "
            "Проверьте отступы (пробелы, не табуляция) и двоеточие после ключа"
        ) from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: ошибка разметки YAML ({exc})") from exc


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}, строка {exc.lineno}, позиция {exc.colno}: ошибка JSON ({exc.msg})"
        ) from exc


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "список"
    if isinstance(value, str):
        return "текст"
    return type(value).__name__
