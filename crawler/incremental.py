"""Incremental nights: detail pages and attachments are requested again only when they may have changed.

A detail page is not requested at all when its list entry (title and date) is as a previous night read
it and that night read the page: on one polite host a night is its requests, not its bytes. So that a
page edited in place (same title and date) is still seen, every detail page is re-verified once every
`revisit_days` nights, spread evenly over the nights by a hash of its URL (1/56 of them a night by
default).

Why 56 and not 28: on a 集约化 platform the whole county is one polite host (about 3 requests a second),
so a night lasts as long as its requests. On the 300-unit county farm (99,000 detail pages) the rotation
is ~3,540 re-verifications a night at 28 and ~1,770 at 56, about 9 minutes of the polite night. The cost
is that a page edited in place under an unchanged list entry is seen within 8 weeks instead of 4, still
inside every assessment quarter: a late (missed) finding. The opposite error, a corrected page whose
finding stays open because the page is not looked at again, would be a false deduction, which is worse;
so pages cited by an open finding have their own weekly rotation, independent of `revisit_days`.

List pages are not re-paged every night either. A column whose first list page comes back as the
last night that listed it completely saw it (the same body, or the same entries and announced totals) is
not paged further: its later pages' entries are carried forward from that night (`carried_columns`), so
every document listed there still counts as listed tonight (stale columns, blank columns, coverage and
the checks see the whole column), and their detail pages go through the same rotation as if they had
been listed. A column is paged completely whenever its first page changed (a new item pushes the others
down), when the night that last listed it was not complete, and once every `revisit_days` nights in its
own rotation (by a hash of its URL), which is when an item deleted or re-dated on a later page without
any change on the first is seen (a site that announces its total, 共N条, shows a deletion on page 1).
A carried document keeps the list snapshot of the night that last read it on its page: that is the
evidence of where it is listed. The run's `stats["carried"]` records the pages carried per column;
`storage.coverage.column_coverage` counts them as listed, so the column stays complete.

Nor is every column looked at every night (`resting_columns`): on one polite host the first list page of
every column was the floor of a night (7.7% of the first night's requests on the county farm, so ≤ 5% was
out of reach). A column whose every deadline is further away than the nights it may rest plus a margin
rests: its first list page is not requested either, everything the night that last looked at it listed is
carried forward as above (`Carried(rested=True)`, `stats["carried"][id]["rested"]`; the coverage counts
the column as listed and as complete as that night saw it), and its detail pages go through the same
rotation. The deadlines are the checks' (staleness windows, the unit's quiet warning, interpretation
limits, the annual report; open findings): the crawler may not import the checks, so the nightly job
computes them (jobs.look.column_look_by) and hands them in as data (`run_crawl(look_by=...)`). A column is
looked at whenever it is near or past a deadline or has an open finding (it is then absent from
`look_by`), was not listed completely, is blank, showed new items at its last look, or was last looked at
`column_look_nights` - 1 nights ago. The checks judge a resting column on the list snapshot of its last
look (checks.loader takes each column's newest first page): `observed_at` and the evidence's snapshot
are that look's. The error this rules out is the false one, a column updated while it rested judged
stale from its old first page; the cost is that a new item on a resting column is seen up to
`column_look_nights` - 1 nights late. `zwgk crawl` (no as-of day, no deadlines) looks at every column.

Pages cited by an open finding are re-verified at least once a week (`FINDING_REVISIT_DAYS`), so that a
page corrected in place clears its finding within days rather than at the end of its rotation.

Before a crawl the runner writes, for every detail page and attachment already stored, the validators
of its newest full response (ETag, Last-Modified) and its content hash. The spider sends them as
If-None-Match / If-Modified-Since; a 304 becomes a snapshot of its own that points at the body already
stored, so the documents' evidence stays readable. Servers that ignore conditional requests still cost
no storage: the blob store keeps each body once by its SHA-256.
"""

from __future__ import annotations

import json
import zlib
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.coverage import column_coverage
from storage.db import in_chunks
from storage.models import Column, CrawlRun, Document, Finding, Snapshot

INCREMENTAL_KINDS = ("detail", "attachment")
VALIDATORS_FILE = "validators.json"
LISTED_FILE = "listed.json"
PAGED_FILE = "paged.json"
FINDING_REVISIT_DAYS = 7  # a page an open finding cites is re-verified at least this often


def _header(headers: dict[str, Any], name: str) -> str | None:
    for key, values in (headers or {}).items():
        if key.lower() == name:
            return values[0] if isinstance(values, list) and values else values or None
    return None


