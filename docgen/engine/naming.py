"""Name output files from a Jinja pattern: safe on every system, unique, inside their folder.

A name comes from data (a partner's name, a number with «/»), so it is cleaned the way
Windows, macOS and Linux all accept: no path separators or ``<>:"/\\|?*``, no control or
invisible formatting characters, no reserved device names (CON, NUL, COM1…), no leading
dot (a hidden file) or trailing dot or space, at most ``NAME_LIMIT`` characters and
``BYTE_LIMIT`` bytes. Equal names (ignoring case) are numbered « (2)», « (3)»…
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateSyntaxError
from jinja2 import TemplateError as JinjaTemplateError
from pydantic import BaseModel

from docgen.engine.check import explain_path
from docgen.engine.fields import find_usages
from docgen.engine.jinja_env import EmptyValueError, MissingValueError, environment, known_globals
from docgen.engine.locate import Place, explain_syntax
from docgen.errors import InputError, OutputError, TemplateError

NAME_LIMIT = 120
"""Most characters a name may have before its extension."""
BYTE_LIMIT = 240
"""Most UTF-8 bytes a name may have before « (N)» and the extension (file systems allow 255)."""
FALLBACK = "документ"
"""The name of a document whose pattern gave nothing usable."""
NAME_EXTRAS = frozenset({"row", "index"})
"""Names a file-name pattern has besides the document's data: the row and the position."""

