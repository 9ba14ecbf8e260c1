"""Load the clause library and choose a contract's clauses from its partner type and forms.

The library is data: ``<folder>/types/*.yaml`` (one file per partner type), ``forms.yaml``
and ``common.yaml``, validated by ``docgen.models.clauses``. The caller says which folder
(``docgen.catalog`` passes the built-in one), so an installed copy reads its bundled files.
A list the agreement gives by hand (``obligations``, ``partner.directions``) replaces the
library's.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TypeVar

from docgen.errors import InputError
from docgen.language.filters import in_case
from docgen.models import Agreement, Centre
from docgen.models.clauses import (
    ClauseLibrary,
    CommonClauses,
    ContractClauses,
    FormsFile,
    PartnerTypeClauses,
)
from docgen.models.partners import PartnerType
from docgen.sources import load_model

M = TypeVar("M", FormsFile, CommonClauses)

TYPES_FOLDER = "types"
FORMS_FILE = "forms.yaml"
COMMON_FILE = "common.yaml"


@functools.cache
def load_clause_library(folder: Path) -> ClauseLibrary:
    """Read and validate every clause file in ``folder``; name the file of each problem."""
    types: dict[PartnerType, PartnerTypeClauses] = {}
    for path in sorted((folder / TYPES_FOLDER).glob("*.yaml")):
        clauses = load_model(path, PartnerTypeClauses)
        if clauses.type in types:
            raise InputError(f"{path}: тип «{clauses.type.value}» уже описан в другом файле")
        types[clauses.type] = clauses
    forms = _load(folder / FORMS_FILE, FormsFile).forms
    common = _load(folder / COMMON_FILE, CommonClauses)
    missing = [kind.value for kind in PartnerType if kind not in types]
    if missing:
        raise InputError(
            f"{folder / TYPES_FOLDER}: нет файлов с пунктами договора для типов партнёров: "
            + ", ".join(missing)
        )
    return ClauseLibrary(types=types, forms=forms, common=common)


def _load(path: Path, model: type[M]) -> M:
    if not path.is_file():
        raise InputError(f"{path}: нет файла библиотеки пунктов договора")
    return load_model(path, model)


class Party:
    """A contract party's label that a placeholder puts in a case: «{partner:dative}»."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __format__(self, case: str) -> str:
        word = self.label if case in ("", "nominative") else in_case(self.label, case)
        return f"«{word}»"


def contract_clauses(
    agreement: Agreement, centre: Centre, library: ClauseLibrary
) -> ContractClauses:
    """Return the directions, forms and obligations the contract prints, placeholders filled."""
    partner = agreement.partner
    kind = library.types[partner.type]
    forms = [library.forms[form] for form in dict.fromkeys(agreement.forms)]
    given = agreement.obligations
    parties = {"centre": Party(centre.label), "partner": Party(partner.label or "")}

    def chosen(own: list[str], side: str, defaults: list[str]) -> list[str]:
        if own:  # the agreement's own text is printed as written, braces and all
            return own
        texts = _unique([*defaults, *(text for form in forms for text in getattr(form, side))])
        return [text.format_map(parties) for text in texts]

    return ContractClauses(
        directions=partner.directions or kind.directions,
        forms=[form.wording.format_map(parties) for form in forms if form.wording],
        centre=chosen(given.centre, "centre", kind.centre),
        partner=chosen(given.partner, "partner", kind.partner),
        joint=chosen(given.joint, "joint", [*kind.joint, *library.common.joint]),
    )


def type_directions(kind: PartnerType, library: ClauseLibrary) -> str:
    """Return the directions of cooperation with a kind of partner as one phrase, capitalised."""
    text = "; ".join(library.types[kind].directions)
    return text[:1].upper() + text[1:]


def _unique(texts: list[str]) -> list[str]:
    """Return ``texts`` without repeats, in their order."""
    return list(dict.fromkeys(texts))


__all__ = [
    "ContractClauses",
    "contract_clauses",
    "load_clause_library",
    "type_directions",
]
