"""Every name a template uses that the model does not have is reported, all at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, computed_field

from docgen.engine import check_template, compile_template, format_unknown, model_context
from docgen.engine.check import explain_path


class Signer(BaseModel):
    full_name: str
    position: str

    @property
    def short(self) -> str:
        return self.full_name.split()[0]


class Organisation(BaseModel):
    full_name: str
    inn: str
    kpp: str | None = None
    signer: Signer


class Event(BaseModel):
    title: str
    date: dt.date


class Agreement(BaseModel):
    number: str
    partner: Organisation
    events: list[Event] = []
    extra: dict[str, str] = {}
    notes: list[str] | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def title(self) -> str:
        return f"Договор № {self.number}"


def _unknown(make_docx: Callable[..., bytes], *body: str) -> list[str]:
    template = compile_template(make_docx(body=list(body)))
    return [item.reason for item in check_template(template, Agreement)]


def test_known_paths_pass(make_docx: Callable[..., bytes]) -> None:
    assert (
        _unknown(
            make_docx,
            "{{ title }} {{ number|upper }} {{ partner.full_name }} {{ partner.kpp }}",
            "{{ partner.signer.position }} {{ partner.signer.short }} {{ extra.любой_ключ }}",
            "{% for e in events %}{{ e.title }} {{ e.date.year }}{% endfor %}",
            "{% for n in notes %}{{ n }}{% endfor %} {{ partner.full_name.upper() }}",
        )
        == []
    )


def test_two_misspelt_names_are_both_reported(make_docx: Callable[..., bytes]) -> None:
    reasons = _unknown(
        make_docx,
        "Договор № {{ nubmer }}",
        "в лице {{ partner.signer.positon }}",
    )
    assert reasons == [
        "«nubmer»: в модели Agreement нет поля «nubmer» (может быть, «number»?)",
        "«partner.signer.positon»: в модели Signer нет поля «positon» (может быть, «position»?)",
    ]


def test_wrong_use_of_lists_and_values(make_docx: Callable[..., bytes]) -> None:
    reasons = _unknown(
        make_docx,
        "{% for p in partner %}{{ p }}{% endfor %}",
        "{{ events.title }} {{ number.nonsense }}",
        "{% for e in events %}{{ e.place }}{% endfor %}",
    )
    assert reasons == [
        "«partner[]»: это не список (Organisation), по нему нельзя пройти циклом",
        "«events.title»: у значения типа list нет «title»",
        "«number.nonsense»: у значения типа str нет «nonsense»",
        "«events[].place»: в модели Event нет поля «place»",
    ]


def test_report_lists_every_name_with_its_paragraphs(make_docx: Callable[..., bytes]) -> None:
    template = compile_template(
        make_docx(body=["№ {{ nubmer }}", "Ещё раз № {{ nubmer }}", "{{ partner.nmae }}"]),
        name="договор.docx",
    )
    text = format_unknown(check_template(template, Agreement), template.name, "agreement")
    assert text.splitlines() == [
        "договор.docx: имена, которых нет в модели «agreement» (2):",
        "  «nubmer»: в модели Agreement нет поля «nubmer» (может быть, «number»?)",
        "    ← основной текст: «№ {{ nubmer }}»",
        "    ← основной текст: «Ещё раз № {{ nubmer }}»",
        "  «partner.nmae»: в модели Organisation нет поля «nmae»",
        "    ← основной текст: «{{ partner.nmae }}»",
    ]


def test_model_context_offers_fields_and_properties() -> None:
    agreement = Agreement(
        number="7",
        partner=Organisation(
            full_name="Школа", inn="1", signer=Signer(full_name="Петрова М. С.", position="д")
        ),
    )
    context = model_context(agreement)
    assert context["title"] == "Договор № 7"
    assert context["partner"] is agreement.partner
    assert set(context) == {"number", "partner", "events", "extra", "notes", "title"}


@dataclass(frozen=True)
class _Row:
    label: str
    count: int

    @property
    def doubled(self) -> int:
        return self.count * 2


class _Report(BaseModel):
    values: list[int] = []

    @property
    def rows(self) -> list[_Row]:
        return [_Row(str(v), v) for v in self.values]


def test_check_follows_dataclass_rows_returned_by_properties() -> None:
    assert explain_path(_Report, ("rows", "[]", "label")) is None
    assert explain_path(_Report, ("rows", "[]", "doubled")) is None
    reason = explain_path(_Report, ("rows", "[]", "lable"))
    assert reason is not None and "может быть, «label»" in reason
