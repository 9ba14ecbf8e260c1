"""Load a data file into a validated model, reporting every problem of the file at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from docgen.errors import InputError
from docgen.sources.files import YAML_SUFFIXES, load_data, read_text
from docgen.sources.problems import Loc, Problem, count_errors, problems_from

M = TypeVar("M", bound=BaseModel)


class InvalidData(InputError):
    """Data that failed validation; ``problems`` names each invalid value by its key path.

    Front ends that show a form put each problem next to its field (``Problem.loc``).
    """

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


def validate_data(data: Any, model: type[M], source: str) -> M:
    """Validate already-read data; ``source`` names where it came from in messages."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc, model)
        raise InvalidData(format_problems(source, problems), problems) from exc


def load_model(path: Path, model: type[M]) -> M:
    """Read a YAML or JSON file and validate it as ``model``; name every problem's line."""
    data = load_data(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc, model)
        lines = _yaml_lines(path) if path.suffix.lower() in YAML_SUFFIXES else None
        raise InputError(format_problems(str(path), problems, lines)) from exc


def format_problems(
    source: str, problems: list[Problem], lines: dict[Loc, int] | None = None
) -> str:
    """Return one message listing every problem, each with its key path and line."""
    count = len(problems)
    header = f"{source}: {count_errors(count)} в данных"
    rows = []
    for problem in problems:
        line = _line_of(problem.loc, lines or {})
        prefix = f"строка {line}: " if line else ""
        rows.append(f"  - {prefix}{problem.describe()}")
    return "\n".join([header + ":", *rows])


def _line_of(loc: Loc, lines: dict[Loc, int]) -> int | None:
    """Return the line of the deepest key of ``loc`` present in the file."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _yaml_lines(path: Path) -> dict[Loc, int]:
    """Map every key path of a YAML file to its 1-based line number."""
    try:
        root = yaml.compose(read_text(path))
    except yaml.YAMLError:
        return {}
    lines: dict[Loc, int] = {}
    _walk(root, (), lines)
    return lines


def _walk(node: yaml.Node | None, loc: Loc, lines: dict[Loc, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*loc, str(key.value))
            lines[child] = key.start_mark.line + 1
            _walk(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*loc, index)
            lines[child] = item.start_mark.line + 1
            _walk(item, child, lines)


def data_files(paths: list[Path]) -> list[Path]:
    """Expand folders into the YAML and JSON files they hold, sorted; keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.iterdir() if p.suffix.lower() in YAML_SUFFIXES | {".json"})
            )
        else:
            found.append(path)
    return found
