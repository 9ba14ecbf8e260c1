"""Decline a person's full name (ФИО) and build its short forms.

Declension uses the petrovich rules through pytrovich 0.2.0, always with a gender: given by
the caller, else taken from the patronymic (-ич/оглы/улы → male, -на/кызы/гызы → female), else
from the first name (pymorphy3 ``Name`` tag), else guessed by petrovich from every part.
pytrovich appends lower-case endings to ALL-CAPS input («ИВАНОВой»), so such a word is
declined in Title case and upper-cased again. Turkic patronymics («Рашид оглы») stay as they
are; hyphenated parts are declined part by part; ё and е stay exactly as written.

Three general rules run before petrovich, where its rules data declines by ending alone:
a woman's surname in -на other than -ина/-ына is a noun (Ворона → Вороны, not Вороной); a
man's surname in -ой that the dictionary knows only as a noun like «прибой» declines as that
noun (Прибой → Прибоя, not Прибого); a woman's first name in -ь declines like «Любовь»
(Айгуль → Айгули, which petrovich leaves unchanged).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from docgen.errors import InputError
from docgen.language.morph import Case, check_case, parse

if TYPE_CHECKING:
    from pytrovich.detector import PetrovichGenderDetector
    from pytrovich.maker import PetrovichDeclinationMaker

Gender = Literal["m", "f"]
NamePartKind = Literal["last", "first", "middle"]

NBSP = "\u00a0"

_MALE_PATRONYMIC_WORDS = ("оглы", "улы", "уулу")
_FEMALE_PATRONYMIC_WORDS = ("кызы", "гызы", "кизи")
_TURKIC_PATRONYMIC = re.compile(
    r"[\s-](" + "|".join(_MALE_PATRONYMIC_WORDS + _FEMALE_PATRONYMIC_WORDS) + r")$"
)
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
# A first name's gender counts when this share of its dictionary parses agree.
_NAME_GENDER_CONFIDENCE = 0.75
# Endings of a feminine noun in -а after н (Ворона → Вороны, Вороне, Ворону, Вороной, Вороне).
_NOUN_ENDINGS: dict[Case, str] = {
    "nominative": "а",
    "genitive": "ы",
    "dative": "е",
    "accusative": "у",
    "instrumental": "ой",
    "prepositional": "е",
}
# Endings of a masculine noun in -й (Прибой → Прибоя, Прибою, Прибоя, Прибоем, Прибое).
_SOFT_NOUN_ENDINGS: dict[Case, str] = {
    "nominative": "й",
    "genitive": "я",
    "dative": "ю",
    "accusative": "я",
    "instrumental": "ем",
    "prepositional": "е",
}
# Endings of a woman's name in -ь (Нинель → Нинели, Нинели, Нинель, Нинелью, Нинели).
_SOFT_SIGN_ENDINGS: dict[Case, str] = {
    "nominative": "ь",
    "genitive": "и",
    "dative": "и",
    "accusative": "ь",
    "instrumental": "ью",
    "prepositional": "и",
}


@cache
def _maker() -> PetrovichDeclinationMaker:
    """Return the process-wide petrovich declension maker."""
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


@cache
def _detector() -> PetrovichGenderDetector:
    """Return the process-wide petrovich gender detector."""
    from pytrovich.detector import PetrovichGenderDetector

    return PetrovichGenderDetector()


def gender_from_patronymic(middle: str | None) -> Gender | None:
    """Return the gender a patronymic shows (-ич/оглы/улы → m, -на/кызы/гызы → f), or None."""
    if not middle:
        return None
    word = middle.strip().lower()
    if word.endswith(("ич", *_MALE_PATRONYMIC_WORDS)):
        return "m"
    if word.endswith(("на", *_FEMALE_PATRONYMIC_WORDS)):
        return "f"
    return None


@lru_cache(maxsize=4096)
def gender_from_first_name(first: str) -> Gender | None:
    """Return the gender of a first name from its pymorphy3 ``Name`` parses, or None.

    Androgynous names (Саша, Женя) and names the dictionary does not know give None.
    """
    weights = {"masc": 0.0, "femn": 0.0}
    total = 0.0
    for piece in first.split("-"):
        for candidate in parse(piece):
            if "Name" not in candidate.tag or "nomn" not in candidate.tag:
                continue
            total += candidate.score
            if candidate.tag.gender in weights:
                weights[candidate.tag.gender] += candidate.score
    if total == 0:
        return None
    if weights["masc"] / total >= _NAME_GENDER_CONFIDENCE:
        return "m"
    if weights["femn"] / total >= _NAME_GENDER_CONFIDENCE:
        return "f"
    return None


def person_gender(first: str, middle: str | None) -> Gender | None:
    """Return a person's gender from the patronymic, else the first name, else None."""
    return gender_from_patronymic(middle) or gender_from_first_name(first)


