"""Pages of agreements: the form for a new one with a preview, and an agreement's card."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from docgen.models import Agreement
from docgen.pdf import installed_soffice
from docgen.register import journal_entries, sign_agreement, terminate_agreement
from docgen.register.drafting import peek_number
from docgen.register.partners import list_partners
from docgen.register.preview import ContractPreview, contract_preview
from docgen.register.status import add_months
from docgen.service.agreements import (
    PARTNER_FIELD,
    TERMS_EXCLUDE,
    document_file,
    draft_preview,
    new_agreement,
    stored_agreement,
)
from docgen.service.context import Service, ServiceDep
from docgen.service.form_data import parse_form
from docgen.service.views import download_file, form_fields, posted, redirect
from docgen.sources import Problem
from docgen.sources.loader import InvalidData

router = APIRouter(include_in_schema=False)
NOTES = {
    "subject": "Продолжение фразы «Предметом настоящего Договора является …». Пусто — "
    "«сотрудничество Сторон по направлениям: …» из карточки партнёра.",
}


def agreement_url(number: str) -> str:
    """Return the address of an agreement's card (its number may hold «/»)."""
    return f"/agreements/{quote(number, safe='')}"


@router.get("/agreements/new")
def new_agreement_page(service: ServiceDep, request: Request, partner: str = "") -> Response:
    """Show the form of a new agreement, the partner chosen when given."""
    today = service.today()
    end = add_months(today, 12) - dt.timedelta(days=1)
    values = {"date": today, "term": {"start": today, "end": end}}
    return _form(request, service, partner, values, [])


@router.post("/agreements/new")
async def new_agreement_post(service: ServiceDep, request: Request) -> Response:
    """Preview, add a row of activities, or create the agreement, as the button pressed says."""
    form = await posted(request)
    return await run_in_threadpool(_agreement_action, service, request, form)


def _agreement_action(service: Service, request: Request, form: dict[str, list[str]]) -> Response:
    """Carry out the button pressed on the agreement form (in the thread pool)."""
    action = (form.get("action") or ["create"])[0]
    inn = (form.get(PARTNER_FIELD) or [""])[0].strip()
    terms = parse_form(Agreement, form, exclude=TERMS_EXCLUDE)
    if action == "add_row":
        return _form(request, service, inn, terms, [], extra_rows=1)
    try:
        if action == "preview":
            _, preview = draft_preview(service, inn, terms)
            return _form(request, service, inn, terms, [], preview=preview)
        agreement = new_agreement(service, inn, terms)
    except InvalidData as exc:
        return _form(request, service, inn, terms, exc.problems, status=422)
    return redirect(agreement_url(agreement.number) + "?created=1")


def _form(
    request: Request,
    service: Service,
    inn: str,
    values: dict[str, Any],
    problems: list[Problem],
    *,
    preview: ContractPreview | None = None,
    extra_rows: int = 0,
    status: int = 200,
) -> Response:
    form = form_fields(
        Agreement, values, problems, exclude=TERMS_EXCLUDE, extra_rows=extra_rows, notes=NOTES
    )
    partner_errors = [p.message for p in problems if p.loc == (PARTNER_FIELD,)]
    form["unplaced"] = [m for m in form["unplaced"] if m not in partner_errors]
    year = _year(values.get("date"), service.today().year)
    return service.render(
        request,
        "agreement_form.html",
        status=status,
        title="Новый договор",
        partners=list_partners(service.register),
        chosen=inn,
        partner_errors=partner_errors,
        next_number=peek_number(service.register, year, service.config.pattern),
        preview=preview,
        **form,
    )


def _year(value: Any, fallback: int) -> int:
    text = str(value or "")
    if len(text) >= 10 and text[:4].isdigit():
        return int(text[:4])
    if len(text) >= 10 and text[-4:].isdigit():
        return int(text[-4:])
    return fallback


@router.get("/agreements/{number:path}")
def agreement_page(
    service: ServiceDep, number: str, request: Request, created: str = ""
) -> Response:
    """Show an agreement: status, term, the key sentences, downloads and its journal."""
    record = stored_agreement(service, number)
    today = service.today()
    preview, centre_problem = None, None
    try:
        preview = contract_preview(record.agreement, service.centre(), service.contract())
    except HTTPException as exc:
        centre_problem = str(exc.detail)
    return service.render(
        request,
        "agreement.html",
        title=f"{record.agreement.kind.value.capitalize()} {record.agreement.number}",
        record=record,
        standing=record.standing(today),
        preview=preview,
        centre_problem=centre_problem,
        entries=journal_entries(service.register, record.agreement.number),
        pdf_available=installed_soffice() is not None,
        created=bool(created),
        url=agreement_url(record.agreement.number),
    )


@router.post("/agreements/{number:path}/document")
async def agreement_document(service: ServiceDep, number: str, request: Request) -> Response:
    """Give the agreement as .docx or .pdf (recorded in the journal)."""
    chosen = (await posted(request)).get("format", ["docx"])[0]
    kind = "pdf" if chosen == "pdf" else "docx"
    # Rendering and PDF conversion are slow: never on the event loop.
    return download_file(await run_in_threadpool(document_file, service, number, kind))


@router.post("/agreements/{number:path}/sign")
def agreement_sign(service: ServiceDep, number: str) -> Response:
    """Mark the draft signed today."""
    record = stored_agreement(service, number)
    sign_agreement(service.register, record.agreement.number, service.today())
    return redirect(agreement_url(record.agreement.number))


@router.post("/agreements/{number:path}/terminate")
def agreement_terminate(service: ServiceDep, number: str) -> Response:
    """Mark the agreement terminated from today."""
    record = stored_agreement(service, number)
    terminate_agreement(service.register, record.agreement.number, service.today())
    return redirect(agreement_url(record.agreement.number))
