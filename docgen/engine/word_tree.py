"""Read a part of a template as Word shows it, and find its tags by walking the XML tree.

Word nests paragraphs in text boxes, tables in cells, runs in content controls, hyperlinks
and fields; a regular expression over the XML text cannot tell which paragraph a tag is in,
a walk of the tree can. Here, once per template:

1. the part is parsed safely: internal entities of a DOCTYPE are resolved (and the DOCTYPE
   dropped), an entity that names an outside file is refused;
2. tracked changes are taken as Word shows them: deletions out, insertions in;
3. a tag split over several runs is gathered into the run where it starts;
4. each ``{%p %}``, ``{%tr %}``, ``{%tc %}`` tag replaces its nearest paragraph, table row or
   cell — text beside it there is an error, not a silent loss — and ``{{r }}`` its run.
"""

from __future__ import annotations

import bisect
import copy
import re
from dataclasses import dataclass

from lxml import etree

from docgen.engine.locate import JINJA_TAG, shorten
from docgen.engine.xml_text import XML_SPACE, W
from docgen.errors import TemplateError

PLACEHOLDER = "docgen-tag"
"""The processing instruction that stands for a block tag until the part is serialised."""

TEMPLATE_PARSER = etree.XMLParser(
    resolve_entities="internal", no_network=True, load_dtd=False, remove_blank_text=True
)
"""Parse a template's part: internal entities resolved, nothing read from outside."""

_TAG = re.compile(JINJA_TAG, re.DOTALL)
_BLOCK = re.compile(r"(\{%|\{\{|\{#)(p|tr|tc|r) (.*?(?:%\}|\}\}|#\}))", re.DOTALL)
_REMOVED = frozenset({f"{W}del", f"{W}moveFrom"})
_UNWRAPPED = frozenset({f"{W}ins", f"{W}moveTo"})
_MARKERS = frozenset({f"{W}rPr", f"{W}trPr", f"{W}tcPr"})
_CHANGES = tuple(
    f"{W}{name}"
    for name in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "cellIns",
        "cellDel",
    )
)
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PICTURES = (f"{W}drawing", f"{W}pict", f"{W}object")
_WHAT = {
    "p": ("абзац", "весь абзац", "в отдельный абзац"),
    "tr": ("строка таблицы", "всю строку таблицы", "в отдельную строку таблицы"),
    "tc": ("ячейка таблицы", "всю ячейку", "в отдельную ячейку"),
}


@dataclass(frozen=True)
class TextBeside:
    """A ``{%p %}``, ``{%tr %}`` or ``{%tc %}`` tag that shares its element with other content."""

    kind: str
    tag: str
    element_text: str
    beside: str

    def describe(self, template: str, label: str) -> str:
        """Return the Russian message: where, what would be lost and how to fix it."""
        what, whole, apart = _WHAT[self.kind]
        return (
            f"{template}, {label}, {what} «{self.element_text}»: тег {self.tag} заменяет "
            f"{whole}, а рядом с ним стоит {self.beside} — это пропало бы из документа. "
            f"Перенесите тег {self.tag} {apart} или уберите «{self.kind}» из тега, "
            "чтобы он действовал внутри текста"
        )


