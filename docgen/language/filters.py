"""Expose the language layer to templates as Jinja filters (``FILTERS``).

The case filters (``genitive`` …) take a person, a signer (position + full name), an
organisation (its full name) or a plain string, which :func:`~docgen.language.recognise.recognise`
reads as a person's name, a signer, an organisation, a position or a phrase — the same reading
``docgen inflect`` and the readers use. Objects are duck-typed (see the protocols below) so
this layer does not import the models. Forms given in the data (``forms``, ``position_forms``,
``name_forms``) always win. A string that arrives as ``Markup`` goes back as ``Markup``, so
nothing is escaped twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeGuard

from markupsafe import Markup

from docgen.language.agreement import (
    acting_word,
    agree_with_number,
    count_with_noun,
    dedicated_word,
    either_form,
    named_word,
    plural_form,
)
from docgen.language.cells import stored_value
from docgen.language.dates import academic_year, date_long, date_short, date_text, month_name
from docgen.language.declension import decline_text, name_of_text
from docgen.language.morph import CASES, Case, check_case
from docgen.language.names import (
    Gender,
    gender_from_surname,
    inflect_name,
    inflect_surname,
    person_gender,
    short_name,
)
from docgen.language.numbers import format_number, money, percent, sum_in_words
from docgen.language.phrases import inflect_phrase
from docgen.language.recognise import recognise
from docgen.language.typography import NBSP, typeset


class PersonLike(Protocol):
    """A person: name parts, an optional gender and optional whole-name forms by case."""

    @property
    def last_name(self) -> str: ...
    @property
    def first_name(self) -> str: ...
    @property
    def middle_name(self) -> str | None: ...
    @property
    def gender(self) -> Gender | None: ...
    @property
    def forms(self) -> Mapping[Any, str]: ...


class SignerLike(Protocol):
    """A person signing for an organisation, with their position and its optional forms."""

    @property
    def person(self) -> PersonLike: ...
    @property
    def position(self) -> str: ...
    @property
    def position_forms(self) -> Mapping[Any, str]: ...


class OrganisationLike(Protocol):
    """An organisation: full and short name and optional forms of the full name by case."""

    @property
    def full_name(self) -> str: ...
    @property
    def short_name(self) -> str: ...
    @property
    def name_forms(self) -> Mapping[Any, str]: ...


def _is_signer(value: object) -> TypeGuard[SignerLike]:
    """Tell whether ``value`` looks like a signer (cheaper than a runtime protocol check)."""
    return hasattr(value, "person") and hasattr(value, "position")


def _is_person(value: object) -> TypeGuard[PersonLike]:
    """Tell whether ``value`` looks like a person."""
    return hasattr(value, "last_name") and hasattr(value, "first_name")


def _is_organisation(value: object) -> TypeGuard[OrganisationLike]:
    """Tell whether ``value`` looks like an organisation."""
    return hasattr(value, "full_name") and hasattr(value, "name_forms")


def _same_kind(original: object, result: str) -> str:
    """Return ``result`` as ``Markup`` when ``original`` was ``Markup``."""
    return Markup(result) if isinstance(original, Markup) else result


def _type_error(filter_name: str, value: object, expected: str) -> TypeError:
    """Build the error for a filter given a value of the wrong type."""
    return TypeError(
        f"фильтр «{filter_name}» ожидает {expected}, а получил {type(value).__name__}: {value!r}"
    )


def gender_of(person: PersonLike) -> Gender | None:
    """Return a person's gender as given, else from the patronymic, first name or surname."""
    return (
        person.gender
        or person_gender(person.first_name, person.middle_name)
        or gender_from_surname(person.last_name)
    )


def person_in_case(person: PersonLike, case: str) -> str:
    """Return a person's full name in ``case``; a form given in ``person.forms`` wins."""
    given = (person.forms or {}).get(check_case(case))
    if given:
        return given
    return inflect_name(
        person.last_name, person.first_name, person.middle_name, case, gender_of(person)
    )


