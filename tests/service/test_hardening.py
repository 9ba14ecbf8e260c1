"""Hardened answers: signed CSRF tokens, security headers, throttled passwords, allowed hosts,
template deletion, a storage quota, batch retention and no server paths in messages."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from docgen.cli import cli
from docgen.errors import InputError, UserError
from docgen.service import ServiceConfig, create_app
from docgen.service.app import hide_paths
from docgen.service.config import service_config
from docgen.service.csrf import CsrfTokens
from docgen.service.server import read_password, refuse_open_network
from docgen.service.storage import remove_expired_batches
from docgen.service.throttle import PasswordThrottle


def _upload(api: TestClient, data: bytes, name: str = "грамота.docx") -> Any:
    return api.post("/api/templates", files={"file": (name, data, "application/octet-stream")})


def test_a_planted_csrf_cookie_is_not_a_token(app_client: TestClient) -> None:
    planted = "A" * 43  # what a sibling site could set: any value, but not signed by us
    app_client.cookies.set("docgen_csrf", planted)
    page = app_client.get("/partners/new")
    assert planted not in page.text, "an unsigned cookie must not be echoed as the token"
    refused = app_client.post("/partners/new", data={"csrf_token": planted})
    assert refused.status_code == 403
    forged = planted + "." + "0" * 64
    app_client.cookies.set("docgen_csrf", forged)
    assert app_client.post("/partners/new", data={"csrf_token": forged}).status_code == 403


def test_signed_tokens_depend_on_the_secret() -> None:
    ours, theirs = CsrfTokens(b"one"), CsrfTokens(b"two")
    token = ours.issue()
    assert ours.valid(token)
    assert not theirs.valid(token)
    assert not ours.valid(token[:-1] + ("0" if token[-1] != "0" else "1"))
    assert not ours.valid(None) and not ours.valid("")


def test_the_secret_is_shared_by_processes_of_one_data_folder(tmp_path: Path) -> None:
    environ = {"DOCGEN_DB": str(tmp_path / "r.sqlite3")}
    first = service_config(data=tmp_path / "data", environ=environ)
    second = service_config(data=tmp_path / "data", environ=environ)
    assert first.secret == second.secret and len(first.secret) >= 32
    assert (tmp_path / "data" / ".secret").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("path", ["/", "/partners", "/api/partners", "/no-such-page"])
def test_every_answer_carries_the_security_headers(app_client: TestClient, path: str) -> None:
    response = app_client.get(path)
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.partition("script-src")[2].partition(";")[0]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script(app_client: TestClient) -> None:
    page = app_client.get("/")
    assert '<script src="/static/app.js"' in page.text
    assert "<script>" not in page.text and "javascript:" not in page.text
    script = app_client.get("/static/app.js")
    assert script.status_code == 200 and "data-confirm" in script.text
    pages = Path(__file__).resolve().parents[2] / "docgen" / "service" / "pages"
    for html in pages.glob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "<script>" not in text and " onsubmit=" not in text and " onclick=" not in text


def test_unknown_host_names_are_refused(app_client: TestClient) -> None:
    assert app_client.get("/", headers={"Host": "localhost:8000"}).status_code == 200
    assert app_client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert app_client.get("/", headers={"Host": "[::1]:8000"}).status_code == 200
    assert app_client.get("/", headers={"Host": "192.168.10.5:8000"}).status_code == 200
    rebound = app_client.post(
        "/api/partners",
        json={},
        headers={"Host": "rebind.attacker.example", "X-Docgen-Client": "x"},
    )
    assert rebound.status_code == 400
    assert "--allow-host rebind.attacker.example" in rebound.text


def test_wrong_passwords_are_throttled(config: ServiceConfig) -> None:
    locked = dataclasses.replace(config, password="ключ-1")
    with TestClient(create_app(locked)) as client:
        wrong = {"Authorization": "Bearer wrong"}
        statuses = [client.get("/", headers=wrong).status_code for _ in range(6)]
        assert statuses[:5] == [401] * 5 and statuses[5] == 429
        blocked = client.get("/", headers={"Authorization": "Bearer ключ-1".encode()})
        assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
        assert "подождите" in blocked.text


def test_throttle_lockout_grows_and_ends() -> None:
    now = [1000.0]
    throttle = PasswordThrottle(free_tries=2, lockout=10, max_lockout=40, clock=lambda: now[0])
    throttle.failed("a")
    assert throttle.wait("a") == 0
    throttle.failed("a")
    assert throttle.wait("a") == 10
    assert throttle.wait("b") == 0, "other clients are not affected"
    throttle.failed("a")
    assert throttle.wait("a") == 20
    now[0] += 25
    assert throttle.wait("a") == 0
    throttle.succeeded("a")
    throttle.failed("a")
    assert throttle.wait("a") == 0


def test_uploaded_templates_can_be_deleted(api: TestClient, kit: Any) -> None:
    template_id = _upload(api, kit.docx_bytes("{{ name }}")).json()["id"]
    assert api.delete(f"/api/templates/{template_id}").status_code == 204
    assert api.get(f"/api/templates/{template_id}/fields").status_code == 404
    builtin = api.delete("/api/templates/contract")
    assert builtin.status_code == 422 and "встроенный" in builtin.json()["detail"]


def test_storage_quota_refuses_uploads_with_a_clear_message(
    config: ServiceConfig, kit: Any
) -> None:
    small = dataclasses.replace(config, max_stored_bytes=60_000)
    with TestClient(create_app(small), headers={"X-Docgen-Client": "1"}) as api:
        data = kit.docx_bytes("{{ name }}")
        assert _upload(api, data, "первый.docx").status_code == 201
        refused = _upload(api, kit.docx_bytes("{{ other }}"), "второй.docx")
    assert refused.status_code == 507
    assert "место для файлов сервиса закончилось" in refused.json()["detail"]
    assert str(config.data_dir) not in refused.text


def test_old_batch_folders_expire(config: ServiceConfig) -> None:
    old, fresh = config.data_dir / "batches" / "old", config.data_dir / "batches" / "fresh"
    for folder in (old, fresh):
        folder.mkdir(parents=True)
        (folder / "документ.docx").write_bytes(b"x")
    day_ago = time.time() - 100 * 3600
    os.utime(old, (day_ago, day_ago))
    assert remove_expired_batches(config) == ["old"]
    assert not old.exists() and fresh.exists()


def test_messages_never_show_the_data_folder() -> None:
    data = Path("/srv/docgen/data")
    message = f"{data}/templates/0123abcd.docx: не удалось прочитать; {data}/batches/x/y.xlsx"
    shown = hide_paths(message, data)
    assert "/srv" not in shown
    assert shown.startswith("0123abcd.docx: не удалось") and shown.endswith("y.xlsx")


def test_a_network_address_without_password_is_refused(config: ServiceConfig) -> None:
    with pytest.raises(UserError, match="DOCGEN_PASSWORD"):
        refuse_open_network("0.0.0.0", config, open_network=False)
    refuse_open_network("0.0.0.0", config, open_network=True)
    refuse_open_network("127.0.0.1", config, open_network=False)
    refuse_open_network("0.0.0.0", dataclasses.replace(config, password="p"), False)
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--data", str(config.data_dir)])
    assert result.exit_code == 1
    assert "--open-network" in result.output


def test_password_file(tmp_path: Path) -> None:
    path = tmp_path / "пароль.txt"
    path.write_text("секрет-42\n", encoding="utf-8")
    assert read_password(path) == "секрет-42"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="пуст"):
        read_password(path)
