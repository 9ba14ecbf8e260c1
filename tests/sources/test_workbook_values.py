"""Cells are read as people type them; lost leading zeros return only when a check proves them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docgen.models import Agreement, Centre
from docgen.models.requisites import inn_check_digits
from docgen.sources.workbook.columns import Column, layout_of
from docgen.sources.workbook.values import MISSING, read_cell


def column(model: type, dotted: str) -> Column:
    return next(c for c in layout_of(model).columns if c.dotted == dotted)


INN = column(Agreement, "partner.organisation.requisites.inn")
KPP = column(Agreement, "partner.organisation.requisites.kpp")
BIK = column(Centre, "organisation.requisites.bank.bik")
ACCOUNT = column(Centre, "organisation.requisites.bank.account")
DATE = column(Agreement, "date")
NUMBER = column(Agreement, "number")
FORMS = column(Agreement, "forms")
CENTRE_DUTIES = column(Agreement, "obligations.centre")
PAID = column(Agreement, "financial.paid")
AMOUNT = column(Agreement, "financial.amount")
COPIES = column(Agreement, "copies")
KIND = column(Agreement, "kind")


def test_blank_cells_are_missing() -> None:
    assert read_cell(None, NUMBER).value is MISSING
    assert read_cell("  \u00a0 ", NUMBER).value is MISSING


def test_an_inn_stored_as_a_number_is_read_as_its_digits() -> None:
    reading = read_cell(2204030991, INN)
    assert (reading.value, reading.notice, reading.problem) == ("2204030991", None, None)
    assert read_cell(2204030991.0, INN).value == "2204030991"


def test_a_lost_leading_zero_of_an_inn_is_restored_when_the_check_digit_holds() -> None:
    head = "010500123"
    inn = head + inn_check_digits(head)
    reading = read_cell(int(inn), INN)
    assert reading.value == inn and reading.problem is None
    assert reading.notice is not None
    assert "ведущий ноль" in reading.notice and inn in reading.notice


def test_a_short_inn_whose_check_digit_fails_is_reported_not_guessed() -> None:
    head = "010500123"
    wrong = head + str((int(inn_check_digits(head)) + 1) % 10)
    reading = read_cell(int(wrong), INN)
    assert reading.problem is not None and "ведущие нули" in reading.problem
    assert reading.notice is None


def test_a_kpp_without_check_digit_is_not_guessed() -> None:
    reading = read_cell(10501001, KPP)
    assert reading.problem is not None and "КПП" in reading.problem
    assert read_cell(220401001, KPP).value == "220401001"


def test_a_bik_always_starts_with_zero() -> None:
    reading = read_cell(10173001, BIK)
    assert reading.value == "010173001" and reading.notice is not None


def test_an_account_that_lost_digits_as_a_number_is_a_problem() -> None:
    reading = read_cell(3.2346430170500018e19, ACCOUNT)
    assert reading.problem is not None and "15 значащих цифр" in reading.problem


def test_dates_from_excel_text_and_day_numbers() -> None:
    assert read_cell(dt.datetime(2026, 9, 1), DATE).value == dt.date(2026, 9, 1)
    assert read_cell(" 01.09.2026 ", DATE).value == "01.09.2026"  # the model parses it
    reading = read_cell(46266, DATE)
    assert reading.value == dt.date(2026, 9, 1) and reading.notice is not None


def test_a_date_excel_made_of_text_is_read_back_as_text() -> None:
    assert read_cell(dt.datetime(2026, 10, 12), NUMBER).value == "12.10.2026"
    assert read_cell(14.0, NUMBER).value == "14"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("да", True),
        ("Да", True),
        ("+", True),
        (1, True),
        (True, True),
        ("нет", False),
        ("-", False),
        (0, False),
        ("0", False),
        ("ложь", False),
    ],
)
def test_booleans_as_people_type_them(typed: object, expected: bool) -> None:
    assert read_cell(typed, PAID).value is expected


def test_an_unknown_boolean_word_is_left_for_the_model_to_reject() -> None:
    assert read_cell("может быть", PAID).value == "может быть"


def test_numbers_typed_as_text() -> None:
    assert read_cell("1 500,50 руб.", AMOUNT).value == Decimal("1500.50")
    assert read_cell(1500.5, AMOUNT).value == Decimal("1500.5")
    assert read_cell(" 3 ", COPIES).value == 3
    assert read_cell(3.0, COPIES).value == 3
    assert read_cell("три", COPIES).value == "три"


def test_choices_are_matched_regardless_of_case_and_yo() -> None:
    assert read_cell("Договор", KIND).value == "договор"
    assert read_cell("СОГЛАШЕНИЕ ", KIND).value == "соглашение"


def test_lists_split_on_new_lines_or_semicolons() -> None:
    assert read_cell("договоры; Консультации", FORMS).value == ["договоры", "консультации"]
    lines = "- готовить выставки;\n- проводить конкурсы, акции;\n\n"
    assert read_cell(lines, CENTRE_DUTIES).value == [
        "готовить выставки",
        "проводить конкурсы, акции",
    ]
