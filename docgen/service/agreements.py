"""Agreements: fill the terms for a partner, preview the key sentences, create, download.

Every action calls the register's functions (``create_agreement``, ``render_agreement``,
``sign_agreement`` …) and the contract preview; the pages and the JSON API share them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from docgen.catalog import safe_file_name
from docgen.errors import InputError
from docgen.models import Agreement
from docgen.register import AgreementRecord, find_agreement, sign_agreement, terminate_agreement
from docgen.register.drafting import (
    NEW_NUMBER,
    agreement_from_terms,
    create_agreement,
    peek_number,
)
from docgen.register.preview import ContractPreview, contract_preview
from docgen.register.rendering import render_agreement
from docgen.service.context import Service, ServiceDep
from docgen.service.partners import existing_partner
from docgen.service.views import download_file
from docgen.sources import Problem
from docgen.sources.loader import InvalidData

router = APIRouter(tags=["договоры"])
TERMS_EXCLUDE = ("partner", "number")
PARTNER_FIELD = "partner_inn"


class AgreementRequest(BaseModel):
    """A new agreement: the partner's ИНН from the register and the terms of the agreement."""

    partner_inn: str = Field(description="ИНН партнёра из реестра.")
    terms: dict[str, Any] = Field(
        default_factory=dict,
        description="Поля договора (модель agreement) без number и partner: kind, date, "
        "subject, term, activities…",
    )


class DayRequest(BaseModel):
    """The day of an action; today when left out."""

    date: dt.date | None = None


def stored_agreement(service: Service, number: str) -> AgreementRecord:
    """Return the agreement numbered ``number`` or answer 404."""
    try:
        return find_agreement(service.register, number)
    except InputError as exc:
        raise HTTPException(404, f"договора с номером «{number}» нет в реестре") from exc


def draft_preview(
    service: Service, inn: str, terms: dict[str, Any]
) -> tuple[Agreement, ContractPreview]:
    """Validate terms for a partner without storing them and preview the contract's opening."""
    partner = _partner_for(service, inn)
    agreement = agreement_from_terms(partner, terms, NEW_NUMBER)
    return agreement, contract_preview(agreement, service.centre(), service.contract())


def new_agreement(service: Service, inn: str, terms: dict[str, Any]) -> Agreement:
    """Store a draft with the next number (nothing is stored when the terms are invalid)."""
    _partner_for(service, inn)
    return create_agreement(service.register, inn, terms, service.config.pattern)


def _partner_for(service: Service, inn: str) -> Any:
    if not inn.strip():
        raise InvalidData("договор: не выбран партнёр", [_partner_problem("выберите партнёра")])
    try:
        return existing_partner(service, inn.strip())
    except HTTPException as exc:
        message = f"партнёра с ИНН {inn} нет в реестре: сначала добавьте его карточку"
        raise InvalidData(f"договор: {message}", [_partner_problem(message)]) from exc


def _partner_problem(message: str) -> Problem:
    return Problem((PARTNER_FIELD,), "Партнёр", message)


def document_file(service: Service, number: str, file_format: str) -> Path:
    """Render the agreement with the contract template, journal it, return the file."""
    stored_agreement(service, number)
    files = render_agreement(
        service.register,
        number,
        centre=service.centre(),
        folder=service.folder("documents", safe_file_name(number)),
        created_at=dt.datetime.now(dt.UTC),
        pdf=file_format == "pdf",
        compiled=service.contract(),
    )
    return files[-1]


def agreement_json(record: AgreementRecord, today: dt.date) -> dict[str, Any]:
    """Return an agreement with its status on ``today`` as JSON."""
    standing = record.standing(today)
    return {
        "agreement": record.agreement.model_dump(mode="json"),
        "status": standing.status.value,
        "status_label": standing.status.label,
        "end": standing.end.isoformat() if standing.end else None,
        "signed_on": record.signed_on.isoformat() if record.signed_on else None,
        "terminated_on": record.terminated_on.isoformat() if record.terminated_on else None,
    }


def preview_json(preview: ContractPreview) -> dict[str, Any]:
    """Return a contract preview as JSON."""
    return {
        "paragraphs": preview.paragraphs,
        "forms": [{"label": form.label, "text": form.text} for form in preview.forms],
    }


# --- API (routes with a suffix first: a number may contain «/») ---


@router.get("/api/agreements/next-number", summary="Следующий номер договора (без занятия)")
def api_next_number(service: ServiceDep, year: int | None = None) -> dict[str, str]:
    """Return the number the next agreement of ``year`` (default: this year) will get."""
    chosen = year or service.today().year
    return {"number": peek_number(service.register, chosen, service.config.pattern)}


@router.post("/api/agreements/preview", summary="Предпросмотр ключевых фраз (без сохранения)")
def api_preview(service: ServiceDep, request: AgreementRequest) -> dict[str, Any]:
    """Check the terms and return the contract's opening paragraphs and case forms."""
    _, preview = draft_preview(service, request.partner_inn, request.terms)
    return preview_json(preview)


@router.post("/api/agreements", status_code=201, summary="Создать договор со следующим номером")
def api_create(service: ServiceDep, request: AgreementRequest) -> dict[str, Any]:
    """Store a draft agreement with the next number."""
    agreement = new_agreement(service, request.partner_inn, request.terms)
    return agreement_json(find_agreement(service.register, agreement.number), service.today())


@router.get("/api/agreements/{number:path}/preview", summary="Ключевые фразы договора")
def api_stored_preview(service: ServiceDep, number: str) -> dict[str, Any]:
    """Return the stored agreement's opening paragraphs and case forms."""
    record = stored_agreement(service, number)
    return preview_json(contract_preview(record.agreement, service.centre(), service.contract()))


@router.post("/api/agreements/{number:path}/document", summary="Собрать договор (.docx или .pdf)")
def api_document(service: ServiceDep, number: str, format: Literal["docx", "pdf"] = "docx") -> Any:
    """Render the agreement, record it in the journal and return the file."""
    return download_file(document_file(service, number, format))


@router.post("/api/agreements/{number:path}/sign", summary="Отметить подписанным")
def api_sign(service: ServiceDep, number: str, day: DayRequest | None = None) -> dict[str, Any]:
    """Mark a draft signed on the day given (default: today)."""
    stored_agreement(service, number)
    record = sign_agreement(
        service.register, number, (day.date if day else None) or service.today()
    )
    return agreement_json(record, service.today())


@router.post("/api/agreements/{number:path}/terminate", summary="Отметить расторгнутым")
def api_terminate(
    service: ServiceDep, number: str, day: DayRequest | None = None
) -> dict[str, Any]:
    """Mark a signed agreement terminated from the day given (default: today)."""
    stored_agreement(service, number)
    record = terminate_agreement(
        service.register, number, (day.date if day else None) or service.today()
    )
    return agreement_json(record, service.today())


@router.get("/api/agreements/{number:path}", summary="Договор со статусом")
def api_get(service: ServiceDep, number: str) -> dict[str, Any]:
    """Return one agreement with its status today."""
    return agreement_json(stored_agreement(service, number), service.today())
