"""The as-of loaders bind ids in chunks: a county night lists ~100,000 documents, and PostgreSQL refuses a
statement with more than 65,535 bound values (found by benchmarks/county_scale.py at 99,000 documents)."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.load_extras import Cutoff, _listed_files


def test_listed_files_as_of_a_date_with_more_ids_than_a_statement_may_bind(Session) -> None:
    detail_of: dict[int, int | None] = {doc_id: doc_id for doc_id in range(1, 70_001)}  # ids of no document
    with Session() as session:
        cutoff = Cutoff(before=datetime(2024, 10, 1, tzinfo=UTC), last_run=1)
        assert _listed_files(session, {1: "unit"}, set(), cutoff, detail_of) == ()
