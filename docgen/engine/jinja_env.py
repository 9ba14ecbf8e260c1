"""Build the Jinja environment every template runs in: sandboxed, strict and escaping.

Data reaches a document only through ``{{ … }}`` outputs, so ``finalize`` is the one place
that makes any value fit for XML: it refuses ``None`` (a contract never says «None») and
cleans control characters (XML 1.0 forbids most of them).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final

from jinja2 import StrictUndefined, TemplateRuntimeError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing
from markupsafe import Markup

from docgen.language.filters import FILTERS

MARKER_NEWLINE: Final = "\r"
"""What a newline of the template itself renders to; ``parts.py`` removes it afterwards.

The XML of a part gets a newline before every paragraph, row and cell so that Jinja's line
numbers name a paragraph; rendering those newlines as ``\\r`` lets one ``str.replace`` drop
them while newlines that come from data (``\\n``, a line break in Word) stay.
"""

STATEFUL_FUNCTIONS = frozenset({"image", "link"})
"""Functions a template may call that need python-docx state (see ``stateful.py``)."""

_SUSPECT = re.compile("[\x00-\x06\x08\x0b\x0d-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_LINE_ENDS = re.compile("\r\n?|\x0b")
_DICT_MEMBERS = frozenset(dir(dict))


class MissingValueError(UndefinedError):
    """A template used a value that the data does not have."""

    def __init__(
        self, message: str | None = None, *, name: str | None, root: bool, owner: Any = None
    ) -> None:
        super().__init__(message)
        self.name = name
        self.root = root
        self.owner = owner
        """The value that lacks ``name`` (None for a missing top-level name)."""


class EmptyValueError(TemplateRuntimeError):
    """A template printed ``None``."""


class MissingValue(StrictUndefined):
    """A strict undefined whose error remembers the missing name, for a precise message."""

    __slots__ = ()

    def __init__(
        self,
        hint: str | None = None,
        obj: Any = missing,
        name: str | None = None,
        exc: type[TemplateRuntimeError] = UndefinedError,
    ) -> None:
        if exc is UndefinedError:  # keep the sandbox's SecurityError as it is
            owner = None if obj is missing else obj
            factory = functools.partial(
                MissingValueError, name=name, root=obj is missing, owner=owner
            )
            exc = factory  # type: ignore[assignment]
        super().__init__(hint, obj, name, exc)


def clean_text(text: str) -> str:
    """Return text fit for XML 1.0: line ends made ``\\n``, other control characters removed.

    ``\\t``, ``\\n``, ``\\a`` and ``\\f`` stay: as in docxtpl they become a tab, a line break,
    a new paragraph and a page break.
    """
    if _SUSPECT.search(text) is None:
        return text
    return _SUSPECT.sub("", _LINE_ENDS.sub("\n", text))


def tie_numero(text: str) -> str:
    """Join «№» to its number with a no-break space, so a line never ends after «№»."""
    return text.replace("№ ", "№\u00a0") if "№ " in text else text


def finalize(value: Any) -> Any:
    """Refuse ``None``; clean and tie «№» in the text of every value a template prints."""
    if isinstance(value, str):
        cleaned = tie_numero(clean_text(value))
        if cleaned is value:  # both steps return the very same object when nothing changes
            return value
        return Markup(cleaned) if isinstance(value, Markup) else cleaned
    if value is None:
        raise EmptyValueError("None")
    if hasattr(value, "__html__"):  # RichText, Listing, InlineImage: trusted markup
        return value
    return tie_numero(clean_text(str(value)))


class DocumentEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with the same rules and a faster attribute lookup.

    Documents print a hundred ``a.b`` lookups each, so the sandbox's checks are a fifth of
    the rendering time. The verdict of ``is_safe_attribute`` depends only on the type of
    the object and the attribute's name (not on the value), so it is remembered per pair;
    and a plain ``dict`` (YAML data) has no attributes but its class's, so for any other
    name the key is looked up at once instead of after a failed ``getattr``.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.safe_attributes: dict[tuple[type, str], bool] = {}

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_MEMBERS:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self.safe_attributes.get(key)
        if safe is None:
            safe = self.safe_attributes[key] = super().is_safe_attribute(obj, attr, value)
        return safe


@functools.cache
def environment() -> DocumentEnvironment:
    """Return the shared environment: sandboxed, strict, autoescaping, with Russian filters."""
    env = DocumentEnvironment(
        undefined=MissingValue,
        autoescape=True,
        finalize=finalize,
        newline_sequence=MARKER_NEWLINE,
        auto_reload=False,
        cache_size=0,
    )
    env.filters.update(FILTERS)
    return env


def known_globals() -> frozenset[str]:
    """Return the names a template may use that are not data: Jinja's globals and ours."""
    return frozenset(environment().globals) | STATEFUL_FUNCTIONS | {"loop"}
