"""Guess which model a data file holds from its top-level keys."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from docgen.errors import InputError


def guess_model(
    data: Mapping[str, Any], models: Mapping[str, type[BaseModel]], source: Path
) -> str:
    """Return the name of the one model whose fields fit the data's top-level keys best."""
    keys = set(data)
    scored = []
    for name, model in models.items():
        fields = set(model.model_fields)
        required = {n for n, info in model.model_fields.items() if info.is_required()}
        if required <= keys:
            scored.append((len(keys & fields) - len(keys - fields), name))
    scored.sort(reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        names = ", ".join(models)
        raise InputError(
            f"{source}: не удалось понять, что описывает файл; укажите --model ({names})"
        )
    return scored[0][1]
