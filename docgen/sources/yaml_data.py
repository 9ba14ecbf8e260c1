"""Read YAML data files strictly, so that what the file holds is what the person typed.

PyYAML follows YAML 1.1, where ``kpp: 022401001`` is an octal number, ``time: 12:30`` a
sexagesimal one (750) and a key written twice silently keeps the later value. Data files
here are requisites, numbers and dates typed by people, so the reader:

- resolves plain scalars by YAML 1.2's core rules: decimal integers and floats only; a number
  with a leading zero (``022401001``) and anything with a colon stay text, digits as typed;
- refuses a key written twice in one mapping, naming both lines;
- keeps a date that is not in the calendar (``2026-02-30``) and a float too large to be a
  sum of money (``1e308``) as the text typed, so the model names the field and line;
- bounds what aliases (``*name``) may add to the document (``ALIAS_BUDGET`` nodes), refuses
  an alias inside itself and nesting deeper than ``DEPTH_LIMIT``, so that a small file can
  never expand into gigabytes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from docgen.errors import InputError
from docgen.sources.problems import Loc, format_path

ALIAS_BUDGET = 10_000
"""Most values aliases may add to a document beyond the values written in the file."""
DEPTH_LIMIT = 64
"""Deepest nesting of mappings and lists a data file may have."""
FLOAT_LIMIT = 1e15
"""Largest float kept as a number; beyond it a float cannot even hold kopecks exactly."""

_STR_TAG = "tag:yaml.org,2002:str"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_MERGE_TAG = "tag:yaml.org,2002:merge"

_BOOL = r"^(?:true|True|TRUE|false|False|FALSE)$"
_INT = r"^[-+]?(?:0|[1-9][0-9]*)$"
_FLOAT = r"^[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"
_SPECIAL_FLOAT = r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
_DATE = (
    r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$"
)


class DataResolver(yaml.resolver.BaseResolver):
    """Resolve plain scalars by YAML 1.2's core schema: no octal, sexagesimal or «yes»."""


for _tag, _pattern, _first in (
    ("bool", _BOOL, "tTfF"),
    ("int", _INT, "-+0123456789"),
    ("float", _FLOAT, "-+0123456789."),
    ("float", _SPECIAL_FLOAT, "-+."),
    ("merge", r"^<<$", "<"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("timestamp", _DATE, "0123456789"),
):
    DataResolver.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first)
    )


class _PureLoader(Reader, Scanner, Parser, Composer, SafeConstructor, DataResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        DataResolver.__init__(self)


def _loader_class() -> type[Any]:
    """Return a loader on libyaml's parser (about ten times faster, same nodes) if built."""
    try:
        from yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        return _PureLoader

    class FastLoader(CParser, SafeConstructor, DataResolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            DataResolver.__init__(self)

    return FastLoader


_Loader = _loader_class()


@dataclass
class YamlDocument:
    """A YAML file's data and the line of every key path in it."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)


def parse_yaml(text: str, source: str) -> YamlDocument:
    """Parse one YAML document strictly; raise ``InputError`` naming lines for what is refused."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return YamlDocument(None)
        survey = _Survey(source)
        survey.visit(root, (), 0)
        survey.raise_problems()
        return YamlDocument(loader.construct_document(root), survey.lines)
    finally:
        loader.dispose()


class _Survey:
    """Walk the node graph once: lines of keys, duplicates, expansion, odd scalars."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: dict[Loc, int] = {}
        self.problems: list[str] = []
        self.sizes: dict[int, int] = {}  # expanded size of each node seen, by id
        self.added = 0  # values aliases add beyond the file's own
        self.open: set[int] = set()  # nodes being walked: an alias to one is a loop

    def visit(self, node: yaml.Node, loc: Loc, line: int, depth: int = 0) -> int:
        """Return the number of values ``node`` expands to, walking it the first time."""
        known = self.sizes.get(id(node))
        if known is not None:
            return self._alias(known, loc, line)
        if id(node) in self.open:
            raise self._error(line, loc, "ссылка (*имя) указывает внутрь самой себя; уберите её")
        if depth > DEPTH_LIMIT:
            raise self._error(line, loc, f"вложенность глубже {DEPTH_LIMIT} уровней")
        self.open.add(id(node))
        size = 1
        if isinstance(node, yaml.MappingNode):
            size += self._mapping(node, loc, depth)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                # an alias's node marks its anchor: name the line of the list instead
                seen = id(item) in self.sizes or id(item) in self.open
                item_line = line if seen else item.start_mark.line + 1
                self.lines.setdefault((*loc, index), item_line)
                size += self.visit(item, (*loc, index), item_line, depth + 1)
        elif isinstance(node, yaml.ScalarNode):
            _keep_typed(node)
        self.open.discard(id(node))
        self.sizes[id(node)] = size
        return size

    def _alias(self, size: int, loc: Loc, line: int) -> int:
        self.added += size
        if self.added > ALIAS_BUDGET:
            raise self._error(
                line,
                loc,
                f"ссылки (*имя) разворачиваются в слишком много значений (больше {ALIAS_BUDGET}"
                " сверх записанных); так бывает в «YAML-бомбе» — пишите значения явно",
            )
        return size

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> int:
        size = 0
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.tag == _MERGE_TAG:
                size += self.visit(value, loc, line, depth + 1)
                continue
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
            child = (*loc, name)
            if isinstance(key, yaml.ScalarNode) and name in seen:
                self.problems.append(
                    f"строка {line}: ключ «{format_path(child)}» записан дважды — в строках "
                    f"{seen[name]} и {line}; оставьте один"
                )
            seen.setdefault(name, line)
            self.lines.setdefault(child, line)
            size += self.visit(value, child, line, depth + 1)
        return size

    def _where(self, line: int, loc: Loc) -> str:
        path = format_path(loc)
        return f"строка {line}" + (f", {path}" if path else "") + ": "

    def _error(self, line: int, loc: Loc, message: str) -> InputError:
        return InputError(f"{self.source}, {self._where(line, loc)}{message}")

    def raise_problems(self) -> None:
        if self.problems:
            rows = "\n".join(f"  - {problem}" for problem in self.problems)
            raise InputError(f"{self.source}: повторяются ключи:\n{rows}")


def _keep_typed(node: yaml.ScalarNode) -> None:
    """Make a date not in the calendar or a float that is not a modest number text, as typed."""
    if node.tag == _TIMESTAMP_TAG and not _is_calendar_date(node):
        node.tag = _STR_TAG
    elif node.tag == _FLOAT_TAG:
        number = float(node.value.lower().replace(".inf", "inf").replace(".nan", "nan"))
        if not math.isfinite(number) or abs(number) > FLOAT_LIMIT:
            node.tag = _STR_TAG


def _is_calendar_date(node: yaml.ScalarNode) -> bool:
    try:
        SafeConstructor().construct_yaml_timestamp(node)
    except ValueError:
        return False
    return True
