"""Inspectors' decisions on deduction events; the CLI and the web UI both come through here.

Every change of state writes one audit-log row (who, when, what, why).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

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
            "decided_by": event.decided_by}


def decide(session: Session, event_id: int, action: str, *, actor: str, reason: str | None = None) -> DeductionEvent:
    if not actor.strip():
        raise ReviewError("必须注明操作人")
    event = session.get(DeductionEvent, event_id)
    if event is None:
        raise ReviewError(f"扣分事项 {event_id} 不存在")
    target = TRANSITIONS.get(event.state, {}).get(action)
    if target is None:
        raise ReviewError(f"扣分事项 {event_id} 当前状态为 {event.state}，不能执行 {action}")
    if target == "rejected" and not (reason and reason.strip()):
        raise ReviewError("驳回必须填写理由")
    before = _snapshot(event)
    event.state = target
    event.decided_by, event.decided_at = actor, utcnow()
    if reason:
        event.reason = reason
    session.add(AuditLog(actor=actor, action=action, entity="deduction_event", entity_id=event.id,
                         before=before, after=_snapshot(event), reason=reason))
    session.flush()
    return event
