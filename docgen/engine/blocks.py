"""Check that every Jinja block opens and closes at the same depth of a part's XML.

A block whose ends sit at different depths — ``{% if %}`` inside a paragraph and its
``{% endif %}`` in a table cell, say — renders to XML with unbalanced elements, which Word
refuses (docxtpl hides this by letting lxml «recover» the XML). Checking the depth of each
end once, at compile time, guarantees that every render gives well-formed XML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.engine.locate import JINJA_TAG

_TOKENS = re.compile(JINJA_TAG + r"|<(?:[^>\"]|\"[^\"]*\")*>", re.DOTALL)
_KEYWORD = re.compile(r"\{%[-+]?\s*(\w+)")
_RAW_END = re.compile(r"\{%[-+]?\s*endraw\s*[-+]?%\}")
_OPENERS = frozenset({"for", "if", "macro", "call", "filter", "with", "block", "autoescape", "set"})
_MIDDLES = frozenset({"else", "elif"})
_HINT = (
    "Ставьте парные теги одинаково: оба внутри текста абзацев, или оба как {%p … %} "
    "(целые абзацы), {%tr … %} (строки таблицы), {%tc … %} (столбцы)"
)


@dataclass(frozen=True)
class BlockProblem:
    """A block whose tags do not pair up: what is wrong and the line of each tag involved."""

    message: str
    line: int
    other_line: int | None = None


@dataclass(frozen=True)
class _Open:
    keyword: str
    tag: str
    path: tuple[str, ...]
    line: int


def check_blocks(source: str) -> BlockProblem | None:
    """Return the first block in Jinja source whose tags do not pair up, or None."""
    path: list[str] = []
    blocks: list[_Open] = []
    line, last = 1, 0
    position = 0
    while match := _TOKENS.search(source, position):
        position = match.end()
        token = match.group(0)
        if token[0] == "<":
            _step_xml(token, path)
            continue
        if not token.startswith("{%"):
            continue
        line += source.count("\n", last, match.start())
        last = match.start()
        keyword = _keyword(token)
        if keyword == "raw":
            end = _RAW_END.search(source, position)
            position = end.end() if end else len(source)
            continue
        problem = _step_block(keyword, token, tuple(path), line, blocks)
        if problem:
            return problem
    if blocks:
        block = blocks[-1]
        return BlockProblem(
            f"блок «{block.tag}» не закрыт: добавьте {{% end{block.keyword} %}} — в том же "
            f"виде, что и открывающий тег ({{%p end{block.keyword} %}} для абзацев, "
            f"{{%tr end{block.keyword} %}} для строк таблицы)",
            block.line,
        )
    return None


def _keyword(tag: str) -> str:
    match = _KEYWORD.match(tag)
    keyword = match.group(1) if match else ""
    if keyword == "set" and "=" in tag:
        return ""  # «{% set x = … %}» is not a block
    return keyword


def _step_xml(token: str, path: list[str]) -> None:
    if token.startswith(("<?", "<!")) or token.endswith("/>"):
        return
    if token.startswith("</"):
        if path:
            path.pop()
        return
    path.append(token[1:].split(None, 1)[0].rstrip(">"))


def _step_block(
    keyword: str, tag: str, path: tuple[str, ...], line: int, blocks: list[_Open]
) -> BlockProblem | None:
    if keyword in _OPENERS:
        blocks.append(_Open(keyword, _shown(tag), path, line))
        return None
    closing = keyword.startswith("end") and keyword[3:] in _OPENERS
    if not closing and keyword not in _MIDDLES:
        return None
    if not blocks:
        return BlockProblem(f"лишний тег «{_shown(tag)}»: перед ним нет открывающего блока", line)
    block = blocks[-1]
    if closing and keyword[3:] != block.keyword:
        return BlockProblem(
            f"тег «{_shown(tag)}» закрывает блок «{block.tag}», а нужен {{% end{block.keyword} %}}",
            line,
            block.line,
        )
    if path != block.path:
        return BlockProblem(
            f"теги «{block.tag}» и «{_shown(tag)}» стоят на разных уровнях документа "
            f"(например, один внутри абзаца, а другой заменяет абзац, строку или ячейку "
            f"целиком), и документ получился бы испорченным. {_HINT}",
            line,
            block.line,
        )
    if closing:
        blocks.pop()
    return None


def _shown(tag: str) -> str:
    """Return a tag as its author wrote it, near enough: «{% if x %}»."""
    inner = tag[2:-2].strip("-+ \t\n")
    return "{% " + " ".join(inner.split()) + " %}"
