"""The method-report template: computed tables, agreeing numbers, consecutive numbering."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docgen.models import MethodReport

NBSP = " "  # Rendered reads typography's no-break spaces as spaces (conftest.plain)
Render = Callable[[str, Any], Any]


def _report(sample: Callable[..., Any], **changes: Any) -> MethodReport:
    report = sample("samples/method-report.yaml", MethodReport, **changes)
    assert isinstance(report, MethodReport)
    return report


def _table(document: Any, caption: str) -> list[list[str]]:
    """Return the table whose caption (the paragraph «Таблица N – …») ends with ``caption``."""
    captions = [p for p in document.paragraphs if p.startswith("Таблица ")]
    index = next(i for i, text in enumerate(captions) if text.endswith(f"– {caption}"))
    tables: list[list[list[str]]] = document.tables
    return tables[index]


def test_title_review_and_staff_sentence(render: Render, sample: Callable[..., Any]) -> None:
    document = render("method-report", _report(sample))
    assert document.paragraphs[:5] == [
        "РАССМОТРЕНО",
        "на методическом совете, протокол от 28.05.2026 № 5",
        "АНАЛИЗ",
        "работы методической службы МБУ ДО «ЦВР»",
        "за 2025–2026 учебный год",
    ]
    assert (
        "Численность педагогического коллектива на конец 2025–2026 учебного года — "
        "16 педагогов, из них внешних совместителей — 2. Высшую и первую квалификационные "
        "категории (включая педагогов-методистов и педагогов-наставников) имеют "
        f"12{NBSP}чел. (75,0{NBSP}%)." in document.paragraphs
    )


def test_category_table_with_last_year_and_change(
    render: Render, sample: Callable[..., Any]
) -> None:
    report = _report(sample)
    table = _table(render("method-report", report), "Квалификационные категории педагогов")
    assert table[0] == ["Категория", "2024–2025, чел.", "2025–2026, чел.", "Доля, %",
                        "Изменение, чел."]  # fmt: skip
    assert table[1] == ["Высшая", "3", "4", "25,0", "+1"]
    assert table[5] == ["Соответствие занимаемой должности", "3", "2", "12,5", "−1"]
    assert table[-1] == ["Всего", "15", "16", "100,0", "+1"]
    for row, share in zip(table[1:-1], report.by_category, strict=True):
        assert row[2] == str(share.count)
        assert row[3] == f"{share.percent:.1f}".replace(".", ",")


def test_staff_tables_sum_to_the_staff(render: Render, sample: Callable[..., Any]) -> None:
    document = render("method-report", _report(sample))
    for caption in ("Образование педагогов", "Педагогический стаж", "Возраст педагогов"):
        table = _table(document, caption)
        assert sum(int(row[1]) for row in table[1:-1]) == 16
        assert table[-1] == ["Всего", "16", "100,0"]
    assert _table(document, "Возраст педагогов")[1:-1] == [
        ["До 35 лет", "6", "37,5"],
        ["35–55 лет", "8", "50,0"],
        ["Старше 55 лет", "2", "12,5"],
    ]


def test_totals_of_programmes_contests_and_courses(
    render: Render, sample: Callable[..., Any]
) -> None:
    document = render("method-report", _report(sample))
    assert _table(document, "Программы по направленностям")[-1] == [
        "Итого", "8", "2", "2", "285"
    ]  # fmt: skip
    contests = _table(document, "Участие обучающихся в конкурсах по уровням")
    assert contests[1] == ["Муниципальный", "2", "124", "9", "17", "26"]
    assert contests[-1] == ["Итого", "4", "145", "11", "20", "31"]
    assert f"Доля победителей и призёров от числа участников — 21,4{NBSP}%." in (
        document.paragraphs
    )
    courses = _table(document, "Курсы повышения квалификации")
    assert courses[1][:2] == ["1", f"Белая{NBSP}А.В."]
    assert courses[-1][3] == "340"
    assert (
        f"Курсы повышения квалификации прошли 5{NBSP}чел. (31,3{NBSP}% педагогов), общий "
        "объём обучения — 340 часов." in document.paragraphs
    )
    dynamics = _table(document, "Основные показатели в сравнении с прошлым учебным годом")
    assert dynamics[3] == ["Обучающихся по программам", "250", "285", "+35"]
    assert _table(document, "Методическая помощь по формам")[-1] == ["Всего", "15", "100,0"]
    assert (
        f"В 2025–2026 учебном году проведено 3 мероприятия с общим охватом 1110{NBSP}чел."
        in document.paragraphs
    )


def test_sections_and_tables_are_numbered_consecutively(
    render: Render, sample: Callable[..., Any]
) -> None:
    full = render("method-report", _report(sample))
    short = render(
        "method-report",
        _report(sample, attestation=[], courses=[], previous_year=None, work=[], review=None),
    )
    for document in (full, short):
        numbers = [int(h.split(".")[0]) for h in document.headings]
        assert numbers == list(range(1, len(numbers) + 1))
        captions = [p for p in document.paragraphs if p.startswith("Таблица ")]
        table_numbers = [int(caption.split()[1]) for caption in captions]
        assert table_numbers == list(range(1, len(captions) + 1))
    assert len(short.headings) == len(full.headings) - 4
    assert "Аттестация педагогических работников" not in short.text
    assert "РАССМОТРЕНО" not in short.text
    category = _table(short, "Квалификационные категории педагогов")
    assert category[1] == ["Высшая", "—", "4", "25,0", "—"]


def test_direction_texts_and_signature(render: Render, sample: Callable[..., Any]) -> None:
    document = render("method-report", _report(sample))
    assert "5. Совершенствование педагогической деятельности" in document.headings
    assert (
        "Проведено 4 заседания педагогического совета и 5 заседаний методического совета."
        in document.paragraphs
    )
    assert "Внедрение научных исследований" not in document.text, "no text, no section"
    assert f"1){NBSP}обеспечить курсы повышения квалификации для педагогов" in document.text
    assert "Задачи на 2026–2027 учебный год:" in document.paragraphs
    assert document.tables[-1][0] == [
        "Заместитель директора по учебно-воспитательной работе",
        f"_____________ Е.А.{NBSP}Кузнецова\n27.05.2026",
    ]
