"""Decline positions and organisation names by inflecting only the head of the phrase.

A position («заместитель директора по учебно-воспитательной работе») or an organisation name
(«Муниципальное бюджетное учреждение … «Центр внешкольной работы»») changes only in its head:
the leading adjectives and participles that agree with the first noun, and that noun. Every
word to the right is already in an oblique case and stays; text from the first quote on stays;
an abbreviation at the head (МБОУ, и.о., ООО) makes the whole phrase indeclinable. An
adjective that agrees with no following noun is itself the head (заведующий хозяйством).
The user's spelling is kept: capitalisation, ё or е, spaces and punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from docgen.language.morph import (
    CASE_GRAMMEMES,
    Case,
    analyzer,
    check_case,
    has_cyrillic,
    is_abbreviation,
    parse,
    restore_spelling,
)

HeadGender = Literal["m", "f", "n"]

QUOTES = '«"“„'
_TOKEN = re.compile(r"(\s+)")
_WORD = re.compile(r"^(\W*?)([^\W\d_](?:[^\W\d_]|[-.])*?)(\W*)$")
_ADJECTIVE_POS = frozenset({"ADJF", "PRTF"})


@dataclass(frozen=True)
class _Word:
    """One word of a phrase: where it is in the token list and how it is written."""

    token: int
    lead: str
    core: str
    trail: str


def split_at_quote(phrase: str) -> tuple[str, str]:
    """Split ``phrase`` before its first opening quote: («МБОУ », «…»») or (phrase, "")."""
    positions = [phrase.find(quote) for quote in QUOTES if quote in phrase]
    if not positions:
        return phrase, ""
    cut = min(positions)
    return phrase[:cut], phrase[cut:]


def _nominative_parse(word: str, parts_of_speech: frozenset[str]) -> Any | None:
    """Return the best nominative parse of ``word`` with one of ``parts_of_speech``, or None."""
    found = [p for p in parse(word) if p.tag.POS in parts_of_speech and p.tag.case == "nomn"]
    if not found:
        return None
    plain = [p for p in found if not {"Name", "Surn", "Patr", "Abbr"} & p.tag.grammemes]
    return max(plain or found, key=lambda p: p.score)


def _agrees(adjective: Any, word: str) -> bool:
    """Tell whether the nominative ``adjective`` agrees with ``word`` (an adjective or noun)."""
    for candidate in parse(word):
        tag = candidate.tag
        if tag.case != "nomn" or tag.POS not in _ADJECTIVE_POS | {"NOUN"}:
            continue
        if tag.number != adjective.tag.number:
            continue
        if tag.number == "plur" or tag.gender in (adjective.tag.gender, "ms-f"):
            return True
    return False


def _split_words(text: str) -> tuple[list[str], list[_Word]]:
    """Return the tokens of ``text`` (words and the spaces between them) and its words."""
    tokens = _TOKEN.split(text)
    words = []
    for index, token in enumerate(tokens):
        match = _WORD.match(token) if token and not token.isspace() else None
        if token and not token.isspace():
            lead, core, trail = match.groups() if match else ("", token, "")
            words.append(_Word(index, lead, core, trail))
    return tokens, words


def _is_fixed(word: _Word, caps_text: bool) -> bool:
    """Tell whether ``word`` must be left as written (an abbreviation, a number, Latin…)."""
    if word.lead or not has_cyrillic(word.core) or any(char.isdigit() for char in word.core):
        return True
    if any("a" <= char.lower() <= "z" for char in word.core.split("-")[-1]):
        return True  # a Latin word («Microsoft») is a name or an abbreviation
    if not is_abbreviation(word.core + word.trail):
        return False
    if caps_text and "." not in word.core + word.trail:
        # In a phrase written in capitals a dictionary word is a word, not an abbreviation.
        lower = word.core.lower()
        known = all(analyzer().word_is_known(part) for part in lower.split("-"))
        return not known or all({"Fixd", "Abbr"} & p.tag.grammemes for p in parse(lower))
    return True


def _head_plan(words: list[_Word], caps_text: bool) -> list[tuple[_Word, Any]]:
    """Return the words to inflect (leading agreeing adjectives and the head) with parses."""
    plan: list[tuple[_Word, Any]] = []
    for position, word in enumerate(words):
        if _is_fixed(word, caps_text):
            break
        adjective = _nominative_parse(word.core, _ADJECTIVE_POS)
        following = words[position + 1].core if position + 1 < len(words) else None
        if adjective and following and not word.trail and _agrees(adjective, following):
            plan.append((word, adjective))
            continue
        head = _nominative_parse(word.core, frozenset({"NOUN"})) or adjective
        if head is not None:
            plan.append((word, head))
        break
    if plan and plan[-1][1].tag.POS in _ADJECTIVE_POS and len(plan) > 1:
        return []  # adjectives with no noun at all: not a phrase we understand
    return plan


def _is_fixed_prefix(part: str) -> bool:
    """Tell whether the part before a hyphen never changes: an abbreviation, Latin or digits."""
    letters = [char for char in part if char.isalpha()]
    return (
        not letters
        or any("a" <= char.lower() <= "z" for char in letters)
        or (len(letters) > 1 and all(char.isupper() for char in letters))
    )


def inflect_word(word: str, found: Any, grammemes: set[str]) -> str:
    """Return ``word`` (parsed as ``found``) inflected to ``grammemes``, keeping its spelling.

    A hyphenated noun of two nouns («педагог-психолог») is inflected part by part; after an
    abbreviation, Latin or digits only the noun changes («ППМС-центра», «IT-центром»).
    """
    parts = word.split("-")
    if len(parts) == 2 and found.tag.POS == "NOUN" and _is_fixed_prefix(parts[0]):
        # «ППМС-центр», «IT-центр»: the abbreviation stays, the noun after it changes.
        noun = _nominative_parse(parts[1], frozenset({"NOUN"}))
        if noun is not None:
            return f"{parts[0]}-{inflect_word(parts[1], noun, grammemes)}"
    if len(parts) == 2 and found.tag.POS == "NOUN":
        pieces = [_nominative_parse(part, frozenset({"NOUN"})) for part in parts]
        if all(pieces):
            inflected = [inflect_word(p, q, grammemes) for p, q in zip(parts, pieces, strict=True)]
            return "-".join(inflected)
    changed = found.inflect(grammemes)
    return restore_spelling(word, changed.word) if changed else word


Rewrite = Callable[[str, Any, Any], str]


def rewrite_head(phrase: str, rewrite: Rewrite) -> str | None:
    """Replace each word of the head of ``phrase`` by ``rewrite(word, parse, head_parse)``.

    The head is the leading agreeing adjectives and the first noun (see the module
    docstring); everything else is kept exactly. Returns None when there is no head to
    change (the phrase starts with an abbreviation or a word the dictionary cannot read).
    """
    left, rest = split_at_quote(phrase)
    tokens, words = _split_words(left)
    letters = [char for char in left if char.isalpha()]
    caps_text = len(letters) > 3 and all(char.isupper() for char in letters)
    plan = _head_plan(words, caps_text)
    if not plan:
        return None
    head = plan[-1][1]
    for word, found in plan:
        tokens[word.token] = word.lead + rewrite(word.core, found, head) + word.trail
    return "".join(tokens) + rest


@lru_cache(maxsize=16384)
def inflect_phrase(phrase: str, case: str) -> str:
    """Return a position or organisation name in ``case``, inflecting only its head.

    «исполняющая обязанности директора», genitive → «исполняющей обязанности директора»;
    «Муниципальное бюджетное учреждение «ЦВР»», instrumental → «Муниципальным бюджетным
    учреждением «ЦВР»»; «МБОУ «СОШ № 5»» and «и.о. директора» stay as they are.
    """
    grammeme = CASE_GRAMMEMES[check_case(case)]
    if grammeme == "nomn":
        return phrase

    def to_case(word: str, found: Any, head: Any) -> str:
        grammemes = {grammeme}
        tag = found.tag
        if grammeme == "accs" and tag.POS in _ADJECTIVE_POS and tag.gender in ("masc", None):
            # Only a masculine or plural adjective takes the animacy of its noun (pymorphy3 turns a
            # neuter one masculine when asked for it); a position alone is a person.
            grammemes.add(head.tag.animacy if found is not head and head.tag.animacy else "anim")
        return inflect_word(word, found, grammemes)

    return rewrite_head(phrase, to_case) or phrase


def phrase_head(phrase: str) -> tuple[str, Any] | None:
    """Return the head word of a phrase and its nominative pymorphy3 parse, or None."""
    left, _ = split_at_quote(phrase)
    _, words = _split_words(left)
    plan = _head_plan(words, caps_text=False)
    return (plan[-1][0].core, plan[-1][1]) if plan else None


def inflect_organisation(full_name: str, case: Case | str) -> str:
    """Return an organisation's full name in ``case``; the part in quotes never changes."""
    return inflect_phrase(full_name, case)


def inflect_position(position: str, case: Case | str) -> str:
    """Return a position («заведующая библиотекой») in ``case``, head only."""
    return inflect_phrase(position, case)
