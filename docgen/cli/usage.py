"""Show click's usage errors in Russian: the usage line, where to read more and what is wrong.

Click builds its messages in English from the exception's parts; this module rebuilds them
from the same parts (the parameter, its type, the offending value), so every usage error
reads alike:

    Использование: docgen sheet [OPTIONS] MODEL_OR_TEMPLATE
    Подробнее: docgen sheet --help
    Ошибка: не указан аргумент MODEL_OR_TEMPLATE

Messages docgen raises itself (already Russian) pass through unchanged; the exit code stays 2.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import IO, Any

import click

_USAGE_PREFIX = "Usage: "


class RussianUsageError(click.UsageError):
    """A usage error whose message has been put into Russian; shown the docgen way."""

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the usage line, the help hint and the error to stderr."""
        lines = []
        if self.ctx is not None:
            usage = self.ctx.get_usage()
            if usage.startswith(_USAGE_PREFIX):
                usage = "Использование: " + usage[len(_USAGE_PREFIX) :]
            lines.append(usage)
            help_names = self.ctx.command.get_help_option_names(self.ctx)
            if help_names:
                lines.append(f"Подробнее: {self.ctx.command_path} {max(help_names, key=len)}")
            lines.append("")
        lines.append(f"Ошибка: {self.format_message()}")
        click.echo("\n".join(lines), file=file, err=True)


_HELP_ERRORS: tuple[type[click.UsageError], ...] = tuple(
    getattr(click.exceptions, name)
    for name in ("NoArgsIsHelpError",)
    if hasattr(click.exceptions, name)
)  # click >= 8.2 shows the help as a usage error when a group is called bare


def in_russian(error: click.UsageError) -> click.UsageError:
    """Return ``error`` with its message in Russian (its context kept)."""
    if isinstance(error, (RussianUsageError, *_HELP_ERRORS)):
        return error
    return RussianUsageError(_message(error), error.ctx)


def _message(error: click.UsageError) -> str:
    if isinstance(error, click.NoSuchOption):
        return f"нет параметра {error.option_name}" + _did_you_mean(error.possibilities)
    no_such_command = getattr(click.exceptions, "NoSuchCommand", None)
    if no_such_command is not None and isinstance(error, no_such_command):
        name = error.command_name
        return f"нет команды «{name}»" + _did_you_mean(error.possibilities) + _commands(error)
    if isinstance(error, click.MissingParameter):
        return _missing(error)
    if isinstance(error, click.BadParameter):
        return _bad_value(error)
    return _translate(error.message)


def _did_you_mean(possibilities: Iterable[str] | None) -> str:
    names = sorted(possibilities or ())
    return f"; возможно, имелось в виду {', '.join(names)}" if names else ""


def _commands(error: click.UsageError) -> str:
    command = error.ctx.command if error.ctx is not None else None
    if not isinstance(command, click.Group) or error.ctx is None:
        return ""
    names = command.list_commands(error.ctx)
    return f" (команды: {', '.join(names)}; подробнее: {error.ctx.command_path} --help)"


def _hint(error: click.MissingParameter | click.BadParameter) -> str:
    if error.param_hint is not None:
        hint = error.param_hint
        return hint if isinstance(hint, str) else " / ".join(hint)
    if error.param is not None and error.ctx is not None:
        return error.param.get_error_hint(error.ctx).replace("'", "")
    return ""


def _missing(error: click.MissingParameter) -> str:
    hint = _hint(error)
    argument = isinstance(error.param, click.Argument) or error.param_type == "argument"
    message = f"не указан {'аргумент' if argument else 'параметр'} {hint}".rstrip()
    choice = error.param.type if error.param is not None else None
    if isinstance(choice, click.Choice):
        message += f"; допустимые значения: {', '.join(map(str, choice.choices))}"
    return message


