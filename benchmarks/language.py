"""Print how long the language layer takes per full name and per organisation name.

Cold: every result cache cleared before each call, the analysers already loaded (they load
once per process; that one-off cost is printed separately). Cached: the same call again.
Run: ``python benchmarks/language.py``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docgen.language import clear_caches, inflect_name, inflect_phrase, organisation_gender
from docgen.language.declension import decline_person
from docgen.language.filters import FILTERS
from docgen.language.morph import CASES, analyzer

DATASET = Path(__file__).resolve().parents[1] / "tests" / "data" / "ru-inflection-cases.json"
ROUNDS = 20


def microseconds(calls: list[Callable[[], object]], cold: bool) -> float:
    """Return the mean time of one call in µs; clear caches before each call when ``cold``."""
    total, count = 0, 0
    if not cold:
        for call in calls:
            call()  # fill the caches first
    for _ in range(ROUNDS):
        for call in calls:
            if cold:
                clear_caches()
            start = time.perf_counter_ns()
            call()
            total += time.perf_counter_ns() - start
            count += 1
    return total / count / 1000


def measured_calls(data: dict[str, Any]) -> list[tuple[str, list[Callable[[], object]]]]:
    """Return the rows of the table: a label and the calls to time."""
    people = data["people"]
    organisations = [item["nominative"] for item in data["organisations"]]
    positions = [item["nominative"] for item in data["positions"]]
    typed = [f"{p['last']} {p['first']} {p['middle']}" for p in people]
    return [
        (
            "full name, one case (genitive)",
            [
                lambda p=p: inflect_name(p["last"], p["first"], p["middle"], "genitive")
                for p in people
            ],
        ),
        (
            "full name, six cases + short forms",
            [lambda p=p: decline_person(f"{p['last']} {p['first']} {p['middle']}") for p in people],
        ),
        (
            "organisation name, one case (genitive)",
            [lambda o=o: inflect_phrase(o, "genitive") for o in organisations],
        ),
        (
            "organisation name, six cases + gender",
            [
                lambda o=o: ([inflect_phrase(o, c) for c in CASES], organisation_gender(o))
                for o in organisations
            ],
        ),
        (
            "position, one case (genitive)",
            [lambda s=s: inflect_phrase(s, "genitive") for s in positions],
        ),
        (
            "name as plain text, genitive filter",
            [lambda t=text: FILTERS["genitive"](t) for text in typed],
        ),
        (
            "«директор» + name as text, genitive",
            [lambda t=text: FILTERS["genitive"](f"директор {t}") for text in typed],
        ),
        (
            "organisation as plain text, genitive",
            [lambda o=o: FILTERS["genitive"](o) for o in organisations],
        ),
    ]


def main() -> None:
    """Measure and print the table."""
    data = json.loads(DATASET.read_text(encoding="utf-8"))
    start = time.perf_counter()
    analyzer()
    inflect_name("Петрова", "Мария", "Сергеевна", "genitive")
    load_ms = (time.perf_counter() - start) * 1000
    sizes = ", ".join(
        f"{len(data[kind])} {kind}" for kind in ("people", "organisations", "positions")
    )
    print(f"analysers loaded once per process: {load_ms:.0f} ms")
    print(f"{sizes}, {ROUNDS} rounds")
    print()
    print(f"| {'what':<40} | {'cold, µs':>10} | {'cached, µs':>10} |")
    print(f"|{'-' * 42}|{'-' * 11}:|{'-' * 11}:|")
    for label, calls in measured_calls(data):
        cold = microseconds(calls, cold=True)
        cached = microseconds(calls, cold=False)
        print(f"| {label:<40} | {cold:>10.1f} | {cached:>10.2f} |")


if __name__ == "__main__":
    main()
