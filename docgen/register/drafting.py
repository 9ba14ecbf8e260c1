"""Draft an agreement from terms typed in a form: the partner from the register, a number.

``agreement_from_terms`` validates without storing (a preview); ``create_agreement`` takes
the next number and stores the draft in one transaction, so invalid terms give the number
back and store nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from docgen.models import Agreement, Partner
from docgen.register import store
from docgen.register.agreements import default_subject
from docgen.register.database import Register
from docgen.register.numbering import NumberPattern, last_numbers, next_number
from docgen.sources.loader import validate_data

NEW_NUMBER = "(номер будет присвоен)"
"""What a preview shows in place of the number an agreement gets when it is created."""

RESERVED_TERMS = frozenset({"number", "partner"})
"""Keys of an agreement that come from the register, not from the typed terms."""


def agreement_from_terms(partner: Partner, terms: Mapping[str, Any], number: str) -> Agreement:
    """Return the agreement with ``partner``, ``number`` and ``terms``, validated.

    A missing subject is built from the partner's directions, as ``register new`` does.
    Raises ``InvalidData`` naming every problem by its key path in the terms.
    """
    data = {key: value for key, value in terms.items() if key not in RESERVED_TERMS}
    if not str(data.get("subject") or "").strip():
        data["subject"] = default_subject(partner)
    data["number"] = number
    data["partner"] = partner.model_dump()
    return validate_data(data, Agreement, "договор")


def create_agreement(
    register: Register,
    inn: str,
    terms: Mapping[str, Any],
    pattern: NumberPattern | None = None,
) -> Agreement:
    """Store a draft with the partner ``inn``, the ``terms`` and the next number of its year."""
    chosen = pattern or NumberPattern()

    def create(session: Session) -> Agreement:
        partner = store.partner_of(store.partner_row(session, inn))
        checked = agreement_from_terms(partner, terms, NEW_NUMBER)  # invalid: take no number
        number = next_number(session, chosen, checked.date.year)
        agreement = checked.model_copy(update={"number": number})
        store.put_agreement(session, agreement)
        return agreement

    return register.run(create)


def peek_number(register: Register, year: int, pattern: NumberPattern | None = None) -> str:
    """Return the number the next agreement of ``year`` will most likely get; take nothing."""
    chosen = pattern or NumberPattern()
    last = register.run(last_numbers).get((chosen.text, year if chosen.uses_year else 0), 0)
    return chosen.format(year, last + 1)