def _bad_value(error: click.BadParameter) -> str:
    hint = _hint(error)
    param_type = error.param.type if error.param is not None else None
    choice, out_of_range = _CHOICE.match(error.message), _RANGE.match(error.message)
    if isinstance(param_type, click.Choice) and choice:
        allowed = ", ".join(map(str, param_type.choices))
        reason = f"«{choice['value']}» — нет такого; допустимые: {allowed}"
    elif isinstance(param_type, click.IntRange | click.FloatRange) and out_of_range:
        reason = f"{out_of_range['value']} — {_range(param_type)}"
    else:
        reason = _translate(error.message)
    return f"недопустимое значение {hint}: {reason}" if hint else f"недопустимое значение: {reason}"


def _range(bounds: click.IntRange | click.FloatRange) -> str:
    low, high = bounds.min, bounds.max
    if low is not None and high is not None:
        return f"ожидается число от {low} до {high}"
    if low is not None:
        return f"ожидается число {'больше' if bounds.min_open else 'не меньше'} {low}"
    return f"ожидается число {'меньше' if bounds.max_open else 'не больше'} {high}"


_RANGE = re.compile(r"^(?P<value>.+) is not in the range .+\.$", re.S)
_CHOICE = re.compile(r"^'(?P<value>.*)' is not (?:one of )?.*\.$", re.S)


def _number(match: re.Match[str]) -> str:
    kind = {"integer": "целое число", "float": "число"}.get(match["type"], match["type"])
    return f"«{match['value']}» — не {kind}"


def _path(match: re.Match[str]) -> str:
    what = {"file": "файла", "directory": "папки"}.get(match["name"].lower(), "файла или папки")
    reasons = {
        "does not exist": f"нет такого {what}",
        "is a file": "это файл, а нужна папка",
        "is a directory": "это папка, а нужен файл",
        "is not readable": "нет прав на чтение",
        "is not writable": "нет прав на запись",
        "is not executable": "нет прав на запуск",
    }
    return f"{match['path']}: {reasons[match['reason']]}"


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"^Option '(?P<name>[^']+)' requires (?:an argument|(?P<n>\d+) arguments)\.$"),
        lambda m: f"после {m['name']} нужно значение" + (f" ({m['n']} шт.)" if m["n"] else ""),
    ),
    (
        re.compile(r"^Option '(?P<name>[^']+)' does not take a value\.$"),
        lambda m: f"{m['name']} — флажок, значение ему не нужно",
    ),
    (
        re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$", re.S),
        lambda m: f"лишние аргументы: {m['args']}",
    ),
    (re.compile(r"^Missing command\.$"), lambda m: "не указана команда"),
    (
        re.compile(r"^No such command '(?P<name>.*)'\.$"),
        lambda m: f"нет команды «{m['name']}»",
    ),
    (
        re.compile(r"^'(?P<value>.*)' is not a valid (?P<type>integer|float|UUID)\.$"),
        _number,
    ),
    (
        re.compile(
            r"^(?P<name>File|Directory|Path) '(?P<path>.*)' (?P<reason>does not exist|is a file|"
            r"is a directory|is not readable|is not writable|is not executable)\.$",
            re.S,
        ),
        _path,
    ),
    (
        re.compile(r"^'(?P<value>.*)' does not match the formats? (?P<formats>.+)\.$"),
        lambda m: f"«{m['value']}» — не дата; ожидается {_formats(m['formats'])}",
    ),
    (
        re.compile(r"^Argument '(?P<name>.*)' takes (?P<n>\d+) values\.$"),
        lambda m: f"аргументу {m['name']} нужно значений: {m['n']}",
    ),
]


def _formats(formats: str) -> str:
    samples = {"'%d.%m.%Y'": "ДД.ММ.ГГГГ", "'%Y-%m-%d'": "ГГГГ-ММ-ДД"}
    return " или ".join(samples.get(part.strip(), part.strip()) for part in formats.split(","))


def _translate(message: str) -> str:
    """Return click's English ``message`` in Russian; a message of ours is returned as it is."""
    for pattern, russian in _PATTERNS:
        match = pattern.match(message)
        if match:
            return russian(match)
    return message
