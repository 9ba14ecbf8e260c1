"""Define people and the signers who act for an organisation.

A person's name is tidied as it is read (:mod:`docgen.language.normalise`): spaces collapsed,
ALL-CAPS or lower-case parts in title case, Latin look-alike letters («Пaвел» with a Latin «a»)
made Russian — the user cannot see them, and they would break the declension, so they are
fixed, not refused. A word mixing Russian letters with Latin ones that look like none is an
error with advice. Hand-written ``forms`` are never touched. A reader learns what was fixed,
and about contradictory gender signals (a male first name with a female patronymic), through the
validation context: ``Person.model_validate(data, context={"notices": [], "warnings": []})``
fills those lists with Russian sentences; :attr:`Person.gender_warning` gives the latter too.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, model_validator

from docgen.language.name_reading import read_name
from docgen.language.names import gender_conflict
from docgen.language.normalise import describe_name_fix, mixed_script_words, normalise_name
from docgen.models.base import CaseForms, Date, DocModel, OptionalText, Text

NOTICES = "notices"
"""Validation-context key of the list that collects what was fixed while reading names."""
WARNINGS = "warnings"
"""Validation-context key of the list that collects doubts (contradictory gender signals)."""

Gender = Literal["m", "f"]

_GENDER_WORDS = {
    "m": "m",
    "м": "m",
    "муж": "m",
    "мужской": "m",
    "f": "f",
    "ж": "f",
    "жен": "f",
    "женский": "f",
}
_NAME_PART = re.compile(r"^[A-Za-zА-Яа-яЁё]+(?:['’\- ][A-Za-zА-Яа-яЁё]+)*$")


def _gender(value: Any) -> Any:
    """Accept «м»/«ж», «муж»/«жен» and «m»/«f» in any letter case."""
    if isinstance(value, str):
        key = value.strip().lower().rstrip(".")
        if not key:
            return None
        return _GENDER_WORDS.get(key, value)
    return value


_PART_TITLES = {"last_name": "Фамилия", "first_name": "Имя", "middle_name": "Отчество"}


def _name_part(value: str) -> str:
    """Reject digits, punctuation and mixed Russian and Latin letters in a part of a name."""
    mixed = mixed_script_words(value)
    if mixed:
        raise ValueError(
            f"в «{mixed[0]}» смешаны русские и латинские буквы: наберите это слово заново "
            "русскими буквами (переключите раскладку клавиатуры)"
        )
    if not _NAME_PART.match(value):
        raise ValueError(
            f"«{value}» не похоже на часть ФИО: допустимы буквы, дефис, апостроф и пробел"
        )
    return value


def _context_list(info: ValidationInfo, key: str) -> list[str] | None:
    """Return the list a reader passed in the validation context under ``key``, or None."""
    context = info.context
    found = context.get(key) if isinstance(context, dict) else None
    return found if isinstance(found, list) else None


def _split_full_name(text: str) -> dict[str, Any]:
    """Return the parts of «Фамилия Имя Отчество» (or «Имя Отчество Фамилия») as fields."""
    words = text.split()
    if len(words) < 2:
        raise ValueError(f"«{text.strip()}»: напишите ФИО полностью — «Фамилия Имя Отчество»")
    found = read_name(words)
    if found is not None and found[0].initials:
        raise ValueError(f"«{text.strip()}»: напишите имя и отчество полностью, не инициалы")
    if found is not None and found[0].last:
        name = found[0]
        return {"last_name": name.last, "first_name": name.first, "middle_name": name.middle}
    return {
        "last_name": words[0],
        "first_name": words[1],
        "middle_name": " ".join(words[2:]) or None,
    }


class Person(DocModel):
    """A person by full name, with the gender that decides word forms around the name."""

    last_name: Text = Field(title="Фамилия", description="Фамилия, как в паспорте: «Петрова».")
    first_name: Text = Field(title="Имя", description="Имя полностью: «Мария».")
    middle_name: OptionalText = Field(
        default=None,
        title="Отчество",
        description="Отчество, если есть: «Сергеевна». По нему определяется пол.",
    )
    gender: Annotated[Gender | None, BeforeValidator(_gender)] = Field(
        default=None,
        title="Пол",
        description="«м» или «ж». Если не указан, определяется по отчеству.",
    )
    forms: CaseForms = Field(
        default_factory=dict,
        title="ФИО в падежах (вручную)",
        description=(
            "Формы ФИО, если автоматическое склонение ошибается: "
            "genitive: «Петровой Марии Сергеевны» и т. п."
        ),
    )

    @model_validator(mode="before")
    @classmethod
    def _tidy_name(cls, value: Any, info: ValidationInfo) -> Any:
        """Accept «Фамилия Имя Отчество» as one string; tidy every part and note the fixes."""
        notices = _context_list(info, NOTICES)
        if isinstance(value, str):
            tidy, notes = normalise_name(value)
            if notes and notices is not None:
                notices.append(f"ФИО {describe_name_fix(value, tidy, notes)}")
            return _split_full_name(tidy)
        if not isinstance(value, dict):
            return value
        tidied = dict(value)
        for key, title in _PART_TITLES.items():
            part = value.get(key)
            if not isinstance(part, str):
                continue
            tidied[key], notes = normalise_name(part)
            if notes and notices is not None:
                notices.append(f"{title} {describe_name_fix(part, tidied[key], notes)}")
        return tidied

    @model_validator(mode="after")
    def _check_parts(self, info: ValidationInfo) -> Person:
        _name_part(self.last_name)
        _name_part(self.first_name)
        if self.middle_name is not None:
            _name_part(self.middle_name)
        warnings = _context_list(info, WARNINGS)
        warning = self.gender_warning
        if warning and warnings is not None:
            warnings.append(f"{self.full_name}: {warning}")
        return self

    @property
    def gender_warning(self) -> str | None:
        """Return a Russian warning when the gender, first name and patronymic disagree."""
        return gender_conflict(self.first_name, self.middle_name, self.gender)

    @property
    def full_name(self) -> str:
        """Return «Фамилия Имя Отчество» as written."""
        parts = [self.last_name, self.first_name, self.middle_name or ""]
        return " ".join(part for part in parts if part)

    def __str__(self) -> str:
        return self.full_name


class Authority(StrEnum):
    """The document a signer acts on."""

    CHARTER = "устав"
    POWER_OF_ATTORNEY = "доверенность"


class Signer(DocModel):
    """A person who signs for an organisation: position and grounds of authority."""

    person: Person = Field(title="Подписант", description="ФИО того, кто подписывает документ.")
    position: Text = Field(
        title="Должность",
        description=(
            "Должность в именительном падеже: «директор», «исполняющий обязанности директора»."
        ),
    )
    position_forms: CaseForms = Field(
        default_factory=dict,
        title="Должность в падежах (вручную)",
        description="Формы должности, если автоматическое склонение ошибается.",
    )
    authority: Authority = Field(
        default=Authority.CHARTER,
        title="Основание полномочий",
        description="«устав» или «доверенность».",
    )
    attorney_number: OptionalText = Field(
        default=None, title="Номер доверенности", description="Только для доверенности: «12»."
    )
    attorney_date: Date | None = Field(
        default=None, title="Дата доверенности", description="Только для доверенности."
    )

    @model_validator(mode="after")
    def _check_attorney(self) -> Signer:
        if self.authority is Authority.POWER_OF_ATTORNEY:
            if not self.attorney_number or self.attorney_date is None:
                raise ValueError("для подписания по доверенности укажите номер и дату доверенности")
        elif self.attorney_number or self.attorney_date:
            raise ValueError(
                "номер и дата доверенности указаны, а основание — устав; "
                "укажите основание «доверенность» или уберите их"
            )
        return self

    @property
    def authority_genitive(self) -> str:
        """Return the grounds as they follow «на основании»: «Устава» or «доверенности № …»."""
        if self.authority is Authority.CHARTER:
            return "Устава"
        assert self.attorney_date is not None
        return f"доверенности №\u00a0{self.attorney_number} от {self.attorney_date:%d.%m.%Y}"

    def __str__(self) -> str:
        return f"{self.position} {self.person.full_name}"
