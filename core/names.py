"""The one table of Chinese display names: check codes, event states, column categories, failure kinds,
unit kinds and levels. Everything people read shows these, never the codes."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from core.vocab import Category, CheckCode, EventState, FailureKind, Level, SnapshotKind, UnitKind

CHECK_NAMES: Mapping[str, str] = {
    CheckCode.SITE_UNREACHABLE: "网站无法访问",
    CheckCode.LINK_BROKEN: "链接不可用",
    CheckCode.COLUMN_STALE: "栏目未及时更新",
    CheckCode.COLUMN_BLANK: "空白栏目",
    CheckCode.INTERPRETATION_MISSING: "政策文件未解读",
    CheckCode.INTERPRETATION_UNLINKED: "文件与解读未相互关联",
    CheckCode.INTERPRETATION_LATE: "解读发布不及时",
    CheckCode.INTERPRETATION_COPIED: "解读照搬原文",
    CheckCode.ANNUAL_REPORT_MISSING: "年报未发布",
    CheckCode.ANNUAL_REPORT_LATE: "年报发布超期",
    CheckCode.ANNUAL_REPORT_FORMAT: "年报格式不规范",
    CheckCode.ANNUAL_REPORT_SIMILAR: "年报内容雷同",
    CheckCode.ANNUAL_REPORT_INCONSISTENT: "年报数据不一致",
    CheckCode.TEXT_TYPO: "严重错别字",
    CheckCode.TEXT_SENSITIVE: "敏感词",
    CheckCode.TEXT_PRIVACY: "泄露个人信息",
    CheckCode.NEWMEDIA_STALE: "新媒体未及时更新",
    CheckCode.SITE_BLOCKED: "网站拦截探测（无法判定可用性）",
    CheckCode.WARNING_UNREACHABLE: "预警：网站可用性接近否决线",
    CheckCode.WARNING_HOME_STALE: "预警：首页接近长期未更新",
    CheckCode.WARNING_STALE_COLUMNS: "预警：不更新栏目数接近否决线",
    CheckCode.WARNING_BLANK_COLUMNS: "预警：空白栏目数接近否决线",
}

STATE_NAMES: Mapping[str, str] = {
    EventState.PENDING: "待审核",
    EventState.CONFIRMED: "已确认",
    EventState.REJECTED: "已驳回",
    EventState.APPEALED: "复核中",
}

CATEGORY_NAMES: Mapping[str, str] = {
    Category.NEWS: "动态要闻",
    Category.NOTICE: "通知公告",
    Category.POLICY: "政策文件",
    Category.PERSONNEL: "人事信息",
    Category.PLANNING: "规划计划",
    Category.INTERPRETATION: "政策解读",
    Category.ANNUAL_REPORT: "信息公开年报",
    Category.OTHER: "其他",
}

FAILURE_NAMES: Mapping[str, str] = {
    FailureKind.DNS: "域名解析失败",
    FailureKind.REFUSED: "连接被拒绝",
    FailureKind.TIMEOUT: "超时",
    FailureKind.CONNECTION: "连接中断",
    FailureKind.STATUS: "HTTP错误",
    FailureKind.BLOCKED: "拒绝访问（疑似拦截）",
    FailureKind.ROBOTS: "robots.txt禁止",
    FailureKind.EMPTY: "空页面",
    FailureKind.IGNORED: "已忽略",
    FailureKind.GIVEN_UP: "服务器持续出错，本晚放弃",
    FailureKind.SLOW: "访问缓慢",
    FailureKind.TOKEN: "令牌失效",
    FailureKind.RATE_LIMITED: "被限流(418/429)",
    FailureKind.MALFORMED: "订阅源无法解析",
    FailureKind.EGRESS: "禁止访问的地址（未抓取）",
    FailureKind.TOO_LARGE: "超过大小上限",
    FailureKind.REDIRECTS: "重定向过多（循环）",
    FailureKind.ERROR_PAGE: "打开的是网站的错误页（页面不存在）",
    FailureKind.OTHER: "其他错误",
}

UNIT_KIND_NAMES: Mapping[str, str] = {
    UnitKind.GOVERNMENT: "政府",
    UnitKind.DEPARTMENT: "部门",
    UnitKind.TOWNSHIP: "乡镇（街道）",
    UnitKind.VILLAGE: "村（社区）",
    UnitKind.PUBLIC_INSTITUTION: "事业单位",
}

LEVEL_NAMES: Mapping[str, str] = {Level.PROVINCE: "省级", Level.CITY: "市级", Level.COUNTY: "县级"}

SNAPSHOT_KIND_NAMES: Mapping[str, str] = {
    SnapshotKind.HOME: "首页",
    SnapshotKind.LIST: "栏目列表页",
    SnapshotKind.DETAIL: "详情页",
    SnapshotKind.ATTACHMENT: "附件",
    SnapshotKind.FEED: "订阅源",
    SnapshotKind.MEDIA_PAGE: "新媒体页面",
}

_TABLES: dict[type[StrEnum], Mapping[str, str]] = {
    CheckCode: CHECK_NAMES, EventState: STATE_NAMES, Category: CATEGORY_NAMES, FailureKind: FAILURE_NAMES,
    UnitKind: UNIT_KIND_NAMES, Level: LEVEL_NAMES, SnapshotKind: SNAPSHOT_KIND_NAMES,
}


def check_name(code: str) -> str:
    """检查项的中文名; a `warning.` code or an unknown one is shown as it is."""
    return CHECK_NAMES.get(code, code)


def readable(row: dict[str, Any]) -> dict[str, Any]:
    """A listing row for people: its check code and event state by their Chinese names."""
    out = dict(row)
    if out.get("check"):
        out["check"] = check_name(out["check"])
    if out.get("state"):
        out["state"] = STATE_NAMES.get(out["state"], out["state"])
    return out


# inspectors' decisions on a deduction event (assessment.review)
ACTION_NAMES = {"confirm": "确认", "reject": "驳回", "appeal": "复核申请", "uphold": "维持", "overturn": "撤销"}

def display(vocabulary: type[StrEnum], value: str | None) -> str:
    """The Chinese name of a value of one vocabulary; the value itself when it has none."""
    if value is None:
        return ""
    return _TABLES[vocabulary].get(value, value)
