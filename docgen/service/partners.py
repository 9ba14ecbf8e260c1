"""Partners: list and search, create and edit cards — pages and their JSON API."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from docgen.errors import InputError
from docgen.models import Partner
from docgen.register import find_partner
from docgen.register.partners import list_partners, save_partner
from docgen.service.context import Service, ServiceDep
from docgen.service.form_data import parse_form
from docgen.service.views import form_fields, posted, redirect
from docgen.sources import Problem
from docgen.sources.loader import InvalidData, validate_data

router = APIRouter()
INN_FIELD = ("organisation", "requisites", "inn")


def existing_partner(service: Service, inn: str) -> Partner:
    """Return the partner with ИНН ``inn`` or answer 404."""
    try:
        return find_partner(service.register, inn)
    except InputError as exc:
        raise HTTPException(404, f"партнёра с ИНН {inn} нет в реестре") from exc


def store_partner(service: Service, data: Any, inn: str | None = None) -> Partner:
    """Validate a partner card and save it: new when ``inn`` is None, else that partner.

    A new card may not take an ИНН already in the register, and an edited one may not change
    its ИНН (the ИНН is the partner's identity; agreements refer to it).
    """
    partner = validate_data(data, Partner, "карточка партнёра")
    given = partner.organisation.requisites.inn
    if inn is None and _known(service, given):
        _refuse_inn(f"партнёр с ИНН {given} уже есть в реестре: откройте его карточку и измените")
    if inn is not None and given != inn:
        _refuse_inn(f"ИНН менять нельзя (был {inn}): создайте новую карточку партнёра")
    save_partner(service.register, partner)
    return partner


def _known(service: Service, inn: str) -> bool:
    try:
        find_partner(service.register, inn)
    except InputError:
        return False
    return True


def _refuse_inn(message: str) -> None:
    problem = Problem(INN_FIELD, "ИНН", message)
    raise InvalidData(f"карточка партнёра: {message}", [problem])


def partner_summary(partner: Partner) -> dict[str, Any]:
    """Return the card as JSON."""
    return partner.model_dump(mode="json")


# --- API ---


@router.get("/api/partners", tags=["партнёры"], summary="Список партнёров (поиск: q)")
def api_list(service: ServiceDep, q: str | None = None) -> list[dict[str, Any]]:
    """List partners, optionally those matching ``q`` (name, ИНН or type)."""
    return [partner_summary(partner) for partner in list_partners(service.register, q)]


@router.get("/api/partners/{inn}", tags=["партнёры"], summary="Карточка партнёра")
def api_get(service: ServiceDep, inn: str) -> dict[str, Any]:
    """Return one partner's card."""
    return partner_summary(existing_partner(service, inn))


@router.post("/api/partners", status_code=201, tags=["партнёры"], summary="Добавить партнёра")
def api_create(data: Annotated[dict[str, Any], Body()], service: ServiceDep) -> dict[str, Any]:
    """Add a partner; its ИНН must be new."""
    return partner_summary(store_partner(service, data))


@router.put("/api/partners/{inn}", tags=["партнёры"], summary="Изменить карточку партнёра")
def api_update(
    inn: str, data: Annotated[dict[str, Any], Body()], service: ServiceDep
) -> dict[str, Any]:
    """Replace a partner's card; the ИНН stays."""
    existing_partner(service, inn)
    return partner_summary(store_partner(service, data, inn))


# --- pages ---


@router.get("/partners", include_in_schema=False)
def partners_page(service: ServiceDep, request: Request, q: str = "", saved: str = "") -> Response:
    """Show the partners with a search box."""
    found = list_partners(service.register, q or None)
    return service.render(
        request, "partners.html", title="Партнёры", partners=found, q=q, saved=saved
    )


@router.get("/partners/new", include_in_schema=False)
def new_partner_page(service: ServiceDep, request: Request) -> Response:
    """Show an empty partner card."""
    return _card(request, service, {}, [], None)


@router.post("/partners/new", include_in_schema=False)
async def new_partner_post(service: ServiceDep, request: Request) -> Response:
    """Save a new partner or show the card again with the problems by its fields."""
    return await _save(request, service, None)


@router.get("/partners/{inn}", include_in_schema=False)
def edit_partner_page(service: ServiceDep, inn: str, request: Request) -> Response:
    """Show a partner's card for editing."""
    partner = existing_partner(service, inn)
    return _card(request, service, partner.model_dump(mode="json"), [], inn)


@router.post("/partners/{inn}", include_in_schema=False)
async def edit_partner_post(service: ServiceDep, inn: str, request: Request) -> Response:
    """Save an edited card or show it again with the problems by its fields."""
    await run_in_threadpool(existing_partner, service, inn)  # a register query
    return await _save(request, service, inn)


async def _save(request: Request, service: Service, inn: str | None) -> Response:
    values = parse_form(Partner, await posted(request))
    return await run_in_threadpool(_store, request, service, values, inn)


def _store(request: Request, service: Service, values: dict[str, Any], inn: str | None) -> Response:
    """Store the card or show it again with its problems (in the thread pool)."""
    try:
        partner = store_partner(service, values, inn)
    except InvalidData as exc:
        return _card(request, service, values, exc.problems, inn, status=422)
    return redirect(f"/partners?saved={partner.organisation.requisites.inn}")


def _card(
    request: Request,
    service: Service,
    values: dict[str, Any],
    problems: list[Problem],
    inn: str | None,
    status: int = 200,
) -> Response:
    readonly = [".".join(INN_FIELD)] if inn else []
    form = form_fields(Partner, values, problems, readonly=readonly)
    title = "Новый партнёр" if inn is None else f"Партнёр: ИНН {inn}"
    action = "/partners/new" if inn is None else f"/partners/{inn}"
    return service.render(
        request, "partner_form.html", status=status, title=title, action=action, **form
    )
