"""Hyphenate the built-in templates: on for the text, off where it never belongs.

``hyphenate`` turns on Word's automatic hyphenation in ``word/settings.xml`` (Russian: the
styles say «ru-RU»); ``no_hyphens`` turns it off for a style or a paragraph, as
``UNHYPHENATED`` lists: headings, captions, the letterhead, stamps and signatures.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

UNHYPHENATED = (
    "Heading 1",
    "Heading 2",
    "Название документа",
    "Гриф",
    "Бланк",
    "Без отступа",
    "Отметка о приложении",
    "Название таблицы",
    "Заголовок таблицы",
    "Подпись под строкой",
)
"""Styles never hyphenated: headings, captions, table headers, the letterhead, stamps and
signatures.

Body text and table cells hyphenate (a narrow column needs it). A table header does not:
«Социальные партнё-ры» where «партнёры» fits on the next line reads badly, so every header
word must fit its column (the builders measure their widths), and a header word that cannot
carries its own soft hyphen («Победи\u00adтелей»).
"""
_AFTER_HYPHENS = (
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip
"""What follows ``w:suppressAutoHyphens`` in ``w:pPr`` (the schema's order, which Word checks)."""


def hyphenate(settings: object) -> None:
    """Turn on automatic hyphenation (Russian, from styles' «ru-RU») in ``word/settings.xml``.

    Capitals are not hyphenated («МБОУ», «СОШ»); the zone is Word's default 0.25 inch. The
    elements go after ``w:defaultTabStop``, where the schema puts them, so Word opens the file.
    """
    after = settings.find(qn("w:defaultTabStop"))  # type: ignore[attr-defined]
    elements = []
    for tag, value in (
        ("w:autoHyphenation", None),
        ("w:consecutiveHyphenLimit", "2"),
        ("w:hyphenationZone", "357"),
        ("w:doNotHyphenateCaps", None),
    ):
        element = OxmlElement(tag)
        if value is not None:
            element.set(qn("w:val"), value)
        elements.append(element)
    for element in reversed(elements):
        after.addnext(element)
    language = settings.find(qn("w:themeFontLang"))  # type: ignore[attr-defined]
    if language is not None:
        language.set(qn("w:val"), "ru-RU")


def no_hyphens(ppr: object) -> None:
    """Add ``w:suppressAutoHyphens`` to paragraph properties, where the schema puts it."""
    if ppr.find(qn("w:suppressAutoHyphens")) is None:  # type: ignore[attr-defined]
        element = OxmlElement("w:suppressAutoHyphens")
        ppr.insert_element_before(element, *_AFTER_HYPHENS)  # type: ignore[attr-defined]
