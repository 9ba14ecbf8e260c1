"""Import and export: re-import updates without duplicates; export then import is lossless."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook
from sqlalchemy import select

from docgen.errors import InputError
from docgen.models import Agreement
from docgen.register import (
    Outcome,
    Register,
    Status,
    export_register,
    find_agreement,
    find_partner,
    import_files,
    open_register,
    sign_agreement,
    terminate_agreement,
)
from docgen.register.store import agreement_records, partners
from docgen.register.tables import AgreementRow, NumberCounter, PartnerRow
from docgen.sources import load_model

MUSEUM_INN = "2204030991"


def table_rows(register: Register) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of the data tables, as plain tuples in key order."""
    tables = {
        "partners": select(PartnerRow.id, PartnerRow.inn, PartnerRow.type, PartnerRow.data),
        "agreements": select(
            AgreementRow.id,
            AgreementRow.number,
            AgreementRow.partner_id,
            AgreementRow.status,
            AgreementRow.signed_on,
            AgreementRow.term_end,
            AgreementRow.data,
        ),
        "counters": select(NumberCounter.series, NumberCounter.year, NumberCounter.last),
    }
    with register.engine.connect() as connection:
        return {
            name: sorted(tuple(row) for row in connection.execute(query))
            for name, query in tables.items()
        }


def test_importing_contracts_twice_leaves_the_same_rows(
    register: Register, contracts: Path
) -> None:
    first = import_files(register, [contracts])
    assert [item.outcome for item in first] == [Outcome.ADDED] * 5
    before = table_rows(register)
    second = import_files(register, [contracts])
    assert [item.outcome for item in second] == [Outcome.UNCHANGED] * 5
    assert table_rows(register) == before
    assert len(before["partners"]) == 5 and len(before["agreements"]) == 5
    assert before["counters"] == [("СП-{year}/{seq:03d}", 2026, 5)]


def test_the_register_returns_the_imported_models(register: Register, contracts: Path) -> None:
    import_files(register, [contracts])
    for path in sorted(contracts.glob("*.yaml")):
        expected = load_model(path, Agreement)
        assert find_agreement(register, expected.number).agreement == expected
        inn = expected.partner.organisation.requisites.inn
        assert find_partner(register, inn) == expected.partner


def test_a_changed_partner_is_updated_not_duplicated(
    register: Register, contracts: Path, tmp_path: Path
) -> None:
    import_files(register, [contracts / "2026-002-museum.yaml"])
    card = find_partner(register, MUSEUM_INN).model_dump(mode="json")
    card["organisation"]["requisites"]["phone"] = "8 (3854) 99-99-99"
    (tmp_path / "museum.yaml").write_text(yaml.safe_dump(card, allow_unicode=True), "utf-8")
    [result] = import_files(register, [tmp_path / "museum.yaml"])
    assert result.outcome is Outcome.UPDATED
    assert result.what == "партнёр МБУК «Музей «Наследие»»"
    phone = find_partner(register, MUSEUM_INN).organisation.requisites.phone
    assert phone == "8 (3854) 99-99-99"
    assert len(table_rows(register)["partners"]) == 1


def test_reimport_keeps_what_people_did(register: Register, contracts: Path) -> None:
    import_files(register, [contracts], signed=False)
    sign_agreement(register, "СП-2026/002", dt.date(2026, 9, 6))
    sign_agreement(register, "СП-2026/003", dt.date(2026, 9, 10))
    terminate_agreement(register, "СП-2026/003", dt.date(2027, 1, 10))
    import_files(register, [contracts])
    assert find_agreement(register, "СП-2026/001").status is Status.DRAFT
    signed = find_agreement(register, "СП-2026/002")
    assert (signed.status, signed.signed_on) == (Status.SIGNED, dt.date(2026, 9, 6))
    assert find_agreement(register, "СП-2026/003").status is Status.TERMINATED


def test_new_imports_are_signed_on_their_date_unless_drafts(
    register: Register, contracts: Path
) -> None:
    import_files(register, [contracts / "2026-001-school-5.yaml"])
    record = find_agreement(register, "СП-2026/001")
    assert (record.status, record.signed_on) == (Status.SIGNED, dt.date(2026, 8, 24))


