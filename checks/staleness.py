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


@check("column.blank", scope=fetched_columns)
def blank_columns(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """A column that was fetched and lists nothing at all (空白栏目)."""
    return [
        _finding(
            "column.blank",
            column,
            f"栏目“{column.name}”为空白栏目：列表页无任何信息",
            _evidence(column),
        )
        for column in data.columns
        if column.fetched and not column.items
    ]
