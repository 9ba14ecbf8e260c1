"""Read inputs (YAML/JSON files, Excel workbooks) into validated models with Russian messages.

The workbook functions load lazily (on first use) so that commands which never touch a
workbook do not pay for importing openpyxl.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from docgen.sources.files import load_data
from docgen.sources.guess import guess_model
from docgen.sources.loader import data_files, format_problems, load_model, validate_data
from docgen.sources.problems import Problem

if TYPE_CHECKING:
    from docgen.sources.workbook.messages import CellMessage
    from docgen.sources.workbook.read import (
        WorkbookReading,
        WorkbookRecord,
        load_workbook_models,
        read_workbook,
        validate_record,
    )
    from docgen.sources.workbook.template import Variable, template_model
    from docgen.sources.workbook.write import input_workbook, write_input_workbook

_LAZY = {
    "CellMessage": "docgen.sources.workbook.messages",
    "WorkbookReading": "docgen.sources.workbook.read",
    "WorkbookRecord": "docgen.sources.workbook.read",
    "load_workbook_models": "docgen.sources.workbook.read",
    "read_workbook": "docgen.sources.workbook.read",
    "validate_record": "docgen.sources.workbook.read",
    "Variable": "docgen.sources.workbook.template",
    "template_model": "docgen.sources.workbook.template",
    "input_workbook": "docgen.sources.workbook.write",
    "write_input_workbook": "docgen.sources.workbook.write",
}


def __getattr__(name: str) -> Any:
    """Import a workbook function the first time it is asked for."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CellMessage",
    "Problem",
    "Variable",
    "WorkbookReading",
    "WorkbookRecord",
    "data_files",
    "format_problems",
    "guess_model",
    "input_workbook",
    "load_data",
    "load_model",
    "load_workbook_models",
    "read_workbook",
    "template_model",
    "validate_data",
    "validate_record",
    "write_input_workbook",
]
