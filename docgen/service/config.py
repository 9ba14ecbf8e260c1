"""Settle what the web service runs on: the register, its data folder, the centre, limits."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import OutputError
from docgen.register import NumberPattern, database_url, default_database_path
from docgen.settings import resolve_settings

MEGABYTE = 1 << 20
DEFAULT_NUMBERS = NumberPattern()
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
"""The names the service answers to unless more are allowed (``--allow-host``)."""
SECRET_FILE = ".secret"
"""The service's secret in its data folder, shared by every process serving that folder."""


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
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    """Signs CSRF tokens; the same for every process serving one data folder."""
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    """The ``Host`` names requests may carry (against DNS rebinding); ``*`` allows any."""
    max_stored_bytes: int = 2000 * MEGABYTE
    """The most that uploaded templates and batch results may take in the data folder."""
    batch_retention_hours: int = 72
    """How long a finished batch's folder (documents, ZIP, error workbook) is kept."""
    workers: int = 0
    """Processes that render a batch (0: all cores), from the settings (``workers``)."""


def service_config(
    *,
    db: str | None = None,
    data: Path | None = None,
    password: str | None = None,
    allowed_hosts: tuple[str, ...] = (),
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
    named = environ.get("DOCGEN_ALLOWED_HOSTS", "").split(",")
    hosts = [h.strip() for h in (*LOOPBACK_HOSTS, *allowed_hosts, *named) if h.strip()]
    return ServiceConfig(
        data_dir=folder.resolve(),
        db_url=database_url(settings.db, environ),
        centre=settings.centre,
        password=password or environ.get("DOCGEN_PASSWORD") or None,
        pattern=pattern,
        secret=service_secret(folder, environ),
        allowed_hosts=("*",) if "*" in hosts else tuple(dict.fromkeys(hosts)),
        workers=settings.workers,
    )


def service_secret(folder: Path, environ: Mapping[str, str]) -> bytes:
    """Return ``DOCGEN_SECRET``, else the data folder's secret file, made on first start."""
    given = environ.get("DOCGEN_SECRET")
    if given:
        return given.encode("utf-8")
    path = folder / SECRET_FILE
    if not path.is_file():
        # Written whole under a temporary name, then linked: a second process starting at
        # the same moment either links first or reads the complete file.
        draft = folder / f"{SECRET_FILE}.{secrets.token_hex(8)}"
        try:
            draft.write_bytes(secrets.token_hex(32).encode("ascii"))
            draft.chmod(0o600)
            with contextlib.suppress(FileExistsError):
                os.link(draft, path)
        except OSError as exc:
            raise OutputError(
                f"не удалось записать секрет сервиса в папку данных ({exc.strerror})"
            ) from exc
        finally:
            draft.unlink(missing_ok=True)
    return path.read_bytes()
