"""Define people and the signers who act for an organisation."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from docgen.models.base import CaseForms, Date, DocModel, OptionalText, Text

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


def _name_part(value: str) -> str:
    """Reject digits and punctuation in a part of a person's name."""
    if not _NAME_PART.match(value):
        raise ValueError(
            f"«{value}» не похоже на часть ФИО: допустимы буквы, дефис, апостроф и пробел"
        )
    return value


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
    def _from_full_name(cls, value: Any) -> Any:
        """Accept «Фамилия Имя Отчество» written as one string."""
        if not isinstance(value, str):
            return value
        words = value.split()
        if len(words) < 2:
            raise ValueError(f"«{value.strip()}»: напишите ФИО полностью — «Фамилия Имя Отчество»")
        middle = " ".join(words[2:]) or None
        return {"last_name": words[0], "first_name": words[1], "middle_name": middle}

    @model_validator(mode="after")
    def _check_parts(self) -> Person:
        _name_part(self.last_name)
        _name_part(self.first_name)
        if self.middle_name is not None:
            _name_part(self.middle_name)
        return self

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
