"""Render the document properties (docProps/core.xml): tags in them, and values from data.

As in docxtpl, the author, comments, identifier, language, subject and title may hold
template tags; their values, and those from data, are cleaned by the rule of
``xml_text``. Dates are never taken from the clock: the template's stay unless
``DocumentProperties.created`` gives one, so the same data always gives the same file.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, Template
from lxml import etree

from docgen.engine.jinja_env import environment
from docgen.engine.parts import DOCXTPL, part_bytes
from docgen.engine.word_tree import TEMPLATE_PARSER
from docgen.engine.xml_text import plain_text

CORE_PART = "docProps/core.xml"
LABEL = "свойства документа"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
_TEMPLATED = (
    f"{_DC}creator",
    f"{_DC}description",
    f"{_DC}identifier",
    f"{_DC}language",
    f"{_DC}subject",
    f"{_DC}title",
)


@dataclass(frozen=True)
class DocumentProperties:
    """Properties a document takes from its data; None keeps the template's value."""

    title: str | None = None
    subject: str | None = None
    author: str | None = None
    created: dt.datetime | None = None
    """Creation time; the modification time is set to it too."""

    def assigned(self) -> dict[str, str]:
        """Return the element (Clark name) → text of every property that is set."""
        values = {f"{_DC}title": self.title, f"{_DC}subject": self.subject}
        values[f"{_DC}creator"] = self.author
        if self.created is not None:
            stamp = _w3cdtf(self.created)
            values[f"{_DCTERMS}created"] = values[f"{_DCTERMS}modified"] = stamp
        return {name: value for name, value in values.items() if value is not None}


@dataclass(frozen=True)
class CoreTemplate:
    """The core properties part and the compiled templates of its templated properties."""

    xml: bytes
    templates: Mapping[str, Template]


@functools.cache
def _plain_environment() -> Environment:
    """Return the shared environment without autoescaping: lxml escapes property text."""
    return environment().overlay(autoescape=False)


def compile_core(xml: bytes) -> CoreTemplate:
    """Compile the properties of core.xml that hold template tags."""
    root = etree.fromstring(xml, TEMPLATE_PARSER)
    templates = {}
    for element in root:
        text = element.text or ""
        if element.tag in _TEMPLATED and ("{{" in text or "{%" in text):
            templates[element.tag] = _plain_environment().from_string(text)
    return CoreTemplate(xml, templates)


def render_core(
    core: CoreTemplate, context: Mapping[str, Any], properties: DocumentProperties | None
) -> bytes | None:
    """Return the rendered core.xml, or None when it stays as in the template."""
    assigned = properties.assigned() if properties else {}
    if not core.templates and not assigned:
        return None
    root = etree.fromstring(core.xml, TEMPLATE_PARSER)
    values = {tag: template.render(context) for tag, template in core.templates.items()}
    values.update(assigned)
    for tag, text in values.items():
        element = root.find(tag)
        if element is None:
            element = etree.SubElement(root, tag)
        element.text = plain_text(text)  # the rule of ``xml_text``: never a broken part
        if tag.startswith(_DCTERMS):
            element.set(_XSI_TYPE, "dcterms:W3CDTF")
    body: str = DOCXTPL.xml_to_string(root)
    return part_bytes(body)


def _w3cdtf(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"
