"""End to end: a real server and Debian's headless Chromium driven by Playwright.

A methodologist's path: add a partner, make an agreement (preview, create), download the
contract and find its preamble; upload a template and a workbook, download the ZIP.
Skipped where /usr/bin/chromium or the playwright package is missing.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="нет /usr/bin/chromium (apt-get install chromium)"
    ),
]


@pytest.fixture
def server(live_service: Any) -> str:
    """Run ``docgen serve`` without a password; return its address."""
    address: str = live_service()
    return address


@pytest.fixture
def page(server: str) -> Iterator[Any]:
    """Return a Chromium page with downloads allowed and a Russian locale."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, locale="ru-RU", base_url=server)
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def _add_partner(page: Any) -> None:
    page.goto("/partners/new")
    values = {
        "organisation.full_name": "Муниципальное бюджетное учреждение культуры «Городской "
        "краеведческий музей «Наследие»»",
        "organisation.short_name": "МБУК «Музей «Наследие»»",
        "organisation.requisites.inn": "2204030991",
        "organisation.requisites.kpp": "220401001",
        "organisation.requisites.ogrn": "1022201246286",
        "organisation.requisites.legal_address": "659303, Алтайский край, г. Бийск",
        "signer.person.last_name": "Черных",
        "signer.person.first_name": "Андрей",
        "signer.person.middle_name": "Петрович",
        "signer.position": "директор",
    }
    for name, value in values.items():
        page.fill(f'[name="{name}"]', value)
    page.select_option('[name="type"]', "музей")
    page.get_by_role("button", name="Сохранить карточку").click()
    page.wait_for_url("**/partners?saved=2204030991")
    assert "сохранена" in page.inner_text("main")


def _make_agreement(page: Any) -> None:
    page.goto("/agreements/new")
    page.select_option('[name="partner_inn"]', "2204030991")
    page.fill('[name="date"]', "05.09.2026")
    page.fill('[name="term.start"]', "05.09.2026")
    page.fill('[name="term.end"]', "31.08.2027")
    page.fill('[name="activities.0.title"]', "Музейный урок «Бийск — ворота Алтая»")
    page.fill('[name="activities.0.dates"]', "октябрь")
    page.get_by_role("button", name="Показать начало договора").click()
    preview = page.inner_text("#preview")
    assert "в\u00a0лице директора Черных Андрея Петровича, действующего" in preview
    page.get_by_role("button", name="Создать договор").click()
    page.wait_for_url("**/agreements/*created=1")
    assert "Договор создан" in page.inner_text("main")


def test_partner_agreement_and_contract_download(page: Any) -> None:
    _add_partner(page)
    _make_agreement(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Скачать договор (Word)").click()
    assert download.value.suggested_filename.startswith("Договор СП-2026-001")
    text = "\n".join(p.text for p in Document(download.value.path()).paragraphs)
    # the contract is typeset: short words keep with the next one (no-break spaces)
    centre = (
        "в\u00a0лице директора Соколовой Ирины Владимировны, действующей на\u00a0основании Устава"
    )
    assert centre in text
    assert "в\u00a0лице директора Черных Андрея Петровича, действующего" in text
    page.goto("/journal")
    assert "СП-2026/001" in page.inner_text("main")


def _template_and_workbook(tmp_path: Path) -> tuple[Path, Path]:
    from openpyxl import Workbook

    template = tmp_path / "грамота.docx"
    document = Document()
    document.add_paragraph("Грамота вручается {{ name }}")
    document.save(template)
    workbook_path = tmp_path / "список.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    for row in (["Грамоты"], ["name"], ["Ивановой Анне"], ["Петрову Илье"]):
        sheet.append(row)
    workbook.save(workbook_path)
    return template, workbook_path


def test_workbook_batch_to_zip(page: Any, tmp_path: Path) -> None:
    template, workbook = _template_and_workbook(tmp_path)
    page.goto("/templates")
    page.set_input_files('[name="file"]', str(template))
    page.get_by_role("button", name="Загрузить шаблон").click()
    page.wait_for_url("**/templates/*")
    assert "name" in page.inner_text("main")
    page.goto("/batch")
    page.select_option('[name="template"]', label="грамота.docx")
    page.set_input_files('[name="file"]', str(workbook))
    page.get_by_role("button", name="Собрать документы").click()
    page.wait_for_selector("text=Скачать архив с документами (ZIP)", timeout=60_000)
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать архив с документами (ZIP)").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        names = archive.namelist()
        texts = [
            "\n".join(p.text for p in Document(io.BytesIO(archive.read(n))).paragraphs)
            for n in names
        ]
    assert len(names) == 2
    assert sorted(texts) == ["Грамота вручается Ивановой Анне", "Грамота вручается Петрову Илье"]
