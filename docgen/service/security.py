"""Guard the service: an optional password, request size, CSRF tokens, safe download names.

Forms use a double-submit token: a random value in a cookie (SameSite=Strict) and the same
value in a hidden field. The JSON API takes either that token in ``X-CSRF-Token`` or the
custom header ``X-Docgen-Client`` — a page on another site cannot send a custom header
without a CORS preflight, which this service never grants.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
import secrets
import unicodedata
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import quote

from fastapi import HTTPException, Request
from starlette.datastructures import Headers

from docgen.catalog import safe_file_name
from docgen.errors import TemplateError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "docgen_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
CLIENT_HEADER = "x-docgen-client"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the other fields beside a file
_ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9._ ()\-]+")


class BodyTooLarge(Exception):
    """The request body is larger than the service accepts."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class Guard:
    """ASGI middleware: check the password, bound the body, hand out the CSRF cookie."""

    def __init__(self, app: ASGIApp, password: str | None, max_body: int) -> None:
        self.app = app
        self.password = password
        self.max_body = max_body + _FORM_OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one request, refusing it when the password is wrong or the body too big."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if self.password is not None and not password_matches(headers, self.password):
            await _plain(send, 401, "Нужен пароль сервиса docgen.", _CHALLENGE)
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            limit = (self.max_body - _FORM_OVERHEAD) // (1 << 20)
            await _plain(send, 413, f"Файл слишком большой: можно не больше {limit} МБ.")
            return
        token = _cookie(headers, CSRF_COOKIE)
        fresh = token is None
        token = token or secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf_token"] = token
        await self.app(scope, self._bounded(receive), _with_cookie(send, token) if fresh else send)

    def _bounded(self, receive: Receive) -> Receive:
        seen = 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise BodyTooLarge(self.max_body - _FORM_OVERHEAD)
            return message

        return bounded


_CHALLENGE = [(b"www-authenticate", b'Basic realm="docgen", charset="UTF-8"')]


def password_matches(headers: Headers, password: str) -> bool:
    """Tell whether the request carries the password: HTTP Basic (any user) or Bearer."""
    given = headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    candidate = ""
    if scheme.lower() == "bearer":
        candidate = _utf8(value.strip())
    elif scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        candidate = decoded.partition(":")[2]
    return hmac.compare_digest(candidate.encode("utf-8"), password.encode("utf-8"))


def _utf8(text: str) -> str:
    """Return header text as UTF-8 (ASGI hands headers over as Latin-1)."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


async def _plain(
    send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = text.encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), *(extra or [])]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _cookie(headers: Headers, name: str) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name and re.fullmatch(r"[A-Za-z0-9_\-]{20,100}", value):
            return value
    return None


def _with_cookie(send: Send, token: str) -> Send:
    cookie = f"{CSRF_COOKIE}={token}; Path=/; SameSite=Strict; HttpOnly".encode()

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie)]
        await send(message)

    return sending


async def csrf_guard(request: Request) -> None:
    """Refuse a state-changing request that does not prove it comes from our own pages."""
    if request.method in SAFE_METHODS:
        return
    cookie = _cookie(request.headers, CSRF_COOKIE)
    if request.url.path.startswith("/api/"):
        if request.headers.get(CLIENT_HEADER) or _same(request.headers.get(CSRF_HEADER), cookie):
            return
        raise HTTPException(
            403, f"запрос к API без заголовка {CLIENT_HEADER} или {CSRF_HEADER}: добавьте его"
        )
    form = await request.form()
    token = form.get(CSRF_FIELD)
    if not _same(token if isinstance(token, str) else None, cookie):
        raise HTTPException(
            403,
            "форма устарела или отправлена с другого сайта: обновите страницу и отправьте ещё раз",
        )


def _same(given: str | None, expected: str | None) -> bool:
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def content_disposition(name: str) -> str:
    """Return an ``attachment`` header for ``name`` (RFC 6266: ASCII fallback and UTF-8)."""
    try:
        cleaned = safe_file_name(name)
    except TemplateError:
        cleaned = "document"
    stem, dot, suffix = cleaned.rpartition(".")
    fallback = _ascii(stem if dot else cleaned) or "document"
    if dot and _ascii(suffix):
        fallback += "." + _ascii(suffix)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(cleaned, safe='')}"


_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "-",
            "y",
            "-",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


def _ascii(text: str) -> str:
    """Return ``text`` in Latin letters for clients that ignore ``filename*``."""
    letters = []
    for char in text:
        latin = _CYRILLIC.get(char.lower())
        if latin == "-":  # the hard and soft signs have no letter of their own
            continue
        if latin is None:
            letters.append(char)
        else:
            letters.append(latin.capitalize() if char.isupper() else latin)
    folded = unicodedata.normalize("NFKD", "".join(letters)).encode("ascii", "ignore").decode()
    return " ".join(_ASCII_UNSAFE.sub("_", folded).split()).strip("_ .")
