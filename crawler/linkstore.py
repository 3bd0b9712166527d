"""Collect the links of a crawl's pages in memory and write them once, at the end of the crawl.

Navigation repeats the same links on every page, so a night has far fewer distinct targets than
links; one row per unit and target keeps the table small (storage.link_models.PageLink).
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from crawler.items import Capture
from storage.db import in_chunks
from storage.link_models import PageLink


class LinkCollector:
    def __init__(self, run_id: int):
        self.run_id = run_id
        # (unit_id, url) -> (text, source_url, source_snapshot_id, attachment); first source wins
        self.links: dict[tuple[int, str], tuple[str, str, int, bool]] = {}
        self.unchanged_sources: dict[int, set[str]] = {}  # pages answered 304: their links still stand

    def add(self, unit_id: int | None, snap: Capture, snapshot_id: int) -> None:
        if unit_id is None:
            return
        if snap.status == 304:
            self.unchanged_sources.setdefault(unit_id, set()).add(snap.url)
        for link in snap.links:
            self.links.setdefault((unit_id, link.url), (link.text, snap.url, snapshot_id, link.attachment))

    def write(self, session: Session) -> int:
        """Insert new targets, mark the known ones as seen tonight; returns the number of new rows."""
        new = 0
        by_unit: dict[int, list[str]] = {}
        for unit_id, url in self.links:
            by_unit.setdefault(unit_id, []).append(url)
        for unit_id, urls in by_unit.items():
            for chunk in in_chunks(urls):
                known = set(session.scalars(select(PageLink.url).where(PageLink.unit_id == unit_id,
                                                                       PageLink.url.in_(chunk))))
                if known:
                    session.execute(update(PageLink).where(PageLink.unit_id == unit_id, PageLink.url.in_(known))
                                    .values(last_seen_run_id=self.run_id))
                for url in chunk:
                    if url in known:
                        continue
                    text, source, snapshot_id, attachment = self.links[(unit_id, url)]
                    session.add(PageLink(unit_id=unit_id, url=url, text=text, source_url=source,
                                         source_snapshot_id=snapshot_id, attachment=attachment,
                                         first_seen_run_id=self.run_id, last_seen_run_id=self.run_id))
                    new += 1
        for unit_id, sources in self.unchanged_sources.items():
            for chunk in in_chunks(sorted(sources)):
                session.execute(update(PageLink).where(PageLink.unit_id == unit_id, PageLink.source_url.in_(chunk))
                                .values(last_seen_run_id=self.run_id))
        session.flush()
        return new
