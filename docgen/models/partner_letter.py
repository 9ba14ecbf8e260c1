"""Derive the parts of the letter a partner's year report is sent as: date and proposals.

The report to a partner is a letter on the centre's letterhead: an outgoing number and
date, the addressee, thanks, the year's table and proposals for the next year. What can be
computed from the year's events is computed here; the data may always say otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docgen.models.approval import next_academic_year

FORM_GENITIVE_PLURAL: dict[str, str] = {
    "концерт": "концертов",
    "спектакль": "спектаклей",
    "праздник": "праздников",
    "игровая программа": "игровых программ",
    "конкурс": "конкурсов",
    "фестиваль": "фестивалей",
    "выставка": "выставок",
    "соревнования": "соревнований",
    "квест": "квестов",
    "викторина": "викторин",
    "акция": "акций",
    "мастер-класс": "мастер-классов",
    "экскурсия": "экскурсий",
    "музейный урок": "музейных уроков",
    "библиотечный урок": "библиотечных уроков",
    "беседа": "бесед",
    "лекция": "лекций",
    "встреча": "встреч",
    "профпроба": "профпроб",
    "круглый стол": "круглых столов",
    "семинар": "семинаров",
    "консультация": "консультаций",
}
"""«продолжить проведение концертов»: each form of a joint event in the genitive plural."""


def next_working_day(day: dt.date) -> dt.date:
    """Return the first day after ``day`` that is not a Saturday or a Sunday."""
    following = day + dt.timedelta(days=1)
    while following.weekday() >= 5:
        following += dt.timedelta(days=1)
    return following


def derived_proposals(year: str, forms: Sequence[tuple[str, int]], events: int) -> list[str]:
    """Return proposals for the next year from this year's forms (form, participants) and count.

    ``forms`` come most frequent first. The proposals name the forms that gathered most
    people, ask for more forms when there were few, and for more events when there were few.
    """
    following = next_academic_year(year)
    proposals = [
        f"включить совместные мероприятия в план работы по социальному партнёрству на "
        f"{following} учебный год"
    ]
    popular = sorted(forms, key=lambda item: -item[1])[:2]
    names = [FORM_GENITIVE_PLURAL.get(form, form) for form, _ in popular]
    if names:
        proposals.append(
            f"продолжить проведение {' и '.join(names)}, собравших наибольшее число участников"
        )
    if len(forms) < 3:
        proposals.append("расширить перечень форм совместной работы")
    if events < 4:
        proposals.append("проводить совместные мероприятия не реже одного раза в четверть")
    start = following[:4]
    proposals.append(
        f"согласовать график совместных мероприятий на {following} учебный год до 15 сентября "
        f"{start} года"
    )
    return proposals
