"""Attacks on a real ``docgen serve`` (uvicorn in a subprocess, real SQLite and files).

Each test starts its own server with a password and sends what an attacker would, then
checks that the guard held and that the service still answers. The same attacks are covered
in process by the other service tests; these prove the assembled server holds them too.
"""

from __future__ import annotations

import http.client
import io
import json
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

PASSWORD = "attack-test-password"
AUTH = {"Authorization": f"Bearer {PASSWORD}"}
API = {**AUTH, "X-Docgen-Client": "attack-tests"}


@dataclass
class Answer:
    """What the server answered."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        """Return the body as text."""
        return self.body.decode("utf-8", "replace")


class Client:
    """A bare HTTP client: sends exactly the headers given, never raises on 4xx."""

    def __init__(self, address: str) -> None:
        parts = urlsplit(address)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80

    def call(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        """Send one request and return the answer."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            found = {key.lower(): value for key, value in response.getheaders()}
            return Answer(response.status, found, response.read())
        finally:
            connection.close()

    def json(self, method: str, path: str, data: Any, headers: dict[str, str]) -> Answer:
        """Send ``data`` as JSON."""
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return self.call(method, path, body, {**headers, "Content-Type": "application/json"})

    def upload(self, path: str, name: str, data: bytes, fields: dict[str, str]) -> Answer:
        """Send a multipart form with one file."""
        boundary = "docgen-attack-boundary"
        disposition = '--{}\r\nContent-Disposition: form-data; name="{}"\r\n\r\n{}\r\n'
        parts = [disposition.format(boundary, k, v).encode() for k, v in fields.items()]
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        body = b"".join(parts) + head.encode() + data + f"\r\n--{boundary}--\r\n".encode()
        content = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return self.call("POST", path, body, {**API, **content})


@pytest.fixture
def client(live_service: Callable[..., str]) -> Client:
    """Return a client of a fresh server that has a password."""
    return Client(live_service(password=PASSWORD))