def parse_part(data: bytes, template: str, name: str) -> etree._Element:
    """Return the root of a template's XML part, parsed safely (see the module docstring)."""
    try:
        root = etree.fromstring(data, TEMPLATE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise xml_error(data, template, name, exc) from exc
    for entity in root.iter(etree.Entity):
        raise TemplateError(
            f"{template}: часть {name} ссылается на внешний файл ({entity.text}); "
            "так нельзя — откройте шаблон в Word и сохраните его заново"
        )
    return root


def xml_error(data: bytes, template: str, name: str, exc: Exception) -> TemplateError:
    """Return the error for a part that cannot be parsed, saying why in a user's words."""
    if b"<!DOCTYPE" in data[:4096]:
        return TemplateError(
            f"{template}: в части {name} объявлены сущности (DOCTYPE), которые нельзя "
            f"безопасно раскрыть: они ссылаются на другие файлы или разрастаются без меры "
            f"({exc}). Word таких не пишет: откройте шаблон в Word и сохраните его заново"
        )
    return TemplateError(f"{template}: часть {name} — не XML ({exc}); файл повреждён")


def accept_changes(root: etree._Element) -> None:
    """Take tracked changes as Word shows them: deleted content out, inserted content in."""
    merged: list[etree._Element] = []
    for element in list(root.iter(*_REMOVED, *_UNWRAPPED)):
        parent = element.getparent()
        if parent is None:
            continue
        if parent.tag not in _MARKERS:
            (_remove if element.tag in _REMOVED else _unwrap)(element)
        elif element.tag in _UNWRAPPED:
            _remove(element)
        elif parent.tag == f"{W}trPr":  # a deleted table row
            row = parent.getparent()
            if row is not None and row.getparent() is not None:
                _remove(row)
        else:
            _remove(element)
            owner = parent.getparent()
            if owner is not None and owner.tag == f"{W}pPr":  # a deleted paragraph mark
                merged.append(owner.getparent())
    for change in list(root.iter(*_CHANGES)):
        _remove(change)
    for paragraph in merged:
        _join_next(paragraph)


def _join_next(paragraph: etree._Element | None) -> None:
    """Join a paragraph whose mark was deleted with the paragraph after it."""
    if paragraph is None or paragraph.getparent() is None:
        return
    following = paragraph.getnext()
    if following is None or following.tag != f"{W}p":
        return
    position = 1 if following.find(f"{W}pPr") is not None else 0
    for child in reversed([c for c in paragraph if c.tag != f"{W}pPr"]):
        following.insert(position, child)
    _remove(paragraph)


def _remove(element: etree._Element) -> None:
    """Remove an element, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Put an element's children in its place."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for child in reversed(list(element)):
        parent.insert(index, child)
    _remove(element)


def gather_tags(root: etree._Element) -> None:
    """Gather each tag split over several runs of a paragraph into the run where it starts."""
    by_paragraph: dict[etree._Element | None, list[etree._Element]] = {}
    for text in root.iter(f"{W}t"):
        by_paragraph.setdefault(nearest(text, "p"), []).append(text)
    for texts in by_paragraph.values():
        if len(texts) > 1:
            _gather(texts)
    for text in root.iter(f"{W}t"):
        if text.text and ("{{" in text.text or "{%" in text.text):
            text.set(XML_SPACE, "preserve")


def _gather(texts: list[etree._Element]) -> None:
    whole = "".join(text.text or "" for text in texts)
    if "{" not in whole:
        return
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text.text or "")
    for match in reversed(list(_TAG.finditer(whole))):
        first = bisect.bisect_right(starts, match.start()) - 1
        last = bisect.bisect_right(starts, match.end() - 1) - 1
        if first == last:
            continue
        head = texts[first].text or ""
        texts[first].text = head[: match.start() - starts[first]] + match.group(0)
        for between in texts[first + 1 : last]:
            between.text = ""
        tail = texts[last].text or ""
        texts[last].text = tail[match.end() - starts[last] :]


def nearest(element: etree._Element, kind: str) -> etree._Element | None:
    """Return the nearest ancestor ``w:<kind>`` of an element, or None."""
    wanted = f"{W}{kind}"
    parent = element.getparent()
    while parent is not None and parent.tag != wanted:
        parent = parent.getparent()
    return parent


def replace_blocks(root: etree._Element) -> list[str]:
    """Replace each block tag's element by a placeholder; return the tags, by placeholder."""
    tags: list[str] = []
    pending = [text for text in root.iter(f"{W}t") if text.text and _BLOCK.search(text.text)]
    while pending:
        text = pending.pop(0)
        match = _BLOCK.search(text.text or "")
        if match is None or not _attached(text, root):
            continue
        tag = f"{match.group(1)} {match.group(3)}"
        if match.group(2) == "r":
            after = _split_run(text, match, _placeholder(len(tags), "r"))
            if after is not None:
                pending.insert(0, after)
        else:
            _replace_element(text, match, _placeholder(len(tags), match.group(2)))
        tags.append(tag)
    return tags


def find_text_beside(root: etree._Element) -> list[TextBeside]:
    """Return every block tag whose paragraph, row or cell holds something else too."""
    problems = []
    for text in root.iter(f"{W}t"):
        for match in _BLOCK.finditer(text.text or ""):
            problem = _beside(text, match)
            if problem is not None:
                problems.append(problem)
    return problems


def _beside(text: etree._Element, match: re.Match[str]) -> TextBeside | None:
    kind = match.group(2)
    if kind == "r":
        return None
    element = nearest(text, kind)
    shown = f"{match.group(1)}{kind} {' '.join(match.group(3)[:-2].split())} {match.group(3)[-2:]}"
    if element is None:
        raise TemplateError(_outside(kind, shown))
    whole = _text_of(element)
    rest = " ".join(whole.replace(match.group(0), " ", 1).split())
    if rest:
        beside = f"текст «{shorten(rest, limit=80)}»"
    elif any(True for _ in element.iter(*_PICTURES)):
        beside = "рисунок или надпись"
    elif element.find(f"{W}pPr/{W}sectPr") is not None:
        beside = "разрыв раздела (его параметры хранятся в этом абзаце)"
    else:
        return None
    return TextBeside(kind, shown, shorten(" ".join(whole.split())), beside)


def _outside(kind: str, tag: str) -> str:
    where = {"p": "абзаца", "tr": "строки таблицы", "tc": "ячейки таблицы"}[kind]
    return f"тег {tag} стоит не внутри {where}: уберите «{kind}» из тега"


def _text_of(element: etree._Element) -> str:
    """Return the text of an element, a space between its paragraphs."""
    pieces: list[str] = []
    paragraph = None
    for text in element.iter(f"{W}t"):
        if any(parent.tag == _FALLBACK for parent in text.iterancestors()):
            continue  # a copy of the text box's content for older readers
        owner = nearest(text, "p")
        if pieces and owner is not paragraph:
            pieces.append(" ")
        paragraph = owner
        pieces.append(text.text or "")
    return "".join(pieces)


def _attached(element: etree._Element, root: etree._Element) -> bool:
    while element is not root:
        parent = element.getparent()
        if parent is None:
            return False
        element = parent
    return True


def _placeholder(index: int, kind: str) -> etree._Element:
    return etree.ProcessingInstruction(PLACEHOLDER, f"{index} {kind}")


def _replace_element(
    text: etree._Element, match: re.Match[str], placeholder: etree._Element
) -> None:
    element = nearest(text, match.group(2))
    if element is None:  # find_text_beside has refused it already
        return
    parent = element.getparent()
    if parent is None:
        return
    placeholder.tail = element.tail
    parent.replace(element, placeholder)


def _split_run(
    text: etree._Element, match: re.Match[str], placeholder: etree._Element
) -> etree._Element | None:
    """Put the placeholder of a ``{{r }}`` tag in place of its run, keeping text beside it.

    Return the run text after the tag (it may hold another such tag), or None.
    """
    run = text.getparent()
    if run is None or run.getparent() is None:
        return None
    content = text.text or ""
    after = etree.Element(f"{W}r")
    properties = run.find(f"{W}rPr")
    if properties is not None:
        after.append(copy.deepcopy(properties))
    rest = None
    if content[match.end() :]:
        rest = etree.SubElement(after, f"{W}t")
        rest.set(XML_SPACE, "preserve")
        rest.text = content[match.end() :]
    for sibling in list(text.itersiblings()):
        after.append(sibling)
    text.text = content[: match.start()]
    if not text.text:
        run.remove(text)
    run.addnext(placeholder)
    if len(after) > (properties is not None):
        placeholder.addnext(after)
    if len(run) == (properties is not None):
        _remove(run)
    return rest
