"""The coverage report of one crawl run: per unit, columns and pages attempted, fetched, failed and why."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.names import display
from core.vocab import FailureKind, SnapshotKind
from storage.link_models import LinkCheck
from storage.models import CrawlRun, Snapshot, Unit

MEDIA_KINDS = (SnapshotKind.FEED, SnapshotKind.MEDIA_PAGE)


@dataclass
class UnitCoverage:
    slug: str
    name: str
    columns: int = 0
    columns_fetched: int = 0
    pages: int = 0
    pages_fetched: int = 0
    home_ok: bool | None = None
    errors: Counter[str] = field(default_factory=Counter)
    not_modified: int = 0  # detail pages and attachments answered 304: unchanged, not downloaded again
    attachments: int = 0
    attachments_fetched: int = 0
    links_checked: int = 0
    links_failed: int = 0
    media: int = 0  # new-media collectors run
    media_errors: Counter[str] = field(default_factory=Counter)  # collector failures, not stale accounts


def coverage(session: Session, run_id: int) -> list[UnitCoverage]:
    units = {u.id: u for u in session.scalars(select(Unit))}
    report: dict[int, UnitCoverage] = {}
    planned = session.get_one(CrawlRun, run_id).units
    for unit in units.values():
        if unit.slug in planned:
            report[unit.id] = UnitCoverage(unit.slug, unit.name,
                                           columns=sum(1 for c in unit.columns if c.active))
    fetched_columns: dict[int, set[int]] = defaultdict(set)
    rows = session.execute(
        select(Snapshot.unit_id, Snapshot.kind, Snapshot.column_id, Snapshot.page_no, Snapshot.error_kind,
               Snapshot.status)
        .where(Snapshot.crawl_run_id == run_id)
    )
    for unit_id, kind, column_id, page_no, error_kind, status in rows:
        cov = report.get(unit_id) if unit_id is not None else None
        if cov is None or unit_id is None:
            continue
        if kind in MEDIA_KINDS:  # collectors are counted apart: their failure is not the portal's
            cov.media += 1
            if error_kind:
                cov.media_errors[error_kind] += 1
            continue
        if status == 304:
            cov.not_modified += 1
        if kind == "attachment":
            cov.attachments += 1
            cov.attachments_fetched += error_kind is None
        cov.pages += 1
        if error_kind:
            cov.errors[error_kind] += 1
        else:
            cov.pages_fetched += 1
        if kind == "home":
            cov.home_ok = error_kind is None
        if kind == "list" and page_no == 1 and error_kind is None and column_id is not None:
            fetched_columns[unit_id].add(column_id)
    for unit_id, cov in report.items():
        cov.columns_fetched = len(fetched_columns[unit_id])
    for unit_id, error_kind in session.execute(select(LinkCheck.unit_id, LinkCheck.error_kind)
                                               .where(LinkCheck.crawl_run_id == run_id)):
        if unit_id in report:
            report[unit_id].links_checked += 1
            report[unit_id].links_failed += error_kind is not None
    return sorted(report.values(), key=lambda c: c.slug)


def coverage_lines(rows: list[UnitCoverage]) -> list[str]:
    out = ["覆盖情况：单位 | 首页 | 栏目(抓到/应抓) | 页面(成功/尝试，其中未变化) | 附件(成功/尝试) | "
           "链接(异常/检查) | 新媒体(采集失败/账号) | 失败原因"]
    for c in rows:
        home = {True: "正常", False: "失败", None: "未抓"}[c.home_ok]
        why = "，".join(f"{display(FailureKind, k)}×{n}" for k, n in c.errors.most_common()) or "-"
        media_why = "，".join(f"{display(FailureKind, k)}×{n}" for k, n in c.media_errors.most_common())
        media = f"{sum(c.media_errors.values())}/{c.media}" + (f"（{media_why}）" if media_why else "")
        out.append(f"  {c.slug}（{c.name}） | {home} | {c.columns_fetched}/{c.columns} | "
                   f"{c.pages_fetched}/{c.pages}，{c.not_modified} | {c.attachments_fetched}/{c.attachments} | "
                   f"{c.links_failed}/{c.links_checked} | {media} | {why}")
    total_pages = sum(c.pages for c in rows)
    ok_pages = sum(c.pages_fetched for c in rows)
    out.append(f"  合计：{len(rows)} 个单位，栏目 {sum(c.columns_fetched for c in rows)}/{sum(c.columns for c in rows)}，"
               f"页面 {ok_pages}/{total_pages}")
    return out
