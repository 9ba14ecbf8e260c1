"""Run the web service with uvicorn."""

from __future__ import annotations

import ipaddress
import tempfile
from collections.abc import Callable
from pathlib import Path

from docgen.errors import InputError, UserError
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
    password_file: Path | None = None,
    allowed_hosts: tuple[str, ...] = (),
    open_network: bool = False,
    announce: Callable[[str], None] = lambda _: None,
) -> None:
    """Resolve the configuration, say where the service is, and serve until interrupted."""
    password = read_password(password_file) if password_file is not None else None
    config = service_config(
        db=db, data=data, password=password, allowed_hosts=(*allowed_hosts, host)
    )
    refuse_open_network(host, config, open_network)
    announce(f"docgen: сервис на http://{host}:{port}/ (остановка — Ctrl+C)")
    announce(f"  данные сервиса: {config.data_dir}")
    announce(f"  реестр: {config.db_url}")
    announce(f"  адреса (заголовок Host): {', '.join(config.allowed_hosts)}")
    if config.centre is None:
        announce("  внимание: профиль Центра не задан (centre в docgen.toml или DOCGEN_CENTRE)")
    if not is_loopback(host) and config.password is None:
        announce(f"  внимание: адрес {host} открыт для сети без пароля (--open-network)")
    serve(config, host, port)


def read_password(path: Path) -> str:
    """Return the password in the first line of ``path``; refuse an empty or unreadable file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path.name}: не удалось прочитать файл с паролем ({exc})") from exc
    password = lines[0].strip() if lines else ""
    if not password:
        raise InputError(f"{path.name}: файл с паролем пуст — запишите пароль в первую строку")
    return password


def refuse_open_network(host: str, config: ServiceConfig, open_network: bool) -> None:
    """Refuse to serve a network address without a password unless allowed knowingly."""
    if is_loopback(host) or config.password is not None or open_network:
        return
    raise UserError(
        f"адрес {host} открыт для сети, а пароль не задан. Задайте пароль в переменной "
        "DOCGEN_PASSWORD или в файле (--password-file ПУТЬ); если сеть закрыта и пароль "
        "не нужен, добавьте --open-network."
    )


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
