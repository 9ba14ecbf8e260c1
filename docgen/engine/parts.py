"""Find the parts of a .docx that can hold template tags and turn their XML into Jinja source.

A part is read as Word shows it and its block tags are found by walking the XML tree
(``word_tree``); docxtpl's ``patch_xml`` then does the cell tags and ``fix_tables`` fixes
rendered tables, run through one stateless ``DocxTemplate``. The newline that makes every
paragraph, table row and cell one line for Jinja is put before each of them, so a tag like
``{%tr for … %}`` that replaces its row keeps a line of its own and an error on it can be
shown with its own text.
"""

from __future__ import annotations

import html
import io
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from docx.opc.oxml import oxml_parser
from docxtpl import DocxTemplate
from jinja2 import Template
from lxml import etree

from docgen.engine.jinja_env import MARKER_NEWLINE
from docgen.engine.locate import JINJA_TAG, XML_TAG
from docgen.engine.package import Member
from docgen.engine.word_tree import (
    PLACEHOLDER,
    TextBeside,
    accept_changes,
    find_text_beside,
    gather_tags,
    parse_part,
    replace_blocks,
    xml_error,
)
from docgen.engine.xml_text import PAGE_MARK, PARAGRAPH_MARK, resolve_breaks
from docgen.errors import TemplateError

DOCXTPL = DocxTemplate(io.BytesIO())
"""docxtpl's XML machinery; its methods used here read no state of the instance."""

DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WP_NS = {"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
_OFFICE_DOCUMENT = "/officeDocument"
_KIND_LABELS = {
    "header": "верхний колонтитул",
    "footer": "нижний колонтитул",
    "footnotes": "сноски",
    "endnotes": "концевые сноски",
}
_VARIANTS = {"first": " первой страницы", "even": " чётных страниц"}
_LINE_START = re.compile(r"(?=<w:(?:p|tr|tc)[ >])")
CELL_TAG_MARK = "{#tc#}"
"""Left in a prepared part where a ``{%tc %}`` tag replaced a cell (see ``needs_tree_fix``)."""
_TABLE_SHAPING = re.compile(rf"{re.escape(CELL_TAG_MARK)}|\{{%-?\s*(?:hm|colspan)\b")
_PLACEHOLDER = re.compile(rf"<\?{PLACEHOLDER} (\d+) (\w+)\?>")
_VERBATIM = {9: "&#9;", 10: "&#10;", 0xFDD0: "&#xFDD0;", 0xFDD1: "&#xFDD1;"}
_TAG_IN_LINE = re.compile(JINJA_TAG)
_TAG_ANYWHERE = re.compile(f"({JINJA_TAG})", re.DOTALL)
_QUOTE_KINDS = {"'": "'", '"': '"', "‘": "'", "’": "'", "“": '"', "”": '"', "„": '"'}
_CLOSERS = {"'": "'’‘", '"': '"”“„'}
_SMART_QUOTES = "‘’“”„"
_LITERALS = (
    ("{_{", "{% raw %}{{{% endraw %}"),
    ("{_%", "{% raw %}{%{% endraw %}"),
    ("}_}", "}}"),
    ("%_}", "%}"),
)
_RENDERED_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


@dataclass(frozen=True)
class CompiledPart:
    """A part that holds tags: its zip name, label, Jinja source and compiled template."""

    name: str
    kind: str
    label: str
    source: str
    template: Template
    tree_fix: bool

    def render(self, context: Mapping[str, Any]) -> str:
        """Return the part's XML for ``context`` (without the XML declaration)."""
        return finish_xml(self.template.render(context), self.tree_fix, self.label)


@dataclass(frozen=True)
class PartSpec:
    """A part that may hold template tags: its zip name, kind and how a person calls it."""

    name: str
    kind: str
    label: str


def find_parts(members: Mapping[str, Member], template: str) -> list[PartSpec]:
    """Return the main document part, then its headers, footers, footnotes and endnotes."""
    main = _main_document(members, template)
    rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
    specs = [PartSpec(main, "body", "основной текст")]
    if rels_name not in members:
        return specs
    variants = _header_variants(members[main].data(), template, main)
    for rel in _xml(members[rels_name].data(), template, rels_name).iter(f"{_REL_NS}Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if kind not in _KIND_LABELS or rel.get("TargetMode") == "External":
            continue
        name = _resolve(posixpath.dirname(main), rel.get("Target", ""))
        if name in members:
            label = _KIND_LABELS[kind] + variants.get(rel.get("Id", ""), "")
            specs.append(PartSpec(name, kind, label))
    return specs


def _main_document(members: Mapping[str, Member], template: str) -> str:
    if "_rels/.rels" in members:
        for rel in _xml(members["_rels/.rels"].data(), template, "_rels/.rels").iter(
            f"{_REL_NS}Relationship"
        ):
            if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
                name = _resolve("", rel.get("Target", ""))
                if name in members:
                    return name
    if "word/document.xml" in members:
        return "word/document.xml"
    raise TemplateError(f"{template}: в файле нет основного текста документа Word (.docx)")


def _header_variants(document: bytes, template: str, name: str) -> dict[str, str]:
    """Map the relationship id of each header and footer to «первой страницы» and the like."""
    sections = list(_xml(document, template, name).iter(f"{_W_NS}sectPr"))
    variants: dict[str, str] = {}
    for number, section in enumerate(sections, start=1):
        for reference in section:
            rel_id = reference.get(_R_ID)
            if rel_id is None or rel_id in variants:
                continue
            variant = _VARIANTS.get(reference.get(f"{_W_NS}type", ""), "")
            variants[rel_id] = variant + (f", раздел {number}" if len(sections) > 1 else "")
    return variants


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base, target))


