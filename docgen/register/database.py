"""Open the register's database: find it, connect, migrate, and run work in transactions.

SQLite transactions start with ``BEGIN IMMEDIATE`` so that concurrent writers queue on the
database lock (with a busy timeout) instead of failing halfway; PostgreSQL relies on row
locks. Work that still meets a transient conflict is retried a few times.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from docgen.errors import InputError, OutputError

T = TypeVar("T")

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SUPPORTED_DIALECTS = ("sqlite", "postgresql")
_SQLITE_TIMEOUT_SECONDS = 30
_ATTEMPTS = 6
_MIGRATION_LOCK = 7_270_001  # any constant: the key of PostgreSQL's advisory lock


@dataclass(frozen=True)
class Register:
    """An open register: an engine on a database migrated to the latest schema."""

    engine: Engine

    def run(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one transaction, committed at the end; retry transient conflicts."""
        for attempt in range(_ATTEMPTS):
            try:
                with Session(self.engine, expire_on_commit=False) as session, session.begin():
                    return work(session)
            except OperationalError as exc:
                if not _is_transient(exc):
                    raise OutputError(f"реестр {self.location}: {exc.orig}") from exc
                if attempt == _ATTEMPTS - 1:
                    raise OutputError(
                        f"реестр {self.location} занят другими запросами; повторите позже"
                    ) from exc
                time.sleep(0.02 * 2**attempt)
        raise AssertionError("unreachable")

    @property
    def location(self) -> str:
        """Return the database URL without its password, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def default_database_path(environ: Mapping[str, str], platform: str = sys.platform) -> Path:
    """Return the default SQLite file in the user's data folder, by platform convention."""
    home = Path(environ.get("HOME") or Path.home())
    if platform == "win32":
        base = Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "docgen" / "register.sqlite3"


def database_url(configured: str | None, environ: Mapping[str, str]) -> str:
    """Return the register's URL: ``configured`` (a URL or a file path), else the default file.

    ``configured`` is the already-resolved choice: option ``--db`` > ``DOCGEN_DB`` >
    ``docgen.toml``'s ``db``; ``environ`` only locates the user's data folder.
    """
    if configured and "://" in configured:
        return configured
    path = Path(configured).expanduser() if configured else default_database_path(environ)
    return f"sqlite:///{path.absolute()}"


def open_register(url: str) -> Register:
    """Connect to the database at ``url`` and bring its schema up to date."""
    engine = _create_engine(url)
    register = Register(engine)
    try:
        _migrate(engine)
    except DatabaseError as exc:  # unreachable server, no rights, not a database file
        engine.dispose()
        raise OutputError(f"не удалось открыть реестр {register.location}: {exc.orig}") from exc
    return register


def _create_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() not in SUPPORTED_DIALECTS:
            raise InputError(
                f"реестр «{url}»: поддерживаются только SQLite (путь к файлу или sqlite:///…) "
                "и PostgreSQL (postgresql+psycopg://…)"
            )
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(url, parsed.database)
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise InputError(
            f"неверный адрес базы данных реестра «{url}»: ожидается путь к файлу, "
            "sqlite:///путь или postgresql+psycopg://пользователь@сервер/база"
        ) from exc


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = Path(database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(
                f"реестр {database}: не удалось создать папку {folder} ({exc.strerror})"
            ) from exc
    engine = create_engine(url, connect_args={"timeout": _SQLITE_TIMEOUT_SECONDS})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not sqlite3, decide when a transaction begins (see module docstring).
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _migrate(engine: Engine) -> None:
    """Apply every pending Alembic migration, one process at a time."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes starting on an empty database must not both create the tables.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _is_transient(exc: OperationalError) -> bool:
    """Tell whether a retry may succeed: SQLite busy, PostgreSQL serialization or deadlock."""
    original = exc.orig
    if isinstance(original, sqlite3.OperationalError):
        return "locked" in str(original) or "busy" in str(original)
    return getattr(original, "sqlstate", None) in ("40001", "40P01")
