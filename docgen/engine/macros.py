"""Write a macro-enabled package (.docm) or a Word template (.dotx, .dotm) as a plain .docx.

docgen writes documents, and a document saved as ``.docx`` with the content type of a
macro-enabled one is refused by Word and python-docx. So the macros (``vbaProject.bin`` and
what it refers to) are left out, with their relationships and content types, and the main
part gets the content type of a plain document — once, when the template is compiled.
"""

from __future__ import annotations

import posixpath

from lxml import etree

from docgen.engine.package import Member

CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAIN_TYPES = frozenset(
    {
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
_VBA_TYPE = "application/vnd.ms-office.vbaProject"
_VBA_RELATIONSHIP = "/vbaProject"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def plain_document(members: list[Member]) -> list[Member]:
    """Return the members of a plain .docx: macros left out, the main content type plain."""
    by_name = {member.name: member for member in members}
    if CONTENT_TYPES not in by_name:
        return members
    types = etree.fromstring(by_name[CONTENT_TYPES].data(), _PARSER)
    changed = False
    for override in types.iter(f"{_CT}Override"):
        if override.get("ContentType") in _OTHER_MAIN_TYPES:
            override.set("ContentType", DOCUMENT_TYPE)
            changed = True
    replaced, dropped = _drop_macros(by_name)
    if not changed and not dropped:
        return members
    _drop_types(types, dropped, by_name)
    replaced[CONTENT_TYPES] = _member(CONTENT_TYPES, types)
    return [replaced.get(member.name, member) for member in members if member.name not in dropped]


def _drop_macros(by_name: dict[str, Member]) -> tuple[dict[str, Member], set[str]]:
    """Remove relationships to macro projects; return the changed .rels and the dropped names."""
    replaced: dict[str, Member] = {}
    dropped: set[str] = set()
    for name, member in by_name.items():
        if not name.endswith(".rels") or _VBA_RELATIONSHIP.encode() not in member.data():
            continue
        rels = etree.fromstring(member.data(), _PARSER)
        for rel in list(rels.iter(f"{_REL}Relationship")):
            if rel.get("Type", "").endswith(_VBA_RELATIONSHIP):
                target = _target(name, rel.get("Target", ""))
                dropped |= {target, *_referred(target, by_name)}
                rels.remove(rel)
        replaced[name] = _member(name, rels)
    return replaced, dropped


def _referred(part: str, by_name: dict[str, Member]) -> set[str]:
    """Return a part's own .rels and the parts it names (a macro project's data)."""
    rels_name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels_name not in by_name:
        return set()
    rels = etree.fromstring(by_name[rels_name].data(), _PARSER)
    targets = {
        _target(rels_name, rel.get("Target", ""))
        for rel in rels.iter(f"{_REL}Relationship")
        if rel.get("TargetMode") != "External"
    }
    return {rels_name, *targets}


def _target(rels_name: str, target: str) -> str:
    """Return the part name a relationship in ``rels_name`` points to."""
    if target.startswith("/"):
        return target.lstrip("/")
    base = posixpath.dirname(posixpath.dirname(rels_name))
    return posixpath.normpath(posixpath.join(base, target))


def _drop_types(types: etree._Element, dropped: set[str], by_name: dict[str, Member]) -> None:
    for override in list(types.iter(f"{_CT}Override")):
        if override.get("PartName", "").lstrip("/") in dropped:
            types.remove(override)
    left = [name for name in by_name if name not in dropped]
    for default in list(types.iter(f"{_CT}Default")):
        extension = "." + default.get("Extension", "").lower()
        if default.get("ContentType") == _VBA_TYPE and not any(
            name.lower().endswith(extension) for name in left
        ):
            types.remove(default)


def _member(name: str, root: etree._Element) -> Member:
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return Member.compressed(name, xml)
