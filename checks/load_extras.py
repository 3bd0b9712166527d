"""The parts of `AuditData` beyond columns: attachments with their text, probes, links with their
observations, new-media accounts with their posts. Called by checks.loader.

Every loader takes a `Cutoff`: only what had been captured before it is read (see checks.loader)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checks.base import AccountState, Attachment, LinkState, MediaPost, ProbeState
from core.filetypes import ATTACHMENT_KINDS, is_file
from storage.db import in_chunks
from storage.link_models import LinkCheck, PageLink
from storage.models import Column, CrawlRun, Document, ExtractedText, NewMediaAccount, Post, Probe, Snapshot

PROBE_HISTORY = timedelta(days=35)  # longer than any window a scheme sets for site.unreachable
_MEDIA_KINDS = ("feed", "media_page")


@dataclass(frozen=True)
class Cutoff:
    """What had been captured by a moment: rows timestamped before `before`, crawl runs up to `last_run`.
    `before` None: everything in the store."""

    before: datetime | None = None
    last_run: int | None = None

    @classmethod
    def at(cls, session: Session, before: datetime | None) -> Cutoff:
        if before is None:
            return cls()
        last_run = session.scalar(select(func.max(CrawlRun.id)).where(CrawlRun.started_at < before))
        return cls(before, last_run or 0)

    def snapshots(self) -> list[Any]:
        return [] if self.before is None else [Snapshot.fetched_at < self.before]

    def created(self, column: Any) -> list[Any]:
        return [] if self.before is None else [column < self.before]

    def runs(self, column: Any) -> list[Any]:
        return [] if self.last_run is None else [column <= self.last_run]

    def too_new(self, session: Session, snapshot_ids: set[int]) -> set[int]:
        """Those of these snapshots captured after the cutoff."""
        if self.before is None or not snapshot_ids:
            return set()
        out: set[int] = set()
        for chunk in in_chunks(sorted(snapshot_ids)):
            out.update(session.scalars(select(Snapshot.id).where(Snapshot.id.in_(chunk),
                                                                 Snapshot.fetched_at >= self.before)))
        return out


def detail_snapshots_by(session: Session, cutoff: Cutoff, docs: Iterable[Document]) -> dict[int, int | None]:
    """Each document's detail page as last fetched by the cutoff: its stored detail snapshot, or when that
    one is newer, the newest detail snapshot of its URL captured before the cutoff."""
    docs = list(docs)
    current = {d.id: d.detail_snapshot_id for d in docs}
    too_new = cutoff.too_new(session, {i for i in current.values() if i})
    if not too_new:
        return current
    stale = [d for d in docs if d.detail_snapshot_id in too_new]
    older: dict[tuple[int, str], int] = {}
    for chunk in in_chunks(sorted({d.url for d in stale})):
        rows = session.execute(
            select(Snapshot.unit_id, Snapshot.url, func.max(Snapshot.id))
            .where(Snapshot.kind == "detail", Snapshot.url.in_(chunk), *cutoff.snapshots())
            .group_by(Snapshot.unit_id, Snapshot.url)
        ).all()
        older.update({(unit_id, url): sid for unit_id, url, sid in rows if unit_id is not None})
    for d in stale:
        current[d.id] = older.get((d.unit_id, d.url))
    return current


def _attachment_texts(session: Session, hashes: set[str]) -> dict[str, str]:
    """Extracted text by body hash, for the bodies whose extraction succeeded."""
    texts: dict[str, str] = {}
    for chunk in in_chunks(sorted(hashes)):
        texts.update(session.execute(
            select(ExtractedText.sha256, ExtractedText.text)
            .where(ExtractedText.sha256.in_(chunk), ExtractedText.extractor.in_(ATTACHMENT_KINDS),
                   ExtractedText.error.is_(None))
        ).all())
    return texts


def load_attachments(session: Session, slug_of: dict[int, str], cutoff: Cutoff = Cutoff(),
                     detail_of: dict[int, int | None] | None = None) -> tuple[Attachment, ...]:
    links = list(session.scalars(select(PageLink).where(PageLink.attachment.is_(True), PageLink.unit_id.in_(slug_of),
                                                        *cutoff.runs(PageLink.first_seen_run_id))
                                 .order_by(PageLink.id)))
    newest: dict[tuple[int, str], Snapshot] = {}
    for chunk in in_chunks(sorted({link.url for link in links})):
        ids = (select(func.max(Snapshot.id)).where(Snapshot.kind == "attachment", Snapshot.url.in_(chunk),
                                                   Snapshot.unit_id.in_(slug_of), *cutoff.snapshots())
               .group_by(Snapshot.unit_id, Snapshot.url))
        for found in session.scalars(select(Snapshot).where(Snapshot.id.in_(ids))):
            assert found.unit_id is not None  # selected by unit
            newest[(found.unit_id, found.url)] = found
    texts = _attachment_texts(session, {s.content_hash for s in newest.values()
                                        if s.content_hash and not s.error_kind})
    out = []
    for link in links:
        snap = newest.get((link.unit_id, link.url))
        text = texts.get(snap.content_hash) if snap and snap.content_hash and not snap.error_kind else None
        out.append(Attachment(slug_of[link.unit_id], link.url, link.text, link.source_url,
                              snap.id if snap else None, text))
    return tuple(out) + _listed_files(session, slug_of, {(a.unit, a.url) for a in out}, cutoff, detail_of)


def _listed_files(session: Session, slug_of: dict[int, str], known: set[tuple[str, str]], cutoff: Cutoff,
                  detail_of: dict[int, int | None] | None) -> tuple[Attachment, ...]:
    """Column items that are files themselves (a list linking straight to a PDF), with their text."""
    rows: list[Any]
    if cutoff.before is None or detail_of is None:
        rows = list(session.execute(
            select(Document.unit_id, Document.url, Document.title, Column.url, Snapshot.id, Snapshot.headers,
                   Snapshot.content_hash, Snapshot.error_kind)
            .join(Column, Column.id == Document.column_id).join(Snapshot, Snapshot.id == Document.detail_snapshot_id)
            .where(Document.unit_id.in_(slug_of), Column.active.is_(True)).order_by(Document.id)
        ).all())
    else:  # the documents listed by the cutoff, with their detail pages as fetched by then
        docs = {}
        for chunk in in_chunks(sorted(detail_of)):  # PostgreSQL takes at most 65,535 bound values a statement
            docs.update({d.id: d for d in session.scalars(select(Document).where(Document.id.in_(chunk)))})
        column_url = dict(session.execute(select(Column.id, Column.url)
                                          .where(Column.id.in_({d.column_id for d in docs.values()}))).all())
        snaps: dict[int, Any] = {}  # the four columns read, not Snapshot objects: one per document
        for chunk in in_chunks(sorted({i for i in detail_of.values() if i})):
            snaps.update({s.id: s for s in session.execute(
                select(Snapshot.id, Snapshot.headers, Snapshot.content_hash, Snapshot.error_kind)
                .where(Snapshot.id.in_(chunk)))})
        rows = []
        for doc_id in sorted(detail_of):
            snap = snaps.get(detail_of[doc_id] or 0)
            if snap is not None:
                d = docs[doc_id]
                rows.append((d.unit_id, d.url, d.title, column_url[d.column_id], snap.id, snap.headers,
                             snap.content_hash, snap.error_kind))
    files = [r for r in rows if is_file(r[1], r[5]) and (slug_of[r[0]], r[1]) not in known]
    texts = _attachment_texts(session, {r[6] for r in files if r[6]})
    out, seen = [], set(known)
    for unit_id, url, title, column_url, snapshot_id, _, digest, error in files:
        if (slug_of[unit_id], url) in seen:  # listed in two columns: one attachment
            continue
        seen.add((slug_of[unit_id], url))
        out.append(Attachment(slug_of[unit_id], url, title, column_url, snapshot_id,
                              texts.get(digest) if digest and not error else None))
    return tuple(out)


def load_probes(session: Session, slug_of: dict[int, str], cutoff: Cutoff = Cutoff()) -> tuple[ProbeState, ...]:
    newest = session.scalar(select(func.max(Probe.at)).where(Probe.unit_id.in_(slug_of), *cutoff.created(Probe.at)))
    if newest is None:
        return ()
    rows = session.scalars(select(Probe).where(Probe.unit_id.in_(slug_of), Probe.at >= newest - PROBE_HISTORY,
                                               *cutoff.created(Probe.at))
                           .order_by(Probe.at, Probe.id))
    return tuple(ProbeState(slug_of[p.unit_id], p.url, p.at, p.ok, p.error_kind, p.elapsed_ms, p.status)
                 for p in rows)


def load_links(session: Session, slug_of: dict[int, str], cutoff: Cutoff = Cutoff()) -> tuple[LinkState, ...]:
    """Links still on the units' pages (seen by each unit's latest crawl), with every observation."""
    if cutoff.before is None:
        latest_run = dict(session.execute(select(PageLink.unit_id, func.max(PageLink.last_seen_run_id))
                                          .where(PageLink.unit_id.in_(slug_of)).group_by(PageLink.unit_id)).all())
        links = [link for link in session.scalars(select(PageLink).where(PageLink.unit_id.in_(slug_of))
                                                  .order_by(PageLink.id))
                 if link.last_seen_run_id == latest_run.get(link.unit_id)]
    else:
        # each unit's latest run by the cutoff that fetched one of its pages; its links are those first
        # seen by then and seen again since (a unit whose crawl failed keeps the previous night's links)
        latest_run = {unit_id: run for unit_id, run in session.execute(
            select(Snapshot.unit_id, func.max(Snapshot.crawl_run_id))
            .where(Snapshot.unit_id.in_(slug_of), Snapshot.error_kind.is_(None), *cutoff.snapshots())
            .group_by(Snapshot.unit_id)).all() if unit_id is not None}
        links = [link for link in session.scalars(select(PageLink).where(PageLink.unit_id.in_(slug_of),
                                                                         *cutoff.runs(PageLink.first_seen_run_id))
                                                  .order_by(PageLink.id))
                 if link.unit_id in latest_run
                 and link.first_seen_run_id <= latest_run[link.unit_id] <= link.last_seen_run_id]
    seen: dict[tuple[int, str], list[tuple]] = defaultdict(list)
    urls = sorted({link.url for link in links})
    for chunk in in_chunks(urls):
        for unit_id, url, at, status, kind in session.execute(
            select(LinkCheck.unit_id, LinkCheck.url, LinkCheck.at, LinkCheck.status, LinkCheck.error_kind)
            .where(LinkCheck.url.in_(chunk), LinkCheck.unit_id.in_(slug_of), *cutoff.created(LinkCheck.at))
        ):
            seen[(unit_id, url)].append((at, status, kind))
        for snap_unit, url, at, status, kind in session.execute(
            select(Snapshot.unit_id, Snapshot.url, Snapshot.fetched_at, Snapshot.status, Snapshot.error_kind)
            .where(Snapshot.url.in_(chunk), Snapshot.unit_id.in_(slug_of), *cutoff.snapshots())
        ):
            if snap_unit is not None:
                seen[(snap_unit, url)].append((at, status, kind))
    return tuple(
        LinkState(slug_of[link.unit_id], link.url, link.source_url, link.source_snapshot_id,
                  tuple(sorted(seen[(link.unit_id, link.url)], key=lambda o: o[0])), text=link.text)
        for link in links
    )


def load_accounts(session: Session, slug_of: dict[int, str], cutoff: Cutoff = Cutoff()) -> tuple[AccountState, ...]:
    accounts = list(session.scalars(select(NewMediaAccount).where(NewMediaAccount.active.is_(True),
                                                                  NewMediaAccount.unit_id.in_(slug_of))
                                    .order_by(NewMediaAccount.id)))
    newest_ids = (select(func.max(Snapshot.id)).where(Snapshot.kind.in_(_MEDIA_KINDS), Snapshot.unit_id.in_(slug_of),
                                                      *cutoff.snapshots())
                  .group_by(Snapshot.unit_id, Snapshot.url))
    snaps = {(s.unit_id, s.url): s for s in session.scalars(select(Snapshot).where(Snapshot.id.in_(newest_ids)))}
    posts: dict[int, list[MediaPost]] = defaultdict(list)
    seen_by = [] if cutoff.last_run is None else [
        (Post.first_seen_run_id <= cutoff.last_run) | Post.first_seen_run_id.is_(None)]
    for row in session.scalars(select(Post).where(Post.account_id.in_([a.id for a in accounts]), *seen_by)
                               .order_by(Post.published_at.desc(), Post.id)):
        posts[row.account_id].append(MediaPost(row.title, row.url, row.published_at))
    out = []
    for account in accounts:
        source = account.feed or account.page or ""
        snap = snaps.get((account.unit_id, source))
        out.append(AccountState(
            unit=slug_of[account.unit_id], platform=account.platform, name=account.name, source=source,
            fetched=snap is not None and snap.error_kind is None,
            error_kind=(snap.error_kind if snap else "not_collected"),
            snapshot_id=snap.id if snap else None, fetched_at=snap.fetched_at if snap else None,
            posts=tuple(posts[account.id]),
        ))
    return tuple(out)
