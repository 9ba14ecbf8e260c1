"""The agreement pages: the form with its preview and rows, the card, downloads, statuses."""

from __future__ import annotations

import dataclasses
import re
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from docgen.service import ServiceConfig, create_app

MUSEUM_INN = "2204030991"


@pytest.fixture
def ready(api: TestClient, partner_data: dict[str, Any], kit: Any) -> None:
    """Put the museum into the register."""
    kit.add_museum(api, partner_data)


def _form(token: str, **extra: str) -> dict[str, str]:
    form = {
        "csrf_token": token,
        "partner_inn": MUSEUM_INN,
        "kind": "договор",
        "topic": "о сотрудничестве",
        "date": "2026-09-05",
        "term.start": "2026-09-05",
        "term.end": "2027-08-31",
        "term.notice_days": "30",
        "forms": "совместные проекты",
        "activities.0.title": "Музейный урок «Бийск — ворота Алтая»",
        "activities.0.dates": "октябрь",
        "activities.1.title": "",
        "activities.1.dates": "",
        "personal_data": "true",
        "copies": "2",
    }
    form.update(extra)
    return form


def test_new_agreement_form(browser: TestClient, ready: None) -> None:
    page = browser.get("/agreements/new", params={"partner": MUSEUM_INN}).text
    assert re.search(r'<option value="2204030991" selected>МБУК', page.replace("&#34;", '"'))
    assert "СП-" in page and "Номер присваивается автоматически" in page
    assert 'name="activities.0.title"' in page
    assert 'name="term.end"' in page
    assert "Пусто — «сотрудничество Сторон по направлениям" in page  # subject is optional here


def test_preview_shows_key_sentences_and_stores_nothing(
    browser: TestClient, ready: None, kit: Any
) -> None:
    response = browser.post("/agreements/new", data=_form(kit.csrf(browser), action="preview"))
    assert response.status_code == 200
    page = response.text
    assert "Так начнётся договор" in page
    assert "в\u00a0лице директора Черных Андрея Петровича, действующего" in page
    assert "ДОГОВОР № (номер будет присвоен)" in page.replace("\u00a0", " ")
    assert 'value="Музейный урок «Бийск — ворота Алтая»"' in page.replace("&#34;", '"')
    assert browser.get("/api/agreements").json() == []


def test_add_row_keeps_what_was_typed(browser: TestClient, ready: None, kit: Any) -> None:
    page = browser.post("/agreements/new", data=_form(kit.csrf(browser), action="add_row")).text
    assert 'name="activities.1.title" value=""' in page
    assert "Музейный урок" in page
    assert browser.get("/api/agreements").json() == []


def test_create_from_the_form_opens_the_card(browser: TestClient, ready: None, kit: Any) -> None:
    response = browser.post(
        "/agreements/new", data=_form(kit.csrf(browser)), follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/agreements/{quote('СП-2026/001', safe='')}?created=1"
    card = browser.get(response.headers["location"]).text
    assert "Договор создан" in card
    assert "в\u00a0лице директора Соколовой Ирины Владимировны, действующей" in card
    stored = browser.get("/api/agreements/СП-2026/001").json()["agreement"]
    assert [a["title"] for a in stored["activities"]] == ["Музейный урок «Бийск — ворота Алтая»"]
    assert stored["forms"] == ["совместные проекты"]


def test_form_errors_next_to_fields_and_nothing_stored(
    browser: TestClient, ready: None, kit: Any
) -> None:
    form = _form(kit.csrf(browser), partner_inn="")
    form["activities.0.dates"] = ""
    form["term.end"] = "2026-01-01"
    response = browser.post("/agreements/new", data=form)
    assert response.status_code == 422
    page = response.text
    partner = re.search(r'<label for="partner_inn">.*?</div>', page, re.S)
    assert partner is not None and "выберите партнёра" in partner.group(0)
    form["partner_inn"] = MUSEUM_INN
    response = browser.post("/agreements/new", data=form)
    page = response.text
    cell = re.search(
        r'<td class="has-error"><input[^>]*name="activities.0.dates".*?</td>', page, re.S
    )
    assert cell is not None and "обязательное поле не заполнено" in cell.group(0)
    term = re.search(r'<fieldset class="group has-error" id="term">.*?</fieldset>', page, re.S)
    assert term is not None and "раньше, чем начинается" in term.group(0)
    assert browser.get("/api/agreements").json() == []


def test_card_downloads_the_contract_and_lists_it(
    browser: TestClient, ready: None, kit: Any
) -> None:
    browser.post("/agreements/new", data=_form(kit.csrf(browser)))
    url = f"/agreements/{quote('СП-2026/001', safe='')}"
    response = browser.post(
        f"{url}/document", data={"csrf_token": kit.csrf(browser), "format": "docx"}
    )
    assert response.status_code == 200
    assert "в\u00a0лице директора Черных Андрея Петровича" in kit.document_text(response.content)
    assert "Договор СП-2026-001 МБУК" in browser.get(url).text
    assert "СП-2026-001" in browser.get("/journal").text


def test_card_download_needs_the_token(browser: TestClient, ready: None, kit: Any) -> None:
    browser.post("/agreements/new", data=_form(kit.csrf(browser)))
    url = f"/agreements/{quote('СП-2026/001', safe='')}"
    assert browser.post(f"{url}/document", data={"format": "docx"}).status_code == 403
    assert browser.get("/api/journal").json() == []


def test_sign_and_terminate_buttons(browser: TestClient, ready: None, kit: Any) -> None:
    browser.post("/agreements/new", data=_form(kit.csrf(browser)))
    url = f"/agreements/{quote('СП-2026/001', safe='')}"
    assert "Отметить подписанным" in browser.get(url).text
    browser.post(f"{url}/sign", data={"csrf_token": kit.csrf(browser)})
    page = browser.get(url).text
    assert "Расторгнуть" in page and "подписан" in page
    browser.post(f"{url}/terminate", data={"csrf_token": kit.csrf(browser)})
    assert browser.get("/api/agreements/СП-2026/001").json()["status"] == "terminated"


def test_preview_without_centre_profile_is_a_clear_page(
    config: ServiceConfig, partner_data: dict[str, Any], kit: Any
) -> None:
    bare = dataclasses.replace(config, centre=None)
    with TestClient(create_app(bare)) as browser:
        browser.post("/api/partners", json=partner_data, headers={"X-Docgen-Client": "1"})
        assert "Не задан профиль Центра" in browser.get("/").text
        response = browser.post("/agreements/new", data=_form(kit.csrf(browser), action="preview"))
        assert response.status_code == 503
        assert "<h1>Не задан профиль Центра</h1>" in response.text
        assert "docgen.toml" in response.text