def _docx(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_document_xml(xml: bytes) -> bytes:
    """Return a .docx whose word/document.xml is ``xml``."""
    source = zipfile.ZipFile(io.BytesIO(_docx("x")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info, data)
    return buffer.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _document_xml(doctype: str, text: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document {_W}><w:body><w:p><w:r>'
        f"<w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


def test_csrf_guards_hold(client: Client, partner_data: dict[str, Any]) -> None:
    without_header = client.json("POST", "/api/partners", partner_data, AUTH)
    assert without_header.status == 403
    as_text = client.call(
        "POST",
        "/api/partners",
        json.dumps(partner_data).encode(),
        {**AUTH, "Content-Type": "text/plain"},
    )
    assert as_text.status == 403
    foreign = client.call(
        "POST",
        "/partners/new",
        b"organisation.short_name=x",
        {
            **AUTH,
            "Origin": "https://evil.example",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert foreign.status == 403
    planted = client.call(
        "POST",
        "/partners/new",
        b"csrf_token=" + b"A" * 43,
        {
            **AUTH,
            "Cookie": "docgen_csrf=" + "A" * 43,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert planted.status == 403, "a tossed cookie is not a token"
    assert client.call("GET", "/api/partners", headers=AUTH).body == b"[]"


def test_headers_hosts_and_passwords(client: Client) -> None:
    page = client.call("GET", "/", headers=AUTH)
    assert page.status == 200
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "same-origin"
    rebound = client.call("GET", "/api/partners", headers={**API, "Host": "evil.example:8000"})
    assert rebound.status == 400
    assert client.call("GET", "/", headers={}).status == 401
    wrong = {"Authorization": "Bearer guess"}
    statuses = [client.call("GET", "/", headers=wrong).status for _ in range(8)]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    assert client.call("GET", "/", headers=AUTH).status == 429, "a guesser waits even when right"


def test_stored_and_reflected_markup_is_escaped(
    client: Client, partner_data: dict[str, Any]
) -> None:
    hostile = "<script>alert(1)</script>"
    partner_data["organisation"]["short_name"] = f"МБУК {hostile}"
    assert client.json("POST", "/api/partners", partner_data, API).status == 201
    listing = client.call("GET", "/partners", headers=AUTH)
    assert hostile not in listing.text and "&lt;script&gt;" in listing.text
    reflected = client.call("GET", "/partners?q=%3Cscript%3Ealert(1)%3C/script%3E", headers=AUTH)
    assert hostile not in reflected.text


@pytest.mark.parametrize(
    "path",
    [
        "/api/templates/..%2F..%2Fr.sqlite3/file",
        "/api/templates/%2e%2e%2f%2e%2e%2fetc%2fpasswd/file",
        "/api/templates/....//....//etc/passwd/file",
        "/api/batches/..%2F..%2Fr.sqlite3/archive",
        "/api/batches/%2e%2e/errors",
        "/api/agreements/..%2F..%2Fr.sqlite3",
        "/agreements/..%2F..%2F..%2Fetc%2Fpasswd",
        "/templates/..%5C..%5Cr.sqlite3",
    ],
)
def test_path_traversal_finds_nothing(client: Client, path: str) -> None:
    answer = client.call("GET", path, headers=AUTH)
    assert answer.status == 404, (path, answer.status, answer.text[:200])
    assert b"root:" not in answer.body and b"SQLite format" not in answer.body


def test_hostile_packages_are_refused(client: Client) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", b"<Types/>")
        bomb.writestr("word/document.xml", b"<w:document/>")
        for number in range(8):
            bomb.writestr(f"word/media/zeros{number}.bin", b"\0" * (40 << 20))
    refused = client.upload("/api/templates", "bomb.docx", buffer.getvalue(), {})
    assert refused.status == 422 and "распакованном виде" in refused.text
    laughs = "".join(f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    doctype = f'<!DOCTYPE w:document [<!ENTITY l0 "ha">{laughs}]>'
    billion = _with_document_xml(_document_xml(doctype, "&l9;"))
    assert client.upload("/api/templates", "laughs.docx", billion, {}).status in (201, 422)
    xxe = _with_document_xml(
        _document_xml(
            '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;{{ a }}"
        )
    )
    answer = client.upload("/api/templates", "xxe.docx", xxe, {})
    assert b"root:" not in answer.body
    huge = client.call(
        "POST",
        "/api/templates",
        b"x" * 1024,
        {
            **API,
            "Content-Length": str(200 << 20),
            "Content-Type": "multipart/form-data; boundary=b",
        },
    )
    assert huge.status == 413
    assert client.call("GET", "/api/templates", headers=AUTH).status == 200, "still answering"


def test_parallel_agreements_get_distinct_numbers(
    client: Client, partner_data: dict[str, Any], terms: dict[str, Any]
) -> None:
    assert client.json("POST", "/api/partners", partner_data, API).status == 201
    inn = partner_data["organisation"]["requisites"]["inn"]
    request = {"partner_inn": inn, "terms": terms}

    def create(_: int) -> Answer:
        return client.json("POST", "/api/agreements", request, API)

    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(create, range(50)))
    assert [a.status for a in answers] == [201] * 50
    numbers = [json.loads(a.body)["agreement"]["number"] for a in answers]
    assert len(set(numbers)) == 50


def test_injection_looking_input_is_harmless(client: Client, partner_data: dict[str, Any]) -> None:
    assert client.json("POST", "/api/partners", partner_data, API).status == 201
    search = client.call("GET", "/partners?q=%27%20OR%201%3D1%20--", headers=AUTH)
    assert search.status == 200
    assert partner_data["organisation"]["short_name"] not in search.text
    partner_data["organisation"]["requisites"]["inn"] = "1' OR '1'='1"
    assert client.json("POST", "/api/partners", partner_data, API).status == 422
    bad_json = client.call(
        "POST", "/api/partners", b"{not json", {**API, "Content-Type": "application/json"}
    )
    assert bad_json.status == 422
    bad_date = client.json(
        "POST",
        "/api/agreements",
        {"partner_inn": "2204030991", "terms": {"date": "31.02.2026"}},
        API,
    )
    assert bad_date.status == 422 and "такой даты нет" in bad_date.text
    listing = json.loads(client.call("GET", "/api/partners", headers=AUTH).body)
    assert len(listing) == 1


def _xlsx(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_hostile_template_costs_its_rows_not_the_service(client: Client) -> None:
    hostile = _docx("Грамота {{ name }}", "{{ 'a' * 10**9 }}")
    uploaded = client.upload("/api/templates", "hostile.docx", hostile, {})
    assert uploaded.status == 201, uploaded.text
    template_id = json.loads(uploaded.body)["id"]
    workbook = _xlsx([["name"], ["Иванов"], ["Петров"]])
    started = client.upload("/api/batches", "люди.xlsx", workbook, {"template": template_id})
    assert started.status == 202, started.text
    job_id = json.loads(started.body)["id"]
    state: dict[str, Any] = {}
    for _ in range(600):
        assert client.call("GET", "/journal", headers=AUTH).status == 200
        state = json.loads(client.call("GET", f"/api/batches/{job_id}", headers=AUTH).body)
        if state["finished"]:
            break
        time.sleep(0.1)
    assert state["finished"] and state["skipped"] == 2 and state["done"] == 2
    report = client.call("GET", f"/api/batches/{job_id}/errors", headers=AUTH)
    assert report.status == 200
    rows = [
        " ".join(str(cell) for cell in row if cell is not None)
        for row in load_workbook(io.BytesIO(report.body)).active.iter_rows(values_only=True)
    ]
    refused = [row for row in rows if "'a' * 10**9" in row]
    assert len(refused) == 2, rows
    assert "слишком" in refused[0]
