"""The inspectors' allow-list of text-check false alarms (SPEC "Findings"): add and list, audit-logged."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import AllowEntry, AuditLog, Unit

TEXT_CHECKS = ("text.typo", "text.sensitive", "text.privacy")


class AllowError(ValueError):
    """A request the allow-list refuses; the message is Chinese, for the terminal."""


def add_allow(session: Session, *, check: str, phrase: str | None, url: str | None, unit: str | None,
              by: str, reason: str) -> AllowEntry:
    if (phrase is None) == (url is None):
        raise AllowError("须且只能指定 --phrase 或 --url 之一")
    if not by.strip() or not reason.strip():
        raise AllowError("须填写操作人和理由")
    unit_id = None
    if unit:
        unit_id = session.scalar(select(Unit.id).where(Unit.slug == unit))
        if unit_id is None:
            raise AllowError(f"没有单位 {unit}")
    entry = AllowEntry(check=check, phrase=phrase, url=url, unit_id=unit_id, created_by=by, reason=reason)
    session.add(entry)
    session.flush()
    session.add(AuditLog(actor=by, action="allow", entity="allow_list", entity_id=entry.id, before={},
                         after={"check": check, "phrase": phrase, "url": url, "unit": unit}, reason=reason))
    session.flush()
    return entry


def list_allow(session: Session) -> list[dict]:
    slugs = dict(session.execute(select(Unit.id, Unit.slug)).all())
    return [
        {"id": e.id, "check": e.check, "phrase": e.phrase, "url": e.url, "unit": slugs.get(e.unit_id) if e.unit_id else None,
         "created_by": e.created_by, "reason": e.reason, "created_at": e.created_at}
        for e in session.scalars(select(AllowEntry).order_by(AllowEntry.id))
    ]


def remove_allow(session: Session, entry_id: int, *, by: str, reason: str) -> None:
    """Take an entry off the allow-list; the audit log keeps what it said."""
    if not by.strip() or not reason.strip():
        raise AllowError("须填写操作人和理由")
    entry = session.get(AllowEntry, entry_id)
    if entry is None:
        raise AllowError(f"白名单中没有第 {entry_id} 条")
    before = {"check": entry.check, "phrase": entry.phrase, "url": entry.url, "unit_id": entry.unit_id,
              "created_by": entry.created_by, "reason": entry.reason}
    session.delete(entry)
    session.add(AuditLog(actor=by, action="allow_remove", entity="allow_list", entity_id=entry_id, before=before,
                         after={}, reason=reason))
    session.flush()
