"""Make readable column headers from field titles and match headers as people type them.

A header matches regardless of letter case, extra spaces, ё/е, a trailing ``*`` or ``:``,
the separator between its parts («Руководитель: фамилия», «Руководитель — фамилия») and,
as a last resort, the order of its words («Наименование полное»).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Target = tuple[int, int]
"""A column of a layout: (list index or -1 for the record's own columns, column index)."""

_SEPARATOR = re.compile(r"\s*[:—–]\s*|\s+-\s+")
_WORD = re.compile(r"\w+")


def normalise(text: object) -> str:
    """Fold a header for comparison: lower case, е for ё, one space, no ``*`` or ``:`` ends."""
    folded = str(text).replace("\xa0", " ").lower().replace("ё", "е")
    folded = _SEPARATOR.sub(": ", folded)
    folded = " ".join(folded.split())
    return folded.strip(" *:")


def word_bag(text: str) -> tuple[str, ...]:
    """Return the words of a folded header in sorted order, for order-free matching."""
    return tuple(sorted(_WORD.findall(normalise(text))))


def lower_first(text: str) -> str:
    """Lower-case the first letter of a word unless it is an abbreviation («ИНН», «ФИО»)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def join_titles(parts: Sequence[str]) -> str:
    """Join titles into a header: «Руководитель: фамилия»."""
    return ": ".join([parts[0], *map(lower_first, parts[1:])])


def _first_difference(mine: Sequence[str], other: Sequence[str]) -> int:
    for index, (a, b) in enumerate(zip(mine, other, strict=False)):
        if normalise(a) != normalise(b):
            return index
    return min(len(mine), len(other))


def _short_header(index: int, chains: Sequence[Sequence[str]]) -> str:
    """Return the leaf title with only the ancestors that tell it from same-named columns."""
    chain = chains[index]
    prefix, leaf = chain[:-1], normalise(chain[-1])
    needed: set[int] = set()
    for other_index, other in enumerate(chains):
        if other_index != index and normalise(other[-1]) == leaf:
            difference = _first_difference(prefix, other[:-1])
            if difference < len(prefix):
                needed.add(difference)
    return join_titles([prefix[i] for i in sorted(needed)] + [chain[-1]])


def display_headers(
    chains: Sequence[Sequence[str]], reserved: Iterable[str] = (), context: str = ""
) -> list[str]:
    """Return a unique, short header for each title chain.

    A header that would equal a ``reserved`` one (the key column on a list's sheet) is
    prefixed with ``context``, the list's title.
    """
    taken = {normalise(name) for name in reserved}
    headers = [_short_header(index, chains) for index in range(len(chains))]
    for index, header in enumerate(headers):
        if normalise(header) in taken:
            headers[index] = join_titles([context, *chains[index]] if context else chains[index])
    counts = _counts(headers)
    for index, header in enumerate(headers):
        if counts[normalise(header)] > 1:
            headers[index] = join_titles(chains[index])
    counts = _counts(headers)
    return [
        f"{header} ({index + 1})" if counts[normalise(header)] > 1 else header
        for index, header in enumerate(headers)
    ]


def _counts(headers: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for header in headers:
        counts[normalise(header)] = counts.get(normalise(header), 0) + 1
    return counts


def subchains(parts: Sequence[str]) -> list[tuple[str, ...]]:
    """Return every ordered selection of ancestors followed by the last part."""
    ancestors, leaf = parts[:-1], parts[-1]
    return [
        (*chosen, leaf)
        for size in range(len(ancestors) + 1)
        for chosen in itertools.combinations(ancestors, size)
    ]


def candidate_names(
    titles: Sequence[str], path: Sequence[str], header: str, aliases: Iterable[str] = ()
) -> set[str]:
    """Return every header a column answers to: header, title chains, key paths, aliases."""
    names = {header, *aliases}
    names.update(join_titles(chain) for chain in subchains(titles))
    names.update(".".join(chain) for chain in subchains(path) if path)
    return names


def _keep_best(entry: dict[Target, int], target: Target, priority: int) -> None:
    entry[target] = min(priority, entry.get(target, priority))


@dataclass
class Match:
    """The column a header names, or the columns it could name when it is ambiguous."""

    target: Target | None
    ambiguous: tuple[Target, ...] = ()


@dataclass
class HeaderIndex:
    """Look up the column a header names; lower priority numbers win ties."""

    _names: dict[str, dict[Target, int]] = field(default_factory=dict)
    _bags: dict[tuple[str, ...], dict[Target, int]] = field(default_factory=dict)
    _shown: dict[Target, str] = field(default_factory=dict)
    _aliases: dict[str, set[str]] = field(default_factory=dict)

    def add(self, names: Iterable[str], target: Target, priority: int, shown: str) -> None:
        """Register the names of one column."""
        self._shown[target] = shown
        names = list(names)
        self._aliases.setdefault(shown, set()).update(normalise(name) for name in names)
        for name in names:
            _keep_best(self._names.setdefault(normalise(name), {}), target, priority)
            _keep_best(self._bags.setdefault(word_bag(name), {}), target, priority)

    def match(self, text: str) -> Match:
        """Return the column a header names: exactly, else by its words in any order."""
        for found in (self._names.get(normalise(text)), self._bags.get(word_bag(text))):
            if found:
                best = min(found.values())
                targets = tuple(t for t, priority in found.items() if priority == best)
                return Match(targets[0]) if len(targets) == 1 else Match(None, targets)
        return Match(None)

    def shown(self, target: Target) -> str:
        """Return the header a column is written with."""
        return self._shown[target]

    def suggest(self, text: str) -> str | None:
        """Return the header a misspelt one was meant to be: a typo or two away, else None.

        Only typos count (a letter missed, added, changed or two swapped; one per six letters,
        at most three): «Дата договора» is a different field from «Дата доверенности», not a
        misspelling of it, however many letters they share.
        """
        typed = normalise(text)
        allowed = min(3, max(1, len(typed) // 6))
        best: tuple[int, str] | None = None
        for shown in self._shown.values():
            for name in (normalise(shown), *self._aliases.get(shown, ())):
                found = typo_distance(typed, name, allowed)
                if found <= allowed and (best is None or found < best[0]):
                    best = (found, shown)
        return best[1] if best else None


def typo_distance(first: str, second: str, limit: int) -> int:
    """Return the typos between two texts (insert, delete, change, swap); limit+1 if more."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]
