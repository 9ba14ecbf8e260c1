"""Load a data file into a validated model, reporting every problem of the file at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from docgen.errors import InputError
from docgen.sources.files import DATA_FILE_LIMIT, DATA_SUFFIXES, read_data
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


def load_model(path: Path, model: type[M], limit: int = DATA_FILE_LIMIT) -> M:
    """Read a YAML or JSON file and validate it as ``model``; name every problem's line."""
    data, lines = read_data(path, limit)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc, model)
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


def data_files(paths: list[Path]) -> list[Path]:
    """Expand folders into the YAML and JSON files they hold, sorted; keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in DATA_SUFFIXES))
        else:
            found.append(path)
    return found
