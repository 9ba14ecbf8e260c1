"""Define the one exception tree of docgen.

Every error a user can fix derives from ``UserError``; its message is in Russian and says
where the problem is and how to fix it. The CLI prints ``ошибка: <message>`` and exits 1.
Any other exception is a bug and keeps its traceback.

    DocgenError
     └─ UserError                  the user can fix it; message says where and how
         ├─ InputError             data files: path, sheet, row, column, field
         │   └─ RequisitesError    ИНН/ОГРН/КПП/БИК/account check failed
         ├─ TemplateError          template: path, paragraph or cell text around the problem
         └─ OutputError            cannot write where asked
"""

from __future__ import annotations


class DocgenError(Exception):
    """Base of every error docgen raises on purpose."""


class UserError(DocgenError):
    """An error the user can fix; the message says where and how."""


class InputError(UserError):
    """Bad input data: a file, sheet, row, column or field is wrong."""


class RequisitesError(InputError, ValueError):
    """A Russian requisite (ИНН, КПП, ОГРН, БИК, account…) failed its check.

    It is also a ``ValueError`` so that pydantic validators may raise it directly and
    pydantic reports it as an ordinary validation error with our message.
    """


class TemplateError(UserError):
    """A template cannot be compiled, checked or rendered as written."""


class OutputError(UserError):
    """A result cannot be written where the user asked."""
