"""Read models for the front ends: findings and events as plain dicts."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload

from storage.models import DeductionEvent, Finding, Unit


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id,
        "unit": f.unit.slug,
        "unit_name": f.unit.name,
        "check": f.check,
        "subject": f.subject,
        "url": f.url,
        "detail": f.detail,
        "as_of": f.last_as_of,
        "first_as_of": f.first_as_of,
        "observed_at": f.observed_at,
        "rectified_on": f.rectified_on,
        "evidence": f.evidence,
    }


def list_findings(
    session: Session,
    *,
    units: list[str] | None = None,
    checks: list[str] | None = None,
    since: date | None = None,
    include_rectified: bool = True,
) -> list[dict[str, Any]]:
    query = select(Finding).join(Finding.unit).options(joinedload(Finding.unit))
    if units:
        query = query.where(Unit.slug.in_(units))
    if checks:
        query = query.where(Finding.check.in_(checks))
    if since:
        query = query.where(Finding.last_as_of >= since)
    if not include_rectified:
        query = query.where(Finding.rectified_on.is_(None))
    query = query.order_by(Unit.slug, Finding.check, Finding.id)
    return [finding_dict(f) for f in session.scalars(query)]


def event_dict(e: DeductionEvent) -> dict[str, Any]:
    return {
        "id": e.id,
        "unit": e.unit.slug,
        "unit_name": e.unit.name,
        "period": e.period,
        "scheme": e.scheme,
        "check": e.check,
        "category": e.category,
        "points": e.points,
        "state": e.state,
        "subject": e.finding.subject,
        "detail": e.finding.detail,
        "url": e.finding.url,
        "finding_id": e.finding_id,
        "clause": e.clause,
        "decided_by": e.decided_by,
        "decided_at": e.decided_at,
        "reason": e.reason,
    }


def list_events(
    session: Session, *, states: list[str] | None = None, units: list[str] | None = None,
    period: str | None = None,
) -> list[dict[str, Any]]:
    query = (
        select(DeductionEvent)
        .join(DeductionEvent.unit)
        .options(joinedload(DeductionEvent.unit), joinedload(DeductionEvent.finding))
    )
    if states:
        query = query.where(DeductionEvent.state.in_(states))
    if units:
        query = query.where(Unit.slug.in_(units))
    if period:
        query = query.where(DeductionEvent.period == period)
    return [event_dict(e) for e in session.scalars(query.order_by(Unit.slug, DeductionEvent.id))]


def audit_query(actor: str | None = None, action: str | None = None, entity: str | None = None) -> Select:
    """The audit log filtered by who, what and on which kind of thing (the CLI's and the web UI's filters)."""
    from storage.models import AuditLog

    query = select(AuditLog)
    if actor:
        query = query.where(AuditLog.actor == actor)
    if action:
        query = query.where(AuditLog.action == action)
    if entity:
        query = query.where(AuditLog.entity == entity)
    return query


def list_audit(session: Session, *, actor: str | None = None, action: str | None = None, entity: str | None = None,
               since: date | None = None, limit: int = 200, timezone: str = "Asia/Shanghai") -> list[dict[str, Any]]:
    """The audit log, newest first; `since` is a local date in `timezone`."""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from storage.models import AuditLog

    query = audit_query(actor, action, entity)
    if since:
        query = query.where(AuditLog.at >= datetime.combine(since, time.min, tzinfo=ZoneInfo(timezone)))
    return [{"id": a.id, "at": a.at, "actor": a.actor, "action": a.action, "entity": a.entity, "entity_id": a.entity_id,
             "before": a.before, "after": a.after, "reason": a.reason}
            for a in session.scalars(query.order_by(AuditLog.id.desc()).limit(limit))]
