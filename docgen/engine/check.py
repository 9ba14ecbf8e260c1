"""Check the names a template uses against a pydantic model, all of them at once.

Paths are followed through the model's types: nested models, dataclasses, lists,
``Optional``, mappings (any key), properties. Past a plain value (a string, a date) only its real
attributes (``upper``, ``year``) are accepted.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import difflib
import inspect
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from docgen.engine.fields import ANY_KEY, ITEM, Usage, dotted
from docgen.engine.template import CompiledTemplate

_SEQUENCES = frozenset(
    {list, tuple, set, frozenset, collections.abc.Sequence, collections.abc.Iterable}
)
_MAPPINGS = frozenset({dict, collections.abc.Mapping})


@dataclass(frozen=True)
class UnknownName:
    """A name a template uses that the model does not have, and why."""

    usage: Usage
    reason: str


@dataclass(frozen=True)
class _Refusal:
    reason: str


def check_template(template: CompiledTemplate, model: type[BaseModel]) -> list[UnknownName]:
    """Return every use of a name that ``model`` does not have (empty when all is well)."""
    unknown = []
    for usage in template.fields():
        reason = explain_path(model, usage.path)
        if reason is not None:
            unknown.append(UnknownName(usage, reason))
    return unknown


def explain_path(model: type[BaseModel], path: tuple[str, ...]) -> str | None:
    """Return why ``path`` does not lead anywhere in ``model``, or None if it does."""
    current: Any = model
    for index, segment in enumerate(path):
        step = _step(current, segment)
        if isinstance(step, _Refusal):
            return f"«{dotted(path[: index + 1])}»: {step.reason}"
        current = step
    return None


def _step(kind: Any, segment: str) -> Any:
    """Return the type reached from ``kind`` by ``segment``, or a refusal."""
    kind = _unwrap(kind)
    origin = get_origin(kind)
    if kind is Any or kind is object:
        return Any
    if origin in (Union, types.UnionType):
        steps = [_step(arg, segment) for arg in get_args(kind) if arg is not type(None)]
        return next((s for s in steps if not isinstance(s, _Refusal)), steps[0])
    if segment == ITEM:
        return _item(kind, origin)
    if origin in _MAPPINGS or kind in _MAPPINGS:
        args = get_args(kind)
        return args[1] if len(args) == 2 else Any
    if segment == ANY_KEY:
        return _Refusal("это не словарь")
    base = origin if isinstance(origin, type) else kind
    if isinstance(base, type) and issubclass(base, BaseModel):
        return _model_member(base, segment)
    if isinstance(base, type) and dataclasses.is_dataclass(base):
        return _dataclass_member(base, segment)
    if isinstance(base, type):
        if hasattr(base, segment):
            return Any
        return _Refusal(f"у значения типа {base.__name__} нет «{segment}»")
    return Any


def _unwrap(kind: Any) -> Any:
    while get_origin(kind) is Annotated:
        kind = get_args(kind)[0]
    if get_origin(kind) is Literal:
        return type(get_args(kind)[0])
    return kind


def _item(kind: Any, origin: Any) -> Any:
    args = get_args(kind)
    if origin in _SEQUENCES or origin in _MAPPINGS or kind in _SEQUENCES or kind in _MAPPINGS:
        return args[0] if args else Any
    if kind is str:
        return str
    name = getattr(kind, "__name__", str(kind))
    return _Refusal(f"это не список ({name}), по нему нельзя пройти циклом")


def _model_member(model: type[BaseModel], name: str) -> Any:
    if name in model.model_fields:
        return model.model_fields[name].annotation
    if name in model.model_computed_fields:
        return model.model_computed_fields[name].return_type
    member = inspect.getattr_static(model, name, None)
    if isinstance(member, property):
        return _return_type(member)
    if callable(member) and not name.startswith("_"):
        return Any
    known = [*model.model_fields, *model.model_computed_fields]
    close = difflib.get_close_matches(name, known, n=1)
    hint = f" (может быть, «{close[0]}»?)" if close else ""
    return _Refusal(f"в модели {model.__name__} нет поля «{name}»{hint}")


def _dataclass_member(cls: type[Any], name: str) -> Any:
    """Return the type of a dataclass field or property (computed rows such as a share)."""
    names = [field.name for field in dataclasses.fields(cls)]
    if name in names:
        return typing.get_type_hints(cls).get(name, Any)
    member = inspect.getattr_static(cls, name, None)
    if isinstance(member, property):
        return _return_type(member)
    close = difflib.get_close_matches(name, names, n=1)
    hint = f" (может быть, «{close[0]}»?)" if close else ""
    return _Refusal(f"у {cls.__name__} нет поля «{name}»{hint}")


def _return_type(member: property) -> Any:
    try:
        return typing.get_type_hints(member.fget).get("return", Any)
    except Exception:  # an annotation that cannot be resolved says nothing about the path
        return Any


def model_names(model: type[BaseModel]) -> list[str]:
    """Return the names a model offers a template at the top level: fields and properties."""
    names = [*model.model_fields, *model.model_computed_fields]
    for name, _member in inspect.getmembers(model, lambda m: isinstance(m, property)):
        if not name.startswith("_") and name not in names and not name.startswith("model_"):
            names.append(name)
    return names


def model_context(instance: BaseModel) -> dict[str, Any]:
    """Return a model's fields and properties as a template's top-level names."""
    context: dict[str, Any] = {}
    for name in model_names(type(instance)):
        try:
            context[name] = getattr(instance, name)
        except Exception:  # a property that cannot be computed is simply not there
            continue
    return context
