"""Every module that defines tables, imported so that Base.metadata knows them all (Alembic, tests)."""

import storage.models  # noqa: F401
import storage.assessment_models  # noqa: F401
import storage.link_models  # noqa: F401
import storage.web_models  # noqa: F401
