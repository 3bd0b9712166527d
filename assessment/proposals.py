"""Findings become proposed (pending) deduction events under the unit's scheme, one per period."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessment.schemes import load_scheme
from storage.models import DeductionEvent, Finding, Unit


def period_of(day: date) -> str:
    """The assessment quarter of a day, e.g. 2024Q3 (日常考评 is quarterly)."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def propose_events(session: Session, findings: list[Finding], as_of: date) -> int:
    """Propose one pending event per finding, scheme and period; an existing one is left alone."""
    period = period_of(as_of)
    created = 0
    for finding in findings:
        unit: Unit = finding.unit
        scheme = load_scheme(unit.jurisdiction.scheme)
        match = scheme.points_for(finding.check, unit.jurisdiction.level)
        if match is None:
            continue
        rule, points = match
        exists = session.scalar(
            select(DeductionEvent.id).where(
                DeductionEvent.finding_id == finding.id,
                DeductionEvent.scheme == scheme.name,
                DeductionEvent.period == period,
            )
        )
        if exists:
            continue
        session.add(
            DeductionEvent(finding=finding, unit_id=unit.id, scheme=scheme.name, period=period,
                           check=finding.check, category=rule.category, clause=rule.clause, points=points)
        )
        created += 1
    session.flush()
    return created
