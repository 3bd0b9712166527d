"""Every module that defines tables, imported so that Base.metadata knows them all (Alembic, tests)."""

import storage.assessment_models
import storage.link_models
import storage.memo
import storage.models
import storage.ops_models
import storage.warc_models
import storage.web_models  # noqa: F401
