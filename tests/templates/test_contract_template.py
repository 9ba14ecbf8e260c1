"""The contract template: each sample agreement reads as a signable договор or соглашение."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from docgen.models import Agreement

NBSP = " "  # Rendered reads typography's no-break spaces as spaces (conftest.plain)
CENTRE_PARTY = (
    "Муниципальное бюджетное учреждение дополнительного образования «Центр внешкольной "
    "работы» (МБУ ДО «ЦВР»), именуемое в дальнейшем «Центр», в лице директора Соколовой "
    "Ирины Владимировны, действующей на основании Устава, с одной стороны, и "
)

# file, partner's words in the preamble, signature, title of the document
AGREEMENTS = [
    (
        "2026-001-school-5.yaml",
        "именуемое в дальнейшем «Школа», в лице директора Петровой Марии Сергеевны, "
        "действующей на основании Устава, с другой стороны",
        f"/М.С.{NBSP}Петрова/",
        f"ДОГОВОР №{NBSP}СП-2026/001",
    ),
    (
        "2026-002-museum.yaml",
        "именуемое в дальнейшем «Музей», в лице директора Черных Андрея Петровича, "
        "действующего на основании Устава, с другой стороны",
        f"/А.П.{NBSP}Черных/",
        f"ДОГОВОР №{NBSP}СП-2026/002",
    ),
    (
        "2026-003-sports-school.yaml",
        "в лице исполняющего обязанности директора Ковальчука Дмитрия Олеговича, "
        f"действующего на основании доверенности №{NBSP}7 от 03.08.2026, с другой стороны",
        f"/Д.О.{NBSP}Ковальчук/",
        f"ДОГОВОР №{NBSP}СП-2026/003",
    ),
    (
        "2026-004-library.yaml",
        "именуемое в дальнейшем «Библиотека», в лице директора Лебедь Ольги Викторовны, "
        "действующей на основании Устава, с другой стороны",
        f"/О.В.{NBSP}Лебедь/",
        f"СОГЛАШЕНИЕ №{NBSP}СП-2026/004",
    ),
    (
        "2026-005-newspaper.yaml",
        "в лице главного редактора Гусева Константина Андреевича, действующего на основании "
        "Устава, с другой стороны",
        f"/К.А.{NBSP}Гусев/",
        f"ДОГОВОР №{NBSP}СП-2026/005",
    ),
]

Render = Callable[[str, Any], Any]


def _agreement(sample: Callable[..., Any], name: str, **changes: Any) -> Agreement:
    agreement = sample(f"contracts/{name}", Agreement, **changes)
    assert isinstance(agreement, Agreement)
    return agreement


@pytest.mark.parametrize(("name", "partner_words", "signature", "title"), AGREEMENTS)
def test_preamble_names_both_parties_in_the_right_cases(
    render: Render,
    sample: Callable[..., Any],
    name: str,
    partner_words: str,
    signature: str,
    title: str,
) -> None:
    agreement = _agreement(sample, name)
    document = render("contract", agreement)
    preamble = next(p for p in document.paragraphs if p.startswith("Муниципальное"))
    assert preamble.startswith(CENTRE_PARTY)
    assert partner_words in preamble
    assert document.paragraphs[0] == title
    assert signature in document.text
    assert f"/И.В.{NBSP}Соколова/" in document.text


@pytest.mark.parametrize("name", [row[0] for row in AGREEMENTS])
def test_title_has_both_organisations_in_the_instrumental(
    render: Render, sample: Callable[..., Any], name: str
) -> None:
    agreement = _agreement(sample, name)
    title = render("contract", agreement).paragraphs[2]
    assert title.startswith(
        "между Муниципальным бюджетным учреждением дополнительного образования "
        "«Центр внешкольной работы» и Муниципальн"
    )
    partner = agreement.partner.organisation.full_name
    quoted = partner[partner.index("«") :].replace("№ ", f"№{NBSP}")
    assert title.endswith(quoted), "the quoted part of the partner's name never changes"


def test_school_contract_sections_term_and_appendix(
    render: Render, sample: Callable[..., Any]
) -> None:
    document = render("contract", _agreement(sample, "2026-001-school-5.yaml"))
    assert document.paragraphs[3] == f"г. Бийск\t«24» августа 2026{NBSP}г."
    assert document.headings == [
        "1. Предмет Договора",
        "2. Права и обязанности Сторон",
        "3. Порядок взаимодействия Сторон",
        "4. Финансовые условия",
        "5. Ответственность Сторон",
        "6. Срок действия Договора",
        "7. Порядок изменения и прекращения Договора",
        "8. Порядок разрешения споров",
        "9. Персональные данные",
        "10. Прочие условия",
        "11. Адреса, реквизиты и подписи Сторон",
    ]
    text = document.text
    # the contract's own obligations replace the library's, capitalised after the number
    assert "2.1.4. Проводить для обучающихся «Школы» городские конкурсы, выставки" in text
    assert "2.3. Стороны обязуются совместно:" in document.paragraphs
    assert "2.3.2. Информировать родителей (законных представителей) обучающихся" in text
    assert (
        f"6.1. Настоящий Договор вступает в силу с 1 сентября 2026{NBSP}г. и действует по "
        f"31 августа 2027{NBSP}г. включительно." in text
    )
    assert "не позднее чем за 30 дней до окончания срока действия настоящего Договора" in text
    assert "4.1. Настоящий Договор не предусматривает финансовых обязательств Сторон." in text
    assert "10.1. Настоящий Договор подписывается в двух экземплярах" in text
    assert "Воронина Елена Андреевна, заместитель директора по воспитательной работе" in text
    assert "План совместных мероприятий" in document.paragraphs
    assert "на 2026–2027 учебный год" in document.paragraphs, "signed in August for next year"
    plan = document.tables[-2]
    assert plan[0] == [
        "№\nп/п",
        "Мероприятие",
        "Форма",
        "Сроки",
        "Место проведения",
        "Ответственный",
    ]
    assert [row[0] for row in plan[1:]] == ["1", "2", "3", "4"]
    assert plan[3][1:4] == [
        "Новогоднее театрализованное представление для 1–4 классов",
        "игровая программа",
        "24.12.2026",
    ]


def test_agreement_words_switch_to_soglashenie(render: Render, sample: Callable[..., Any]) -> None:
    document = render("contract", _agreement(sample, "2026-004-library.yaml"))
    text = document.text
    assert "заключили настоящее Соглашение о нижеследующем:" in text
    assert "1.1. Предметом настоящего Соглашения является социальное партнёрство Сторон" in text
    assert (
        "6.1. Настоящее Соглашение вступает в силу с момента его подписания Сторонами и "
        "действует бессрочно." in text
    )
    assert "Во всём, что не предусмотрено настоящим Соглашением" in text
    assert "Персональные данные" not in document.headings[8]
    assert document.headings[8:] == ["9. Прочие условия", "10. Адреса, реквизиты и подписи Сторон"]
    assert "Договор" not in text.replace("договоров", "")


def test_requisites_side_by_side_with_bank_details_and_stamp(
    render: Render, sample: Callable[..., Any]
) -> None:
    document = render("contract", _agreement(sample, "2026-002-museum.yaml"))
    requisites = next(t for t in document.tables if t[0] == ["«Центр»", "«Музей»"])
    centre, partner = requisites[1]
    assert "ИНН 2204015263 / КПП 220401001" in centre
    assert "Казначейский счёт 03234643017050001700" in centre
    assert "ЕКС 40102810045370000009" in centre
    assert "ИНН 2204030991 / КПП 220401001" in partner
    assert "Сайт: nasledie-biysk.ru" in partner
    assert "Получатель: Финансовое управление Администрации г. Бийска (МБУК" in partner
    assert "БИК 010173001" in partner and "Казначейский счёт 03234643017050001700" in partner
    centre_sign, partner_sign = requisites[2]
    assert centre_sign.splitlines()[1:] == ["Директор", "", f"_______________ /И.В.{NBSP}Соколова/",
                                            "М.П."]  # fmt: skip
    assert partner_sign.endswith(f"/А.П.{NBSP}Черных/\nМ.П.")


def test_paid_contract_writes_the_sum_in_words(render: Render, sample: Callable[..., Any]) -> None:
    agreement = _agreement(
        sample, "2026-003-sports-school.yaml", financial={"paid": True, "amount": "15000.50"}
    )
    text = render("contract", agreement).text
    assert (
        f"4.1. Цена настоящего Договора составляет 15{NBSP}000 (пятнадцать тысяч) рублей "
        "50 копеек." in text
    )
    assert "безвозмездной" not in text


def test_empty_lists_take_the_library_clauses_and_drop_the_appendix(
    render: Render, sample: Callable[..., Any]
) -> None:
    agreement = _agreement(
        sample, "2026-002-museum.yaml", obligations={}, activities=[], forms=[], copies=3
    )
    document = render("contract", agreement)
    text = document.text
    assert "2.1.1. Организовывать посещение экспозиций «Музея» группами обучающихся" in text
    assert "2.2.1. Проводить для обучающихся «Центра» музейные уроки" in text
    assert "2.3.1. Согласовывать план мероприятий на учебный год" in text
    assert not any(p.startswith("1.3.") for p in document.paragraphs)
    assert "Приложение" not in text
    assert "подписывается в трёх экземплярах, имеющих одинаковую юридическую силу." in text
    assert len(document.tables) == 1, "only the requisites table remains"
