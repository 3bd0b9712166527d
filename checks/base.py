"""What every check takes and returns.

A check is a pure function `(data: AuditData, as_of: date, rules: CheckRules) -> list[Finding]`:
no session, no network, no clock. Everything it may look at is in `AuditData`, built from the store
by `checks.loader`; `as_of` is "today" for the check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Item:
    """A document listed in a column, as last crawled."""

    title: str
    url: str
    publish_date: date | None
    snapshot_id: int | None  # the list page it was seen on
    detail_snapshot_id: int | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ColumnState:
    id: int
    unit: str  # unit slug
    name: str
    category: str
    url: str
    fetched: bool  # the latest crawl got the column's first list page
    error_kind: str | None
    list_snapshot_id: int | None
    fetched_at: datetime | None
    items: tuple[Item, ...]


@dataclass(frozen=True)
class UnitState:
    slug: str
    name: str
    kind: str
    portal: str


@dataclass(frozen=True)
class AuditData:
    """Everything the checks may read, frozen at load time."""

    units: tuple[UnitState, ...]
    columns: tuple[ColumnState, ...]
    body: Callable[[int], bytes | None] = field(default=lambda _id: None, compare=False)


@dataclass(frozen=True)
class CheckRules:
    """Knobs a scheme may set for the checks; defaults follow the national rules."""

    settings: Mapping[str, Any] = field(default_factory=dict)

    def get(self, name: str, default: Any) -> Any:
        return self.settings.get(name, default)


@dataclass(frozen=True)
class Finding:
    check: str
    unit: str  # unit slug
    subject_key: str  # stable identity of the subject, e.g. "column:42"
    subject: str  # what a person calls it, e.g. "通知公告"
    url: str | None
    detail: str  # Chinese, for inspectors
    observed_at: datetime | None
    evidence: Mapping[str, Any]  # {"snapshots": [ids], ...}


CheckFn = Callable[[AuditData, date, CheckRules], list[Finding]]
