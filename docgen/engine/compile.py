"""Compile a .docx template once: preprocess its parts with docxtpl, compile them with Jinja."""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateSyntaxError, meta
from lxml import etree

from docgen.engine.blocks import check_blocks
from docgen.engine.failures import block_error, syntax_error
from docgen.engine.jinja_env import STATEFUL_FUNCTIONS, environment
from docgen.engine.package import Member, read_members
from docgen.engine.parts import (
    CompiledPart,
    PartSpec,
    find_parts,
    has_tags,
    jinja_source,
    needs_tree_fix,
    part_xml,
)
from docgen.engine.properties import CORE_PART, LABEL, CoreTemplate, compile_core
from docgen.engine.template import CompiledTemplate
from docgen.errors import TemplateError


def compile_template(source: Path | bytes, *, name: str | None = None) -> CompiledTemplate:
    """Compile a .docx template (a path or its bytes); ``name`` is how messages call it."""
    data, shown = _read(source, name)
    members = read_members(data, shown)
    by_name = {member.name: member for member in members}
    parts: list[CompiledPart] = []
    stateful = False
    for spec in find_parts(by_name, shown):
        compiled = _compile_part(spec, by_name[spec.name], shown)
        if compiled is not None:
            part, uses_state = compiled
            parts.append(part)
            stateful = stateful or uses_state
    core = _compile_core(by_name.get(CORE_PART), shown)
    return CompiledTemplate(shown, data, members, parts, core, stateful)


def _read(source: Path | bytes, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, name or "шаблон"
    shown = name or str(source)
    try:
        return source.read_bytes(), shown
    except FileNotFoundError as exc:
        raise TemplateError(f"{shown}: файл шаблона не найден") from exc
    except OSError as exc:
        raise TemplateError(f"{shown}: не удалось прочитать шаблон ({exc.strerror})") from exc


def _compile_part(
    spec: PartSpec, member: Member, template: str
) -> tuple[CompiledPart, bool] | None:
    """Return the compiled part and whether it calls a stateful function; None if no tags."""
    xml = part_xml(member.data(), template, spec.name)
    source = jinja_source(xml)
    if not has_tags(source):
        return None
    env = environment()
    try:
        tree = env.parse(source, name=spec.name, filename=spec.name)
        problem = check_blocks(source)
        if problem is not None:
            raise block_error(problem, template, spec.label, source)
        uses_state = bool(meta.find_undeclared_variables(tree) & STATEFUL_FUNCTIONS)
        code = env.compile(tree, name=spec.name, filename=spec.name)
    except TemplateSyntaxError as exc:
        problem = check_blocks(source)
        if problem is not None:  # an unclosed block is best shown where it opens
            raise block_error(problem, template, spec.label, source) from exc
        raise syntax_error(exc, template, spec.label, source) from exc
    compiled = env.template_class.from_code(env, code, env.make_globals(None))
    tree_fix = needs_tree_fix(xml, source)
    part = CompiledPart(spec.name, spec.kind, spec.label, source, compiled, tree_fix)
    return part, uses_state


def _compile_core(member: Member | None, template: str) -> CoreTemplate | None:
    if member is None:
        return None
    try:
        return compile_core(member.data())
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"{template}: {LABEL} повреждены ({exc})") from exc
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{template}, {LABEL}: {exc.message}") from exc
