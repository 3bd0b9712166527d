"""What every check takes and returns.

A check is a pure function `(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]`:
no session, no network, no clock. Everything it may look at is in `AuditData`, built from the store
by `checks.loader`; `as_of` is "today" for the check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from checks.knobs import CheckRules
from checks.memo import NO_MEMO, Memo

__all__ = ["CheckRules"]  # the knobs live in checks.knobs; every check imports them from here


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
    # False: a later list page or list-API answer failed, or fewer items came in than the site announces;
    # such a column is never judged blank (a failed load is not an empty column)
    complete: bool = True
    announced_items: int | None = None  # the column's size as the site states it


@dataclass(frozen=True)
class UnitState:
    slug: str
    name: str
    kind: str
    portal: str


@dataclass(frozen=True)
class Attachment:
    """A file (PDF, DOCX, DOC/WPS, XLS(X) …) linked from a crawled page, with its extracted text."""

    unit: str
    url: str
    name: str  # the link text
    parent_url: str  # the page that links it
    snapshot_id: int | None
    text: str | None  # None: not fetched or not extractable


@dataclass(frozen=True)
class MediaPost:
    title: str
    url: str
    published_at: datetime | None


@dataclass(frozen=True)
class AccountState:
    """A new-media account as its collector last read it."""

    unit: str
    platform: str
    name: str
    source: str  # feed or page URL
    fetched: bool  # False: the collector failed (expired token, blocked, 418/429 …), not a stale account
    error_kind: str | None
    snapshot_id: int | None
    fetched_at: datetime | None
    posts: tuple[MediaPost, ...]


@dataclass(frozen=True)
class ProbeState:
    unit: str
    url: str
    at: datetime
    ok: bool
    error_kind: str | None  # down | blocked | slow | dns | timeout …
    elapsed_ms: int | None
    status: int | None = None


@dataclass(frozen=True)
class LinkState:
    """A link found on a crawled page, with every observation of its target."""

    unit: str
    url: str
    source_url: str
    source_snapshot_id: int | None
    observations: tuple[tuple[datetime, int | None, str | None], ...]  # (when, status, error_kind)
    text: str = ""  # the link text on the source page


@dataclass(frozen=True)
class AllowRule:
    """An inspector's "false alarm": the check must not report this phrase / URL (for this unit)."""

    check: str
    phrase: str | None
    url: str | None
    unit: str | None


@dataclass(frozen=True)
class AuditData:
    """Everything the checks may read, frozen at load time. `body` reads a snapshot's raw bytes."""

    units: tuple[UnitState, ...]
    columns: tuple[ColumnState, ...]
    attachments: tuple[Attachment, ...] = ()
    accounts: tuple[AccountState, ...] = ()
    probes: tuple[ProbeState, ...] = ()
    links: tuple[LinkState, ...] = ()
    allow: tuple[AllowRule, ...] = ()
    body: Callable[[int], bytes | None] = field(default=lambda _id: None, compare=False)
    # (encoding decided at crawl time, Content-Type header) of a snapshot: checks decode as the crawler did
    encoding: Callable[[int], tuple[str | None, str | None]] = field(default=lambda _id: (None, None),
                                                                      compare=False)
    # what pure per-document steps computed before, by content (checks.memo); page_keys: each snapshot's
    # memo key of its parsed page (body hash, encoding, Content-Type), for the snapshots that have a body
    memo: Memo = field(default=NO_MEMO, compare=False)
    page_keys: Mapping[int, str] = field(default_factory=dict, compare=False)

    def allowed(self, check: str, unit: str, *, phrase: str | None = None, url: str | None = None) -> bool:
        return any(
            rule.check == check and rule.unit in (None, unit)
            and ((phrase is not None and rule.phrase == phrase) or (url is not None and rule.url == url))
            for rule in self.allow
        )


@dataclass(frozen=True)
class Observation:
    """One problem a check observed; jobs.record keeps it as a finding row (storage.models.Finding)."""

    check: str
    unit: str  # unit slug
    subject_key: str  # stable identity of the subject, e.g. "column:42"
    subject: str  # what a person calls it, e.g. "通知公告"
    url: str | None
    detail: str  # Chinese, for inspectors
    observed_at: datetime | None
    evidence: Mapping[str, Any]  # {"snapshots": [ids], ...}


CheckFn = Callable[[AuditData, date, CheckRules], list[Observation]]
