"""Templates: compile once, render many; list and check the names a template uses.

compiled = compile_template(Path("договор.docx"))
unknown = check_template(compiled, Agreement)          # every unknown name at once
data = compiled.render(model_context(agreement))       # bytes of a .docx
write_atomically(Path("out/договор-1.docx"), data)
"""

from __future__ import annotations

from docgen.engine.check import UnknownName, check_template, model_context, model_names
from docgen.engine.compile import compile_template
from docgen.engine.fields import Usage
from docgen.engine.limits import RenderLimits
from docgen.engine.locate import Place
from docgen.engine.output import write_atomically
from docgen.engine.properties import DocumentProperties
from docgen.engine.report import format_fields, format_unknown
from docgen.engine.template import CompiledTemplate

__all__ = [
    "CompiledTemplate",
    "DocumentProperties",
    "Place",
    "RenderLimits",
    "UnknownName",
    "Usage",
    "check_template",
    "compile_template",
    "format_fields",
    "format_unknown",
    "model_context",
    "model_names",
    "write_atomically",
]
