"""Models reject bad data and fill defaults the way a secretary expects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from docgen.models import (
    Agreement,
    Authority,
    BankDetails,
    CooperationForm,
    Partner,
    PartnerType,
    Person,
    Requisites,
    Signer,
)

ORG_REQUISITES: dict[str, Any] = {
    "inn": "2204021669",
    "kpp": "220401001",
    "ogrn": "1022201091395",
    "legal_address": "659305, г. Бийск, ул. Ленинградская, д. 52",
}


def person(**extra: Any) -> dict[str, Any]:
    return {"last_name": "Петрова", "first_name": "Мария", "middle_name": "Сергеевна", **extra}


def partner_data(**extra: Any) -> dict[str, Any]:
    return {
        "type": "музей",
        "organisation": {
            "full_name": "Муниципальное бюджетное учреждение культуры «Музей»",
            "short_name": "МБУК «Музей»",
            "requisites": ORG_REQUISITES,
        },
        "signer": {"person": person(), "position": "директор"},
        **extra,
    }


def agreement_data(**extra: Any) -> dict[str, Any]:
    return {
        "number": "СП-2026/001",
        "date": "01.09.2026",
        "partner": partner_data(),
        "subject": "сотрудничество",
        **extra,
    }


@pytest.mark.parametrize(
    ("given", "expected"),
    [("ж", "f"), ("Ж", "f"), ("жен.", "f"), ("м", "m"), ("f", "f"), ("", None)],
)
def test_gender_accepts_russian_letters(given: str, expected: str | None) -> None:
    assert Person.model_validate(person(gender=given)).gender == expected


def test_gender_rejects_other_words() -> None:
    with pytest.raises(ValidationError, match="gender"):
        Person.model_validate(person(gender="средний"))


def test_empty_patronymic_is_none_and_name_keeps_spelling() -> None:
    p = Person.model_validate({"last_name": " Семёнов ", "first_name": "Пётр", "middle_name": " "})
    assert p.middle_name is None
    assert p.full_name == "Семёнов Пётр"


@pytest.mark.parametrize("bad", ["Петров2", "Петров!", "-Петров"])
def test_name_parts_reject_digits_and_punctuation(bad: str) -> None:
    with pytest.raises(ValidationError, match="не похоже на часть ФИО"):
        Person.model_validate(person(last_name=bad))


def test_hyphenated_and_apostrophe_names_pass() -> None:
    p = Person.model_validate(person(last_name="Петрова-Водкина", first_name="Д’Артаньяна"))
    assert p.last_name == "Петрова-Водкина"


def test_signer_under_power_of_attorney_needs_number_and_date() -> None:
    with pytest.raises(ValidationError, match="номер и дату доверенности"):
        Signer.model_validate(
            {"person": person(), "position": "и.о. директора", "authority": "доверенность"}
        )
    signer = Signer.model_validate(
        {
            "person": person(),
            "position": "исполняющий обязанности директора",
            "authority": "доверенность",
            "attorney_number": 7,
            "attorney_date": "01.09.2026",
        }
    )
    assert signer.authority is Authority.POWER_OF_ATTORNEY
    assert signer.authority_genitive == "доверенности №\u00a07 от 01.09.2026"


def test_charter_signer_rejects_stray_attorney_number() -> None:
    with pytest.raises(ValidationError, match="основание — устав"):
        Signer.model_validate({"person": person(), "position": "директор", "attorney_number": "1"})
    signer = Signer.model_validate({"person": person(), "position": "директор"})
    assert signer.authority_genitive == "Устава"


def test_organisation_needs_kpp_and_13_digit_ogrn() -> None:
    with pytest.raises(ValidationError, match="должен быть указан КПП"):
        Requisites.model_validate({**ORG_REQUISITES, "kpp": None})
    with pytest.raises(ValidationError, match="ОГРН состоит из 13 цифр"):
        Requisites.model_validate({**ORG_REQUISITES, "ogrn": "304500116000157"})


def test_sole_trader_has_ogrnip_and_no_kpp() -> None:
    trader = {**ORG_REQUISITES, "inn": "500100732259", "ogrn": "304500116000157", "kpp": None}
    assert Requisites.model_validate(trader).kpp is None
    with pytest.raises(ValidationError, match="нет КПП"):
        Requisites.model_validate({**trader, "kpp": "220401001"})


def test_requisites_keep_leading_zeros_and_strip_spaces() -> None:
    req = Requisites.model_validate({**ORG_REQUISITES, "inn": "2204 021 669", "oktmo": "01705000"})
    assert req.inn == "2204021669"
    assert req.oktmo == "01705000"


def test_bank_details_check_accounts_against_bik() -> None:
    bank = {
        "bank_name": "ОТДЕЛЕНИЕ БАРНАУЛ БАНКА РОССИИ//УФК по Алтайскому краю",
        "bik": "010173001",
        "account": "03234643017050001700",
        "correspondent_account": "40102810045370000009",
    }
    assert BankDetails.model_validate(bank).correspondent_account == "40102810045370000009"
    with pytest.raises(ValidationError, match="40102810045370000008"):
        BankDetails.model_validate({**bank, "correspondent_account": "40102810045370000008"})


def test_partner_defaults_come_from_its_type() -> None:
    partner = Partner.model_validate(partner_data())
    assert partner.type is PartnerType.MUSEUM
    assert partner.label == "Музей"
    assert partner.directions == [], "the directions come from the clause library when empty"


def test_partner_type_accepts_any_letter_case_and_yo() -> None:
    assert PartnerType("сми") is PartnerType.MEDIA
    assert PartnerType("Спортивная  школа") is PartnerType.SPORTS_SCHOOL
    assert CooperationForm("Благотворительность, шефство") is CooperationForm.CHARITY


def test_every_partner_type_has_a_title_and_a_label() -> None:
    assert len(PartnerType) == 13
    for kind in PartnerType:
        assert kind.group_title and kind.label


def test_the_seed_lists_fifteen_forms_of_cooperation() -> None:
    assert len(CooperationForm) == 15


def test_agreement_defaults_are_an_unpaid_open_ended_contract() -> None:
    agreement = Agreement.model_validate(agreement_data())
    assert agreement.date == dt.date(2026, 9, 1)
    assert agreement.kind.value == "договор"
    assert agreement.financial.paid is False
    assert agreement.term.end is None
    assert agreement.personal_data is True


def test_agreement_term_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValidationError, match="заканчивается"):
        Agreement.model_validate(agreement_data(term={"start": "2026-09-01", "end": "2026-08-01"}))
    with pytest.raises(ValidationError, match="раньше даты договора"):
        Agreement.model_validate(agreement_data(term={"end": "2026-08-01"}))


def test_prolongation_needs_an_end_date() -> None:
    with pytest.raises(ValidationError, match="пролонгация"):
        Agreement.model_validate(agreement_data(term={"auto_prolongation": True}))


def test_paid_agreement_needs_a_positive_amount() -> None:
    with pytest.raises(ValidationError, match="сумму больше нуля"):
        Agreement.model_validate(agreement_data(financial={"paid": True}))
    with pytest.raises(ValidationError, match="безвозмездный"):
        Agreement.model_validate(agreement_data(financial={"amount": "100"}))
    paid = Agreement.model_validate(agreement_data(financial={"paid": True, "amount": "1500.50"}))
    assert paid.financial.amount == Decimal("1500.50")


def test_impossible_russian_date_is_rejected() -> None:
    with pytest.raises(ValidationError, match="такой даты нет"):
        Agreement.model_validate(agreement_data(date="31.02.2026"))


def test_unknown_key_is_rejected() -> None:
    with pytest.raises(ValidationError, match="extra"):
        Agreement.model_validate(agreement_data(numbr="1"))


def _all_models() -> set[type[Any]]:
    from pydantic import BaseModel

    from docgen.models import MODELS
    from docgen.sources.problems import model_at

    found: set[type[Any]] = set()
    pending: list[type[BaseModel]] = list(MODELS.values())
    while pending:
        model = pending.pop()
        if model in found:
            continue
        found.add(model)
        for name in model.model_fields:
            inner = model_at(model, (name,))
            if inner is not None:
                pending.append(inner)
    return found


def test_every_field_has_a_russian_title_and_a_description() -> None:
    models = _all_models()
    assert len(models) >= 10
    for model in models:
        for name, info in model.model_fields.items():
            assert info.title and any("а" <= ch <= "я" for ch in info.title.lower()), (
                model.__name__,
                name,
            )
            assert info.description, (model.__name__, name)


def test_person_may_be_written_as_one_string() -> None:
    p = Person.model_validate("Мамедов Эльдар Рашид оглы")
    assert (p.last_name, p.first_name, p.middle_name) == ("Мамедов", "Эльдар", "Рашид оглы")
    assert Person.model_validate("Цой Виктор").middle_name is None
    with pytest.raises(ValidationError, match="ФИО полностью"):
        Person.model_validate("Цой")
