"""Read a person's name from words, in any of the orders Russians write it.

Part of :mod:`docgen.language.recognise` (which documents the rules): a name is a sequence of
two to four words with roles (surname, first name, patronymic, initials) and the gender they
show; every decision taken on a doubt is returned with the reading, in Russian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from docgen.language.morph import parse
from docgen.language.names import (
    Gender,
    gender_conflict,
    gender_from_first_name,
    gender_from_patronymic,
    gender_from_surname,
    inflect_name_word,
)
from docgen.language.normalise import title_name_word

Role = Literal["last", "first", "middle", "initials"]

_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
_INITIAL = re.compile(r"[^\W\d_]\.(?:-[^\W\d_]\.)?")
_INITIALS_WORD = re.compile(r"^(?:[^\W\d_]\.(?:-[^\W\d_]\.)?){1,2}$")
_MALE_PATRONYMIC = re.compile(r"(?:вич|ич)$")
_FEMALE_PATRONYMIC = re.compile(r"(?:вна|ична)$")
_TURKIC = frozenset({"оглы", "улы", "уулу", "кызы", "гызы", "кизи"})


@dataclass(frozen=True)
class NameReading:
    """A person's name as written: its parts in written order, and the gender it shows.

    ``last``, ``first`` and ``middle`` are worked out once from the parts; with initials,
    ``first`` and ``middle`` are the initials («М.», «С.») and ``initials`` lists them.
    """

    parts: tuple[tuple[Role, str], ...]
    gender: Gender | None
    last: str = field(init=False, compare=False, repr=False)
    first: str = field(init=False, compare=False, repr=False)
    middle: str | None = field(init=False, compare=False, repr=False)
    initials: tuple[str, ...] = field(init=False, compare=False, repr=False)
    text: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        roles = {role: text for role, text in reversed(self.parts)}
        initials = tuple(_INITIAL.findall(roles.get("initials", "")))
        first = initials[0] if initials else roles.get("first", "")
        middle = (initials[1] if len(initials) > 1 else None) if initials else roles.get("middle")
        # A frozen dataclass sets its derived fields through object.__setattr__.
        object.__setattr__(self, "last", roles.get("last", ""))
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "middle", middle)
        object.__setattr__(self, "initials", initials)
        object.__setattr__(self, "text", " ".join(text for _, text in self.parts))

    def part(self, role: Role) -> str | None:
        """Return the part playing ``role`` (first found), or None."""
        return next((text for kind, text in self.parts if kind == role), None)


def _is_first_name(word: str) -> bool:
    """Tell whether every part of ``word`` is a first name in the nominative."""
    return all(
        any("Name" in found.tag and found.tag.case == "nomn" for found in parse(piece))
        for piece in word.split("-")
    )


def _is_patronymic(word: str) -> bool:
    """Tell whether ``word`` is a patronymic in the nominative (Сергеевич, Ильич, Ильинична)."""
    lower = word.lower()
    if len(lower) >= 4 and (_MALE_PATRONYMIC.search(lower) or _FEMALE_PATRONYMIC.search(lower)):
        return True
    if not lower.endswith("на"):
        return False  # a patronymic in the nominative ends in -ич or -на
    return any(
        "Patr" in found.tag and found.tag.case == "nomn" and found.tag.number == "sing"
        for found in parse(lower)
    )


def _surname_evidence(word: str) -> int:
    """Score how surely ``word`` is a surname: 2 by suffix, 1 by the dictionary's mark, else 0.

    A suffix counts only on a word that is not a first name, or is also marked a surname:
    «Марина», «Галина» end like «Ильина» but are first names.
    """
    marked = any("Surn" in found.tag for found in parse(word.split("-")[-1]))
    if gender_from_surname(word) and (marked or not _is_first_name(word)):
        return 2
    return 1 if marked else 0


def _is_name_word(word: str) -> bool:
    """Tell whether ``word`` can be part of a name: letters, hyphens and apostrophes."""
    return bool(_NAME_WORD.match(word))


def capitalised(word: str) -> bool:
    """Tell whether ``word`` starts with a capital letter."""
    return word[:1].isupper()


def _full_name_parts(words: list[str]) -> tuple[tuple[Role, str], ...] | None:
    """Return the roles of a name written in full words, or None if it is not one."""
    count = len(words)
    if count == 4 and words[3].lower() in _TURKIC:
        return (("last", words[0]), ("first", words[1]), ("middle", " ".join(words[2:])))
    if count == 4 and words[2].lower() in _TURKIC:
        return (("first", words[0]), ("middle", " ".join(words[1:3])), ("last", words[3]))
    if count == 3 and _is_patronymic(words[2]) and not _is_patronymic(words[1]):
        return (("last", words[0]), ("first", words[1]), ("middle", words[2]))
    if count == 3 and _is_patronymic(words[1]) and _is_first_name(words[0]):
        return (("first", words[0]), ("middle", words[1]), ("last", words[2]))
    if count == 3 and _two_first_names_and_surname(words):
        return (("first", " ".join(words[:2])), ("last", words[2]))
    if count == 2 and _is_patronymic(words[1]) and _is_first_name(words[0]):
        return (("first", words[0]), ("middle", words[1]))
    return _two_word_parts(words) if count == 2 else None


def _two_first_names_and_surname(words: list[str]) -> bool:
    """Tell whether three words read «Имя Имя Фамилия» («Анна Мария Шмидт»)."""
    return (
        all(capitalised(word) for word in words)
        and _is_first_name(words[0])
        and _is_first_name(words[1])
        and not _is_first_name(words[2])
        and _surname_evidence(words[2]) > 0
    )


def _two_word_parts(words: list[str]) -> tuple[tuple[Role, str], ...] | None:
    """Return the roles of «Фамилия Имя» or «Имя Фамилия», or None (see the module rule).

    Both words start with a capital, unless the surname has a surname suffix («ИВАНОВ пётр»).
    """
    first_name_second, first_name_first = _is_first_name(words[1]), _is_first_name(words[0])
    parts: tuple[tuple[Role, str], ...] | None = None
    if first_name_first and (
        not first_name_second or _surname_evidence(words[1]) > _surname_evidence(words[0])
    ):
        if first_name_second or _surname_evidence(words[1]):
            parts = (("first", words[0]), ("last", words[1]))
    elif first_name_second:
        parts = (("last", words[0]), ("first", words[1]))
    if parts is None:
        return None
    surname = dict(parts)["last"]
    if all(capitalised(word) for word in words) or _surname_evidence(surname) == 2:
        return parts
    return None


def _initials_parts(words: list[str]) -> tuple[tuple[Role, str], ...] | None:
    """Return the roles of «Фамилия И. О.» or «И. О. Фамилия», or None."""
    if len(words) < 2:
        return None
    if _is_name_word(words[0]) and all(_INITIALS_WORD.match(word) for word in words[1:]):
        letters = sum(len(_INITIAL.findall(word)) for word in words[1:])
        if letters <= 2 and capitalised(words[0]):
            return (("last", words[0]), ("initials", " ".join(words[1:])))
    if _is_name_word(words[-1]) and all(_INITIALS_WORD.match(word) for word in words[:-1]):
        letters = sum(len(_INITIAL.findall(word)) for word in words[:-1])
        if letters <= 2 and capitalised(words[-1]):
            return (("initials", " ".join(words[:-1])), ("last", words[-1]))
    return None


def _is_nominative_surname(word: str) -> bool:
    """Tell whether a surname written alone is in the nominative (not «Петровой»)."""
    marked = [found for found in parse(word.split("-")[-1]) if "Surn" in found.tag]
    return not marked or any(found.tag.case == "nomn" for found in marked)


def read_name(words: list[str]) -> tuple[NameReading, list[str]] | None:
    """Return ``words`` read as a person's name with its doubts, or None if they are not one."""
    if not 2 <= len(words) <= 4:
        return None
    parts = _initials_parts(words)
    if parts is not None:
        if not _is_nominative_surname(dict(parts)["last"]):
            return None
    else:
        if not all(_is_name_word(word) for word in words):
            return None
        parts = _full_name_parts(words)
        if parts is None:
            return None
    tidy = tuple((role, " ".join(title_name_word(w) for w in text.split())) for role, text in parts)
    return _with_gender(tidy)


