"""Regulation, plan and report models: computed totals come from rows, never typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from docgen.models import EventRegulation, MethodReport, PartnershipPlan
from docgen.models.report import percent


def sample(repo: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((repo / "samples" / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [(1, 3, 33.3), (2, 3, 66.7), (1, 8, 12.5), (0, 0, 0.0), (5, 5, 100.0)],
)
def test_percent_rounds_half_up_to_one_decimal(count: int, total: int, expected: float) -> None:
    assert percent(count, total) == expected


@pytest.mark.parametrize("written", ["2026-2027", "2026/2027", "2026 – 2027"])
def test_academic_year_is_normalised_to_an_en_dash(repo: Path, written: str) -> None:
    plan = PartnershipPlan.model_validate({**sample(repo, "plan.yaml"), "academic_year": written})
    assert plan.academic_year == "2026–2027"


def test_academic_year_years_must_follow(repo: Path) -> None:
    with pytest.raises(ValidationError, match="второй год"):
        PartnershipPlan.model_validate({**sample(repo, "plan.yaml"), "academic_year": "2026-2028"})


def test_plan_groups_events_by_month_in_date_order(repo: Path) -> None:
    plan = PartnershipPlan.model_validate(sample(repo, "plan.yaml"))
    months = [group.month for group in plan.months]
    assert months == [None, 9, 10, 11, 12, 3, 4, 5]
    assert [e.title for e in plan.months[2].events] == [
        "Покровские чтения",
        "Музейный урок «Бийск — ворота Алтая»",
        "Городской конкурс чтецов «Живое слово»",
    ]
    assert plan.participants_total == sum(event.count or 0 for event in plan.events) == 1970


def test_plan_row_without_directions_leaves_them_to_the_clause_library(repo: Path) -> None:
    plan = PartnershipPlan.model_validate(sample(repo, "plan.yaml"))
    eparchy = next(
        row for row in plan.partners if row.partner_type.value == "епархиальное управление"
    )
    assert eparchy.directions is None  # the plan's context fills them (tests/templates)


def test_regulation_totals_and_date_checks(repo: Path) -> None:
    data = sample(repo, "regulation.yaml")
    regulation = EventRegulation.model_validate(data)
    assert regulation.max_score == 20
    assert regulation.approval.by_order
    late = {**data, "application": {**data["application"], "deadline": "30.12.2026"}}
    with pytest.raises(ValidationError, match="после последнего этапа"):
        EventRegulation.model_validate(late)


def test_order_needs_number_and_date(repo: Path) -> None:
    data = {**sample(repo, "regulation.yaml"), "approval": {"order_number": "1"}}
    with pytest.raises(ValidationError, match="и номер, и дату"):
        EventRegulation.model_validate(data)


def test_report_staff_tables_are_computed(repo: Path) -> None:
    report = MethodReport.model_validate(sample(repo, "method-report.yaml"))
    assert report.staff_total == 16
    assert report.part_time_total == 2
    categories = {share.label: share for share in report.by_category}
    assert categories["высшая"].count == 4
    assert categories["высшая"].percent == 25.0
    assert categories["высшая"].previous == 3 and categories["высшая"].change == 1
    assert categories["педагог-наставник"].previous == 0
    assert sum(share.count for share in report.by_category) == 16
    assert report.qualified.count == 4 + 6 + 1 + 1
    assert report.qualified.percent == 75.0
    experience = {share.label: share.count for share in report.by_experience}
    assert experience == {
        "до 3 лет": 2,
        "3–4 года": 1,
        "5–9 лет": 4,
        "10–19 лет": 4,
        "20 лет и более": 5,
    }
    ages = {share.label: share.count for share in report.by_age}
    assert ages == {"до 35 лет": 6, "35–55 лет": 8, "старше 55 лет": 2}


def test_report_courses_programmes_and_contests(repo: Path) -> None:
    report = MethodReport.model_validate(sample(repo, "method-report.yaml"))
    assert report.course_hours == 72 + 36 + 72 + 36 + 16 + 108
    assert report.trained.count == 5  # Крюкова took two courses
    assert report.trained.percent == 31.3
    arts = report.by_focus[0]
    assert (arts.focus, arts.total, arts.new, arts.updated, arts.students) == (
        "техническая",
        1,
        0,
        1,
        36,
    )
    totals = report.programme_totals
    assert (totals.total, totals.new, totals.updated, totals.students) == (8, 2, 2, 285)
    levels = {row.level: row for row in report.contests_by_level}
    assert levels["муниципальный"].contests == 2 and levels["муниципальный"].awarded == 26
    assert report.contest_totals.participants == 145
    assert report.award_rate == percent(31, 145)
    dynamics = {change.label: change.difference for change in report.dynamics}
    assert dynamics == {
        "Педагогов": 1,
        "Программ": 1,
        "Обучающихся по программам": 35,
        "Участников конкурсов": 25,
        "Победителей и призёров": 4,
    }
    assert report.survey_shares[0].percent == 56.3
    assert report.events_coverage == 1110
    assert (
        report.assistance_by_form[0].label == "консультация"
        and report.assistance_by_form[0].count == 10
    )


def test_report_rejects_impossible_counts(repo: Path) -> None:
    data = sample(repo, "method-report.yaml")
    data["contests"][0]["winners"] = 80
    with pytest.raises(ValidationError, match="больше, чем участников"):
        MethodReport.model_validate(data)
    data = sample(repo, "method-report.yaml")
    del data["survey_respondents"]
    with pytest.raises(ValidationError, match="Опрошено педагогов"):
        MethodReport.model_validate(data)
