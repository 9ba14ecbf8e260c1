"""The one rule for values that cannot go into a Word document as they are.

Every value a template prints — in the body, tables, headers, footers, footnotes, text
boxes, content controls, hyperlinks, fields — and every document property goes through
the same rule:

1. Line ends (``\\r\\n``, ``\\r``, ``\\n``) and the vertical tab ``\\v`` (Word's own manual
   line break) are a line break; ``\\t`` is a tab.
2. ``\\a`` starts a new paragraph and ``\\f`` puts a page break in a paragraph of its own, as
   docxtpl's ``Listing`` does — where the text sits directly in a paragraph. Where a
   paragraph cannot be split (a content control, a hyperlink, a field, a tracked insertion,
   a smart tag; a document property; a link's text) both are a line break.
3. Every other C0 control character (U+0000–U+001F), DEL (U+007F), lone surrogates and the
   noncharacters U+FDD0–U+FDEF, U+FFFE, U+FFFF are removed: XML 1.0 cannot hold most of
   them and Word shows none of them.
4. C1 control characters (U+0080–U+009F) are kept: XML allows them, and dropping them would
   lose data without a word (they usually mean text decoded with the wrong code page, which
   is better seen in the document than silently mended).

In a property a line break is ``\\n`` and a tab ``\\t``; a link's address loses every control
character (an address has no lines). In attribute values (a cell's colour, say) ``\\a`` and
``\\f`` are removed.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PARAGRAPH_MARK = "\ufdd0"
"""Stands for ``\\a`` while a rendered part is parsed (XML cannot hold ``\\a`` itself)."""
PAGE_MARK = "\ufdd1"
"""Stands for ``\\f`` while a rendered part is parsed."""

_SUSPECT = re.compile("[\x00-\x06\x08\x0b\x0d-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_REMOVED = re.compile("[\x00-\x06\x08\x0e-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_LINE_ENDS = re.compile("\r\n?|\x0b")
_PLAIN_BREAKS = re.compile("[\a\f]")
_URL_REMOVED = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_BREAKS = re.compile(f"([\t\n{PARAGRAPH_MARK}{PAGE_MARK}])")
_MARKS = (PARAGRAPH_MARK, PAGE_MARK)
_SPLIT = "{docgen}split"


def clean_text(text: str) -> str:
    """Return document text under the rule: line ends made ``\\n``, other controls removed.

    ``\\t``, ``\\n``, ``\\a`` and ``\\f`` stay; ``resolve_breaks`` turns them into a tab, a line
    break, a new paragraph and a page break once the part is rendered.
    """
    if _SUSPECT.search(text) is None:
        return text
    return _REMOVED.sub("", _LINE_ENDS.sub("\n", text))


def plain_text(text: str) -> str:
    """Return text for a document property: the rule, with ``\\a`` and ``\\f`` a line break."""
    return _PLAIN_BREAKS.sub("\n", clean_text(text))


def clean_url(url: str) -> str:
    """Return a link's address without any control character."""
    return _URL_REMOVED.sub("", url)


def resolve_breaks(root: etree._Element) -> None:
    """Turn ``\\t``, ``\\n`` and the marks of ``\\a``, ``\\f`` in run text into Word's elements."""
    for text in list(root.iter(f"{W}t")):
        if text.text and _BREAKS.search(text.text):
            _split_text(text)
    for mark in list(root.iter(_SPLIT)):
        _split_paragraph(mark)


def _split_text(element: etree._Element) -> None:
    run = element.getparent()
    if run is None:
        return
    splits = run.tag == f"{W}r" and _parent_tag(run) == f"{W}p"
    index = run.index(element)
    pieces = [piece for piece in _BREAKS.split(element.text or "") if piece]
    run.remove(element)
    for offset, piece in enumerate(pieces):
        run.insert(index + offset, _piece(piece, splits))


def _parent_tag(element: etree._Element) -> str | None:
    parent = element.getparent()
    return None if parent is None else str(parent.tag)


def _piece(piece: str, splits: bool) -> etree._Element:
    if piece == "\t":
        return etree.Element(f"{W}tab")
    if piece in _MARKS:
        if splits:
            return etree.Element(_SPLIT, page="1" if piece == PAGE_MARK else "0")
        return etree.Element(f"{W}br")
    if piece == "\n":
        return etree.Element(f"{W}br")
    text = etree.Element(f"{W}t")
    text.set(XML_SPACE, "preserve")
    text.text = piece
    return text


def _split_paragraph(mark: etree._Element) -> None:
    """Start a new paragraph at ``mark`` (a page break before it when asked)."""
    run = mark.getparent()
    paragraph = run.getparent()
    following = etree.Element(f"{W}p")
    properties = paragraph.find(f"{W}pPr")
    if properties is not None:
        copied = copy.deepcopy(properties)
        section = properties.find(f"{W}sectPr")
        for old in copied.iterfind(f"{W}sectPr"):
            copied.remove(old)
        if section is not None:  # the section ends after the last piece of the paragraph
            copied.append(section)
        following.append(copied)
    rest = etree.SubElement(following, f"{W}r")
    run_properties = run.find(f"{W}rPr")
    if run_properties is not None:
        rest.append(copy.deepcopy(run_properties))
    for sibling in list(mark.itersiblings()):
        rest.append(sibling)
    for sibling in list(run.itersiblings()):
        following.append(sibling)
    run.remove(mark)
    paragraph.addnext(following)
    if mark.get("page") == "1":
        page = etree.Element(f"{W}p")
        etree.SubElement(etree.SubElement(page, f"{W}r"), f"{W}br").set(f"{W}type", "page")
        paragraph.addnext(page)
