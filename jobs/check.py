"""The jobs behind the commands: check (and, through crawler.launch, crawl). Each owns its transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assessment.proposals import propose_events
from assessment.schemes import load_scheme
from checks.loader import load_audit_data
from checks.registry import registered_checks
from core.names import check_name
from jobs.record import RecordStats, record_findings
from storage.models import Unit


@dataclass
class CheckSummary:
    as_of: date
    units: int = 0
    stats: RecordStats = field(default_factory=RecordStats)
    events_proposed: int = 0

    def lines(self) -> list[str]:
        s = self.stats
        out = [f"检查基准日 {self.as_of:%Y-%m-%d}：{self.units} 个单位；新发现 {s.new} 条，仍存在 {s.still_open} 条，"
               f"已整改 {s.rectified} 条；新提出扣分 {self.events_proposed} 条（待审核）"]
        out += [f"  {check_name(code)}：{n}" for code, n in sorted(s.by_check.items())]
        return out


def run_checks(Session_: sessionmaker[Session], as_of: date, unit_slugs: list[str] | None = None) -> CheckSummary:
    """Every registered check over the latest crawl, per jurisdiction (each has its scheme's settings)."""
    summary = CheckSummary(as_of=as_of)
    with Session_() as session, session.begin():
        query = select(Unit).where(Unit.active.is_(True))
        if unit_slugs:
            query = query.where(Unit.slug.in_(unit_slugs))
        by_jurisdiction: dict[int, list[Unit]] = {}
        for unit in session.scalars(query.order_by(Unit.slug)):
            by_jurisdiction.setdefault(unit.jurisdiction_id, []).append(unit)
        observed = []
        for units in by_jurisdiction.values():
            rules = load_scheme(units[0].jurisdiction.scheme).check_settings
            data = load_audit_data(session, [u.slug for u in units])
            summary.units += len(data.units)
            unit_ids = {u.slug: u.id for u in units}
            for code, spec in registered_checks().items():
                findings = spec.fn(data, as_of, rules)
                judged = spec.scope(data) if spec.scope else None
                observed += record_findings(session, code=code, findings=findings, judged=judged,
                                            unit_ids=unit_ids, as_of=as_of, stats=summary.stats)
        summary.events_proposed = propose_events(session, observed, as_of)
    return summary
