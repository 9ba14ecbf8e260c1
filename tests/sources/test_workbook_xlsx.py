"""Opening a workbook reads no sheet whole and the shared strings only as far as needed."""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
import pytest

from docgen.errors import InputError
from docgen.sources.workbook.grid import WorkbookFile
from docgen.sources.workbook.read import read_workbook
from docgen.sources.workbook.template import Variable, template_model
from docgen.sources.workbook.xlsx import SharedStrings

LETTER = template_model([Variable(("ФИО",), "{{ ФИО }}"), Variable(("Номер",), "{{ Номер }}")])
_INLINE = re.compile(r'<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"><is><t>([^<]*)</t></is></c>')
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def with_shared_strings(path: Path, target: Path) -> Path:
    """Rewrite openpyxl's inline strings as Excel stores text: a table of shared strings."""
    strings: list[str] = []

    def shared(match: re.Match[str]) -> str:
        strings.append(html.unescape(match.group(3)))
        return f'<c r="{match.group(1)}"{match.group(2)} t="s"><v>{len(strings) - 1}</v></c>'

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = source.read(info).decode()
            if info.filename.startswith("xl/worksheets/sheet"):
                data = _INLINE.sub(shared, data)
            elif info.filename == "[Content_Types].xml":
                kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings"
                part = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}+xml"/>'
                data = data.replace("</Types>", part + "</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                rel = (
                    f'<Relationship Type="{kind}sharedStrings" Target="sharedStrings.xml" Id="rS"/>'
                )
                data = data.replace("</Relationships>", rel + "</Relationships>")
            out.writestr(info, data)
        table = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
        out.writestr("xl/sharedStrings.xml", f'<sst xmlns="{_MAIN}">{table}</sst>')
    return target


def letters(path: Path, rows: int, dimension: bool = True) -> Path:
    book = openpyxl.Workbook(write_only=not dimension)
    sheet = book.create_sheet("Данные") if not dimension else book.active
    sheet.title = "Данные"
    sheet.append(["ФИО", "Номер"])
    for index in range(1, rows + 1):
        sheet.append([f"Иванов Иван {index} & сын", f"П-{index}"])
    book.save(path)
    return path


def test_text_kept_as_shared_strings_reads_as_typed(tmp_path: Path) -> None:
    plain = letters(tmp_path / "plain.xlsx", 5)
    shared = with_shared_strings(plain, tmp_path / "shared.xlsx")
    assert b"<v>0</v>" in zipfile.ZipFile(shared).read("xl/worksheets/sheet1.xml")
    for path in (plain, shared):
        with read_workbook(path, LETTER) as reading:
            records = [record.model for record in reading.records()]
        assert [dict(model) for model in records if model is not None][4] == {
            "ФИО": "Иванов Иван 5 & сын",
            "Номер": "П-5",
        }


def test_shared_strings_are_parsed_only_as_far_as_the_rows_read(tmp_path: Path) -> None:
    path = with_shared_strings(letters(tmp_path / "plain.xlsx", 500), tmp_path / "s.xlsx")
    with WorkbookFile(path) as book:
        (sheet,) = book.sheets()
        rows = book.rows(sheet, 1)
        first: list[Any] = [next(rows) for _ in range(40)]
        strings = book._book["Данные"]._shared_strings
        assert isinstance(strings, SharedStrings)
        assert strings.parsed == 2 * 41  # the header and 40 rows, not 1 002 strings
        assert first[-1] == (41, ["Иванов Иван 40 & сын", "П-40"])
        assert strings[1001] == "П-500" and strings.parsed == 1002
        with pytest.raises(IndexError):
            strings[1002]


def test_a_long_sheet_without_a_stated_size_is_refused_at_the_limit(tmp_path: Path) -> None:
    path = letters(tmp_path / "streamed.xlsx", 60, dimension=False)
    assert b"<dimension" not in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    with pytest.raises(InputError, match="на листе «Данные» больше 50 строк с данными"):
        read_workbook(path, LETTER, max_rows=50)
