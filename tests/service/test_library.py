"""Templates: built-ins, uploads checked by content, fields, checks against a model."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from typing import Any

from fastapi.testclient import TestClient

from docgen.service import ServiceConfig, create_app


def _upload(api: TestClient, data: bytes, name: str = "грамота.docx") -> Any:
    return api.post("/api/templates", files={"file": (name, data, "application/octet-stream")})


def _stored(config: ServiceConfig) -> list[str]:
    folder = config.data_dir / "templates"
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_builtins_are_listed_with_fields_and_pass_their_check(api: TestClient) -> None:
    listing = api.get("/api/templates").json()
    ids = {entry["id"] for entry in listing["builtin"]}
    assert {"contract", "regulation", "plan", "method-report"} <= ids
    fields = {item["path"]: item for item in api.get("/api/templates/contract/fields").json()}
    assert fields["agreement.number"]["title"] == "Номер"
    assert fields["partner.organisation.short_name"]["title"] == "Сокращённое наименование"
    check = api.get("/api/templates/contract/check").json()
    assert check["ok"] is True and check["model"] == "agreement"
    docx = api.get("/api/templates/contract/file")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")


def test_upload_shows_fields_and_checks_against_a_model(
    api: TestClient, config: ServiceConfig, kit: Any
) -> None:
    data = kit.docx_bytes("Грамота {{ last_name }} {{ first_name }}", "за {{ reason }}")
    response = _upload(api, data)
    assert response.status_code == 201
    template_id = response.json()["id"]
    assert [item["path"] for item in response.json()["fields"]] == [
        "last_name",
        "first_name",
        "reason",
    ]
    assert api.get("/api/templates").json()["uploaded"][0]["name"] == "грамота.docx"
    check = api.get(f"/api/templates/{template_id}/check", params={"model": "person"}).json()
    assert check["ok"] is False
    assert [item["path"] for item in check["unknown"]] == ["reason"]
    assert "нет поля «reason»" in check["unknown"][0]["reason"]
    assert "reason" in check["message"]
    wrong = api.get(f"/api/templates/{template_id}/check", params={"model": "договор"})
    assert wrong.status_code == 422 and "модели «договор» нет" in wrong.json()["detail"]
    assert len(_stored(config)) == 2  # the .docx and its name


def test_not_a_docx_is_refused_and_nothing_stored(api: TestClient, config: ServiceConfig) -> None:
    cases = [
        (b"plain text, not a zip", "шаблон.docx", "повреждён"),
        (_zip({"[Content_Types].xml": b"<Types/>"}), "шаблон.docx", "нет word/document.xml"),
        (b"PK\x03\x04" + b"\x00" * 40, "шаблон.docx", "повреждён"),
        (_zip({"a.txt": b"x"}), "шаблон.txt", "другое расширение"),
    ]
    for data, name, message in cases:
        response = _upload(api, data, name)
        assert response.status_code == 422, name
        assert message in response.json()["detail"]
    assert _stored(config) == []


def test_a_zip_bomb_is_refused_before_unpacking(config: ServiceConfig, kit: Any) -> None:
    small = dataclasses.replace(
        config,
        centre=config.centre,
        max_unpacked_bytes=1 << 20,
    )
    bomb = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w:document/>",
            "word/media/zeros.bin": b"\0" * (4 << 20),  # 4 MiB that pack into a few KiB
        }
    )
    assert len(bomb) < 64 * 1024
    with TestClient(create_app(small), headers={"X-Docgen-Client": "1"}) as api:
        response = _upload(api, bomb)
    assert response.status_code == 422
    assert "в распакованном виде файл больше 1 МБ" in response.json()["detail"]
    assert _stored(config) == []


def test_lying_sizes_are_refused(api: TestClient, config: ServiceConfig) -> None:
    real = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>" * 50})
    forged = real.replace((13 * 50).to_bytes(4, "little"), (10).to_bytes(4, "little"))
    response = _upload(api, forged)
    assert response.status_code == 422
    assert _stored(config) == []


def test_too_large_upload_is_413(config: ServiceConfig, kit: Any) -> None:
    tiny = dataclasses.replace(config, centre=None, max_upload_bytes=1024)
    with TestClient(create_app(tiny), headers={"X-Docgen-Client": "1"}) as api:
        response = _upload(api, kit.docx_bytes("{{ name }}" * 2000))
    assert response.status_code == 413
    assert "слишком большой" in response.json()["detail"]
    assert _stored(config) == []


def test_template_with_broken_tags_is_refused(
    api: TestClient, config: ServiceConfig, kit: Any
) -> None:
    response = _upload(api, kit.docx_bytes("Уважаемый {{ name", "конец"))
    assert response.status_code == 422
    assert "грамота.docx" in response.json()["detail"]
    assert _stored(config) == []


def test_unknown_or_crafted_template_ids_are_404(api: TestClient) -> None:
    for template_id in ("nope", "0123456789abcdef", "..%2F..%2Fregister", "CONTRACT"):
        response = api.get(f"/api/templates/{template_id}/fields")
        assert response.status_code == 404, template_id


def test_workbook_for_a_template(api: TestClient, kit: Any) -> None:
    from openpyxl import load_workbook

    template_id = _upload(api, kit.docx_bytes("{{ name }} — {{ reason }}")).json()["id"]
    response = api.get(f"/api/templates/{template_id}/workbook")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    # both are printed outside any {% if %} and without default: required columns, marked «*»
    assert [cell.value for cell in sheet[2]] == ["name *", "reason *"]
    contract = load_workbook(io.BytesIO(api.get("/api/templates/contract/workbook").content))
    assert contract.worksheets  # the agreement model's workbook


def test_template_pages(browser: TestClient, kit: Any) -> None:
    listing = browser.get("/templates").text
    assert "Договор (соглашение) о сотрудничестве" in listing and "договор (соглашение)" in listing
    token = kit.csrf(browser)
    files = {
        "file": ("письмо.docx", kit.docx_bytes("Уважаемый {{ name }}!"), "application/octet-stream")
    }
    response = browser.post(
        "/templates", data={"csrf_token": token}, files=files, follow_redirects=False
    )
    assert response.status_code == 303
    page = browser.get(response.headers["location"], params={"model": "person"}).text
    assert "письмо.docx" in page and "<code>name</code>" in page
    assert "нет в модели «person»" in page
    refused = browser.post(
        "/templates", data={"csrf_token": token}, files={"file": ("x.docx", b"nope", "text/plain")}
    )
    assert refused.status_code == 422 and "Шаблон не принят" in refused.text
    empty = browser.post("/templates", data={"csrf_token": token})
    assert empty.status_code == 422 and "выберите файл" in empty.text
