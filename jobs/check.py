"""The jobs behind the commands: check and replay (and, through crawler.launch, crawl). Each owns its
transaction; replay writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from assessment.proposals import propose_events
from assessment.schemes import load_scheme
from checks import base
from checks.loader import load_audit_data
from checks.registry import CheckSpec, registered_checks
from core.names import check_name
from jobs.record import RecordStats, record_findings
from storage.models import Finding, Unit

TIMEZONE = "Asia/Shanghai"


class PastAsOfError(Exception):
    """A check as of a date before the last recorded check: it would rewrite the live queue."""


def captured_by(as_of: date, timezone: str = TIMEZONE) -> datetime:
    """The end of the as-of day: a check as of it sees what had been captured before this moment."""
    return datetime.combine(as_of + timedelta(days=1), time(0), ZoneInfo(timezone))


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


@dataclass(frozen=True)
class Judged:
    """One check's result over one jurisdiction's units."""

    code: str
    spec: CheckSpec
    findings: list[base.Observation]
    judged: set[tuple[str, str]] | None
    unit_ids: dict[str, int]
    units: int


def evaluate(session: Session, as_of: date, unit_slugs: list[str] | None = None,
             timezone: str = TIMEZONE) -> Iterator[Judged]:
    """Every registered check, per jurisdiction (each has its scheme's settings), over what had been
    captured by the end of the as-of day. Reads only."""
    query = select(Unit).where(Unit.active.is_(True))
    if unit_slugs:
        query = query.where(Unit.slug.in_(unit_slugs))
    by_jurisdiction: dict[int, list[Unit]] = {}
    for unit in session.scalars(query.order_by(Unit.slug)):
        by_jurisdiction.setdefault(unit.jurisdiction_id, []).append(unit)
    for units in by_jurisdiction.values():
        rules = load_scheme(units[0].jurisdiction.scheme).check_settings
        data = load_audit_data(session, [u.slug for u in units], captured_by(as_of, timezone))
        unit_ids = {u.slug: u.id for u in units}
        for code, spec in registered_checks().items():
            findings = spec.fn(data, as_of, rules)
            judged = spec.scope(data) if spec.scope else None
            yield Judged(code, spec, findings, judged, unit_ids, len(data.units))


def last_checked(session: Session) -> date | None:
    return session.scalar(select(func.max(Finding.last_as_of)))


def run_checks(Session_: sessionmaker[Session], as_of: date, unit_slugs: list[str] | None = None,
               timezone: str = TIMEZONE) -> CheckSummary:
    """Record tonight's findings and propose their deductions. A date before the last recorded check is
    refused: the past is replayed (`replay`), never written into the live queue again."""
    summary = CheckSummary(as_of=as_of)
    with Session_() as session, session.begin():
        last = last_checked(session)
        if last is not None and as_of < last:
            raise PastAsOfError(f"检查基准日 {as_of:%Y-%m-%d} 早于已记录的最近一次检查（{last:%Y-%m-%d}）；"
                                f"重现以往结果请用 zwgk replay --as-of {as_of:%Y-%m-%d}（只读，不改动审核队列）")
        observed = []
        counted: set[frozenset[str]] = set()
        for result in evaluate(session, as_of, unit_slugs, timezone):
            if frozenset(result.unit_ids) not in counted:
                counted.add(frozenset(result.unit_ids))
                summary.units += result.units
            observed += record_findings(session, code=result.code, findings=result.findings, judged=result.judged,
                                        unit_ids=result.unit_ids, as_of=as_of, stats=summary.stats)
        summary.events_proposed = propose_events(session, observed, as_of)
    return summary


def replay(Session_: sessionmaker[Session], as_of: date, unit_slugs: list[str] | None = None,
           timezone: str = TIMEZONE) -> list[dict]:
    """The findings a check on `as_of` produces from what had been captured by then; writes nothing."""
    out = []
    with Session_() as session:
        slug_names = dict(session.execute(select(Unit.slug, Unit.name)).all())
        for result in evaluate(session, as_of, unit_slugs, timezone):
            for f in result.findings:
                out.append({"unit": f.unit, "unit_name": slug_names.get(f.unit, f.unit), "check": f.check,
                            "subject_key": f.subject_key, "subject": f.subject, "url": f.url, "detail": f.detail,
                            "as_of": as_of, "observed_at": f.observed_at, "evidence": dict(f.evidence)})
        session.rollback()
    out.sort(key=lambda r: (r["unit"], r["check"], r["subject_key"]))
    return out
