"""Resolve a command's TEMPLATE argument: a built-in template id, a model name or a .docx path.

Every command that takes a template or a model (``sheet``, ``fields``, ``check``, ``render``,
``batch``) reads its argument through ``TEMPLATE_NAME``, so they all accept the same three
kinds of name and refuse an unknown one with the same message listing what exists:

- an existing file is the user's template (a file called ``plan`` wins over the built-in);
- a built-in id (``contract``) is the built-in template and its model (``agreement``);
- a model name (``agreement``) is that model and, when one built-in renders it, that template;
- anything else, or a .docx that does not exist, is a usage error (exit code 2).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from docgen.models import MODELS

if TYPE_CHECKING:
    from docgen.catalog import BuiltinTemplate


@dataclass(frozen=True)
class TemplateName:
    """What a TEMPLATE argument named: a user's .docx, or a model and maybe its built-in."""

    text: str
    """The argument as typed."""
    path: Path | None = None
    """The user's template file."""
    model_name: str | None = None
    """The data model (of the built-in, or named directly)."""
    builtin: BuiltinTemplate | None = None
    """The built-in template named, or the one that renders the named model."""

    def __str__(self) -> str:
        return self.text

    def require_template(self) -> BuiltinTemplate | Path:
        """Return the built-in or the .docx to render; a model without a built-in is refused."""
        if self.path is not None:
            return self.path
        if self.builtin is not None:
            return self.builtin
        raise click.BadParameter(
            f"у модели «{self.model_name}» нет встроенного шаблона; укажите свой файл .docx "
            f"или встроенный шаблон: {_builtin_ids()}",
            param_hint="TEMPLATE",
        )


def resolve_template_name(text: str) -> TemplateName:
    """Return what ``text`` names; raise ``click.BadParameter`` listing what exists."""
    from docgen.catalog import BUILTINS

    path = Path(text)
    if path.is_file():
        return TemplateName(text, path=path)
    if path.is_dir():
        raise click.BadParameter(f"{text}: это папка, а нужен шаблон .docx")
    if text in BUILTINS:
        entry = BUILTINS[text]
        return TemplateName(text, model_name=entry.model_name, builtin=entry)
    if text in MODELS:
        renderers = [entry for entry in BUILTINS.values() if entry.model_name == text]
        single = renderers[0] if len(renderers) == 1 else None
        return TemplateName(text, model_name=text, builtin=single)
    if path.suffix.lower() in (".docx", ".docm", ".dotx"):
        raise click.BadParameter(f"файл {text} не найден")
    raise click.BadParameter(unknown_name_message(text))


def unknown_name_message(text: str) -> str:
    """Return the message for a name that is no template, model or file, listing what is."""
    from docgen.catalog import BUILTINS

    known = [*BUILTINS, *MODELS]
    close = difflib.get_close_matches(text, known, n=1, cutoff=0.6)
    maybe = f" (возможно, «{close[0]}»)" if close else ""
    return (
        f"«{text}» — нет такого встроенного шаблона, модели или файла{maybe}. "
        f"Встроенные шаблоны: {_builtin_ids()} (docgen templates); модели данных: "
        f"{', '.join(sorted(MODELS))}; или путь к своему шаблону .docx"
    )


def _builtin_ids() -> str:
    from docgen.catalog import BUILTINS

    return ", ".join(BUILTINS)


class TemplateNameType(click.ParamType):  # type: ignore[type-arg]
    """The click type of a TEMPLATE argument (see the module's docstring)."""

    name = "template"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, TemplateName):
            return value
        try:
            return resolve_template_name(str(value))
        except click.BadParameter as exc:
            self.fail(exc.message, param, ctx)


TEMPLATE_NAME = TemplateNameType()
"""Use as ``type=`` of every TEMPLATE (or MODEL_OR_TEMPLATE) argument."""
