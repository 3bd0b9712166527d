"""Findings become proposed (pending) deduction events under the unit's scheme.

How often one persisting problem is proposed is the scheme rule's `counting` (SPEC "Deductions"):
- `finding`: once per finding, in the period it was first proposed; a problem that comes back after it was
  rectified is a new finding;
- `period`: once per assessment period (the scheme's quarter or year) while the finding stays open;
- `report_year`: once per annual report and report-year, whatever its URLs (two URLs of the same year's
  report, a re-post) and only in the year its deadline falls in: an old year's report never lands in
  the current period.
A subject already proposed for its count (in any state: a rejected proposal is a decision too) is not
proposed again. The event's `period` is the quarter of the check date; annual sheets add the quarters.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessment.schemes import Scheme, load_scheme
from storage.models import DeductionEvent, Finding, Unit


def period_of(day: date) -> str:
    """The quarter of a day, e.g. 2024Q3: the period an event is filed in."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def counting_period(scheme: Scheme, quarter: str) -> str:
    """The period a `period`-counted problem is counted once in: the quarter, or its year."""
    return quarter[:4] if scheme.period == "year" else quarter


def report_year(finding: Finding) -> int | None:
    year = (finding.evidence or {}).get("year")
    return int(year) if isinstance(year, int | str) and str(year).isdigit() else None


def counted_subject(scheme: Scheme, finding: Finding) -> str:
    """What the scheme counts once: the finding's subject, or one report-year ("report:2023#element")."""
    if scheme.counting(finding.check) == "report_year":
        year = report_year(finding)
        if year is not None:
            element = finding.subject_key.partition("#")[2]
            return f"report:{year}" + (f"#{element}" if element else "")
    return finding.subject_key


def _existing(session: Session, unit_ids: set[int], schemes: set[str]) -> dict[tuple, list[DeductionEvent]]:
    """Every event already proposed for these units, by (scheme, unit id, check, counted subject)."""
    out: dict[tuple, list[DeductionEvent]] = defaultdict(list)
    if not unit_ids:
        return out
    rows = session.execute(
        select(DeductionEvent, Finding.subject_key).join(Finding, Finding.id == DeductionEvent.finding_id)
        .where(DeductionEvent.unit_id.in_(unit_ids), DeductionEvent.scheme.in_(schemes))
    ).all()
    for event, subject_key in rows:
        out[(event.scheme, event.unit_id, event.check, event.counted_subject or subject_key)].append(event)
    return out


def why_not_proposed(scheme: Scheme, finding: Finding, as_of: date, earlier: list[DeductionEvent]) -> str | None:
    """Why this finding proposes nothing tonight (None: it proposes an event)."""
    counting = scheme.counting(finding.check)
    quarter = period_of(as_of)
    if counting == "finding":
        if any(e.finding_id == finding.id for e in earlier):
            return "该问题已提出过扣分"
    elif counting == "period":
        here = counting_period(scheme, quarter)
        if any(counting_period(scheme, e.period) == here for e in earlier):
            return "本考核期已提出过扣分"
    else:
        year = report_year(finding)
        if year is not None and year + 1 != as_of.year:
            return f"{year}年度年报属{year + 1}年考核，不计入本期"
        if earlier:
            return "该年度年报已提出过扣分"
    return None


def propose_events(session: Session, findings: list[Finding], as_of: date) -> int:
    """Propose the pending events tonight's findings call for under each unit's scheme."""
    quarter = period_of(as_of)
    units = {f.unit_id: f.unit for f in findings}
    schemes = {u.jurisdiction.scheme for u in units.values()}
    existing = _existing(session, set(units), schemes)
    created = 0
    for finding in findings:
        unit: Unit = finding.unit
        scheme = load_scheme(unit.jurisdiction.scheme)
        match = scheme.points_for(finding.check, unit.jurisdiction.level)
        if match is None:
            continue
        rule, points = match
        subject = counted_subject(scheme, finding)
        key = (scheme.name, unit.id, finding.check, subject)
        if why_not_proposed(scheme, finding, as_of, existing[key]) is not None:
            continue
        event = DeductionEvent(finding=finding, unit_id=unit.id, scheme=scheme.name, period=quarter,
                               check=finding.check, category=rule.category, clause=rule.clause, points=points,
                               counted_subject=subject, as_of=as_of)
        session.add(event)
        existing[key].append(event)
        created += 1
    session.flush()
    return created
