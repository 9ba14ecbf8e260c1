"""Read the year's problems from the analysis's data: a fall is named as a fall.

The section «Проблемы» of the analysis of the methodological service is not written by
hand: every count that fell against last year, the share of winners when it fell and the
difficulties most teachers named are stated plainly, so «Выводы» cannot hide them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.models.report_rows import percent

if TYPE_CHECKING:
    from docgen.models.report import MethodReport

COUNTS = {
    "Педагогов": "число педагогов",
    "Программ": "число программ",
    "Обучающихся по программам": "число обучающихся по программам",
    "Участников конкурсов": "число участников конкурсов",
    "Победителей и призёров": "число победителей и призёров конкурсов",
}
"""The subject of «… снизилось с 27 до 25» for each count of ``MethodReport.dynamics``."""
SURVEY_SHARE = 30.0
"""A difficulty named by at least this share of the teachers asked is a problem."""


def decimal_comma(value: float) -> str:
    """Return «21,4» for 21.4: a Russian decimal comma, one decimal."""
    return f"{value:.1f}".replace(".", ",")


def year_problems(report: MethodReport) -> list[str]:
    """Return the problems of the year, each a clause that can end with «;» or «.»."""
    problems = [
        f"{COUNTS.get(change.label, change.label)} снизилось с {change.previous} до "
        f"{change.current}"
        for change in report.dynamics
        if change.difference < 0
    ]
    last = report.previous_year
    if last is not None and last.contest_participants and report.contests:
        before = percent(last.contest_awards, last.contest_participants)
        if report.award_rate < before:
            problems.append(
                "доля победителей и призёров от числа участников конкурсов снизилась с "
                f"{decimal_comma(before)} % до {decimal_comma(report.award_rate)} %"
            )
    for share in report.survey_shares:
        if share.percent >= SURVEY_SHARE:
            problems.append(
                f"{decimal_comma(share.percent)} % опрошенных педагогов называют затруднение "
                f"«{share.label}»"
            )
    return problems
