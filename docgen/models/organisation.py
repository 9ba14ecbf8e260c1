"""Define organisations with their Russian requisites, and the centre itself."""

from __future__ import annotations

from pydantic import Field, model_validator

from docgen.models.base import CaseForms, DocModel, OptionalText, Text
from docgen.models.people import Signer
from docgen.models.requisites import (
    Bik,
    Email,
    Inn,
    Kpp,
    Ogrn,
    Okpo,
    Oktmo,
    Phone,
    validate_correspondent_account,
    validate_settlement_account,
)


class BankDetails(DocModel):
    """Bank details; for a municipal institution, the treasury accounts."""

    recipient: OptionalText = Field(
        default=None,
        title="Получатель",
        description="Для казённых и бюджетных: «Финансовое управление администрации г. …».",
    )
    personal_account: OptionalText = Field(
        default=None, title="Лицевой счёт", description="Лицевой счёт в финоргане: «20176U45980»."
    )
    bank_name: Text = Field(
        title="Банк",
        description="«ОТДЕЛЕНИЕ БАРНАУЛ БАНКА РОССИИ//УФК по Алтайскому краю г. Барнаул».",
    )
    bik: Bik = Field(title="БИК", description="9 цифр; у ТОФК начинается с 00, 01 или 02.")
    account: str = Field(
        title="Расчётный счёт",
        description="Р/с или казначейский счёт (03…), 20 цифр.",
    )
    correspondent_account: OptionalText = Field(
        default=None,
        title="Корреспондентский счёт",
        description="К/с (30101…) или единый казначейский счёт (40102…), 20 цифр.",
    )

    @model_validator(mode="after")
    def _check_accounts(self) -> BankDetails:
        self.account = validate_settlement_account(self.account, self.bik)
        if self.correspondent_account:
            self.correspondent_account = validate_correspondent_account(
                self.correspondent_account, self.bik
            )
        return self


class Requisites(DocModel):
    """Registration numbers, addresses and contacts of an organisation."""

    inn: Inn = Field(title="ИНН", description="10 цифр у организации, 12 у ИП.")
    kpp: Kpp | None = Field(
        default=None, title="КПП", description="9 знаков; у ИП нет. Пример: 222401001."
    )
    ogrn: Ogrn = Field(title="ОГРН", description="13 цифр (ОГРН) или 15 (ОГРНИП).")
    okpo: Okpo | None = Field(default=None, title="ОКПО", description="Необязательно.")
    oktmo: Oktmo | None = Field(default=None, title="ОКТМО", description="8 или 11 цифр.")
    legal_address: Text = Field(
        title="Юридический адрес", description="Индекс, регион, город, улица, дом."
    )
    postal_address: OptionalText = Field(
        default=None, title="Почтовый адрес", description="Если отличается от юридического."
    )
    phone: Phone | None = Field(
        default=None, title="Телефон", description="Как печатать: «8 (3854) 33-22-11»."
    )
    email: Email | None = Field(default=None, title="Эл. почта", description="info@цвр.рф")
    website: OptionalText = Field(default=None, title="Сайт", description="cvr-biysk.ru")
    bank: BankDetails | None = Field(
        default=None,
        title="Банковские реквизиты",
        description="Необязательно: в безвозмездных договорах их обычно не указывают.",
    )

    @model_validator(mode="after")
    def _check_entity_kind(self) -> Requisites:
        if len(self.inn) == 10:
            if len(self.ogrn) != 13:
                raise ValueError(
                    "у организации (ИНН из 10 цифр) ОГРН состоит из 13 цифр, а не из "
                    f"{len(self.ogrn)}"
                )
            if self.kpp is None:
                raise ValueError("у организации (ИНН из 10 цифр) должен быть указан КПП")
        else:
            if len(self.ogrn) != 15:
                raise ValueError(
                    "у индивидуального предпринимателя (ИНН из 12 цифр) указывается "
                    "ОГРНИП из 15 цифр"
                )
            if self.kpp is not None:
                raise ValueError("у индивидуального предпринимателя нет КПП — уберите его")
        return self


class Organisation(DocModel):
    """A legal entity: its names as in its charter and its requisites."""

    full_name: Text = Field(
        title="Полное наименование",
        description=(
            "Как в уставе, в именительном падеже: «Муниципальное бюджетное "
            "общеобразовательное учреждение «Средняя общеобразовательная школа № 5»»."
        ),
    )
    short_name: Text = Field(
        title="Сокращённое наименование", description="Как в уставе: «МБОУ «СОШ № 5»»."
    )
    name_forms: CaseForms = Field(
        default_factory=dict,
        title="Наименование в падежах (вручную)",
        description="Формы полного наименования, если автоматическое склонение ошибается.",
    )
    requisites: Requisites = Field(title="Реквизиты", description="ИНН, ОГРН, адреса, банк.")

    def __str__(self) -> str:
        return self.full_name


class Centre(DocModel):
    """Our own organisation: the centre, its director and its city."""

    organisation: Organisation = Field(title="Организация", description="Наименования, реквизиты.")
    director: Signer = Field(
        title="Руководитель", description="Кто подписывает документы центра по умолчанию."
    )
    city: Text = Field(title="Город", description="Как в шапке договора: «г. Бийск».")
    label: Text = Field(
        default="Центр",
        title="Как называть в договоре",
        description="«именуемое в дальнейшем «Центр»».",
    )
