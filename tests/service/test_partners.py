"""Partners through the JSON API and the pages: create, list, search, edit, refuse bad input."""

from __future__ import annotations

import copy
import re
from typing import Any

from fastapi.testclient import TestClient

from docgen.models.people import Person

MUSEUM_INN = "2204030991"


def _inns(api: TestClient, query: str = "") -> list[str]:
    response = api.get("/api/partners", params={"q": query} if query else None)
    assert response.status_code == 200
    return [item["organisation"]["requisites"]["inn"] for item in response.json()]


def test_create_list_get_and_search(api: TestClient, partner_data: dict[str, Any]) -> None:
    created = api.post("/api/partners", json=partner_data)
    assert created.status_code == 201
    assert created.json()["label"] == "Музей"  # the model's default by partner type
    assert _inns(api) == [MUSEUM_INN]
    assert _inns(api, "наследие") == [MUSEUM_INN]
    assert _inns(api, "музей наследие") == [MUSEUM_INN]
    assert _inns(api, "школа") == []
    card = api.get(f"/api/partners/{MUSEUM_INN}")
    assert card.status_code == 200
    assert card.json()["signer"]["person"]["last_name"] == "Черных"


def test_bad_inn_is_refused_with_the_field_and_nothing_stored(
    api: TestClient, partner_data: dict[str, Any]
) -> None:
    broken = copy.deepcopy(partner_data)
    broken["organisation"]["requisites"]["inn"] = "2204030990"
    response = api.post("/api/partners", json=broken)
    assert response.status_code == 422
    body = response.json()
    assert "контрольная цифра" in body["detail"]
    assert [p["loc"] for p in body["problems"]] == ["organisation.requisites.inn"]
    assert body["problems"][0]["title"] == "ИНН"
    assert _inns(api) == []


def test_unknown_key_and_missing_field_are_named(
    api: TestClient, partner_data: dict[str, Any]
) -> None:
    broken = copy.deepcopy(partner_data)
    broken["signer"]["postion"] = "директор"
    del broken["type"]
    body = api.post("/api/partners", json=broken).json()
    messages = {p["loc"]: p["message"] for p in body["problems"]}
    assert "возможно, имелось в виду «position»" in messages["signer.postion"]
    assert messages["type"] == "обязательное поле не заполнено"
    assert _inns(api) == []


