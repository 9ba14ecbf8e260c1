"""The register overview and the journal, through the API and the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fastapi.testclient import TestClient

MUSEUM_INN = "2204030991"


@pytest.fixture
def two_agreements(api: TestClient, partner_data: dict[str, Any], kit: Any) -> TestClient:
    """Return the API with a signed agreement ending in 20 days and a draft ending later."""
    kit.add_museum(api, partner_data)
    today = dt.date.today()
    soon = {"date": (today - dt.timedelta(days=300)).isoformat(),
            "term": {"end": (today + dt.timedelta(days=20)).isoformat()}}  # fmt: skip
    later = {
        "date": today.isoformat(),
        "term": {"end": (today + dt.timedelta(days=300)).isoformat()},
    }
    first = api.post("/api/agreements", json={"partner_inn": MUSEUM_INN, "terms": soon}).json()
    api.post(f"/api/agreements/{first['agreement']['number']}/sign")
    api.post("/api/agreements", json={"partner_inn": MUSEUM_INN, "terms": later})
    return api


def test_list_filters_by_status_and_expiry(two_agreements: TestClient) -> None:
    everything = two_agreements.get("/api/agreements").json()
    assert [row["status"] for row in everything] == ["signed", "draft"]
    drafts = two_agreements.get("/api/agreements", params={"status": "draft"}).json()
    assert len(drafts) == 1 and drafts[0]["status_label"] == "черновик"
    expiring = two_agreements.get("/api/agreements", params={"expiring": 30}).json()
    assert [row["status"] for row in expiring] == ["signed"]
    museums = two_agreements.get("/api/agreements", params={"type": "музей"}).json()
    assert len(museums) == 2
    assert two_agreements.get("/api/agreements", params={"type": "школа"}).status_code == 422


def test_bad_filters_get_russian_messages(api: TestClient) -> None:
    status = api.get("/api/agreements", params={"status": "lost"})
    assert status.status_code == 422
    assert "такого значения нет в списке" in status.json()["detail"]
    days = api.get("/api/agreements", params={"expiring": -1})
    assert days.status_code == 422 and "слишком мало" in days.json()["detail"]


def test_register_and_home_pages_mark_expiring(two_agreements: TestClient) -> None:
    page = two_agreements.get("/agreements").text
    assert page.count("скоро истекает") == 1
    assert "черновик" in page and "действует" in page
    only = two_agreements.get("/agreements", params={"expiring": "1"}).text
    assert only.count("<tr>") == 2  # the header and one agreement
    assert "Истекают в ближайшие 60 дней" in two_agreements.get("/").text
    drafts = two_agreements.get("/agreements", params={"status": "draft"}).text
    assert drafts.count("<tr>") == 2


def test_journal_lists_generated_files(two_agreements: TestClient) -> None:
    number = two_agreements.get("/api/agreements").json()[0]["agreement"]["number"]
    assert two_agreements.get("/api/journal").json() == []
    two_agreements.post(f"/api/agreements/{number}/document")
    entries = two_agreements.get("/api/journal").json()
    assert len(entries) == 1 and entries[0]["file_name"].endswith(".docx")
    assert len(entries[0]["output_sha256"]) == 64
    only = two_agreements.get("/api/journal", params={"number": "СП-1999/001"}).json()
    assert only == []
    page = two_agreements.get("/journal").text
    assert entries[0]["file_name"].replace("«", "") in page.replace("«", "")


def test_empty_register_pages(browser: TestClient) -> None:
    assert "Договоров нет" in browser.get("/agreements").text
    assert "Журнал пуст" in browser.get("/journal").text
    assert "Таких договоров нет" in browser.get("/").text


def test_unknown_page_is_a_russian_404(browser: TestClient, api: TestClient) -> None:
    page = browser.get("/nowhere")
    assert page.status_code == 404 and "Такой страницы нет" in page.text
    assert api.get("/api/nowhere").json() == {"detail": "такой страницы нет"}