def previous_validators(session: Session, unit_ids: list[int]) -> dict[str, dict[str, str]]:
    """url -> {"etag", "last_modified", "sha256"} of the newest 200 response of each detail/attachment URL."""
    newest = (
        select(func.max(Snapshot.id))
        .where(Snapshot.kind.in_(INCREMENTAL_KINDS), Snapshot.status == 200, Snapshot.content_hash.is_not(None),
               Snapshot.error_kind.is_(None), Snapshot.unit_id.in_(unit_ids))
        .group_by(Snapshot.url)
    )
    out: dict[str, dict[str, str]] = {}
    for url, headers, digest in session.execute(
        select(Snapshot.url, Snapshot.headers, Snapshot.content_hash).where(Snapshot.id.in_(newest))
    ):
        etag, modified = _header(headers, "etag"), _header(headers, "last-modified")
        if etag or modified:
            out[url] = {"etag": etag or "", "last_modified": modified or "", "sha256": digest}
    return out


def dump_beside(plan_path: Path, name: str, data: dict[str, Any]) -> None:
    """Write what an earlier night tells tonight's spider (VALIDATORS_FILE, LISTED_FILE, PAGED_FILE) next to
    the crawl plan, for the crawl process to read with `load_beside`."""
    (plan_path.parent / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_beside(plan_path: Path | str, name: str) -> dict[str, Any]:
    path = Path(plan_path).parent / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def conditional_headers(validator: dict[str, str] | None) -> dict[str, str]:
    if not validator:
        return {}
    headers = {}
    if validator.get("etag"):
        headers["If-None-Match"] = validator["etag"]
    if validator.get("last_modified"):
        headers["If-Modified-Since"] = validator["last_modified"]
    return headers


def due_for_revisit(url: str, day: date, revisit_days: int) -> bool:
    """Whether tonight re-verifies this page: each URL once every `revisit_days` nights, spread evenly."""
    return revisit_days <= 1 or (zlib.crc32(url.encode()) + day.toordinal()) % revisit_days == 0


def unchanged_listings(session: Session, unit_ids: list[int], day: date,
                       revisit_days: int) -> dict[str, list[list[str | None]]]:
    """url -> [[title, date_text], ...] as listed by earlier nights, for the documents whose detail page
    was read (200, or 304 with the body kept) and is not due for re-verification on `day`."""
    if revisit_days <= 1 or not unit_ids:
        return {}
    # a correction in place clears a finding within a week, not at the end of the page's rotation
    cited = set(session.scalars(select(Finding.url).where(
        Finding.unit_id.in_(unit_ids), Finding.rectified_on.is_(None), Finding.closed_as.is_(None),
        Finding.url.is_not(None))))
    often = min(revisit_days, FINDING_REVISIT_DAYS)
    out: dict[str, list[list[str | None]]] = {}
    for url, title, date_text in session.execute(
        select(Document.url, Document.title, Document.date_text)
        .join(Snapshot, Snapshot.id == Document.detail_snapshot_id)
        .where(Document.unit_id.in_(unit_ids), Snapshot.error_kind.is_(None), Snapshot.status.in_((200, 304)),
               Snapshot.content_hash.is_not(None))
    ):
        if not due_for_revisit(url, day, revisit_days) and not (url in cited and due_for_revisit(url, day, often)):
            out.setdefault(url, []).append([title, date_text])
    return out


def carried_columns(session: Session, unit_ids: list[int], day: date, revisit_days: int) -> dict[str, dict[str, Any]]:
    """column id -> what tonight needs to leave the column's later list pages unrequested when its first
    page is as last seen: {"hash": the first page's SHA-256, "first": [[url, title, date_text], ...] listed
    on it, "announced": [items, pages], "run": the night it was last listed, "pages": later list pages
    then listed (fetched or carried), "entries": [[url, title, date_text], ...] listed on them}.

    Only columns that night listed completely (every list page answered, nothing announced missing),
    with more than one list page, and not due tonight for their own re-paging rotation."""
    if revisit_days <= 1 or not unit_ids:
        return {}
    newest = (select(func.max(Snapshot.id)).join(Column, Column.id == Snapshot.column_id)
              .where(Snapshot.kind == "list", Snapshot.page_no == 1, Column.unit_id.in_(unit_ids),
                     Column.active.is_(True))
              .group_by(Snapshot.column_id))
    firsts: dict[int, tuple[Snapshot, str]] = {}
    for snap, column_url in session.execute(select(Snapshot, Column.url).join(Column, Column.id == Snapshot.column_id)
                                            .where(Snapshot.id.in_(newest))):
        if (snap.column_id is not None and snap.error_kind is None and snap.status == 200 and snap.content_hash
                and not due_for_revisit(column_url, day, revisit_days)):
            firsts[snap.column_id] = (snap, column_url)
    by_run: dict[int, list[int]] = {}
    for column_id, (snap, _) in firsts.items():
        by_run.setdefault(snap.crawl_run_id, []).append(column_id)
    out: dict[str, dict[str, Any]] = {}
    for run_id, column_ids in by_run.items():
        covs = column_coverage(session, run_id, column_ids)
        paged = [c for c in column_ids if c in covs and covs[c].complete and covs[c].list_pages_fetched >= 2
                 and covs[c].list_pages_fetched == covs[c].list_pages]
        for chunk in in_chunks(paged):
            rows = session.execute(select(Document.column_id, Document.url, Document.title, Document.date_text,
                                          Document.list_snapshot_id)
                                   .where(Document.column_id.in_(chunk), Document.last_seen_run_id == run_id)
                                   .order_by(Document.id))
            for column_id, url, title, date_text, list_snapshot_id in rows:
                snap = firsts[column_id][0]
                entry = out.setdefault(str(column_id), {
                    "hash": snap.content_hash, "first": [], "announced": [snap.announced_items, snap.announced_pages],
                    "run": run_id, "pages": covs[column_id].list_pages_fetched - 1, "entries": []})
                entry["first" if list_snapshot_id == snap.id else "entries"].append([url, title, date_text])
    return {k: v for k, v in out.items() if v["entries"]}


RESTED_FILE = "rested.json"
LOOK_MARGIN_DAYS = 1  # beyond the nights a column may rest: a night that runs late, a check on the next day


def resting_columns(session: Session, unit_ids: list[int], run_id: int, today: date, look_by: dict[int, date],
                    nights: int) -> dict[str, dict[str, Any]]:
    """column id -> what tonight needs to leave the column unrequested, its first list page included:
    {"run": the night that last looked at it, "pages": list pages that night listed (fetched or carried),
    "entries": [[url, title, date_text], ...] listed then}.

    `look_by` (computed above the crawler from the checks' deadlines and open findings, jobs.look) is, per
    column, the first day on which a check could raise a finding about the column from what was last seen
    of it; a column absent from it is looked at tonight. A column rests tonight only when

    - its deadline is further away than the nights it may rest plus a margin (`look_by` > today + nights
      + LOOK_MARGIN_DAYS), so no check can judge it stale (or its unit quiet) from the old first page;
    - it was looked at within the last `nights` - 1 nights (counted in crawl runs, of any units), so every
      column is looked at at least once every `nights` nights;
    - the night that last looked listed it completely and found items (never a blank column), its first
      page answered 200, and that page was as the look before it saw it (the same body, or no document
      first listed then): a column that just changed is looked at again the next night."""
    if nights <= 1 or not unit_ids or not look_by:
        return {}
    horizon = today.toordinal() + nights + LOOK_MARGIN_DAYS
    candidates = [c for c, day in look_by.items() if day.toordinal() > horizon]
    if not candidates:
        return {}
    firsts: dict[int, list[Snapshot]] = {}
    for chunk in in_chunks(candidates):
        newest_two = session.execute(
            select(Snapshot).join(Column, Column.id == Snapshot.column_id)
            .where(Snapshot.kind == "list", Snapshot.page_no == 1, Snapshot.column_id.in_(chunk),
                   Column.unit_id.in_(unit_ids), Column.active.is_(True), Snapshot.crawl_run_id < run_id)
            .order_by(Snapshot.column_id, Snapshot.id.desc()))
        for (snap,) in newest_two:
            if snap.column_id is None:
                continue
            looks = firsts.setdefault(snap.column_id, [])
            if len(looks) < 2:
                looks.append(snap)
    by_run: dict[int, list[int]] = {}
    runs_since: dict[int, int] = {}  # columns last looked at the same night share the count
    for column_id, looks in firsts.items():
        last = looks[0]
        if last.error_kind is not None or last.status != 200 or not last.content_hash:
            continue
        if last.crawl_run_id not in runs_since:
            runs_since[last.crawl_run_id] = session.scalar(
                select(func.count(CrawlRun.id)).where(CrawlRun.id > last.crawl_run_id, CrawlRun.id < run_id)) or 0
        if runs_since[last.crawl_run_id] + 1 >= nights:
            continue
        if len(looks) == 2 and looks[1].content_hash != last.content_hash and session.scalar(
                select(func.count(Document.id)).where(Document.column_id == column_id,
                                                      Document.first_seen_run_id == last.crawl_run_id)):
            continue  # new items at the last look: an active column is looked at nightly
        by_run.setdefault(last.crawl_run_id, []).append(column_id)
    out: dict[str, dict[str, Any]] = {}
    for looked, column_ids in by_run.items():
        covs = column_coverage(session, looked, column_ids)
        whole = [c for c in column_ids if c in covs and covs[c].complete]
        for chunk in in_chunks(whole):
            rows = session.execute(select(Document.column_id, Document.url, Document.title, Document.date_text)
                                   .where(Document.column_id.in_(chunk), Document.first_seen_run_id <= looked,
                                          Document.last_seen_run_id >= looked)
                                   .order_by(Document.id))
            for column_id, url, title, date_text in rows:
                out.setdefault(str(column_id), {"run": looked, "pages": covs[column_id].list_pages_fetched,
                                                "entries": []})["entries"].append([url, title, date_text])
    return out