def test_body_that_is_not_json_gets_a_russian_422(api: TestClient) -> None:
    response = api.post(
        "/api/partners", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert "не JSON" in response.json()["detail"]
    assert _inns(api) == []


def test_duplicate_inn_is_refused(api: TestClient, partner_data: dict[str, Any]) -> None:
    assert api.post("/api/partners", json=partner_data).status_code == 201
    again = copy.deepcopy(partner_data)
    again["organisation"]["short_name"] = "Другое имя"
    response = api.post("/api/partners", json=again)
    assert response.status_code == 422
    assert "уже есть в реестре" in response.json()["detail"]
    assert api.get(f"/api/partners/{MUSEUM_INN}").json()["organisation"]["short_name"] != (
        "Другое имя"
    )


def test_update_keeps_the_inn(api: TestClient, partner_data: dict[str, Any]) -> None:
    api.post("/api/partners", json=partner_data)
    changed = copy.deepcopy(partner_data)
    changed["signer"]["position"] = "исполняющий обязанности директора"
    response = api.put(f"/api/partners/{MUSEUM_INN}", json=changed)
    assert response.status_code == 200
    assert response.json()["signer"]["position"] == "исполняющий обязанности директора"
    moved = copy.deepcopy(changed)
    moved["organisation"]["requisites"]["inn"] = "2204015263"
    refused = api.put(f"/api/partners/{MUSEUM_INN}", json=moved)
    assert refused.status_code == 422
    assert "ИНН менять нельзя" in refused.json()["detail"]
    assert _inns(api) == [MUSEUM_INN]


def test_unknown_partner_is_404(api: TestClient, partner_data: dict[str, Any]) -> None:
    assert api.get("/api/partners/7700000000").status_code == 404
    response = api.put("/api/partners/7700000000", json=partner_data)
    assert response.status_code == 404
    assert "нет в реестре" in response.json()["detail"]
    assert _inns(api) == []


def test_api_without_the_custom_header_is_refused(
    app_client: TestClient, partner_data: dict[str, Any]
) -> None:
    response = app_client.post("/api/partners", json=partner_data)
    assert response.status_code == 403
    assert "x-docgen-client" in response.json()["detail"]
    assert app_client.get("/api/partners").json() == []


def test_api_accepts_the_csrf_token_instead(
    app_client: TestClient, partner_data: dict[str, Any], kit: Any
) -> None:
    token = kit.csrf(app_client)
    response = app_client.post("/api/partners", json=partner_data, headers={"X-CSRF-Token": token})
    assert response.status_code == 201


# --- pages ---


def _form(partner: dict[str, Any], token: str) -> dict[str, Any]:
    organisation, requisites = partner["organisation"], partner["organisation"]["requisites"]
    person = Person.model_validate(partner["signer"]["person"])  # one string in the sample
    return {
        "csrf_token": token,
        "organisation.full_name": organisation["full_name"],
        "organisation.short_name": organisation["short_name"],
        "organisation.requisites.inn": requisites["inn"],
        "organisation.requisites.kpp": requisites["kpp"],
        "organisation.requisites.ogrn": requisites["ogrn"],
        "organisation.requisites.legal_address": requisites["legal_address"],
        "type": "музей",
        "signer.person.last_name": person.last_name,
        "signer.person.first_name": person.first_name,
        "signer.person.middle_name": person.middle_name,
        "signer.position": "директор",
        "signer.authority": "устав",
        "directions": "Экскурсии\n\n  Музейные уроки  \n",
    }


def test_new_partner_form_is_generated_from_the_model(browser: TestClient) -> None:
    page = browser.get("/partners/new").text
    for title in ("Полное наименование", "ИНН", "Реквизиты", "Банковские реквизиты", "Пол"):
        assert title in page
    assert '<select id="type" name="type">' in page
    assert '<option value="музей"' in page
    assert '<textarea id="directions" name="directions"' in page
    assert 'name="organisation.name_forms.genitive"' in page
    assert 'name="csrf_token"' in page


def test_partner_saved_from_the_form(
    browser: TestClient, partner_data: dict[str, Any], kit: Any
) -> None:
    form = _form(partner_data, kit.csrf(browser))
    response = browser.post("/partners/new", data=form, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/partners?saved={MUSEUM_INN}"
    card = browser.get(f"/api/partners/{MUSEUM_INN}").json()
    assert card["directions"] == ["Экскурсии", "Музейные уроки"]
    assert card["contact"] is None  # the folded, empty group stays empty
    listing = browser.get(f"/partners?saved={MUSEUM_INN}").text
    assert "сохранена" in listing and "МБУК «Музей «Наследие»»" in listing


def test_form_errors_are_shown_next_to_their_fields(
    browser: TestClient, partner_data: dict[str, Any], kit: Any
) -> None:
    form = _form(partner_data, kit.csrf(browser))
    form["organisation.requisites.inn"] = "2204030990"
    form["signer.person.first_name"] = ""
    response = browser.post("/partners/new", data=form)
    assert response.status_code == 422
    page = response.text
    inn_label = r'<div class="field has-error">\s*<label for="organisation.requisites.inn">'
    inn_field = re.search(inn_label + r".*?</div>", page, re.S)
    assert inn_field is not None and "контрольная цифра" in inn_field.group(0)
    name_field = re.search(r'<label for="signer.person.first_name">.*?</div>', page, re.S)
    assert name_field is not None and "обязательное поле не заполнено" in name_field.group(0)
    assert "исправьте 2 ошибки" in page
    assert 'value="МБУК «Музей «Наследие»»"' in page.replace("&#34;", '"')  # typed values stay
    assert browser.get("/api/partners").json() == []


def test_form_without_the_csrf_token_is_refused(
    browser: TestClient, partner_data: dict[str, Any], kit: Any
) -> None:
    form = _form(partner_data, kit.csrf(browser))
    form["csrf_token"] = "forged-token-forged-token-forged"
    response = browser.post("/partners/new", data=form)
    assert response.status_code == 403
    assert "обновите страницу" in response.text
    assert browser.get("/api/partners").json() == []


def test_edit_page_keeps_inn_read_only_and_saves(
    browser: TestClient, partner_data: dict[str, Any], kit: Any
) -> None:
    browser.post("/partners/new", data=_form(partner_data, kit.csrf(browser)))
    page = browser.get(f"/partners/{MUSEUM_INN}").text
    assert re.search(r'name="organisation.requisites.inn" value="2204030991" readonly', page)
    form = _form(partner_data, kit.csrf(browser))
    form["signer.position"] = "заведующий"
    response = browser.post(f"/partners/{MUSEUM_INN}", data=form, follow_redirects=False)
    assert response.status_code == 303
    assert browser.get(f"/api/partners/{MUSEUM_INN}").json()["signer"]["position"] == "заведующий"


def test_partner_list_page_searches(
    api: TestClient, browser: TestClient, partner_data: dict[str, Any], kit: Any
) -> None:
    kit.add_museum(api, partner_data)
    assert "МБУК «Музей «Наследие»»" in browser.get("/partners", params={"q": "2204030"}).text
    missing = browser.get("/partners", params={"q": "школа"}).text
    assert "никого не нашлось" in missing


def test_unknown_partner_page_is_a_russian_404(browser: TestClient) -> None:
    response = browser.get("/partners/7700000000")
    assert response.status_code == 404
    assert "нет в реестре" in response.text