_FORBIDDEN = re.compile(r"[<>:/\\|?*]+")
_SPACES = re.compile(r"\s+")
_DROPPED_CATEGORIES = frozenset({"Cf", "Cs", "Co"})  # invisible formatting, surrogates, private
_SPACE_CATEGORIES = frozenset({"Zl", "Zp", "Zs"})
_DEVICES = ("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$")
_PORTS = tuple(f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³")
RESERVED = frozenset(_DEVICES + _PORTS)
"""Names Windows keeps for devices, with any extension: ``CON.docx`` cannot be created."""
_WORD_CUT = 30  # a cut goes back to a space when one is this close to the limit


def safe_stem(
    text: str,
    limit: int = NAME_LIMIT,
    *,
    fallback: str | None = FALLBACK,
    quotes: bool = True,
    controls: str = " ",
    space: str = " ",
) -> str:
    """Return ``text`` made fit to be a file name (without extension) on any system.

    The one sanitiser of docgen; its callers differ only in the parameters:

    - ``limit``: most characters (the UTF-8 bytes are always at most ``BYTE_LIMIT``);
    - ``fallback``: the name when nothing usable is left; None raises ``TemplateError``;
    - ``quotes``: typewriter quotes become «ёлочки» (True) or a dash like other unsafe
      characters (False);
    - ``controls``: what a control character (tab, line feed…) becomes: a space, or ``"-"``
      like an unsafe character;
    - ``space``: what a run of white space becomes (``"-"`` for names without spaces).
    """
    control = "/" if controls == "-" else controls  # «/» joins a run of unsafe characters
    cleaned = _visible(unicodedata.normalize("NFC", text), control)
    cleaned = _quotes(cleaned) if quotes else cleaned.replace('"', "/")
    cleaned = _SPACES.sub(" ", _FORBIDDEN.sub("-", cleaned))
    cleaned = _trim(cleaned)
    if not cleaned:
        if fallback is None:
            raise TemplateError("имя файла получилось пустым: в нём нет ни одной буквы или цифры")
        return fallback
    if cleaned.split(".")[0].rstrip(" ").upper() in RESERVED:
        cleaned = "_" + cleaned
    if space != " ":
        cleaned = _trim(re.sub(f"(?:{re.escape(space)}| )+", space, cleaned.replace(" ", space)))
    return cleaned if _fits(cleaned, limit) else _shorten(cleaned, limit)


def _visible(text: str, control: str = " ") -> str:
    """Drop invisible characters; line breaks become spaces, control characters ``control``."""
    chars = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cc":
            chars.append(control)
        elif category in _SPACE_CATEGORIES:
            chars.append(" ")
        elif category not in _DROPPED_CATEGORIES:
            chars.append(char)
    return "".join(chars)


def _quotes(text: str) -> str:
    """Turn typewriter quotes into «ёлочки»: opening after a space or bracket, else closing."""
    if '"' not in text:
        return text
    chars = list(text)
    for index, char in enumerate(chars):
        if char == '"':
            opening = index == 0 or chars[index - 1] in " («-"
            chars[index] = "«" if opening else "»"
    return "".join(chars)


def _trim(text: str) -> str:
    """Strip spaces, dots and dashes at both ends (hidden files; Windows drops trailing dots)."""
    text = text.strip(" .-")
    return text[2:].strip(" .-") if text.startswith("~$") else text  # Word's lock files


def _fits(text: str, limit: int) -> bool:
    return len(text) <= limit and len(text.encode("utf-8")) <= BYTE_LIMIT


def _shorten(text: str, limit: int) -> str:
    """Cut ``text`` to fit the limits, at a word if one ends near, marking the cut with «…».

    A cut never parts a letter from its accent, and a «ёлочка» left open is closed.
    """
    end = min(len(text), limit - 1)
    while end and not _fits(text[:end] + "…", limit):
        end -= 1
    while 0 < end < len(text) and unicodedata.combining(text[end]):
        end -= 1
    space = text.rfind(" ", 0, end + 1)
    if space > 0 and end - space < _WORD_CUT:
        end = space
    cut = text[:end].rstrip(" .,;:-")
    while True:
        closing = "»" * max(0, cut.count("«") - cut.count("»"))
        if _fits(cut + "…" + closing, limit):
            return cut + "…" + closing
        cut = _drop_last_letter(cut)


def _drop_last_letter(text: str) -> str:
    """Remove the last letter together with the accents that follow it."""
    end = len(text)
    while end and unicodedata.combining(text[end - 1]):
        end -= 1
    return text[: max(0, end - 1)]


class UniqueNames:
    """Hand out file names once each, numbering repeats « (2)», « (3)» (case ignored)."""

    def __init__(self, extension: str) -> None:
        self.extension = extension
        self._taken: set[str] = set()

    def claim(self, stem: str) -> str:
        """Return ``stem`` + extension, or the first free « (N)» variant of it."""
        name, number = stem + self.extension, 1
        while name.casefold() in self._taken:
            number += 1
            name = f"{stem} ({number}){self.extension}"
        self._taken.add(name.casefold())
        return name


def path_inside(folder: Path, name: str) -> Path:
    """Return ``folder / name`` after making sure it is a file right inside ``folder``."""
    path = folder / name
    if name in ("", ".", "..") or Path(name).name != name or "\\" in name:
        raise OutputError(f"«{name}»: недопустимое имя файла для папки {folder}")
    if path.is_symlink():
        raise OutputError(
            f"{path}: это символическая ссылка; docgen не пишет по ссылкам — удалите её "
            "или выберите другую папку"
        )
    if path.resolve().parent != folder.resolve():
        raise OutputError(f"{path}: файл оказался бы вне папки {folder}; выберите другую папку")
    return path


def _pattern_environment() -> Environment:
    return environment().overlay(autoescape=False)


def _syntax_error(source: str, exc: TemplateSyntaxError) -> TemplateError:
    reason = explain_syntax(exc, environment().filters)
    return TemplateError(f"шаблон имени файла «{source}»: {reason}")


def check_name_pattern(source: str, model: type[BaseModel]) -> None:
    """Raise ``TemplateError`` naming every name of a file-name pattern ``model`` lacks.

    ``model`` describes the documents' context; ``row`` and ``index`` are always there.
    """
    NamePattern(source)  # syntax and filters
    tree = _pattern_environment().parse(source)
    place = Place("шаблон имени файла", "", source)
    reasons: list[str] = []
    for usage in find_usages(tree, lambda line, focus: place, known_globals()):
        if usage.path[0] in NAME_EXTRAS and usage.path[0] not in model.model_fields:
            continue
        reason = explain_path(model, usage.path)
        if reason is not None and reason not in reasons:
            reasons.append(reason)
    if reasons:
        known = ", ".join([*model.model_fields, *sorted(NAME_EXTRAS)])
        raise TemplateError(
            f"шаблон имени файла «{source}»: {'; '.join(reasons)} (имена верхнего уровня: {known})"
        )


class NamePattern:
    """A file-name pattern (``{{ agreement.number }} {{ partner.short_name }}``), compiled once.

    Besides the document's data the pattern sees ``row`` (the workbook row of the document)
    and ``index`` (its position in the batch); data of the same name wins.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        try:
            self.template = _pattern_environment().from_string(source)
        except TemplateSyntaxError as exc:
            raise _syntax_error(source, exc) from exc

    def render(self, context: Mapping[str, Any], row: int, index: int) -> str:
        """Return the safe file name (without extension) of one document."""
        try:
            text = self.template.render({"row": row, "index": index, **context})
        except EmptyValueError as exc:
            raise InputError(f"имя файла «{self.source}»: значение пустое (None)") from exc
        except MissingValueError as exc:
            raise InputError(f"имя файла «{self.source}»: нет значения «{exc.name}»") from exc
        except JinjaTemplateError as exc:
            raise InputError(f"имя файла «{self.source}»: {exc.message or exc}") from exc
        return safe_stem(text)
