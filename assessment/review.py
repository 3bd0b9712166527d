"""Inspectors' decisions on deduction events; the CLI and the web UI both come through here.

Every change of state writes one audit-log row (who, when, what, why). A unit may appeal (复核) a
confirmed event within its scheme's appeal window, counted from the confirmation; an inspector then
upholds or overturns it. While an appeal is open the event is not `confirmed`, so it does not count.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assessment.schemes import load_scheme
from core.names import ACTION_NAMES, STATE_NAMES
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
_CHINA = ZoneInfo("Asia/Shanghai")


class ReviewError(Exception):
    pass


def _snapshot(event: DeductionEvent) -> dict[str, Any]:
    return {"state": event.state, "points": str(event.points), "reason": event.reason,
            "decided_by": event.decided_by, "category": event.category, "clause": event.clause}


def _escalation(event: DeductionEvent, reason: str | None) -> dict[str, Any]:
    """The rule's heavier clause (金昌 第十四条: notified by the province or of wide impact), as new values."""
    rule = load_scheme(event.scheme).deductions.get(event.check)
    if rule is None or rule.escalation is None:
        raise ReviewError(f"扣分事项 {event.id}（{event.check}）在方案 {event.scheme} 中没有可加重适用的条款")
    if not (reason and reason.strip()):
        raise ReviewError("加重适用须注明理由（如通报文号或舆情情况）")
    return {"category": rule.escalation.category, "clause": rule.escalation.clause, "points": rule.escalation.points}


def _check_points(event: DeductionEvent, points: Decimal, clause: str, base: Decimal) -> None:
    """`points` must lie in the range of the clause applied (`base` up to the rule's points_max)."""
    rule = load_scheme(event.scheme).deductions.get(event.check)
    if rule is not None and rule.escalation is not None and clause == rule.escalation.clause:
        rule = rule.escalation  # type: ignore[assignment]
    top = rule.points_max if rule and rule.points_max is not None else base
    if not (base <= points <= top):
        raise ReviewError(f"扣分事项 {event.id} 的扣分只能在 {base} 至 {top} 分之间")


def _check_appeal(session: Session, event: DeductionEvent, now: datetime) -> None:
    if session.scalar(select(Appeal.id).where(Appeal.event_id == event.id).limit(1)):
        raise ReviewError(f"扣分事项 {event.id} 已复核过，不能再次申请复核")
    window = load_scheme(event.scheme).appeal_window_days
    confirmed_at = event.decided_at or now
    if now > confirmed_at + timedelta(days=window):
        raise ReviewError(f"扣分事项 {event.id} 已超过复核申请期限（确认后 {window} 日内）")


def _close_appeal(session: Session, event: DeductionEvent, outcome: str, actor: str, reason: str | None,
                  now: datetime) -> None:
    appeal = session.scalar(select(Appeal).where(Appeal.event_id == event.id, Appeal.outcome.is_(None))
                            .order_by(Appeal.id.desc()).limit(1))
    if appeal is not None:
        appeal.outcome, appeal.decided_by, appeal.decided_at, appeal.decision_reason = outcome, actor, now, reason


def _already(event: DeductionEvent, action: str) -> str:
    state = STATE_NAMES.get(event.state, event.state)
    when = event.decided_at.astimezone(_CHINA).strftime("%Y-%m-%d %H:%M:%S") if event.decided_at else "刚才"
    who = event.decided_by or "他人"
    return f"扣分事项 {event.id} 已由 {who} 于 {when} 处理（当前状态：{state}），本次{ACTION_NAMES.get(action, action)}未生效"


def decide(session: Session, event_id: int, action: str, *, actor: str, reason: str | None = None,
           points: Decimal | None = None, now: datetime | None = None, escalate: bool = False) -> DeductionEvent:
    """Apply one decision. `points` (confirm only) sets a value inside the rule's range (扣5分以上10分以下);
    `escalate` (confirm only) applies the rule's heavier clause, for a problem the inspector marks as
    notified by a higher office or of wide impact (with the reason).

    The change of state is one conditional UPDATE (`WHERE state = <the state read>`): of two decisions
    made at the same instant, in two processes, on SQLite or PostgreSQL, exactly one matches a row;
    the other raises ReviewError ("already decided by X at T") and has written nothing, audit row included.
    """
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
    if action == "appeal":
        _check_appeal(session, event, now)
    before = _snapshot(event)
    values: dict[str, Any] = {"state": target}
    if escalate:
        values |= _escalation(event, reason)
    if points is not None:
        _check_points(event, points, values.get("clause", event.clause), values.get("points", event.points))
        values["points"] = points
    if action != "appeal":  # the confirmation time stays: it starts the appeal window
        values["decided_by"], values["decided_at"] = actor, now
    if reason:
        values["reason"] = reason
    changed = session.execute(  # type: ignore[attr-defined]  # a CursorResult: UPDATE has a rowcount
        update(DeductionEvent).where(DeductionEvent.id == event.id, DeductionEvent.state == event.state)
        .values(**values).execution_options(synchronize_session=False)
    ).rowcount
    session.refresh(event)  # what is in the row now: ours, or the decision that came first
    if changed != 1:
        raise ReviewError(_already(event, action))
    if action == "appeal":
        session.add(Appeal(event_id=event.id, filed_by=actor, filed_at=now, reason=reason or ""))
    elif action in ("uphold", "overturn"):
        _close_appeal(session, event, "upheld" if action == "uphold" else "overturned", actor, reason, now)
    session.add(AuditLog(actor=actor, action=action, entity="deduction_event", entity_id=event.id, at=now,
                         before=before, after=_snapshot(event), reason=reason))
    session.flush()
    return event
