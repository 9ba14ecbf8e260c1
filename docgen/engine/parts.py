"""Find the parts of a .docx that can hold template tags and turn their XML into Jinja source.

The preprocessing is docxtpl's own (``patch_xml``, ``resolve_listing``, ``fix_tables``), run
through one stateless ``DocxTemplate``; only the order of two steps differs: the newline
that makes every paragraph one line for Jinja is put before each paragraph, table row and
cell *before* patching, so a tag like ``{%tr for … %}`` that replaces its row keeps a line
of its own and an error on it can be shown with its own text.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from docx.opc.oxml import oxml_parser
from docxtpl import DocxTemplate
from jinja2 import Template
from lxml import etree

from docgen.engine.jinja_env import MARKER_NEWLINE
from docgen.engine.package import Member
from docgen.errors import TemplateError

DOCXTPL = DocxTemplate(io.BytesIO())
"""docxtpl's XML machinery; its methods used here read no state of the instance."""

DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

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
_TABLE_SHAPING = re.compile(r"\{[%{]tc\s|\{%-?\s*(?:hm|colspan)\b")
_TAG = re.compile(r"<[^>]*>")
_LISTING_CHARS = ("\n", "\t", "\a", "\f")


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
        return finish_xml(self.template.render(context), self.tree_fix)


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
        raise TemplateError(f"{template}: часть {name} — не XML ({exc}); файл повреждён") from exc


def part_xml(data: bytes, template: str, name: str) -> str:
    """Return a part's XML as docxtpl sees it: parsed by python-docx, serialised by lxml."""
    text: str = DOCXTPL.xml_to_string(_xml(data, template, name))
    return text


def jinja_source(xml: str) -> str:
    """Return the Jinja source of a part: one line per paragraph, row and cell, then patched."""
    patched: str = DOCXTPL.patch_xml(_LINE_START.sub("\n", xml))
    return patched


def has_tags(source: str) -> bool:
    """Tell whether Jinja source holds any tag, i.e. whether the part must be rendered."""
    return "{{" in source or "{%" in source or "{#" in source


def needs_tree_fix(xml: str, source: str) -> bool:
    """Tell whether rendering can change a table's columns or duplicate drawing ids.

    Then docxtpl's ``fix_tables`` and the renumbering of ``wp:docPr`` ids run on the
    rendered part, as in docxtpl; otherwise they would change nothing and are skipped.
    """
    if _TABLE_SHAPING.search(_TAG.sub("", xml)):
        return True
    return "<wp:docPr" in source and "{%" in source


def finish_xml(rendered: str, tree_fix: bool) -> str:
    """Turn Jinja's output into the part's XML, as docxtpl's post-processing does."""
    xml = rendered.replace(MARKER_NEWLINE, "")
    if "_" in xml and ("{_" in xml or "_}" in xml):  # "_" alone is found much faster
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%")
        xml = xml.replace("%_}", "%}")
    if any(char in xml for char in _LISTING_CHARS):
        xml = DOCXTPL.resolve_listing(xml)
        # Outside a run's text (an attribute, say) these cannot be resolved and XML forbids them.
        xml = xml.replace("\a", "").replace("\f", "")
    if tree_fix:
        xml = _fix_tree(xml)
    return xml


def _fix_tree(xml: str) -> str:
    tree = DOCXTPL.fix_tables(xml)
    for number, element in enumerate(tree.xpath("//wp:docPr", namespaces=_WP_NS), start=1001):
        element.set("id", str(number))
    text: str = DOCXTPL.xml_to_string(tree)
    return text
