"""The samples are one world: every file names each partner as ``samples/partners.yaml`` does.

The same organisation has the same names, ИНН, head and bank details in the YAML contracts,
the agreements workbook, the joint events of the year, the plan and the положение; the plan
is approved after the contracts it cites and lists the events of their appendices.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.models import Agreement, EventRegulation, JointEvent, PartnershipPlan
from docgen.models.partners import Partner, PartnerList
from docgen.models.plan import basis_date
from docgen.sources import load_model
from docgen.sources.workbook.read import read_workbook

REPO = Path(__file__).resolve().parents[2]
UNITS = {
    "Местное отделение «Движения первых» г. Бийска",
    "ПДН МУ МВД России «Бийское»",
    "ОГИБДД МУ МВД России «Бийское»",
    "КДН и ЗП Администрации г. Бийска",
    "ОНД и ПР по г. Бийску",
}
"""Partners that are units of a larger body, not legal entities: a name, no ИНН."""


@pytest.fixture(scope="module")
def partners() -> PartnerList:
    return load_model(REPO / "samples" / "partners.yaml", PartnerList)


def contracts() -> list[Agreement]:
    paths = sorted((REPO / "contracts").glob("*.yaml"))
    return [load_model(path, Agreement) for path in paths]


def workbook_contracts() -> list[Agreement]:
    with read_workbook(REPO / "samples" / "agreements.xlsx", Agreement) as reading:
        return [record.model for record in reading.records() if record.model is not None]


def assert_same_partner(given: Partner, listed: Partner, where: str) -> None:
    """Fail unless ``given`` names, identifies, heads and banks the organisation as listed."""
    assert given.organisation.full_name == listed.organisation.full_name, where
    assert given.organisation.short_name == listed.organisation.short_name, where
    assert given.organisation.requisites == listed.organisation.requisites, where
    assert given.type is listed.type, where
    assert given.signer.person == listed.signer.person, where
    assert given.signer.position == listed.signer.position, where


def test_the_list_has_each_organisation_once_with_bank_details(partners: PartnerList) -> None:
    assert len(partners.partners) >= 20
    assert all(p.organisation.requisites.bank is not None for p in partners.partners)
    heads = [p.signer.person for p in partners.partners]
    assert len({(h.last_name, h.first_name, h.middle_name) for h in heads}) == len(heads)


@pytest.mark.parametrize("source", ["contracts", "agreements.xlsx"])
def test_every_contract_partner_is_the_listed_one(partners: PartnerList, source: str) -> None:
    agreements = contracts() if source == "contracts" else workbook_contracts()
    by_inn = {p.organisation.requisites.inn: p for p in partners.partners}
    assert len(agreements) >= 5
    for agreement in agreements:
        listed = by_inn.get(agreement.partner.organisation.requisites.inn)
        assert listed is not None, f"{source} {agreement.number}: not in partners.yaml"
        assert_same_partner(agreement.partner, listed, f"{source} {agreement.number}")


def test_joint_events_name_partners_and_inn_as_listed(partners: PartnerList) -> None:
    by_name = partners.by_short_name()
    with read_workbook(REPO / "samples" / "joint-events.xlsx", JointEvent) as reading:
        events = [record.model for record in reading.records() if record.model is not None]
    assert len(events) >= 150
    for event in events:
        if event.partner in UNITS:
            assert event.partner_inn is None
            continue
        listed = by_name.get(event.partner)
        assert listed is not None, f"{event.partner}: not in partners.yaml"
        assert event.partner_inn == listed.organisation.requisites.inn, event.partner


def test_the_plan_and_the_regulation_name_listed_partners(partners: PartnerList) -> None:
    names = set(partners.by_short_name()) | UNITS
    plan = load_model(REPO / "samples" / "plan.yaml", PartnershipPlan)
    for row in plan.partners:
        assert set(row.partners) <= names, row.partners
    regulation = load_model(REPO / "samples" / "regulation.yaml", EventRegulation)
    assert set(regulation.partners) <= names
    museum = partners.get("museum-heritage")
    jury = {member.person.last_name for member in regulation.jury}
    assert museum.signer.person.last_name in jury


def test_the_plan_cites_the_contracts_as_they_are(partners: PartnerList) -> None:
    plan = load_model(REPO / "samples" / "plan.yaml", PartnershipPlan)
    signed = {agreement.number: agreement for agreement in contracts()}
    cited = [row.basis for row in plan.partners if row.basis]
    assert len(cited) == len(signed)
    for basis in cited:
        number = next(n for n in signed if n in basis)
        assert basis_date(basis) == signed[number].date, basis
        assert basis.startswith(signed[number].kind.value)


def test_the_plan_lists_the_events_of_the_contracts_appendices() -> None:
    plan = load_model(REPO / "samples" / "plan.yaml", PartnershipPlan)
    for agreement in contracts():
        short = agreement.partner.organisation.short_name
        for activity in agreement.activities:
            if activity.start is not None:
                same_day = [e for e in plan.events if e.start == activity.start]
                assert any(short in (e.partner or "") for e in same_day), activity.title
            else:
                assert any(e.title.startswith(activity.title) for e in plan.events), activity
