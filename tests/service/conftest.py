"""Fixtures for the web service: an app on a fresh register and data folder, sample data.

``api`` is a client that sends the API's custom header (as scripts do); ``browser`` is a
plain client that must carry the CSRF token like a page does (``csrf(browser)``).
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from fastapi.testclient import TestClient
from openpyxl import Workbook

from docgen.service import ServiceConfig, create_app
from docgen.service.config import LOOPBACK_HOSTS
from docgen.service.context import Service

REPO = Path(__file__).resolve().parents[2]
CENTRE = REPO / "samples" / "centre.yaml"
MUSEUM = REPO / "contracts" / "2026-002-museum.yaml"
MUSEUM_INN = "2204030991"
API_HEADERS = {"X-Docgen-Client": "tests"}


@pytest.fixture
def config(tmp_path: Path) -> ServiceConfig:
    """Return a configuration on an empty SQLite register and data folder, with a centre."""
    data = tmp_path / "data"
    data.mkdir()
    return ServiceConfig(
        data_dir=data.resolve(),
        db_url=f"sqlite:///{tmp_path / 'register.sqlite3'}",
        centre=CENTRE,
        allowed_hosts=(*LOOPBACK_HOSTS, "testserver"),
    )


@pytest.fixture
def app_client(config: ServiceConfig) -> Iterator[TestClient]:
    """Return a client of a fresh app (no extra headers)."""
    with TestClient(create_app(config)) as client:
        yield client


@pytest.fixture
def browser(app_client: TestClient) -> TestClient:
    """Return the client as a browser uses it: forms carry the CSRF token."""
    return app_client


@pytest.fixture
def api(config: ServiceConfig) -> Iterator[TestClient]:
    """Return a client that sends the API's custom header."""
    with TestClient(create_app(config), headers=API_HEADERS) as client:
        yield client


@pytest.fixture
def museum() -> dict[str, Any]:
    """Return the sample agreement with a museum as plain data."""
    data: dict[str, Any] = yaml.safe_load(MUSEUM.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def partner_data(museum: dict[str, Any]) -> dict[str, Any]:
    """Return the museum's partner card as plain data."""
    partner: dict[str, Any] = museum["partner"]
    return partner


@pytest.fixture
def terms(museum: dict[str, Any]) -> dict[str, Any]:
    """Return the museum agreement's terms (without number and partner)."""
    return {key: value for key, value in museum.items() if key not in ("number", "partner")}


class Kit:
    """Helpers the service tests share (a fixture, since tests/ is not a package)."""

    @staticmethod
    def service(client: TestClient) -> Service:
        """Return the service behind a test client."""
        service: Service = client.app.state.service  # type: ignore[attr-defined]
        return service

    @staticmethod
    def csrf(client: TestClient) -> str:
        """Open a page (which hands out the CSRF cookie) and return the token."""
        client.get("/")
        token = client.cookies.get("docgen_csrf")
        assert token
        return token

    @staticmethod
    def add_museum(api: TestClient, partner_data: dict[str, Any]) -> None:
        """Store the museum partner through the API."""
        response = api.post("/api/partners", json=partner_data)
        assert response.status_code == 201, response.text

    @staticmethod
    def docx_bytes(*paragraphs: str) -> bytes:
        """Return a small .docx with these paragraphs."""
        document = Document()
        for text in paragraphs:
            document.add_paragraph(text)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    @staticmethod
    def xlsx_bytes(rows: list[list[Any]], title: str = "Данные") -> bytes:
        """Return a workbook with one sheet of ``rows``."""
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = title
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    @staticmethod
    def document_text(data: bytes) -> str:
        """Return the paragraphs of a .docx as text."""
        return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


@pytest.fixture
def kit() -> type[Kit]:
    """Return the shared helpers."""
    return Kit


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker of the browser tests."""
    config.addinivalue_line("markers", "e2e: drives a real headless Chromium (/usr/bin/chromium)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def live_service(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Return a function that runs ``docgen serve`` in a subprocess and gives its address.

    The server has its own SQLite register and data folder under ``tmp_path``; keyword
    arguments become environment variables (``password="x"`` → ``DOCGEN_PASSWORD=x``).
    Every server started is stopped at the end of the test.
    """
    processes: list[subprocess.Popen[bytes]] = []

    def start(**variables: str) -> str:
        port = _free_port()
        env = dict(os.environ, DOCGEN_CENTRE=str(CENTRE), HOME=str(tmp_path))
        for key in [key for key in env if key.startswith("DOCGEN_") and key != "DOCGEN_CENTRE"]:
            env.pop(key)
        env.update({f"DOCGEN_{key.upper()}": value for key, value in variables.items()})
        command = [sys.executable, "-c", "from docgen.cli import main; main()", "serve"]
        command += ["--port", str(port), "--db", str(tmp_path / "r.sqlite3")]
        command += ["--data", str(tmp_path / "d")]
        process = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL)
        processes.append(process)
        address = f"http://127.0.0.1:{port}"
        _wait_until_up(address, process, variables.get("password"))
        return address

    try:
        yield start
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def _wait_until_up(address: str, process: subprocess.Popen[bytes], password: str | None) -> None:
    headers = {"Authorization": f"Bearer {password}"} if password else {}
    for _ in range(300):
        if process.poll() is not None:
            raise AssertionError(f"docgen serve stopped with code {process.returncode}")
        try:
            request = urllib.request.Request(address + "/api/templates", headers=headers)
            with urllib.request.urlopen(request, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("docgen serve did not start in 30 s")
