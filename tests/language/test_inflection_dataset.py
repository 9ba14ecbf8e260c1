"""Run every case of the labelled inflection data set and report every miss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from docgen.language import inflect_name, inflect_phrase, organisation_gender

DATASET = Path(__file__).resolve().parents[1] / "data" / "ru-inflection-cases.json"
CASES = ("genitive", "dative", "instrumental")
HEAD_GENDERS = {"masc": "m", "femn": "f", "neut": "n"}


@pytest.fixture(scope="module")
def dataset() -> dict[str, Any]:
    """Return the labelled data set, kept in the repository's tests/data."""
    data: dict[str, Any] = json.loads(DATASET.read_text(encoding="utf-8"))
    return data


def _report(kind: str, misses: list[str], total: int) -> float:
    """Print every miss of one part of the data set and return the share that was right."""
    print(f"\n{kind}: {total - len(misses)}/{total} right")
    for miss in misses:
        print(f"  MISS {miss}")
    return (total - len(misses)) / total


def test_people_forms_are_at_least_99_percent_right(dataset: dict[str, Any]) -> None:
    misses, total = [], 0
    for person in dataset["people"]:
        for case in CASES:
            total += 1
            got = inflect_name(
                person["last"], person["first"], person["middle"], case, person["gender"]
            )
            if got != person[case]:
                misses.append(f"{case}: {got!r}, expected {person[case]!r}")
    assert total == 3 * len(dataset["people"]) > 0
    assert _report("people", misses, total) >= 0.99, "\n".join(misses)


def test_people_forms_without_the_gender_come_from_the_name(dataset: dict[str, Any]) -> None:
    misses, total = [], 0
    for person in dataset["people"]:
        for case in CASES:
            total += 1
            got = inflect_name(person["last"], person["first"], person["middle"], case)
            if got != person[case]:
                misses.append(f"{case}: {got!r}, expected {person[case]!r}")
    assert _report("people, gender derived", misses, total) >= 0.99, "\n".join(misses)


@pytest.mark.parametrize("kind", ["positions", "organisations"])
def test_every_position_and_organisation_form_is_right(dataset: dict[str, Any], kind: str) -> None:
    misses, total = [], 0
    for phrase in dataset[kind]:
        for case in CASES:
            total += 1
            got = inflect_phrase(phrase["nominative"], case)
            if got != phrase[case]:
                misses.append(f"{case}: {got!r}, expected {phrase[case]!r}")
        assert inflect_phrase(phrase["nominative"], "nominative") == phrase["nominative"]
    assert total == 3 * len(dataset[kind]) > 0
    assert _report(kind, misses, total) == 1.0, "\n".join(misses)


def test_every_organisation_head_gender_is_right(dataset: dict[str, Any]) -> None:
    misses = []
    organisations = dataset["organisations"]
    for organisation in organisations:
        got = organisation_gender(organisation["nominative"])
        if got != HEAD_GENDERS[organisation["head_gender"]]:
            misses.append(f"{organisation['nominative']!r}: {got}")
    assert _report("organisation head genders", misses, len(organisations)) == 1.0, "\n".join(
        misses
    )
