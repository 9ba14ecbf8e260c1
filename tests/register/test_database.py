"""Where the register lives, its migrations, and opening it from many places at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from docgen.errors import InputError, OutputError
from docgen.register import Register, database_url, default_database_path, open_register
from docgen.register.tables import Base


def test_the_default_file_is_in_the_users_data_folder(tmp_path: Path) -> None:
    environ = {"HOME": str(tmp_path)}
    assert default_database_path(environ, "linux") == (
        tmp_path / ".local" / "share" / "docgen" / "register.sqlite3"
    )
    environ["XDG_DATA_HOME"] = str(tmp_path / "data")
    assert database_url(None, environ) == f"sqlite:///{tmp_path}/data/docgen/register.sqlite3"
    windows = {"LOCALAPPDATA": "C:/Users/a/AppData/Local", "HOME": "C:/Users/a"}
    assert default_database_path(windows, "win32").parts[-2:] == ("docgen", "register.sqlite3")
    assert str(default_database_path(windows, "win32")).startswith("C:/Users/a/AppData/Local")


def test_a_configured_path_or_url_wins(tmp_path: Path) -> None:
    environ = {"XDG_DATA_HOME": str(tmp_path)}
    assert database_url(str(tmp_path / "r.db"), environ) == f"sqlite:///{tmp_path}/r.db"
    url = "postgresql+psycopg://user@db.local/register"
    assert database_url(url, environ) == url


def test_migrations_build_exactly_the_declared_tables(register: Register) -> None:
    with register.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        tables = set(inspect(connection).get_table_names())
    assert tables == {
        "alembic_version",
        "partners",
        "agreements",
        "journal",
        "number_counters",
        "jobs",
    }


def test_many_engines_may_open_a_new_register_at_once(database_url: str) -> None:
    def open_and_close(_: int) -> int:
        register = open_register(database_url)
        register.close()
        return 1

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert sum(pool.map(open_and_close, range(8))) == 8


def test_the_default_folder_is_created(tmp_path: Path) -> None:
    register = open_register(database_url(None, {"XDG_DATA_HOME": str(tmp_path / "new")}))
    register.close()
    assert (tmp_path / "new" / "docgen" / "register.sqlite3").is_file()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "поддерживаются только SQLite"),
        ("nonsense://x", "поддерживаются только SQLite"),
        ("sqlite+nodriver:///x.db", "неверный адрес базы данных реестра"),
        ("://", "неверный адрес базы данных реестра"),
    ],
)
def test_an_unsupported_address_is_explained(url: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        open_register(url)


def test_a_file_that_is_not_a_database_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("не база данных", encoding="utf-8")
    with pytest.raises(OutputError, match=r"не удалось открыть реестр .*notes\.sqlite3"):
        open_register(database_url(str(path), {}))


def test_an_uncreatable_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="не удалось создать папку"):
        open_register(database_url(str(tmp_path / "file" / "r.sqlite3"), {}))
