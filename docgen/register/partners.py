"""Keep partners in the register by hand: save one card, list them with a search."""

from __future__ import annotations

from sqlalchemy.orm import Session

from docgen.models import Partner
from docgen.register import store
from docgen.register.database import Register
from docgen.register.store import Outcome


def save_partner(register: Register, partner: Partner) -> Outcome:
    """Add the partner, or update the one with the same ИНН; say which happened."""
    return register.run(lambda session: store.put_partner(session, partner)[1])


def list_partners(register: Register, search: str | None = None) -> list[Partner]:
    """Return the partners by short name; with ``search``, those whose name or ИНН has it."""

    def read(session: Session) -> list[Partner]:
        return store.partners(session)

    partners = register.run(read)
    words = _fold(search or "").split()
    if not words:
        return partners
    return [partner for partner in partners if all(word in _haystack(partner) for word in words)]


def _haystack(partner: Partner) -> str:
    organisation = partner.organisation
    return _fold(
        f"{organisation.short_name} {organisation.full_name} {organisation.requisites.inn} "
        f"{partner.type.value}"
    )


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е").replace("«", "").replace("»", "")
