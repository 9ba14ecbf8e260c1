"""The ``docgen serve`` command: the web service."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.app import cli


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Адрес; 0.0.0.0 — для сети.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--db", metavar="АДРЕС", help="Реестр: файл SQLite или postgresql+psycopg://….")
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    help="Папка данных сервиса (загрузки, документы); по умолчанию рядом с реестром.",
)
@click.option(
    "--password", envvar="DOCGEN_PASSWORD", help="Пароль доступа (HTTP Basic или Bearer)."
)
def serve(host: str, port: int, db: str | None, data: Path | None, password: str | None) -> None:
    """Запустить веб-сервис: страницы для сотрудников и JSON API (остановка — Ctrl+C)."""
    from docgen.service import run_service

    run_service(host=host, port=port, db=db, data=data, password=password, announce=click.echo)