def signer_in_case(signer: SignerLike, case: str) -> str:
    """Return «директора Петровой Марии Сергеевны»: position and full name in ``case``."""
    position = (signer.position_forms or {}).get(check_case(case)) or inflect_phrase(
        signer.position, case
    )
    name = person_in_case(signer.person, case)
    return f"{position} {name}" if position else name


def organisation_in_case(organisation: OrganisationLike, case: str) -> str:
    """Return an organisation's full name in ``case``; a form in ``name_forms`` wins."""
    given = (organisation.name_forms or {}).get(check_case(case))
    return given or inflect_phrase(organisation.full_name, case)


def in_case(value: object, case: str) -> str:
    """Return a signer, person, organisation or plain phrase in ``case``."""
    if isinstance(value, str):
        return _same_kind(value, decline_text(str(value), case))
    if _is_signer(value):
        return signer_in_case(value, case)
    if _is_person(value):
        return person_in_case(value, case)
    if _is_organisation(value):
        return organisation_in_case(value, case)
    raise _type_error(case, value, "человека, подписанта, организацию или строку")


def _case_filter(case: Case) -> Callable[[object], str]:
    """Build the filter that puts its value in ``case``."""

    def case_filter(value: object) -> str:
        return in_case(value, case)

    case_filter.__name__ = case
    case_filter.__doc__ = f"Return the value in the {case} case."
    return case_filter


def _person_parts(value: object, filter_name: str) -> tuple[PersonLike | None, tuple[str, ...]]:
    """Return the person (if an object) and (last, first, middle) behind a short-form filter."""
    if _is_signer(value):
        value = value.person
    if _is_person(value):
        return value, (value.last_name, value.first_name, value.middle_name or "")
    if isinstance(value, str):
        name = name_of_text(str(value))
        return None, (name.last, name.first, name.middle or "")
    raise _type_error(filter_name, value, "человека, подписанта или строку «Фамилия Имя Отчество»")


def _short_form(value: object, case: str, surname_first: bool) -> str:
    """Return «М.С. Петрова» or «Петрова М.С.» with the surname in ``case``."""
    name = "surname_initials" if surname_first else "initials"
    person, (last, first, middle) = _person_parts(value, name)
    if not last:
        raise ValueError(f"фильтр «{name}»: в «{value}» нет фамилии")
    given = (person.forms or {}).get(check_case(case)) if person else None
    if given:
        # The surname is the first words of the given whole-name form.
        surname = " ".join(given.split()[: len(last.split())])
    else:
        gender = gender_of(person) if person else _written_name_gender(str(value))
        surname = inflect_surname(last, first, middle or None, case, gender)
    return _same_kind(value, short_name(surname, first, middle or None, surname_first))


def initials(value: object, case: str = "nominative") -> str:
    """Return the signature form «М.С. Петрова» (surname in ``case``)."""
    return _short_form(value, case, surname_first=False)


def surname_initials(value: object, case: str = "nominative") -> str:
    """Return the list form «Петрова М.С.» (surname in ``case``)."""
    return _short_form(value, case, surname_first=True)


def _written_name_gender(text: str) -> Gender | None:
    """Return the gender to decline a name typed as text with; initials alone: as a woman's.

    The rule of :func:`~docgen.language.declension.decline_name`, so ``surname_initials``
    and the case filters agree on «Ковальчук М. С.».
    """
    name = name_of_text(text)
    return name.gender or ("f" if name.initials else None)


def _text_gender(text: str) -> Gender | None:
    """Return the gender a plain string shows: «m»/«f» itself, or the person it names."""
    if text in ("m", "f"):
        return "m" if text == "m" else "f"
    return recognise(text).gender


def _gender_of_value(value: object, filter_name: str) -> Gender | None:
    """Return the gender behind a signer, a person, a plain string, "m"/"f" or None."""
    if _is_signer(value):
        value = value.person
    if _is_person(value):
        return gender_of(value)
    if isinstance(value, str):
        return _text_gender(str(value))
    if value is None:
        return None
    raise _type_error(filter_name, value, "подписанта, человека, ФИО строкой или пол «m»/«f»")


