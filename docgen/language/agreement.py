"""Choose agreement words: именуемое/-ая/-ый, действующего/-ей, посвящённого/-ой/-ых, 5 лет.

Each word agrees with something in the data: the head noun of an organisation's full name,
the signer's gender, the event noun, or a number.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from docgen.language.morph import CASE_GRAMMEMES, check_case, parse, restore_spelling
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

# pymorphy3 agrees these nouns with numbers wrongly («5 годов», «5 людей»): their counted
# plural forms by case are given here (after a number «человек» keeps its own plural).
_COUNTED_PLURALS = {
    "год": {"gent": "лет"},
    "человек": {"gent": "человек", "datv": "человекам", "ablt": "человеками", "loct": "человеках"},
}


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


def _counted(word: str, found: Any, grammemes: set[str]) -> str:
    """Return ``word`` inflected to ``grammemes``, with the counted plurals of «год», «человек»."""
    case = next((grammeme for grammeme in grammemes if grammeme in _CASE_OF_GRAMMEME), None)
    counted = _COUNTED_PLURALS.get(found.normal_form, {})
    if "plur" in grammemes and case in counted:
        return restore_spelling(word, counted[case])
    return inflect_word(word, found, grammemes)


_CASE_OF_GRAMMEME = frozenset(CASE_GRAMMEMES.values())


def _oblique_grammemes(number: int, grammeme: str, head: Any) -> set[str] | None:
    """Return the grammemes of a noun counted by ``number`` in an oblique case (None: as after 1).

    «21 участника», «3 участников» (genitive); «21 участнику», «3 участникам» (dative). In the
    accusative an inanimate noun after 2 and more takes its nominative count form («3
    мероприятия»), an animate one the genitive plural («пригласить 3 участников»).
    """
    singular = number % 10 == 1 and number % 100 != 11
    if singular:
        return {grammeme, "sing"}
    if grammeme == "accs":
        return {"gent", "plur"} if head.tag.animacy == "anim" else None
    return {grammeme, "plur"}


@lru_cache(maxsize=16384)
def agree_with_number(number: int, noun: str, case: str = "nominative") -> str:
    """Return ``noun`` in the form a count of ``number`` needs: (3, «педагог») → «педагога».

    The head of a phrase agrees and the rest stays: «педагог дополнительного образования»,
    «учебный год» (5 → «учебных лет»). In another ``case`` the number governs as in «за
    подготовку 21 участника» (genitive). Raises ``ValueError`` for a negative number or a
    phrase without a noun.
    """
    if number < 0:
        raise ValueError(f"число «{number}» не может быть отрицательным")
    grammeme = CASE_GRAMMEMES[check_case(case)]

    def to_count(word: str, found: Any, head: Any) -> str:
        oblique = None if grammeme == "nomn" else _oblique_grammemes(number, grammeme, head)
        if oblique is not None:
            masculine = found.tag.gender == "masc" and "sing" in oblique
            if found is not head and grammeme == "accs" and masculine:
                # Only a masculine adjective takes its noun's animacy (новый → нового участника).
                oblique = oblique | {head.tag.animacy or "inan"}
            return _counted(word, found, oblique)
        if found is not head:
            grammemes = _adjective_for_count(number, head)
            return inflect_word(word, found, grammemes) if grammemes else word
        agreed = found.make_agree_with_number(number)
        if agreed is None:
            return word
        return _counted(word, found, {agreed.tag.number, agreed.tag.case})

    agreed_phrase = rewrite_head(noun, to_count)
    if agreed_phrase is None:
        raise ValueError(f"не удалось согласовать с числом «{noun}»: нужно существительное")
    return agreed_phrase


def group_digits(number: int) -> str:
    """Return an integer with thousands separated by no-break spaces: 1234567 → «1 234 567»."""
    return f"{number:,}".replace(",", "\u00a0")


def count_with_noun(number: int, noun: str, case: str = "nominative", *, space: str = " ") -> str:
    """Return «3 педагога», «5 лет», «21 мероприятие», «12 780 человек»; «21 участника».

    Numbers of five digits and more are grouped by thousands with a no-break space. ``space``
    joins the number and the noun: a document passes a no-break space so a line never ends
    between them (the ``with_noun`` filter); messages keep a plain one.
    """
    digits = group_digits(number) if abs(number) >= 10_000 else str(number)
    return f"{digits}{space}{agree_with_number(number, noun, case)}"


def either_form(masculine: str, feminine: str) -> str:
    """Return both forms at once for an unknown gender: «Уважаемый(-ая)», «Он(-а)».

    The feminine ending follows in brackets when the forms differ only in an adjective's or a
    pronoun's ending; other pairs are written with a slash: «господин/госпожа».
    """
    common = 0
    for left, right in zip(masculine, feminine, strict=False):
        if left != right:
            break
        common += 1
    if common < 2 or masculine[common:] not in _MASCULINE_ENDINGS:
        return f"{masculine}/{feminine}"
    return f"{masculine}(-{feminine[common:]})"


_MASCULINE_ENDINGS = frozenset({"", "ый", "ий", "ой", "ого", "его", "ому", "ему", "ым", "им"})
# Plurals pymorphy3 does not build from a masculine singular.
_PLURALS = {"он": "они", "его": "их", "ему": "им", "него": "них"}


@lru_cache(maxsize=1024)
def plural_form(words: str) -> str:
    """Return a masculine singular word or phrase in the plural: «Уважаемый» → «Уважаемые».

    Raises ``ValueError`` when a word has no plural the dictionary knows.
    """
    result = []
    for word in words.split(" "):
        if word.lower() in _PLURALS:
            result.append(restore_spelling(word, _PLURALS[word.lower()]))
            continue
        found = [p for p in parse(word) if p.tag.case == "nomn" and p.tag.number == "sing"]
        plural = found[0].inflect({"plur", "nomn"}) if found else None
        if word and plural is None:
            raise ValueError(
                f"не удалось образовать множественное число от «{words}»: "
                "укажите его третьим аргументом фильтра by_gender"
            )
        result.append(restore_spelling(word, plural.word) if plural else word)
    return " ".join(result)
