"""Render templates that insert pictures or links: docxtpl's full path, our compiled parts.

``image()`` and ``link()`` need python-docx state for each document (a new image part, a
relationship id), so such a template is rendered by a ``DocxTemplate`` per document. Its
parts are still rendered by our compiled templates (the same strictness, escaping and error
places as the fast path); docxtpl only carries the python-docx document around them.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from lxml import etree
from markupsafe import Markup, escape

from docgen.engine.package import Member, read_members, write_members
from docgen.engine.parts import CompiledPart, part_bytes
from docgen.engine.properties import CORE_PART, CoreTemplate, DocumentProperties
from docgen.engine.xml_text import clean_text, clean_url
from docgen.errors import InputError


class CompiledTemplate(Protocol):
    """What rendering through docxtpl needs of a compiled template (``template.py``).

    A protocol, so that ``template.py`` imports this module and not the other way round.
    """

    @property
    def name(self) -> str: ...

    @property
    def data(self) -> bytes: ...

    @property
    def members(self) -> Sequence[Member]: ...

    @property
    def parts(self) -> Sequence[CompiledPart]: ...

    @property
    def core(self) -> CoreTemplate | None: ...

    def render_part(self, part: CompiledPart, context: Mapping[str, Any]) -> str: ...

    def render_core(
        self, member: Member, context: Mapping[str, Any], properties: DocumentProperties | None
    ) -> Member: ...


_BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"
_LINK_RUN = (
    '</w:t></w:r><w:hyperlink r:id="{rel}"><w:r><w:rPr><w:color w:val="0563C1"/>'
    '<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>'
    '<w:r><w:t xml:space="preserve">'
)


class _Document(DocxTemplate):  # type: ignore[misc]
    """A DocxTemplate whose parts are rendered by a compiled template."""

    def __init__(self, template: CompiledTemplate) -> None:
        # the members, not the file: a macro package's members are those of a plain .docx
        super().__init__(io.BytesIO(write_members(list(template.members))))
        self.compiled = template
        self.by_name = {part.name: part for part in template.parts}

    def render_xml_part(
        self, src_xml: str, part: Any, context: Mapping[str, Any], jinja_env: Any = None
    ) -> str:
        self.current_rendering_part = part
        compiled = self.by_name.get(str(part.partname).lstrip("/"))
        if compiled is None:
            return src_xml
        xml = self.compiled.render_part(compiled, context)
        if compiled.kind != "body":
            return xml
        body = etree.fromstring(xml.encode("utf-8")).find(_BODY)
        return str(etree.tostring(body, encoding="unicode"))

    def render_properties(self, context: Mapping[str, Any], jinja_env: Any = None) -> None:
        """Leave the properties to ``CompiledTemplate.render_core``."""

    def render_footnotes(self, context: Mapping[str, Any], jinja_env: Any = None) -> None:
        """Render footnotes and endnotes with their compiled templates."""
        for part in self.docx.part.package.iter_parts():
            compiled: CompiledPart | None = self.by_name.get(str(part.partname).lstrip("/"))
            if compiled is not None and compiled.kind in ("footnotes", "endnotes"):
                self.current_rendering_part = part
                xml = self.compiled.render_part(compiled, context)
                part._blob = part_bytes(xml)


def render_stateful(
    template: CompiledTemplate,
    context: Mapping[str, Any],
    properties: DocumentProperties | None,
    media_dir: Path | None,
) -> bytes:
    """Return the document for ``context`` rendered through docxtpl, with fixed timestamps."""
    document = _Document(template)
    functions = {
        "image": functools.partial(_image, document, media_dir),
        "link": functools.partial(_link, document),
    }
    document.render({**context, **functions})
    buffer = io.BytesIO()
    document.save(buffer)
    members = read_members(buffer.getvalue(), template.name)
    if template.core is not None:
        members = [
            template.render_core(member, context, properties)
            if member.name == CORE_PART
            else member
            for member in members
        ]
    return write_members(members)


def _image(
    document: _Document,
    media_dir: Path | None,
    path: str,
    width_mm: float | None = None,
    height_mm: float | None = None,
) -> InlineImage:
    """Return a picture from ``media_dir`` to insert with ``{{ image("logo.png", 40) }}``."""
    file = _media_file(media_dir, str(path))
    try:
        Image.from_file(str(file))
    except (UnrecognizedImageError, OSError) as exc:
        raise InputError(f"{file}: это не изображение (PNG, JPEG, GIF, BMP или TIFF)") from exc
    width = Mm(width_mm) if width_mm else None
    height = Mm(height_mm) if height_mm else None
    return InlineImage(document, str(file), width=width, height=height)


def _media_file(media_dir: Path | None, path: str) -> Path:
    if media_dir is None:
        raise InputError(
            f"шаблон вставляет изображение «{path}», но папка с изображениями не задана"
        )
    root = media_dir.resolve()
    file = (root / path).resolve()
    if not file.is_relative_to(root):
        raise InputError(f"изображение «{path}» лежит вне папки {root}: так нельзя")
    if not file.is_file():
        raise InputError(f"изображение «{path}» не найдено в папке {root}")
    return file


def _link(document: _Document, url: str, text: str | None = None) -> Markup:
    """Return a hyperlink to insert with ``{{ link("https://…", "сайт") }}``."""
    part = document.current_rendering_part
    rel = part.relate_to(clean_url(str(url)), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    shown = escape(clean_text(str(url if text is None else text)))
    return Markup(_LINK_RUN.format(rel=rel, text=shown))
