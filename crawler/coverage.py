"""The coverage report of one crawl run: per unit, columns and pages attempted, fetched, failed and why."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.names import display
from core.text import terminal_safe
from core.vocab import FailureKind, SnapshotKind
from storage.coverage import ColumnCoverage, column_coverage
from storage.link_models import LinkCheck
from storage.models import Column, CrawlRun, Snapshot, Unit

MEDIA_KINDS = (SnapshotKind.FEED, SnapshotKind.MEDIA_PAGE)


def cap_text(kind: str, limit: int, announced: int | None) -> str:
    if kind == "unit_pages":
        return f"本单位请求数达到上限 {limit}，其余页面未抓取"
    said = f"分页宣称 {announced} 页，" if announced else "分页链接不断，"
    return f"{said}只抓前 {limit} 页"


def why_incomplete(col: ColumnCoverage) -> str:
    """Why a column is incomplete, in words for the report."""
    if col.list_pages == 0:
        return "未抓取列表页"
    parts = []
    if col.errors:
        failed = "，".join(f"{display(FailureKind, k)}×{n}" for k, n in col.errors.most_common())
        parts.append(f"列表页失败：{failed}")
    if col.announced_items is not None and col.items_fetched < col.announced_items:
        parts.append(f"网站公布{col.announced_items}条，只抓到{col.items_fetched}条")
    elif (col.announced_items is None and col.announced_pages is not None
          and col.list_pages_fetched < col.announced_pages):
        parts.append(f"网站公布{col.announced_pages}页，只抓到{col.list_pages_fetched}页")
    return "；".join(parts) or "-"


@dataclass
class UnitCoverage:
    slug: str
    name: str
    columns: int = 0
    columns_fetched: int = 0  # the rested ones included
    columns_rested: int = 0  # far from every deadline: not looked at tonight, listed as last looked at
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
    caps: list[str] = field(default_factory=list)  # caps that cut this unit's crawl, with the column
    column_details: list[ColumnCoverage] = field(default_factory=list)

    @property
    def incomplete(self) -> list[ColumnCoverage]:
        return [c for c in self.column_details if not c.complete]


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
    details = column_coverage(session, run_id)
    rested = {int(k) for k, v in (session.get_one(CrawlRun, run_id).stats or {}).get("carried", {}).items()
              if v.get("rested")}
    for unit_id, cov in report.items():
        cov.columns_rested = sum(1 for c in units[unit_id].columns if c.active and c.id in rested)
        cov.columns_fetched = len(fetched_columns[unit_id]) + cov.columns_rested
        unit_columns = [c for c in units[unit_id].columns if c.active]
        cov.column_details = [details.get(c.id) or ColumnCoverage(c.id, c.name, c.url) for c in unit_columns]
    _caps(session, run_id, report)
    for unit_id, error_kind in session.execute(select(LinkCheck.unit_id, LinkCheck.error_kind)
                                               .where(LinkCheck.crawl_run_id == run_id)):
        if unit_id in report:
            report[unit_id].links_checked += 1
            report[unit_id].links_failed += error_kind is not None
    return sorted(report.values(), key=lambda c: c.slug)


def _caps(session: Session, run_id: int, report: dict[int, UnitCoverage]) -> None:
    caps = (session.get_one(CrawlRun, run_id).stats or {}).get("caps", [])
    if not caps:
        return
    by_slug = {c.slug: c for c in report.values()}
    names = {id_: name for id_, name in session.execute(select(Column.id, Column.name))}
    for cap in caps:
        cov = by_slug.get(cap["unit"])
        if cov is None:
            continue
        column = names.get(cap.get("column_id")) or cap.get("column_url") or ""
        where = f"栏目「{column}」" if column and cap["kind"] == "list_pages" else ""
        cov.caps.append(where + cap_text(cap["kind"], cap["limit"], cap.get("announced")))


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
        out += [terminal_safe(f"    上限截断：{cap}") for cap in c.caps]
    incomplete = [(c, col) for c in rows for col in c.incomplete]
    if incomplete:
        out.append("栏目抓取不完整（这些栏目不判空白，更新情况只看已抓到的首页）：单位 | 栏目 | 网站公布 | 抓到 | 原因")
        for c, col in incomplete:
            said = "，".join(x for x in (f"{col.announced_items}条" if col.announced_items is not None else "",
                                         f"{col.announced_pages}页" if col.announced_pages is not None else "") if x)
            out.append(terminal_safe(f"  {c.slug} | {col.name} | {said or '未公布'} | {col.items_fetched}条，"
                                     f"列表页{col.list_pages_fetched}/{col.list_pages} | {why_incomplete(col)}"))
    total_pages = sum(c.pages for c in rows)
    ok_pages = sum(c.pages_fetched for c in rows)
    rested = sum(c.columns_rested for c in rows)
    carried = sum(col.list_pages_carried for c in rows for col in c.column_details
                  if col.list_pages_carried < col.list_pages)
    out.append(f"  合计：{len(rows)} 个单位，栏目 {sum(c.columns_fetched for c in rows)}/{sum(c.columns for c in rows)}，"
               f"页面 {ok_pages}/{total_pages}"
               + (f"，栏目首页未变、沿用上次的后续列表页 {carried} 页（未请求）" if carried else "")
               + (f"，离更新期限尚远、今夜未看的栏目 {rested} 个（沿用最近一次所见）" if rested else "")
               + (f"，上限截断 {sum(len(c.caps) for c in rows)} 处" if any(c.caps for c in rows) else ""))
    return out
