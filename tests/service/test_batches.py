"""Batches: upload a workbook for a template, poll the progress, download the ZIP and errors."""

from __future__ import annotations

import io
import time
import zipfile
from typing import Any

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from docgen.service import ServiceConfig

HEADERS = ["name", "reason"]


def _template(api: TestClient, kit: Any) -> str:
    data = kit.docx_bytes("Грамота {{ name }}", "за {{ reason }}")
    response = api.post("/api/templates", files={"file": ("грамота.docx", data, "x")})
    assert response.status_code == 201
    template_id: str = response.json()["id"]
    return template_id


def _workbook(kit: Any, rows: list[list[Any]]) -> bytes:
    data: bytes = kit.xlsx_bytes([["Грамоты"], HEADERS, *rows])
    return data


def _start(api: TestClient, template: str, data: bytes, name: str = "список.xlsx") -> Any:
    return api.post("/api/batches", data={"template": template}, files={"file": (name, data, "x")})


def _wait(api: TestClient, job_id: str) -> dict[str, Any]:
    for _ in range(600):
        state: dict[str, Any] = api.get(f"/api/batches/{job_id}").json()
        if state["finished"]:
            return state
        time.sleep(0.05)
    raise AssertionError("the batch did not finish in 30 s")


def _batch_folders(config: ServiceConfig) -> list[str]:
    folder = config.data_dir / "batches"
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def test_batch_renders_rows_into_a_zip_and_reports_bad_rows(
    api: TestClient, kit: Any, config: ServiceConfig
) -> None:
    template = _template(api, kit)
    rows = [["Иванова Анна", "победу в конкурсе"], ["Петров Илья", "участие"], [None, "без имени"]]
    started = _start(api, template, _workbook(kit, rows))
    assert started.status_code == 202
    assert started.json()["total"] == 3
    state = _wait(api, started.json()["id"])
    assert state["state"] == "done"
    assert (state["written"], state["skipped"]) == (2, 1)
    assert any("строка 5" in error for error in state["errors"])
    assert "«грамота.docx»" in state["errors"][0]
    assert str(config.data_dir) not in " ".join(state["errors"])  # no server paths shown
    archive = api.get(f"/api/batches/{state['id']}/archive")
    assert archive.status_code == 200
    assert "filename*=UTF-8''" in archive.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(archive.content)) as bundle:
        names = bundle.namelist()
        assert len(names) == 2
        text = kit.document_text(bundle.read(names[0]))
    assert "Грамота Иванова Анна" in text
    errors = api.get(f"/api/batches/{state['id']}/errors")
    assert errors.status_code == 200
    sheet = load_workbook(io.BytesIO(errors.content)).worksheets[0]
    assert sheet.max_row == 2  # the header and the one bad row


def test_refused_workbooks_leave_nothing(api: TestClient, kit: Any, config: ServiceConfig) -> None:
    template = _template(api, kit)
    cases = [
        (b"not a workbook", "список.xlsx", "повреждён"),
        (kit.docx_bytes("документ"), "список.xlsx", "нет xl/workbook.xml"),
        (_workbook(kit, [["Анна", "x"]]), "список.csv", "другое расширение"),
        (kit.xlsx_bytes([["фамилия", "причина"], ["Анна", "x"]]), "список.xlsx", "заголовков"),
    ]
    for data, name, message in cases:
        response = _start(api, template, data, name)
        assert response.status_code == 422, name
        assert message in response.json()["detail"], response.json()["detail"]
    assert _start(api, "0000000000000000", _workbook(kit, [])).status_code == 404
    assert _batch_folders(config) == []


def test_missing_fields_are_russian_422(api: TestClient) -> None:
    response = api.post("/api/batches", data={"template": "contract"})
    assert response.status_code == 422
    assert "обязательное поле не заполнено" in response.json()["detail"]


def test_unknown_batch_is_404(api: TestClient) -> None:
    assert api.get("/api/batches/0123456789abcdef").status_code == 404
    assert api.get("/api/batches/../../x").status_code == 404
    assert api.get("/api/batches/0123456789abcdef/archive").status_code == 404


def test_batch_pages(browser: TestClient, kit: Any) -> None:
    api_headers = {"X-Docgen-Client": "1"}
    data = kit.docx_bytes("Грамота {{ name }}", "за {{ reason }}")
    uploaded = browser.post(
        "/api/templates", files={"file": ("грамота.docx", data, "x")}, headers=api_headers
    )
    template = uploaded.json()["id"]
    page = browser.get("/batch").text
    assert "грамота.docx" in page and f"/api/templates/{template}/workbook" in page
    token = kit.csrf(browser)
    files = {"file": ("список.xlsx", _workbook(kit, [["Анна", "участие"]]), "x")}
    response = browser.post(
        "/batch", data={"csrf_token": token, "template": template}, files=files,
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303
    job_id = response.headers["location"].rsplit("/", 1)[1]
    _wait(browser, job_id)
    done = browser.get(response.headers["location"]).text
    assert "Скачать архив с документами (ZIP)" in done
    assert "таблицу ошибок" not in done
    refused = browser.post("/batch", data={"csrf_token": token, "template": template})
    assert refused.status_code == 422 and "выберите файл таблицы" in refused.text
