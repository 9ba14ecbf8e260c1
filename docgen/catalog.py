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

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, create_model

from docgen.clauses import ContractClauses, contract_clauses, load_clause_library, type_directions
from docgen.engine import CompiledTemplate, UnknownName, check_template, compile_template
from docgen.engine.jinja_env import environment
from docgen.engine.naming import safe_stem
from docgen.errors import InputError, TemplateError
from docgen.models import MODELS, Agreement, Centre, PartnershipPlan
from docgen.models.clauses import ClauseLibrary
from docgen.resources import bundled
from docgen.sources import load_model

TEMPLATES_DIR = bundled("templates")
"""Where the built-in .docx templates are: in the installed package, or the checkout's."""
CLAUSES_DIR = TEMPLATES_DIR / "clauses"
"""Where the clause library is (YAML): what contracts and plans say per partner type and form."""


def clause_library() -> ClauseLibrary:
    """Return the built-in clause library, read and validated once."""
    return load_clause_library(CLAUSES_DIR)


def _contract_extras(data: BaseModel, centre: Centre) -> dict[str, Any]:
    """Add ``clauses``: the contract's directions, forms and obligations from the library."""
    assert isinstance(data, Agreement)
    return {"clauses": contract_clauses(data, centre, clause_library())}


def _plan_extras(data: BaseModel, centre: Centre) -> dict[str, Any]:
    """Give each row of the partners table the library's directions unless it has its own."""
    assert isinstance(data, PartnershipPlan)
    library = clause_library()
    rows = [
        row
        if row.directions
        else row.model_copy(update={"directions": type_directions(row.partner_type, library)})
        for row in data.partners
    ]
    return {"plan": data.model_copy(update={"partners": rows})}


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
    extras: Callable[[BaseModel, Centre], dict[str, Any]] | None = None
    """Names computed from the data and the library (they may replace the data's name)."""
    extra_models: Mapping[str, type[BaseModel]] = field(default_factory=dict)
    """The models of the computed names that are new, for ``check_template``."""

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
        if self.extras is not None:
            context.update(self.extras(data, centre))
        for name, attribute in self.aliases.items():
            context[name] = getattr(context[self.slot], attribute)
        return context

    def created(self, data: BaseModel) -> dt.datetime | None:
        """Return when the data dates the document (its core «created»), or None if it does not.

        A contract is dated by its date, a plan or a regulation by its approval, a report by
        the day it was written: the file's properties then agree with the page.
        """
        day: Any = None
        for path in ("date", "approval.signed_on"):
            value: Any = data
            for name in path.split("."):
                value = getattr(value, name, None)
            if isinstance(value, dt.date):
                day = value
                break
        return dt.datetime.combine(day, dt.time()) if day is not None else None

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
            extras=_contract_extras,
            extra_models={"clauses": ContractClauses},
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
            extras=_plan_extras,
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
    for name, extra in entry.extra_models.items():
        fields[name] = (extra, ...)
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


def safe_file_name(text: str) -> str:
    """Return ``text`` fit to be a file name; raise ``TemplateError`` when nothing is left.

    ``engine.naming.safe_stem`` with a longer limit; typewriter quotes and control
    characters are unsafe characters (a dash).
    """
    return safe_stem(text, 150, fallback=None, quotes=False, controls="-")
