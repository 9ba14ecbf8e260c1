"""Batches: upload a workbook, choose a template, watch progress, download the ZIP."""

from __future__ import annotations

import dataclasses
import re
import secrets
import shutil
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import Response
from starlette.datastructures import UploadFile as StarletteUpload

from docgen.engine.batch import builtin_spec, prepare_batch, user_spec
from docgen.engine.batch.error_report import ERROR_REPORT_NAME
from docgen.errors import InputError, UserError
from docgen.service import batch_jobs
from docgen.service.app import Service, ServiceDep
from docgen.service.batch_jobs import ARCHIVE_NAME, BatchState
from docgen.service.library import find_template, template_list
from docgen.service.uploads import XLSX, check_package, read_upload
from docgen.service.views import download_file, redirect
from docgen.settings import resolve_settings

router = APIRouter()
WORKBOOK_NAME = "таблица.xlsx"
_JOB_ID = re.compile(r"[0-9a-f]{16}")


async def start_batch(service: Service, template_id: str, upload: StarletteUpload) -> BatchState:
    """Check the workbook, read its rows for the template and start rendering them."""
    choice = find_template(service, template_id)
    data = await read_upload(upload, service.config.max_upload_bytes)
    name = Path(upload.filename or WORKBOOK_NAME).name
    check_package(data, name, XLSX, service.config.max_unpacked_bytes)
    if choice.builtin is not None:
        spec = builtin_spec(choice.builtin, service.centre())
    else:  # messages name the template as the user knows it, not by its stored path
        spec = dataclasses.replace(user_spec(choice.path), template=choice.compile())
    job_id = secrets.token_hex(8)
    folder = service.folder("batches", job_id)
    try:
        workbook = folder / WORKBOOK_NAME
        workbook.write_bytes(data)
        job = prepare_batch(spec, workbook)
        if len(job) > service.config.batch_rows:
            raise InputError(
                f"«{name}»: документов {len(job)}, а за один раз можно не больше "
                f"{service.config.batch_rows}; разделите таблицу на части"
            )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # a refused workbook leaves nothing behind
        raise
    state = BatchState(job_id, choice.title, name, len(job))
    service.jobs[job_id] = state
    batch_jobs.start(state, job, folder, resolve_settings({}).workers)
    return state


def find_batch(service: Service, job_id: str) -> tuple[BatchState, Path]:
    """Return a batch's state and folder, or answer 404."""
    if _JOB_ID.fullmatch(job_id):
        folder = service.path("batches", job_id)
        state = service.jobs.get(job_id) or batch_jobs.load(folder)
        if state is not None:
            return state, folder
    raise HTTPException(404, f"пакета «{job_id}» нет: возможно, его собирали до перезапуска")


def batch_file(service: Service, job_id: str, name: str, what: str) -> Path:
    """Return a finished batch's file, or say why there is none yet."""
    state, folder = find_batch(service, job_id)
    if not state.finished:
        raise HTTPException(409, f"пакет ещё собирается ({state.done} из {state.total}); подождите")
    path = folder / name
    if not path.is_file():
        raise HTTPException(404, f"у этого пакета нет {what}")
    return path


# --- API ---


@router.post("/api/batches", status_code=202, tags=["пакеты"], summary="Начать пакетную сборку")
async def api_start(
    service: ServiceDep,
    template: Annotated[str, Form(description="Шаблон: id встроенного или загруженного.")],
    file: Annotated[UploadFile, File(description="Таблица Excel (.xlsx) с данными.")],
) -> dict[str, Any]:
    """Start rendering one document per row of the workbook; poll the state for progress."""
    return (await start_batch(service, template, file)).as_json()


@router.get("/api/batches/{job_id}", tags=["пакеты"], summary="Состояние пакета")
def api_state(service: ServiceDep, job_id: str) -> dict[str, Any]:
    """Return how far the batch is and, when done, what it wrote and skipped."""
    return find_batch(service, job_id)[0].as_json()


@router.get("/api/batches/{job_id}/archive", tags=["пакеты"], summary="ZIP с документами")
def api_archive(service: ServiceDep, job_id: str) -> Response:
    """Return the batch's ZIP."""
    return download_file(batch_file(service, job_id, ARCHIVE_NAME, "архива"))


@router.get("/api/batches/{job_id}/errors", tags=["пакеты"], summary="Таблица ошибок")
def api_errors(service: ServiceDep, job_id: str) -> Response:
    """Return the workbook of skipped rows and what is wrong in each."""
    return download_file(batch_file(service, job_id, ERROR_REPORT_NAME, "таблицы ошибок"))


# --- pages ---


@router.get("/batch", include_in_schema=False)
def batch_page(service: ServiceDep, request: Request) -> Response:
    """Show the batch form and the batches of this run of the service."""
    return _form(request, service)


def _form(
    request: Request,
    service: Service,
    error: str | None = None,
    status: int = 200,
    chosen: str | None = None,
) -> Response:
    jobs = sorted(service.jobs.values(), key=lambda state: state.id)
    chosen = chosen if chosen is not None else request.query_params.get("template", "")
    return service.render(
        request,
        "batch.html",
        status=status,
        title="Пакетная сборка",
        error=error,
        jobs=jobs,
        chosen=chosen,
        **template_list(service),
    )


@router.post("/batch", include_in_schema=False)
async def batch_post(service: ServiceDep, request: Request) -> Response:
    """Start a batch and show its progress, or say why the workbook was refused."""
    form = await request.form()
    upload, template = form.get("file"), form.get("template")
    if not isinstance(template, str) or not template:
        return _form(request, service, "выберите шаблон", status=422)
    if not isinstance(upload, StarletteUpload) or not upload.filename:
        return _form(request, service, "выберите файл таблицы .xlsx", 422, template)
    try:
        state = await start_batch(service, template, upload)
    except UserError as exc:
        return _form(request, service, str(exc), 422, template)
    return redirect(f"/batch/{state.id}")


@router.get("/batch/{job_id}", include_in_schema=False)
def batch_job_page(service: ServiceDep, job_id: str, request: Request) -> Response:
    """Show a batch's progress (the page polls the API) and, when done, its files."""
    state, _ = find_batch(service, job_id)
    return service.render(request, "batch_job.html", title="Пакетная сборка", job=state)