def test_export_then_import_is_lossless(
    register: Register, database_url: str, contracts: Path, tmp_path: Path
) -> None:
    import_files(register, [contracts])
    card = find_partner(register, MUSEUM_INN).model_copy(update={"label": "Музей-партнёр"})
    (tmp_path / "card.yaml").write_text(
        yaml.safe_dump(card.model_dump(mode="json"), allow_unicode=True), "utf-8"
    )
    import_files(register, [tmp_path / "card.yaml"])
    written = export_register(register, tmp_path / "export")
    assert len(written) == 10
    assert (tmp_path / "export" / "СП-2026-001.yaml").is_file()

    fresh = open_register(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        import_files(fresh, [tmp_path / "export"])
        assert fresh.run(agreement_records) == register.run(agreement_records)
        assert fresh.run(partners) == register.run(partners)
        assert find_partner(fresh, MUSEUM_INN).label == "Музей-партнёр"
    finally:
        fresh.close()


def test_an_exported_agreement_reads_like_the_samples(
    register: Register, contracts: Path, tmp_path: Path
) -> None:
    import_files(register, [contracts / "2026-001-school-5.yaml"])
    export_register(register, tmp_path)
    text = (tmp_path / "СП-2026-001.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        "# Договор СП-2026/001 с МБОУ «СОШ № 5»; в реестре: подписан 24.08.2026."
    )
    assert "\ndate: 24.08.2026\n" in text
    assert "\n  end: 31.08.2027\n" in text
    assert "\n  - консультации\n" in text
    assert "inn: '2204021669'" in text


def test_a_bad_file_changes_nothing_and_every_problem_is_named(
    register: Register, contracts: Path, tmp_path: Path
) -> None:
    shutil.copy(contracts / "2026-001-school-5.yaml", tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("number: 1\n", encoding="utf-8")
    text = (contracts / "2026-002-museum.yaml").read_text(encoding="utf-8")
    (tmp_path / "c.yaml").write_text(text.replace("2204030991", "2204030992"), "utf-8")
    with pytest.raises(InputError) as caught:
        import_files(register, [tmp_path])
    message = str(caught.value)
    assert "b.yaml: это не договор" in message
    assert "c.yaml" in message and "неверная контрольная цифра" in message
    assert "реестр не изменён" in message
    assert table_rows(register)["agreements"] == []


WORKBOOK_HEADER = [
    "Полное наименование",
    "Сокращённое наименование",
    "ИНН",
    "КПП",
    "ОГРН",
    "Юридический адрес",
    "Тип учреждения",
    "Руководитель: ФИО",
    "Руководитель: должность",
]


def make_partner_workbook(path: Path, rows: list[list[str]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Партнёры"
    sheet.append(WORKBOOK_HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


MUSEUM_ROW = [
    "Муниципальное бюджетное учреждение культуры «Городской краеведческий музей «Наследие»»",
    "МБУК «Музей «Наследие»»",
    MUSEUM_INN,
    "220401001",
    "1022201246286",
    "659300, Алтайский край, г. Бийск, ул. Ленина, д. 1",
    "музей",
    "Черных Андрей Петрович",
    "директор",
]


def test_a_partner_workbook_updates_partners_by_inn(
    register: Register, contracts: Path, tmp_path: Path
) -> None:
    import_files(register, [contracts / "2026-002-museum.yaml"])
    library = load_model(contracts / "2026-004-library.yaml", Agreement).partner
    library_row = [
        library.organisation.full_name,
        library.organisation.short_name,
        library.organisation.requisites.inn,
        "220401001",
        library.organisation.requisites.ogrn,
        library.organisation.requisites.legal_address,
        "библиотека",
        "Лебедь Ольга Викторовна",
        "директор",
    ]
    workbook = make_partner_workbook(tmp_path / "партнёры.xlsx", [MUSEUM_ROW, library_row])
    results = import_files(register, [workbook])
    assert [(item.what, item.outcome) for item in results] == [
        ("партнёр МБУК «Музей «Наследие»»", Outcome.UPDATED),
        ("партнёр МБУК «ЦБС»", Outcome.ADDED),
    ]
    museum = find_partner(register, MUSEUM_INN)
    assert museum.organisation.requisites.legal_address.endswith("ул. Ленина, д. 1")
    assert find_partner(register, library.organisation.requisites.inn).signer.person.last_name == (
        "Лебедь"
    )
    assert len(table_rows(register)["partners"]) == 2


def test_a_bad_workbook_row_is_named_by_its_cell(register: Register, tmp_path: Path) -> None:
    row = [*MUSEUM_ROW]
    row[4] = "1022201246287"
    workbook = make_partner_workbook(tmp_path / "партнёры.xlsx", [row])
    with pytest.raises(InputError, match="строка 2, столбец E «ОГРН»") as caught:
        import_files(register, [workbook])
    assert "реестр не изменён" in str(caught.value)
    assert table_rows(register)["partners"] == []


def test_a_partner_card_is_imported_on_its_own(
    register: Register, contracts: Path, tmp_path: Path
) -> None:
    partner = load_model(contracts / "2026-004-library.yaml", Agreement).partner
    card = tmp_path / "library.json"
    card.write_text(partner.model_dump_json(), encoding="utf-8")
    [result] = import_files(register, [card])
    assert (result.what, result.outcome) == ("партнёр МБУК «ЦБС»", Outcome.ADDED)
    assert register.run(partners) == [partner]
    assert register.run(agreement_records) == []
