"""Guard the service: allowed hosts, the optional password, body size, CSRF cookies, headers.

Every answer carries a Content-Security-Policy that forbids inline script, plugins and
framing, plus ``nosniff`` and ``Referrer-Policy: same-origin``. A request whose ``Host`` is not
one the service answers to is refused, so a page on another site that rebinds its DNS name to
this computer cannot reach the API. Wrong passwords are throttled per client address
(``throttle.PasswordThrottle``); CSRF tokens are signed (``csrf.CsrfTokens``).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import ipaddress
import re
import unicodedata
from collections.abc import Awaitable, Callable, Collection, MutableMapping
from typing import Any
from urllib.parse import quote

from starlette.datastructures import Headers

from docgen.catalog import safe_file_name
from docgen.errors import TemplateError
from docgen.service.csrf import CSRF_COOKIE, CsrfTokens, cookie_value, set_cookie_header
from docgen.service.throttle import PasswordThrottle

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the other fields beside a file
_ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9._ ()\-]+")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class BodyTooLarge(Exception):
    """The request body is larger than the service accepts."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class Guard:
    """ASGI middleware: check host and password, bound the body, hand out the CSRF cookie."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        password: str | None,
        max_body: int,
        secret: bytes,
        allowed_hosts: Collection[str],
        throttle: PasswordThrottle | None = None,
    ) -> None:
        self.app = app
        self.password = password
        self.max_body = max_body + _FORM_OVERHEAD
        self.tokens = CsrfTokens(secret)
        self.allowed_hosts = frozenset(host.lower() for host in allowed_hosts)
        self.throttle = throttle or PasswordThrottle()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one request, refusing it when host, password or body size is wrong."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send, SECURITY_HEADERS)
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await _plain(send, *refusal)
            return
        cookie = cookie_value(headers, CSRF_COOKIE)
        signed = cookie if self.tokens.valid(cookie) else None
        token = signed or self.tokens.issue()
        state = scope.setdefault("state", {})
        state["csrf_token"], state["csrf_cookie"] = token, signed
        if signed is None:
            send = _with_headers(send, [set_cookie_header(token)])
        await self.app(scope, self._bounded(receive), send)

    def _refusal(
        self, scope: Scope, headers: Headers
    ) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        """Return the status, text and headers to refuse the request with, or None."""
        if not host_allowed(headers.get("host", ""), self.allowed_hosts):
            name = host_name(headers.get("host", ""))
            text = (
                f"Сервис docgen не отвечает на имя «{name[:100]}». Администратор может "
                f"разрешить его: docgen serve --allow-host {name[:100]}"
            )
            return 400, text, []
        if self.password is not None:
            client = (scope.get("client") or ("?", 0))[0]
            wait = self.throttle.wait(client)
            if wait:
                text = f"Слишком много неверных паролей: подождите {wait} с и попробуйте снова."
                return 429, text, [(b"retry-after", str(wait).encode())]
            if not password_matches(headers, self.password):
                if headers.get("authorization"):
                    self.throttle.failed(client)
                return 401, "Нужен пароль сервиса docgen.", _CHALLENGE
            self.throttle.succeeded(client)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            limit = (self.max_body - _FORM_OVERHEAD) // (1 << 20)
            return 413, f"Файл слишком большой: можно не больше {limit} МБ.", []
        return None

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


def host_allowed(host_header: str, allowed: Collection[str]) -> bool:
    """Tell whether the ``Host`` header is an IP address or one of the ``allowed`` names.

    DNS rebinding needs the attacker's own name in ``Host``; an address typed as digits
    cannot carry it, so any IP address is accepted and only names are checked.
    """
    name = host_name(host_header)
    if "*" in allowed or name in allowed:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_name(host_header: str) -> str:
    """Return the host of a ``Host`` header without its port and IPv6 brackets."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rpartition(":")[0] if host.count(":") == 1 else host


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


def _with_headers(send: Send, extra: list[tuple[bytes, bytes]]) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), *extra]
        await send(message)

    return sending


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
