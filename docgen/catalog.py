"""The built-in templates: id → .docx in ``templates/``, its model, title and file name.

A built-in template sees a few top-level names, not the model's fields:

    contract       centre, agreement, partner (= agreement.partner)   — договор or соглашение
    regulation     centre, event                                      — положение
    plan           centre, plan                                       — план по соцпартнёрству
    method-report  centre, report                                     — анализ методслужбы
    partner-report centre, report (PartnerYearReport)                 — отчёт партнёру за год
    events-section centre, section (JointEventsYear)                  — раздел анализа

``centre`` is the centre's profile (``Centre``) from the settings. ``context_model`` describes
that context as a pydantic model, so ``docgen.engine.check_template`` checks a built-in like
any other template. ``file_name`` is a Jinja pattern over the same context.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, create_model

from docgen.engine import CompiledTemplate, UnknownName, check_template, compile_template
from docgen.engine.jinja_env import environment
from docgen.errors import InputError, TemplateError
from docgen.models import MODELS, Centre
from docgen.resources import bundled
from docgen.sources import load_model

TEMPLATES_DIR = bundled("templates")
"""Where the built-in .docx templates are: in the installed package, or the checkout's."""

_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class BuiltinTemplate:
    """A template docgen ships: what it makes, from which model, under which names."""

    id: str
    """What commands take instead of a .docx path: ``contract``."""
    title: str
    """What the document is, in Russian."""
    model_name: str
    """The data model, by its name in ``docgen.models.MODELS``."""
    slot: str
    """The name the data has in the template: ``agreement``."""
    file_name: str
    """Default file name (without .docx): a Jinja pattern over the context."""
    aliases: Mapping[str, str] = field(default_factory=dict)
    """Extra top-level names for attributes of the data: ``{"partner": "partner"}``."""

    @property
    def path(self) -> Path:
        """Return the template's .docx file."""
        return TEMPLATES_DIR / f"{self.id}.docx"

    @property
    def model(self) -> type[BaseModel]:
        """Return the model of the data this template renders."""
        return MODELS[self.model_name]

    def context(self, data: BaseModel, centre: Centre) -> dict[str, Any]:
        """Return the template's context for validated ``data`` and the centre's profile."""
        if not isinstance(data, self.model):
            raise TypeError(f"{self.id}: ожидаются данные {self.model_name}, а не {data!r}")
        context: dict[str, Any] = {"centre": centre, self.slot: data}
        for name, attribute in self.aliases.items():
            context[name] = getattr(data, attribute)
        return context

    def context_model(self) -> type[BaseModel]:
        """Return a model whose fields are the context's names, for ``check_template``."""
        return _context_model(self.id)

    def compile(self) -> CompiledTemplate:
        """Compile the template's .docx (it may have been edited in Word since)."""
        return compile_template(self.path, name=f"{self.path} (встроенный шаблон {self.id})")

    def check(self, compiled: CompiledTemplate | None = None) -> list[UnknownName]:
        """Return every name the template uses that its context does not have."""
        return check_template(compiled or self.compile(), self.context_model())

    def output_name(self, context: Mapping[str, Any]) -> str:
        """Return the default file name of a document (``.docx`` included), safe on disk."""
        pattern = environment().overlay(autoescape=False).from_string(self.file_name)
        text = pattern.render(context).replace("\r", "")
        return safe_file_name(text) + ".docx"


BUILTINS: dict[str, BuiltinTemplate] = {
    entry.id: entry
    for entry in (
        BuiltinTemplate(
            id="contract",
            title="Договор (соглашение) о сотрудничестве",
            model_name="agreement",
            slot="agreement",
            file_name="{{ agreement.kind|capitalize }} {{ agreement.number }} "
            "{{ partner.organisation.short_name }}",
            aliases={"partner": "partner"},
        ),
        BuiltinTemplate(
            id="regulation",
            title="Положение о проведении мероприятия",
            model_name="regulation",
            slot="event",
            file_name="Положение «{{ event.name }}» {{ event.academic_year }}",
        ),
        BuiltinTemplate(
            id="plan",
            title="План работы по социальному партнёрству",
            model_name="plan",
            slot="plan",
            file_name="План по социальному партнёрству {{ plan.academic_year }}",
        ),
        BuiltinTemplate(
            id="method-report",
            title="Анализ работы методической службы",
            model_name="report",
            slot="report",
            file_name="Анализ работы методической службы {{ report.academic_year }}",
        ),
        BuiltinTemplate(
            id="partner-report",
            title="Отчёт о совместной деятельности с партнёром за учебный год",
            model_name="partner-year-report",
            slot="report",
            file_name="Отчёт {{ report.partner }} {{ report.academic_year }}",
        ),
        BuiltinTemplate(
            id="events-section",
            title="Раздел анализа: мероприятия с социальными партнёрами",
            model_name="joint-events",
            slot="section",
            file_name="Мероприятия с социальными партнёрами {{ section.academic_year }}",
        ),
    )
}
"""The built-in templates by id, in the order ``docgen templates`` lists them."""


@functools.cache
def _context_model(template_id: str) -> type[BaseModel]:
    entry = BUILTINS[template_id]
    fields: dict[str, Any] = {"centre": (Centre, ...), entry.slot: (entry.model, ...)}
    for name, attribute in entry.aliases.items():
        fields[name] = (entry.model.model_fields[attribute].annotation, ...)
    model: type[BaseModel] = create_model(f"Context_{template_id.replace('-', '_')}", **fields)
    return model


def find_builtin(name: str | Path) -> BuiltinTemplate | None:
    """Return the built-in template ``name`` names, or None when it is a path to a file.

    A name is a built-in id only when no file of that name exists, so a user's file
    called ``plan`` in the current folder still wins.
    """
    text = str(name)
    if text not in BUILTINS or Path(text).exists():
        return None
    return BUILTINS[text]


def builtin(template_id: str) -> BuiltinTemplate:
    """Return the built-in template ``template_id`` or explain which ids exist."""
    try:
        return BUILTINS[template_id]
    except KeyError:
        raise TemplateError(
            f"встроенного шаблона «{template_id}» нет; есть: {', '.join(BUILTINS)} "
            "(список: docgen templates)"
        ) from None


def load_centre(path: Path | None) -> Centre:
    """Load the centre's profile; say how to set it when it is not set."""
    if path is None:
        raise InputError(
            "не указан профиль Центра (наименования, реквизиты, директор): укажите "
            "--centre ФАЙЛ, переменную окружения DOCGEN_CENTRE или строку "
            'centre = "путь/к/centre.yaml" в разделе [docgen] файла docgen.toml'
        )
    return load_model(path, Centre)


def builtin_context(entry: BuiltinTemplate, data: Path, centre: Path | None) -> dict[str, Any]:
    """Load and validate a data file for ``entry`` and return the template's context."""
    return entry.context(load_model(data, entry.model), load_centre(centre))


def safe_file_name(text: str) -> str:
    """Return ``text`` fit to be a file name: no slashes or other forbidden characters."""
    cleaned = _UNSAFE_IN_NAMES.sub("-", text)
    cleaned = " ".join(cleaned.split()).strip(" .-")
    if not cleaned:
        raise TemplateError("имя файла по шаблону имени получилось пустым")
    return cleaned[:150]
