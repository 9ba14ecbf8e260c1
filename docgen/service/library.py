"""Templates: the built-ins and uploaded .docx files — their fields and a check against a model."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload

from docgen.catalog import BUILTINS, BuiltinTemplate
from docgen.engine import (
    CompiledTemplate,
    UnknownName,
    check_template,
    compile_template,
    format_unknown,
)
from docgen.errors import InputError, UserError
from docgen.models import MODELS, Centre
from docgen.service.context import Service, ServiceDep
from docgen.service.storage import check_quota
from docgen.service.uploads import DOCX, check_package, read_upload
from docgen.service.views import download, redirect
from docgen.sources.problems import field_at

router = APIRouter()
MODEL_LABELS = {
    "agreement": "договор (соглашение)",
    "regulation": "положение о мероприятии",
    "plan": "план по социальному партнёрству",
    "report": "анализ работы методической службы",
    "centre": "профиль Центра",
    "partner": "карточка партнёра",
    "organisation": "организация",
    "signer": "подписант",
    "person": "человек (ФИО)",
}
"""What each model is, for people choosing one."""
_UPLOADED_ID = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True)
class TemplateChoice:
    """A template the service offers: a built-in one or one a user uploaded."""

    id: str
    title: str
    path: Path
    builtin: BuiltinTemplate | None = None

    def compile(self, centre: Centre | None = None) -> CompiledTemplate:
        """Compile the template; a user's one sees ``centre`` when the profile is given."""
        if self.builtin is not None:
            return self.builtin.compile()
        profile = {"centre": centre} if centre is not None else None
        return compile_template(self.path, name=f"«{self.title}»", globals=profile)

    def check(self, model_name: str | None) -> list[UnknownName]:
        """Return the names the template uses that its data does not have."""
        if self.builtin is not None:
            return self.builtin.check()
        return check_template(self.compile(), MODELS[model_name or "agreement"])


def uploaded_templates(service: Service) -> list[dict[str, Any]]:
    """Return the uploaded templates, newest first: id, name and when."""
    folder = service.folder("templates")
    found = []
    for meta in folder.glob("*.json"):
        if _UPLOADED_ID.fullmatch(meta.stem) and meta.with_suffix(".docx").is_file():
            found.append({"id": meta.stem, **json.loads(meta.read_text(encoding="utf-8"))})
    return sorted(found, key=lambda item: item["uploaded"], reverse=True)


def find_template(service: Service, template_id: str) -> TemplateChoice:
    """Return the template ``template_id`` names, or answer 404."""
    if template_id in BUILTINS:
        entry = BUILTINS[template_id]
        return TemplateChoice(entry.id, entry.title, entry.path, entry)
    if _UPLOADED_ID.fullmatch(template_id):
        path = service.path("templates", f"{template_id}.docx")
        meta = path.with_suffix(".json")
        if path.is_file() and meta.is_file():
            name = json.loads(meta.read_text(encoding="utf-8"))["name"]
            return TemplateChoice(template_id, name, path)
    raise HTTPException(404, f"шаблона «{template_id}» нет: список — на странице «Шаблоны»")


async def receive_template(service: Service, upload: StarletteUpload) -> TemplateChoice:
    """Receive an uploaded .docx, then check and keep it in the thread pool (``keep_template``)."""
    data = await read_upload(upload, service.config.max_upload_bytes)
    name = Path(upload.filename or "шаблон.docx").name
    # Unpacking and compiling a stranger's template is slow work: never on the event loop.
    return await run_in_threadpool(keep_template, service, data, name)


def keep_template(service: Service, data: bytes, name: str) -> TemplateChoice:
    """Check a template's bytes (a real Word file whose tags compile) and store them."""
    check_package(data, name, DOCX, service.config.max_unpacked_bytes)
    check_quota(service.config, len(data))
    compile_template(data, name=f"«{name}»")
    template_id = hashlib.sha256(data).hexdigest()[:16]
    path = service.path("templates", f"{template_id}.docx")
    service.folder("templates")
    path.write_bytes(data)
    uploaded = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    meta = {"name": name, "uploaded": uploaded}
    path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return TemplateChoice(template_id, name, path)


def template_fields(choice: TemplateChoice, model_name: str | None = None) -> list[dict[str, Any]]:
    """Return each name the template uses, once, with its title and the paragraphs using it.

    Titles come from the model: a built-in's own data, else ``model_name`` when given.
    """
    model = choice.builtin.context_model() if choice.builtin else MODELS.get(model_name or "")
    by_path: dict[str, tuple[tuple[str, ...], list[str]]] = {}
    for usage in choice.compile().fields():
        _, places = by_path.setdefault(usage.dotted, (usage.path, []))
        if usage.place.text and usage.place.text not in places:
            places.append(usage.place.text)
    return [
        {"path": path, "title": _title(model, segments), "places": places}
        for path, (segments, places) in by_path.items()
    ]


def _title(model: type[BaseModel] | None, segments: tuple[str, ...]) -> str:
    names = tuple(segment for segment in segments if segment not in ("[]", "*"))
    info = field_at(model, names) if model is not None and names else None
    return str(info.title) if info is not None and info.title else ""


def template_check(choice: TemplateChoice, model_name: str | None) -> dict[str, Any]:
    """Check the template against a model (a built-in: against its own data); say the result."""
    if choice.builtin is None and model_name not in MODELS:
        raise InputError(f"модели «{model_name}» нет; есть: {', '.join(sorted(MODELS))}")
    unknown = choice.check(model_name)
    model = choice.builtin.model_name if choice.builtin else str(model_name)
    message = format_unknown(unknown, choice.title, model) if unknown else ""
    return {
        "model": model,
        "ok": not unknown,
        "unknown": [
            {"path": item.usage.dotted, "reason": item.reason, "place": item.usage.place.text}
            for item in unknown
        ],
        "message": message or f"все имена шаблона есть в модели «{model}»",
    }


