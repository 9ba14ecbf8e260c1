"""Share one pymorphy3 analyser and the helpers every language module needs.

The analyser is created on first use and kept for the life of the process (creating it takes
about 70 ms and 16 MB of dictionary); ``parse`` results are cached per word, so a batch never
analyses the same word twice.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pymorphy3

Case = Literal["nominative", "genitive", "dative", "accusative", "instrumental", "prepositional"]

CASES: tuple[Case, ...] = (
    "nominative",
    "genitive",
    "dative",
    "accusative",
    "instrumental",
    "prepositional",
)

# Russian labels of the six cases, for messages and the CLI.
CASE_LABELS: dict[Case, str] = {
    "nominative": "Именительный",
    "genitive": "Родительный",
    "dative": "Дательный",
    "accusative": "Винительный",
    "instrumental": "Творительный",
    "prepositional": "Предложный",
}

# pymorphy3 (OpenCorpora) grammeme of each case.
CASE_GRAMMEMES: dict[Case, str] = {
    "nominative": "nomn",
    "genitive": "gent",
    "dative": "datv",
    "accusative": "accs",
    "instrumental": "ablt",
    "prepositional": "loct",
}


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """Return the process-wide pymorphy3 analyser, creating it on first use."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def check_case(case: str) -> Case:
    """Return ``case`` if it is one of the six case names, else raise ``ValueError``."""
    if case not in CASE_GRAMMEMES:
        names = ", ".join(CASES)
        raise ValueError(f"неизвестный падеж «{case}»: допустимы {names}")
    return case


@lru_cache(maxsize=65536)
def parse(word: str) -> tuple[Any, ...]:
    """Return all pymorphy3 parses of ``word`` (lower-cased), cached."""
    return tuple(analyzer().parse(word.lower()))


def restore_spelling(original: str, inflected: str) -> str:
    """Return ``inflected`` written like ``original``: its ё/е choice and its capitalisation.

    pymorphy3 returns lower-case words and may add ё («Семенов» → «семёнова»); a name or an
    official title must keep the letters exactly as the user wrote them. A hyphenated word is
    restored part by part.
    """
    original_parts, inflected_parts = original.split("-"), inflected.split("-")
    if len(original_parts) > 1 and len(original_parts) == len(inflected_parts):
        pairs = zip(original_parts, inflected_parts, strict=True)
        return "-".join(restore_spelling(old, new) for old, new in pairs)
    if "ё" not in original.lower():
        inflected = inflected.replace("ё", "е")
    else:
        letters = list(inflected)
        for index, (old, new) in enumerate(zip(original.lower(), inflected, strict=False)):
            if {old, new} == {"е", "ё"}:
                letters[index] = old
        inflected = "".join(letters)
    return copy_capitalisation(original, inflected)


def copy_capitalisation(original: str, word: str) -> str:
    """Return ``word`` capitalised like ``original``: ALL CAPS, Title or lower case."""
    letters = [char for char in original if char.isalpha()]
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def is_abbreviation(word: str) -> bool:
    """Tell whether ``word`` is an abbreviation left as written (МБОУ, и.о., РФ, № …)."""
    letters = [char for char in word if char.isalpha()]
    if not letters or "." in word:
        return True
    return len(letters) > 1 and all(char.isupper() for char in letters)


def has_cyrillic(word: str) -> bool:
    """Tell whether ``word`` contains a Cyrillic letter."""
    return any("а" <= char.lower() <= "я" or char in "ёЁ" for char in word)
