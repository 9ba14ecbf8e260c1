"""Time reading a partners workbook: openpyxl alone, docgen's reader, and validation.

Run: ``python benchmarks/workbook.py [ROWS]`` (default 10 000). Prints seconds per step.
Half the ИНН are stored as numbers, as Excel does when a user types them.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from docgen.models import Partner
from docgen.models.requisites import inn_check_digits, ogrn_check_digit
from docgen.sources.workbook.read import read_workbook
from docgen.sources.workbook.write import input_workbook

SHEET = "Партнёры"


def make_workbook(path: Path, rows: int) -> None:
    """Write ``rows`` distinct partners after the example row of an input workbook."""
    book = input_workbook(Partner)
    sheet = book[SHEET]
    example = [cell.value for cell in sheet[3]]
    headers = [str(cell.value).removesuffix(" *") for cell in sheet[2]]
    inn_at, ogrn_at = headers.index("ИНН"), headers.index("ОГРН")
    for index in range(rows):
        row = list(example)
        head = f"22{index:07d}"
        inn = head + inn_check_digits(head)
        row[inn_at] = int(inn) if index % 2 else inn
        ogrn = f"10222{index:07d}"
        row[ogrn_at] = ogrn + ogrn_check_digit(ogrn)
        sheet.append(row)
    book.save(path)


def time_openpyxl(path: Path, read_only: bool) -> float:
    """Return the seconds openpyxl alone takes to load and iterate every row."""
    start = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    sheet = book[SHEET]
    for _ in sheet.iter_rows(values_only=True):
        pass
    book.close()
    return time.perf_counter() - start


def main() -> None:
    """Build the workbook, then print the time of each step."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "partners.xlsx"
        make_workbook(path, rows)
        normal, read_only = time_openpyxl(path, False), time_openpyxl(path, True)
        start = time.perf_counter()
        reading = read_workbook(path, Partner)
        gathered = time.perf_counter()
        records = list(reading.records())
        done = time.perf_counter()
    ok = sum(record.ok for record in records)
    print(f"{rows} rows ({ok} valid records)\n")
    print("| step | seconds |\n|---|---:|")
    print(f"| openpyxl alone, normal mode | {normal:.2f} |")
    print(f"| openpyxl alone, read-only mode | {read_only:.2f} |")
    print(f"| docgen read_workbook (open, headers, gather) | {gathered - start:.2f} |")
    print(f"| docgen validate every record | {done - gathered:.2f} |")
    print(f"| docgen total | {done - start:.2f} |")


if __name__ == "__main__":
    main()
