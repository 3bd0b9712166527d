"""The jobs behind the commands: check (and, through crawler.runner, crawl). Each owns its transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assessment.proposals import propose_events
from checks.base import CheckRules
from checks.loader import load_audit_data
from checks.registry import registered_checks
from storage.findings import RecordStats, record_findings
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
        out += [f"  {code}: {n}" for code, n in sorted(s.by_check.items())]
        return out


def run_checks(Session_: sessionmaker[Session], as_of: date, unit_slugs: list[str] | None = None) -> CheckSummary:
    summary = CheckSummary(as_of=as_of)
    with Session_() as session, session.begin():
        data = load_audit_data(session, unit_slugs)
        summary.units = len(data.units)
        unit_ids = {u.slug: u.id for u in session.scalars(select(Unit).where(Unit.slug.in_([x.slug for x in data.units])))}
        rules = CheckRules()
        observed = []
        for code, spec in registered_checks().items():
            findings = spec.fn(data, as_of, rules)
            judged = spec.scope(data) if spec.scope else None
            observed += record_findings(session, code=code, findings=findings, judged=judged, unit_ids=unit_ids,
                                        as_of=as_of, stats=summary.stats)
        summary.events_proposed = propose_events(session, observed, as_of)
    return summary
