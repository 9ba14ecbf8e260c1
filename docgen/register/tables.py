"""Declare the register's tables: partners, agreements, the journal and number counters.

Each partner and agreement is kept whole as the JSON of its model (``docgen.models`` stay
the one definition of the data); the other columns copy the few values that queries need.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JsonData = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    """Base of the register's tables."""


class PartnerRow(Base):
    """A partner, identified by its ИНН; ``data`` is ``Partner.model_dump(mode="json")``."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inn: Mapped[str] = mapped_column(String(12), unique=True)
    type: Mapped[str] = mapped_column(String(200), index=True)
    short_name: Mapped[str] = mapped_column(String(500))
    data: Mapped[dict[str, Any]] = mapped_column(JsonData)


class AgreementRow(Base):
    """An agreement by its unique number; ``data`` is ``Agreement.model_dump(mode="json")``."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    term_start: Mapped[dt.date | None] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    terminated_on: Mapped[dt.date | None] = mapped_column(Date)
    data: Mapped[dict[str, Any]] = mapped_column(JsonData)


class JournalRow(Base):
    """One generated document: which template, which data, which bytes came out, and when."""

    __tablename__ = "journal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreements.id", ondelete="SET NULL"), index=True
    )
    document_number: Mapped[str | None] = mapped_column(String(100), index=True)
    template_id: Mapped[str] = mapped_column(String(200))
    template_sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JsonData)
    output_sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class NumberCounter(Base):
    """The last sequence number handed out in one series (a number pattern) and year."""

    __tablename__ = "number_counters"

    series: Mapped[str] = mapped_column(String(200), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)
