"""Build the full table of forms of one name, position or organisation name.

Used by ``docgen inflect`` so a user (or a script, with ``--json``) can check the forms
before a batch. Every table has the six case names as keys, plus extras noted per function.
"""

from __future__ import annotations

from docgen.language.agreement import named_word, organisation_gender
from docgen.language.morph import CASES
from docgen.language.names import (
    Gender,
    inflect_name,
    person_gender,
    short_name,
    split_full_name,
)
from docgen.language.phrases import inflect_phrase


def decline_person(full_name: str, gender: str | None = None) -> dict[str, str | None]:
    """Return a full name «Фамилия Имя [Отчество]» in the six cases and its short forms.

    Extra keys: ``input``, ``gender`` ("m", "f" or None when it cannot be told), ``initials``
    («М.С. Петрова») and ``surname_initials`` («Петрова М.С.»). An unparsable name raises
    ``InputError``; a ``gender`` other than "m", "f" or None raises ``ValueError``.
    """
    if gender not in ("m", "f", None):
        raise ValueError(f"пол должен быть «m» или «f», а не «{gender}»")
    last, first, middle = split_full_name(full_name)
    given: Gender | None = "m" if gender == "m" else "f" if gender == "f" else None
    sex = given or person_gender(first, middle)
    table: dict[str, str | None] = {"input": full_name.strip(), "gender": sex}
    for case in CASES:
        table[case] = inflect_name(last, first, middle, case, sex)
    table["initials"] = short_name(last, first, middle, surname_first=False)
    table["surname_initials"] = short_name(last, first, middle, surname_first=True)
    return table


def decline_position(position: str) -> dict[str, str | None]:
    """Return a position in the six cases (head-only declension); extra key ``input``."""
    table: dict[str, str | None] = {"input": position.strip()}
    for case in CASES:
        table[case] = inflect_phrase(position.strip(), case)
    return table


def decline_organisation(full_name: str) -> dict[str, str | None]:
    """Return an organisation's full name in the six cases.

    Extra keys: ``gender`` of the head noun ("m", "f", "n") and ``named`` («именуемое»…).
    """
    table = decline_position(full_name)
    table["gender"] = organisation_gender(full_name.strip())
    table["named"] = named_word(full_name.strip())
    return table
