"""Stand-ins for the models the language filters read, and a render with those filters.

The filters take anything shaped like a person, a signer or an organisation (they read
attributes, not types), so the tests pass these plain dataclasses as well as the models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2

from docgen.language.filters import FILTERS


@dataclass
class Person:
    last_name: str
    first_name: str
    middle_name: str | None = None
    gender: str | None = None
    forms: dict[str, str] = field(default_factory=dict)


@dataclass
class Signer:
    person: Person
    position: str
    position_forms: dict[str, str] = field(default_factory=dict)


@dataclass
class Organisation:
    full_name: str
    short_name: str
    name_forms: dict[str, str] = field(default_factory=dict)


def render(template: str, **context: object) -> str:
    """Render ``template`` in an autoescaping environment with the language filters."""
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    environment.filters.update(FILTERS)
    return environment.from_string(template).render(**context)
