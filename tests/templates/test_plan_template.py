"""The plan template: partners table, events grouped by month and numbered through the year."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docgen.models import PartnershipPlan

NBSP = " "  # Rendered reads typography's no-break spaces as spaces (conftest.plain)
Render = Callable[[str, Any], Any]


def _plan(sample: Callable[..., Any], **changes: Any) -> PartnershipPlan:
    plan = sample("samples/plan.yaml", PartnershipPlan, **changes)
    assert isinstance(plan, PartnershipPlan)
    return plan


def test_title_goal_and_tasks(render: Render, sample: Callable[..., Any]) -> None:
    document = render("plan", _plan(sample))
    assert [p for p in document.paragraphs if p][:3] == [
        "ПЛАН",
        "работы МБУ ДО «ЦВР» по социальному партнёрству",
        "на 2026–2027 учебный год",
    ]
    assert "Цель: создание единого образовательного пространства Центра" in document.text
    assert f"1){NBSP}расширить круг социальных партнёров и формы взаимодействия с ними;" in (
        document.text
    )
    assert document.tables[0][0][1] == (
        f"УТВЕРЖДАЮ\nДиректор МБУ ДО «ЦВР»\n_____________ И.В.{NBSP}Соколова\n"
        f"«31» августа 2026{NBSP}г."
    )


def test_partners_table_extends_the_seed(render: Render, sample: Callable[..., Any]) -> None:
    plan = _plan(sample)
    table = render("plan", plan).tables[1]
    assert table[0] == [
        "№\nп/п",
        "Социальные партнёры",
        "Направления взаимодействия",
        "Формы работы",
        "Сроки",
        "Ответственный",
        "Основание",
    ]
    assert len(table) == 1 + len(plan.partners)
    museum = table[3]
    assert museum[1] == "Музеи\nМБУК «Музей «Наследие»», МБУК «Музей истории Чуйского тракта»"
    assert museum[2].startswith("Гражданско-патриотическое воспитание обучающихся; изучение")
    assert museum[3] == "музейные уроки, экскурсии, выставки работ обучающихся"
    assert museum[6] == "договор № СП-2026/002 от 25.08.2026"
    assert table[2][6] == "—", "a row without a basis gets a dash, not «None»"


def test_events_grouped_by_month_and_numbered_through(
    render: Render, sample: Callable[..., Any]
) -> None:
    plan = _plan(sample)
    table = render("plan", plan).tables[2]
    headings = [row[0] for row in table[1:] if row[0] == row[-1]]
    assert headings == [
        "В течение года", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь", "Март", "Апрель", "Май"
    ]  # fmt: skip
    numbers = [row[0] for row in table[1:] if row[0] != row[-1]]
    assert numbers == [str(n) for n in range(1, len(plan.events) + 1)]
    acts = {row[1]: row for row in table[1:]}
    assert acts["Акция «Внимание, дети!»"][5] == f"обучающиеся объединений, 120{NBSP}чел."
    assert acts["Рубрика «Юные таланты» в газете «Бийский вестник»"][5] == "—"


def test_merged_month_rows_and_computed_coverage(
    render: Render, sample: Callable[..., Any]
) -> None:
    plan = _plan(sample)
    document = render("plan", plan)
    month_row = document.document.tables[2].rows[1]
    assert month_row.cells[0]._tc is month_row.cells[-1]._tc, "one cell spans the row"
    assert plan.participants_total == 1970
    assert f"Планируемый охват участников мероприятий — 1970{NBSP}чел." in document.paragraphs
    assert document.headings[-1] == "3. Ожидаемые результаты"


def test_without_grouping_there_are_no_month_rows(
    render: Render, sample: Callable[..., Any]
) -> None:
    plan = _plan(sample, group_by_month=False, expected_results=[])
    document = render("plan", plan)
    table = document.tables[2]
    assert len(table) == 1 + len(plan.events)
    assert "Ожидаемые результаты" not in document.text


def test_partner_rows_may_break_across_pages_so_page_one_is_not_left_empty(
    render: Render, sample: Callable[..., Any]
) -> None:
    document = render("plan", _plan(sample)).document
    partners, events = document.tables[1], document.tables[2]
    cant_split = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit"
    assert all(row._tr.find(f".//{cant_split}") is None for row in partners.rows[1:])
    assert all(row._tr.find(f".//{cant_split}") is not None for row in events.rows[1:])


def test_directions_come_from_the_clause_library_unless_the_row_has_its_own(
    render: Render, sample: Callable[..., Any]
) -> None:
    plan = _plan(sample)
    rows = [row.model_dump() for row in plan.partners]
    rows[0]["directions"] = "Занятия объединений на базе школ"
    table = render("plan", _plan(sample, partners=rows)).tables[1]
    assert table[1][2] == "Занятия объединений на базе школ"
    kindergarten = table[2][2]
    assert kindergarten.startswith("Художественно-эстетическое и познавательное развитие")
    assert "подготовка детей к школе" not in kindergarten.lower()
