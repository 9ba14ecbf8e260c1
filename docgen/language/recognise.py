"""Tell what a plain string is: a person's name, a signer, an organisation, a position or a phrase.

A workbook cell or a template literal is text; the case filters, ``docgen inflect`` and the
readers all ask :func:`recognise` what it is, so they never guess three ways. The text is
first tidied as :mod:`docgen.language.normalise` describes: look-alike letters always; spaces
and capitals only in a name (any other text keeps its spaces as typed). Then, in this order,
the first reading that fits wins:

1. **a person** — the whole text is a name:
   «Фамилия Имя Отчество», «Имя Отчество Фамилия», «Фамилия Имя», «Имя Фамилия»,
   «Имя Отчество», «Имя Имя Фамилия», «Фамилия И. О.» (or «И.О.»), «И. О. Фамилия»; a
   patronymic may be Turkic («Рашид оглы», «Расим кызы»), any part hyphenated. A
   patronymic (-ович/-евич/-ич, -овна/-евна/-ична) marks a name in any letter case; without
   one, every name word must start with a capital (a surname with a surname suffix may be in
   any case: «ИВАНОВ пётр») and a two-word name needs a first name the dictionary knows (in
   the nominative, so an already declined name is not declined twice).
2. **a signer** — a position followed by a name: «директор Петрова Мария Сергеевна»
   (the longest name that fits; not after «имени»/«им.»: «библиотека имени В. М. Шукшина»
   is an organisation; the position's head is a common noun, not a name), or a name, a comma
   and anything after it: «Иванова Анна, ученица 5 класса» (both parts decline).
3. **an organisation** — text in quotes, a leading abbreviation in capitals (МБОУ, ООО) or a
   capitalised inanimate head noun («Управление образования …»).
4. **a position** — an animate head noun or a participle/adjective head («заведующая
   библиотекой»), or «и.о. …».
5. **a phrase** — anything else; declined head-only like a position.

**The rule for truly ambiguous text.** Two words that could both be first names («Ким
Елена», «Роман Ильин») are read by surname evidence (a surname suffix such as -ов/-ина, then
the dictionary's surname mark); a tie («Вера Надежда») is read in the official order «Фамилия
Имя» and noted as a doubt. A gender
is taken from the patronymic, else the first name, else the surname's suffix, else petrovich's
guess from the whole name — but a name with initials whose gender cannot be told declines its
surname as a woman's («Ковальчук М. С.» stays; a man's declension of a woman's surname is the
worse mistake, and most of the centre's staff are women); contradicting signals follow the
patronymic. Each such decision is
recorded in ``Recognised.doubts``; :func:`ambiguity` returns them as one Russian sentence so
``docgen check`` and the CLI can say how a value was read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from docgen.language.name_reading import NameReading, capitalised, read_name
from docgen.language.names import Gender
from docgen.language.normalise import (
    CASE_FIXED,
    SPACES_FIXED,
    fix_lookalikes,
    mixed_script_words,
    normalise_spacing_and_letters,
)
from docgen.language.phrases import QUOTES, phrase_head

Kind = Literal["person", "signer", "organisation", "position", "phrase"]

_BEFORE_A_NAME_NOT_A_SIGNER = frozenset({"имени", "им.", "им"})
_ACTING_ABBREVIATIONS = ("и.о.", "и. о.", "врио", "вр.и.о.")
_ADJECTIVES = frozenset({"ADJF", "PRTF"})


@dataclass(frozen=True)
class Recognised:
    """What a plain string is, the tidied text, and every doubt and fix on the way."""

    kind: Kind
    text: str
    name: NameReading | None = None
    position: str | None = None
    doubts: tuple[str, ...] = ()
    fixes: tuple[str, ...] = ()
    position_after: bool = False

    def join(self, position: str, name: str) -> str:
        """Return a signer's position and name in the written order: «директор Петрова …»."""
        return f"{name}, {position}" if self.position_after else f"{position} {name}"

    @property
    def gender(self) -> Gender | None:
        """Return the gender of the person behind the text (a feminine position too), or None."""
        if self.name is not None:
            return self.name.gender
        if self.kind == "position":
            return position_gender(self.text)
        return None


