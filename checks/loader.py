"""Build the checks' `AuditData` from the store: the latest crawl of every active column.

With `captured_by` (the end of the as-of day) only what had been captured before it is read: the list
page each column showed then, each item's detail page as it was fetched then, the probes, link checks,
attachments and posts seen by then. A check as of a past date therefore sees the store as it was on that
date (SPEC: "any run can be reproduced"). Rows that are refreshed in place (a document's title and
publish date) are read as last crawled.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checks.base import AllowRule, AuditData, ColumnState, Item, UnitState
from checks.load_extras import (
    Cutoff,
    detail_snapshots_by,
    load_accounts,
    load_attachments,
    load_links,
    load_probes,
)
from checks.memo import NO_MEMO, Memo, key
from checks.text import reads_header
from core.text import clean_text
from storage.blobs import read_snapshot_body
from storage.coverage import ColumnCoverage, column_coverage
from storage.db import in_chunks
from storage.models import AllowEntry, Column, Document, Snapshot, Unit


def snapshot_encoding(session: Session, snapshot_id: int) -> tuple[str | None, str | None]:
    """(the encoding the crawler decided, the Content-Type header as received) of one snapshot."""
    row = session.execute(select(Snapshot.encoding, Snapshot.headers).where(Snapshot.id == snapshot_id)).first()
    if row is None:
        return None, None
    return row.encoding, _content_type(row.headers)


def _content_type(headers: dict | None) -> str | None:
    lowered = {k.lower(): v for k, v in (headers or {}).items()}
    content_type = lowered.get("content-type")
    if isinstance(content_type, list):
        content_type = content_type[0] if content_type else None
    return content_type


def page_keys(session: Session, memo: Memo, snapshot_ids: list[int]) -> dict[int, str]:
    """Each snapshot's memo key of its parsed page: what page() reads is its body (by hash), decoded with
    the crawler's encoding or the Content-Type header (snapshot_encoding); snapshots without a body have none.
    The memo is told the order (the checks walk the pages in it) so that it reads them a block at a time."""
    found: dict[int, str] = {}
    for chunk in in_chunks(sorted(set(snapshot_ids))):
        rows = session.execute(select(Snapshot.id, Snapshot.content_hash, Snapshot.encoding)
                               .where(Snapshot.id.in_(chunk), Snapshot.content_hash.is_not(None))).all()
        # the headers (JSON) only where the decoding reads them: a body without a usable encoding
        header_ids = [sid for sid, _, encoding in rows if reads_header(encoding)]
        headers: dict[int, dict] = dict(session.execute(
            select(Snapshot.id, Snapshot.headers).where(Snapshot.id.in_(header_ids))).all()) if header_ids else {}
        for sid, digest, encoding in rows:
            content_type = _content_type(headers[sid]) if sid in headers else None
            found[sid] = key(memo.fingerprint, "page", digest, encoding, content_type)
    keys = {sid: found[sid] for sid in snapshot_ids if sid in found}
    memo.expect("page", list(keys.values()))
    return keys


def load_audit_data(session: Session, unit_slugs: list[str] | None = None,
                    captured_by: datetime | None = None, memo: Memo = NO_MEMO) -> AuditData:
    unit_query = select(Unit).where(Unit.active.is_(True)).order_by(Unit.slug)
    if unit_slugs:
        unit_query = unit_query.where(Unit.slug.in_(unit_slugs))
    units = list(session.scalars(unit_query))
    by_id = {u.id: u for u in units}
    columns = list(
        session.scalars(
            select(Column).where(Column.active.is_(True), Column.unit_id.in_(by_id)).order_by(Column.id)
        )
    )
    column_ids = [c.id for c in columns]
    cutoff = Cutoff.at(session, captured_by)
    # the newest first-page list snapshot of each column (captured by the cutoff)
    latest_ids = (
        select(func.max(Snapshot.id))
        .where(Snapshot.kind == "list", Snapshot.page_no == 1, Snapshot.column_id.in_(column_ids),
               *cutoff.snapshots())
        .group_by(Snapshot.column_id)
    )
    latest = {s.column_id: s for s in session.scalars(select(Snapshot).where(Snapshot.id.in_(latest_ids)))}
    run_ids = {s.crawl_run_id for s in latest.values()}
    docs: dict[int, list[Document]] = defaultdict(list)
    if column_ids and run_ids:
        # the items the column listed on the night of its snapshot: seen first by then, and seen again since
        query = select(Document).where(Document.column_id.in_(column_ids), Document.last_seen_run_id >= min(run_ids),
                                       Document.first_seen_run_id <= max(run_ids))
        for doc in session.scalars(query.order_by(Document.id)):
            snap = latest.get(doc.column_id)
            if snap is not None and doc.first_seen_run_id <= snap.crawl_run_id <= doc.last_seen_run_id:
                docs[doc.column_id].append(doc)
    all_docs = [d for ds in docs.values() for d in ds]
    detail_of = detail_snapshots_by(session, cutoff, all_docs)
    too_new = cutoff.too_new(session, {d.list_snapshot_id for d in all_docs if d.list_snapshot_id})
    listed: dict[int, ColumnCoverage] = {}
    for run_id in run_ids:
        listed.update(column_coverage(session, run_id,
                                      [c for c, s in latest.items() if c is not None and s.crawl_run_id == run_id]))
    states = []
    for column in columns:
        snap = latest.get(column.id)
        items = tuple(
            # clean_text again: titles stored by crawls made before the crawler cleaned them
            Item(clean_text(d.title), d.url, d.publish_date,
                 snap.id if snap and d.list_snapshot_id in too_new else d.list_snapshot_id,
                 detail_of.get(d.id),
                 {k: clean_text(v) if isinstance(v, str) else v for k, v in (d.meta or {}).items()})
            for d in docs[column.id]
        )
        states.append(
            ColumnState(
                id=column.id,
                unit=by_id[column.unit_id].slug,
                name=column.name,
                category=column.category,
                url=column.url,
                fetched=snap is not None and snap.error_kind is None,
                error_kind=snap.error_kind if snap else "not_crawled",
                list_snapshot_id=snap.id if snap else None,
                fetched_at=snap.fetched_at if snap else None,
                items=items,
                complete=listed[column.id].complete if column.id in listed else snap is None,
                announced_items=listed[column.id].announced_items if column.id in listed else None,
            )
        )
    walked = [i.detail_snapshot_id for c in states for i in c.items if i.detail_snapshot_id is not None]
    walked += [c.list_snapshot_id for c in states if c.list_snapshot_id is not None]
    keys = page_keys(session, memo, walked) if memo is not NO_MEMO else {}
    slug_of = {u.id: u.slug for u in session.scalars(select(Unit))}
    allow = tuple(
        AllowRule(e.check, e.phrase, e.url, slug_of.get(e.unit_id) if e.unit_id else None)
        # an inspector's "false alarm" is a decision about the evidence, not something captured: it holds
        # for every run, replays of earlier dates included
        for e in session.scalars(select(AllowEntry).order_by(AllowEntry.id))
    )
    in_scope = {u.id: u.slug for u in units}
    return AuditData(
        units=tuple(UnitState(u.slug, u.name, u.kind, u.portal) for u in units),
        columns=tuple(states),
        allow=allow,
        attachments=load_attachments(session, in_scope, cutoff, detail_of),
        accounts=load_accounts(session, in_scope, cutoff),
        probes=load_probes(session, in_scope, cutoff),
        links=load_links(session, in_scope, cutoff),
        body=lambda snapshot_id: read_snapshot_body(session, snapshot_id),
        encoding=lambda snapshot_id: snapshot_encoding(session, snapshot_id),
        memo=memo,
        page_keys=keys,
    )
