"""How completely one crawl run listed each column: the total the site announces (共N条, <totalrecord>,
"total": N, 共N页) against the list pages fetched and the documents listed. The crawl's coverage report
prints it; the checks use it so that a column that was not fully listed is never judged blank."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Column, CrawlRun, Document, Snapshot


@dataclass
class ColumnCoverage:
    """One column in one run: what the site announced against what was fetched."""

    id: int
    name: str
    url: str
    announced_items: int | None = None
    announced_pages: int | None = None
    list_pages: int = 0  # list pages and list-API answers attempted (or carried forward)
    list_pages_fetched: int = 0
    list_pages_carried: int = 0  # later list pages not requested, their entries carried forward (first page unchanged)
    # or, when `list_pages_carried` == `list_pages`, the whole column: not looked at tonight (crawler.incremental)
    items_fetched: int = 0  # distinct documents listed in this run
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def complete(self) -> bool:
        """Nothing the site announces is missing, and (where it announces no total) every list page came in.
        A failed answer that a retry made good (dataproxy.jsp refusing POST, then answering GET) leaves the
        column complete when every announced item came in."""
        if self.list_pages_fetched == 0:
            return False
        if self.announced_items is not None and self.items_fetched >= self.announced_items:
            return True
        if self.list_pages_fetched < self.list_pages:
            return False
        if self.announced_items is not None:
            return False
        if self.announced_pages is not None:
            return self.list_pages_fetched >= self.announced_pages
        return True


def column_coverage(session: Session, run_id: int, column_ids: list[int] | None = None) -> dict[int, ColumnCoverage]:
    """Per column of the run: list pages attempted and fetched, announced totals, documents listed."""
    query = (select(Snapshot.column_id, Snapshot.error_kind, Snapshot.announced_items, Snapshot.announced_pages)
             .where(Snapshot.crawl_run_id == run_id, Snapshot.kind == "list", Snapshot.column_id.is_not(None)))
    if column_ids is not None:
        query = query.where(Snapshot.column_id.in_(column_ids))
    rows = list(session.execute(query))
    ids = {r[0] for r in rows}
    names = {c.id: c for c in session.scalars(select(Column).where(Column.id.in_(ids)))} if ids else {}
    out: dict[int, ColumnCoverage] = {}
    for column_id, error_kind, items, pages in rows:
        if column_id is None:
            continue
        column = names.get(column_id)
        cov = out.setdefault(column_id, ColumnCoverage(column_id, column.name if column else "?",
                                                       column.url if column else ""))
        cov.list_pages += 1
        if error_kind:
            cov.errors[error_kind] += 1
        else:
            cov.list_pages_fetched += 1
        if items is not None:
            cov.announced_items = max(cov.announced_items or 0, items)
        if pages is not None:
            cov.announced_pages = max(cov.announced_pages or 0, pages)
    run = session.get(CrawlRun, run_id)
    for key, carried in ((run.stats or {}).get("carried", {}) if run is not None else {}).items():
        if carried.get("rested") and int(key) not in out and (column_ids is None or int(key) in column_ids):
            # not looked at tonight (far from every deadline): as complete as the night that last looked at it
            looked = column_coverage(session, int(carried["run"]), [int(key)]).get(int(key))
            if looked is not None:
                out[int(key)] = replace(looked, list_pages_carried=int(carried["pages"]), errors=Counter())
            continue
        if int(key) in out:  # listed by an earlier night and counted as listed tonight (crawler.incremental)
            cov = out[int(key)]
            cov.list_pages_carried = int(carried["pages"])
            cov.list_pages += cov.list_pages_carried
            cov.list_pages_fetched += cov.list_pages_carried
    if out:
        counts = session.execute(select(Document.column_id, func.count(Document.id))
                                 .where(Document.last_seen_run_id == run_id, Document.column_id.in_(list(out)))
                                 .group_by(Document.column_id))
        for column_id, n in counts:
            out[column_id].items_fetched = n
    return out


