"""Find the files docgen ships: the built-in templates, clause texts and sample data.

The repository's top-level ``templates/``, ``samples/`` and ``contracts/`` are the source of
truth. Building a wheel copies their data files into the package as ``docgen/bundled/…``
(``setup.py``), so an installed docgen finds them with ``importlib.resources``; a source
checkout (an editable install, the tests) has no ``bundled`` folder and reads the
repository's folders directly.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BUNDLED_FOLDERS = ("templates", "samples", "contracts")
"""The repository's folders that a wheel carries inside the package."""

_SOURCE_ROOT = Path(__file__).resolve().parents[1]


def bundled(name: str) -> Path:
    """Return the shipped folder ``name``: inside the installed package, else in the checkout."""
    if name not in BUNDLED_FOLDERS:
        raise ValueError(f"not a shipped folder: {name!r}")
    packaged = resources.files("docgen").joinpath("bundled", name)
    if packaged.is_dir():
        return Path(str(packaged))
    return _SOURCE_ROOT / name
