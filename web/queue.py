"""The review queue as queries: filters, sorting, one page of rows, counts per state, and the ids a
bulk action over "everything this filter shows" applies to.

Rows are plain tuples read in one query (no ORM objects), so the first page of 50,000 pending events
costs one indexed LIMIT query plus one grouped count.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from assessment.schemes import Scheme
from storage.models import DeductionEvent, Finding, Jurisdiction, Unit

PAGE_SIZE = 50
SORTS = {
    "id": DeductionEvent.id,
    "unit": Unit.slug,
    "check": DeductionEvent.check,
    "points": DeductionEvent.points,
    "date": Finding.last_as_of,
}


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def county_units(county: str) -> Select:
    return select(Unit.id).join(Jurisdiction, Jurisdiction.id == Unit.jurisdiction_id).where(Jurisdiction.name == county)


@dataclass(frozen=True)
class QueueFilter:
    state: str = "pending"  # "" = every state
    kind: str = ""  # "" deductions (events) | "warning": open warnings below the veto lines, which deduct nothing
    unit: str = ""
    county: str = ""  # the jurisdiction (考核主体), e.g. 云和县
    check: str = ""
    category: str = ""
    period: str = ""
    date_from: str = ""  # the finding's last observation, YYYY-MM-DD
    date_to: str = ""
    sort: str = "id"
    order: str = "asc"
    page: int = 1

    @classmethod
    def from_params(cls, params: Any) -> QueueFilter:
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = params.get(f.name)
            if raw is None:
                continue
            raw = str(raw).strip()[:200]
            if f.name == "page":
                values["page"] = max(1, int(raw)) if raw.isdigit() else 1
            else:
                values[f.name] = raw
        out = cls(**values)
        if out.sort not in SORTS:
            out = replace(out, sort="id")
        if out.order not in ("asc", "desc"):
            out = replace(out, order="asc")
        return out

    def params(self, **changes: Any) -> dict[str, str]:
        """Query parameters of this filter (with changes), without defaults: for links and hidden fields."""
        this = replace(self, **changes)
        default = QueueFilter()
        return {f.name: str(getattr(this, f.name)) for f in fields(this)
                if getattr(this, f.name) != getattr(default, f.name) or f.name == "state"}

    @property
    def needs_finding(self) -> bool:
        return bool(_date(self.date_from) or _date(self.date_to))

    def where(self, query: Select, *, with_state: bool = True) -> Select:
        """The filter's conditions; unit and county as subqueries, so counting needs no join for them."""
        if with_state and self.state:
            query = query.where(DeductionEvent.state == self.state)
        if self.unit:
            query = query.where(DeductionEvent.unit_id.in_(select(Unit.id).where(Unit.slug == self.unit)))
        if self.county:
            query = query.where(DeductionEvent.unit_id.in_(county_units(self.county)))
        if self.check:
            query = query.where(DeductionEvent.check == self.check)
        if self.category:
            query = query.where(DeductionEvent.category == self.category)
        if self.period:
            query = query.where(DeductionEvent.period == self.period)
        if d := _date(self.date_from):
            query = query.where(Finding.last_as_of >= d)
        if d := _date(self.date_to):
            query = query.where(Finding.last_as_of <= d)
        return query


ROW_COLUMNS = (DeductionEvent.id, DeductionEvent.state, DeductionEvent.period, DeductionEvent.points,
               DeductionEvent.category, DeductionEvent.scheme, DeductionEvent.finding_id, DeductionEvent.check, Finding.subject,
               Finding.detail, Finding.last_as_of, Unit.slug, Unit.name)


def _joined(*columns: Any) -> Select:
    return select(*columns).select_from(DeductionEvent).join(Finding, Finding.id == DeductionEvent.finding_id).join(
        Unit, Unit.id == DeductionEvent.unit_id)


def page_rows(session: Session, flt: QueueFilter, size: int = PAGE_SIZE) -> list[dict[str, Any]]:
    column = SORTS[flt.sort]
    ordering: list[Any] = [column.desc() if flt.order == "desc" else column.asc()]
    if flt.sort != "id":  # ties in the same direction, so (state, points, id) serves both orders
        ordering.append(DeductionEvent.id.desc() if flt.order == "desc" else DeductionEvent.id.asc())
    query = flt.where(_joined(*ROW_COLUMNS)).order_by(*ordering).limit(size).offset((flt.page - 1) * size)
    keys = ("id", "state", "period", "points", "category", "scheme", "finding_id", "check", "subject", "detail",
            "as_of", "unit", "unit_name")
    return [dict(zip(keys, row, strict=True)) for row in session.execute(query)]


def _events(flt: QueueFilter, *columns: Any) -> Select:
    """Events only, joined to their findings just when the filter looks at them."""
    query = select(*columns).select_from(DeductionEvent)
    return query.join(Finding, Finding.id == DeductionEvent.finding_id) if flt.needs_finding else query


def state_counts(session: Session, flt: QueueFilter) -> dict[str, int]:
    """Events per state under every filter except the state itself."""
    query = flt.where(_events(flt, DeductionEvent.state, func.count()), with_state=False).group_by(DeductionEvent.state)
    return {state: n for state, n in session.execute(query)}


def matching_ids(session: Session, flt: QueueFilter) -> list[int]:
    """Every event id the filter shows (all pages), for "apply to everything shown"."""
    return list(session.scalars(flt.where(_events(flt, DeductionEvent.id)).order_by(DeductionEvent.id)))


def warnings(session: Session, flt: QueueFilter, size: int = PAGE_SIZE) -> tuple[int, list[Finding]]:
    """Open warnings (`warning.*` findings) under the unit, county and date filters: (count, one page)."""
    # a range, not LIKE: SQLite's LIKE ignores case and so cannot use the index on check_code
    query = select(Finding).where(Finding.check >= "warning.", Finding.check < "warning/", Finding.rectified_on.is_(None))
    if flt.unit:
        query = query.where(Finding.unit_id.in_(select(Unit.id).where(Unit.slug == flt.unit)))
    if flt.county:
        query = query.where(Finding.unit_id.in_(county_units(flt.county)))
    if flt.check.startswith("warning."):
        query = query.where(Finding.check == flt.check)
    if d := _date(flt.date_from):
        query = query.where(Finding.last_as_of >= d)
    if d := _date(flt.date_to):
        query = query.where(Finding.last_as_of <= d)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Finding.unit_id, Finding.check, Finding.id).limit(size)
                           .offset((flt.page - 1) * size)).all()
    return total, list(rows)


def choices(session: Session, schemes: list[Scheme]) -> dict[str, Any]:
    """The values the filter's drop-downs offer: check codes and categories come from the schemes in use."""
    checks = sorted({code for scheme in schemes for code in scheme.deductions})
    categories = {c.key: c.name for scheme in schemes for c in scheme.categories}
    return {
        "units": session.execute(select(Unit.slug, Unit.name).order_by(Unit.slug)).all(),
        "counties": list(session.scalars(select(Jurisdiction.name).order_by(Jurisdiction.name))),
        "checks": checks,
        "categories": sorted(categories.items()),
        "periods": list(session.scalars(select(DeductionEvent.period).distinct().order_by(DeductionEvent.period.desc()))),
    }
