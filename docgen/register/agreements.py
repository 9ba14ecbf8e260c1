"""Work with agreements in the register: create drafts with the next number, sign, terminate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from docgen.errors import InputError
from docgen.models import Agreement, AgreementKind, Partner, PartnerType
from docgen.register import store
from docgen.register.database import Register
from docgen.register.numbering import NumberPattern, next_number
from docgen.register.status import Standing, Status, add_months
from docgen.register.store import AgreementRecord
from docgen.sources import validate_data


@dataclass(frozen=True)
class Draft:
    """What a new agreement needs besides its number; the rest defaults from the partner."""

    inn: str
    date: dt.date
    kind: AgreementKind = AgreementKind.CONTRACT
    subject: str | None = None
    end: dt.date | None = None
    auto_prolongation: bool = False


def new_agreement(
    register: Register, draft: Draft, pattern: NumberPattern | None = None
) -> Agreement:
    """Create a draft agreement with the partner from the register and the next number."""
    pattern = pattern or NumberPattern()

    def create(session: Session) -> Agreement:
        partner = store.partner_of(store.partner_row(session, draft.inn))
        number = next_number(session, pattern, draft.date.year)
        agreement = _draft_agreement(draft, partner, number)
        store.put_agreement(session, agreement)
        return agreement

    return register.run(create)


def take_number(register: Register, year: int, pattern: NumberPattern | None = None) -> str:
    """Take the next number of ``pattern`` for ``year`` without creating anything else."""
    chosen = pattern or NumberPattern()
    return register.run(lambda session: next_number(session, chosen, year))


def find_agreement(register: Register, number: str) -> AgreementRecord:
    """Return the agreement numbered ``number`` with its stored status."""
    return register.run(lambda session: store.record_of(store.agreement_row(session, number)))


def find_partner(register: Register, inn: str) -> Partner:
    """Return the partner with ИНН ``inn``."""
    return register.run(lambda session: store.partner_of(store.partner_row(session, inn)))


def list_agreements(
    register: Register,
    today: dt.date,
    *,
    expiring_days: int | None = None,
    partner_type: PartnerType | None = None,
    status: Status | None = None,
) -> list[tuple[AgreementRecord, Standing]]:
    """Return agreements with their standing on ``today``, filtered as asked."""
    records = register.run(lambda session: store.agreement_records(session, partner_type))
    chosen = []
    for record in records:
        now = record.standing(today)
        if status is not None and now.status is not status:
            continue
        if expiring_days is not None and not now.expires_within(today, expiring_days):
            continue
        chosen.append((record, now))
    return chosen


def sign_agreement(register: Register, number: str, date: dt.date) -> AgreementRecord:
    """Mark a draft as signed on ``date``."""

    def sign(session: Session) -> AgreementRecord:
        row = store.agreement_row(session, number)
        if row.status != Status.DRAFT:
            when = f" {row.signed_on:%d.%m.%Y}" if row.signed_on else ""
            state = "подписан" + when if row.status == Status.SIGNED else "расторгнут"
            raise InputError(f"договор {row.number} уже {state}; подписать можно только черновик")
        row.status, row.signed_on = Status.SIGNED.value, date
        return store.record_of(row)

    return register.run(sign)


def terminate_agreement(register: Register, number: str, date: dt.date) -> AgreementRecord:
    """Mark a signed agreement as terminated from ``date``."""

    def terminate(session: Session) -> AgreementRecord:
        row = store.agreement_row(session, number)
        if row.status != Status.SIGNED:
            state = "черновик" if row.status == Status.DRAFT else "уже расторгнут"
            raise InputError(
                f"договор {row.number} — {state}; расторгнуть можно только подписанный"
            )
        if row.signed_on and date < row.signed_on:
            raise InputError(
                f"договор {row.number} подписан {row.signed_on:%d.%m.%Y}; дата расторжения "
                f"{date:%d.%m.%Y} не может быть раньше"
            )
        row.status, row.terminated_on = Status.TERMINATED.value, date
        return store.record_of(row)

    return register.run(terminate)


def delete_agreement(register: Register, number: str) -> None:
    """Remove an agreement; its number is not handed out again."""

    def delete(session: Session) -> None:
        session.delete(store.agreement_row(session, number))

    register.run(delete)


def default_subject(partner: Partner) -> str:
    """Return a subject built from the partner's directions of interaction."""
    from docgen.catalog import clause_library  # the catalog imports the engine: only when used

    given = partner.directions or clause_library().types[partner.type].directions
    directions = "; ".join(text[:1].lower() + text[1:] for text in given)
    return f"сотрудничество Сторон по направлениям: {directions}"


def _draft_agreement(draft: Draft, partner: Partner, number: str) -> Agreement:
    end = draft.end or add_months(draft.date, 12) - dt.timedelta(days=1)
    data = {
        "kind": draft.kind,
        "number": number,
        "date": draft.date,
        "partner": partner.model_dump(),
        "subject": draft.subject or default_subject(partner),
        "term": {"start": draft.date, "end": end, "auto_prolongation": draft.auto_prolongation},
    }
    return validate_data(data, Agreement, f"новый договор {number}")


def parse_partner_type(text: str | None) -> PartnerType | None:
    """Return the partner type named by ``text`` («музей», «СМИ»), in any letter case."""
    if text is None:
        return None
    try:
        return PartnerType(text)
    except ValueError as exc:
        known = ", ".join(f"«{member.value}»" for member in PartnerType)
        raise InputError(f"тип партнёра «{text}» неизвестен; допустимые: {known}") from exc
