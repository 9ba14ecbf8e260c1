"""A compiled template: render a document for a context, many times, fast and the same each time."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.engine.failures import render_failure
from docgen.engine.fields import Usage, part_usages
from docgen.engine.limits import RenderLimits, rendering
from docgen.engine.package import Member, write_members
from docgen.engine.parts import CompiledPart, part_bytes
from docgen.engine.properties import CORE_PART, LABEL, CoreTemplate, DocumentProperties, render_core
from docgen.engine.stateful import render_stateful


@dataclass(frozen=True)
class Extensions:
    """The caller's filters and globals (functions or values) added to a template's sandbox."""

    filters: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    globals: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        filters: Mapping[str, Callable[..., Any]] | None,
        globals: Mapping[str, Any] | None,
    ) -> Extensions:
        """Return the extensions, after checking that every name can be written in a tag."""
        for kind, names in (("filter", filters or {}), ("global", globals or {})):
            for name in names:
                if not (isinstance(name, str) and name.isidentifier()):
                    raise ValueError(f"{kind} name {name!r} cannot be written in a template tag")
        for name, function in (filters or {}).items():
            if not callable(function):
                raise TypeError(f"filter {name!r} is not callable: {function!r}")
        return cls(dict(filters or {}), dict(globals or {}))

    def __bool__(self) -> bool:
        return bool(self.filters or self.globals)


class CompiledTemplate:
    """A .docx template compiled once; ``render`` gives one document's bytes per context.

    Only the parts that hold tags are rendered; every other member of the package is copied
    as stored. A template that calls ``image()`` or ``link()`` needs python-docx state per
    document and renders through docxtpl (``stateful.py``); that is decided at compile time.
    """

    def __init__(
        self,
        name: str,
        data: bytes,
        members: Sequence[Member],
        parts: Sequence[CompiledPart],
        core: CoreTemplate | None,
        stateful: bool,
        *,
        extensions: Extensions | None = None,
        limits: RenderLimits | None = None,
    ) -> None:
        self.name = name
        """How messages name the template: its path as given."""
        self.data = data
        """The template file's bytes."""
        self.members = tuple(members)
        self.parts = tuple(parts)
        self.core = core
        self.stateful = stateful
        """Whether rendering goes through docxtpl because the template inserts images or links."""
        self.extensions = extensions or Extensions()
        """The caller's filters and globals, compiled in (``compile_template``)."""
        self.limits = limits or RenderLimits()
        """What one document may cost: render time, output size, size of built values."""

    def render(
        self,
        context: Mapping[str, Any],
        *,
        properties: DocumentProperties | None = None,
        media_dir: Path | None = None,
    ) -> bytes:
        """Return the .docx bytes of the document for ``context``.

        ``properties`` sets the document's title, author and dates from data; ``media_dir``
        is the folder ``image()`` may read pictures from (only that folder and below).
        Past a limit (``self.limits``) the document fails with a TemplateError naming the
        paragraph.
        """
        with rendering(self.limits) as budget:
            if self.stateful:
                return render_stateful(self, context, properties, media_dir)
            rendered = {part.name: self.render_part(part, context) for part in self.parts}
            budget.check_time()
            return self.package(rendered, context, properties)

    def render_part(self, part: CompiledPart, context: Mapping[str, Any]) -> str:
        """Return one part's XML for ``context``; errors name the paragraph."""
        try:
            return part.render(context)
        except Exception as exc:
            error = render_failure(exc, self.name, self.parts, context)
            if error is None:
                raise
            raise error from exc

    def package(
        self,
        rendered: Mapping[str, str],
        context: Mapping[str, Any],
        properties: DocumentProperties | None,
    ) -> bytes:
        """Return the zip of the template's members with the rendered parts put in."""
        members = []
        for member in self.members:
            if member.name in rendered:
                xml = part_bytes(rendered[member.name])
                member = Member.compressed(member.name, xml)
            elif member.name == CORE_PART:
                member = self.render_core(member, context, properties)
            members.append(member)
        return write_members(members)

    def render_core(
        self, member: Member, context: Mapping[str, Any], properties: DocumentProperties | None
    ) -> Member:
        """Return the core properties member for ``context``: rendered, or as stored."""
        if self.core is None:
            return member
        try:
            xml = render_core(self.core, context, properties)
        except Exception as exc:
            error = render_failure(exc, f"{self.name}, {LABEL}", (), context)
            if error is None:
                raise
            raise error from exc
        return member if xml is None else Member.compressed(member.name, xml)

    def fields(self) -> list[Usage]:
        """Return every data path the template uses, with the paragraph of each use.

        Names the caller added as globals (``compile_template(globals=…)``) are not data.
        """
        added = self.extensions.globals
        return [
            usage
            for part in self.parts
            for usage in part_usages(part, self.name)
            if usage.path[0] not in added
        ]
