"""Processes that render and convert, each bounded and replaced when it dies.

``processes`` runs rendering workers under memory and time limits (``limits``);
``office`` and ``office_pool`` keep LibreOffice converters running (unoserver, with
``office_host`` run by LibreOffice's own Python), ``soffice`` is the one-shot fallback;
``queue`` carries the service's jobs to ``docgen worker`` processes over PostgreSQL.
"""
