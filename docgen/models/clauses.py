"""Define the clause library: what a contract says for each partner type and form of cooperation.

The texts live as YAML in ``templates/clauses/`` (one file per partner type, ``forms.yaml``
and ``common.yaml``); these models validate them. A clause may name a party by a
placeholder, ``{centre}`` or ``{partner:dative}``, which becomes the party's label from the
contract in that case («Центру», «Школы»); directions of cooperation are also printed in the
plan, where there are no labels, so they take none.
"""

from __future__ import annotations

import string
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from docgen.models.base import DocModel, Text
from docgen.models.partners import CooperationForm, PartnerType

PARTIES = ("centre", "partner")
"""The names a clause may use in a placeholder."""
CASES = ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional")
"""The cases a placeholder may ask for after the colon; none means the nominative."""

MIN_TYPE_DUTIES = 3
"""Each side's obligations per partner type: a contract needs at least three specific ones."""


def placeholders(text: str) -> list[tuple[str, str]]:
    """Return the (party, case) of every placeholder in ``text``."""
    found = []
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if conversion:
            raise ValueError(f"«{{{name}!{conversion}}}»: преобразования в подстановке не бывает")
        found.append((name, spec or "nominative"))
    return found


def _clause(text: str) -> str:
    """Check a clause: only known placeholders, starting with a lower-case letter."""
    try:
        found = placeholders(text)
    except ValueError as exc:
        raise ValueError(f"«{text}»: {exc}; фигурные скобки — только для подстановок") from exc
    for party, case in found:
        if party not in PARTIES:
            raise ValueError(
                f"«{text}»: неизвестная подстановка «{{{party}}}»; есть {{centre}} и {{partner}}"
            )
        if case not in CASES:
            raise ValueError(f"«{text}»: неизвестный падеж «{case}»; есть {', '.join(CASES)}")
    if text[:1].isupper() and text[1:2].islower():
        raise ValueError(f"«{text}»: подпункт после двоеточия начинается со строчной буквы")
    if text.endswith((".", ";", ",")):
        raise ValueError(f"«{text}»: знак в конце подпункта ставит шаблон, уберите его")
    return text


def _plain(text: str) -> str:
    """Check a phrase printed outside a contract too: no placeholders."""
    if placeholders(_clause(text)):
        raise ValueError(f"«{text}»: направления печатаются и в плане — без подстановок")
    return text


Clause = Annotated[Text, AfterValidator(_clause)]
"""One sub-item of a contract, lower-case, without the closing «;» or «.»."""
PlainClause = Annotated[Text, AfterValidator(_plain)]
"""A clause without placeholders (a direction of cooperation)."""


class Duties(DocModel):
    """Obligations of the centre, of the partner and of both, sub-item by sub-item."""

    centre: list[Clause] = Field(default_factory=list, title="Обязанности Центра")
    partner: list[Clause] = Field(default_factory=list, title="Обязанности партнёра")
    joint: list[Clause] = Field(default_factory=list, title="Стороны совместно")


class PartnerTypeClauses(Duties):
    """The clauses for one kind of partner: directions and each side's obligations."""

    type: PartnerType = Field(title="Тип учреждения")
    directions: list[PlainClause] = Field(min_length=2, title="Направления взаимодействия")
    centre: list[Clause] = Field(min_length=MIN_TYPE_DUTIES, title="Обязанности Центра")
    partner: list[Clause] = Field(min_length=MIN_TYPE_DUTIES, title="Обязанности партнёра")


class FormClauses(Duties):
    """How a contract names a form of cooperation and what the form adds to the obligations."""

    wording: Clause | None = Field(
        default=None,
        title="Как назвать в пункте о формах",
        description="Пусто — форма в договоре не перечисляется (сам договор, соглашение).",
    )


class FormsFile(DocModel):
    """``forms.yaml``: every form of cooperation by its name in the seed list."""

    forms: dict[CooperationForm, FormClauses]

    @model_validator(mode="after")
    def _all_forms(self) -> FormsFile:
        missing = [form.value for form in CooperationForm if form not in self.forms]
        if missing:
            raise ValueError(f"нет текстов для форм сотрудничества: {', '.join(missing)}")
        return self


class CommonClauses(DocModel):
    """``common.yaml``: what every contract says whatever the partner."""

    joint: list[Clause] = Field(min_length=1, title="Стороны совместно")


class ClauseLibrary(DocModel):
    """Every clause text: per partner type, per form, and the common ones."""

    types: dict[PartnerType, PartnerTypeClauses]
    forms: dict[CooperationForm, FormClauses]
    common: CommonClauses

    @model_validator(mode="after")
    def _all_types(self) -> ClauseLibrary:
        missing = [kind.value for kind in PartnerType if kind not in self.types]
        if missing:
            raise ValueError(f"нет текстов для типов партнёров: {', '.join(missing)}")
        return self


class ContractClauses(DocModel):
    """The clauses of one contract, chosen and filled in: what the template prints."""

    directions: list[Text] = Field(title="Направления взаимодействия (п. 1.2)")
    forms: list[Text] = Field(title="Формы сотрудничества (п. 1.3)")
    centre: list[Text] = Field(title="Обязанности Центра (п. 2.1)")
    partner: list[Text] = Field(title="Обязанности партнёра (п. 2.2)")
    joint: list[Text] = Field(title="Стороны совместно (п. 2.3)")
