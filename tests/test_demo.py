"""docgen demo renders every sample and agreement; --pdf converts them through LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.catalog import load_centre
from docgen.cli import cli
from docgen.demo import (
    ANNUAL_FOLDER,
    BATCH_FOLDER,
    LETTER_FOLDER,
    demo_inputs,
    render_annual,
)
from docgen.errors import InputError, OutputError
from docgen.pdf import convert_to_pdf

REPO = Path(__file__).resolve().parents[1]
NBSP = "\u00a0"

# What each demo document must say, as a person reads it (PDF text, spaces normalised).
EXPECTED = {
    "Договор СП-2026-001 МБОУ «СОШ № 5»": [
        "ДОГОВОР № СП-2026/001",
        "в лице директора Петровой Марии Сергеевны, действующей на основании Устава",
    ],
    "Договор СП-2026-002 МБУК «Музей «Наследие»»": [
        "в лице директора Черных Андрея Петровича, действующего на основании Устава",
    ],
    "Договор СП-2026-003 МБУ ДО «СШ «Олимп»»": [
        "исполняющего обязанности директора Ковальчука Дмитрия Олеговича, действующего на "
        "основании доверенности № 7 от 03.08.2026",
    ],
    "Соглашение СП-2026-004 МБУК «ЦБС»": [
        "СОГЛАШЕНИЕ № СП-2026/004",
        "в лице директора Лебедь Ольги Викторовны, действующей на основании Устава",
    ],
    "Договор СП-2026-005 МАУ «Редакция газеты «Бийский вестник»»": [
        "в лице главного редактора Гусева Константина Андреевича, действующего",
    ],
    "Положение «Мастерская Деда Мороза» 2026–2027": [
        "о проведении городского конкурса «Мастерская Деда Мороза», посвящённого Году",
        "9.2. Максимальная сумма баллов — 20.",
    ],
    "План по социальному партнёрству 2026–2027": [
        "работы МБУ ДО «ЦВР» по социальному партнёрству на 2026–2027 учебный год",
        "Планируемый охват участников мероприятий — 1970 чел.",
    ],
    "Анализ работы методической службы 2025–2026": [
        "Доля победителей и призёров от числа участников — 21,4 %.",
    ],
}

PARTNERS = 27
"""Partners in samples/joint-events.xlsx: one report each, and the events section."""
ANNUAL = PARTNERS + 1
FROM_WORKBOOK = 12
"""Agreements in samples/agreements.xlsx, one contract each."""
LETTERS = [
    "Благодарственное письмо Петрова Мария Сергеевна",
    "Благодарственное письмо Иванов Пётр Сергеевич",
    "Благодарственное письмо Кузнецова Елена Викторовна",
]
"""Rows of samples/thanks-letter.xlsx (a user's own template), one letter each."""
ALL = 8 + ANNUAL + FROM_WORKBOOK + len(LETTERS)

skip_without_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="нужны LibreOffice (soffice) и poppler-utils (pdftotext): "
    "apt-get install -y libreoffice-writer-nogui poppler-utils",
)


def _pdf_text(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return " ".join(result.stdout.decode("utf-8").replace(NBSP, " ").split())


def test_demo_renders_every_sample_and_agreement(tmp_path: Path) -> None:
    out = tmp_path / "демо"
    result = CliRunner().invoke(cli, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Готово, файлов: {ALL} (папка {out}):"
    listed = [Path(line.strip()) for line in lines[1:]]
    assert len(listed) == ALL
    assert [path.stem for path in listed[:8]] == list(EXPECTED)
    assert all(path.parent == out and path.suffix == ".docx" for path in listed[:8])
    annual, batch, letter_folder = out / ANNUAL_FOLDER, out / BATCH_FOLDER, out / LETTER_FOLDER
    reports = listed[8 : 8 + ANNUAL]
    contracts = listed[8 + ANNUAL : 8 + ANNUAL + FROM_WORKBOOK]
    letters = listed[8 + ANNUAL + FROM_WORKBOOK :]
    assert sorted(out.iterdir()) == sorted([*listed[:8], annual, batch, letter_folder]), (
        "nothing else is left"
    )
    assert sorted(annual.iterdir()) == sorted(reports), "the year's reports and section"
    assert sum(path.stem.startswith("Отчёт ") for path in reports) == PARTNERS
    assert reports[-1].name == "Мероприятия с социальными партнёрами 2025–2026.docx"
    assert sorted(batch.iterdir()) == sorted(contracts), "one contract per workbook row"
    assert len(contracts) == FROM_WORKBOOK
    assert all(
        path.stem.startswith(("Договор СП-2026-0", "Соглашение СП-2026-0")) for path in contracts
    )
    assert [path.stem for path in letters] == LETTERS, "the name written as read: tidied"
    assert sorted(letter_folder.iterdir()) == sorted(letters)
    assert len(demo_inputs()) == 8


def test_demo_uses_the_settings_output_and_the_sample_centre(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOCGEN_CENTRE", raising=False)
    monkeypatch.delenv("DOCGEN_CONFIG", raising=False)
    monkeypatch.setenv("DOCGEN_OUTPUT", str(tmp_path / "вывод"))
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "вывод" / "demo").glob("*.docx"))) == 8
    assert len(list((tmp_path / "вывод" / "demo" / ANNUAL_FOLDER).glob("*.docx"))) == ANNUAL


