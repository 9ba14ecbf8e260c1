"""Move models in and out of the register's rows, inside a caller's session.

A row keeps its model whole as JSON and copies the values queries need into columns; what
comes out is always the model validated again, so ``docgen.models`` stay the one definition.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from docgen.errors import InputError
from docgen.models import Agreement, Partner, PartnerType
from docgen.register.status import Standing, Status, standing
from docgen.register.tables import AgreementRow, PartnerRow


class Outcome(StrEnum):
    """What saving a model did to the register."""

    ADDED = "добавлен"
    UPDATED = "обновлён"
    UNCHANGED = "без изменений"


@dataclass(frozen=True)
class AgreementRecord:
    """An agreement from the register with what people did to it: signed, terminated."""

    agreement: Agreement
    status: Status
    signed_on: dt.date | None = None
    terminated_on: dt.date | None = None

    def standing(self, today: dt.date) -> Standing:
        """Return the agreement's status and current end on ``today``."""
        return standing(self.agreement, self.status, self.signed_on, self.terminated_on, today)


def put_partner(session: Session, partner: Partner) -> tuple[PartnerRow, Outcome]:
    """Add the partner, or update the one with the same ИНН."""
    inn = partner.organisation.requisites.inn
    data = partner.model_dump(mode="json")
    row = session.scalar(select(PartnerRow).where(PartnerRow.inn == inn))
    if row is None:
        row = PartnerRow(inn=inn, type=partner.type.value, short_name="", data=data)
        session.add(row)
        outcome = Outcome.ADDED
    else:
        outcome = Outcome.UNCHANGED if row.data == data else Outcome.UPDATED
    row.type = partner.type.value
    row.short_name = partner.organisation.short_name
    row.data = data
    session.flush()
    return row, outcome


def put_agreement(
    session: Session, agreement: Agreement, signed_on: dt.date | None = None
) -> Outcome:
    """Add the agreement (a draft, or signed on ``signed_on``) or update the same number.

    Its partner is added or updated too. Updating keeps the status: data is not history.
    """
    partner_row, _ = put_partner(session, agreement.partner)
    data = agreement.model_dump(mode="json")
    row = session.scalar(select(AgreementRow).where(AgreementRow.number == agreement.number))
    if row is None:
        status = Status.SIGNED if signed_on else Status.DRAFT
        row = AgreementRow(number=agreement.number, status=status.value, signed_on=signed_on)
        session.add(row)
        outcome = Outcome.ADDED
    else:
        same = row.data == data and row.partner_id == partner_row.id
        outcome = Outcome.UNCHANGED if same else Outcome.UPDATED
    row.kind = agreement.kind.value
    row.partner_id = partner_row.id
    row.date = agreement.date
    row.term_start = agreement.term.start
    row.term_end = agreement.term.end
    row.data = data
    session.flush()
    return outcome


def agreement_row(session: Session, number: str) -> AgreementRow:
    """Return the row of the agreement numbered ``number``, or explain that there is none."""
    row = session.scalar(select(AgreementRow).where(AgreementRow.number == number.strip()))
    if row is None:
        raise InputError(
            f"договора с номером «{number}» нет в реестре; номера — в выводе «docgen register list»"
        )
    return row


def partner_row(session: Session, inn: str) -> PartnerRow:
    """Return the row of the partner with ИНН ``inn``, or explain that there is none."""
    row = session.scalar(select(PartnerRow).where(PartnerRow.inn == inn.strip()))
    if row is None:
        raise InputError(
            f"партнёра с ИНН {inn} нет в реестре; добавьте его: "
            "docgen register import ФАЙЛ (договор или карточка партнёра)"
        )
    return row


def record_of(row: AgreementRow) -> AgreementRecord:
    """Return the agreement of a row with its stored status."""
    return AgreementRecord(
        agreement=Agreement.model_validate(row.data),
        status=Status(row.status),
        signed_on=row.signed_on,
        terminated_on=row.terminated_on,
    )


def partner_of(row: PartnerRow) -> Partner:
    """Return the partner of a row."""
    return Partner.model_validate(row.data)


def agreement_records(
    session: Session, partner_type: PartnerType | None = None
) -> list[AgreementRecord]:
    """Return every agreement (of partners of one type, if given), by date and number."""
    query = select(AgreementRow).order_by(AgreementRow.date, AgreementRow.number)
    if partner_type is not None:
        query = query.join(PartnerRow).where(PartnerRow.type == partner_type.value)
    return [record_of(row) for row in session.scalars(query)]


def partners(session: Session) -> list[Partner]:
    """Return every partner, by short name."""
    rows = session.scalars(select(PartnerRow).order_by(PartnerRow.short_name, PartnerRow.inn))
    return [partner_of(row) for row in rows]
