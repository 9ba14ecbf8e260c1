"""The public API stays small and every name in it resolves."""

from __future__ import annotations

import subprocess
import sys

import pytest

import docgen

PUBLIC = {
    "__version__",
    "BUILTINS",
    "CompiledTemplate",
    "DocgenError",
    "FILTERS",
    "InputError",
    "MODELS",
    "OutputError",
    "RequisitesError",
    "TemplateError",
    "UserError",
    "RenderLimits",
    "BatchOutput",
    "builtin_spec",
    "user_spec",
    "prepare_batch",
    "run_batch",
    "check_template",
    "compile_template",
    "load_centre",
    "load_data",
    "load_model",
    "model_context",
    "write_atomically",
}


def test_public_names_are_pinned() -> None:
    assert set(docgen.__all__) == PUBLIC


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(docgen, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'render_everything'"):
        docgen.render_everything  # noqa: B018


def test_importing_docgen_does_not_load_the_engine() -> None:
    code = "import sys, docgen; print('docgen.engine' in sys.modules, 'docxtpl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_library_users_render_a_builtin_in_a_few_lines(repo: object) -> None:
    from pathlib import Path

    root = Path(str(repo))
    entry = docgen.BUILTINS["contract"]
    agreement = docgen.load_model(
        root / "contracts" / "2026-002-museum.yaml", docgen.MODELS["agreement"]
    )
    data = entry.compile().render(
        entry.context(agreement, docgen.load_centre(root / "samples" / "centre.yaml"))
    )
    assert data[:2] == b"PK"
