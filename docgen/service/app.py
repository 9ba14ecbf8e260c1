"""Assemble the web service: the register, the pages, the API and the guards around them."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from docgen import __version__
from docgen.catalog import builtin, load_centre
from docgen.engine import CompiledTemplate
from docgen.errors import OutputError, UserError
from docgen.models import Centre
from docgen.register import Register, open_register
from docgen.register.rendering import CONTRACT_TEMPLATE
from docgen.service.config import ServiceConfig
from docgen.service.csrf import csrf_guard
from docgen.service.security import BodyTooLarge, Guard
from docgen.service.storage import QuotaExceeded, remove_expired_batches
from docgen.sources.loader import InvalidData

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


def create_app(config: ServiceConfig) -> FastAPI:
    """Return the FastAPI application for ``config``; the register is opened at once."""
    from docgen.service import agreement_pages, agreements, batches, library, partners, registry

    service = Service(config)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        from docgen.register.jobs import delete_jobs
        from docgen.service.job_queue import ensure_worker

        delete_jobs(service.register, remove_expired_batches(config))
        ensure_worker(service)  # on PostgreSQL, serve the queue from the start
        yield
        service.register.close()

    app = FastAPI(
        title="docgen",
        version=__version__,
        description="Документы ЦВР: партнёры, договоры, шаблоны, пакетная сборка, реестр.",
        dependencies=[Depends(csrf_guard)],
        lifespan=lifespan,
    )
    app.state.service = service
    script = (PAGES / "app.js").read_bytes()

    @app.get("/static/app.js", include_in_schema=False)
    def page_script() -> Response:
        return Response(script, media_type="text/javascript; charset=utf-8")

    for module in (partners, agreements, agreement_pages, registry, library, batches):
        app.include_router(module.router)
    _add_handlers(app)
    app.add_middleware(
        Guard,
        password=config.password,
        max_body=config.max_upload_bytes,
        secret=config.secret,
        allowed_hosts=config.allowed_hosts,
    )
    return app


def hide_paths(message: str, data_dir: Path) -> str:
    """Return ``message`` with paths inside the data folder shortened to their file names."""
    root = re.escape(str(data_dir))
    return re.sub(root + r"[^\s:;,«»\"'()]*", lambda m: Path(m.group()).name or "…", message)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in ("/openapi.json",)


def error_response(request: Request, status: int, message: str, **extra: Any) -> Response:
    """Return the error as JSON for the API and as a page for a person."""
    if _wants_json(request):
        return JSONResponse({"detail": message, **extra}, status_code=status)
    service = service_of(request)
    heading = "Не задан профиль Центра" if message == CENTRE_MISSING else _HEADINGS.get(status)
    return service.render(
        request,
        "error.html",
        status=status,
        title=heading or "Ошибка",
        heading=heading or "Не получилось",
        message=message,
        problems=extra.get("problems", []),
    )


_HEADINGS = {
    403: "Запрос отклонён",
    404: "Не найдено",
    413: "Файл слишком большой",
    429: "Слишком много попыток",
    507: "Место закончилось",
    422: "Данные не приняты",
}


def _problems(exc: Exception) -> list[dict[str, Any]]:
    if not isinstance(exc, InvalidData):
        return []
    return [
        {"loc": problem.path, "title": problem.title, "message": problem.message}
        for problem in exc.problems
    ]


def _add_handlers(app: FastAPI) -> None:
    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> Response:
        status = 500 if isinstance(exc, OutputError) else 422
        status = 507 if isinstance(exc, QuotaExceeded) else status
        message = hide_paths(str(exc), service_of(request).config.data_dir)
        return error_response(request, status, message, problems=_problems(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {404: "такой страницы нет", 405: "этот адрес так не вызывают"}
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if detail in ("Not Found", "Method Not Allowed"):
            detail = messages.get(exc.status_code, detail)
        return error_response(request, exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        from docgen.service.api_errors import request_problems

        problems = request_problems(exc.errors())
        text = "; ".join(f"{item['loc']}: {item['message']}" for item in problems)
        return error_response(request, 422, f"запрос не принят — {text}", problems=problems)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        limit = exc.limit // (1 << 20)
        return error_response(request, 413, f"файл слишком большой: можно не больше {limit} МБ")
