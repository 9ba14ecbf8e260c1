"""Describe what a batch renders: the template, its data model, the context and file names.

A ``BatchSpec`` travels to every worker process, so all of it pickles: the compiled
template as its bytes (compiled again, once, in the worker), the context builder as a
module-level callable. A user's template has no importable model — its model is made from
the template's variables — so the spec leaves ``model`` empty and each process makes it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, create_model

from docgen.engine.check import UnknownName, check_template, model_context
from docgen.engine.compile import TemplateSource, compile_template
from docgen.engine.limits import RenderLimits
from docgen.engine.naming import NamePattern, check_name_pattern
from docgen.engine.report import format_unknown
from docgen.engine.template import CompiledTemplate
from docgen.errors import TemplateError
from docgen.models import Centre
from docgen.sources.workbook.template import FILE_NAME_KEY, template_model, usage_variables

CENTRE = "centre"
"""The name of the centre's profile in every template, a user's own too (not a column)."""

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
    created: Callable[[BaseModel], dt.datetime | None] | None = None
    """When a record dates its document (the file's «created»); None keeps the template's."""

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

    def created(self, data: BaseModel) -> dt.datetime | None: ...


def builtin_spec(
    entry: Builtin,
    centre: Centre,
    file_name: str | None = None,
    *,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    globals: Mapping[str, Any] | None = None,
    limits: RenderLimits | None = None,
) -> BatchSpec:
    """Return the spec of a built-in template, after checking its names against its model.

    ``filters``, ``globals`` and ``limits`` are as for ``compile_template``; the filters reach
    the worker processes with the template (by reference: module-level functions).
    """
    compiled = entry.compile()
    if filters or globals or limits:
        compiled = compile_template(
            compiled.data, name=compiled.name, filters=filters, globals=globals, limits=limits
        )
    unknown = entry.check(compiled)
    if unknown:
        raise TemplateError(format_unknown(unknown, compiled.name, entry.model_name))
    spec = BatchSpec(
        template=compiled,
        context=OneRecord(functools.partial(entry.context, centre=centre)),
        file_name=file_name or entry.file_name,
        model=entry.model,
        author=centre.organisation.short_name,
        created=entry.created,
    )
    check_name_pattern(spec.file_name, entry.context_model())  # before any row is read
    return spec


def user_template_model(compiled: CompiledTemplate) -> type[BaseModel]:
    """Return the model whose fields are a user's template variables (as ``docgen sheet``).

    ``centre.…`` is the centre's profile, given by the settings, never a column.
    """
    usages = [usage for usage in compiled.fields() if usage.path[0] != CENTRE]
    return template_model(usage_variables(usages))


def check_user_template(compiled: CompiledTemplate) -> list[UnknownName]:
    """Check a user's template against its own model: its columns and the centre's profile.

    Every plain name is a column of its workbook, so what can fail is a name that cannot be
    a column (a loop in a loop, a key of a mapping) or a ``centre.…`` the profile lacks.
    """
    columns = user_template_model(compiled)
    model = create_model("ДанныеШаблона", __base__=columns, centre=(Centre, ...))
    return check_template(compiled, model)


def user_spec(
    template: TemplateSource,
    file_name: str | None = None,
    *,
    centre: Centre | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    globals: Mapping[str, Any] | None = None,
    limits: RenderLimits | None = None,
) -> BatchSpec:
    """Return the spec of a user's .docx template: its variables are the workbook's columns.

    ``centre`` is the centre's profile, ``centre`` in the template (never typed into rows);
    ``filters``, ``globals`` and ``limits`` are as for ``compile_template``.
    """
    added = {**(globals or {}), **({CENTRE: centre} if centre is not None else {})}
    compiled = compile_template(template, filters=filters, globals=added, limits=limits)
    _require_centre(compiled, centre)
    model = user_template_model(compiled)
    if not model.model_fields:
        raise TemplateError(
            f"{compiled.name}: в шаблоне нет переменных, которые можно взять из столбцов "
            "таблицы ({{ имя }}); заполнять нечего"
        )
    spec = BatchSpec(
        template=compiled,
        context=OneRecord(model_context),
        file_name=file_name or default_user_pattern(getattr(model, FILE_NAME_KEY, None)),
        author=centre.organisation.short_name if centre is not None else None,
    )
    check_name_pattern(spec.file_name, model)
    return spec


def _require_centre(compiled: CompiledTemplate, centre: Centre | None) -> None:
    """Refuse a template that prints ``centre.…`` when no profile is given, naming the place."""
    if centre is not None:
        return
    usage = next((u for u in compiled.fields() if u.path[0] == CENTRE), None)
    if usage is not None:
        raise TemplateError(
            f"{usage.place.describe()}: шаблон берёт «{usage.dotted}» из профиля центра, а "
            "профиль не задан: укажите --centre ФАЙЛ, переменную окружения DOCGEN_CENTRE или "
            'строку centre = "путь/к/centre.yaml" в разделе [docgen] файла docgen.toml'
        )


def default_user_pattern(first: str | None) -> str:
    """Return «{{ ФИО or "документ" }}, строка {{ row }}»: a name column (or the first) and
    the row."""
    if first is None:
        return "документ, строка {{ row }}"
    return f'{{{{ {first} or "документ" }}}}, строка {{{{ row }}}}'