def _all_known(model: str) -> str:
    return f"все имена шаблона есть в модели «{model}»"


def template_list(service: Service) -> dict[str, Any]:
    """Return the built-in and the uploaded templates."""
    builtin = [
        {
            "id": entry.id,
            "title": entry.title,
            "model": entry.model_name,
            "model_label": MODEL_LABELS.get(entry.model_name, entry.model_name),
        }
        for entry in BUILTINS.values()
    ]
    return {"builtin": builtin, "uploaded": uploaded_templates(service)}


# --- API ---


@router.get("/api/templates", tags=["шаблоны"], summary="Встроенные и загруженные шаблоны")
def api_templates(service: ServiceDep) -> dict[str, Any]:
    """List the templates."""
    return template_list(service)


@router.post("/api/templates", status_code=201, tags=["шаблоны"], summary="Загрузить шаблон .docx")
async def api_upload(file: Annotated[UploadFile, File()], service: ServiceDep) -> dict[str, Any]:
    """Keep an uploaded Word template; return its id and the names it uses."""
    choice = await receive_template(service, file)
    return {"id": choice.id, "name": choice.title, "fields": template_fields(choice)}


@router.delete(
    "/api/templates/{template_id}", status_code=204, tags=["шаблоны"], summary="Удалить шаблон"
)
def api_delete(service: ServiceDep, template_id: str) -> Response:
    """Delete an uploaded template (built-in ones cannot be deleted)."""
    delete_template(service, template_id)
    return Response(status_code=204)


def delete_template(service: Service, template_id: str) -> None:
    """Delete an uploaded template and its description; refuse a built-in one."""
    choice = find_template(service, template_id)
    if choice.builtin is not None:
        raise HTTPException(422, f"«{choice.title}» — встроенный шаблон, его удалить нельзя")
    choice.path.unlink(missing_ok=True)
    choice.path.with_suffix(".json").unlink(missing_ok=True)


@router.get("/api/templates/{template_id}/fields", tags=["шаблоны"], summary="Поля шаблона")
def api_fields(service: ServiceDep, template_id: str) -> list[dict[str, Any]]:
    """Return the names the template uses and where."""
    return template_fields(find_template(service, template_id))


@router.get("/api/templates/{template_id}/check", tags=["шаблоны"], summary="Сверить с моделью")
def api_check(service: ServiceDep, template_id: str, model: str = "agreement") -> dict[str, Any]:
    """Check the template's names against a model (built-ins: against their own data)."""
    return template_check(find_template(service, template_id), model)


@router.get("/api/templates/{template_id}/file", tags=["шаблоны"], summary="Скачать шаблон")
def api_file(service: ServiceDep, template_id: str) -> Response:
    """Return the template's .docx."""
    choice = find_template(service, template_id)
    name = choice.title if choice.title.lower().endswith(".docx") else f"{choice.title}.docx"
    return download(choice.path.read_bytes(), name)


@router.get("/api/templates/{template_id}/workbook", tags=["шаблоны"], summary="Таблица для данных")
def api_workbook(service: ServiceDep, template_id: str) -> Response:
    """Return an empty Excel workbook with the columns the template's data needs."""
    from docgen.engine.batch.spec import user_template_model
    from docgen.sources.workbook.write import input_workbook

    choice = find_template(service, template_id)
    model = choice.builtin.model if choice.builtin else user_template_model(choice.compile())
    buffer = io.BytesIO()
    input_workbook(model).save(buffer)
    stem = choice.title.removesuffix(".docx")
    return download(buffer.getvalue(), f"Таблица для «{stem}».xlsx")


# --- pages ---


@router.get("/templates", include_in_schema=False)
def templates_page(service: ServiceDep, request: Request) -> Response:
    """Show the templates and the upload form."""
    return _list_page(request, service)


def _list_page(
    request: Request, service: Service, error: str | None = None, status: int = 200
) -> Response:
    return service.render(
        request,
        "templates.html",
        status=status,
        title="Шаблоны",
        error=error,
        **template_list(service),
    )


@router.post("/templates", include_in_schema=False)
async def upload_page(service: ServiceDep, request: Request) -> Response:
    """Keep an uploaded template and open its page, or say why it was refused."""
    upload = (await request.form()).get("file")
    if not isinstance(upload, StarletteUpload) or not upload.filename:
        return _list_page(request, service, "выберите файл шаблона .docx", status=422)
    try:
        choice = await receive_template(service, upload)
    except UserError as exc:
        return _list_page(request, service, str(exc), status=422)
    return redirect(f"/templates/{choice.id}")


@router.post("/templates/{template_id}/delete", include_in_schema=False)
def delete_page(service: ServiceDep, template_id: str) -> Response:
    """Delete an uploaded template and go back to the list."""
    delete_template(service, template_id)
    return redirect("/templates")


@router.get("/templates/{template_id}", include_in_schema=False)
def template_page(
    service: ServiceDep, template_id: str, request: Request, model: str = ""
) -> Response:
    """Show a template's fields and, when asked, its check against a model."""
    choice = find_template(service, template_id)
    check = template_check(choice, model) if model or choice.builtin else None
    return service.render(
        request,
        "template.html",
        title=f"Шаблон {choice.title}",
        choice=choice,
        fields=template_fields(choice, model or None),
        check=check,
        model=model,
        models=[(name, MODEL_LABELS.get(name, name)) for name in MODELS],
    )
