"""Preview an agreement's key sentences as the contract template writes them.

The title and preamble come from rendering the real built-in template and reading its first
paragraphs back, so the preview is the document's own text; the case forms beside them come
from the same language filters the template uses.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docgen.catalog import builtin
from docgen.engine import CompiledTemplate
from docgen.language.filters import acting, in_case, named
from docgen.models import Agreement, Centre
from docgen.register.rendering import CONTRACT_TEMPLATE

_PREAMBLE_END = "о нижеследующем"
_FALLBACK_PARAGRAPHS = 5


@dataclass(frozen=True)
class CaseForm:
    """One word form the contract needs, with what it is: «Центр — творительный падеж»."""

    label: str
    text: str


@dataclass(frozen=True)
class ContractPreview:
    """The contract's opening paragraphs (title, place and date, preamble) and its case forms."""

    paragraphs: list[str]
    forms: list[CaseForm]


def contract_preview(
    agreement: Agreement, centre: Centre, compiled: CompiledTemplate | None = None
) -> ContractPreview:
    """Render the contract and return its opening paragraphs with the case forms they use.

    ``compiled`` is the contract template already compiled, if the caller keeps one.
    """
    from docx import Document

    entry = builtin(CONTRACT_TEMPLATE)
    document = (compiled or entry.compile()).render(entry.context(agreement, centre))
    texts = [p.text for p in Document(io.BytesIO(document)).paragraphs if p.text.strip()]
    end = next((i for i, text in enumerate(texts) if _PREAMBLE_END in text), None)
    chosen = texts[: end + 1] if end is not None else texts[:_FALLBACK_PARAGRAPHS]
    return ContractPreview(chosen, case_forms(agreement, centre))


def case_forms(agreement: Agreement, centre: Centre) -> list[CaseForm]:
    """Return the forms of names the contract declines: whom it is between, who signs."""
    partner = agreement.partner
    return [
        CaseForm("Центр (творительный: «между кем»)", in_case(centre.organisation, "instrumental")),
        CaseForm("Партнёр (творительный: «и кем»)", in_case(partner.organisation, "instrumental")),
        CaseForm("Центр — «именуемое/-ый/-ая»", named(centre.organisation)),
        CaseForm("Партнёр — «именуемое/-ый/-ая»", named(partner.organisation)),
        CaseForm(
            "Руководитель Центра (родительный: «в лице кого»)",
            f"{in_case(centre.director, 'genitive')}, {acting(centre.director)}",
        ),
        CaseForm(
            "Руководитель партнёра (родительный: «в лице кого»)",
            f"{in_case(partner.signer, 'genitive')}, {acting(partner.signer)}",
        ),
    ]
