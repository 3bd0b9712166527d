"""Column categories (SPEC) and how long each may go without a new item (国办秘函〔2019〕19号)."""

from __future__ import annotations

from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

CATEGORIES = ("news", "notice", "policy", "personnel", "planning", "interpretation", "annual_report", "other")

CATEGORY_NAMES = {
    "news": "动态要闻",
    "notice": "通知公告",
    "policy": "政策文件",
    "personnel": "人事信息",
    "planning": "规划计划",
    "interpretation": "政策解读",
    "annual_report": "信息公开年报",
    "other": "其他",
}


@dataclass(frozen=True)
class Window:
    delta: relativedelta
    label: str  # Chinese, for finding details


# interpretation, annual_report and other have no staleness rule of their own.
STALENESS_WINDOWS: dict[str, Window] = {
    "news": Window(relativedelta(weeks=2), "2周"),
    "notice": Window(relativedelta(months=6), "6个月"),
    "policy": Window(relativedelta(months=6), "6个月"),
    "personnel": Window(relativedelta(years=1), "1年"),
    "planning": Window(relativedelta(years=1), "1年"),
}

# Order matters: the first keyword found in the name decides (解读 before 政策, 年报 before 计划).
_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("interpretation", ("解读", "图解", "问答")),
    ("annual_report", ("年报", "年度报告")),
    ("personnel", ("人事", "任免", "招聘", "招考", "录用", "干部")),
    ("planning", ("规划", "计划", "总结")),
    ("policy", ("政策", "文件", "法规", "规章", "制度")),
    ("notice", ("通知", "公告", "公示", "通告")),
    ("news", ("动态", "要闻", "新闻", "资讯", "工作信息", "快讯")),
)


def classify_column(name: str) -> str:
    """The SPEC category of a column from its name; `other` when nothing matches."""
    for category, words in _KEYWORDS:
        if any(word in name for word in words):
            return category
    return "other"
