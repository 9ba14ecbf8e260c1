"""The register's overview: agreements with their status and those expiring, and the journal."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from docgen.catalog import BUILTINS
from docgen.register import (
    JournalEntry,
    Status,
    journal_entries,
    list_agreements,
    parse_partner_type,
)
from docgen.service.agreements import agreement_json
from docgen.service.context import Service, ServiceDep

router = APIRouter()
EXPIRING_DAYS = 60
"""How far ahead the register page warns about agreements running out."""


def agreements_on_record(
    service: Service, status: str | None, expiring: int | None, partner_type: str | None
) -> list[dict[str, Any]]:
    """Return the register's agreements with their status today, filtered as asked."""
    today = service.today()
    rows = list_agreements(
        service.register,
        today,
        expiring_days=expiring,
        partner_type=parse_partner_type(partner_type or None),
        status=Status(status) if status else None,
    )
    return [agreement_json(record, today) for record, _ in rows]


def entry_json(entry: JournalEntry) -> dict[str, Any]:
    """Return a journal entry as JSON (without the data snapshot, which can be large)."""
    return {
        "template_id": entry.template_id,
        "template_sha256": entry.template_sha256,
        "output_sha256": entry.output_sha256,
        "file_name": entry.file_name,
        "created_at": entry.created_at.isoformat(),
        "document_number": entry.document_number,
    }


@router.get("/api/agreements", tags=["реестр"], summary="Договоры со статусами")
def api_agreements(
    service: ServiceDep,
    status: Status | None = None,
    expiring: Annotated[int | None, Query(ge=0, le=3650)] = None,
    type: str | None = None,
) -> list[dict[str, Any]]:
    """List agreements: by status, expiring within days, by partner type."""
    return agreements_on_record(service, status.value if status else None, expiring, type)


@router.get("/api/journal", tags=["реестр"], summary="Журнал созданных документов")
def api_journal(service: ServiceDep, number: str | None = None) -> list[dict[str, Any]]:
    """List generated documents, newest first (of one agreement number, if given)."""
    return [entry_json(entry) for entry in reversed(journal_entries(service.register, number))]


@router.get("/", include_in_schema=False)
def home_page(service: ServiceDep, request: Request) -> Response:
    """Show what can be done here, and the agreements that end soon."""
    expiring = agreements_on_record(service, None, EXPIRING_DAYS, None)
    return service.render(
        request,
        "home.html",
        title="docgen",
        expiring=expiring,
        days=EXPIRING_DAYS,
        centre_set=service.config.centre is not None,
    )


@router.get("/agreements", include_in_schema=False)
def register_page(
    service: ServiceDep, request: Request, status: str = "", expiring: str = ""
) -> Response:
    """Show the register: every agreement with its status; filters by status and end."""
    chosen = status if status in {item.value for item in Status} else ""
    days = EXPIRING_DAYS if expiring else None
    rows = agreements_on_record(service, chosen or None, days, None)
    soon = agreements_on_record(service, None, EXPIRING_DAYS, None)
    return service.render(
        request,
        "register.html",
        title="Реестр договоров",
        rows=rows,
        soon={row["agreement"]["number"] for row in soon},
        chosen_status=chosen,
        expiring=bool(expiring),
        days=EXPIRING_DAYS,
        statuses=[(item.value, item.label) for item in Status],
    )


@router.get("/journal", include_in_schema=False)
def journal_page(service: ServiceDep, request: Request) -> Response:
    """Show the journal of generated files, newest first."""
    entries = list(reversed(journal_entries(service.register)))
    titles = {entry.id: entry.title for entry in BUILTINS.values()}
    return service.render(
        request, "journal.html", title="Журнал документов", entries=entries, titles=titles
    )
