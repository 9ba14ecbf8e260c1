"""Tidy a person's name as people type it, and say what was changed.

The rules, applied wherever a name is read (workbooks, data files, plain strings given to the
case filters):

- runs of spaces, tabs and no-break spaces become one space; outer spaces go;
- a Latin letter that looks like a Russian one («Пaвел» with Latin «a») inside a word that
  is otherwise Russian becomes the Russian letter — the user cannot see the difference, and
  the declension needs the Russian one; a word mixing Russian letters with Latin letters that
  look like none of them is left as is and :func:`mixed_script_words` names it;
- a name word written ALL IN CAPITALS or all in lower case is written in title case, each part
  of a hyphenated word too («ПЕТРОВА-ВОДКИНА» → «Петрова-Водкина»); a word in mixed case
  («МакКартни») is kept; the particles оглы, кызы, улы and the like stay in lower case;
- initials become capitals: «м.с.» → «М.С.».

Every function returns the new text and one Russian note per kind of change, for the readers'
«исправлено при чтении» list. Forms given by hand (``forms``, ``name_forms``) are never passed
here.
"""

from __future__ import annotations

import re

_LETTER_RUN = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.-?)+$")

# Latin letters that look exactly like Russian ones, and the Russian letter each stands for.
_LATIN = "aAeEoOpPcCxXyBHKkMTëË"
_RUSSIAN = "аАеЕоОрРсСхХуВНКкМТёЁ"
LOOKALIKES = str.maketrans(_LATIN, _RUSSIAN)
_LATIN_LOOKALIKES = frozenset(_LATIN)

# Parts of a name that are written in lower case: Turkic patronymic words, nobiliary particles.
LOWER_CASE_PARTICLES = frozenset(
    {"оглы", "улы", "уулу", "кызы", "гызы", "кизи", "ибн", "бен", "фон", "ван", "дер", "де", "ла"}
)


SPACES_FIXED = "лишние пробелы убраны"
"""The note about collapsed spaces (a reader may drop it where spaces are kept)."""
CASE_FIXED = "регистр букв исправлен"
"""The note about name words put in title case."""


def _is_cyrillic(char: str) -> bool:
    """Tell whether ``char`` is a Russian (Cyrillic) letter."""
    return "\u0400" <= char <= "\u04ff"


def _is_latin(char: str) -> bool:
    """Tell whether ``char`` is a Latin letter."""
    return (char.isalpha() and char.isascii()) or char in "ëË"


def collapse_spaces(text: str) -> str:
    """Return ``text`` with runs of white space (no-break spaces too) as one space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def _fix_letter_run(match: re.Match[str]) -> str:
    """Return one run of letters made Russian if it mixes Russian letters and Latin twins."""
    run = match.group(0)
    latin = [char for char in run if _is_latin(char)]
    if not latin or not any(_is_cyrillic(char) for char in run):
        return run
    if not all(char in _LATIN_LOOKALIKES for char in latin):
        return run
    return run.translate(LOOKALIKES)


def fix_lookalikes(word: str) -> str:
    """Return ``word`` with Latin look-alike letters made Russian where a run of letters is Russian.

    A run of letters (between hyphens, apostrophes…) counts as Russian when it holds a Russian
    letter and every Latin letter in it has a Russian twin: «Пaвел» → «Павел»; a Latin part of
    its own stays («ECO-клуб», «IT-директор»).
    """
    return _LETTER_RUN.sub(_fix_letter_run, word)


def mixed_script_words(text: str) -> list[str]:
    """Return the words of ``text`` in which one run of letters mixes Russian and Latin ones."""
    return [
        word
        for word in text.split()
        if any(
            any(_is_cyrillic(char) for char in run) and any(_is_latin(char) for char in run)
            for run in _LETTER_RUN.findall(word)
        )
    ]


def _is_single_case(piece: str) -> bool:
    """Tell whether the letters of ``piece`` are all capitals or all lower case (two or more)."""
    letters = [char for char in piece if char.isalpha()]
    return len(letters) > 1 and (
        all(char.isupper() for char in letters) or all(char.islower() for char in letters)
    )


def title_name_word(word: str) -> str:
    """Return one name word in title case if typed in one case; initials in capitals."""
    if _INITIALS.match(word):
        return word.upper()
    if word.lower() in LOWER_CASE_PARTICLES:
        return word.lower()
    pieces = word.split("-")
    if not any(_is_single_case(piece) for piece in pieces):
        return word
    return "-".join(
        piece[:1].upper() + piece[1:].lower() if _is_single_case(piece) else piece
        for piece in pieces
    )


def normalise_spacing_and_letters(text: str) -> tuple[str, list[str]]:
    """Return ``text`` with spaces collapsed and look-alike letters fixed, and the notes."""
    notes: list[str] = []
    collapsed = collapse_spaces(text)
    if collapsed != text:
        notes.append(SPACES_FIXED)
    fixed = " ".join(fix_lookalikes(word) for word in collapsed.split(" ")) if collapsed else ""
    if fixed != collapsed:
        letters = sorted({old for old, new in zip(collapsed, fixed, strict=True) if old != new})
        quoted = ", ".join(f"«{letter}»" for letter in letters)
        if len(letters) == 1:
            notes.append(f"латинская буква {quoted} заменена русской")
        else:
            notes.append(f"латинские буквы {quoted} заменены русскими")
    return fixed, notes


def normalise_name(text: str) -> tuple[str, list[str]]:
    """Return a name (or one part of it) tidied by the module's rules, and what changed.

    «КУЗНЕЦОВА  елена викторовна» → («Кузнецова Елена Викторовна», ["лишние пробелы
    убраны", "регистр букв исправлен"]). The notes are short Russian phrases for a reader's
    «исправлено при чтении» list (:func:`describe_name_fix` makes one line of them); none
    when nothing changed.
    """
    spaced, notes = normalise_spacing_and_letters(text)
    titled = " ".join(title_name_word(word) for word in spaced.split(" ")) if spaced else ""
    if titled != spaced:
        notes.append(CASE_FIXED)
    return titled, notes


def describe_name_fix(original: str, fixed: str, notes: list[str]) -> str:
    """Return one line for a reader: «КУЗНЕЦОВА  елена» → «Кузнецова Елена» (notes)."""
    return f"«{original}» → «{fixed}» ({'; '.join(notes)})"
