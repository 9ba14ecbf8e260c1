"""The clause library: YAML validated on load, chosen by partner type and forms, overridable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from docgen.catalog import CLAUSES_DIR, clause_library, load_centre
from docgen.clauses import contract_clauses, load_clause_library
from docgen.errors import InputError
from docgen.models import Agreement, Centre
from docgen.models.clauses import MIN_TYPE_DUTIES, PartnerTypeClauses
from docgen.models.partners import CooperationForm, PartnerType
from docgen.sources import load_model

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def centre() -> Centre:
    return load_centre(REPO / "samples" / "centre.yaml")


def museum(**changes: object) -> Agreement:
    agreement = load_model(REPO / "contracts" / "2026-002-museum.yaml", Agreement)
    return Agreement.model_validate({**agreement.model_dump(), **changes})


def test_the_library_covers_every_partner_type_and_form() -> None:
    library = clause_library()
    assert set(library.types) == set(PartnerType)
    assert set(library.forms) == set(CooperationForm)
    for clauses in library.types.values():
        assert len(clauses.centre) >= MIN_TYPE_DUTIES and len(clauses.partner) >= MIN_TYPE_DUTIES
        assert not set(clauses.centre) & set(clauses.partner), clauses.type
    assert library.forms[CooperationForm.CONTRACTS].wording is None
    assert library.forms[CooperationForm.AGREEMENTS].wording is None


def test_each_partner_type_has_its_own_obligations() -> None:
    library = clause_library()
    for kind, clauses in library.types.items():
        others = {
            text
            for other, theirs in library.types.items()
            if other is not kind
            for text in (*theirs.centre, *theirs.partner)
        }
        assert not set(clauses.centre) & others, kind
        assert not set(clauses.partner) & others, kind


def test_placeholders_become_the_labels_in_their_cases(centre: Centre) -> None:
    clauses = contract_clauses(museum(obligations={}), centre, clause_library())
    assert clauses.centre[0] == (
        "организовывать посещение экспозиций «Музея» группами обучающихся в сопровождении педагогов"
    )
    assert "проводить для обучающихся «Центра» музейные уроки" in clauses.partner[0]
    assert not any("{" in text for text in (*clauses.centre, *clauses.partner, *clauses.joint))


def test_a_label_given_in_the_data_is_declined_in_the_clauses(centre: Centre) -> None:
    agreement = museum()
    agreement.partner.label = "Учреждение культуры"
    clauses = contract_clauses(agreement, centre, clause_library())
    assert "экспозиций «Учреждения культуры»" in clauses.centre[0]


def test_forms_add_their_obligations_and_contracts_are_no_form(centre: Centre) -> None:
    plain = contract_clauses(museum(forms=[]), centre, clause_library())
    forms = ["договоры", "мастер-классы", "совместная работа в комиссиях и жюри"]
    rich = contract_clauses(museum(forms=forms), centre, clause_library())
    assert plain.forms == []
    assert rich.forms == [
        "мастер-классы педагогов и специалистов Сторон",
        "работа представителей Сторон в комиссиях и жюри",
    ]
    assert rich.centre[: len(plain.centre)] == plain.centre
    assert rich.centre[-1].startswith("проводить мастер-классы педагогов дополнительного")
    assert "работников «Музея»" in rich.centre[-1]
    assert any(text.startswith("включать представителей другой Стороны") for text in rich.joint)


def test_obligations_in_the_data_replace_the_library(centre: Centre) -> None:
    own = {"centre": ["готовить {не подстановку}"], "partner": ["вести фонд"], "joint": []}
    clauses = contract_clauses(museum(obligations=own), centre, clause_library())
    assert clauses.centre == ["готовить {не подстановку}"], "the data's text is printed as is"
    assert clauses.partner == ["вести фонд"]
    assert clauses.joint[0].startswith("согласовывать план мероприятий на учебный год")


def test_directions_in_the_data_replace_the_library(centre: Centre) -> None:
    agreement = museum()
    agreement.partner.directions = ["Экскурсии"]
    assert contract_clauses(agreement, centre, clause_library()).directions == ["Экскурсии"]
    assert contract_clauses(museum(), centre, clause_library()).directions[0] == (
        "гражданско-патриотическое воспитание обучающихся"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("предоставлять {centr:dative} зал", "неизвестная подстановка «{centr}»"),
        ("предоставлять {centre:dativ} зал", "неизвестный падеж «dativ»"),
        ("Предоставлять зал", "начинается со строчной буквы"),
        ("предоставлять зал;", "знак в конце подпункта ставит шаблон"),
    ],
)
def test_a_bad_clause_is_refused_with_the_reason(text: str, message: str) -> None:
    data = {
        "type": "музей",
        "directions": ["первое", "второе"],
        "centre": [text, "б", "в"],
        "partner": ["г", "д", "е"],
    }
    with pytest.raises(ValidationError, match=message):
        PartnerTypeClauses.model_validate(data)


def test_directions_take_no_placeholders_as_the_plan_prints_them() -> None:
    data = {
        "type": "музей",
        "directions": ["работа с {partner:instrumental}", "второе"],
        "centre": ["а", "б", "в"],
        "partner": ["г", "д", "е"],
    }
    with pytest.raises(ValidationError, match="без подстановок"):
        PartnerTypeClauses.model_validate(data)


def test_a_broken_library_file_is_named_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "clauses"
    shutil.copytree(CLAUSES_DIR, folder)
    path = folder / "types" / "museum.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\ncentre:", "\ncentr:"), "utf-8")
    with pytest.raises(InputError) as caught:
        load_clause_library(folder)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "строка 8: centr: неизвестный ключ «centr»; возможно, имелось в виду «centre»" in message


def test_a_missing_partner_type_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "clauses"
    shutil.copytree(CLAUSES_DIR, folder)
    (folder / "types" / "media.yaml").unlink()
    with pytest.raises(InputError, match="нет файлов с пунктами договора для типов партнёров: СМИ"):
        load_clause_library(folder)
