"""Batches: upload a workbook for a template, poll the progress, download the ZIP and errors."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from docgen.service import ServiceConfig, batch_jobs, create_app, job_queue
from docgen.workers.limits import Limits

API_HEADERS = {"X-Docgen-Client": "tests"}

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


SLOW = (
    "{% if name == 'Медленный' %}{% for i in range(999) %}{% for j in range(999) %}"
    "{% endfor %}{% endfor %}{% endif %}"
)
"""A paragraph that takes a few tenths of a second for the row named «Медленный»."""


def _slow_template(api: TestClient, kit: Any) -> str:
    data = kit.docx_bytes("Грамота {{ name }}", "за {{ reason }}", SLOW)
    response = api.post("/api/templates", files={"file": ("медленная.docx", data, "x")})
    assert response.status_code == 201
    template_id: str = response.json()["id"]
    return template_id


def test_a_row_over_the_time_limit_fails_alone_while_the_service_answers(
    api: TestClient, kit: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_jobs, "LIMITS", Limits(seconds=0.1))
    template = _slow_template(api, kit)
    rows = [["Анна", "участие"], ["Медленный", "участие"], ["Илья", "победу"]]
    job_id = _start(api, template, _workbook(kit, rows)).json()["id"]
    started = time.monotonic()
    assert api.get("/api/templates").status_code == 200
    assert time.monotonic() - started < 1
    state = _wait(api, job_id)
    assert (state["state"], state["written"], state["skipped"]) == ("done", 2, 1)
    (error,) = state["errors"]
    assert "строка 4" in error and "дольше 0.1 с" in error


def test_a_running_batch_can_be_cancelled(api: TestClient, kit: Any) -> None:
    template = _slow_template(api, kit)
    rows = [["Медленный", "участие"]] * 40
    job_id = _start(api, template, _workbook(kit, rows)).json()["id"]
    for _ in range(600):
        if api.get(f"/api/batches/{job_id}").json()["done"] >= 1:
            break
        time.sleep(0.05)
    asked = api.post(f"/api/batches/{job_id}/cancel")
    assert asked.status_code == 200 and asked.json()["cancel"]
    state = _wait(api, job_id)
    assert state["state"] == "cancelled" and state["label"] == "отменён"
    assert state["done"] < 40 and state["restartable"]
    assert api.get(f"/api/batches/{job_id}/archive").status_code == 404


def test_two_services_on_one_database_see_the_same_job(
    config: ServiceConfig, kit: Any, database_url: str
) -> None:
    shared = dataclasses.replace(config, db_url=database_url)
    with (
        TestClient(create_app(shared), headers=API_HEADERS) as first,
        TestClient(create_app(shared), headers=API_HEADERS) as second,
    ):
        template = _slow_template(first, kit)
        rows = [["Медленный", "участие"]] * 30
        job_id = _start(first, template, _workbook(kit, rows)).json()["id"]
        seen = second.get(f"/api/batches/{job_id}")
        assert seen.status_code == 200 and seen.json()["total"] == 30
        assert f"/batch/{job_id}" in second.get("/batch").text
        assert second.post(f"/api/batches/{job_id}/cancel").status_code == 200
        assert _wait(first, job_id)["state"] == "cancelled"  # the runner heard the other one


def _multipart(fields: dict[str, str], name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
    parts.append(head.encode() + b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _call(address: str, path: str, body: bytes | None = None, kind: str = "") -> Any:
    request = urllib.request.Request(address + path, data=body, headers=API_HEADERS)
    if kind:
        request.add_header("Content-Type", kind)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_a_service_killed_mid_batch_shows_it_interrupted_and_restarts_it(
    live_service: Callable[..., str], kit: Any, tmp_path: Path
) -> None:
    address = live_service()
    body, kind = _multipart({}, "медленная.docx", kit.docx_bytes("Грамота {{ name }}", SLOW))
    template = _call(address, "/api/templates", body, kind)["id"]
    workbook = kit.xlsx_bytes([["Грамоты"], ["name"], *([["Медленный"]] * 30)])
    body, kind = _multipart({"template": template}, "список.xlsx", workbook)
    job_id = _call(address, "/api/batches", body, kind)["id"]
    for _ in range(600):
        if _call(address, f"/api/batches/{job_id}")["done"] >= 1:
            break
        time.sleep(0.05)
    port = address.rsplit(":", 1)[1]
    found = subprocess.run(["pgrep", "-f", f"serve --port {port}"], capture_output=True, text=True)
    for pid in found.stdout.split():
        os.kill(int(pid), signal.SIGKILL)  # the service dies mid-batch, as in a power cut
    again = live_service()
    state = _call(again, f"/api/batches/{job_id}")
    assert (state["state"], state["label"], state["restartable"]) == (
        "interrupted",
        "прерван",
        True,
    )
    assert "перезапустить" in state["message"]
    restarted = _call(again, f"/api/batches/{job_id}/restart", b"")
    assert restarted["state"] == "queued" and restarted["done"] == 0
    for _ in range(1200):
        state = _call(again, f"/api/batches/{job_id}")
        if state["finished"]:
            break
        time.sleep(0.1)
    assert (state["state"], state["written"]) == ("done", 30)


def test_a_docgen_worker_on_postgresql_completes_a_job_the_service_queued(
    config: ServiceConfig, kit: Any, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the queue exists only on PostgreSQL")
    monkeypatch.setattr(job_queue, "ensure_worker", lambda service: None)  # no worker here
    shared = dataclasses.replace(config, db_url=database_url)
    with TestClient(create_app(shared), headers=API_HEADERS) as api:
        template = _template(api, kit)
        rows = [["Иванова Анна", "победу"], ["Петров Илья", "участие"]]
        job_id = _start(api, template, _workbook(kit, rows)).json()["id"]
        time.sleep(0.5)
        assert api.get(f"/api/batches/{job_id}").json()["state"] == "queued"
        command = [sys.executable, "-c", "from docgen.cli import main; main()", "worker"]
        command += ["--db", database_url, "--data", str(config.data_dir), "--once"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("DOCGEN_")}
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        state = api.get(f"/api/batches/{job_id}").json()
        assert (state["state"], state["written"]) == ("done", 2)
        archive = api.get(f"/api/batches/{job_id}/archive")
        with zipfile.ZipFile(io.BytesIO(archive.content)) as bundle:
            assert "Грамота Иванова Анна" in kit.document_text(bundle.read(bundle.namelist()[0]))


def test_the_batch_page_cancels_and_restarts_with_its_forms(browser: TestClient, kit: Any) -> None:
    data = kit.docx_bytes("Грамота {{ name }}", "за {{ reason }}", SLOW)
    uploaded = browser.post(
        "/api/templates", files={"file": ("медленная.docx", data, "x")}, headers=API_HEADERS
    )
    rows = [["Медленный", "участие"]] * 20
    started = browser.post(
        "/api/batches",
        data={"template": uploaded.json()["id"]},
        files={"file": ("список.xlsx", _workbook(kit, rows), "x")},
        headers=API_HEADERS,
    )
    job_id = started.json()["id"]
    page = browser.get(f"/batch/{job_id}").text
    assert f'action="/batch/{job_id}/cancel"' in page and "Отменить сборку" in page
    token = kit.csrf(browser)
    cancelled = browser.post(
        f"/batch/{job_id}/cancel", data={"csrf_token": token}, follow_redirects=False
    )
    assert cancelled.status_code == 303
    assert _wait(browser, job_id)["state"] == "cancelled"
    page = browser.get(f"/batch/{job_id}").text
    assert "сборка отменена" in page and "Перезапустить" in page
    again = browser.post(
        f"/batch/{job_id}/restart", data={"csrf_token": token}, follow_redirects=False
    )
    assert again.status_code == 303
    state = _wait(browser, job_id)
    assert (state["state"], state["written"]) == ("done", 20)
