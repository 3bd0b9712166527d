"""Score sheets from the store: the units of a scheme, their confirmed events, bonus awards and
imported stage scores, handed to the pure computation in assessment.scoring."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from assessment.schemes import Scheme, load_scheme
from assessment.scoring import (
    ZERO,
    BonusIn,
    EventIn,
    Period,
    Quarter,
    Sheet,
    UnitIn,
    Year,
    compute_sheet,
    q2,
    year_of_quarters,
)
from storage.assessment_models import BonusAward, StageScore
from storage.models import Column, CrawlRun, DeductionEvent, Finding, Jurisdiction, NewMediaAccount, Unit


class SheetError(Exception):
    pass


def schemes_in_use(session: Session) -> list[str]:
    return sorted(set(session.scalars(select(Jurisdiction.scheme))))


def resolve_scheme(session: Session, name: str | None) -> Scheme:
    """The named scheme, or the only one the registry uses."""
    if name:
        return load_scheme(name)
    used = schemes_in_use(session)
    if len(used) == 1:
        return load_scheme(used[0])
    if not used:
        raise SheetError("单位名录为空，请先导入 units.yaml")
    raise SheetError(f"名录中有多个考核方案，请用 --scheme 指定：{', '.join(used)}")


def _units(session: Session, scheme: Scheme) -> list[UnitIn]:
    rows = session.scalars(
        select(Unit).join(Unit.jurisdiction)
        .where(Jurisdiction.scheme == scheme.name, Unit.active.is_(True)).order_by(Unit.slug)
    )
    with_media = set(session.scalars(select(NewMediaAccount.unit_id).where(NewMediaAccount.active.is_(True))))
    return [UnitIn(u.slug, u.name, u.kind, u.id in with_media, u.parent) for u in rows]


def confirmed_events(session: Session, scheme: Scheme, periods: list[str]) -> list[DeductionEvent]:
    return list(session.scalars(
        select(DeductionEvent)
        .options(joinedload(DeductionEvent.unit), joinedload(DeductionEvent.finding))
        .where(DeductionEvent.scheme == scheme.name, DeductionEvent.state == "confirmed",
               DeductionEvent.period.in_(periods))
        .order_by(DeductionEvent.id)
    ))


def _column_id(subject_key: str) -> int | None:
    kind, _, ident = subject_key.partition(":")
    return int(ident) if kind == "column" and ident.isdigit() else None


def _event_ins(session: Session, events: list[DeductionEvent]) -> list[EventIn]:
    # a column subject ("column:42") carries its column's category, for vetoes that count columns by kind
    ids = {i for i in (_column_id(e.finding.subject_key) for e in events) if i is not None}
    categories: dict[int, str] = {}
    if ids:
        categories = {i: c for i, c in session.execute(select(Column.id, Column.category).where(Column.id.in_(ids)))}
    out = []
    for e in events:
        f: Finding = e.finding
        column_id = _column_id(f.subject_key)
        # what the scheme counts once (one report-year whatever its URLs) is also what "no double
        # deduction" groups compare
        out.append(EventIn(id=e.id, unit=e.unit.slug, period=e.period, check=e.check, category=e.category,
                           points=Decimal(e.points), subject_key=e.counted_subject or f.subject_key, subject=f.subject,
                           clause=e.clause,
                           first_as_of=f.first_as_of, rectified_on=f.rectified_on, evidence=f.evidence or {},
                           column_category=categories.get(column_id) if column_id is not None else None))
    return out


def _stage_scores(session: Session, scheme: Scheme, year: int) -> dict[tuple[str, str], Decimal]:
    rows = session.scalars(select(StageScore).options(joinedload(StageScore.unit))
                           .where(StageScore.scheme == scheme.name, StageScore.year == year))
    return {(r.unit.slug, r.stage): Decimal(r.score) for r in rows}


def _bonuses(session: Session, scheme: Scheme, quarter: Quarter | str) -> list[BonusIn]:
    rows = session.scalars(select(BonusAward).options(joinedload(BonusAward.unit))
                           .where(BonusAward.scheme == scheme.name, BonusAward.period == str(quarter))
                           .order_by(BonusAward.id))
    return [BonusIn(r.unit.slug, r.item, Decimal(r.points), r.note) for r in rows]


def quarters_with_data(session: Session, year: int) -> dict[str, set[Quarter]]:
    """Per unit slug, the quarters of `year` in which it was crawled (a crawl run that included it)."""
    out: dict[str, set[Quarter]] = {}
    start = datetime(year, 1, 1, tzinfo=UTC) - timedelta(days=1)
    end = datetime(year + 1, 1, 1, tzinfo=UTC) + timedelta(days=1)
    for started, units in session.execute(select(CrawlRun.started_at, CrawlRun.units)
                                          .where(CrawlRun.started_at >= start, CrawlRun.started_at < end)):
        local = started.astimezone(ZoneInfo("Asia/Shanghai")).date()
        if local.year != year:
            continue
        for slug in units or []:
            out.setdefault(slug, set()).add(Quarter(year, (local.month - 1) // 3 + 1))
    return out


def load_sheet(session: Session, quarter: Period, scheme: Scheme, today: date | None = None) -> Sheet:
    """The quarter's or the year's sheet; late rectification is judged at the period's end or `today`, if
    earlier. A year of an annual scheme is scored over the year's events at once; a year of a quarterly
    scheme is the mean of its quarters that have data."""
    units = _units(session, scheme)
    as_of = min(quarter.end, today) if today else quarter.end
    year = _event_ins(session, confirmed_events(session, scheme, [str(q) for q in quarter.year_so_far()]))
    stage_scores = _stage_scores(session, scheme, quarter.year)

    def sheet_for(q: Period, daily: dict[str, Decimal] | None = None) -> Sheet:
        periods = {str(p) for p in q.year_so_far()} if isinstance(q, Year) else {str(q)}
        events = [e for e in year if e.period in periods]
        bonuses = [b for p in sorted(periods) for b in _bonuses(session, scheme, p)]
        return compute_sheet(scheme, q, units, events, year_events=[e for e in year if e.period <= max(periods)],
                             bonuses=bonuses, as_of=min(as_of, q.end), stage_scores=stage_scores, daily_scores=daily)

    quarters = [q for q in quarter.year_so_far() if q.start <= as_of]
    if isinstance(quarter, Year) and scheme.period == "quarter":
        data = quarters_with_data(session, quarter.year)
        return year_of_quarters(scheme, quarter, units, {q: sheet_for(q) for q in quarters}, data, stage_scores)
    daily = None
    if scheme.stages and scheme.daily_stage == "year_mean" and isinstance(quarter, Quarter):
        # the mean of the year's quarters so far that have data: a quarter without data is not 100
        data = quarters_with_data(session, quarter.year)
        totals: dict[str, list[Decimal]] = {u.slug: [] for u in units}
        for q in quarters:
            for s in sheet_for(q).units:
                if q in data.get(s.unit.slug, set()) or q == quarter:
                    totals[s.unit.slug].append(s.total)
        daily = {slug: q2(sum(t, ZERO) / len(t)) for slug, t in totals.items() if t}
    return sheet_for(quarter, daily)


def detail_rows(session: Session, quarter: Period, scheme: Scheme) -> list[dict[str, Any]]:
    """Every confirmed event of the quarter (or year) with its finding and evidence, for the details sheet."""
    rows = []
    periods = [str(q) for q in quarter.year_so_far()] if isinstance(quarter, Year) else [str(quarter)]
    for e in confirmed_events(session, scheme, periods):
        f = e.finding
        snapshots = (f.evidence or {}).get("snapshots") or []
        rows.append({
            "event_id": e.id, "unit": e.unit.slug, "unit_name": e.unit.name, "check": e.check,
            "category": scheme.category(e.category).name if e.category in {c.key for c in scheme.categories} else e.category,
            "clause": e.clause, "points": Decimal(e.points), "subject": f.subject, "detail": f.detail, "url": f.url,
            "observed_at": f.observed_at, "evidence": ",".join(str(s) for s in snapshots),
            "finding_id": f.id, "decided_by": e.decided_by, "decided_at": e.decided_at,
        })
    rows.sort(key=lambda r: (r["unit"], r["event_id"]))
    return rows
