"""Recording check results: a finding stays one row while it is observed, and is rectified when a
later check judges its subject again and no longer sees it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from checks import base
from storage.models import Finding


@dataclass
class RecordStats:
    new: int = 0
    still_open: int = 0
    rectified: int = 0
    by_check: dict[str, int] = field(default_factory=dict)


def _latest_row(session: Session, check: str, unit_id: int, subject_key: str) -> Finding | None:
    return session.scalar(
        select(Finding)
        .where(Finding.check == check, Finding.unit_id == unit_id, Finding.subject_key == subject_key)
        .order_by(Finding.first_as_of.desc())
        .limit(1)
    )


def record_findings(
    session: Session,
    *,
    code: str,
    findings: Iterable[base.Observation],
    judged: set[tuple[str, str]] | None,
    unit_ids: dict[str, int],
    as_of: date,
    stats: RecordStats,
) -> list[Finding]:
    """Upsert this check's findings; rectify its open findings of judged subjects that were not seen.

    `judged` is the check's scope; None means every subject of the units in `unit_ids`.
    """
    seen: set[int] = set()
    rows = []
    for f in findings:
        unit_id = unit_ids[f.unit]
        row = _latest_row(session, code, unit_id, f.subject_key)
        if row is not None and (row.rectified_on is None or row.rectified_on >= as_of) and row.first_as_of <= as_of:
            row.rectified_on, row.closed_as = None, None  # seen again: open, whatever closed it
            row.last_as_of = max(row.last_as_of, as_of)
            row.subject, row.url, row.detail = f.subject, f.url, f.detail
            row.evidence, row.observed_at = dict(f.evidence), f.observed_at
            stats.still_open += 1
        else:
            row = Finding(check=code, unit_id=unit_id, subject_key=f.subject_key, subject=f.subject, url=f.url,
                          detail=f.detail, evidence=dict(f.evidence), observed_at=f.observed_at,
                          first_as_of=as_of, last_as_of=as_of)
            session.add(row)
            stats.new += 1
        session.flush()
        seen.add(row.id)
        rows.append(row)
        stats.by_check[code] = stats.by_check.get(code, 0) + 1
    slug_of = {v: k for k, v in unit_ids.items()}
    open_rows = session.scalars(
        select(Finding).where(
            Finding.check == code,
            Finding.unit_id.in_(unit_ids.values()),
            Finding.rectified_on.is_(None),
            Finding.first_as_of <= as_of,
        )
    )
    for row in open_rows:
        if row.id in seen:
            continue
        if judged is not None and (slug_of[row.unit_id], row.subject_key) not in judged:
            continue
        row.rectified_on = as_of
        stats.rectified += 1
    session.flush()
    return rows