def _xml(data: bytes, template: str, name: str) -> etree._Element:
    try:
        return etree.fromstring(data, oxml_parser)
    except etree.XMLSyntaxError as exc:
        raise xml_error(data, template, name, exc) from exc


def part_xml(data: bytes, template: str, name: str, label: str | None = None) -> str:
    """Return a part's XML read as Word shows it, each block tag in place of its element.

    See ``word_tree``: entities resolved, tracked changes accepted, split tags gathered;
    text beside a ``{%p %}``, ``{%tr %}`` or ``{%tc %}`` tag is a TemplateError. Whitespace
    and the two noncharacters used as marks in the template's own text are written as
    character references, so the text comes out exactly as typed; each block tag stands
    at the start of a line of its own.
    """
    root, problems = _read_part(data, template, name)
    if problems:
        raise TemplateError(problems[0].describe(template, label or name))
    tags = replace_blocks(root)
    xml = etree.tostring(root, encoding="unicode").translate(_VERBATIM)

    def place(match: re.Match[str]) -> str:
        tag = html.escape(tags[int(match.group(1))], quote=False).translate(_VERBATIM)
        if match.group(2) == "r":
            return tag
        return (CELL_TAG_MARK + "\n" if match.group(2) == "tc" else "\n") + tag

    return _PLACEHOLDER.sub(place, xml)


def jinja_source(xml: str) -> str:
    """Return the Jinja source of a part: one line per paragraph, row and cell, then patched.

    docxtpl's ``patch_xml`` does the cell tags (``colspan``, ``cellbg``, ``vm``, ``hm``) and
    the ``{%-``/``-%}`` joins; then the XML entities inside each tag are decoded, so a tag
    means what its author typed (``{{ 'R&D' }}`` prints «R&D»), and ``{_{`` in the template's
    text becomes a literal ``{{``.
    """
    lines = _LINE_START.sub("\n", xml.replace(CELL_TAG_MARK, ""))
    patched: str = DOCXTPL.patch_xml(_TAG_IN_LINE.sub(straighten_quotes, lines))
    decoded = _TAG_IN_LINE.sub(lambda match: html.unescape(match.group(0)), patched)
    return literal_braces(decoded)


def has_tags(source: str) -> bool:
    """Tell whether Jinja source holds any tag, i.e. whether the part must be rendered."""
    return "{{" in source or "{%" in source or "{#" in source


def needs_tree_fix(xml: str, source: str) -> bool:
    """Tell whether rendering can change a table's columns or duplicate drawing ids.

    Then docxtpl's ``fix_tables`` and the renumbering of ``wp:docPr`` ids run on the
    rendered part, as in docxtpl; otherwise they would change nothing and are skipped.
    """
    if _TABLE_SHAPING.search(XML_TAG.sub("", xml)):
        return True
    return "<wp:docPr" in source and "{%" in source