def test_demo_without_samples_says_where_they_should_be(tmp_path: Path) -> None:
    # the samples ship inside the package: a missing one means a broken installation
    samples = tmp_path / "samples"
    with pytest.raises(InputError) as missing:
        demo_inputs(samples, tmp_path / "contracts")
    assert str(missing.value) == (
        f"нет примеров для демонстрации ({samples / 'regulation.yaml'}, {samples / 'plan.yaml'}, "
        f"{samples / 'method-report.yaml'}): установка docgen неполна, переустановите пакет"
    )
    with pytest.raises(InputError) as no_contracts:
        demo_inputs(REPO / "samples", tmp_path / "contracts")
    assert str(no_contracts.value) == (
        f"нет примеров для демонстрации ({tmp_path / 'contracts' / '*.yaml'}): "
        "установка docgen неполна, переустановите пакет"
    )
    centre = load_centre(REPO / "samples" / "centre.yaml")
    workbook = tmp_path / "joint-events.xlsx"
    with pytest.raises(InputError, match="нет таблицы мероприятий") as no_events:
        render_annual(tmp_path, centre, workbook=workbook)
    assert f"({workbook}, " in str(no_events.value)
    assert str(no_events.value).endswith(": установка docgen неполна, переустановите пакет")


def test_pdf_without_libreoffice_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path / "out"), "--pdf"])
    assert result.exit_code == 1
    assert "ошибка: для PDF нужен LibreOffice" in result.stderr
    assert "apt-get install -y libreoffice-writer-nogui" in result.stderr


def test_pdf_refuses_missing_files_and_clashing_names(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="нет такого файла"):
        convert_to_pdf([tmp_path / "нет.docx"])
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "x.docx").write_bytes(b"")
    with pytest.raises(OutputError, match="один и тот же PDF"):
        convert_to_pdf([tmp_path / "a" / "x.docx", tmp_path / "b" / "x.docx"], tmp_path)
    assert convert_to_pdf([]) == []


@pytest.mark.libreoffice
@skip_without_libreoffice
def test_demo_pdf_has_the_expected_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path), "--pdf"])
    assert result.exit_code == 0, result.output
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert sorted(path.stem for path in pdfs) == sorted(EXPECTED)
    assert len(result.output.splitlines()) == 1 + 2 * ALL
    annual = sorted((tmp_path / ANNUAL_FOLDER).glob("*.pdf"))
    assert len(annual) == ANNUAL
    letters = sorted((tmp_path / LETTER_FOLDER).glob("*.pdf"))
    assert sorted(path.stem for path in letters) == sorted(LETTERS)
    school = _pdf_text(tmp_path / ANNUAL_FOLDER / "Отчёт МБОУ «СОШ № 5» 2025–2026.pdf")
    # a letter to the school's head, named in samples/partners.yaml
    assert "Директору МБОУ «СОШ № 5» Петровой М.С." in school
    assert "О совместной деятельности в 2025–2026 учебном году Уважаемая Мария Сергеевна!" in school
    assert "проведено 15 совместных мероприятий, в которых приняли участие 1806 человек" in school
    for pdf in pdfs:
        text = _pdf_text(pdf)
        for sentence in EXPECTED[pdf.stem]:
            assert sentence in text, f"{pdf.name}: нет «{sentence}»"
    folders = (tmp_path, tmp_path / ANNUAL_FOLDER)
    leftovers = [p.name for folder in folders for p in folder.iterdir() if p.name.startswith(".")]
    assert leftovers == [], "the staging folder is removed"


@pytest.mark.libreoffice
@skip_without_libreoffice
def test_render_pdf_beside_the_document(tmp_path: Path) -> None:
    output = tmp_path / "договор.docx"
    args = [
        "render",
        "contract",
        str(REPO / "contracts" / "2026-004-library.yaml"),
        "-o",
        str(output),
        "--centre",
        str(REPO / "samples" / "centre.yaml"),
        "--pdf",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"записан {output}",
        f"записан {output.with_suffix('.pdf')}",
    ]
    assert "заключили настоящее Соглашение о нижеследующем" in _pdf_text(output.with_suffix(".pdf"))
