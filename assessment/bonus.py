"""Bonus items (加分) that inspectors award by hand: checked against the scheme's items and audited.

The caps (per item and overall) are applied when scoring, so an award over a cap is kept as evidence
and shown as capped on the score sheet.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessment.review import ReviewError
from assessment.schemes import load_scheme
from assessment.scoring import Quarter
from storage.assessment_models import BonusAward
from storage.models import AuditLog, Unit


def award_bonus(session: Session, *, unit: str, quarter: Quarter, item: str, note: str, actor: str,
                times: int = 1) -> BonusAward:
    """Award `times` × the item's points (e.g. 2 解读 formats × 2 points)."""
    if not actor.strip() or not note.strip():
        raise ReviewError("加分必须注明操作人和依据")
    row = session.scalar(select(Unit).where(Unit.slug == unit))
    if row is None:
        raise ReviewError(f"单位 “{unit}” 不在名录中")
    scheme = load_scheme(row.jurisdiction.scheme)
    bonus = scheme.bonus_item(item)
    if bonus is None:
        choices = "、".join(f"{b.key}（{b.name}）" for b in scheme.bonus_items) or "无"
        raise ReviewError(f"方案 {scheme.name} 没有加分项 “{item}”，可选：{choices}")
    if times < 1:
        raise ReviewError("次数至少为 1")
    award = BonusAward(unit_id=row.id, scheme=scheme.name, period=str(quarter), item=item,
                       points=bonus.points * times, note=note, created_by=actor)
    session.add(award)
    session.flush()
    session.add(AuditLog(actor=actor, action="award", entity="bonus_award", entity_id=award.id, before={},
                         after={"unit": unit, "period": str(quarter), "item": item, "points": str(award.points)},
                         reason=note))
    session.flush()
    return award


