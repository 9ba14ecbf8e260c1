"""Format the register for people: Russian tables and cards as plain text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docgen.language.agreement import count_with_noun
from docgen.register.journal import JournalEntry
from docgen.register.status import Standing, Status
from docgen.register.store import AgreementRecord
from docgen.register.transfer import Imported

_NAME_WIDTH = 36


def agreements_table(rows: Sequence[tuple[AgreementRecord, Standing]], today: dt.date) -> str:
    """Return a table of agreements with their status on ``today``."""
    if not rows:
        return f"Подходящих договоров нет (на {today:%d.%m.%Y})."
    header = ("Номер", "Дата", "Вид", "Партнёр", "Тип", "Действует по", "Статус")
    lines = [
        (
            record.agreement.number,
            f"{record.agreement.date:%d.%m.%Y}",
            record.agreement.kind.value,
            _shorten(record.agreement.partner.organisation.short_name),
            record.agreement.partner.type.value,
            _date(now.end) if now.end else "бессрочно",
            status_text(record, now),
        )
        for record, now in rows
    ]
    widths = [max(len(line[index]) for line in [header, *lines]) for index in range(len(header))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, tuple("─" * width for width in widths), *lines]
    ]
    text.append(f"Всего: {len(rows)} (на {today:%d.%m.%Y})")
    return "\n".join(text)


def status_text(record: AgreementRecord, now: Standing) -> str:
    """Return the status in words: «действует, продлён 1 раз», «расторгнут 01.03.2027»."""
    words = now.status.label
    if now.status is Status.TERMINATED and record.terminated_on:
        words += f" {record.terminated_on:%d.%m.%Y}"
    if now.prolongations:
        words += f", продлён {count_with_noun(now.prolongations, 'раз')}"
    if now.status is Status.SIGNED and record.agreement.term.auto_prolongation:
        words += ", автопролонгация"
    return words


def agreement_card(
    record: AgreementRecord, now: Standing, today: dt.date, entries: Sequence[JournalEntry]
) -> str:
    """Return the details of one agreement and the documents generated from it."""
    agreement, term = record.agreement, record.agreement.term
    partner = agreement.partner
    period = f"{_date(term.start) if term.start else 'со дня подписания'} – " + (
        _date(term.end) if term.end else "бессрочно"
    )
    if term.auto_prolongation:
        period += f", автоматическая пролонгация (уведомить за {term.notice_days} дн.)"
    lines = [
        f"{agreement.kind.value.capitalize()} {agreement.number} от {_date(agreement.date)} "
        f"{agreement.topic}",
        f"Партнёр:    {partner.organisation.short_name} ({partner.type.value}), "
        f"ИНН {partner.organisation.requisites.inn}",
        f"Подписант:  {partner.signer}",
        f"Предмет:    {agreement.subject}",
        f"Срок:       {period}",
        f"Статус на {_date(today)}: {status_text(record, now)}"
        + (f", действует по {_date(now.end)}" if now.end and now.status is Status.SIGNED else ""),
        f"Подписан:   {_date(record.signed_on) if record.signed_on else 'нет'}",
        f"Мероприятий в плане: {len(agreement.activities)}",
    ]
    lines.append("Созданные документы:" if entries else "Созданных документов нет.")
    for entry in entries:
        lines.append(
            f"  {entry.created_at:%d.%m.%Y %H:%M} UTC  {entry.template_id}  {entry.file_name}  "
            f"SHA-256 {entry.output_sha256[:16]}…"
        )
    return "\n".join(lines)


def import_report(results: Sequence[Imported]) -> str:
    """Return one line per imported file and a count of what changed."""
    lines = [f"{item.path}: {item.what} — {item.outcome.value}" for item in results]
    counts = {outcome: 0 for outcome in ("добавлен", "обновлён", "без изменений")}
    for item in results:
        counts[item.outcome.value] += 1
    lines.append(
        f"Итого: добавлено {counts['добавлен']}, обновлено {counts['обновлён']}, "
        f"без изменений {counts['без изменений']}"
    )
    return "\n".join(lines)


def _date(day: dt.date | None) -> str:
    return f"{day:%d.%m.%Y}" if day else "—"


def _shorten(text: str) -> str:
    return text if len(text) <= _NAME_WIDTH else text[: _NAME_WIDTH - 1] + "…"
