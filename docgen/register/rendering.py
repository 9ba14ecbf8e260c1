"""Render an agreement from the register with a built-in template, and journal every file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docgen.catalog import builtin
from docgen.engine import CompiledTemplate, write_atomically
from docgen.errors import OutputError
from docgen.models import Centre
from docgen.register.agreements import find_agreement
from docgen.register.database import Register
from docgen.register.journal import record_document

CONTRACT_TEMPLATE = "contract"


def render_agreement(
    register: Register,
    number: str,
    *,
    centre: Centre,
    folder: Path,
    created_at: dt.datetime,
    pdf: bool = False,
    template_id: str = CONTRACT_TEMPLATE,
    compiled: CompiledTemplate | None = None,
) -> list[Path]:
    """Write the agreement's .docx (and its PDF) into ``folder``; journal each; return them.

    The journal keeps the template file's hash and a snapshot of the whole context (the
    centre's profile and the agreement), since both shape the document. A long-running
    caller (the web service) may pass the template already ``compiled``.
    """
    agreement = find_agreement(register, number).agreement
    entry = builtin(template_id)
    compiled = compiled or entry.compile()
    context = entry.context(agreement, centre)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: не удалось создать папку ({exc.strerror})") from exc
    document = folder / entry.output_name(context)
    write_atomically(document, compiled.render(context))
    files = [document]
    if pdf:
        from docgen.pdf import convert_to_pdf

        files += convert_to_pdf([document], folder)
    snapshot = {"centre": centre, entry.slot: agreement}
    for path in files:
        record_document(
            register,
            template_id=entry.id,
            template=entry.path,
            data=snapshot,
            output=path,
            created_at=created_at,
            document_number=agreement.number,
        )
    return files
