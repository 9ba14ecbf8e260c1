"""Build .docx templates from raw WordprocessingML and read every part of a document back.

python-docx cannot make text boxes, content controls, fields or tracked changes, so these
templates start as a python-docx document whose body (or another part) is then replaced
by XML written here, the way Word writes it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping

from docx import Document
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
BODY_PART = "word/document.xml"


def p(*runs: str, props: str = "") -> str:
    """Return a paragraph of runs (each a string of text or ready XML starting with «<»)."""
    return f"<w:p>{props}{''.join(r if r.startswith('<') else t(r) for r in runs)}</w:p>"


def t(text: str) -> str:
    """Return a run holding ``text`` (XML-escaped)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<w:r><w:t xml:space="preserve">{escaped}</w:t></w:r>'


def table(*rows: list[str]) -> str:
    """Return a table; each row is a list of cells, each cell a string of XML paragraphs."""
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{cell or '<w:p/>'}</w:tc>" for cell in row) + "</w:tr>"
        for row in rows
    )
    width = max(len(row) for row in rows)
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(width))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def vml_text_box(*paragraphs: str) -> str:
    """Return a run holding a VML text box (Word 2003 style) with the given paragraphs."""
    return (
        '<w:r><w:pict><v:shape id="box" style="width:200pt;height:60pt" type="#_x0000_t202">'
        f"<v:textbox><w:txbxContent>{''.join(paragraphs)}</w:txbxContent></v:textbox>"
        "</v:shape></w:pict></w:r>"
    )


def drawing_text_box(*paragraphs: str) -> str:
    """Return a run holding a DrawingML text box with a VML fallback, as Word 2010+ saves it."""
    content = f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="600000"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        '<wp:docPr id="1" name="Надпись 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="2000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f"</a:prstGeom></wps:spPr><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>"
        '<w:pict><v:shape id="box2" style="width:200pt;height:60pt" type="#_x0000_t202">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def content_control(*content: str, block: bool = False) -> str:
    """Return a content control (``w:sdt``) around runs (inline) or paragraphs (``block``)."""
    return (
        '<w:sdt><w:sdtPr><w:alias w:val="Поле"/><w:id w:val="7"/></w:sdtPr>'
        f"<w:sdtContent>{''.join(content)}</w:sdtContent></w:sdt>"
    )


def docx(
    body_xml: str,
    parts: Mapping[str, bytes] | None = None,
    doctype: str = "",
    header: str | None = None,
    title: str | None = None,
) -> bytes:
    """Return a .docx whose body is ``body_xml`` (before the section properties).

    ``parts`` replace or add members as they are; ``doctype`` goes before the root element;
    ``header`` is the text of the header's paragraph, ``title`` the core property.
    """
    buffer = io.BytesIO()
    document = Document()
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if title is not None:
        document.core_properties.title = title
    document.save(buffer)
    members = read_members(buffer.getvalue())
    document = members[BODY_PART].decode("utf-8")
    document = document.replace("<w:body>", "<w:body>" + body_xml, 1)
    if doctype:
        document = re.sub(r"(<\?xml[^>]*\?>\s*)", lambda m: m.group(1) + doctype, document, count=1)
    members[BODY_PART] = document.encode("utf-8")
    members.update(parts or {})
    return write_members(members)


def read_members(data: bytes) -> dict[str, bytes]:
    """Return the members of a zip by name, in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_members(members: Mapping[str, bytes]) -> bytes:
    """Return a zip of the members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def parsed_parts(data: bytes) -> dict[str, etree._Element]:
    """Parse every XML part of a document strictly (no recovery); raise on a broken one."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return {
        name: etree.fromstring(content, parser)
        for name, content in read_members(data).items()
        if name.endswith((".xml", ".rels"))
    }


def paragraphs(data: bytes, part: str = BODY_PART) -> list[str]:
    """Return the text of every paragraph of a part, text boxes and nested tables included.

    A paragraph's text is its own runs' text (a text box inside it is its own paragraph),
    with ``\\n`` for a line break, ``\\t`` for a tab and ``\\f`` for a page break.
    """
    root = parsed_parts(data)[part]
    texts = []
    for paragraph in root.iter(f"{W}p"):
        pieces = []
        for element in paragraph.iter(f"{W}t", f"{W}br", f"{W}tab"):
            if _nearest_paragraph(element) is not paragraph:
                continue
            if element.tag == f"{W}t":
                pieces.append(element.text or "")
            elif element.tag == f"{W}tab":
                pieces.append("\t")
            else:
                pieces.append("\f" if element.get(f"{W}type") == "page" else "\n")
        texts.append("".join(pieces))
    return texts


def _nearest_paragraph(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != f"{W}p":
        parent = parent.getparent()
    return parent
