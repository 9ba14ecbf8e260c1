"""Small pieces the pages share: a form's fields with its problems, redirects, downloads."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from docgen.service.form_data import form_lists
from docgen.service.forms import FormBuilder, FormField, problem_messages
from docgen.service.security import content_disposition
from docgen.sources import Problem

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES = {".docx": DOCX_TYPE, ".xlsx": XLSX_TYPE, ".pdf": "application/pdf",
               ".zip": "application/zip", ".txt": "text/plain; charset=utf-8"}  # fmt: skip


def form_fields(
    model: type[BaseModel],
    values: Mapping[str, Any],
    problems: Iterable[Problem] = (),
    *,
    exclude: Iterable[str] = (),
    readonly: Iterable[str] = (),
    extra_rows: int = 0,
    notes: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Return the template context of a form: its fields and the problems no field shows."""
    builder = FormBuilder(problem_messages(problems), frozenset(readonly), extra_rows, notes or {})
    fields: list[FormField] = builder.fields(model, values, exclude=exclude)
    return {"fields": fields, "unplaced": builder.unplaced(), "problem_count": _count(problems)}


def _count(problems: Iterable[Problem]) -> int:
    return sum(1 for _ in problems)


async def posted(request: Request) -> dict[str, list[str]]:
    """Return the posted form's text values by name."""
    return form_lists(await request.form())


def redirect(url: str) -> RedirectResponse:
    """Return a redirect after a successful POST (303: the browser then GETs ``url``)."""
    return RedirectResponse(url, status_code=303)


def download(data: bytes, name: str) -> Response:
    """Return bytes as a file to save, under a sanitised name."""
    media = MEDIA_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
    headers = {"Content-Disposition": content_disposition(name), "Cache-Control": "no-store"}
    return Response(data, media_type=media, headers=headers)


def download_file(path: Path, name: str | None = None) -> Response:
    """Return a file of the data folder as a download."""
    return download(path.read_bytes(), name or path.name)
