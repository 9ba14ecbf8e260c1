"""Statuses on a given day: drafts, signed, expired, terminated, and self-renewal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docgen.models import Agreement
from docgen.register import AgreementRecord, Standing, Status
from docgen.register.status import add_months, current_end
from docgen.sources import load_model

D = dt.date


def sample(contracts: Path, name: str, **term: object) -> Agreement:
    agreement = load_model(contracts / name, Agreement)
    if term:
        agreement = agreement.model_copy(update={"term": agreement.term.model_copy(update=term)})
    return agreement


def test_a_signed_agreement_expires_the_day_after_its_end(contracts: Path) -> None:
    record = AgreementRecord(sample(contracts, "2026-003-sports-school.yaml"), Status.SIGNED)
    assert record.standing(D(2027, 5, 31)) == Standing(Status.SIGNED, D(2027, 5, 31))
    assert record.standing(D(2027, 6, 1)) == Standing(Status.EXPIRED, D(2027, 5, 31))


def test_a_self_renewing_year_rolls_forward_by_whole_years(contracts: Path) -> None:
    record = AgreementRecord(sample(contracts, "2026-001-school-5.yaml"), Status.SIGNED)
    assert record.standing(D(2027, 8, 31)) == Standing(Status.SIGNED, D(2027, 8, 31))
    assert record.standing(D(2027, 9, 1)) == Standing(Status.SIGNED, D(2028, 8, 31), 1)
    assert record.standing(D(2030, 1, 10)) == Standing(Status.SIGNED, D(2030, 8, 31), 3)


def test_a_term_of_odd_length_rolls_forward_by_days(contracts: Path) -> None:
    agreement = sample(contracts, "2026-005-newspaper.yaml")  # 28.08.2026 – 31.12.2027
    length = (D(2027, 12, 31) - D(2026, 8, 28)).days + 1
    end, count = current_end(agreement, None, D(2028, 1, 1))
    assert (end, count) == (D(2027, 12, 31) + dt.timedelta(days=length), 1)
    # Without a start the term runs from the signing day: 01.10.2026 makes it 15 months.
    assert current_end(agreement, D(2026, 10, 1), D(2028, 1, 1)) == (D(2029, 3, 31), 1)


def test_a_month_end_term_keeps_month_ends(contracts: Path) -> None:
    agreement = sample(
        contracts,
        "2026-003-sports-school.yaml",
        start=D(2026, 3, 1),
        end=D(2026, 5, 31),
        auto_prolongation=True,
    )
    assert current_end(agreement, None, D(2026, 6, 1)) == (D(2026, 8, 31), 1)
    assert current_end(agreement, None, D(2026, 9, 1)) == (D(2026, 11, 30), 2)


def test_terminated_and_draft_agreements_neither_expire_nor_renew(contracts: Path) -> None:
    agreement = sample(contracts, "2026-001-school-5.yaml")
    ended = AgreementRecord(agreement, Status.TERMINATED, D(2026, 9, 1), D(2027, 3, 1))
    assert ended.standing(D(2028, 1, 1)) == Standing(Status.TERMINATED, D(2027, 3, 1))
    draft = AgreementRecord(agreement, Status.DRAFT)
    assert draft.standing(D(2028, 1, 1)) == Standing(Status.DRAFT, D(2027, 8, 31))


def test_a_termination_from_a_later_day_ends_the_term_then(contracts: Path) -> None:
    agreement = sample(contracts, "2026-001-school-5.yaml")
    record = AgreementRecord(agreement, Status.TERMINATED, D(2026, 9, 1), D(2027, 3, 1))
    now = record.standing(D(2027, 2, 1))
    assert now == Standing(Status.SIGNED, D(2027, 3, 1))
    assert now.expires_within(D(2027, 2, 1), 30)


@pytest.mark.parametrize(
    ("today", "days", "expected"),
    [
        (D(2027, 4, 1), 60, True),
        (D(2027, 4, 1), 59, False),
        (D(2027, 5, 31), 0, True),
        (D(2027, 6, 1), 60, False),  # already expired
    ],
)
def test_expiring_within_counts_days_inclusively(
    contracts: Path, today: dt.date, days: int, expected: bool
) -> None:
    record = AgreementRecord(sample(contracts, "2026-003-sports-school.yaml"), Status.SIGNED)
    assert record.standing(today).expires_within(today, days) is expected


def test_an_open_ended_agreement_never_expires(contracts: Path) -> None:
    record = AgreementRecord(sample(contracts, "2026-004-library.yaml"), Status.SIGNED)
    now = record.standing(D(2099, 1, 1))
    assert now == Standing(Status.SIGNED, None)
    assert not now.expires_within(D(2099, 1, 1), 10_000)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [(D(2027, 1, 31), 1, D(2027, 2, 28)), (D(2027, 11, 15), 3, D(2028, 2, 15))],
)
def test_add_months_clamps_to_the_months_end(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected
