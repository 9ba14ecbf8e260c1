"""Guards: the optional password, the CSRF cookie, body limits, file names, the data folder."""

from __future__ import annotations

import base64
import dataclasses
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.exceptions import HTTPException

from docgen.service import ServiceConfig, create_app
from docgen.service.security import content_disposition
from docgen.service.server import is_loopback


@pytest.fixture
def locked(config: ServiceConfig) -> ServiceConfig:
    """Return the configuration with a password."""
    return dataclasses.replace(config, password="ключ-1")


def _basic(password: str, user: str = "методист") -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_password_is_required_when_set(locked: ServiceConfig) -> None:
    with TestClient(create_app(locked)) as client:
        refused = client.get("/partners")
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"].startswith('Basic realm="docgen"')
        assert "Нужен пароль" in refused.text
        assert client.get("/partners", headers=_basic("не тот")).status_code == 401
        assert client.get("/partners", headers=_basic("ключ-1")).status_code == 200
        bearer = client.get("/api/partners", headers={"Authorization": "Bearer ключ-1".encode()})
        assert bearer.status_code == 200
        garbage = client.get("/partners", headers={"Authorization": "Basic ***"})
        assert garbage.status_code == 401


def test_password_does_not_replace_csrf(locked: ServiceConfig, partner_data: dict) -> None:
    with TestClient(create_app(locked), headers=_basic("ключ-1")) as client:
        assert client.post("/api/partners", json=partner_data).status_code == 403
        assert client.get("/api/partners").json() == []


def test_csrf_cookie_is_strict_and_stable(app_client: TestClient) -> None:
    first = app_client.get("/")
    cookie = first.headers["set-cookie"]
    assert "SameSite=Strict" in cookie and "HttpOnly" in cookie and "Path=/" in cookie
    token = app_client.cookies["docgen_csrf"]
    page = app_client.get("/partners/new")
    assert "set-cookie" not in page.headers
    assert f'name="csrf_token" value="{token}"' in page.text


def test_body_over_the_limit_is_refused_early(config: ServiceConfig) -> None:
    small = dataclasses.replace(config, centre=None, max_upload_bytes=100)
    with TestClient(create_app(small), headers={"X-Docgen-Client": "1"}) as client:
        response = client.post("/api/partners", content=b"{" + b" " * 200_000 + b"}")
    assert response.status_code == 413
    assert "слишком большой" in response.text


@pytest.mark.parametrize(
    ("name", "ascii_name", "encoded"),
    [
        ("Договор СП-2026/001.docx", "Dogovor SP-2026-001.docx", "%D0%94"),
        ('../../etc/passwd"\r\n.docx', "etc-passwd-.docx", "etc-passwd-.docx"),
        ("", "document", "document"),
    ],
)
def test_download_names_are_sanitised(name: str, ascii_name: str, encoded: str) -> None:
    header = content_disposition(name)
    assert header.startswith(f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''")
    assert encoded in header.partition("filename*=UTF-8''")[2]
    assert "/" not in header.partition("filename*=")[2] and "\n" not in header


def test_paths_never_leave_the_data_folder(app_client: TestClient, kit: object) -> None:
    service = kit.service(app_client)  # type: ignore[attr-defined]
    inside = service.path("templates", "a.docx")
    assert inside.is_relative_to(service.config.data_dir)
    for parts in (("..", "register.sqlite3"), ("/etc", "passwd"), ("templates", "..", "..")):
        with pytest.raises(HTTPException):
            service.path(*parts)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("10.0.0.5", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_openapi_describes_every_action(app_client: TestClient) -> None:
    paths = app_client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/partners",
        "/api/partners/{inn}",
        "/api/agreements",
        "/api/agreements/preview",
        "/api/agreements/next-number",
        "/api/agreements/{number}/document",
        "/api/templates",
        "/api/templates/{template_id}/check",
        "/api/batches",
        "/api/batches/{job_id}/archive",
        "/api/batches/{job_id}/errors",
        "/api/journal",
    ):
        assert path in paths, path
    assert not any(path.startswith("/partners") for path in paths)  # pages stay out


def test_serve_command_help() -> None:
    from click.testing import CliRunner

    from docgen.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--password" in result.output and "--data" in result.output
    bad = CliRunner().invoke(cli, ["serve", "--port", "0"])
    assert bad.exit_code == 2


def test_config_defaults(tmp_path: Path) -> None:
    from docgen.service import service_config

    environ = {"HOME": str(tmp_path), "DOCGEN_PASSWORD": "p"}
    resolved = service_config(environ=environ)
    assert resolved.data_dir == (tmp_path / ".local/share/docgen/service").resolve()
    assert resolved.db_url.endswith("docgen/register.sqlite3")
    assert resolved.password == "p"
