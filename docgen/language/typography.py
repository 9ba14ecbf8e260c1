"""Typeset Russian text: no-break spaces and hyphens where a line must not break.

The rules (after Мильчин, «Справочник издателя и автора»):

- a one- or two-letter word stays with the word after it: «в\u00a0Центре», «на\u00a0базе»
  (not an abbreviation in capitals: «СШ», «ДК»);
- «№», «ст.», «п.», «г.», «им.», «ул.» and an initial stay with what follows them:
  «№\u00a05», «г.\u00a0Бийска», «А.\u00a0П.\u00a0Гайдара»;
- a day stays with its month: «4\u00a0декабря», ««26»\u00a0ноября»;
- a number stays with «г.», «%», «чел.», «руб.» after it: «2026\u00a0г.», «340\u00a0чел.»;
- a dash never starts a line: «Центр\u00a0— организатор»;
- a hyphen between a number and capitals never breaks: «152\u2011ФЗ»;
- a numbered sub-item starts with a capital: «2.3.1. Составлять»;
- whole numbers of five digits and more are grouped by thousands: «12\u00a0780».

Every function is pure and returns the very same object when nothing changes, so a caller
on a hot path can tell «untouched» with ``is``.
"""

from __future__ import annotations

import re
from typing import Final

from docgen.language.agreement import group_digits

NBSP: Final = "\u00a0"
NB_HYPHEN: Final = "\u2011"
"""A non-breaking hyphen: Word and LibreOffice never break a line at it."""

_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_ABBREVIATIONS_BEFORE = ("ст", "п", "пп", "г", "гг", "им", "ул", "д", "ч", "т", "рис", "табл")
"""Abbreviations (with their dot) that stay with the word after them."""

_CAPITAL_WORDS = "ДО|НА|ПО|ОТ|ЗА|ИЗ|ОБ|НЕ|ВО|СО|КО|ДА|НО|ЛИ|ЖЕ|БЫ"
"""Two-letter words that are words in capitals too; other two capitals are an abbreviation
(«МБУ ДО «СШ «Олимп»»», «ДК», «ЗП»), which may end a line: tying it would chain a name."""
_WORD_START = r"(?<![\w\-.])"
"""Nothing word-like just before: «в» in «и в», not in «из-в» or «т.в»."""
_ABBREVIATION = "|".join(
    [
        *(rf"(?<={_WORD_START}{word}\. )" for word in _ABBREVIATIONS_BEFORE),
        rf"(?<={_WORD_START}[А-ЯЁA-Z]\. )",  # an initial: «А. П. Гайдара»
    ]
)
_TIED_SPACE = "|".join(
    [
        # after a one- or two-letter word: «в», «и», «на», «до», «ДО», not «СШ», «ДК»
        rf"(?<=[^\W\d_] )(?:(?<={_WORD_START}[^\W\d_] )|(?<={_WORD_START}[^\W\d_]{{2}} )"
        rf"(?<!{_WORD_START}(?!(?:{_CAPITAL_WORDS}) )[А-ЯЁA-Z]{{2}} ))",
        rf"(?<=\. )(?:{_ABBREVIATION})",  # after «г.», «им.», an initial
        r"(?<=№ )",
        # after a number, before its month or unit: «4 декабря», «2026 г.», «22,5 %»
        rf"(?<=\d )(?=(?:{_MONTHS}|гг?\.|%|чел\.|руб\.|коп\.|тыс\.|млн|млрд)(?!\w))",
        rf"(?<=\d» )(?=(?:{_MONTHS})\b)",  # ««26» ноября»
        r"(?=[—–](?:\s|$))",  # before a dash: a dash never starts a line
    ]
)
_TIE: Final = re.compile(f" (?:{_TIED_SPACE})")
"""A plain space that must be a no-break space (one pattern, so one pass over the text)."""

_HYPHEN: Final = re.compile(r"(?<=\d)-(?=[А-ЯЁA-Z])")
"""«152-ФЗ», «273-ФЗ»: a hyphen between a number and capitals."""

_SUB_ITEM: Final = re.compile(r"^(\d+(?:\.\d+)*\.[ \u00a0]+)([а-яё])")
"""«2.3.1. составлять…»: a numbered item that starts with a small letter."""


def typeset(text: str) -> str:
    """Return ``text`` with no-break spaces and hyphens where a line must not break.

    Returns ``text`` itself (the same object) when no rule applies.
    """
    if " " in text:
        tied = _TIE.sub(NBSP, text)
        if tied != text:
            text = tied
    if "-" in text:
        joined = _HYPHEN.sub(NB_HYPHEN, text)
        if joined != text:
            text = joined
    if text[:1].isdigit():
        text = capitalize_sub_item(text)
    return text


def capitalize_sub_item(text: str) -> str:
    """Return «2.3.1. Составлять…» for «2.3.1. составлять…»; any other text unchanged."""
    match = _SUB_ITEM.match(text)
    if match is None:
        return text
    return match.group(1) + match.group(2).upper() + text[match.end() :]


def group_thousands(number: int) -> str:
    """Return a whole number as text, grouped by thousands from five digits: «12\u00a0780».

    Four-digit numbers (years, «1110») stay as they are, as in Russian running text.
    """
    return str(number) if -10_000 < number < 10_000 else group_digits(number)
