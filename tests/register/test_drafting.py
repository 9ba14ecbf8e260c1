"""Agreements drafted from typed terms, partner cards saved by hand, the contract preview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from docgen.catalog import load_centre
from docgen.models import Partner
from docgen.register import Outcome, Register, list_agreements
from docgen.register.drafting import NEW_NUMBER, agreement_from_terms, create_agreement, peek_number
from docgen.register.partners import list_partners, save_partner
from docgen.register.preview import contract_preview
from docgen.sources.loader import InvalidData

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def museum() -> dict[str, Any]:
    """Return the sample agreement with a museum as data."""
    data: dict[str, Any] = yaml.safe_load((REPO / "contracts" / "2026-002-museum.yaml").read_text())
    return data


@pytest.fixture
def terms(museum: dict[str, Any]) -> dict[str, Any]:
    """Return the museum agreement's terms."""
    return {key: value for key, value in museum.items() if key not in ("number", "partner")}


def test_save_and_search_partners(register: Register, museum: dict[str, Any]) -> None:
    partner = Partner.model_validate(museum["partner"])
    assert save_partner(register, partner) is Outcome.ADDED
    assert save_partner(register, partner) is Outcome.UNCHANGED
    assert [p.organisation.short_name for p in list_partners(register, "НАСЛЕДИЕ")] == [
        "МБУК «Музей «Наследие»»"
    ]
    assert list_partners(register, "наследие 2204030991")
    assert list_partners(register, "школа") == []


def test_create_takes_a_number_only_when_the_terms_are_valid(
    register: Register, museum: dict[str, Any], terms: dict[str, Any]
) -> None:
    save_partner(register, Partner.model_validate(museum["partner"]))
    assert peek_number(register, 2026) == "СП-2026/001"
    with pytest.raises(InvalidData) as refused:
        create_agreement(register, "2204030991", {**terms, "copies": 20})
    assert [problem.path for problem in refused.value.problems] == ["copies"]
    assert peek_number(register, 2026) == "СП-2026/001"
    created = create_agreement(register, "2204030991", terms)
    assert created.number == "СП-2026/001"
    assert peek_number(register, 2026) == "СП-2026/002"
    assert [record.agreement.number for record, _ in list_agreements(register, created.date)] == [
        "СП-2026/001"
    ]


def test_preview_reads_the_rendered_contract(museum: dict[str, Any], terms: dict[str, Any]) -> None:
    partner = Partner.model_validate(museum["partner"])
    agreement = agreement_from_terms(partner, terms, NEW_NUMBER)
    preview = contract_preview(agreement, load_centre(REPO / "samples" / "centre.yaml"))
    assert preview.paragraphs[0].replace("\u00a0", " ") == f"ДОГОВОР № {NEW_NUMBER}"
    assert preview.paragraphs[-1].endswith("о\u00a0нижеследующем:")
    assert "в\u00a0лице директора Черных Андрея Петровича, действующего" in preview.paragraphs[-1]
    labels = {form.label: form.text for form in preview.forms}
    assert labels["Партнёр (творительный: «и кем»)"].startswith("Муниципальным бюджетным")
