"""Build the full table of forms of one name, position or organisation name.

Used by ``docgen inflect`` so a user (or a script, with ``--json``) can check the forms
before a batch. Every table has the six case names as keys, plus extras noted per function.
"""

from __future__ import annotations

from functools import lru_cache

from docgen.errors import InputError
from docgen.language.agreement import named_word, organisation_gender
from docgen.language.morph import CASES
from docgen.language.name_reading import NameReading, Role
from docgen.language.names import (
    inflect_name_parts,
    inflect_surname,
    person_gender,
    short_name,
    split_full_name,
)
from docgen.language.phrases import inflect_phrase
from docgen.language.recognise import Recognised, recognise


def _reading_to_decline(full_name: str) -> Recognised:
    """Return ``full_name`` as :func:`recognise` reads it, or split by words if not a name.

    Words the recogniser does not read as a name («Смит Джон» it does; «Ыыы Ээээ» it does not)
    are taken as «Фамилия Имя [Отчество]»; text that cannot be a name raises ``InputError``.
    """
    found = recognise(full_name)
    if found.name is not None and found.name.last:
        return found
    last, first, middle = split_full_name(full_name)
    parts: tuple[tuple[Role, str], ...] = (("last", last), ("first", first))
    name = NameReading(
        parts + ((("middle", middle),) if middle else ()), person_gender(first, middle)
    )
    return Recognised("person", name.text, name)


def decline_person(full_name: str, gender: str | None = None) -> dict[str, str | None]:
    """Return a person's name (or a signer: position and name) in the six cases, short forms.

    The name may be written in any way :mod:`docgen.language.recognise` reads («Имя Отчество
    Фамилия», «Петрова М. С.», «директор Петрова Мария Сергеевна»); the forms keep the written
    order. Extra keys: ``input``, ``gender`` ("m", "f" or None when it cannot be told),
    ``initials`` («М.С. Петрова») and ``surname_initials`` («Петрова М.С.»). An unparsable name
    raises ``InputError``; a ``gender`` other than "m", "f" or None raises ``ValueError``.
    """
    if gender not in ("m", "f", None):
        raise ValueError(f"пол должен быть «m» или «f», а не «{gender}»")
    found = _reading_to_decline(full_name)
    assert found.name is not None
    name = found.name
    table: dict[str, str | None] = {"input": full_name.strip(), "gender": gender or name.gender}
    for case in CASES:
        table[case] = _decline_found(found, case, gender)
    table["initials"] = short_name(name.last, name.first, name.middle, surname_first=False)
    table["surname_initials"] = short_name(name.last, name.first, name.middle, surname_first=True)
    return table


def decline_any(text: str, gender: str | None = None) -> dict[str, str | None]:
    """Return the table of forms of whatever ``text`` is, as :func:`recognise` reads it.

    Extra keys: ``kind`` («person», «signer», «organisation», «position», «phrase») and
    ``doubt`` (how an ambiguous text was read, or None), plus the keys of
    :func:`decline_person` for a person or a signer, of :func:`decline_organisation` for an
    organisation.
    """
    found = recognise(text)
    if found.name is not None and found.name.last:
        table = decline_person(text, gender)
    elif found.kind == "organisation":
        table = decline_organisation(found.text)
    else:
        table = {"input": found.text}
        for case in CASES:
            table[case] = _decline_found(found, case, gender)
    table["kind"] = found.kind
    table["doubt"] = "; ".join(found.doubts) or None
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


@lru_cache(maxsize=16384)
def decline_name(name: NameReading, case: str) -> str:
    """Return a recognised name in ``case``, its parts in the order they were written.

    A name written with initials declines only its surname; the initials stay as written. When
    the initials leave the gender unknown («Ковальчук М. С.»), the surname declines as a
    woman's — a surname that declines only for men stays as written — rather than by a guess
    that would turn a woman into a man (``recognise`` notes the doubt).
    """
    if name.initials:
        gender = name.gender or "f"
        surname = inflect_surname(name.last, name.first, name.middle, case, gender)
        declined = {"last": surname}
    else:
        last, first, middle = inflect_name_parts(
            name.last, name.first, name.middle, case, name.gender
        )
        declined = {"last": last, "first": first, "middle": middle or ""}
    return " ".join(declined.get(role, text) for role, text in name.parts)


def decline_text(text: str, case: str) -> str:
    """Return a plain string in ``case`` as :func:`recognise` reads it.

    A person's name declines as ``docgen inflect`` declines it; a signer declines its position
    head-only and its name in full; anything else declines head-only (``inflect_phrase``).
    """
    return _decline_found(recognise(text), case, None)


def _decline_found(found: Recognised, case: str, gender: str | None) -> str:
    """Return a recognised text in ``case``; a given gender ("m"/"f") overrides the name's."""
    if found.name is None:
        return inflect_phrase(found.text, case)
    name = found.name
    if gender in ("m", "f") and gender != name.gender:
        name = NameReading(name.parts, "m" if gender == "m" else "f")
    declined = decline_name(name, case)
    if found.position is None:
        return declined
    return found.join(inflect_phrase(found.position, case), declined)


def name_of_text(text: str) -> NameReading:
    """Return the person's name in a plain string (a person or a signer) or raise ``InputError``."""
    found = recognise(text)
    if found.name is None:
        raise InputError(
            f"не удалось разобрать ФИО «{found.text}»: напишите «Фамилия Имя Отчество», "
            "«Фамилия И. О.» или «И. О. Фамилия»"
        )
    return found.name
