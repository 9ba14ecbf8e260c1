"""Time how soon a workbook over the row limit is refused: the rows are counted as read.

Run: ``python benchmarks/workbook_rows.py [ROWS] [LIMIT]`` (default 1 000 000 rows, limit
10 000 — the service's). Writes a two-column workbook of ROWS letters (a user's template with
«ФИО» and «Номер») twice: as a streaming program writes it (text in the cells, no size
stated) and as Excel does (a size, and every text in the table of shared strings). For each it
prints the seconds until ``read_workbook`` refuses it, and the seconds openpyxl alone takes to
read every row (what reading the whole sheet before counting would cost).
"""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

from docgen.errors import InputError
from docgen.sources.workbook.read import read_workbook
from docgen.sources.workbook.template import Variable, template_model

LETTER = template_model([Variable(("ФИО",), "{{ ФИО }}"), Variable(("Номер",), "№ {{ Номер }}")])


def make_workbook(path: Path, rows: int) -> None:
    """Write ``rows`` letters below the header row, streaming (openpyxl's write-only mode)."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Данные")
    sheet.append(["ФИО", "Номер"])
    for index in range(rows):
        sheet.append([f"Иванов Иван {index}", f"П-{index}"])
    book.save(path)


def make_excel_like_workbook(path: Path, rows: int) -> None:
    """Write ``rows`` letters as Excel does: a stated size and shared strings, streamed."""
    small = path.with_suffix(".small.xlsx")
    book = openpyxl.Workbook()
    book.active.title = "Данные"
    book.active.append(["ФИО", "Номер"])
    book.save(small)
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename not in ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"):
                out.writestr(info, _with_shared_strings(info.filename, source.read(info)))
        with out.open("xl/sharedStrings.xml", "w") as strings:
            strings.write(f'<sst {main} uniqueCount="{2 * rows + 2}">'.encode())
            strings.write("<si><t>ФИО</t></si><si><t>Номер</t></si>".encode())
            for index in range(rows):
                text = f"<si><t>{escape(f'Иванов Иван {index}')}</t></si><si><t>П-{index}</t></si>"
                strings.write(text.encode())
            strings.write(b"</sst>")
        with out.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<worksheet {main}><dimension ref="A1:B{rows + 1}"/><sheetData>'.encode())
            sheet.write(
                b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
            )
            for index in range(rows):
                row, first = index + 2, 2 * index + 2
                sheet.write(
                    f'<row r="{row}"><c r="A{row}" t="s"><v>{first}</v></c>'
                    f'<c r="B{row}" t="s"><v>{first + 1}</v></c></row>'.encode()
                )
            sheet.write(b"</sheetData></worksheet>")
    small.unlink()


def _with_shared_strings(name: str, data: bytes) -> bytes:
    """Declare the table of shared strings in the package, if openpyxl did not."""
    if b"sharedStrings" in data:
        return data
    if name == "[Content_Types].xml":
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
        part = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>'
        return data.replace(b"</Types>", part.encode())
    if name == "xl/_rels/workbook.xml.rels":
        kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
        rel = f'<Relationship Type="{kind}" Target="sharedStrings.xml" Id="rIdStrings"/>'
        return data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    return data


def time_refusal(path: Path, limit: int) -> tuple[float, str]:
    """Return the seconds ``read_workbook`` takes to refuse the workbook, and its message."""
    start = time.perf_counter()
    try:
        read_workbook(path, LETTER, max_rows=limit).close()
    except InputError as exc:
        return time.perf_counter() - start, str(exc)
    raise SystemExit(f"not refused: the workbook has no more than {limit} rows")


def time_whole_read(path: Path) -> float:
    """Return the seconds openpyxl alone takes to read every row of the sheet."""
    start = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _ in book["Данные"].iter_rows(values_only=True):
        pass
    book.close()
    return time.perf_counter() - start


def main() -> None:
    """Build the workbooks, then print the time of each refusal and of a whole read."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    makers = {"streamed": make_workbook, "Excel-like": make_excel_like_workbook}
    with tempfile.TemporaryDirectory() as folder:
        for name, make in makers.items():
            path = Path(folder) / f"letters-{name}.xlsx"
            start = time.perf_counter()
            make(path, rows)
            print(
                f"{name} workbook: {rows} rows, {path.stat().st_size / 1e6:.1f} MB, "
                f"written in {time.perf_counter() - start:.1f} s"
            )
            seconds, message = time_refusal(path, limit)
            print(f"  refused at the limit of {limit} rows: {seconds:.2f} s")
            print(f"  {message.replace(str(path), path.name)}")
            print(f"  openpyxl reading every row: {time_whole_read(path):.2f} s")


if __name__ == "__main__":
    main()
