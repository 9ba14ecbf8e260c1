"""Alembic migrations of the register's schema, applied by ``open_register``."""
