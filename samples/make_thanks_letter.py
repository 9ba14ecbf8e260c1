"""Write ``samples/thanks-letter.docx`` and ``samples/thanks-letter.xlsx``: a user's own template.

Run: ``python samples/make_thanks_letter.py [FOLDER]``. The template is a letter of thanks
(«Благодарственное письмо») to a teacher who prepared pupils for a city contest, made the way
a secretary makes one in Word: plain paragraphs with ``{{ }}`` tags named in Russian, the
centre's letterhead from its profile (``centre``), the pupils listed by a ``{%p for %}``
loop. The workbook is what ``docgen sheet thanks-letter.docx`` writes, filled as people fill
it: names typed as plain text (one in capitals, one with a double space), a phone column the
template does not use, the pupils on a second sheet joined by the letter's number.

Then ``docgen batch samples/thanks-letter.docx samples/thanks-letter.xlsx -o письма`` writes
one letter per teacher, names declined by the template's filters.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from docgen.engine import compile_template
from docgen.engine.batch.spec import user_template_model
from docgen.sources.workbook.write import fixed_times, input_workbook

FOLDER = Path(__file__).resolve().parent
TEMPLATE = "thanks-letter.docx"
WORKBOOK = "thanks-letter.xlsx"
FIXED_TIME = dt.datetime(2026, 11, 1)

LETTERHEAD = [
    "{{ centre.organisation.full_name }}",
    "{{ centre.organisation.requisites.legal_address }}",
    "тел. {{ centre.organisation.requisites.phone }}, "
    "эл. почта {{ centre.organisation.requisites.email }}",
]
ADDRESSEE = [
    "{{ Должность | dative | capitalize }} {{ Организация | genitive }}",
    "{{ ФИО | dative }}",
]
BODY = [
    "Администрация {{ centre.organisation.short_name }} выражает Вам искреннюю благодарность "
    'за подготовку {{ Участники | length | with_noun("участник", "genitive") }} '
    "{{ Мероприятие | genitive }} ({{ Дата_мероприятия | date_text }})",
    "Результаты выступления:",
]
PUPIL = '{{ у.Участник }}, {{ у.Класс }} класс, — {{ у.Результат }}{{ "." if loop.last else ";" }}'
CLOSING = (
    "Благодарим руководство {{ Организация | genitive }} за поддержку педагога и надеемся "
    "на дальнейшее сотрудничество."
)

LETTERS: list[dict[str, Any]] = [
    {
        "Номер": "01-12/214",
        "Дата": dt.date(2026, 11, 27),
        "Должность": "учитель литературы",
        "Организация": "Муниципальное бюджетное общеобразовательное учреждение "
        "«Средняя общеобразовательная школа № 5»",
        "ФИО": "Петрова Мария Сергеевна",
        "Обращение": "Мария Сергеевна",
        "Мероприятие": "городской конкурс чтецов «Живое слово»",
        "Дата_мероприятия": dt.date(2026, 11, 20),
        "Телефон": "+7 913 245-18-90",
    },
    {
        "Номер": "01-12/215",
        "Дата": dt.date(2026, 11, 27),
        "Должность": "педагог дополнительного образования",
        "Организация": "Муниципальное бюджетное учреждение дополнительного образования "
        "«Дом детского творчества»",
        "ФИО": "ИВАНОВ  Пётр Сергеевич",
        "Обращение": "Пётр Сергеевич",
        "Мероприятие": "городской конкурс чтецов «Живое слово»",
        "Дата_мероприятия": dt.date(2026, 11, 20),
        "Телефон": "8 (3854) 32-70-15",
    },
    {
        "Номер": "01-12/216",
        "Дата": dt.date(2026, 11, 27),
        "Должность": "учитель русского языка и литературы",
        "Организация": "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 1»",
        "ФИО": "Кузнецова Елена Викторовна",
        "Обращение": "Елена Викторовна",
        "Мероприятие": "городской конкурс чтецов «Живое слово»",
        "Дата_мероприятия": dt.date(2026, 11, 20),
        "Телефон": None,
    },
]
PUPILS: list[tuple[str, str, str, str]] = [
    ("01-12/214", "Смирнова Анна", "7 «Б»", "диплом I степени"),
    ("", "Козлов Артём", "6 «А»", "диплом III степени"),
    ("", "Лебедева Дарья", "8 «В»", "диплом участника"),
    ("01-12/215", "Фёдоров Илья", "5 «А»", "диплом II степени"),
    ("01-12/216", "Морозова Софья", "9 «А»", "Гран-при конкурса"),
    ("", "Волков Максим", "9 «Б»", "диплом I степени"),
]


def _paragraph(
    document: Any, text: str, *, align: Any = None, bold: bool = False, indent: bool = False
) -> Paragraph:
    paragraph: Paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.25)
    return paragraph


def template_bytes() -> bytes:
    """Return the letter's .docx template (the same bytes every time)."""
    document = docx.Document()
    section = document.sections[0]
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    style.paragraph_format.space_after = Pt(0)
    for number, line in enumerate(LETTERHEAD):
        head = _paragraph(document, line, align=WD_ALIGN_PARAGRAPH.CENTER, bold=number == 0)
        head.runs[0].font.size = Pt(14 if number == 0 else 11)
    _paragraph(document, "")
    _paragraph(document, "Исх. № {{ Номер }} от {{ Дата | date_short }}")
    _paragraph(document, "")
    for line in ADDRESSEE:
        addressee = _paragraph(document, line)
        addressee.paragraph_format.left_indent = Cm(8.5)
    _paragraph(document, "")
    _paragraph(document, "БЛАГОДАРСТВЕННОЕ ПИСЬМО", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    _paragraph(document, "")
    _paragraph(
        document,
        '{{ ФИО | by_gender("Уважаемый", "Уважаемая") }} {{ Обращение }}!',
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _paragraph(document, "")
    justified = WD_ALIGN_PARAGRAPH.JUSTIFY
    _paragraph(document, BODY[0] + ".", align=justified, indent=True)
    _paragraph(document, BODY[1], align=justified, indent=True)
    _paragraph(document, "{%p for у in Участники %}")
    _paragraph(document, PUPIL, align=justified, indent=True)
    _paragraph(document, "{%p endfor %}")
    _paragraph(document, CLOSING, align=justified, indent=True)
    _paragraph(document, "")
    _paragraph(document, "")
    signature = _paragraph(
        document,
        "{{ centre.director.position | capitalize }} {{ centre.organisation.short_name }}"
        "\t{{ centre.director | initials }}",
    )
    signature.paragraph_format.tab_stops.add_tab_stop(Cm(17), alignment=2)  # right
    document.core_properties.author = "docgen"
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_times(buffer.getvalue(), FIXED_TIME)


def workbook_bytes(template: Path) -> bytes:
    """Return the filled workbook ``docgen sheet`` makes for ``template``."""
    book = input_workbook(user_template_model(compile_template(template)))
    main, pupils = book.worksheets[0], book.worksheets[1]
    headers = [str(cell.value).removesuffix(" *") for cell in main[2]]
    main.delete_rows(3, main.max_row)
    pupils.delete_rows(3, pupils.max_row)
    extra = main.cell(2, len(headers) + 1, "Телефон")  # a column people keep; no tag uses it
    extra.font = copy.copy(main.cell(2, 1).font)
    for letter in LETTERS:
        main.append([letter.get(header) for header in [*headers, "Телефон"]])
    for row in range(3, 3 + len(LETTERS)):
        for column, header in enumerate(headers, start=1):
            if header.startswith("Дата"):
                main.cell(row, column).number_format = "DD.MM.YYYY"
    for pupil in PUPILS:
        pupils.append([value or None for value in pupil])
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_times(buffer.getvalue(), FIXED_TIME)


def main(argv: list[str]) -> None:
    """Write the template and its workbook into the folder given, or beside this script."""
    folder = Path(argv[0]) if argv else FOLDER
    template = folder / TEMPLATE
    template.write_bytes(template_bytes())
    (folder / WORKBOOK).write_bytes(workbook_bytes(template))
    print(f"записаны {template} и {folder / WORKBOOK}: писем {len(LETTERS)}")


if __name__ == "__main__":
    main(sys.argv[1:])
