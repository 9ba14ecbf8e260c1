"""docgen: typed data about a centre and its partners into Word documents.

The public API is what library users call; it is pinned by ``tests/test_public_api.py``.
Names load on first use, so ``docgen --version`` does not import the engine.

    from docgen import compile_template, load_model, MODELS
    agreement = load_model(Path("contracts/2026-001-school-5.yaml"), MODELS["agreement"])
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "DocgenError": "docgen.errors",
    "UserError": "docgen.errors",
    "InputError": "docgen.errors",
    "RequisitesError": "docgen.errors",
    "TemplateError": "docgen.errors",
    "OutputError": "docgen.errors",
    "MODELS": "docgen.models",
    "load_data": "docgen.sources",
    "load_model": "docgen.sources",
    "compile_template": "docgen.engine",
    "CompiledTemplate": "docgen.engine",
    "check_template": "docgen.engine",
    "model_context": "docgen.engine",
    "write_atomically": "docgen.engine",
    "RenderLimits": "docgen.engine",
    "BatchOutput": "docgen.engine.batch",
    "builtin_spec": "docgen.engine.batch",
    "user_spec": "docgen.engine.batch",
    "prepare_batch": "docgen.engine.batch",
    "run_batch": "docgen.engine.batch",
    "BUILTINS": "docgen.catalog",
    "load_centre": "docgen.catalog",
    "FILTERS": "docgen.language.filters",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    """Import a public name from its layer the first time it is asked for."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'docgen' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