def gender_from_surname(last: str) -> Gender | None:
    """Return the gender a Russian surname's suffix shows (-ова/-ина/-ая → f), or None.

    Only the possessive and adjectival suffixes tell: Петрова, Ильина, Белая, Достоевская are
    women's, Петров, Ильин, Толстой, Достоевский men's; Ким, Глинка, Черных tell nothing.
    """
    word = last.strip().lower().split("-")[-1]
    if len(word) < 4:
        return None
    if word.endswith(_FEMALE_SURNAME_SUFFIXES):
        return "f"
    if word.endswith(_MALE_SURNAME_SUFFIXES) or (len(word) > 4 and word.endswith("ой")):
        return "m"
    return None


_FEMALE_SURNAME_SUFFIXES = ("ова", "ева", "ёва", "ина", "ына", "ая")
_MALE_SURNAME_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын", "ий", "ый")
_GENDER_WORDS = {"m": "мужское", "f": "женское"}


def gender_conflict(first: str, middle: str | None, gender: Gender | None = None) -> str | None:
    """Return a Russian warning when the signals of a person's gender disagree, else None.

    The signals are the gender given in the data, the patronymic and the first name; an
    androgynous or unknown first name (Саша, Женя) disagrees with nothing. The declension
    follows the given gender, else the patronymic (see :func:`person_gender`).
    """
    by_middle = gender_from_patronymic(middle)
    by_first = gender_from_first_name(first.strip()) if first.strip() else None
    if by_middle and by_first and by_middle != by_first:
        return (
            f"имя «{first}» {_GENDER_WORDS[by_first]}, а отчество «{middle}» — "
            f"{_GENDER_WORDS[by_middle]}: проверьте ФИО; склоняется по отчеству"
        )
    signal = by_middle or by_first
    if gender and signal and gender != signal:
        source = f"отчество «{middle}»" if by_middle else f"имя «{first}»"
        given = "мужской" if gender == "m" else "женский"
        return (
            f"указан {given} пол, а {source} — {_GENDER_WORDS[signal]}: проверьте пол или ФИО; "
            "склоняется по указанному полу"
        )
    return None


@lru_cache(maxsize=4096)
def _guess_gender(last: str, first: str, middle: str | None) -> Gender | None:
    """Return petrovich's guess of the gender from all parts (surname included), or None."""
    from pytrovich.enums import Gender as PetrovichGender

    found = _detector().detect(  # type: ignore[no-untyped-call]
        firstname=first, lastname=last, middlename=middle or None
    )
    genders: dict[PetrovichGender, Gender] = {
        PetrovichGender.MALE: "m",
        PetrovichGender.FEMALE: "f",
    }
    return genders.get(found)


def _is_all_caps(word: str) -> bool:
    """Tell whether every letter of ``word`` is upper-case (and it has more than one)."""
    letters = [char for char in word if char.isalpha()]
    return len(letters) > 1 and all(char.isupper() for char in letters)


