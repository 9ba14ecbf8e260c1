"""Build the template «method-report»: анализ работы методической службы за учебный год.

Context: ``centre`` (Centre), ``report`` (MethodReport). Sections after part A.4 of the
reference and the nine directions of the seed; a section whose data is empty is left out,
so sections and tables are numbered by counters (``n.section``, ``n.table``). Every total,
share and change comes from the model's computed properties (tables: ``report_tables``).
"""

from __future__ import annotations

from pathlib import Path

import report_tables as tables
from layout import ITEM, NBSP, Writer, cell_lines
from report_tables import TableSpec, pct

YEAR_PREP = "{{ report.academic_year|academic_year('prepositional') }}"
NEXT_YEAR = "{{ report.academic_year[5:]|int }}–{{ report.academic_year[5:]|int + 1 }}"
PEOPLE = NBSP + "чел."
# Directions of the seed that have only text: (key in report.work_by_direction, heading).
TEXT_ONLY = (
    ("improvement", "Совершенствование педагогической деятельности"),
    ("research", "Внедрение научных исследований и передового педагогического опыта"),
    ("science_news", "Ознакомление с достижениями педагогической науки и практики"),
)


def build(path: Path) -> None:
    """Write the method-report template to ``path``."""
    w = Writer("Анализ работы методической службы")
    w.tag("{%p set n = namespace(section=1, table=0) %}")
    w.tag("{%p set text = report.work_by_direction %}")
    w.tag("{%p if report.review %}")
    w.p("РАССМОТРЕНО", style="Отметка о приложении")
    w.p("{{ report.review }}", style="Отметка о приложении", after=12)
    w.tag("{%p endif %}")
    w.title(
        "АНАЛИЗ",
        "работы методической службы {{ centre.organisation.short_name }}",
        "за {{ report.academic_year|academic_year }}",
    )
    _aims(w)
    _staff(w)
    _attestation(w)
    _courses(w)
    for key, title in TEXT_ONLY:
        _section(w, title, f"text.{key}")
        _paragraphs(w, key)
        w.tag("{%p endif %}")
    _programmes(w)
    _with_table(w, "Работа творческих групп", "creative_groups", tables.CREATIVE_GROUPS)
    _with_table(w, "Семинары, совещания, конференции", "events", tables.SEMINARS)
    _needs(w)
    _with_table(
        w, "Методическая помощь образовательным учреждениям", "assistance", tables.ASSISTANCE
    )
    _results(w)
    _conclusions(w)
    w.save(path)


def _section(w: Writer, title: str, condition: str) -> None:
    """Open ``{%p if condition %}`` and add the next numbered section heading."""
    w.tag(f"{{%p if {condition} %}}")
    w.heading(f"{{% set n.section = n.section + 1 %}}{{{{ n.section }}}}. {title}")


def _paragraphs(w: Writer, key: str, keep: bool = False) -> None:
    """Add the paragraphs written for one of the nine directions; ``keep`` them with a table."""
    w.tag(f"{{%p for paragraph in text.{key} %}}")
    w.p("{{ paragraph }}", keep=keep)
    w.tag("{%p endfor %}")


def _table(w: Writer, spec: TableSpec) -> None:
    """Add a numbered caption and the table: header, one row per item, totals in bold."""
    w.p(
        f"Таблица {{% set n.table = n.table + 1 %}}{{{{ n.table }}}} – {spec.caption}",
        style="Название таблицы",
    )
    table = w.table([c.width for c in spec.columns], header=[c.header for c in spec.columns])
    w.tag_row(table, f"{{%tr for item in {spec.items} %}}")
    w.row(table, *(column.cell for column in spec.columns))
    w.tag_row(table, "{%tr endfor %}")
    if spec.totals:
        w.row(table, *[[(cell, "b")] for cell in spec.totals])


def _with_table(w: Writer, title: str, key: str, spec: TableSpec) -> None:
    """Add a section of a direction's text and its table, present when either is."""
    _section(w, title, f"{spec.items} or text.{key}")
    _paragraphs(w, key, keep=True)
    w.tag(f"{{%p if {spec.items} %}}")
    _table(w, spec)
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")


def _aims(w: Writer) -> None:
    w.heading("1. Методическая тема, цель и задачи")
    w.p(("Методическая тема: ", "b"), "«{{ report.theme }}».")
    w.p(
        ("Цель: ", "b"),
        "{{ report.goal[:1]|lower }}{{ report.goal[1:] }}"
        "{{ '' if report.goal[-1:] == '.' else '.' }}",
    )
    w.p(("Задачи:", "b"), keep=True)
    w.items("for task in report.tasks", "{{ task }}", numbered=ITEM)
    w.tag("{%p if report.structure %}")
    w.p(("Структура методической службы: ", "b"), "{{ report.structure|join(', ') }}.")
    w.tag("{%p endif %}")


def _staff(w: Writer) -> None:
    _section(w, "Кадровый потенциал", "report.staff")
    w.p(
        "Численность педагогического коллектива на конец "
        "{{ report.academic_year|academic_year('genitive') }} — "
        "{{ report.staff_total|with_noun('педагог') }}{% if report.part_time_total %}, из них "
        "внешних совместителей — {{ report.part_time_total }}{% endif %}. Высшую и первую "
        "квалификационные категории (включая педагогов-методистов и педагогов-наставников) "
        "имеют {{ report.qualified.count }}" + PEOPLE + " ("
        + pct("report.qualified.percent") + NBSP + "%).",
        keep=True,
    )  # fmt: skip
    for spec in (tables.CATEGORIES, tables.EDUCATION, tables.EXPERIENCE, tables.AGE):
        _table(w, spec)
    w.tag("{%p endif %}")


