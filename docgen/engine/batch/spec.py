"""Describe what a batch renders: the template, its data model, the context and file names.

A ``BatchSpec`` travels to every worker process, so all of it pickles: the compiled
template as its bytes (compiled again, once, in the worker), the context builder as a
module-level callable. A user's template has no importable model — its model is made from
the template's variables — so the spec leaves ``model`` empty and each process makes it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel

from docgen.engine.check import UnknownName, model_context
from docgen.engine.compile import compile_template
from docgen.engine.naming import NamePattern, check_name_pattern
from docgen.engine.report import format_unknown
from docgen.engine.template import CompiledTemplate
from docgen.errors import TemplateError
from docgen.models import Centre
from docgen.sources.workbook.columns import WORKBOOK_KEY
from docgen.sources.workbook.template import Variable, template_model

ContextBuilder = Callable[[Sequence[BaseModel]], Mapping[str, Any]]
"""Make a document's context from its validated records (one, or a whole group)."""


@dataclass(frozen=True)
class OneRecord:
    """Build a document's context from its single record (a batch of one document per row)."""

    build: Callable[[BaseModel], Mapping[str, Any]]

    def __call__(self, records: Sequence[BaseModel]) -> Mapping[str, Any]:
        (record,) = records
        return self.build(record)


@dataclass(frozen=True)
class BatchSpec:
    """What a batch renders and how each document gets its context and file name."""

    template: CompiledTemplate
    context: ContextBuilder
    file_name: str
    """A Jinja pattern over the context (plus ``row`` and ``index``) without extension."""
    model: type[BaseModel] | None = None
    """The records' model; None means «made from the template's variables»."""
    author: str | None = None
    """The author written into every document's properties."""
    media_dir: Path | None = None
    """The folder ``image()`` may read pictures from."""

    def data_model(self) -> type[BaseModel]:
        """Return the model the workbook's records are read into."""
        return self.model if self.model is not None else user_template_model(self.template)

    def name_pattern(self) -> NamePattern:
        """Return the compiled file-name pattern."""
        return NamePattern(self.file_name)


class Builtin(Protocol):
    """What a batch needs of a built-in template (``docgen.catalog.BuiltinTemplate``)."""

    @property
    def model_name(self) -> str: ...

    @property
    def model(self) -> type[BaseModel]: ...

    @property
    def file_name(self) -> str: ...

    def compile(self) -> CompiledTemplate: ...

    def check(self, compiled: CompiledTemplate | None = None) -> list[UnknownName]: ...

    def context(self, data: BaseModel, centre: Centre) -> dict[str, Any]: ...

    def context_model(self) -> type[BaseModel]: ...


def builtin_spec(entry: Builtin, centre: Centre, file_name: str | None = None) -> BatchSpec:
    """Return the spec of a built-in template, after checking its names against its model."""
    compiled = entry.compile()
    unknown = entry.check(compiled)
    if unknown:
        raise TemplateError(format_unknown(unknown, compiled.name, entry.model_name))
    spec = BatchSpec(
        template=compiled,
        context=OneRecord(functools.partial(entry.context, centre=centre)),
        file_name=file_name or entry.file_name,
        model=entry.model,
        author=centre.organisation.short_name,
    )
    check_name_pattern(spec.file_name, entry.context_model())  # before any row is read
    return spec


def user_template_model(compiled: CompiledTemplate) -> type[BaseModel]:
    """Return the model whose fields are a user's template variables (as ``docgen sheet``)."""
    variables = [Variable(usage.path, usage.place.text) for usage in compiled.fields()]
    return template_model(variables)


def user_spec(template: Path, file_name: str | None = None) -> BatchSpec:
    """Return the spec of a user's .docx template: its variables are the workbook's columns."""
    compiled = compile_template(template)
    model = user_template_model(compiled)
    if not model.model_fields:
        raise TemplateError(
            f"{compiled.name}: в шаблоне нет переменных, которые можно взять из столбцов "
            "таблицы ({{ имя }}); заполнять нечего"
        )
    spec = BatchSpec(
        template=compiled,
        context=OneRecord(model_context),
        file_name=file_name or default_user_pattern(getattr(model, WORKBOOK_KEY, None)),
    )
    check_name_pattern(spec.file_name, model)
    return spec


def default_user_pattern(first: str | None) -> str:
    """Return «{{ ФИО or "документ" }}, строка {{ row }}»: the first column and the row."""
    if first is None:
        return "документ, строка {{ row }}"
    return f'{{{{ {first} or "документ" }}}}, строка {{{{ row }}}}'
