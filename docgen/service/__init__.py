"""The web service: pages for people who never open a terminal, and a JSON API.

app = create_app(service_config(db="register.sqlite3", data=Path("service-data")))

Every page and endpoint calls the same functions as the command line (the register, the
engine, the catalog, the workbook reader); this package only turns HTTP into those calls.
"""

from __future__ import annotations

from docgen.service.app import create_app
from docgen.service.config import ServiceConfig, service_config
from docgen.service.server import run_service, serve

__all__ = ["ServiceConfig", "create_app", "run_service", "serve", "service_config"]
