"""Audit-log rows for what is not a state change: exports of score sheets and evidence."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from storage.models import AuditLog


def record_export(session: Session, *, actor: str, entity: str, entity_id: int | None = None, **what: Any) -> None:
    """One `export` row: who took which sheet or evidence out of the system, and when."""
    session.add(AuditLog(actor=actor, action="export", entity=entity, entity_id=entity_id, before={},
                         after={k: str(v) if not isinstance(v, int | float | str | None) else v for k, v in what.items()}))
