"""Every module that defines tables, imported so that Base.metadata knows them all (Alembic, tests)."""

