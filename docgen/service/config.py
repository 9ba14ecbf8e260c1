"""Settle what the web service runs on: the register, its data folder, the centre, limits."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from docgen.errors import OutputError
from docgen.register import NumberPattern, database_url, default_database_path
from docgen.settings import resolve_settings

MEGABYTE = 1 << 20
DEFAULT_NUMBERS = NumberPattern()


@dataclass(frozen=True)
class ServiceConfig:
    """Everything the service needs, resolved once before it starts."""

    data_dir: Path
    """The only folder the service reads uploads from and writes files to."""
    db_url: str
    """The register's database."""
    centre: Path | None
    """The centre's profile from the settings (None: not set; pages say how to set it)."""
    password: str | None = None
    """When set, every request must carry it (HTTP Basic password or a Bearer token)."""
    pattern: NumberPattern = DEFAULT_NUMBERS
    """How new agreements are numbered."""
    max_upload_bytes: int = 10 * MEGABYTE
    """The largest file (and request body) accepted."""
    max_unpacked_bytes: int = 200 * MEGABYTE
    """The largest total a .docx or .xlsx may unpack to (against zip bombs)."""
    batch_rows: int = 10_000
    """The most rows one batch may render."""


def service_config(
    *,
    db: str | None = None,
    data: Path | None = None,
    password: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> ServiceConfig:
    """Resolve the service's configuration: options, then ``DOCGEN_*`` settings, then defaults.

    The data folder defaults to ``service`` beside the register's default SQLite file.
    """
    environ = os.environ if environ is None else environ
    settings = resolve_settings({"db": db}, environ)
    folder = data if data is not None else default_database_path(environ).parent / "service"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: не удалось создать папку данных сервиса ({exc})") from exc
    pattern = NumberPattern(environ.get("DOCGEN_NUMBER_PATTERN") or NumberPattern().text)
    return ServiceConfig(
        data_dir=folder.resolve(),
        db_url=database_url(settings.db, environ),
        centre=settings.centre,
        password=password or environ.get("DOCGEN_PASSWORD") or None,
        pattern=pattern,
    )
