"""Joint events: grouping by partner and every total computed from the rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from docgen.models import (
    JointEvent,
    JointEventForm,
    JointEventsYear,
    MethodReport,
    PartnerYearReport,
    group_by_partner,
    held_events,
)
from docgen.models.approval import academic_year_of
from docgen.models.joint_events import partner_key
from docgen.models.report_rows import HeldEvent, Level
from docgen.sources import load_data

REPO = Path(__file__).resolve().parents[2]


def event(day: str, partner: str, people: int, form: str = "концерт", **extra: Any) -> JointEvent:
    """Return a valid joint event held on ``day`` (dd.mm.yyyy)."""
    data = {
        "date": day,
        "title": f"Мероприятие {day}",
        "form": form,
        "partner": partner,
        "participants": people,
        "responsible": "Ильина С.Б.",
        "unit": "отдел массовой работы",
        **extra,
    }
    return JointEvent.model_validate(data)


YEAR = [
    event("12.03.2026", "МБОУ «СОШ № 17»", 40, "акция"),
    event("19.09.2025", "МБОУ «СОШ № 5»", 68, "праздник"),
    event("03.10.2025", 'мбоу "СОШ №5"', 267, partner_inn="2204021669"),
    event("28.11.2025", "МБОУ «СОШ № 5»", 169),
    event("20.01.2026", "МБУК «ЦБС»", 25, "Библиотечный урок"),
    event("05.09.2025", "МБОУ «СОШ № 17»", 30, "акция"),
    event("07.05.2026", "МБОУ «СОШ № 5»", 162),
]


def test_a_row_reads_as_people_type_it_and_refuses_negative_participants() -> None:
    row = event("3.10.2025", "МБОУ «СОШ № 5»", 0, "МАСТЕР-КЛАСС", partner_inn=" 2204021669 ")
    assert row.date == dt.date(2025, 10, 3)
    assert row.form is JointEventForm.MASTER_CLASS
    assert row.partner_inn == "2204021669"
    with pytest.raises(ValidationError, match=r"greater than or equal to 0|не меньше 0"):
        event("03.10.2025", "МБОУ «СОШ № 5»", -1)
    with pytest.raises(ValidationError, match="контрольн"):
        event("03.10.2025", "МБОУ «СОШ № 5»", 5, partner_inn="2204021668")


def test_spellings_of_one_partner_are_one_partner() -> None:
    assert partner_key('МБОУ "СОШ №5"') == partner_key(" мбоу  «сош № 5» ")
    assert partner_key("МБДОУ «Берёзка»") == partner_key("МБДОУ «Березка»")
    assert partner_key("МБОУ «СОШ № 5»") != partner_key("МБОУ «СОШ № 15»")


def test_group_by_partner_orders_partners_by_name_and_events_by_date() -> None:
    reports = group_by_partner(YEAR, "2025–2026")
    assert [report.partner for report in reports] == [
        "МБОУ «СОШ № 5»",
        "МБОУ «СОШ № 17»",
        "МБУК «ЦБС»",
    ]
    school = reports[0]
    assert [e.date.isoformat() for e in school.events] == [
        "2025-09-19",
        "2025-10-03",
        "2025-11-28",
        "2026-05-07",
    ]
    assert school.partner_inn == "2204021669", "the first ИНН given is the partner's"
    assert school.academic_year == "2025–2026"
    assert (school.events_count, school.participants_total) == (4, 68 + 267 + 169 + 162)
    assert (school.first_date, school.last_date) == (dt.date(2025, 9, 19), dt.date(2026, 5, 7))


def test_totals_by_form_and_by_month_come_from_the_rows() -> None:
    (school,) = [r for r in group_by_partner(YEAR, "2025–2026") if "5" in r.partner]
    forms = [(row.form, row.events, row.participants, row.percent) for row in school.by_form]
    assert forms == [("концерт", 3, 267 + 169 + 162, 75.0), ("праздник", 1, 68, 25.0)]
    months = [(m.year, m.month, m.events, m.participants) for m in school.by_month]
    assert months == [
        (2025, 9, 1, 68),
        (2025, 10, 1, 267),
        (2025, 11, 1, 169),
        (2026, 5, 1, 162),
    ]
    assert school.by_month[-1].first_day == dt.date(2026, 5, 1)


def test_the_year_section_counts_partners_months_and_forms() -> None:
    section = JointEventsYear(academic_year="2025/2026", events=YEAR)
    assert section.academic_year == "2025–2026"
    assert section.events_count == 7
    assert section.participants_total == sum(e.participants for e in YEAR) == 761
    assert section.partners_count == 3
    by_partner = [(row.partner, row.events, row.participants) for row in section.by_partner]
    assert by_partner == [
        ("МБОУ «СОШ № 5»", 4, 666),
        ("МБОУ «СОШ № 17»", 2, 70),
        ("МБУК «ЦБС»", 1, 25),
    ]
    assert [(m.month, m.events) for m in section.by_month] == [
        (9, 2), (10, 1), (11, 1), (1, 1), (3, 1), (5, 1)
    ]  # fmt: skip
    assert sum(m.participants for m in section.by_month) == 761
    assert [len(group.events) for group in section.months] == [2, 1, 1, 1, 1, 1]
    assert section.events[0].date == dt.date(2025, 9, 5), "events are kept in date order"
    shares = {row.form: row.percent for row in section.by_form}
    assert shares == {"концерт": 42.9, "акция": 28.6, "праздник": 14.3, "библиотечный урок": 14.3}


def test_reports_refuse_events_of_another_year_or_partner() -> None:
    with pytest.raises(ValidationError, match="не входит в 2025–2026 учебный год"):
        JointEventsYear(academic_year="2025–2026", events=[event("01.09.2026", "МБУК «ЦБС»", 5)])
    with pytest.raises(ValidationError, match="а отчёт — о «МБУК «ЦБС»»"):
        PartnerYearReport(partner="МБУК «ЦБС»", academic_year="2025–2026", events=YEAR[:2])
    with pytest.raises(ValidationError, match=r"at least 1|хотя бы"):
        PartnerYearReport(partner="МБУК «ЦБС»", academic_year="2025–2026", events=[])
    assert academic_year_of(dt.date(2026, 8, 31)) == "2025–2026"
    assert academic_year_of(dt.date(2026, 9, 1)) == "2026–2027"


def test_held_events_fill_the_method_reports_events_table() -> None:
    rows = held_events(YEAR, Level.MUNICIPAL)
    assert all(isinstance(row, HeldEvent) for row in rows)
    assert rows[0].title == "Мероприятие 05.09.2025 (МБОУ «СОШ № 17»)"
    assert {row.level for row in rows} == {Level.MUNICIPAL}
    data = load_data(REPO / "samples" / "method-report.yaml")
    data["events_held"] = [row.model_dump() for row in rows]
    report = MethodReport.model_validate(data)
    assert report.events_coverage == 761
    section = JointEventsYear(academic_year="2025–2026", events=YEAR)
    assert [row.level for row in section.held_events] == [Level.INSTITUTION] * 7


def test_the_analysis_counts_the_joint_events_in_its_totals() -> None:
    data = load_data(REPO / "samples" / "method-report.yaml")
    own = MethodReport.model_validate(data)
    report = MethodReport.model_validate({**data, "joint_events": YEAR})
    assert own.joint_year is None
    assert (own.events_total, own.coverage_total) == (3, 1110)
    assert report.events_total == 3 + 7
    assert report.coverage_total == 1110 + 761
    joint = report.joint_year
    assert joint is not None
    assert (joint.events_count, joint.participants_total, joint.partners_count) == (7, 761, 3)


def test_an_event_in_both_lists_or_of_another_year_is_refused() -> None:
    data = load_data(REPO / "samples" / "method-report.yaml")
    twice = {**YEAR[1].model_dump(), "title": " день открытых  ДВЕРЕЙ", "date": "06.09.2025"}
    with pytest.raises(ValidationError, match=r"events_held.*joint_events.*дважды"):
        MethodReport.model_validate({**data, "joint_events": [*YEAR, twice]})
    late = event("01.09.2026", "МБУК «ЦБС»", 5)
    with pytest.raises(ValidationError, match="не входит в 2025–2026 учебный год"):
        MethodReport.model_validate({**data, "joint_events": [late]})