def _attestation(w: Writer) -> None:
    _section(w, "Аттестация педагогических работников", "report.attestation")
    w.p(f"В {YEAR_PREP} аттестованы {{{{ report.attestation|length }}}}{PEOPLE}:", keep=True)
    _table(w, tables.ATTESTATION)
    w.tag("{%p endif %}")


def _courses(w: Writer) -> None:
    _section(w, "Повышение квалификации", "report.courses or text.training")
    _paragraphs(w, "training")
    w.tag("{%p if report.courses %}")
    w.p(
        "Курсы повышения квалификации прошли {{ report.trained.count }}" + PEOPLE + " ("
        + pct("report.trained.percent") + NBSP + "% педагогов), общий объём обучения — "
        "{{ report.course_hours|with_noun('час') }}.",
        keep=True,
    )  # fmt: skip
    _table(w, tables.COURSES)
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")


def _programmes(w: Writer) -> None:
    _section(
        w, "Обновление программно-методического обеспечения", "report.programmes or text.programmes"
    )
    _paragraphs(w, "programmes")
    w.tag("{%p if report.programmes %}")
    w.p(
        f"В {YEAR_PREP} реализовывались дополнительные общеобразовательные общеразвивающие "
        "программы: всего — {{ report.programme_totals.total }}, из них новых — "
        "{{ report.programme_totals.new }}, обновлённых — {{ report.programme_totals.updated }}; "
        "по ним обучаются {{ report.programme_totals.students }}" + PEOPLE,
        keep=True,
    )
    _table(w, tables.PROGRAMMES)
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")


def _needs(w: Writer) -> None:
    _section(w, "Изучение профессиональных потребностей педагогов", "report.survey or text.needs")
    _paragraphs(w, "needs")
    w.tag("{%p if report.survey %}")
    w.p(
        "В анкетировании участвовали {{ report.survey_respondents }}" + PEOPLE + " Педагоги "
        "назвали следующие затруднения и запросы:",
        keep=True,
    )
    _table(w, tables.SURVEY)
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")


def _results(w: Writer) -> None:
    _section(w, "Результативность участия обучающихся в конкурсах", "report.contests")
    _table(w, tables.CONTESTS)
    w.p(
        "Доля победителей и призёров от числа участников — " + pct("report.award_rate")
        + NBSP + "%.",
        before=6,
    )  # fmt: skip
    w.tag("{%p endif %}")
    _events(w)
    _section(w, "Динамика основных показателей", "report.dynamics")
    _table(w, tables.DYNAMICS)
    w.tag("{%p endif %}")


def _events(w: Writer) -> None:
    """Add the events section: totals with the joint events (the events section's data)."""
    _section(w, "Мероприятия, проведённые Центром", "report.events_held or report.joint_events")
    w.tag("{%p set joint = report.joint_year %}")
    w.p(
        f"В {YEAR_PREP} проведено {{{{ report.events_total|with_noun('мероприятие') }}}} "
        "с общим охватом {{ report.coverage_total }}" + PEOPLE + "{% if joint %}, из них "
        "{{ joint.events_count }} — совместно с социальными партнёрами "
        "({{ joint.partners_count|with_noun('организация') }}) с охватом "
        "{{ joint.participants_total }}" + PEOPLE + "; перечень этих мероприятий и их итоги по "
        "месяцам, партнёрам и формам — в разделе «Мероприятия, проведённые совместно с "
        "социальными партнёрами»{% endif %}{% if joint and report.events_held %}. Мероприятия "
        "Центра без участия партнёров приведены в таблице ниже{% endif %}"
        "{% if joint %}.{% endif %}",
        keep=True,
    )
    w.tag("{%p if report.events_held %}")
    _table(w, tables.EVENTS)
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")


def _conclusions(w: Writer) -> None:
    _section(
        w,
        "Проблемы, выводы и задачи на следующий учебный год",
        "report.problems or report.conclusions or report.next_year_tasks",
    )
    w.tag("{%p if report.problems %}")
    w.p(("Проблемы:", "b"), keep=True)
    w.items("for item in report.problems", "{{ item }}")
    w.tag("{%p endif %}")
    w.tag("{%p if report.conclusions %}")
    w.p(("Выводы:", "b"), keep=True)
    w.items("for item in report.conclusions", "{{ item }}")
    w.tag("{%p endif %}")
    w.tag("{%p if report.next_year_tasks %}")
    w.p(("Задачи на " + NEXT_YEAR + " учебный год:", "b"), keep=True)
    w.items("for item in report.next_year_tasks", "{{ item }}", numbered=ITEM, keep=True)
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.p("", style="Без отступа", keep=True, before=12)
    signature = w.table([95, w.width - 95], rows=1, grid=False)
    left, right = signature.rows[0].cells
    position = "{{ report.author.position[:1]|upper }}{{ report.author.position[1:] }}"
    cell_lines(left, [position], "Без отступа")
    cell_lines(
        right,
        [
            "_____________ {{ report.author.person|initials }}",
            "{% if report.date %}{{ report.date|date_short }}{% endif %}",
        ],
        "Без отступа",
    )
