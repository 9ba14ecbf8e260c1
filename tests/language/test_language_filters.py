"""The Jinja filters on people, signers, organisations, strings and Markup."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from markupsafe import Markup

from docgen.language.filters import FILTERS
from docgen.models.people import Person as PersonModel
from docgen.models.people import Signer as SignerModel
from tests.language.stand_ins import Organisation, Person, Signer, render

NBSP = "\u00a0"


PETROVA = Person("Петрова", "Мария", "Сергеевна")
DIRECTOR = Signer(PETROVA, "директор")
SCHOOL = Organisation(
    "Муниципальное бюджетное общеобразовательное учреждение "
    "«Средняя общеобразовательная школа № 5»",
    "МБОУ «СОШ № 5»",
)


def test_signer_in_the_genitive_is_position_and_full_name() -> None:
    assert render("{{ s | genitive }}", s=DIRECTOR) == "директора Петровой Марии Сергеевны"


def test_organisation_in_the_instrumental() -> None:
    assert render("{{ o | instrumental }}", o=SCHOOL) == (
        "Муниципальным бюджетным общеобразовательным учреждением "
        "«Средняя общеобразовательная школа № 5»"
    )


def test_the_real_models_fit_the_filters() -> None:
    person = PersonModel(last_name="Иванов", first_name="Иван", middle_name="Иванович")
    signer = SignerModel(person=person, position="исполняющий обязанности директора")
    assert render("{{ s | dative }}", s=signer) == (
        "исполняющему обязанности директора Иванову Ивану Ивановичу"
    )
    assert render("{{ s | acting }} / {{ s | initials }}", s=signer) == (
        f"действующего / И.И.{NBSP}Иванов"
    )


def test_given_forms_always_win() -> None:
    person = Person("Ворона", "Алла", "Ивановна", forms={"genitive": "Вороной Аллы Ивановны"})
    signer = Signer(person, "директор", position_forms={"genitive": "директрисы"})
    organisation = Organisation(
        "Приход храма", "Приход", name_forms={"genitive": "Прихода храма Покрова"}
    )
    assert render("{{ p | genitive }}", p=person) == "Вороной Аллы Ивановны"
    assert render("{{ p | dative }}", p=person) == "Вороне Алле Ивановне"
    assert render("{{ s | genitive }}", s=signer) == "директрисы Вороной Аллы Ивановны"
    assert render("{{ s | dative }}", s=signer) == "директору Вороне Алле Ивановне"
    assert render("{{ o | genitive }}", o=organisation) == "Прихода храма Покрова"
    assert render("{{ p | surname_initials('genitive') }}", p=person) == f"Вороной{NBSP}А.И."


def test_explicit_gender_wins_over_the_name() -> None:
    person = Person("Ким", "Саша", None, gender="f")
    assert render("{{ p | genitive }} {{ p | acting }}", p=person) == "Ким Саши действующей"
    unknown = Person("Ким", "Саша")
    assert render("{{ p | acting }}", p=unknown) == "действующего(-ей)"


def test_strings_are_phrases_and_markup_stays_markup() -> None:
    assert render("{{ 'заведующая библиотекой' | instrumental }}") == "заведующей библиотекой"
    safe = Markup("Общество «Рога &amp; копыта»")
    assert isinstance(FILTERS["genitive"](safe), Markup)
    assert render("{{ m | genitive }}", m=safe) == "Общества «Рога &amp; копыта»"
    # plain text is escaped once by the environment, never twice
    assert render("{{ 'Общество «А & Б»' | genitive }}") == "Общества «А &amp; Б»"


def test_short_forms_accept_a_full_name_string() -> None:
    assert render("{{ 'Петрова Мария Сергеевна' | initials }}") == f"М.С.{NBSP}Петрова"
    assert render("{{ s | surname_initials('dative') }}", s=DIRECTOR) == f"Петровой{NBSP}М.С."


def test_agreement_sum_and_date_filters() -> None:
    template = (
        "{{ o | named }}; {{ 'акция' | dedicated }}; {{ 3 | with_noun('педагог') }}; "
        "{{ '5' | noun_form('год') }}; {{ x | sum_words }}; {{ d | date_long }}; "
        "{{ d | date_short }}; {{ d | date_text }}; {{ d | month_nominative }}; "
        "{{ d | month_genitive }}; {{ d | month_prepositional }}; {{ d | academic_year }}"
    )
    result = render(template, o=SCHOOL, x=Decimal("1234.56"), d=dt.date(2026, 11, 26))
    assert result == (
        f"именуемое; посвящённой; 3{NBSP}педагога; лет; "
        f"1{NBSP}234 (одна тысяча двести тридцать четыре) рубля 56 копеек; "
        f"«26» ноября 2026{NBSP}г.; 26.11.2026; 26 ноября 2026{NBSP}г.; ноябрь; ноября; ноябре; "
        "2026–2027 учебный год"
    )


@pytest.mark.parametrize(
    ("template", "error", "message"),
    [
        ("{{ 5 | genitive }}", TypeError, "фильтр «genitive» ожидает"),
        ("{{ 'сто' | sum_words }}", ValueError, "не сумма"),
        ("{{ [1] | sum_words }}", TypeError, "сумма должна быть числом"),
        ("{{ 'x' | with_noun('год') }}", TypeError, "фильтр «with_noun» ожидает целое число"),
        ("{{ 5 | named }}", TypeError, "фильтр «named» ожидает"),
        ("{{ 5 | acting }}", TypeError, "фильтр «acting» ожидает"),
        ("{{ 5 | dedicated }}", TypeError, "фильтр «dedicated» ожидает"),
        ("{{ 5 | initials }}", TypeError, "фильтр «initials» ожидает"),
        ("{{ 5.5 | date_long }}", TypeError, "ожидается дата"),
    ],
)
def test_wrong_values_raise_clear_errors(
    template: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        render(template)


def test_filters_registry_has_every_case_and_only_callables() -> None:
    for case in ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional"):
        assert case in FILTERS
    assert all(callable(function) for function in FILTERS.values())
