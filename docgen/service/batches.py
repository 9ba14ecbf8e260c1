"""Batches: upload a workbook, choose a template, watch progress, download the ZIP."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload

from docgen.engine.batch.error_report import ERROR_REPORT_NAME
from docgen.errors import UserError
from docgen.register.jobs import (
    Job,
    create_job,
    delete_jobs,
    find_job,
    list_jobs,
    request_cancel,
    restart_job,
)
from docgen.service import job_queue
from docgen.service.batch_jobs import ARCHIVE_NAME
from docgen.service.context import Service, ServiceDep
from docgen.service.job_queue import WORKBOOK_NAME, plan_batch
from docgen.service.library import TemplateChoice, find_template, template_list
from docgen.service.storage import check_quota, remove_expired_batches
from docgen.service.uploads import XLSX, check_package, read_upload
from docgen.service.views import download_file, redirect

router = APIRouter()
_JOB_ID = re.compile(r"[0-9a-f]{16}")


async def start_batch(service: Service, template_id: str, upload: StarletteUpload) -> Job:
    """Check the workbook, read its rows for the template and start rendering them."""
    choice = await run_in_threadpool(find_template, service, template_id)  # reads its file
    data = await read_upload(upload, service.config.max_upload_bytes)
    name = Path(upload.filename or WORKBOOK_NAME).name
    return await run_in_threadpool(_submit, service, choice, data, name)


def _submit(service: Service, choice: TemplateChoice, data: bytes, name: str) -> Job:
    """Store the workbook in a new job's folder, plan the batch and queue it (a thread's work)."""
    check_package(data, name, XLSX, service.config.max_unpacked_bytes)
    delete_jobs(service.register, remove_expired_batches(service.config))
    check_quota(service.config, len(data))
    job = Job.new("batch", choice.id, choice.title, name, 0)
    if job_queue.queued(service):
        job.owner = None  # a worker claims it from the queue
    folder = service.folder("batches", job.id)
    try:
        (folder / WORKBOOK_NAME).write_bytes(data)
        batch = plan_batch(service, choice, folder, name)
        job.total = len(batch)
        create_job(service.register, job)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # a refused workbook leaves nothing behind
        raise
    job_queue.submit(service, job, batch, folder)
    return job


def find_batch(service: Service, job_id: str) -> tuple[Job, Path]:
    """Return a batch's job and folder, or answer 404."""
    job_queue.ensure_worker(service)  # a restarted service on PostgreSQL serves the queue
    if _JOB_ID.fullmatch(job_id):
        folder = service.path("batches", job_id)
        job = find_job(service.register, job_id)
        if job is not None and folder.is_dir():
            return job, folder
    raise HTTPException(404, f"пакета «{job_id}» нет: возможно, он удалён по сроку хранения")


def batch_file(service: Service, job_id: str, name: str, what: str) -> Path:
    """Return a finished batch's file, or say why there is none yet."""
    job, folder = find_batch(service, job_id)
    if not job.finished:
        raise HTTPException(409, f"пакет ещё собирается ({job.done} из {job.total}); подождите")
    path = folder / name
    if not path.is_file():
        raise HTTPException(404, f"у этого пакета нет {what}")
    return path


def cancel_batch(service: Service, job_id: str) -> Job:
    """Ask a batch to stop (it stops at its next document); an ended one stays as it is."""
    find_batch(service, job_id)
    job = request_cancel(service.register, job_id)
    if job is None:
        raise HTTPException(404, f"пакета «{job_id}» нет")
    return job


def restart_batch(service: Service, job_id: str) -> Job:
    """Start an interrupted, failed or cancelled batch again from its stored workbook."""
    job, folder = find_batch(service, job_id)
    if not job.restartable:
        raise HTTPException(
            409,
            f"пакет сейчас в состоянии «{job.label}»; перезапустить можно прерванный, "
            "отменённый или завершившийся ошибкой пакет",
        )
    choice = find_template(service, job.template_id)
    for stale in (ARCHIVE_NAME, ERROR_REPORT_NAME):
        (folder / stale).unlink(missing_ok=True)
    batch = plan_batch(service, choice, folder, job.workbook)
    again = restart_job(service.register, job_id, queued=job_queue.queued(service))
    if again is None or again.state != "queued":
        raise HTTPException(409, "пакет уже перезапущен")
    job_queue.submit(service, again, batch, folder)
    return again


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


@router.post("/api/batches/{job_id}/cancel", tags=["пакеты"], summary="Отменить сборку")
def api_cancel(service: ServiceDep, job_id: str) -> dict[str, Any]:
    """Stop a queued or running batch; the documents made so far are not kept."""
    return cancel_batch(service, job_id).as_json()


@router.post(
    "/api/batches/{job_id}/restart", status_code=202, tags=["пакеты"], summary="Перезапустить"
)
def api_restart(service: ServiceDep, job_id: str) -> dict[str, Any]:
    """Start an interrupted, failed or cancelled batch again from the workbook it was given."""
    return restart_batch(service, job_id).as_json()


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
    """Show the batch form and the latest batches (of every service process)."""
    return _form(request, service)


def _form(
    request: Request,
    service: Service,
    error: str | None = None,
    status: int = 200,
    chosen: str | None = None,
) -> Response:
    job_queue.ensure_worker(service)
    jobs = list_jobs(service.register)
    expired = [job.id for job in jobs if not service.path("batches", job.id).is_dir()]
    if expired:  # their folders were removed after the retention time
        delete_jobs(service.register, expired)
        jobs = [job for job in jobs if job.id not in expired]
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
    # The form page reads the jobs from the register: in the thread pool, off the event loop.
    if not isinstance(template, str) or not template:
        return await run_in_threadpool(_form, request, service, "выберите шаблон", 422)
    if not isinstance(upload, StarletteUpload) or not upload.filename:
        error = "выберите файл таблицы .xlsx"
        return await run_in_threadpool(_form, request, service, error, 422, template)
    try:
        state = await start_batch(service, template, upload)
    except UserError as exc:
        return await run_in_threadpool(_form, request, service, str(exc), 422, template)
    return redirect(f"/batch/{state.id}")


@router.get("/batch/{job_id}", include_in_schema=False)
def batch_job_page(service: ServiceDep, job_id: str, request: Request) -> Response:
    """Show a batch's progress (the page polls the API) and, when done, its files."""
    state, _ = find_batch(service, job_id)
    return service.render(request, "batch_job.html", title="Пакетная сборка", job=state)


@router.post("/batch/{job_id}/cancel", include_in_schema=False)
def batch_cancel_post(service: ServiceDep, job_id: str) -> Response:
    """Stop a batch from its page."""
    cancel_batch(service, job_id)
    return redirect(f"/batch/{job_id}")


@router.post("/batch/{job_id}/restart", include_in_schema=False)
def batch_restart_post(service: ServiceDep, job_id: str) -> Response:
    """Start an interrupted batch again from its page."""
    restart_batch(service, job_id)
    return redirect(f"/batch/{job_id}")
