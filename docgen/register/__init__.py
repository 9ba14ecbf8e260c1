"""The register of partners and agreements: numbers, terms, statuses and a document journal.

register = open_register(database_url(None, os.environ))   # SQLite in the user's data folder
import_files(register, [Path("contracts")])                # re-import updates, never duplicates
agreement = new_agreement(register, Draft(inn="2204030991", date=date(2026, 10, 1)))
rows = list_agreements(register, today, expiring_days=60)  # [(AgreementRecord, Standing)]
export_register(register, Path("out/реестр"))              # YAML like contracts/

Rendering with the built-in contract template and journaling the files is
``docgen.register.rendering.render_agreement``; it needs the engine and the catalog, so it is
imported from there rather than re-exported here.
"""

from __future__ import annotations

from docgen.register.agreements import (
    Draft,
    default_subject,
    delete_agreement,
    find_agreement,
    find_partner,
    list_agreements,
    new_agreement,
    parse_partner_type,
    sign_agreement,
    take_number,
    terminate_agreement,
)
from docgen.register.database import Register, database_url, default_database_path, open_register
from docgen.register.display import agreement_card, agreements_table, import_report
from docgen.register.journal import JournalEntry, file_sha256, journal_entries, record_document
from docgen.register.numbering import DEFAULT_PATTERN, NumberPattern
from docgen.register.status import Standing, Status
from docgen.register.store import AgreementRecord, Outcome
from docgen.register.transfer import Imported, agreement_yaml, export_register, import_files

__all__ = [
    "DEFAULT_PATTERN",
    "AgreementRecord",
    "Draft",
    "Imported",
    "JournalEntry",
    "NumberPattern",
    "Outcome",
    "Register",
    "Standing",
    "Status",
    "agreement_card",
    "agreement_yaml",
    "agreements_table",
    "database_url",
    "default_database_path",
    "default_subject",
    "delete_agreement",
    "export_register",
    "file_sha256",
    "find_agreement",
    "find_partner",
    "import_files",
    "import_report",
    "journal_entries",
    "list_agreements",
    "new_agreement",
    "open_register",
    "parse_partner_type",
    "record_document",
    "sign_agreement",
    "take_number",
    "terminate_agreement",
]
