"""Say where in a template something went wrong, in words a person editing it in Word knows.

Every paragraph, table row and cell of a part's Jinja source is one line (see ``parts.py``),
so Jinja's line number gives the paragraph; its text, tags included, is what we quote.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType

from jinja2 import TemplateSyntaxError

_BREAK = re.compile(r"<w:(?:tab|br|cr)\b[^>]*/>")
JINJA_TAG = r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}"
"""A template tag, ``{% … %}``, ``{{ … }}`` or ``{# … #}``: compiled with the flags of each use."""
XML_TAG = re.compile(r"<[^>]*>")
_JINJA_TAG = re.compile(f"({JINJA_TAG})")
_SPACES = re.compile(r"\s+")
_LIMIT = 160
_TOKEN_NAMES = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "end of template": "конец шаблона",
    "name": "имя",
    "end of comment": "#}",
}
_SMART_QUOTES = "«»„“”‘’"


@dataclass(frozen=True)
class Place:
    """A paragraph of a template: the file, the part and the paragraph's text."""

    template: str
    part: str
    text: str

    def describe(self) -> str:
        """Return «договор.docx, основной текст, абзац «…»»."""
        where = f"{self.template}, {self.part}"
        return f"{where}, абзац «{self.text}»" if self.text else where


def line_text(source: str, lineno: int, focus: str | None = None) -> str:
    """Return the text of line ``lineno`` (1-based) of Jinja source: a paragraph, tags kept."""
    lines = source.split("\n")
    if not 0 < lineno <= len(lines):
        return ""
    return paragraph_text(lines[lineno - 1], focus)


def paragraph_text(xml: str, focus: str | None = None) -> str:
    """Return the visible text of an XML fragment, spaces collapsed, cut around ``focus``.

    Tags are kept as they are: their text is decoded already and may hold «<» or «&».
    """
    pieces = _JINJA_TAG.split(_BREAK.sub(" ", xml))
    text = "".join(
        piece if index % 2 else html.unescape(XML_TAG.sub("", piece))
        for index, piece in enumerate(pieces)
    )
    return shorten(_SPACES.sub(" ", text).strip(), focus)


def shorten(text: str, focus: str | None = None, limit: int = _LIMIT) -> str:
    """Cut long text to about ``limit`` characters around ``focus``, marking cuts with «…»."""
    if len(text) <= limit:
        return text
    at = text.find(focus) if focus else -1
    start = max(0, min(at - limit // 3, len(text) - limit)) if at > 0 else 0
    head = "…" if start else ""
    tail = "…" if start + limit < len(text) else ""
    return head + text[start : start + limit].strip() + tail


def template_line(traceback: TracebackType | None, names: Iterable[str]) -> tuple[str, int] | None:
    """Return the innermost (part name, line) of a traceback that runs template code."""
    wanted = set(names)
    found = None
    while traceback is not None:
        filename = traceback.tb_frame.f_code.co_filename
        if filename in wanted:
            found = (filename, traceback.tb_lineno)
        traceback = traceback.tb_next
    return found


def explain_syntax(exc: TemplateSyntaxError, filters: Iterable[str]) -> str:
    """Return what is wrong with a tag, in Russian, from Jinja's message."""
    message = exc.message or ""
    for pattern, explain in _EXPLANATIONS:
        match = re.search(pattern, message)
        if match:
            return explain(match, filters)
    return f"ошибка в теге ({message})"


def _unclosed(match: re.Match[str], _filters: Iterable[str]) -> str:
    block = match.group(1)
    return f"блок «{block}» не закрыт: добавьте {{% end{block} %}} (или {{%p end{block} %}})"


def _unknown_tag(match: re.Match[str], _filters: Iterable[str]) -> str:
    tag = match.group(1)
    if tag.startswith("end") or tag in ("else", "elif"):
        return f"лишний тег «{tag}»: перед ним нет открывающего блока"
    return f"неизвестный тег «{tag}»"


def _unknown_filter(match: re.Match[str], filters: Iterable[str]) -> str:
    name = match.group(1)
    close = difflib.get_close_matches(name, list(filters), n=1)
    hint = f"; может быть, «{close[0]}»?" if close else ""
    return f"нет фильтра «{name}»{hint}"


def _expected(match: re.Match[str], _filters: Iterable[str]) -> str:
    wanted = _TOKEN_NAMES.get(match.group(1), match.group(1))
    got = _TOKEN_NAMES.get(match.group(2), match.group(2))
    return f"ожидалось «{wanted}», а стоит «{got}»"


def _token(name: str) -> str:
    return _TOKEN_NAMES.get(name, name)


def _expected_swap(match: re.Match[str]) -> str:
    return f"ожидалось «{_token(match[2])}», а стоит «{_token(match[1])}»"


def _bad_char(match: re.Match[str], _filters: Iterable[str]) -> str:
    char = match.group(1)
    if char in _SMART_QUOTES:
        return f"кавычка «{char}» внутри тега: пишите прямые кавычки \" или '"
    return f"недопустимый символ «{char}» внутри тега"


_EXPLANATIONS = (
    (r"innermost block that needs to be closed is '(\w+)'", _unclosed),
    (r"unknown tag '(\w+)'", _unknown_tag),
    (r"No filter named '([^']+)'", _unknown_filter),
    (r"No test named '([^']+)'", lambda m, _f: f"нет проверки «{m.group(1)}»"),
    (r"expected token '([^']+)', got '([^']*)'", _expected),
    (r"unexpected char '(.+?)' at \d+", _bad_char),
    (r"unexpected end of template", lambda _m, _f: "тег не закрыт: не хватает }} или %}"),
    (r"unexpected '([^']+)', expected '([^']+)'", lambda m, _f: _expected_swap(m)),
    (r"unexpected '\}'", lambda _m, _f: "одиночная «}» в теге: тег закрывается двумя: }} или %}"),
    (r"unexpected '(end of [^']+)'", lambda m, _f: f"выражение оборвано перед «{_token(m[1])}»"),
    (r"unexpected '(.+?)'", lambda m, _f: f"лишний знак «{m.group(1)}» в теге"),
    (
        r"[Ee]xpected an expression, got '(.+?)'",
        lambda m, _f: f"нет выражения перед «{m.group(1)}»",
    ),
    (r"tag name expected", lambda _m, _f: "после {% нет имени тега"),
)
