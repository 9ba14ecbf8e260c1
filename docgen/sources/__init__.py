"""Read inputs (YAML/JSON files) into validated models with precise Russian messages."""

from __future__ import annotations

from docgen.sources.files import load_data
from docgen.sources.guess import guess_model
from docgen.sources.loader import data_files, format_problems, load_model, validate_data
from docgen.sources.problems import Problem

__all__ = [
    "Problem",
    "data_files",
    "format_problems",
    "guess_model",
    "load_data",
    "load_model",
    "validate_data",
]
