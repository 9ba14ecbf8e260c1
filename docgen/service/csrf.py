"""CSRF tokens bound to the service's secret, and the check every state-changing request passes.

Forms use a double-submit token: a value in a cookie (SameSite=Strict, HttpOnly) and the same
value in a hidden field. The value is a random nonce signed with the service's secret
(HMAC-SHA256), so a cookie planted by a sibling site (cookie tossing) is not a token: the
service only accepts cookies it signed itself. The JSON API takes either that token in
``X-CSRF-Token`` or the custom header ``X-Docgen-Client`` — a page on another site cannot send
a custom header without a CORS preflight, which this service never grants.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from fastapi import HTTPException, Request
from starlette.datastructures import Headers

CSRF_COOKIE = "docgen_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
CLIENT_HEADER = "x-docgen-client"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_TOKEN = re.compile(r"[A-Za-z0-9_\-]{22,64}\.[0-9a-f]{64}")


class CsrfTokens:
    """Issue tokens signed with the service's secret and tell a signed one from any other."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def issue(self) -> str:
        """Return a fresh token: a random nonce and its signature."""
        nonce = secrets.token_urlsafe(24)
        return f"{nonce}.{self._sign(nonce)}"

    def valid(self, token: str | None) -> bool:
        """Tell whether ``token`` is one this service signed."""
        if not token or not _TOKEN.fullmatch(token):
            return False
        nonce, _, signature = token.partition(".")
        return hmac.compare_digest(signature, self._sign(nonce))

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._secret, nonce.encode("ascii"), hashlib.sha256).hexdigest()


def cookie_value(headers: Headers, name: str) -> str | None:
    """Return the value of cookie ``name`` in the request, if any."""
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def set_cookie_header(token: str) -> tuple[bytes, bytes]:
    """Return the ``Set-Cookie`` header that hands ``token`` to the browser."""
    return (b"set-cookie", f"{CSRF_COOKIE}={token}; Path=/; SameSite=Strict; HttpOnly".encode())


async def csrf_guard(request: Request) -> None:
    """Refuse a state-changing request that does not prove it comes from our own pages."""
    if request.method in SAFE_METHODS:
        return
    cookie: str | None = request.state.csrf_cookie  # set by the Guard: signed cookies only
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
