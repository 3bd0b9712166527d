"""`column.stale` and `column.blank`: columns not updated within their window, or with no items at all."""

from __future__ import annotations

from datetime import date

from checks.base import AuditData, CheckRules, ColumnState, Item, Observation
from checks.registry import check
from core.names import CATEGORY_NAMES


def _latest_dated(column: ColumnState, as_of: date) -> Item | None:
    # Items dated after the as-of date did not exist yet on that day.
    dated = [i for i in column.items if i.publish_date is not None and i.publish_date <= as_of]
    return max(dated, key=lambda i: i.publish_date, default=None)  # type: ignore[arg-type,return-value]


def _evidence(column: ColumnState, item: Item | None = None) -> dict:
    evidence: dict = {"snapshots": [column.list_snapshot_id] if column.list_snapshot_id else []}
    if item is not None:
        evidence["latest_item"] = {
            "title": item.title,
            "url": item.url,
            "publish_date": item.publish_date.isoformat() if item.publish_date else None,
        }
    evidence["items_listed"] = len(column.items)
    return evidence


def _finding(code: str, column: ColumnState, detail: str, evidence: dict) -> Observation:
    return Observation(
        check=code,
        unit=column.unit,
        subject_key=f"column:{column.id}",
        subject=column.name,
        url=column.url,
        detail=detail,
        observed_at=column.fetched_at,
        evidence=evidence,
    )


def fetched_columns(data: AuditData) -> set[tuple[str, str]]:
    return {(c.unit, f"column:{c.id}") for c in data.columns if c.fetched}


def judged_blank(data: AuditData) -> set[tuple[str, str]]:
    """Blank is judged only on columns whose listing came in whole."""
    return {(c.unit, f"column:{c.id}") for c in data.columns if c.fetched and c.complete}


@check("column.stale", scope=fetched_columns)
def stale_columns(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """A column whose newest dated item is older than its category's window.

    An item without a visible date does not count as an update (国办发〔2015〕15号).
    A column whose list could not be fetched is not judged: that is a crawl failure, not evidence.
    """
    findings = []
    for column in data.columns:
        window = rules.column_stale_windows.window(column.category)
        if window is None or not column.fetched or not column.items:
            continue
        span, label = window
        latest = _latest_dated(column, as_of)
        limit = as_of - span
        kind = CATEGORY_NAMES.get(column.category, column.category)
        if latest is None:
            detail = (
                f"{kind}类栏目“{column.name}”列出{len(column.items)}条信息，均无可见发布日期，"
                f"视为{label}内未更新"
            )
        elif latest.publish_date < limit:  # type: ignore[operator]
            days = (as_of - latest.publish_date).days  # type: ignore[operator]
            detail = (
                f"{kind}类栏目“{column.name}”超过{label}未更新：最新信息“{latest.title}”"
                f"发布于{latest.publish_date:%Y-%m-%d}，距{as_of:%Y-%m-%d}已{days}天"
            )
        else:
            continue
        findings.append(_finding("column.stale", column, detail, _evidence(column, latest)))
    return findings


@check("column.blank", scope=judged_blank)
def blank_columns(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """A column that was fetched and lists nothing at all (空白栏目).

    Not when any of its list pages (or list-API answers) failed, nor when the site announces items that
    did not come in: a page that failed to load is not an empty column.
    """
    return [
        _finding(
            "column.blank",
            column,
            f"栏目“{column.name}”为空白栏目：列表页无任何信息",
            _evidence(column),
        )
        for column in data.columns
        if column.fetched and not column.items and column.complete and not column.announced_items
    ]


# --- warnings below the 19号 veto lines (SPEC: `warning.*` findings, never priced) ---

_VETO_CATEGORIES = ("news", "notice", "policy")


def _unit_warning(code: str, unit: str, detail: str, evidence: dict) -> Observation:
    return Observation(check=code, unit=unit, subject_key=f"unit:{unit}", subject="本单位网站", url=None, detail=detail,
                   observed_at=None, evidence=evidence)


def fetched_units(data: AuditData) -> set[tuple[str, str]]:
    """Units with a column fetched tonight: only they are judged (a failed crawl rectifies no warning)."""
    return {(c.unit, f"unit:{c.unit}") for c in data.columns if c.fetched}


@check("warning.stale_columns", scope=fetched_units)
def stale_column_warnings(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """Stale columns approaching the veto counts: ≥5 of 动态要闻/通知公告/政策文件, ≥10 of any kind."""
    near_key = rules.warning_stale_columns_key
    near_any = rules.warning_stale_columns_any
    by_unit: dict[str, list[Observation]] = {}
    for f in stale_columns(data, as_of, rules):
        by_unit.setdefault(f.unit, []).append(f)
    category = {f"column:{c.id}": c.category for c in data.columns}
    out = []
    for unit, found in sorted(by_unit.items()):
        key = [f for f in found if category.get(f.subject_key) in _VETO_CATEGORIES]
        if not (near_key <= len(key) < 5 or near_any <= len(found) < 10):
            continue
        names = "、".join(f.subject for f in found[:10])
        out.append(_unit_warning("warning.stale_columns", unit,
                                 f"预警：{len(found)} 个栏目未及时更新（其中动态、通知公告、政策文件类 {len(key)} 个；"
                                 f"否决线为该三类合计 5 个或任意类 10 个）：{names}",
                                 {"stale": len(found), "stale_key": len(key), "columns": [f.subject_key for f in found]}))
    return out


@check("warning.blank_columns", scope=fetched_units)
def blank_column_warnings(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """Blank columns approaching the veto count of 5."""
    near = rules.warning_blank_columns_count
    by_unit: dict[str, list[Observation]] = {}
    for f in blank_columns(data, as_of, rules):
        by_unit.setdefault(f.unit, []).append(f)
    return [
        _unit_warning("warning.blank_columns", unit,
                      f"预警：{len(found)} 个空白栏目（否决线为 5 个）：{'、'.join(f.subject for f in found)}",
                      {"blank": len(found), "columns": [f.subject_key for f in found]})
        for unit, found in sorted(by_unit.items()) if near <= len(found) < 5
    ]


@check("warning.home_stale", scope=fetched_units)
def home_stale_warnings(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """Nothing new on the site for 10 days (the veto line is 2 weeks): the newest dated item of all the
    unit's fetched columns stands for the home page's newest item."""
    warn_days = rules.warning_home_stale_days
    newest: dict[str, Item] = {}
    for column in data.columns:
        if not column.fetched:
            continue
        item = _latest_dated(column, as_of)
        if item is not None and (column.unit not in newest or item.publish_date > newest[column.unit].publish_date):  # type: ignore[operator]
            newest[column.unit] = item
    out = []
    for unit, item in sorted(newest.items()):
        days = (as_of - item.publish_date).days  # type: ignore[operator]
        if warn_days <= days < 14:
            out.append(_unit_warning("warning.home_stale", unit,
                                     f"预警：网站已 {days} 天无新信息（最新“{item.title}”，{item.publish_date:%Y-%m-%d}），"
                                     f"满 14 天即触及首页长期未更新的否决线",
                                     {"days": days, "latest_item": {"title": item.title, "url": item.url}}))
    return out