def named(value: object) -> str:
    """Return «именуемое/-ая/-ый» for an organisation or its full name, a person or a signer."""
    if _is_organisation(value):
        return named_word(value.full_name)
    if isinstance(value, str) and recognise(str(value)).name is None:
        return named_word(str(value))
    if isinstance(value, str) or _is_person(value) or _is_signer(value):
        return _by_gender(_gender_of_value(value, "named"), "именуемый", "именуемая")
    raise _type_error("named", value, "организацию, её полное название или человека")


def acting(value: object) -> str:
    """Return «действующего/-ей» for a signer, a person, a name or a gender "m"/"f"."""
    return acting_word(_gender_of_value(value, "acting"))


def _by_gender(gender: Gender | None, masculine: str, feminine: str) -> str:
    """Return the form for ``gender``; both forms at once («Уважаемый(-ая)») when unknown."""
    if gender == "m":
        return masculine
    if gender == "f":
        return feminine
    return either_form(masculine, feminine)


def by_gender(value: object, masculine: str, feminine: str, plural: str | None = None) -> str:
    """Return the word agreeing with a person's gender: «Уважаемый»/«Уважаемая».

    ``value`` is a person, a signer, a name as a string, "m"/"f", or a list of those: a list
    of two or more takes ``plural`` (by default the masculine form in the plural,
    «Уважаемые»). An unknown gender gives both forms: «Уважаемый(-ая)».
    """
    if isinstance(value, list | tuple):
        if not value:
            raise ValueError("фильтр «by_gender»: список людей пуст")
        if len(value) > 1:
            return plural if plural is not None else plural_form(masculine)
        value = value[0]
    return _by_gender(_gender_of_value(value, "by_gender"), masculine, feminine)


def dedicated(value: object) -> str:
    """Return «посвящённого/-ой/-ых» to follow an event noun («конкурс», «акция»…)."""
    if not isinstance(value, str):
        raise _type_error("dedicated", value, "название мероприятия строкой")
    return dedicated_word(str(value))


def _count(value: object, filter_name: str) -> int:
    """Return ``value`` (a workbook cell: the number it stores) as a whole number, or raise."""
    value = stored_value(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(filter_name, value, "целое число")
    return value


def with_noun(value: object, noun: str, case: str = "nominative") -> str:
    """Return the number with its noun agreed: «3 педагога»; in ``case``: «21 участника».

    A no-break space joins them: a line of the document never ends between «27» and
    «организаций».
    """
    return count_with_noun(_count(value, "with_noun"), noun, case, space=NBSP)


def noun_form(value: object, noun: str, case: str = "nominative") -> str:
    """Return only the noun agreed with the number: 5 → «педагогов»; in ``case`` too."""
    return agree_with_number(_count(value, "noun_form"), noun, case)


def typeset_text(value: object) -> str:
    """Return text with no-break spaces where a line must not break (``typography.typeset``)."""
    if not isinstance(value, str):
        raise _type_error("typeset", value, "строку")
    return _same_kind(value, typeset(str(value)))


def _month_filter(case: Case) -> Callable[[object], str]:
    """Build the filter that names the month of a date (or a month number) in ``case``."""

    def month_filter(value: object) -> str:
        return month_name(value, case)

    month_filter.__doc__ = f"Return the month of a date in the {case} case."
    return month_filter


FILTERS: dict[str, Callable[..., Any]] = {
    **{case: _case_filter(case) for case in CASES},
    "initials": initials,
    "surname_initials": surname_initials,
    "named": named,
    "acting": acting,
    "by_gender": by_gender,
    "dedicated": dedicated,
    "with_noun": with_noun,
    "noun_form": noun_form,
    "sum_words": sum_in_words,
    "number": format_number,
    "money": money,
    "percent": percent,
    "date_long": date_long,
    "date_text": date_text,
    "date_short": date_short,
    "month_nominative": _month_filter("nominative"),
    "month_genitive": _month_filter("genitive"),
    "month_prepositional": _month_filter("prepositional"),
    "academic_year": academic_year,
    "typeset": typeset_text,
}
