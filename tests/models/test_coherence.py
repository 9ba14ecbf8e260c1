"""Coherence rules checked before rendering: each names both fields that disagree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docgen.models import Agreement, EventRegulation, PartnershipPlan
from docgen.models.plan import basis_date
from docgen.sources import load_data, load_model
from docgen.sources.loader import InvalidData, validate_data

REPO = Path(__file__).resolve().parents[2]


def data(name: str) -> dict[str, Any]:
    return load_data(REPO / name)


def test_a_contract_cannot_enter_into_force_before_it_is_signed() -> None:
    contract = data("contracts/2026-001-school-5.yaml")  # dated 24.08.2026
    contract["term"]["start"] = "20.08.2026"
    with pytest.raises(InvalidData) as caught:
        validate_data(contract, Agreement, "договор.yaml")
    message = str(caught.value)
    assert "term.start (Действует с) 20.08.2026 раньше даты договора date (Дата) 24.08.2026" in (
        message
    )
    assert "«вступает в силу с момента подписания»" in message


@pytest.mark.parametrize("start", [None, "24.08.2026", "01.09.2026"])
def test_a_contract_enters_into_force_on_signing_or_later(start: str | None) -> None:
    contract = data("contracts/2026-001-school-5.yaml")
    contract["term"]["start"] = start
    agreement = validate_data(contract, Agreement, "договор.yaml")
    assert (agreement.term.start is None) == (start is None)


def test_every_sample_contract_enters_into_force_on_or_after_its_date() -> None:
    for path in sorted((REPO / "contracts").glob("*.yaml")):
        agreement = load_model(path, Agreement)
        assert agreement.term.start is None or agreement.term.start >= agreement.date, path


def test_a_plan_never_cites_a_contract_signed_after_it() -> None:
    plan = data("samples/plan.yaml")
    plan["approval"] = {"date": "26.08.2026"}
    with pytest.raises(InvalidData) as caught:
        validate_data(plan, PartnershipPlan, "план.yaml")
    message = str(caught.value)
    assert "partners[4].basis «соглашение № СП-2026/004 от 27.08.2026»" in message
    assert "позже даты утверждения плана approval.date 26.08.2026" in message


def test_a_plan_approved_by_order_is_checked_against_the_order_date() -> None:
    plan = data("samples/plan.yaml")
    plan["approval"] = {"order_number": "5", "order_date": "25.08.2026"}
    with pytest.raises(InvalidData, match=r"approval\.order_date 25\.08\.2026"):
        validate_data(plan, PartnershipPlan, "план.yaml")


def test_the_sample_plan_is_approved_after_every_contract_it_cites() -> None:
    plan = load_model(REPO / "samples" / "plan.yaml", PartnershipPlan)
    approved = plan.approval.signed_on
    assert approved is not None
    cited = [basis_date(row.basis) for row in plan.partners if row.basis]
    assert cited and all(day is not None and day <= approved for day in cited)


def test_basis_date_reads_the_date_after_ot() -> None:
    assert str(basis_date("договор № СП-2026/001 от 24.08.2026")) == "2026-08-24"
    assert basis_date("устав") is None
    assert basis_date("договор от 31.02.2026") is None


@pytest.mark.parametrize(
    ("name", "model", "approval"),
    [
        ("samples/plan.yaml", PartnershipPlan, {"date": "31.08.2026"}),
        (
            "samples/regulation.yaml",
            EventRegulation,
            {"order_number": "1", "order_date": "02.11.2026"},
        ),
    ],
)
def test_agreed_blocks_are_dated_before_the_approval(
    name: str, model: type[PartnershipPlan | EventRegulation], approval: dict[str, str]
) -> None:
    document = data(name)
    document["approval"] = approval
    document["agreed_with"] = [
        {
            "position": "Начальник Управления образования",
            "name": "Н.В. Орлова",
            "date": "01.08.2026",
        },
        {"position": "Председатель профкома", "name": "А.А. Ершова", "date": "03.11.2026"},
    ]
    with pytest.raises(InvalidData) as caught:
        validate_data(document, model, name)
    message = str(caught.value)
    assert "agreed_with[1].date (СОГЛАСОВАНО, Председатель профкома) 03.11.2026" in message
    assert "позже даты утверждения approval." in message
    document["agreed_with"].pop()
    assert validate_data(document, model, name).agreed_with[0].date is not None
