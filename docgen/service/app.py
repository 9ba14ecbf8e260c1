"""Assemble the web service: the register, the pages, the API and the guards around them."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from docgen import __version__
from docgen.errors import OutputError, UserError
from docgen.register.jobs import delete_jobs
from docgen.service import (
    agreement_pages,
    agreements,
    batches,
    job_queue,
    library,
    partners,
    registry,
)
from docgen.service.api_errors import request_problems
from docgen.service.config import ServiceConfig
from docgen.service.context import CENTRE_MISSING, PAGES, Service, service_of
from docgen.service.csrf import csrf_guard
from docgen.service.security import BodyTooLarge, Guard
from docgen.service.storage import QuotaExceeded, remove_expired_batches
from docgen.sources.loader import InvalidData


def create_app(config: ServiceConfig) -> FastAPI:
    """Return the FastAPI application for ``config``; the register is opened at once."""
    service = Service(config)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(_start, service)
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


def _start(service: Service) -> None:
    """Forget the batches past their retention time; on PostgreSQL, serve the queue at once."""
    delete_jobs(service.register, remove_expired_batches(service.config))
    job_queue.ensure_worker(service)  # looked up here: tests replace it


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
        problems = request_problems(exc.errors())
        text = "; ".join(f"{item['loc']}: {item['message']}" for item in problems)
        return error_response(request, 422, f"запрос не принят — {text}", problems=problems)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        limit = exc.limit // (1 << 20)
        return error_response(request, 413, f"файл слишком большой: можно не больше {limit} МБ")