@lru_cache(maxsize=65536)
def inflect_name_word(word: str, kind: NamePartKind, case: Case, gender: Gender | None) -> str:
    """Return one word of a name (surname, first name or patronymic) in ``case``.

    ``gender`` None means unknown: petrovich then uses its androgynous rules. An ALL-CAPS
    word is declined in Title case and upper-cased again (pytrovich appends lower case).
    """
    if case == "nominative":
        return word
    caps = _is_all_caps(word)
    pieces = [piece.capitalize() if caps else piece for piece in word.split("-")]
    # As in petrovich, a given gender binds only the last part of a hyphenated name.
    result = "-".join(
        _inflect_piece(piece, kind, case, gender, known=index == len(pieces) - 1)
        for index, piece in enumerate(pieces)
    )
    return result.upper() if caps else result


def _inflect_piece(
    piece: str, kind: NamePartKind, case: Case, gender: Gender | None, known: bool
) -> str:
    """Return one hyphen-free part of a name in ``case``: our rules first, then petrovich."""
    from pytrovich.enums import Case as PetrovichCase
    from pytrovich.enums import Gender as PetrovichGender
    from pytrovich.enums import NamePart

    if kind == "last" and gender == "f" and _is_noun_type_feminine(piece):
        return piece[:-1] + _NOUN_ENDINGS[case]
    if kind == "last" and gender == "m" and _is_noun_in_oy(piece):
        return piece[:-1] + _SOFT_NOUN_ENDINGS[case]
    if kind == "first" and gender == "f" and piece.lower().endswith("ь"):
        # Women's names in -ь decline like «Любовь»: Айгуль → Айгули, Ассоль → Ассолью
        # (petrovich leaves those in -ль undeclined).
        return piece[:-1] + _SOFT_SIGN_ENDINGS[case]
    part = {"last": NamePart.LASTNAME, "first": NamePart.FIRSTNAME, "middle": NamePart.MIDDLENAME}
    sex = {
        "m": PetrovichGender.MALE,
        "f": PetrovichGender.FEMALE,
        None: PetrovichGender.ANDROGYNOUS,
    }
    return _maker().make(
        part[kind], sex[gender], PetrovichCase[case.upper()], piece, known and gender is not None
    )


def _is_noun_in_oy(surname: str) -> bool:
    """Tell whether a man's surname in -ой is a plain noun (Прибой → Прибоя, Герой → Героя).

    petrovich declines every -ой surname like an adjective (Толстой → Толстого), which is
    wrong for a word the dictionary knows only as a noun that declines like «прибой».
    """
    word = surname.lower()
    if not word.endswith("ой"):
        return False
    readings = [p for p in parse(word) if p.tag.case == "nomn"]
    if any(p.tag.POS == "ADJF" or "Surn" in p.tag for p in readings):
        return False
    for reading in readings:
        tag = reading.tag
        if tag.POS == "NOUN" and tag.gender == "masc" and tag.number == "sing":
            # «портной», «городовой» are nouns with adjective endings: petrovich is right.
            genitive = reading.inflect({"gent"})
            return bool(genitive and genitive.word.endswith("оя"))
    return False


def _is_noun_type_feminine(surname: str) -> bool:
    """Tell whether a woman's surname in -на declines as a noun (Ворона → Вороны).

    petrovich declines every woman's surname in -на like an adjective (-ой), which is right
    only for the possessive suffixes -ина/-ына (Кузьмина → Кузьминой); «Ворона», «Весна»,
    «Сметана» are nouns and take noun endings.
    """
    word = surname.lower()
    return word.endswith("на") and not word.endswith(("ина", "ына")) and len(word) > 3


def _inflect_part(text: str, kind: NamePartKind, case: Case, gender: Gender | None) -> str:
    """Return a name part (possibly several words) in ``case``, word by word."""
    if kind == "middle" and _TURKIC_PATRONYMIC.search(text.lower()):
        return text  # «Рашид оглы», «Расим кызы» do not decline
    return " ".join(inflect_name_word(word, kind, case, gender) for word in text.split())


