"""Turn what goes wrong while compiling or rendering a template into a message with a place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import Environment, TemplateSyntaxError
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError

from docgen.engine.blocks import BlockProblem
from docgen.engine.fields import ITEM, dotted, part_usages
from docgen.engine.jinja_env import EmptyValueError, MissingValueError, environment
from docgen.engine.locate import Place, explain_syntax, line_text, template_line
from docgen.engine.nesting import deepest
from docgen.engine.parts import CompiledPart
from docgen.errors import InputError, TemplateError, UserError

_DATA_ERRORS = (TypeError, ValueError, ArithmeticError, RecursionError)
_ABSENT = object()
_USER_ERRORS = (JinjaTemplateError, UserError)


def syntax_error(exc: TemplateSyntaxError, template: str, label: str, source: str) -> TemplateError:
    """Return the error for a tag Jinja cannot parse, with its paragraph."""
    place = Place(template, label, line_text(source, exc.lineno))
    return TemplateError(f"{place.describe()}: {explain_syntax(exc, environment().filters)}")


def block_error(problem: BlockProblem, template: str, label: str, source: str) -> TemplateError:
    """Return the error for block tags that do not pair up, with both paragraphs."""
    place = Place(template, label, line_text(source, problem.line))
    message = f"{place.describe()}: {problem.message}"
    if problem.other_line is not None and problem.other_line != problem.line:
        message += f"; парный тег — в абзаце «{line_text(source, problem.other_line)}»"
    return TemplateError(message)


def nesting_error(env: Environment, template: str, label: str, source: str) -> TemplateError:
    """Return the error for a part nested deeper than Jinja's parser or Python can bear."""
    found = deepest(env, source)
    if found is None:
        return TemplateError(f"{template}, {label}: шаблон вложен слишком глубоко; упростите его")
    place = Place(template, label, line_text(source, found.line))
    if found.kind == "blocks":
        problem = (
            f"блоки {{% if %}}/{{% for %}} вложены друг в друга {found.depth} раз — слишком "
            "глубоко для разбора; упростите условия (elif, and/or) или вынесите части в макросы"
        )
    elif found.kind == "brackets":
        problem = (
            f"скобки вложены друг в друга {found.depth} раз — слишком глубоко для разбора; "
            "упростите выражение"
        )
    else:
        problem = (
            f"выражение из {found.depth} частей — слишком длинное для разбора; разбейте его "
            "на несколько тегов или {% set %}"
        )
    return TemplateError(f"{place.describe()}: {problem}")


def hidden_name_error(
    name: str, line: int, template: str, label: str, source: str
) -> TemplateError:
    """Return the error for a tag that names a hidden attribute (``row._secret``)."""
    place = Place(template, label, line_text(source, line, name))
    return TemplateError(
        f"{place.describe()}: имя «{name}» начинается с «_» — такие имена (скрытые атрибуты) "
        "шаблону недоступны; назовите поле без «_» в начале"
    )


def render_failure(
    exc: Exception,
    template: str,
    parts: Sequence[CompiledPart],
    context: Mapping[str, Any] | None = None,
) -> UserError | None:
    """Return the user's error for an exception raised while rendering, or None for a bug."""
    if not isinstance(exc, (JinjaTemplateError, UserError, *_DATA_ERRORS)):
        return None
    found = template_line(exc.__traceback__, [part.name for part in parts])
    part = next((p for p in parts if found and p.name == found[0]), None)
    if part is None or found is None:
        return _unplaced(exc, template) if isinstance(exc, _USER_ERRORS) else None
    line = found[1]
    if isinstance(exc, MissingValueError):
        return _missing(exc, template, part, line, context or {})
    if isinstance(exc, EmptyValueError):
        return _empty(template, part, line)
    where = Place(template, part.label, line_text(part.source, line)).describe()
    return _with_place(exc, where)


def _missing(
    exc: MissingValueError, template: str, part: CompiledPart, line: int, context: Mapping[str, Any]
) -> InputError:
    name = str(exc.name)
    place = Place(template, part.label, line_text(part.source, line, name))
    usages = [usage.path for usage in part_usages(part, template) if usage.line == line]
    missing, full, element = name, None, ""
    for path in usages:
        if name in path[0 if exc.root else 1 :]:
            index = path.index(name, 0 if exc.root else 1)
            missing, full = dotted(path[: index + 1]), dotted(path)
            element = _element(context, path[:index], exc.owner) if ITEM in path[:index] else ""
            break
    needed = f" (нужно для «{full}»)" if full and full != missing else ""
    return InputError(
        f"{place.describe()}: в данных нет значения «{missing}»{needed}{element}. "
        "Добавьте его в данные или исправьте имя в шаблоне"
    )


def _element(context: Mapping[str, Any], path: tuple[str, ...], owner: Any) -> str:
    """Return «, в элементе № 2 списка «agreement.events»» for the element that is ``owner``."""
    found = _find(context, path, owner, ())
    if not found:
        return ""
    where = ", ".join(f"№ {number} в «{dotted(list_path)}»" for list_path, number in found)
    return f" (элемент {where})"


def _find(
    value: Any, path: tuple[str, ...], owner: Any, done: tuple[str, ...]
) -> list[tuple[tuple[str, ...], int]] | None:
    """Walk ``path`` through ``value`` looking for ``owner``; return the list numbers on the way."""
    if not path:
        return [] if value is owner else None
    head, rest = path[0], path[1:]
    if head == ITEM:
        if not isinstance(value, (list, tuple)):
            return None
        for number, item in enumerate(value, start=1):
            found = _find(item, rest, owner, (*done, ITEM))
            if found is not None:
                return [(done, number), *found]
        return None
    child = (
        value.get(head, _ABSENT) if isinstance(value, Mapping) else getattr(value, head, _ABSENT)
    )
    return None if child is _ABSENT else _find(child, rest, owner, (*done, head))


def _empty(template: str, part: CompiledPart, line: int) -> InputError:
    place = Place(template, part.label, line_text(part.source, line))
    usages = {dotted(u.path) for u in part_usages(part, template) if u.line == line}
    which = f" ({', '.join(sorted(usages))})" if usages else ""
    return InputError(
        f"{place.describe()}: значение пустое (None){which}. Заполните его в данных "
        "или выводите его только при наличии: {% if … %}…{% endif %}"
    )


def _with_place(exc: Exception, where: str) -> UserError:
    if isinstance(exc, RecursionError):
        return TemplateError(
            f"{where}: макрос вызывает сам себя слишком глубоко (бесконечная рекурсия?) — "
            "проверьте условие, при котором он перестаёт вызывать себя"
        )
    if isinstance(exc, SecurityError):
        return TemplateError(f"{where}: шаблон делает то, что запрещено ({exc})")
    if isinstance(exc, UserError):
        return type(exc)(f"{where}: {exc}")
    if isinstance(exc, JinjaTemplateError):
        return TemplateError(f"{where}: {exc.message or exc}")
    return TemplateError(f"{where}: {exc}")


def _unplaced(exc: Exception, template: str) -> UserError:
    if isinstance(exc, (MissingValueError, EmptyValueError)):
        return InputError(f"{template}: в данных нет значения ({exc})")
    return _with_place(exc, template)
