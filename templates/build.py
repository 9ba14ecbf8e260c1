"""Regenerate the built-in templates: contract, regulation, plan and the reports.

The .docx files next to this script are what users open and edit in Word; docgen renders
them as they are. Run this script only to rebuild them from scratch (it overwrites them):

    python templates/build.py            # into templates/
    python templates/build.py OUT_DIR    # somewhere else, e.g. to compare
"""

from __future__ import annotations

import sys
from pathlib import Path

import build_contract
import build_events_section
import build_partner_report
import build_plan
import build_regulation
import build_report

BUILDERS = {
    "contract": build_contract.build,
    "regulation": build_regulation.build,
    "plan": build_plan.build,
    "method-report": build_report.build,
    "partner-report": build_partner_report.build,
    "events-section": build_events_section.build,
}


def main(argv: list[str]) -> None:
    """Build every template into the folder given (default: this script's folder)."""
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        path = folder / f"{name}.docx"
        build(path)
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
