"""Every demo contract, from YAML or from a workbook row, has specific clauses and sane dates.

The contracts are rendered, reopened with python-docx and read as the secretary who signs
them: sections 1.2, 1.3 and 2.1–2.3 are cut out of the text by their numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docgen.models import Agreement
from docgen.models.partners import PartnerType
from docgen.sources import load_model
from docgen.sources.workbook.read import read_workbook

REPO = Path(__file__).resolve().parents[2]
Render = Callable[[str, Any], Any]
MONTHS = [
    *("января", "февраля", "марта", "апреля", "мая", "июня"),
    *("июля", "августа", "сентября", "октября", "ноября", "декабря"),
]
_IN_FORCE = re.compile(r"вступает в силу с (\d{1,2}) (\w+) (\d{4}) г\.")


def yaml_agreements() -> list[Agreement]:
    return [load_model(path, Agreement) for path in sorted((REPO / "contracts").glob("*.yaml"))]


def workbook_agreements() -> list[Agreement]:
    with read_workbook(REPO / "samples" / "agreements.xlsx", Agreement) as reading:
        records = list(reading.records())
    assert all(record.ok for record in records)
    return [record.model for record in records if record.model is not None]


@pytest.fixture(scope="module")
def contracts(render: Render) -> list[tuple[Agreement, list[str]]]:
    """Return every demo agreement with the paragraphs of its rendered contract."""
    return [
        (agreement, render("contract", agreement).paragraphs)
        for agreement in [*yaml_agreements(), *workbook_agreements()]
    ]


def sub_items(paragraphs: list[str], number: str) -> list[str]:
    """Return the texts of «N.M. …» sub-items of clause ``number``, without the numbers."""
    prefix = re.compile(rf"^{re.escape(number)}\.\d+\. ")
    return [prefix.sub("", text) for text in paragraphs if prefix.match(text)]


def dash_items(paragraphs: list[str], heading: str) -> list[str]:
    """Return the «– …» items under the paragraph starting with ``heading``."""
    start = next(i for i, text in enumerate(paragraphs) if text.startswith(heading))
    items = []
    for text in paragraphs[start + 1 :]:
        if not text.startswith("– "):
            break
        items.append(text[2:])
    return items


def test_the_demo_has_contracts_of_every_partner_type(
    contracts: list[tuple[Agreement, list[str]]],
) -> None:
    assert {agreement.partner.type for agreement, _ in contracts} == set(PartnerType)


def test_centre_and_partner_obligations_differ_and_are_specific_to_the_partner_type(
    contracts: list[tuple[Agreement, list[str]]],
) -> None:
    by_type: dict[PartnerType, set[str]] = {}
    for agreement, paragraphs in contracts:
        items = {*sub_items(paragraphs, "2.1"), *sub_items(paragraphs, "2.2")}
        by_type.setdefault(agreement.partner.type, set()).update(items)
    for agreement, paragraphs in contracts:
        centre, partner = sub_items(paragraphs, "2.1"), sub_items(paragraphs, "2.2")
        assert centre != partner and not set(centre) & set(partner), agreement.number
        others = set().union(*(v for k, v in by_type.items() if k is not agreement.partner.type))
        for side in (centre, partner):
            specific = [text for text in side if text not in others]
            assert len(specific) >= 3, (agreement.number, side)
            assert all(text[:1].isupper() for text in side), "«2.1.1. Организовывать …»"


def test_joint_obligations_have_a_verb_after_the_parties(
    contracts: list[tuple[Agreement, list[str]]],
) -> None:
    for agreement, paragraphs in contracts:
        assert "2.3. Стороны обязуются совместно:" in paragraphs, agreement.number
        joint = sub_items(paragraphs, "2.3")
        assert joint and all(" совместн" not in text[:30] for text in joint), joint
        assert not any(text.startswith("2.3. Стороны совместно") for text in paragraphs)


def test_forms_never_name_the_contract_itself(
    contracts: list[tuple[Agreement, list[str]]],
) -> None:
    for agreement, paragraphs in contracts:
        if any(text.startswith("1.3.") for text in paragraphs):
            forms = dash_items(paragraphs, "1.3.")
            assert forms and not {"договоры;", "договоры.", "соглашения;", "соглашения."} & set(
                forms
            ), agreement.number


def test_directions_come_from_the_partner_type_without_stock_contradictions(
    contracts: list[tuple[Agreement, list[str]]],
) -> None:
    for agreement, paragraphs in contracts:
        directions = " ".join(dash_items(paragraphs, "1.2."))
        assert len(dash_items(paragraphs, "1.2.")) >= 3, agreement.number
        assert "«проблемных»" not in directions
        if agreement.partner.type is PartnerType.KINDERGARTEN:
            assert "подготовка детей к школе" not in directions
        if agreement.partner.type is PartnerType.PUBLIC:
            assert "антинаркотическ" not in directions


def test_no_contract_enters_into_force_before_its_date(
    contracts: list[tuple[Agreement, list[str]]],
) -> None:
    for agreement, paragraphs in contracts:
        clause = next(text for text in paragraphs if text.startswith("6.1. "))
        match = _IN_FORCE.search(clause)
        if match is None:
            assert "вступает в силу с момента его подписания Сторонами" in clause, clause
            continue
        day, month, year = match.groups()
        start = dt.date(int(year), MONTHS.index(month) + 1, int(day))
        assert start >= agreement.date, (agreement.number, clause)


def test_a_workbook_row_is_as_complete_as_a_hand_written_yaml(
    contracts: list[tuple[Agreement, list[str]]],
) -> None:
    yaml_numbers = {agreement.number for agreement in yaml_agreements()}
    for kind in (PartnerType.MUSEUM, PartnerType.LIBRARY, PartnerType.SPORTS_SCHOOL):
        made = [(a, p) for a, p in contracts if a.partner.type is kind]
        (written, from_yaml), (row, from_row) = sorted(
            made, key=lambda pair: pair[0].number not in yaml_numbers
        )[:2]
        assert written.number in yaml_numbers and row.number not in yaml_numbers
        for number in ("2.1", "2.2"):  # the same type-specific obligations, however made
            assert len(sub_items(from_row, number)) >= 4
            assert sub_items(from_row, number)[:3] == sub_items(from_yaml, number)[:3]
        assert len(sub_items(from_row, "2.3")) >= 2
        assert dash_items(from_row, "1.2.") == dash_items(from_yaml, "1.2.")
        requisites = "\n".join(from_row)
        assert "вступает в силу с момента его подписания" in requisites


def test_the_partner_requisites_have_bank_details(render: Render) -> None:
    for agreement in [*yaml_agreements(), *workbook_agreements()]:
        document = render("contract", agreement)
        requisites = next(t for t in document.tables if len(t) == 3 and len(t[0]) == 2)
        partner = requisites[1][1]
        bank = agreement.partner.organisation.requisites.bank
        assert bank is not None, agreement.number
        assert f"БИК {bank.bik}" in partner and bank.account in partner, agreement.number
