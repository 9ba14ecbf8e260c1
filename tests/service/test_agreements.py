"""Agreements through the JSON API: number, preview, create, render, sign, terminate."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from docx import Document
from fastapi.testclient import TestClient

from docgen.service import ServiceConfig, create_app

MUSEUM_INN = "2204030991"
PREAMBLE = (
    "в\u00a0лице директора Соколовой Ирины Владимировны, действующей на\u00a0основании Устава, "
    "с\u00a0одной стороны, и\u00a0Муниципальное бюджетное учреждение культуры"
)


@pytest.fixture
def with_museum(api: TestClient, partner_data: dict[str, Any], kit: Any) -> TestClient:
    """Return the API client with the museum in the register."""
    kit.add_museum(api, partner_data)
    return api


def _create(api: TestClient, terms: dict[str, Any], inn: str = MUSEUM_INN) -> Any:
    return api.post("/api/agreements", json={"partner_inn": inn, "terms": terms})


def _numbers(api: TestClient) -> list[str]:
    return [row["agreement"]["number"] for row in api.get("/api/agreements").json()]


def test_next_number_is_shown_without_taking_it(with_museum: TestClient) -> None:
    first = with_museum.get("/api/agreements/next-number", params={"year": 2026}).json()
    again = with_museum.get("/api/agreements/next-number", params={"year": 2026}).json()
    assert first == again == {"number": "СП-2026/001"}


def test_preview_gives_the_preamble_and_case_forms_and_stores_nothing(
    with_museum: TestClient, terms: dict[str, Any]
) -> None:
    response = with_museum.post(
        "/api/agreements/preview", json={"partner_inn": MUSEUM_INN, "terms": terms}
    )
    assert response.status_code == 200
    body = response.json()
    title = " ".join(body["paragraphs"][:3])
    assert "между Муниципальным бюджетным учреждением дополнительного образования" in title
    assert "и\u00a0Муниципальным бюджетным учреждением культуры «Городской краеведческий" in title
    assert PREAMBLE in body["paragraphs"][-1]
    forms = {form["label"]: form["text"] for form in body["forms"]}
    assert forms["Руководитель партнёра (родительный: «в лице кого»)"] == (
        "директора Черных Андрея Петровича, действующего"
    )
    assert _numbers(with_museum) == []


def test_create_takes_consecutive_numbers(with_museum: TestClient, terms: dict[str, Any]) -> None:
    first = _create(with_museum, terms)
    assert first.status_code == 201
    assert first.json()["agreement"]["number"] == "СП-2026/001"
    assert first.json()["status"] == "draft"
    assert first.json()["agreement"]["activities"][0]["title"].startswith("Музейный урок")
    assert _create(with_museum, terms).json()["agreement"]["number"] == "СП-2026/002"


def test_invalid_terms_store_nothing_and_give_the_number_back(
    with_museum: TestClient, terms: dict[str, Any]
) -> None:
    broken = copy.deepcopy(terms)
    broken["term"] = {"start": "01.10.2026", "end": "01.09.2026"}
    broken["activities"] = [{"title": "Экскурсия"}]
    response = _create(with_museum, broken)
    assert response.status_code == 422
    problems = {p["loc"]: p["message"] for p in response.json()["problems"]}
    assert "раньше, чем начинается" in problems["term"]
    assert problems["activities[0].dates"] == "обязательное поле не заполнено"
    assert _numbers(with_museum) == []
    assert _create(with_museum, terms).json()["agreement"]["number"] == "СП-2026/001"


def test_subject_defaults_to_the_partners_directions(
    with_museum: TestClient, terms: dict[str, Any]
) -> None:
    plain = {key: value for key, value in terms.items() if key != "subject"}
    subject = _create(with_museum, plain).json()["agreement"]["subject"]
    assert subject.startswith("сотрудничество Сторон по направлениям: гражданско-патриотическое")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"partner_inn": "7700000000", "terms": {}}, "нет в реестре"),
        ({"partner_inn": " ", "terms": {}}, "не выбран партнёр"),
        ({"terms": {}}, "обязательное поле не заполнено"),
        ({"partner_inn": MUSEUM_INN, "terms": {"date": "31.02.2026"}}, "такой даты нет"),
    ],
)
def test_bad_requests_get_russian_422(
    with_museum: TestClient, body: dict[str, Any], expected: str
) -> None:
    for path in ("/api/agreements", "/api/agreements/preview"):
        response = with_museum.post(path, json=body)
        assert response.status_code == 422, path
        assert expected in response.text
    assert _numbers(with_museum) == []


def test_next_number_of_a_bad_year(api: TestClient) -> None:
    response = api.get("/api/agreements/next-number", params={"year": "двадцать"})
    assert response.status_code == 422
    assert "ожидается целое число" in response.json()["detail"]


def test_document_is_rendered_journaled_and_named_safely(
    with_museum: TestClient, terms: dict[str, Any], config: ServiceConfig
) -> None:
    number = _create(with_museum, terms).json()["agreement"]["number"]
    response = with_museum.post(f"/api/agreements/{number}/document")
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="Dogovor SP-2026-001 MBUK')
    assert "filename*=UTF-8''%D0%94%D0%BE%D0%B3%D0%BE%D0%B2%D0%BE%D1%80" in disposition
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert PREAMBLE in text
    journal = with_museum.get("/api/journal").json()
    assert [entry["document_number"] for entry in journal] == [number]
    assert journal[0]["template_id"] == "contract"
    written = list(config.data_dir.rglob("*.docx"))
    assert len(written) == 1 and written[0].is_relative_to(config.data_dir)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="нужен LibreOffice (soffice)")
@pytest.mark.libreoffice
def test_pdf_document(with_museum: TestClient, terms: dict[str, Any]) -> None:
    number = _create(with_museum, terms).json()["agreement"]["number"]
    response = with_museum.post(f"/api/agreements/{number}/document", params={"format": "pdf"})
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response.headers["content-type"] == "application/pdf"


def test_document_of_a_bad_format_or_number(with_museum: TestClient, terms: dict[str, Any]) -> None:
    number = _create(with_museum, terms).json()["agreement"]["number"]
    wrong = with_museum.post(f"/api/agreements/{number}/document", params={"format": "doc"})
    assert wrong.status_code == 422
    assert "допустимы" in wrong.json()["detail"]
    missing = with_museum.post("/api/agreements/СП-1999/999/document")
    assert missing.status_code == 404
    assert "нет в реестре" in missing.json()["detail"]
    assert with_museum.get("/api/journal").json() == []


def test_sign_and_terminate(with_museum: TestClient, terms: dict[str, Any]) -> None:
    number = _create(with_museum, terms).json()["agreement"]["number"]
    path = f"/api/agreements/{quote(number, safe='')}"
    assert with_museum.post(f"{path}/terminate").status_code == 422  # a draft
    signed = with_museum.post(f"{path}/sign", json={"date": "2026-09-06"})
    assert signed.status_code == 200
    assert signed.json()["signed_on"] == "2026-09-06"
    again = with_museum.post(f"{path}/sign")
    assert again.status_code == 422
    assert "уже подписан 06.09.2026" in again.json()["detail"]
    today = dt.date.today().isoformat()
    ended = with_museum.post(f"{path}/terminate", json={"date": today})
    assert ended.json()["terminated_on"] == today
    assert with_museum.get(path).json()["status"] == "terminated"


def test_unknown_agreement_is_404(api: TestClient) -> None:
    response = api.get("/api/agreements/СП-2026/404")
    assert response.status_code == 404
    assert "нет в реестре" in response.json()["detail"]
    assert api.get("/api/agreements/СП-2026/404/preview").status_code == 404


def test_stored_preview(with_museum: TestClient, terms: dict[str, Any]) -> None:
    number = _create(with_museum, terms).json()["agreement"]["number"]
    body = with_museum.get(f"/api/agreements/{number}/preview").json()
    assert body["paragraphs"][0] == f"ДОГОВОР №\u00a0{number}"


def test_without_a_centre_profile_the_answer_says_how_to_set_it(
    config: ServiceConfig, partner_data: dict[str, Any], terms: dict[str, Any], kit: Any
) -> None:
    bare = dataclasses.replace(config, centre=None)
    with TestClient(create_app(bare), headers={"X-Docgen-Client": "1"}) as api:
        kit.add_museum(api, partner_data)
        number = _create(api, terms).json()["agreement"]["number"]
        response = api.post(f"/api/agreements/{number}/document")
        assert response.status_code == 503
        assert "Не задан профиль Центра" in response.json()["detail"]
        assert "DOCGEN_CENTRE" in response.json()["detail"]
        page = api.get(f"/agreements/{quote(number, safe='')}")
        assert page.status_code == 200 and "Не задан профиль Центра" in page.text
        assert api.get("/api/journal").json() == []
    assert not list(Path(config.data_dir).rglob("*.docx"))