def finish_xml(rendered: str, tree_fix: bool, label: str = "") -> str:
    """Turn Jinja's output into the part's XML: breaks resolved, checked well-formed.

    Every rendered part is parsed, so no document is written with a part Word would refuse:
    by expat when nothing else is to be done (three times faster than building a tree), by
    lxml when ``\t``, ``\n``, ``\a`` or ``\f`` from data must become Word's elements (the
    rule of ``xml_text``) or the tables need fixing.
    """
    xml = rendered.replace(MARKER_NEWLINE, "")
    marks = "\a" in xml or "\f" in xml
    if marks:
        xml = xml.replace("\a", PARAGRAPH_MARK).replace("\f", PAGE_MARK)
    breaks = marks or "\t" in xml or "\n" in xml
    if not breaks and not tree_fix:
        _check_well_formed(xml, label)
        return xml
    try:
        root = etree.fromstring(xml.encode("utf-8"), _RENDERED_PARSER)
    except etree.XMLSyntaxError as exc:
        raise _broken(label, exc) from exc
    if breaks:
        resolve_breaks(root)
    if tree_fix:
        root = DOCXTPL.fix_tables(etree.tostring(root, encoding="unicode"))
        for number, element in enumerate(root.xpath("//wp:docPr", namespaces=_WP_NS), 1001):
            element.set("id", str(number))
    xml = str(etree.tostring(root, encoding="unicode"))
    return xml.replace(PARAGRAPH_MARK, "").replace(PAGE_MARK, "") if marks else xml


def part_bytes(xml: str) -> bytes:
    """Return a rendered part's XML as the bytes of its zip member, with the declaration."""
    return DECLARATION + xml.encode("utf-8")


def _check_well_formed(xml: str, label: str) -> None:
    # Given text, pyexpat keeps the UTF-8 it parses on the string: ``part_bytes`` reuses it.
    parser = expat.ParserCreate(namespace_separator=" ")
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as exc:
        raise _broken(label, exc) from exc


def _broken(label: str, exc: Exception) -> TemplateError:
    """Return the error for a rendered part that is not XML (never written to a file)."""
    return TemplateError(
        f"{label}: документ получился бы испорченным (часть не XML: {exc}); проверьте, что "
        "парные теги стоят на одном уровне, а значения-разметка (RichText, фильтры) — целые"
    )


def straighten_quotes(match: re.Match[str]) -> str:
    """Make the quotes that delimit strings in a tag straight; keep the ones inside strings.

    Word turns typed quotes into typographic ones, which Jinja does not read; quotes inside
    a string are text and must print as typed (written as character references, which
    docxtpl's own quote cleaning leaves alone).
    """
    tag = match.group(0)
    if tag.startswith("{#"):
        return tag
    out: list[str] = []
    closing = ""
    escaped = False
    for char in tag:
        if not closing:
            kind = _QUOTE_KINDS.get(char)
            if kind is not None:
                closing = char if char == kind else _CLOSERS[kind]
                char = kind
        elif escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in closing:
            char, closing = closing[0], ""
        elif char in _SMART_QUOTES:
            char = f"&#x{ord(char):X};"
        out.append(char)
    return "".join(out)


def literal_braces(source: str) -> str:
    """Turn ``{_{`` and ``{_%`` typed in template text into literal ``{{`` and ``{%``.

    Done on the source, outside tags, so the same characters in data print as they are.
    """
    if "{_" not in source and "_}" not in source:
        return source
    pieces = _TAG_ANYWHERE.split(source)
    for index in range(0, len(pieces), 2):
        for typed, literal in _LITERALS:
            pieces[index] = pieces[index].replace(typed, literal)
    return "".join(pieces)


def text_beside_problems(members: Mapping[str, Member], template: str) -> list[str]:
    """Return a message for every block tag with text beside it, in every part, at once.

    Compiling stops at the first such tag; ``docgen check`` can list them all with this.
    """
    messages = []
    for spec in find_parts(members, template):
        _root, problems = _read_part(members[spec.name].data(), template, spec.name)
        messages += [problem.describe(template, spec.label) for problem in problems]
    return messages


def _read_part(data: bytes, template: str, name: str) -> tuple[etree._Element, list[TextBeside]]:
    """Return a part's tree as Word shows it, tags gathered, and its block tags with text beside."""
    root = parse_part(data, template, name)
    accept_changes(root)
    gather_tags(root)
    return root, find_text_beside(root)
