"""Resolve docgen's settings once, in a visible order.

Order: command-line option > environment variable (``DOCGEN_…``) > config file > default.
The config file is ``docgen.toml`` in the current folder (or the file named by
``DOCGEN_CONFIG``), with a ``[docgen]`` table; relative paths in it are relative to the file:

    [docgen]
    centre = "samples/centre.yaml"   # the centre's profile, written once
    output = "out"                   # where documents are written by default
    workers = 0                      # 0 = all cores
    db = "register.sqlite3"          # the register: a SQLite file or a database URL
    render_seconds = 10              # longest render of one document (a template's loops)
    render_output_mb = 50            # largest text one document may render to
    template_unpacked_mb = 200       # largest unpacked size of a user's template (.docx)
    template_members = 5000          # most parts (zip members) a user's template may have
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from docgen.errors import InputError

CONFIG_NAME = "docgen.toml"


class Settings(BaseModel):
    """Where the centre's profile is, where output goes and how many workers render."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    centre: Path | None = Field(default=None, description="The centre's profile (YAML/JSON).")
    output: Path = Field(default=Path("out"), description="Default output folder.")
    workers: int = Field(default=0, ge=0, description="Worker processes; 0 means all cores.")
    db: str | None = Field(
        default=None, description="The register: a SQLite file path or a database URL."
    )
    render_seconds: float = Field(
        default=10.0, gt=0, le=3600, description="Render time limit of one document, seconds."
    )
    render_output_mb: float = Field(
        default=50.0, gt=0, le=2048, description="Output limit of one document, MB of text."
    )
    data_file_mb: float = Field(
        default=5.0, gt=0, le=1024, description="Largest data file (YAML/JSON) read, MB."
    )
    template_unpacked_mb: float = Field(
        default=200.0, gt=0, le=4096, description="Largest unpacked user's template, MB."
    )
    template_members: int = Field(
        default=5000, ge=1, le=100_000, description="Most zip members of a user's template."
    )

    @property
    def data_file_bytes(self) -> int:
        """Return the data-file limit in bytes."""
        return int(self.data_file_mb * (1 << 20))


def resolve_settings(
    options: Mapping[str, Any],
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Merge options, ``DOCGEN_*`` variables, the config file and defaults, in that order."""
    environ = os.environ if environ is None else environ
    cwd = Path.cwd() if cwd is None else cwd
    merged: dict[str, Any] = _config_file(environ, cwd)
    for name in Settings.model_fields:
        value = environ.get(f"DOCGEN_{name.upper()}")
        if value:
            merged[name] = value
    merged.update({key: value for key, value in options.items() if value is not None})
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(
            f"настройка {'.'.join(map(str, first['loc']))}: недопустимое значение "
            f"«{first.get('input')}»"
        ) from exc


def _config_file(environ: Mapping[str, str], cwd: Path) -> dict[str, Any]:
    path = Path(environ.get("DOCGEN_CONFIG") or cwd / CONFIG_NAME)
    if not path.is_file():
        return {}
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("docgen", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: ошибка в файле настроек ({exc})") from exc
    unknown = set(table) - set(Settings.model_fields)
    if unknown:
        raise InputError(
            f"{path}: неизвестные настройки {', '.join(sorted(unknown))}; "
            f"допустимые: {', '.join(Settings.model_fields)}"
        )
    for key in ("centre", "output"):
        if key in table:
            table[key] = path.parent / str(table[key])
    if "db" in table and "://" not in str(table["db"]):
        table["db"] = str(path.parent / str(table["db"]))
    return dict(table)