def _declension_gender(
    last: str, first: str, middle: str | None, gender: Gender | None
) -> Gender | None:
    """Return the gender to decline with: given, from the name, else petrovich's guess."""
    return gender or person_gender(first, middle) or _guess_gender(last, first, middle)


@lru_cache(maxsize=16384)
def inflect_name_parts(
    last: str, first: str, middle: str | None, case: str, gender: Gender | None = None
) -> tuple[str, str, str | None]:
    """Return (surname, first name, patronymic) declined in ``case``."""
    checked = check_case(case)
    sex = _declension_gender(last, first, middle, gender)
    return (
        _inflect_part(last, "last", checked, sex),
        _inflect_part(first, "first", checked, sex),
        _inflect_part(middle, "middle", checked, sex) if middle else None,
    )


def inflect_name(
    last: str, first: str, middle: str | None, case: str, gender: Gender | None = None
) -> str:
    """Return the full name «Фамилия Имя Отчество» in ``case`` (one of the six case names).

    ``gender`` ("m"/"f") should be passed when known; None derives it from the name.
    """
    return " ".join(part for part in inflect_name_parts(last, first, middle, case, gender) if part)


def _initial(name: str) -> str:
    """Return the initial of a first name or patronymic: «Мария» → «М.», «Анна-Мария» → «А.-М.»."""
    word = name.split()[0]
    return "-".join(piece[:1].upper() + "." for piece in word.split("-") if piece)


def name_initials(first: str, middle: str | None) -> str:
    """Return the initials «М.С.» (or «М.» without a patronymic)."""
    return _initial(first) + (_initial(middle) if middle else "")


def short_name(surname: str, first: str, middle: str | None, surname_first: bool) -> str:
    """Join a surname (in any case) and the initials: «М.С. Петрова» or «Петрова М.С.»."""
    letters = name_initials(first, middle)
    return f"{surname}{NBSP}{letters}" if surname_first else f"{letters}{NBSP}{surname}"


def inflect_surname(
    last: str, first: str, middle: str | None, case: str, gender: Gender | None = None
) -> str:
    """Return only the surname in ``case`` (the gender is derived as for the full name)."""
    sex = _declension_gender(last, first, middle, gender)
    return _inflect_part(last, "last", check_case(case), sex)


def initials_surname(
    last: str,
    first: str,
    middle: str | None,
    case: str = "nominative",
    gender: Gender | None = None,
) -> str:
    """Return the signature form «М.С. Петрова» (surname in ``case``), no-break space inside."""
    surname = inflect_surname(last, first, middle, case, gender)
    return short_name(surname, first, middle, surname_first=False)


def surname_initials(
    last: str,
    first: str,
    middle: str | None,
    case: str = "nominative",
    gender: Gender | None = None,
) -> str:
    """Return the list form «Петрова М.С.» (surname in ``case``), no-break space inside."""
    surname = inflect_surname(last, first, middle, case, gender)
    return short_name(surname, first, middle, surname_first=True)


def split_full_name(text: str) -> tuple[str, str, str | None]:
    """Split «Фамилия Имя [Отчество]» into its parts or raise ``InputError``.

    A patronymic may have two words when it ends in оглы/улы/кызы/гызы («Рашид оглы»).
    """
    words = text.split()
    problem = None
    if len(words) < 2:
        problem = "нужны хотя бы фамилия и имя"
    elif not all(_NAME_WORD.match(word) for word in words):
        problem = "в ФИО допустимы только буквы, дефис и апостроф"
    elif len(words) > 3 and not _TURKIC_PATRONYMIC.search(" " + " ".join(words[2:]).lower()):
        problem = "слишком много слов"
    if problem:
        raise InputError(
            f"не удалось разобрать ФИО «{text.strip()}»: {problem}; "
            "напишите «Фамилия Имя Отчество» или «Фамилия Имя»"
        )
    return words[0], words[1], " ".join(words[2:]) or None