def _with_gender(parts: tuple[tuple[Role, str], ...]) -> tuple[NameReading, list[str]]:
    """Return the reading with the gender its parts show, and the doubts about it."""
    reading = NameReading(parts, None)
    doubts: list[str] = []
    first, middle = reading.part("first"), reading.part("middle")
    conflict = gender_conflict(first.split()[0], middle) if first and middle else None
    if conflict:
        doubts.append(conflict)
    gender = (
        gender_from_patronymic(middle)
        or (gender_from_first_name(first.split()[0]) if first else None)
        or gender_from_surname(reading.last)
    )
    if gender is None and _gender_matters(reading.last):
        doubts.append(
            f"по «{reading.text}» не определить пол: "
            + (
                "фамилия оставлена несклонённой, как у женщины; "
                if reading.initials
                else "фамилия склоняется по догадке; "
            )
            + "напишите ФИО полностью или укажите формы вручную"
        )
    two_first_names = (
        [role for role, _ in parts] in (["last", "first"], ["first", "last"])
        and all(_is_first_name(text) for _, text in parts)
        and len({_surname_evidence(text) for _, text in parts}) == 1
    )
    if two_first_names:
        doubts.append(
            f"в «{reading.text}» оба слова могут быть именами; фамилией считается «{reading.last}»"
        )
    return NameReading(parts, gender), doubts


def _gender_matters(surname: str) -> bool:
    """Tell whether ``surname`` declines differently for a man and a woman (Ковальчук: yes)."""
    if not surname:
        return False
    forms = {inflect_name_word(surname, "last", "genitive", sex) for sex in ("m", "f")}
    return len(forms) > 1
