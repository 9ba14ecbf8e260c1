"""The ``docgen worker`` command: take the service's batches from the PostgreSQL queue."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.app import cli


@cli.command()
@click.option("--db", metavar="АДРЕС", help="Реестр сервиса: postgresql+psycopg://….")
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    help="Папка данных сервиса — та же, что у docgen serve (общая папка для всех машин).",
)
@click.option("--once", is_flag=True, help="Выполнить задания из очереди и завершиться.")
def worker(db: str | None, data: Path | None, once: bool) -> None:
    """Собирать пакеты, поставленные в очередь сервисом (только с реестром PostgreSQL).

    Запускайте на любой машине, которая видит базу данных и папку данных сервиса;
    остановка — Ctrl+C. Каждый docgen serve на PostgreSQL и сам собирает по пакету.
    """
    from docgen.errors import InputError
    from docgen.service.config import service_config
    from docgen.service.context import Service
    from docgen.service.job_queue import run_queued
    from docgen.workers import queue

    service = Service(service_config(db=db, data=data))
    if not queue.uses_queue(service.register):
        raise InputError(
            f"реестр {service.register.location}: очередь заданий есть только в PostgreSQL "
            "с пакетом procrastinate; с SQLite пакеты собирает сам docgen serve — укажите "
            "--db postgresql+psycopg://… (и установите procrastinate, если его нет)"
        )
    click.echo(f"docgen: берёт пакеты из очереди {service.register.location}", err=True)
    click.echo(f"  данные сервиса: {service.config.data_dir}", err=True)
    queue.run_worker(service.register, lambda job_id: run_queued(service, job_id), wait=not once)
