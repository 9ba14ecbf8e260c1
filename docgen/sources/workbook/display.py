"""Show a number cell as Excel shows it, in Russian conventions: «1 234,50», «12,5 %».

Excel stores a number and a format code (``#,##0.00``, ``0.0%``, ``#,##0.00 [$₽-419]``); what
a person sees, and so what a document should say, is the number through that code. Codes are
stored in the file in the invariant (English) notation; the Russian display uses a no-break
space between digit groups, a decimal comma and a no-break space before «%».

Handled: sections (positive;negative;zero), grouping, fixed and optional decimals, percent,
thousands scaling by trailing commas, literal text (quoted, escaped, ``[$₽-419]``), colours
and conditions (dropped). Scientific and fraction codes fall back to the General display.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
_BRACKET = re.compile(r"\[([^\]]*)\]")
_DIGITS = re.compile(r"[0#?][0#?,]*(?:\.[0#?]*)?|\.[0#?]+")
_GENERAL_DIGITS = 15


def general_number(value: int | float | Decimal) -> str:
    """Return a number as Excel's General format shows it in Russian: «1234,5», «-3»."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    number = Decimal(repr(value) if isinstance(value, float) else value)
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    digits = number.adjusted() + 1
    places = max(0, _GENERAL_DIGITS - max(digits, 0))
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP).normalize()
    return format(rounded, "f").replace(".", ",")


def shown_number(value: int | float | Decimal, code: str) -> str:
    """Return ``value`` through the Excel format ``code`` with Russian separators."""
    sections = _split_sections(code)
    section, number = sections[0], Decimal(repr(value) if isinstance(value, float) else value)
    sign = ""
    if number < 0 and len(sections) > 1:
        section, number = sections[1], -number
    elif number == 0 and len(sections) > 2:
        section = sections[2]
    elif number < 0:
        sign, number = "-", -number
    pattern, literal = _clean(section)
    if not literal.strip() and pattern.strip().lower() in ("", "general", "@"):
        return sign + general_number(number)
    if re.search(r"[eE][+-]|/", pattern):
        return sign + general_number(number)
    return sign + _apply(number, pattern)


def _split_sections(code: str) -> list[str]:
    """Split a code at «;» outside quotes and escapes."""
    sections, current, quoted, escaped = [], "", False, False
    for char in code:
        if escaped:
            current, escaped = current + char, False
        elif char == "\\":
            current, escaped = current + char, True
        elif char == '"':
            current, quoted = current + char, not quoted
        elif char == ";" and not quoted:
            sections.append(current)
            current = ""
        else:
            current += char
    return [*sections, current]


def _clean(section: str) -> tuple[str, str]:
    """Replace brackets: ``[$₽-419]`` by its symbol, colours and conditions by nothing."""

    def bracket(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner.startswith("$"):
            symbol = inner[1:].split("-", 1)[0]
            return f'"{symbol}"' if symbol else ""
        return ""

    cleaned = _BRACKET.sub(bracket, section)
    literal = "".join(re.findall(r'"([^"]*)"', cleaned))
    return cleaned, literal


def _apply(number: Decimal, pattern: str) -> str:
    """Render the number into the first digit placeholder run; keep the rest as text."""
    out: list[str] = []
    index, placed = 0, False
    percent = _outside_quotes(pattern).count("%")
    number = number * (Decimal(100) ** percent)
    while index < len(pattern):
        char = pattern[index]
        if char == '"':
            end = pattern.find('"', index + 1)
            end = len(pattern) if end < 0 else end
            out.append(pattern[index + 1 : end])
            index = end + 1
            continue
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            out.append(NBSP if escaped == " " and placed else escaped)
            index += 2
            continue
        if char in "_*" and index + 1 < len(pattern):
            index += 2  # padding and fill: a space of some width, nothing in a document
            continue
        match = _DIGITS.match(pattern, index) if not placed else None
        if match:
            out.append(_digits(number, match.group(0)))
            placed, index = True, match.end()
            continue
        if char == "%":
            out.append(NBSP + "%" if out and not out[-1].endswith((" ", NBSP)) else "%")
        elif char not in "0#?,.":
            out.append(NBSP if char == " " and placed else char)
        index += 1
    return "".join(out).strip()


def _outside_quotes(pattern: str) -> str:
    return re.sub(r'"[^"]*"|\\.', "", pattern)


def _digits(number: Decimal, placeholders: str) -> str:
    """Render a number through one run of digit placeholders such as ``#,##0.00``."""
    whole_part, _, fraction = placeholders.partition(".")
    scale = len(whole_part) - len(whole_part.rstrip(","))
    whole_part = whole_part.rstrip(",")
    number = number / (Decimal(1000) ** scale)
    grouped = "," in whole_part
    places = sum(fraction.count(c) for c in "0#?")
    fixed = fraction.count("0") + fraction.count("?")
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, decimals = format(rounded, "f").partition(".")
    decimals = decimals.rstrip("0").ljust(fixed, "0") if places > fixed else decimals
    minimum = whole_part.count("0")
    whole = whole.lstrip("0").rjust(minimum, "0")
    if grouped:
        whole = _group(whole)
    return whole + ("," + decimals if decimals else "")


def _group(digits: str) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return NBSP.join([digits, *groups] if digits else groups)