def position_gender(position: str) -> Gender | None:
    """Return the gender a position shows by an adjectival head («заведующая» → f), or None."""
    head = phrase_head(position)
    if head is None or head[1].tag.POS not in _ADJECTIVES:
        return None
    genders: dict[str, Gender] = {"masc": "m", "femn": "f"}
    return genders.get(head[1].tag.gender)


def _is_position(text: str) -> bool:
    """Tell whether ``text`` reads as a position: «и.о. …», an animate or adjectival head."""
    if text.lower().startswith(_ACTING_ABBREVIATIONS):
        return True
    head = phrase_head(text)
    if head is None or {"Name", "Surn", "Patr"} & head[1].tag.grammemes:
        return False
    tag = head[1].tag
    return tag.POS in _ADJECTIVES or (tag.POS == "NOUN" and tag.animacy == "anim")


def _is_organisation(text: str) -> bool:
    """Tell whether ``text`` reads as an organisation's name (quotes, abbreviation, capital)."""
    if any(quote in text for quote in QUOTES):
        return True
    first = text.split()[0] if text.split() else ""
    letters = [char for char in first if char.isalpha()]
    if len(letters) > 1 and all(char.isupper() for char in letters) and "." not in first:
        return True
    head = phrase_head(text)
    return head is not None and capitalised(text) and head[1].tag.animacy == "inan"


_SignerReading = tuple[str, NameReading, list[str], str, bool]
"""(position, name, doubts, the name as typed, whether the position follows the name)."""


def _read_signer(words: list[str]) -> _SignerReading | None:
    """Read «должность Фамилия Имя Отчество»; None if the words are not that."""
    for start in range(max(1, len(words) - 4), len(words) - 1):
        found = read_name(words[start:])
        if found is None or not found[0].last:
            continue
        position_words = words[:start]
        if position_words[-1].lower() in _BEFORE_A_NAME_NOT_A_SIGNER:
            return None
        position = " ".join(position_words)
        if _is_position(position):
            return position, found[0], found[1], " ".join(words[start:]), False
    return None


def _read_name_then_position(text: str) -> _SignerReading | None:
    """Read «Фамилия Имя Отчество, должность»; None if the text is not that."""
    left, comma, right = text.partition(",")
    found = read_name(left.split()) if comma and right.strip() else None
    if found is None or not found[0].last:
        return None
    return right.strip(), found[0], found[1], " ".join(left.split()), True


@lru_cache(maxsize=16384)
def recognise(text: str) -> Recognised:
    """Return what ``text`` is (see the module docstring) and its tidied form."""
    tidy, fixes = normalise_spacing_and_letters(text)
    words = tidy.split()
    doubts = [
        f"в слове «{word}» смешаны русские и латинские буквы" for word in mixed_script_words(tidy)
    ]
    name = read_name(words)
    if name is not None:
        reading, name_doubts = name
        if reading.text != tidy:
            fixes.append(CASE_FIXED)
        return Recognised(
            "person", reading.text, reading, None, (*doubts, *name_doubts), tuple(fixes)
        )
    signer = _read_signer(words) or _read_name_then_position(tidy)
    if signer is not None:
        position, reading, name_doubts, typed, after = signer
        if reading.text != typed:
            fixes.append(CASE_FIXED)
        written = f"{reading.text}, {position}" if after else f"{position} {reading.text}"
        all_doubts = (*doubts, *name_doubts)
        return Recognised("signer", written, reading, position, all_doubts, tuple(fixes), after)
    kind: Kind = "phrase"
    if tidy and _is_organisation(tidy):
        kind = "organisation"
    elif tidy and _is_position(tidy):
        kind = "position"
    # Anything but a name keeps its spaces as typed (a no-break space may be deliberate).
    letters_only = fix_lookalikes(text)
    kept = tuple(fix for fix in fixes if fix != SPACES_FIXED)
    return Recognised(kind, letters_only, doubts=tuple(doubts), fixes=kept)


def ambiguity(text: str) -> str | None:
    """Return how an ambiguous plain string was read (one Russian sentence), or None.

    For ``docgen check`` and the CLI: «в «Вера Надежда» оба слова могут быть именами; фамилией
    считается «Вера»». None when the reading is certain.
    """
    doubts = recognise(text).doubts
    return "; ".join(doubts) if doubts else None
