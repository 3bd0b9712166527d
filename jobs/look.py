"""By when each column must be looked at again: the first day on which a check could raise a finding about
it from what was last seen of it. The crawler lets a column rest (its first list page unrequested) only
while that day is further away than the nights it may rest (crawler.incremental.resting_columns); the
deadlines live in the checks and the scheme, which the crawler may not import, so they are computed here
and handed to the crawl as data (crawler.launch.LookBy).

What a column's day is (the earliest that applies; a column without one is looked at every night):

- `column.stale`: its newest dated item as last listed plus its category's window (scheme
  `column_stale_windows`: 动态要闻 2 weeks, 通知公告 and 政策文件 6 months …), the day after. Categories
  without a window (政策解读, 信息公开年报, 其他) get no day: the interpretation and annual-report checks
  pair their items with documents of other columns, so they are looked at nightly.
- `warning.home_stale` (10 days without anything new in the whole unit): the unit's newest item plus
  `warning_home_stale_days`, for every column of the unit, while the unit is under the 14-day line.
- `interpretation.missing`: for every document listed in the last 30 days that needs an interpretation
  (the check's own rule), the day its working-day limit passes, for every column of the unit; and a column
  that has ever listed an interpretation (by its title) gets no day at all.
- `annual_report.missing`: the unit's next report deadline, the day after, for every column of the unit.
- Open findings: a column with an open finding of its own, and every column of a unit with an open
  finding that items of any column may close (the warnings, the annual report's absence, a missing or
  late interpretation), get no day.
- A column not listed completely, or listing nothing (blank), gets no day.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessment.schemes import load_scheme
from checks.annual_report import deadline as report_deadline
from checks.annual_report import is_report_title
from checks.base import AuditData
from checks.interpretation import count_working_days, is_interpretation_title, needs_interpretation
from checks.knobs import CheckRules
from checks.loader import load_audit_data
from jobs.check import TIMEZONE, captured_by
from storage.models import Finding, Unit

# open findings of these checks may be closed by an item in any column of the unit
UNIT_WIDE_CHECKS = ("warning.stale_columns", "warning.blank_columns", "warning.home_stale", "annual_report.missing",
                    "interpretation.missing", "interpretation.late", "interpretation.unlinked")
RECENT_DAYS = 30  # documents published this recently may still be inside their interpretation limit
HOME_VETO_DAYS = 14


def _limit_passes(published: date, limit: int) -> date:
    """The first day on which `interpretation.missing` counts more than `limit` working days since `published`."""
    day = published
    while count_working_days(published, day).days <= limit:
        day += timedelta(days=1)
    return day


def column_look_by(session: Session, unit_slugs: list[str], as_of: date,
                   timezone: str = TIMEZONE) -> dict[int, date]:
    """column id -> the first day a check could raise a finding about it from what was last seen of it;
    a column absent from the result must be looked at tonight (see the module's docstring)."""
    units = list(session.scalars(select(Unit).where(Unit.slug.in_(unit_slugs), Unit.active.is_(True))))
    if not units:
        return {}
    open_column: set[str] = set()
    open_unit: set[int] = set()
    for unit_id, check, key in session.execute(
            select(Finding.unit_id, Finding.check, Finding.subject_key)
            .where(Finding.unit_id.in_([u.id for u in units]), Finding.rectified_on.is_(None),
                   Finding.closed_as.is_(None))):
        open_column.add(key)
        if check in UNIT_WIDE_CHECKS:
            open_unit.add(unit_id)
    out: dict[int, date] = {}
    by_jurisdiction: dict[int, list[Unit]] = defaultdict(list)
    for unit in units:
        by_jurisdiction[unit.jurisdiction_id].append(unit)
    for group in by_jurisdiction.values():
        rules = load_scheme(group[0].jurisdiction.scheme).check_settings
        data = load_audit_data(session, [u.slug for u in group], captured_by(as_of, timezone))
        for unit in group:
            if unit.id in open_unit:
                continue
            out.update(_unit_look_by(data, unit, as_of, rules, open_column))
    return out


def _unit_look_by(data: AuditData, unit: Unit, as_of: date, rules: CheckRules, open_column: set[str]) -> dict[int, date]:
    columns = [c for c in data.columns if c.unit == unit.slug]
    dated = [i.publish_date for c in columns if c.fetched for i in c.items
             if i.publish_date is not None and i.publish_date <= as_of]
    unit_days: list[date] = []
    if dated and (as_of - max(dated)).days < HOME_VETO_DAYS:
        unit_days.append(max(dated) + timedelta(days=rules.warning_home_stale_days))
    limit = rules.interpretation_late_working_days
    recent = as_of - timedelta(days=RECENT_DAYS)
    for column in columns:
        for item in column.items:
            if (item.publish_date is not None and max(recent, rules.interpretation_required_since) <= item.publish_date
                    and needs_interpretation(data, item, column.category)):
                unit_days.append(_limit_passes(item.publish_date, limit))
    year = as_of.year - 1
    next_report = report_deadline(year, unit.kind, rules)
    if next_report < as_of:
        next_report = report_deadline(year + 1, unit.kind, rules)
    unit_days.append(next_report + timedelta(days=1))
    unit_day = min(unit_days)
    out: dict[int, date] = {}
    for column in columns:
        window = rules.column_stale_windows.window(column.category)
        if (window is None or not column.fetched or not column.complete or not column.items
                or f"column:{column.id}" in open_column
                or any(is_interpretation_title(i.title) or is_report_title(i.title)
                       for i in column.items)):
            continue
        newest = max((i.publish_date for i in column.items if i.publish_date is not None and i.publish_date <= as_of),
                     default=None)
        if newest is None:
            continue  # no visible date: judged stale at once
        out[column.id] = min(newest + window[0] + timedelta(days=1), unit_day)
    return out
