"""Find where a template nests deepest, to name the paragraph Jinja or Python could not bear."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, TemplateSyntaxError

_OPENERS = frozenset({"for", "if", "macro", "call", "filter", "with", "block", "autoescape"})
_OPEN_BRACKETS = frozenset({"(", "[", "{"})
_CLOSE_BRACKETS = frozenset({")", "]", "}"})


_DEEP = 10
"""Nesting a real template never reaches: past it, nesting is what a parser choked on."""


@dataclass(frozen=True)
class Nesting:
    """The deepest point of a template: how deep (or long), what, and on which line."""

    depth: int
    line: int
    kind: str
    """«blocks» ({% if %}, {% for %}…), «brackets», or «tokens»: the longest expression."""


def deepest(env: Environment, source: str) -> Nesting | None:
    """Return where blocks or brackets nest deepest, else the longest tag; None if unlexable."""
    blocks = brackets = 0
    block_max = Nesting(0, 1, "blocks")
    bracket_max = Nesting(0, 1, "brackets")
    tokens: dict[int, int] = {}
    keyword_next = False
    pending_set: int | None = None
    try:
        for line, kind, value in env.lex(source):
            if kind not in ("data", "whitespace"):
                tokens[line] = tokens.get(line, 0) + 1
            if kind == "block_begin":
                keyword_next = True
                continue
            if keyword_next and kind == "name":
                keyword_next = False
                if value in _OPENERS:
                    blocks += 1
                elif value == "set":
                    pending_set = line  # a block only when no «=» follows
                elif value.startswith("end") and blocks:
                    blocks -= 1
            elif kind == "operator" and value == "=":
                pending_set = None
            elif kind == "block_end" and pending_set is not None:
                blocks, pending_set = blocks + 1, None
            elif kind == "operator" and value in _OPEN_BRACKETS:
                brackets += 1
            elif kind == "operator" and value in _CLOSE_BRACKETS:
                brackets = max(brackets - 1, 0)
            if blocks > block_max.depth:
                block_max = Nesting(blocks, line, "blocks")
            if brackets > bracket_max.depth:
                bracket_max = Nesting(brackets, line, "brackets")
    except TemplateSyntaxError:
        return None
    if block_max.depth >= _DEEP and block_max.depth * 4 >= bracket_max.depth:
        return block_max
    if bracket_max.depth >= _DEEP:
        return bracket_max
    line, count = max(tokens.items(), key=lambda item: item[1], default=(1, 0))
    return Nesting(count, line, "tokens")
