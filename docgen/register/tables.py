"""Declare the register's tables: partners, agreements, the journal, number counters, jobs.

Each partner and agreement is kept whole as the JSON of its model (``docgen.models`` stay
the one definition of the data); the other columns copy the few values that queries need.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
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


class JobRow(Base):
    """A batch (or annual run) submitted through the service: its state, progress and files.

    Every service process reads the same rows, so a job is visible from any of them; its
    files live in the service's data folder under ``batches/<id>/``.
    """

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    template_id: Mapped[str] = mapped_column(String(200))
    template: Mapped[str] = mapped_column(String(500))
    """The template's title, as the pages show it."""
    workbook: Mapped[str] = mapped_column(String(500))
    """The workbook's file name as uploaded."""
    state: Mapped[str] = mapped_column(String(20), index=True)
    total: Mapped[int] = mapped_column(Integer)
    done: Mapped[int] = mapped_column(Integer, default=0)
    written: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")
    errors: Mapped[list[str]] = mapped_column(JsonData)
    archive: Mapped[bool] = mapped_column(Boolean, default=False)
    error_report: Mapped[bool] = mapped_column(Boolean, default=False)
    cancel: Mapped[bool] = mapped_column(Boolean, default=False)
    """Someone asked to stop the job; its runner stops at the next document."""
    owner: Mapped[str | None] = mapped_column(String(200))
    """The process running the job (host:pid), to tell a live runner from a dead one."""
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    beat_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    """When the runner last said it is alive (with each progress update)."""
