"""The parts of `AuditData` beyond columns: attachments with their text, probes, links with their
observations, new-media accounts with their posts. Called by checks.loader."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checks.base import AccountState, Attachment, LinkState, MediaPost, ProbeState
from core.filetypes import ATTACHMENT_KINDS, is_file
from storage.link_models import LinkCheck, PageLink
from storage.models import Column, Document, ExtractedText, NewMediaAccount, Post, Probe, Snapshot

PROBE_HISTORY = timedelta(days=35)  # longer than any window a scheme sets for site.unreachable
_CHUNK = 500
_MEDIA_KINDS = ("feed", "media_page")


def _chunks(items: list, size: int = _CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _attachment_texts(session: Session, hashes: set[str]) -> dict[str, str]:
    """Extracted text by body hash, for the bodies whose extraction succeeded."""
    texts: dict[str, str] = {}
    for chunk in _chunks(sorted(hashes)):
        texts.update(session.execute(
            select(ExtractedText.sha256, ExtractedText.text)
            .where(ExtractedText.sha256.in_(chunk), ExtractedText.extractor.in_(ATTACHMENT_KINDS),
                   ExtractedText.error.is_(None))
        ).all())
    return texts


def load_attachments(session: Session, slug_of: dict[int, str]) -> tuple[Attachment, ...]:
    links = list(session.scalars(select(PageLink).where(PageLink.attachment.is_(True),
                                                        PageLink.unit_id.in_(slug_of)).order_by(PageLink.id)))
    newest: dict[tuple[int, str], Snapshot] = {}
    for chunk in _chunks(sorted({link.url for link in links})):
        ids = (select(func.max(Snapshot.id)).where(Snapshot.kind == "attachment", Snapshot.url.in_(chunk),
                                                   Snapshot.unit_id.in_(slug_of))
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
    return tuple(out) + _listed_files(session, slug_of, {(a.unit, a.url) for a in out})


def _listed_files(session: Session, slug_of: dict[int, str], known: set[tuple[str, str]]) -> tuple[Attachment, ...]:
    """Column items that are files themselves (a list linking straight to a PDF), with their text."""
    rows = session.execute(
        select(Document.unit_id, Document.url, Document.title, Column.url, Snapshot.id, Snapshot.headers,
               Snapshot.content_hash, Snapshot.error_kind)
        .join(Column, Column.id == Document.column_id).join(Snapshot, Snapshot.id == Document.detail_snapshot_id)
        .where(Document.unit_id.in_(slug_of), Column.active.is_(True)).order_by(Document.id)
    ).all()
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


def load_probes(session: Session, slug_of: dict[int, str]) -> tuple[ProbeState, ...]:
    newest = session.scalar(select(func.max(Probe.at)).where(Probe.unit_id.in_(slug_of)))
    if newest is None:
        return ()
    rows = session.scalars(select(Probe).where(Probe.unit_id.in_(slug_of), Probe.at >= newest - PROBE_HISTORY)
                           .order_by(Probe.at, Probe.id))
    return tuple(ProbeState(slug_of[p.unit_id], p.url, p.at, p.ok, p.error_kind, p.elapsed_ms) for p in rows)


def load_links(session: Session, slug_of: dict[int, str]) -> tuple[LinkState, ...]:
    """Links still on the units' pages (seen by each unit's latest crawl), with every observation."""
    latest_run = dict(session.execute(select(PageLink.unit_id, func.max(PageLink.last_seen_run_id))
                                      .where(PageLink.unit_id.in_(slug_of)).group_by(PageLink.unit_id)).all())
    links = [link for link in session.scalars(select(PageLink).where(PageLink.unit_id.in_(slug_of))
                                              .order_by(PageLink.id))
             if link.last_seen_run_id == latest_run.get(link.unit_id)]
    seen: dict[tuple[int, str], list[tuple]] = defaultdict(list)
    urls = sorted({link.url for link in links})
    for chunk in _chunks(urls):
        for unit_id, url, at, status, kind in session.execute(
            select(LinkCheck.unit_id, LinkCheck.url, LinkCheck.at, LinkCheck.status, LinkCheck.error_kind)
            .where(LinkCheck.url.in_(chunk), LinkCheck.unit_id.in_(slug_of))
        ):
            seen[(unit_id, url)].append((at, status, kind))
        for snap_unit, url, at, status, kind in session.execute(
            select(Snapshot.unit_id, Snapshot.url, Snapshot.fetched_at, Snapshot.status, Snapshot.error_kind)
            .where(Snapshot.url.in_(chunk), Snapshot.unit_id.in_(slug_of))
        ):
            if snap_unit is not None:
                seen[(snap_unit, url)].append((at, status, kind))
    return tuple(
        LinkState(slug_of[link.unit_id], link.url, link.source_url, link.source_snapshot_id,
                  tuple(sorted(seen[(link.unit_id, link.url)], key=lambda o: o[0])), text=link.text)
        for link in links
    )


def load_accounts(session: Session, slug_of: dict[int, str]) -> tuple[AccountState, ...]:
    accounts = list(session.scalars(select(NewMediaAccount).where(NewMediaAccount.active.is_(True),
                                                                  NewMediaAccount.unit_id.in_(slug_of))
                                    .order_by(NewMediaAccount.id)))
    newest_ids = (select(func.max(Snapshot.id)).where(Snapshot.kind.in_(_MEDIA_KINDS), Snapshot.unit_id.in_(slug_of))
                  .group_by(Snapshot.unit_id, Snapshot.url))
    snaps = {(s.unit_id, s.url): s for s in session.scalars(select(Snapshot).where(Snapshot.id.in_(newest_ids)))}
    posts: dict[int, list[MediaPost]] = defaultdict(list)
    for row in session.scalars(select(Post).where(Post.account_id.in_([a.id for a in accounts]))
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
