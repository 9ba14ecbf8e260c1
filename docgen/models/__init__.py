"""Typed models of the centre's world, validated before anything is rendered.

``MODELS`` names every model a data file can hold; the CLI's ``--model`` takes these names.
"""

from __future__ import annotations

from pydantic import BaseModel

from docgen.models.agreement import (
    Agreement,
    AgreementKind,
    FinancialTerms,
    JointActivity,
    Obligations,
    Term,
)
from docgen.models.approval import AcademicYear, Agreed, Approval
from docgen.models.base import Case, CaseForms, DocModel
from docgen.models.event import EventKind, EventLevel, EventRegulation
from docgen.models.joint_events import (
    JointEvent,
    JointEventForm,
    JointEventsYear,
    PartnerYearReport,
    group_by_partner,
    held_events,
)
from docgen.models.organisation import BankDetails, Centre, Organisation, Requisites
from docgen.models.partners import (
    ContactPerson,
    CooperationForm,
    ListedPartner,
    Partner,
    PartnerList,
    PartnerType,
)
from docgen.models.people import Authority, Gender, Person, Signer
from docgen.models.plan import PartnershipPlan, PlanEvent, PlanPartnerRow
from docgen.models.report import MethodReport

MODELS: dict[str, type[BaseModel]] = {
    "agreement": Agreement,
    "regulation": EventRegulation,
    "plan": PartnershipPlan,
    "report": MethodReport,
    "centre": Centre,
    "partner": Partner,
    "partners": PartnerList,
    "organisation": Organisation,
    "signer": Signer,
    "person": Person,
    "joint-event": JointEvent,
    "partner-year-report": PartnerYearReport,
    "joint-events": JointEventsYear,
}
"""Every model a data file can hold, by the name the CLI's ``--model`` option takes."""

__all__ = [
    "MODELS",
    "AcademicYear",
    "Agreed",
    "Agreement",
    "AgreementKind",
    "Approval",
    "Authority",
    "BankDetails",
    "Case",
    "CaseForms",
    "Centre",
    "ContactPerson",
    "CooperationForm",
    "DocModel",
    "EventKind",
    "EventLevel",
    "EventRegulation",
    "FinancialTerms",
    "Gender",
    "JointActivity",
    "JointEvent",
    "JointEventForm",
    "JointEventsYear",
    "ListedPartner",
    "MethodReport",
    "Obligations",
    "Organisation",
    "Partner",
    "PartnerList",
    "PartnerType",
    "PartnerYearReport",
    "PartnershipPlan",
    "Person",
    "PlanEvent",
    "PlanPartnerRow",
    "Requisites",
    "Signer",
    "Term",
    "group_by_partner",
    "held_events",
]
