"""Run the web service with uvicorn."""

from __future__ import annotations

import ipaddress
import tempfile
from collections.abc import Callable
from pathlib import Path

from docgen.service.config import ServiceConfig, service_config

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_loopback(host: str) -> bool:
    """Tell whether ``host`` only listens on this computer."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run_service(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    db: str | None = None,
    data: Path | None = None,
    password: str | None = None,
    announce: Callable[[str], None] = lambda _: None,
) -> None:
    """Resolve the configuration, say where the service is, and serve until interrupted."""
    config = service_config(db=db, data=data, password=password)
    announce(f"docgen: сервис на http://{host}:{port}/ (остановка — Ctrl+C)")
    announce(f"  данные сервиса: {config.data_dir}")
    announce(f"  реестр: {config.db_url}")
    if config.centre is None:
        announce("  внимание: профиль Центра не задан (centre в docgen.toml или DOCGEN_CENTRE)")
    if not is_loopback(host) and config.password is None:
        announce(
            f"  внимание: адрес {host} открыт для сети, а пароль не задан — "
            "задайте --password или DOCGEN_PASSWORD"
        )
    serve(config, host, port)


def serve(config: ServiceConfig, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``config`` on ``host``:``port`` until interrupted.

    Temporary files (uploads being received, PDF conversion) go into the data folder too,
    so the service writes nowhere else.
    """
    import uvicorn

    from docgen.service.app import create_app

    scratch = config.data_dir / "tmp"
    scratch.mkdir(parents=True, exist_ok=True)
    tempfile.tempdir = str(scratch)
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning")
