"""What every request works with: the service (configuration, register, pages), its helpers.

Page and API modules take the ``Service`` through ``ServiceDep``; ``app.py`` assembles them, so
this module imports none of them (no circle between the app and its pages).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import jinja2
from fastapi import Depends, HTTPException, Request
from fastapi.responses import Response

from docgen import __version__
from docgen.catalog import builtin, load_centre
from docgen.engine import CompiledTemplate
from docgen.errors import OutputError
from docgen.models import Centre
from docgen.register import Register, open_register
from docgen.register.rendering import CONTRACT_TEMPLATE
from docgen.service.config import ServiceConfig

PAGES = Path(__file__).resolve().parent / "pages"
CENTRE_MISSING = (
    "Не задан профиль Центра (наименование, реквизиты, директор) — без него договор не "
    "собрать. Укажите путь к файлу профиля в docgen.toml (строка centre = "
    '"путь/к/centre.yaml" в разделе [docgen]) или в переменной окружения DOCGEN_CENTRE и '
    "перезапустите docgen serve. Образец профиля — samples/centre.yaml."
)


class Service:
    """What every request works with: the configuration, the open register and the pages."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        self.register: Register = open_register(config.db_url)
        self.pages = jinja2.Environment(
            loader=jinja2.FileSystemLoader(PAGES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.pages.filters["url"] = lambda text: quote(str(text), safe="")
        self.pages.filters["ru_date"] = ru_date
        self._compiled: dict[str, tuple[tuple[int, int], CompiledTemplate]] = {}
        self._lock = threading.Lock()

    def contract(self) -> CompiledTemplate:
        """Return the built-in contract template, compiled again only when its file changes."""
        entry = builtin(CONTRACT_TEMPLATE)
        stat = entry.path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._compiled.get(entry.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        compiled = entry.compile()
        with self._lock:
            self._compiled[entry.id] = (key, compiled)
        return compiled

    def centre(self) -> Centre:
        """Return the centre's profile from the settings, or refuse with how to set it."""
        if self.config.centre is None:
            raise HTTPException(503, CENTRE_MISSING)
        return load_centre(self.config.centre)

    def path(self, *parts: str) -> Path:
        """Return a path inside the data folder; refuse any that would lead outside it."""
        root = self.config.data_dir
        target = root.joinpath(*parts).resolve()
        if not target.is_relative_to(root):
            raise HTTPException(404, "такого файла нет")
        return target

    def folder(self, *parts: str) -> Path:
        """Return a folder inside the data folder, created if missing."""
        target = self.path(*parts)
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{target}: не удалось создать папку ({exc.strerror})") from exc
        return target

    def today(self) -> dt.date:
        """Return the day statuses and terms are computed for."""
        return dt.date.today()

    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        """Return an HTML page from the templates shipped in ``pages/``."""
        context.setdefault("title", "docgen")
        html = self.pages.get_template(name).render(
            request=request, csrf=request.state.csrf_token, version=__version__, **context
        )
        return Response(html, status_code=status, media_type="text/html; charset=utf-8")


def ru_date(value: Any) -> str:
    """Return a date (or an ISO date string) as 26.11.2026; nothing for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        return f"{value.astimezone():%d.%m.%Y %H:%M}"
    return f"{value:%d.%m.%Y}"


def service_of(request: Request) -> Service:
    """Return the service a request belongs to (a FastAPI dependency)."""
    service: Service = request.app.state.service
    return service


ServiceDep = Annotated[Service, Depends(service_of)]
"""A route's parameter that receives the service."""
