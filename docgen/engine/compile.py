"""Compile a .docx template once: preprocess its parts with docxtpl, compile them with Jinja."""

from __future__ import annotations

import copyreg
import os
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import TemplateSyntaxError, meta, nodes
from lxml import etree

from docgen.engine.blocks import check_blocks
from docgen.engine.failures import block_error, hidden_name_error, nesting_error, syntax_error
from docgen.engine.jinja_env import (
    STATEFUL_FUNCTIONS,
    DocumentEnvironment,
    environment,
    make_environment,
)
from docgen.engine.limits import RenderLimits
from docgen.engine.macros import plain_document
from docgen.engine.package import Member, read_members
from docgen.engine.parts import (
    CompiledPart,
    PartSpec,
    find_parts,
    has_tags,
    jinja_source,
    needs_tree_fix,
    part_xml,
    text_beside_problems,
)
from docgen.engine.properties import CORE_PART, LABEL, CoreTemplate, compile_core
from docgen.engine.template import CompiledTemplate, Extensions
from docgen.errors import TemplateError

TemplateSource = str | os.PathLike[str] | bytes
"""A template: the path of a .docx file (text or path object) or the file's bytes."""


def compile_template(
    source: TemplateSource,
    *,
    name: str | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    globals: Mapping[str, Any] | None = None,
    limits: RenderLimits | None = None,
) -> CompiledTemplate:
    """Compile a .docx template (a path or its bytes); ``name`` is how messages call it.

    ``filters`` and ``globals`` add the caller's filters and functions (or values) to the
    sandbox, beside the Russian filters; a batch sends them to its worker processes by
    reference, so they must be module-level functions. ``limits`` bound the template's
    package (members, unpacked size) and each document's render time, output and the values
    its template builds (defaults: ``RenderLimits()``).
    """
    data, shown = _read(source, name)
    extensions = Extensions.of(filters, globals)
    env = make_environment(extensions.filters, extensions.globals) if extensions else environment()
    members = plain_document(read_members(data, shown, (limits or RenderLimits()).package))
    by_name = {member.name: member for member in members}
    parts: list[CompiledPart] = []
    stateful = False
    for spec in find_parts(by_name, shown):
        compiled = _compile_part(env, spec, by_name[spec.name], shown)
        if compiled is not None:
            part, uses_state = compiled
            parts.append(part)
            stateful = stateful or uses_state
    core = _compile_core(by_name.get(CORE_PART), shown)
    return CompiledTemplate(
        shown, data, members, parts, core, stateful, extensions=extensions, limits=limits
    )


def text_beside_tags(
    source: TemplateSource, *, name: str | None = None, limits: RenderLimits | None = None
) -> list[str]:
    """Return a message for every block tag with text beside it in a template, all at once.

    Compiling stops at the first such tag; ``docgen check`` lists them all with this.
    """
    data, shown = _read(source, name)
    package = (limits or RenderLimits()).package
    members = plain_document(read_members(data, shown, package))
    return text_beside_problems({member.name: member for member in members}, shown)


def _read(source: TemplateSource, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "шаблон"
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(
            f"compile_template takes a path or the bytes of a .docx, not {type(source).__name__}"
        )
    path = os.fspath(source)
    shown = name or str(path)
    try:
        with open(path, "rb") as file:
            return file.read(), shown
    except FileNotFoundError as exc:
        raise TemplateError(f"{shown}: файл шаблона не найден") from exc
    except IsADirectoryError as exc:
        raise TemplateError(f"{shown}: это папка, а не файл шаблона .docx") from exc
    except OSError as exc:
        raise TemplateError(f"{shown}: не удалось прочитать шаблон ({exc.strerror})") from exc


def _compile_part(
    env: DocumentEnvironment, spec: PartSpec, member: Member, template: str
) -> tuple[CompiledPart, bool] | None:
    """Return the compiled part and whether it calls a stateful function; None if no tags."""
    xml = part_xml(member.data(), template, spec.name, spec.label)
    source = jinja_source(xml)
    if not has_tags(source):
        return None
    try:
        tree = env.parse(source, name=spec.name, filename=spec.name)
        problem = check_blocks(source)
        if problem is not None:
            raise block_error(problem, template, spec.label, source)
        _refuse_hidden_names(tree, template, spec.label, source)
        uses_state = bool(meta.find_undeclared_variables(tree) & STATEFUL_FUNCTIONS)
        code = env.compile(tree, name=spec.name, filename=spec.name)
    except TemplateSyntaxError as exc:
        problem = check_blocks(source)
        if problem is not None:  # an unclosed block is best shown where it opens
            raise block_error(problem, template, spec.label, source) from exc
        raise syntax_error(exc, template, spec.label, source) from exc
    except (RecursionError, SyntaxError, MemoryError) as exc:
        # Jinja's parser recurses per nested tag; Python refuses code indented 100 deep
        raise nesting_error(env, template, spec.label, source) from exc
    compiled = env.template_class.from_code(env, code, env.make_globals(None))
    tree_fix = needs_tree_fix(xml, source)
    part = CompiledPart(spec.name, spec.kind, spec.label, source, compiled, tree_fix)
    return part, uses_state


def _refuse_hidden_names(tree: nodes.Template, template: str, label: str, source: str) -> None:
    """Refuse ``row._secret``, ``row['__class__']`` and data names that start with «_»."""
    hidden: list[tuple[str, int]] = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        key = node.attr if isinstance(node, nodes.Getattr) else _constant(node)
        if isinstance(key, str) and key.startswith("_"):
            hidden.append((key, node.lineno))
    undeclared = meta.find_undeclared_variables(tree)
    for name_node in tree.find_all(nodes.Name):
        if name_node.name.startswith("_") and name_node.name in undeclared:
            hidden.append((name_node.name, name_node.lineno))
    if hidden:
        first_line = min(line for _name, line in hidden)
        # a chain «a.__class__.__mro__» is walked outside in: name the innermost, as typed
        name = [name for name, line in hidden if line == first_line][-1]
        raise hidden_name_error(name, first_line, template, label, source)


def _constant(node: nodes.Node) -> object:
    """Return the constant key of ``a['key']``, or None."""
    arg = getattr(node, "arg", None)
    return arg.value if isinstance(arg, nodes.Const) else None


def _compile_core(member: Member | None, template: str) -> CoreTemplate | None:
    if member is None:
        return None
    try:
        return compile_core(member.data())
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"{template}: {LABEL} повреждены ({exc})") from exc
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{template}, {LABEL}: {exc.message}") from exc


def _recompile(
    data: bytes, name: str, extensions: Extensions | None = None, limits: RenderLimits | None = None
) -> CompiledTemplate:
    """Compile a pickled template again (in a worker process), once."""
    extensions = extensions or Extensions()
    return compile_template(
        data, name=name, filters=extensions.filters, globals=extensions.globals, limits=limits
    )


def _reduce(template: CompiledTemplate) -> tuple[Any, ...]:
    """Pickle a compiled template as its bytes, extensions and limits."""
    return (_recompile, (template.data, template.name, template.extensions, template.limits))


copyreg.pickle(CompiledTemplate, _reduce)
