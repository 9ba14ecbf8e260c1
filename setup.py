"""Build hook: copy the repository's templates and samples into the package of a wheel.

Everything else about the build is in pyproject.toml. ``templates/``, ``samples/`` and
``contracts/`` stay at the top of the repository (their source of truth); a wheel carries
their data files (not the scripts that make them) as ``docgen/bundled/<folder>/…``, where
``docgen.resources.bundled`` finds them. An editable install reads the folders in place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
FOLDERS = ("templates", "samples", "contracts")
DATA_SUFFIXES = {".docx", ".xlsx", ".yaml", ".yml", ".json"}


class BuildWithBundledData(build_py):
    """Run the usual build, then copy the shipped data files into ``docgen/bundled``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "docgen" / "bundled"
        for folder in FOLDERS:
            for source in sorted((ROOT / folder).rglob("*")):
                if source.is_file() and source.suffix.lower() in DATA_SUFFIXES:
                    destination = target / source.relative_to(ROOT)
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, destination)


setup(cmdclass={"build_py": BuildWithBundledData})
