"""The regulation template: title in the genitive, sections 1–13, appendices on new pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docgen.models import EventRegulation

NBSP = " "  # Rendered reads typography's no-break spaces as spaces (conftest.plain)
SECTIONS = [
    "Общие положения",
    "Цели и задачи",
    "Организаторы. Оргкомитет",
    "Участники",
    "Сроки, этапы и место проведения",
    "Порядок и условия проведения",
    "Номинации",
    "Требования к работам",
    "Критерии оценки",
    "Жюри",
    "Подведение итогов и награждение",
    "Финансирование",
    "Контактная информация",
]

Render = Callable[[str, Any], Any]


def _regulation(sample: Callable[..., Any], **changes: Any) -> EventRegulation:
    regulation = sample("samples/regulation.yaml", EventRegulation, **changes)
    assert isinstance(regulation, EventRegulation)
    return regulation


def test_title_stamps_and_thirteen_sections(render: Render, sample: Callable[..., Any]) -> None:
    document = render("regulation", _regulation(sample))
    assert document.headings == [f"{n}. {title}" for n, title in enumerate(SECTIONS, 1)]
    assert (
        "о проведении городского конкурса «Мастерская Деда Мороза», посвящённого Году "
        "народного искусства и нематериального культурного наследия народов России"
    ) in document.paragraphs
    agreed, approved = document.tables[0][0]
    assert agreed.startswith(
        "СОГЛАСОВАНО\nНачальник Управления образования Администрации г. Бийска\n"
        "_____________ Н.В. Орлова\n«___»"
    )
    assert approved == f"УТВЕРЖДЕНО\nприказом МБУ ДО «ЦВР»\nот 02.11.2026 №{NBSP}112"


def test_body_clauses_use_the_data_and_computed_values(
    render: Render, sample: Callable[..., Any]
) -> None:
    text = render("regulation", _regulation(sample)).text
    for clause in (
        "(далее — Конкурс), условия участия, порядок подведения итогов и награждения.",
        "1.2. Организатор Конкурса — Муниципальное бюджетное учреждение дополнительного "
        "образования «Центр внешкольной работы» (МБУ ДО «ЦВР») при поддержке "
        "МБУК «Музей «Наследие»», МБУК «ЦБС».",
        "1.3. Проведение Конкурса предусмотрено планом работы МБУ ДО «ЦВР» на 2026–2027 "
        "учебный год.",
        "2.1. Цель Конкурса — выявление и поддержка творчески одарённых детей",
        f"–{NBSP}5–7{NBSP}лет (дошкольники);",
        f"–{NBSP}11–14{NBSP}лет;",
        "4.3. Участие — индивидуальное. Количество заявок от одной организации — не более 5.",
        "5.1. Форма проведения Конкурса — очная.",
        f"6.1. Заявки на участие по форме (Приложение 1) принимаются до 4 декабря 2026{NBSP}г. "
        "включительно на электронную почту организатора вместе с фотографией работы: "
        "konkurs@cvr-biysk.ru.",
        "(Приложение 2) и согласие на обработку персональных данных, разрешённых для "
        "распространения (Приложение 3).",
        f"–{NBSP}соответствие теме конкурса (0–5{NBSP}баллов);",
        "9.2. Максимальная сумма баллов — 20.",
        "8.2. В номинации «Ёлочная игрушка»: игрушка выполнена из безопасных материалов",
        "8.3. В номинации «Рождественская открытка»: формат А5 или А4, любая техника.",
        f"11.1. Итоги Конкурса подводятся 14 декабря 2026{NBSP}г. и публикуются на сайте",
        "Соколова Ирина Владимировна — директор МБУ ДО «ЦВР», председатель оргкомитета;",
        "Черных Андрей Петрович — директор МБУК «Музей «Наследие»», председатель жюри;",
        "13.2. Ответственный — Ильина Светлана Борисовна, методист МБУ ДО «ЦВР», "
        "тел. 8 (3854) 33-22-15, e-mail: konkurs@cvr-biysk.ru.",
    ):
        assert clause in text


def test_stages_table(render: Render, sample: Callable[..., Any]) -> None:
    stages = render("regulation", _regulation(sample)).tables[1]
    assert stages[0] == ["Этап", "Сроки", "Место проведения"]
    assert stages[1][:2] == ["Приём заявок и работ", "16.11.2026 – 04.12.2026"]
    assert stages[2] == ["Работа жюри", "07.12.2026 – 11.12.2026", "—"]


def test_each_appendix_starts_a_new_page(render: Render, sample: Callable[..., Any]) -> None:
    document = render("regulation", _regulation(sample))
    marks = [p for p in document.document.paragraphs if p.text.startswith("Приложение ")]
    assert [p.text for p in marks] == ["Приложение 1", "Приложение 2", "Приложение 3"]
    assert all(p.paragraph_format.page_break_before for p in marks)
    text = document.text
    assert "на участие в городском конкурсе «Мастерская Деда Мороза»" in text
    assert "в соответствии со статьёй 9 Федерального закона от 27.07.2006" in text
    assert "в соответствии со статьёй 10.1 Федерального закона от 27.07.2006" in text
    assert "даю согласие Муниципальному бюджетному учреждению дополнительного образования" in text


def test_feminine_kind_and_appendices_renumbered(
    render: Render, sample: Callable[..., Any]
) -> None:
    regulation = _regulation(
        sample,
        kind="акция",
        level="районный",
        dedication="Дню Победы",
        appendices={"application_form": False},
        criteria=[],
        nominations=[],
        approval={},
        agreed_with=[],
        content_rating=None,
    )
    document = render("regulation", regulation)
    text = document.text
    assert "о проведении районной акции «Мастерская Деда Мороза», посвящённой Дню Победы" in (text)
    assert "(далее — Акция)" in text
    assert "6.1. Заявки на участие принимаются до" in text
    assert (
        "участника (Приложение 1) и согласие на обработку персональных данных, "
        "разрешённых для распространения (Приложение 2)." in text
    )
    assert "7.1. Деление на номинации не предусмотрено." in text
    assert "9.1. Работы оценивает жюри по критериям" in text
    assert not any(p.startswith("1.5.") for p in document.paragraphs)
    marks = [p for p in document.paragraphs if p.startswith("Приложение ")]
    assert marks == ["Приложение 1", "Приложение 2"]
    approved = document.tables[0][0][1]
    assert approved.startswith(
        f"УТВЕРЖДАЮ\nДиректор МБУ ДО «ЦВР»\n_____________ И.В.{NBSP}Соколова\n«___»"
    )


def test_plural_kind_agrees_the_level(render: Render, sample: Callable[..., Any]) -> None:
    regulation = _regulation(sample, kind="соревнования", level="открытый", dedication=None)
    text = render("regulation", regulation).text
    assert "о проведении открытых соревнований «Мастерская Деда Мороза»\n" in text
    assert "(далее — Соревнования)" in text
    assert "1.2. Организатор Соревнований —" in text
