"""Inspectors' decisions on deduction events; the CLI and the web UI both come through here.

Every change of state writes one audit-log row (who, when, what, why). A unit may appeal (复核) a
confirmed event within its scheme's appeal window, counted from the confirmation; an inspector then
upholds or overturns it. While an appeal is open the event is not `confirmed`, so it does not count.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessment.schemes import load_scheme
from core.names import STATE_NAMES
from storage.assessment_models import Appeal
from storage.clock import utcnow
from storage.models import AuditLog, DeductionEvent

# state -> decisions allowed from it
TRANSITIONS: dict[str, dict[str, str]] = {
    "pending": {"confirm": "confirmed", "reject": "rejected"},
    "confirmed": {"appeal": "appealed"},
    "appealed": {"uphold": "confirmed", "overturn": "rejected"},
    "rejected": {},
}


class ReviewError(Exception):
    pass


def _snapshot(event: DeductionEvent) -> dict[str, Any]:
    return {"state": event.state, "points": str(event.points), "reason": event.reason,
            "decided_by": event.decided_by, "category": event.category, "clause": event.clause}


def _escalate(event: DeductionEvent, reason: str | None) -> None:
    """Apply the rule's heavier clause (金昌 第十四条: notified by the province or of wide impact)."""
    rule = load_scheme(event.scheme).deductions.get(event.check)
    if rule is None or rule.escalation is None:
        raise ReviewError(f"扣分事项 {event.id}（{event.check}）在方案 {event.scheme} 中没有可加重适用的条款")
    if not (reason and reason.strip()):
        raise ReviewError("加重适用须注明理由（如通报文号或舆情情况）")
    event.category, event.clause, event.points = rule.escalation.category, rule.escalation.clause, rule.escalation.points


def _check_points(event: DeductionEvent, points: Decimal) -> None:
    rule = load_scheme(event.scheme).deductions.get(event.check)
    if rule is not None and rule.escalation is not None and event.clause == rule.escalation.clause:
        rule = rule.escalation  # type: ignore[assignment]
    top = rule.points_max if rule and rule.points_max is not None else event.points
    if not (event.points <= points <= top):
        raise ReviewError(f"扣分事项 {event.id} 的扣分只能在 {event.points} 至 {top} 分之间")


def _open_appeal(session: Session, event: DeductionEvent, actor: str, reason: str, now: datetime) -> None:
    if session.scalar(select(Appeal.id).where(Appeal.event_id == event.id).limit(1)):
        raise ReviewError(f"扣分事项 {event.id} 已复核过，不能再次申请复核")
    window = load_scheme(event.scheme).appeal_window_days
    confirmed_at = event.decided_at or now
    if now > confirmed_at + timedelta(days=window):
        raise ReviewError(f"扣分事项 {event.id} 已超过复核申请期限（确认后 {window} 日内）")
    session.add(Appeal(event_id=event.id, filed_by=actor, filed_at=now, reason=reason))


def _close_appeal(session: Session, event: DeductionEvent, outcome: str, actor: str, reason: str | None,
                  now: datetime) -> None:
    appeal = session.scalar(select(Appeal).where(Appeal.event_id == event.id, Appeal.outcome.is_(None))
                            .order_by(Appeal.id.desc()).limit(1))
    if appeal is not None:
        appeal.outcome, appeal.decided_by, appeal.decided_at, appeal.decision_reason = outcome, actor, now, reason


def decide(session: Session, event_id: int, action: str, *, actor: str, reason: str | None = None,
           points: Decimal | None = None, now: datetime | None = None, escalate: bool = False) -> DeductionEvent:
    """Apply one decision. `points` (confirm only) sets a value inside the rule's range (扣5分以上10分以下);
    `escalate` (confirm only) applies the rule's heavier clause, for a problem the inspector marks as
    notified by a higher office or of wide impact (with the reason)."""
    now = now or utcnow()
    if not actor.strip():
        raise ReviewError("必须注明操作人")
    event = session.get(DeductionEvent, event_id)
    if event is None:
        raise ReviewError(f"扣分事项 {event_id} 不存在")
    target = TRANSITIONS.get(event.state, {}).get(action)
    if target is None:
        raise ReviewError(f"扣分事项 {event_id} 当前状态为 {STATE_NAMES.get(event.state, event.state)}，不能执行 {action}")
    if action in ("reject", "appeal", "overturn") and not (reason and reason.strip()):
        raise ReviewError("驳回、申请复核和复核撤销都必须填写理由")
    if (points is not None or escalate) and action != "confirm":
        raise ReviewError("只有确认时可以调整扣分")
    before = _snapshot(event)
    if escalate:
        _escalate(event, reason)
    if points is not None:
        _check_points(event, points)
        event.points = points
    if action == "appeal":
        _open_appeal(session, event, actor, reason or "", now)
    elif action in ("uphold", "overturn"):
        _close_appeal(session, event, "upheld" if action == "uphold" else "overturned", actor, reason, now)
    event.state = target
    if action != "appeal":  # the confirmation time stays: it starts the appeal window
        event.decided_by, event.decided_at = actor, now
    if reason:
        event.reason = reason
    session.add(AuditLog(actor=actor, action=action, entity="deduction_event", entity_id=event.id, at=now,
                         before=before, after=_snapshot(event), reason=reason))
    session.flush()
    return event
