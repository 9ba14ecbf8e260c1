"""What a workbook table is made of: columns, lists of sub-models, and a model's layout.

These are the plain types every part of the workbook reader and writer passes around;
``docgen.sources.workbook.columns`` makes them from a model's fields (``layout_of``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel

Path = tuple[str, ...]


class Kind(StrEnum):
    """What a cell holds, which decides how a typed value is read."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    DATE = "date"
    CHOICE = "choice"
    PERSON = "person"  # a whole «Фамилия Имя Отчество» in one cell


@dataclass(frozen=True)
class CellFormat:
    """Field metadata: how the workbook shows a text field (a date column, a number column).

    The value is still read as text (what the spreadsheet shows); ``kind`` decides the column's
    format and validation in the workbook written to fill in, ``note`` is added to the header's
    note, ``name`` marks a column of names (read with their capitals and spaces put right).
    """

    kind: Kind
    note: str = ""
    name: bool = False


@dataclass(frozen=True)
class Column:
    """One column: where its value goes in the data and how to read and explain it."""

    path: Path
    titles: tuple[str, ...]
    kind: Kind
    description: str = ""
    required: bool = False
    many: bool = False
    choices: tuple[str, ...] = ()
    requisite: str | None = None
    default: str | None = None
    written: bool = True
    header: str = ""
    aliases: tuple[str, ...] = ()
    shown_as: Kind | None = None
    """The kind the workbook to fill in formats the column as, when not ``kind``."""
    names: bool = False
    """Whether the column holds names of people or organisations (normalised as read)."""

    @property
    def dotted(self) -> str:
        """Return the key path as a template writes it: ``signer.person.last_name``."""
        return ".".join(self.path)


@dataclass(frozen=True)
class ListGroup:
    """A list of sub-models whose items are rows: columns are relative to one item."""

    path: Path
    titles: tuple[str, ...]
    title: str
    description: str
    columns: tuple[Column, ...]
    required_models: tuple[Path, ...]
    min_length: int
    required: bool = False


@dataclass(frozen=True)
class Layout:
    """Every column of a model, its lists of sub-models and the key that joins them."""

    model: type[BaseModel]
    columns: tuple[Column, ...]
    lists: tuple[ListGroup, ...]
    key: Column | None
    required_models: tuple[Path, ...]
    extra_columns: bool = False
    """Whether a column that names no field is left out with a notice (a user's template,
    whose workbook carries phone numbers and notes no tag uses), not refused."""

    @property
    def single_list(self) -> ListGroup | None:
        """Return the one list a model is made of, when it has no columns of its own.

        Such a model (the centre's partners: a list of cards) is one record, and its list's
        sheet is the whole table.
        """
        return self.lists[0] if not self.columns and len(self.lists) == 1 else None

    def list_at(self, path: Path) -> ListGroup | None:
        """Return the list of sub-models stored at ``path``, if there is one."""
        return next((group for group in self.lists if group.path == path), None)
