"""Choose agreement words: именуемое/-ая/-ый, действующего/-ей, посвящённого/-ой/-ых, 5 лет.

Each word agrees with something in the data: the head noun of an organisation's full name,
the signer's gender, the event noun, or a number.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from docgen.language.morph import parse, restore_spelling
from docgen.language.names import Gender
from docgen.language.phrases import (
    HeadGender,
    inflect_word,
    phrase_head,
    rewrite_head,
    split_at_quote,
)

EventForm = Literal["m", "f", "n", "p"]

# Head nouns behind common abbreviations at the start of an organisation's name. Any other
# abbreviation ending in «У» stands for «учреждение», in «П» for «предприятие» (neuter).
_ABBREVIATION_GENDERS: dict[str, HeadGender] = {
    "ООО": "n",  # общество с ограниченной ответственностью
    "ОАО": "n",
    "ЗАО": "n",
    "ПАО": "n",
    "АО": "n",
    "НАО": "n",
    "ТСЖ": "n",  # товарищество
    "СНТ": "n",
    "КФХ": "n",  # крестьянское хозяйство
    "УО": "n",  # управление образования
    "ПДН": "n",  # подразделение
    "АНО": "f",  # автономная некоммерческая организация
    "НКО": "f",
    "ОО": "f",  # общественная организация
    "РОО": "f",
    "МРО": "f",  # местная религиозная организация
    "КДН": "f",  # комиссия
    "КДН и ЗП": "f",
    "ДШИ": "f",  # школа
    "СОШ": "f",
    "ООШ": "f",
    "ДЮСШ": "f",
    "СШ": "f",
    "ЦБС": "f",  # система
    "ИП": "m",  # предприниматель
    "ОМВД": "m",  # отдел
    "МО МВД": "m",  # межмуниципальный отдел
    "ОГИБДД": "m",
    "ЦЗН": "m",  # центр
    "ЦВР": "m",
    "ДДТ": "m",  # дом
    "ЦДТ": "m",
    "ДК": "m",
}

_NAMED = {"m": "именуемый", "f": "именуемая", "n": "именуемое"}
_ACTING = {"m": "действующего", "f": "действующей"}
_DEDICATED = {"m": "посвящённого", "n": "посвящённого", "f": "посвящённой", "p": "посвящённых"}
_GENDERS: dict[str, HeadGender] = {"masc": "m", "femn": "f", "neut": "n"}

# pymorphy3 agrees these nouns with numbers wrongly («5 годов», «5 людей»): the counted
# form (genitive plural) is given here.
_COUNTED_PLURALS = {"год": "лет", "человек": "человек"}


def _abbreviation_gender(left: str) -> HeadGender | None:
    """Return the gender of the noun an abbreviation at the start of a name stands for."""
    words = left.split()
    for length in range(len(words), 0, -1):
        key = " ".join(words[:length])
        if key.upper() == key and key in _ABBREVIATION_GENDERS:
            return _ABBREVIATION_GENDERS[key]
    first = words[0] if words else ""
    if first.isupper() and first.endswith(("У", "П")):
        return "n"
    return None


@lru_cache(maxsize=4096)
def organisation_gender(full_name: str) -> HeadGender:
    """Return the gender of the head noun of an organisation's name: "m", "f" or "n".

    «Муниципальное бюджетное учреждение …» → "n"; «Редакция газеты …» → "f";
    «Отдел МВД …» → "m"; «МБОУ «СОШ № 5»» → "n" (…У = учреждение). A name whose head
    cannot be found (an unknown abbreviation) counts as neuter, like most institutions.
    """
    left, _ = split_at_quote(full_name)
    from_abbreviation = _abbreviation_gender(left)
    if from_abbreviation:
        return from_abbreviation
    head = phrase_head(full_name)
    if head is None:
        return "n"
    return _GENDERS.get(head[1].tag.gender, "n")


def named_word(full_name: str) -> str:
    """Return «именуемое», «именуемая» or «именуемый» for an organisation's full name."""
    return _NAMED[organisation_gender(full_name)]


def acting_word(gender: Gender | None) -> str:
    """Return «действующего» (m), «действующей» (f) or «действующего(-ей)» (unknown)."""
    return _ACTING.get(gender or "", "действующего(-ей)")


@lru_cache(maxsize=4096)
def event_form(event: str) -> EventForm:
    """Return the gender ("m"/"f"/"n") or plural ("p") of an event noun phrase.

    The phrase is read in the nominative: «конкурс» → "m", «акция» → "f",
    «соревнования» → "p"; «городской конкурс чтецов» → "m".
    """
    head = phrase_head(event)
    if head is None:
        words = event.split()
        found = parse(words[0]) if words else ()
        if not found:
            raise ValueError(f"не удалось определить род мероприятия «{event}»")
        tag = found[0].tag
    else:
        tag = head[1].tag
    if tag.number == "plur":
        return "p"
    return _GENDERS.get(tag.gender, "m")


def dedicated_word(event: str) -> str:
    """Return «посвящённого», «посвящённой» or «посвящённых» to follow an event noun."""
    return _DEDICATED[event_form(event)]


def _adjective_for_count(number: int, head: Any) -> set[str] | None:
    """Return the grammemes of an adjective before a noun counted by ``number`` (None: keep).

    1, 21 … новый педагог; 2–4 новых педагога but новые программы; 5–20 новых педагогов.
    """
    if number % 100 in range(11, 15) or number % 10 not in range(1, 5):
        return {"gent", "plur"}
    if number % 10 == 1:
        return None
    return {"nomn", "plur"} if head.tag.gender == "femn" else {"gent", "plur"}


@lru_cache(maxsize=16384)
def agree_with_number(number: int, noun: str) -> str:
    """Return ``noun`` in the form a count of ``number`` needs: (3, «педагог») → «педагога».

    The head of a phrase agrees and the rest stays: «педагог дополнительного образования»,
    «учебный год» (5 → «учебных лет»). Raises ``ValueError`` for a negative number or a
    phrase without a noun.
    """
    if number < 0:
        raise ValueError(f"число «{number}» не может быть отрицательным")

    def to_count(word: str, found: Any, head: Any) -> str:
        if found is not head:
            grammemes = _adjective_for_count(number, head)
            return inflect_word(word, found, grammemes) if grammemes else word
        agreed = found.make_agree_with_number(number)
        if agreed is None:
            return word
        counted = _COUNTED_PLURALS.get(found.normal_form)
        if counted and {"gent", "plur"} <= agreed.tag.grammemes:
            return restore_spelling(word, counted)
        return inflect_word(word, found, {agreed.tag.number, agreed.tag.case})

    agreed_phrase = rewrite_head(noun, to_count)
    if agreed_phrase is None:
        raise ValueError(f"не удалось согласовать с числом «{noun}»: нужно существительное")
    return agreed_phrase


def group_digits(number: int) -> str:
    """Return an integer with thousands separated by no-break spaces: 1234567 → «1 234 567»."""
    return f"{number:,}".replace(",", "\u00a0")


def count_with_noun(number: int, noun: str) -> str:
    """Return «3 педагога», «5 лет», «21 мероприятие», «12 780 человек».

    Numbers of five digits and more are grouped by thousands with a no-break space.
    """
    digits = group_digits(number) if abs(number) >= 10_000 else str(number)
    return f"{digits} {agree_with_number(number, noun)}"
