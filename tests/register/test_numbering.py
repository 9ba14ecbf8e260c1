"""Numbers: from a pattern, per series and year, unique under concurrency, never reused."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Barrier

import pytest

from docgen.errors import InputError
from docgen.register import (
    Draft,
    NumberPattern,
    Register,
    delete_agreement,
    import_files,
    new_agreement,
    open_register,
    take_number,
)

SCHOOL_INN = "2204021669"


def test_default_pattern_formats_and_parses_its_numbers() -> None:
    pattern = NumberPattern()
    assert pattern.format(2026, 14) == "СП-2026/014"
    assert pattern.parse("СП-2026/014") == (2026, 14)
    assert pattern.parse("СП-2026/1234") == (2026, 1234)
    assert pattern.parse("Д-2026/014") is None
    assert pattern.parse("СП-2026/014а") is None


def test_a_pattern_without_year_numbers_through_the_years() -> None:
    pattern = NumberPattern("№ {seq}")
    assert not pattern.uses_year
    assert pattern.parse("№ 7") == (0, 7)


@pytest.mark.parametrize("text", ["СП-{year}", "{seq}-{month}", "{seq:q}", "{seq"])
def test_a_wrong_pattern_is_explained(text: str) -> None:
    with pytest.raises(InputError, match="шаблон номера"):
        NumberPattern(text)


def test_numbers_follow_each_other_and_restart_each_year(register: Register) -> None:
    taken = [take_number(register, 2026) for _ in range(3)]
    assert taken == ["СП-2026/001", "СП-2026/002", "СП-2026/003"]
    assert take_number(register, 2027) == "СП-2027/001"
    assert take_number(register, 2026) == "СП-2026/004"
    assert take_number(register, 2026, NumberPattern("Д-{seq}")) == "Д-1"


def test_fifty_concurrent_requests_get_fifty_consecutive_numbers(register: Register) -> None:
    start = Barrier(50)

    def request(_: int) -> str:
        start.wait()
        return take_number(register, 2026)

    with ThreadPoolExecutor(max_workers=50) as pool:
        numbers = list(pool.map(request, range(50)))
    assert len(set(numbers)) == 50
    assert sorted(numbers) == [f"СП-2026/{seq:03d}" for seq in range(1, 51)]


def test_concurrent_new_agreements_from_two_connections_get_distinct_numbers(
    register: Register, database_url: str, contracts: Path
) -> None:
    import_files(register, [contracts / "2026-001-school-5.yaml"])
    other = open_register(database_url)  # a second engine: another process in effect
    start = Barrier(20)

    def create(index: int) -> str:
        start.wait()
        target = register if index % 2 else other
        return new_agreement(target, Draft(SCHOOL_INN, dt.date(2026, 10, 1))).number

    try:
        with ThreadPoolExecutor(max_workers=20) as pool:
            numbers = list(pool.map(create, range(20)))
    finally:
        other.close()
    assert sorted(numbers) == [f"СП-2026/{seq:03d}" for seq in range(2, 22)]


def test_a_deleted_agreements_number_is_not_given_again(
    register: Register, contracts: Path
) -> None:
    import_files(register, [contracts])
    latest = new_agreement(register, Draft(SCHOOL_INN, dt.date(2026, 11, 1)))
    assert latest.number == "СП-2026/006"
    delete_agreement(register, latest.number)
    assert new_agreement(register, Draft(SCHOOL_INN, dt.date(2026, 11, 2))).number == (
        "СП-2026/007"
    )


def test_imported_numbers_move_the_counter_on(register: Register, contracts: Path) -> None:
    import_files(register, [contracts / "2026-003-sports-school.yaml"])
    assert take_number(register, 2026) == "СП-2026/004"


def test_a_failed_creation_gives_its_number_back(register: Register, contracts: Path) -> None:
    import_files(register, [contracts / "2026-001-school-5.yaml"])
    bad = Draft(SCHOOL_INN, dt.date(2026, 10, 1), end=dt.date(2026, 1, 1))
    with pytest.raises(InputError, match="раньше"):
        new_agreement(register, bad)
    good = new_agreement(register, Draft(SCHOOL_INN, dt.date(2026, 10, 1)))
    assert good.number == "СП-2026/002"


def test_numbers_of_the_same_series_in_other_spellings_are_skipped(
    register: Register, tmp_path: Path, contracts: Path
) -> None:
    # Imported under another pattern, the number cannot move the default counter, yet a new
    # agreement must not take it.
    text = (contracts / "2026-002-museum.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text.replace("СП-2026/002", "СП-2026/001"), "utf-8")
    import_files(register, [tmp_path / "a.yaml"], pattern=NumberPattern("Х-{seq}"))
    assert take_number(register, 2026) == "СП-2026/002"
    assert take_number(register, 2026) == "СП-2026/003"
