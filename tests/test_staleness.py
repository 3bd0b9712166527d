from datetime import UTC, date, datetime, timedelta

import pytest

from checks.base import AuditData, CheckRules, ColumnState, Item
from checks.staleness import blank_columns, stale_columns
from core.categories import classify_column

AS_OF = date(2024, 9, 30)


def column(category: str, *dates: date | None, fetched: bool = True) -> ColumnState:
    items = tuple(Item(f"信息{i}", f"http://x/{i}.html", d, 1) for i, d in enumerate(dates))
    return ColumnState(7, "jyj", "栏目", category, "http://x/", fetched, None if fetched else "timeout", 1,
                       datetime(2024, 9, 30, tzinfo=UTC), items)


def stale(col: ColumnState) -> bool:
    return bool(stale_columns(AuditData((), (col,)), AS_OF, CheckRules()))


@pytest.mark.parametrize(
    ("category", "newest", "is_stale"),
    [
        ("news", AS_OF - timedelta(days=13), False),
        ("news", AS_OF - timedelta(days=14), False),  # the window includes its first day
        ("news", AS_OF - timedelta(days=15), True),
        ("notice", date(2024, 3, 30), False),  # exactly 6 months
        ("notice", date(2024, 3, 29), True),
        ("policy", date(2024, 3, 29), True),
        ("personnel", date(2023, 9, 30), False),  # exactly 1 year
        ("personnel", date(2023, 9, 29), True),
        ("planning", date(2023, 9, 29), True),
        ("other", date(2010, 1, 1), False),  # no staleness rule
        ("interpretation", date(2010, 1, 1), False),
    ],
)
def test_windows(category: str, newest: date, is_stale: bool) -> None:
    assert stale(column(category, newest, newest - timedelta(days=400))) is is_stale


def test_undated_items_do_not_count_as_updates() -> None:
    assert stale(column("news", None, None))
    assert stale(column("news", None, AS_OF - timedelta(days=20)))
    assert not stale(column("news", None, AS_OF - timedelta(days=2)))


def test_items_after_the_as_of_date_are_ignored() -> None:
    assert stale(column("news", AS_OF + timedelta(days=3), AS_OF - timedelta(days=30)))


def test_unfetched_column_is_not_judged() -> None:
    col = column("news", AS_OF - timedelta(days=100), fetched=False)
    assert not stale(col)
    assert not blank_columns(AuditData((), (column("news", fetched=False),)), AS_OF, CheckRules())


def test_blank_and_finding_details() -> None:
    [finding] = blank_columns(AuditData((), (column("notice"),)), AS_OF, CheckRules())
    assert finding.check == "column.blank" and finding.subject_key == "column:7"
    [finding] = stale_columns(AuditData((), (column("news", date(2024, 9, 1)),)), AS_OF, CheckRules())
    assert "2024-09-01" in finding.detail and "29天" in finding.detail
    assert finding.evidence["snapshots"] == [1]


def test_a_scheme_may_set_a_category_window() -> None:
    three_weeks = AuditData((), (column("news", AS_OF - timedelta(days=21)),))
    assert stale_columns(three_weeks, AS_OF, CheckRules())
    lenient = CheckRules(column_stale_windows={"news": "1m"})
    assert not stale_columns(three_weeks, AS_OF, lenient)
    [finding] = stale_columns(AuditData((), (column("news", AS_OF - timedelta(days=40)),)), AS_OF, lenient)
    assert "超过1个月未更新" in finding.detail


@pytest.mark.parametrize(
    ("name", "category"),
    [("政务动态", "news"), ("通知公告", "notice"), ("政策文件", "policy"), ("政策解读", "interpretation"),
     ("人事信息", "personnel"), ("规划计划", "planning"), ("政府信息公开年报", "annual_report"),
     ("机构职能", "other")],
)
def test_classify_column(name: str, category: str) -> None:
    assert classify_column(name) == category
