"""Import agreements and partners from data files, and export the register back to YAML.

An import validates every file first and then saves them all in one transaction, so a bad
file changes nothing. Re-importing updates: an agreement's identity is its number, a
partner's its ИНН. An export writes one YAML file per agreement, like those in
``contracts/``, and one per partner, so that importing the folder restores the same models.
A partner workbook (.xlsx, one partner a row) is read by ``docgen.sources``' workbook reader.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from sqlalchemy.orm import Session

from docgen.engine.naming import safe_stem
from docgen.errors import InputError, OutputError
from docgen.models import Agreement, Partner
from docgen.register import store
from docgen.register.database import Register
from docgen.register.numbering import NumberPattern, note_number
from docgen.register.status import Status
from docgen.register.store import AgreementRecord, Outcome
from docgen.sources import data_files, load_data, load_model

PARTNER_PREFIX = "партнёр-"
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})


def _file_stem(number: str) -> str:
    """Return an agreement number as a file name without spaces: «СП-2026/001» → СП-2026-001."""
    return safe_stem(number, fallback="договор", quotes=False, controls="-", space="-")


@dataclass(frozen=True)
class Imported:
    """What one imported file held and what saving it did."""

    path: Path
    what: str
    outcome: Outcome


def import_files(
    register: Register,
    paths: list[Path],
    *,
    signed: bool = True,
    pattern: NumberPattern | None = None,
) -> list[Imported]:
    """Import agreements and partners (YAML/JSON files, folders of them, partner workbooks).

    New agreements are recorded as signed on their date unless ``signed`` is False (then as
    drafts); known ones keep their status. Numbers written in ``pattern`` move its counter
    on, so the next new agreement does not repeat them. Within one import, partner files
    win over the partners written inside agreements, and later agreements over earlier.
    """
    chosen = pattern or NumberPattern()
    files = data_files(paths)
    if not files:
        raise InputError("в указанных папках нет файлов .yaml, .yml или .json")
    loaded = _load_all(files)
    loaded.sort(key=lambda item: (isinstance(item[1], Partner), _date_of(item[1])))

    def save(session: Session) -> list[Imported]:
        results = []
        for path, model in loaded:
            if isinstance(model, Agreement):
                outcome = store.put_agreement(session, model, model.date if signed else None)
                note_number(session, chosen, model.number)
                what = f"{model.kind.value} {model.number}"
            else:
                outcome = store.put_partner(session, model)[1]
                what = f"партнёр {model.organisation.short_name}"
            results.append(Imported(path, what, outcome))
        return results

    return register.run(save)


def export_register(register: Register, folder: Path) -> list[Path]:
    """Write every agreement and partner of the register as YAML files into ``folder``."""

    def read(session: Session) -> tuple[list[AgreementRecord], list[Partner]]:
        return store.agreement_records(session), store.partners(session)

    records, partners = register.run(read)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: не удалось создать папку ({exc.strerror})") from exc
    written: list[Path] = []
    for record in records:
        text = _header(record) + agreement_yaml(record.agreement)
        written.append(_write(folder, _file_stem(record.agreement.number), text, written))
    for partner in partners:
        inn = partner.organisation.requisites.inn
        text = f"# Партнёр {partner.organisation.short_name}, ИНН {inn}.\n" + model_yaml(partner)
        written.append(_write(folder, PARTNER_PREFIX + inn, text, written))
    return written


def agreement_yaml(agreement: Agreement) -> str:
    """Return an agreement as YAML like the files in ``contracts/``: kind and topic first."""
    return _dump(_plain(agreement, always=("kind", "topic")))


def model_yaml(model: BaseModel) -> str:
    """Return a model as YAML, leaving out values equal to their defaults."""
    return _dump(_plain(model))


def _load_all(files: list[Path]) -> list[tuple[Path, Agreement | Partner]]:
    loaded: list[tuple[Path, Agreement | Partner]] = []
    problems: list[str] = []
    for path in files:
        try:
            loaded.extend((path, model) for model in _load_one(path))
        except InputError as exc:
            problems.append(str(exc))
    if problems:
        raise InputError("\n".join([*problems, "реестр не изменён: исправьте файлы и повторите"]))
    return loaded


def _load_one(path: Path) -> list[Agreement] | list[Partner]:
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        # A partner workbook: one partner a row, with the columns of the Partner model.
        from docgen.sources.workbook.read import load_workbook_models

        return load_workbook_models(path, Partner)[0]
    keys = set(load_data(path))
    if _required(Agreement) <= keys:
        return [load_model(path, Agreement)]
    if _required(Partner) <= keys:
        return [load_model(path, Partner)]
    raise InputError(
        f"{path}: это не договор (нужны ключи number, date, partner, subject) и не карточка "
        "партнёра (нужны ключи organisation, type, signer)"
    )


def _required(model: type[BaseModel]) -> set[str]:
    return {name for name, info in model.model_fields.items() if info.is_required()}


def _date_of(model: Agreement | Partner) -> dt.date:
    return model.date if isinstance(model, Agreement) else dt.date.min


def _header(record: AgreementRecord) -> str:
    agreement = record.agreement
    status = {
        Status.DRAFT: "черновик",
        Status.SIGNED: f"подписан {record.signed_on:%d.%m.%Y}" if record.signed_on else "подписан",
        Status.TERMINATED: (
            f"расторгнут {record.terminated_on:%d.%m.%Y}" if record.terminated_on else "расторгнут"
        ),
    }.get(record.status, record.status.label)
    return (
        f"# {agreement.kind.value.capitalize()} {agreement.number} с "
        f"{agreement.partner.organisation.short_name}; в реестре: {status}.\n"
    )


def _write(folder: Path, stem: str, text: str, taken: list[Path]) -> Path:
    path = folder / f"{stem}.yaml"
    counter = 2
    while path in taken:  # two numbers that differ only in unsafe characters
        path = folder / f"{stem}-{counter}.yaml"
        counter += 1
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{path}: не удалось записать файл ({exc.strerror})") from exc
    return path


def _plain(model: BaseModel, always: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return the model's non-default fields as plain YAML values, in field order."""
    slim = model.model_dump(exclude_defaults=True)
    full = model.model_dump()
    return {
        key: _scalar(slim[key] if key in slim else full[key])
        for key in full
        if key in slim or key in always
    }


def _scalar(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _scalar(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_scalar(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, Decimal):
        return str(value)
    return value


class _Dumper(yaml.SafeDumper):
    """Indent list items under their key, as people write them in ``contracts/``."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
