"""Guess which model a data file holds from its top-level keys, even when some are wrong."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from docgen.errors import InputError


@dataclass(frozen=True)
class Resemblance:
    """How well a file's top-level keys fit one model."""

    name: str
    """The model's name in ``MODELS``."""
    matched: int
    """Keys of the file that are fields of the model."""
    missing: tuple[str, ...]
    """Required fields the file lacks."""
    unknown: tuple[str, ...]
    """Keys of the file the model does not have."""

    @property
    def complete(self) -> bool:
        """Return whether every required field of the model is in the file."""
        return not self.missing

    @property
    def score(self) -> int:
        """Return the keys that fit less the keys that do not and the fields that lack."""
        return self.matched - len(self.unknown) - len(self.missing)


def resemblance(data: Mapping[str, Any], name: str, model: type[BaseModel]) -> Resemblance:
    """Return how well the top-level keys of ``data`` fit ``model``."""
    fields = model.model_fields
    keys = [str(key) for key in data]
    return Resemblance(
        name,
        matched=sum(key in fields for key in keys),
        missing=tuple(n for n, info in fields.items() if info.is_required() and n not in data),
        unknown=tuple(key for key in keys if key not in fields),
    )


def resemble_model(
    data: Mapping[str, Any], models: Mapping[str, type[BaseModel]], source: Path
) -> Resemblance:
    """Return the model the data fits, or the one it clearly resembles despite mistakes.

    Models are ranked by ``Resemblance.score``; on a tie a model whose required fields are
    all present wins. A model that lacks some must share at least two keys with the file,
    more than the file's keys it does not know. Otherwise the guess is refused, listing the
    models to choose from with ``--model``.
    """
    ranked = sorted(
        (resemblance(data, name, model) for name, model in models.items()),
        key=_rank,
        reverse=True,
    )
    if ranked:
        best = ranked[0]
        unique = len(ranked) == 1 or _rank(best) > _rank(ranked[1])
        plausible = best.complete or (best.matched >= 2 and best.matched > len(best.unknown))
        if unique and plausible:
            return best
    names = ", ".join(models)
    raise InputError(f"{source}: не удалось понять, что описывает файл; укажите --model ({names})")


def _rank(item: Resemblance) -> tuple[int, bool]:
    return (item.score, item.complete)


def guess_model(
    data: Mapping[str, Any], models: Mapping[str, type[BaseModel]], source: Path
) -> str:
    """Return the name of the model the data's top-level keys fit or resemble best."""
    return resemble_model(data, models, source).name
