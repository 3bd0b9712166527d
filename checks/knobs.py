"""Every knob a scheme may set for the checks (a scheme's `check_settings`), with its default, unit and
meaning. Defaults follow the national rules (国办秘函〔2019〕19号, 国办公开办函〔2021〕30号); a scheme sets only what its own
document says differently. Unknown or ill-typed knobs are line-numbered errors in the scheme file."""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, Field, field_validator

_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_SPAN = re.compile(r"^(\d+)(d|w|m|y)$")
_SPAN_UNITS = {"d": ("days", "天"), "w": ("weeks", "周"), "m": ("months", "个月"), "y": ("years", "年")}


def _month_day(value: str) -> str:
    if not _MONTH_DAY.match(value):
        raise ValueError(f"日期应写作 MM-DD（如 01-31），而不是 {value!r}")
    return value


def _span(value: str) -> str:
    if not _SPAN.match(value):
        raise ValueError(f"时长应写作 数字+单位（d 天、w 周、m 月、y 年，如 2w、6m），而不是 {value!r}")
    return value


class ReportDeadlines(BaseModel):
    """By when (month-day of the following year) each kind of unit must publish its annual report."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    government: str = Field("03-31", description="governments and townships (国办公开办函〔2021〕30号: 3月31日)")
    department: str = Field("01-31", description="departments and other bodies (1月31日)")
    # a scheme may date townships and villages apart (武威: departments and townships 1月20日, 县区 2月15日)
    township: str | None = Field(None, description="townships, when not the government date")
    village: str | None = Field(None, description="villages, when not the government date")

    _check = field_validator("government", "department")(_month_day)

    @field_validator("township", "village")
    @classmethod
    def _optional(cls, value: str | None) -> str | None:
        return None if value is None else _month_day(value)

    def for_kind(self, year: int, unit_kind: str) -> date:
        chosen = {"township": self.township, "village": self.village}.get(unit_kind)
        if chosen is None:
            chosen = self.government if unit_kind in ("government", "township") else self.department
        month, day = (int(x) for x in chosen.split("-"))
        return date(year + 1, month, day)


class StaleWindows(BaseModel):
    """How long each column category may go without a new item (国办秘函〔2019〕19号)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    news: str = Field("2w", description="动态要闻")
    notice: str = Field("6m", description="通知公告")
    policy: str = Field("6m", description="政策文件")
    personnel: str = Field("1y", description="人事信息")
    planning: str = Field("1y", description="规划计划")

    _check = field_validator("news", "notice", "policy", "personnel", "planning")(_span)

    def window(self, category: str) -> tuple[relativedelta, str] | None:
        """(length, Chinese label) of a category's window; None for categories without one."""
        value = getattr(self, category, None) if category in type(self).model_fields else None
        if value is None:
            return None
        match = _SPAN.match(value)
        assert match is not None  # validated
        unit, label = _SPAN_UNITS[match.group(2)]
        n = int(match.group(1))
        span = {"days": relativedelta(days=n), "weeks": relativedelta(weeks=n), "months": relativedelta(months=n),
                "years": relativedelta(years=n)}[unit]
        return span, f"{n}{label}"


class CheckRules(BaseModel):
    """The knobs of the checks under one scheme. A check reads them as attributes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    column_stale_windows: StaleWindows = Field(default_factory=StaleWindows,
                                               description="column.stale: window per category (2w, 6m, 1y …)")
    interpretation_late_working_days: int = Field(3, ge=0, description="interpretation.late: working days allowed "
                                                  "between a document and its 解读 (同步发布: 3)")
    interpretation_required_since: date = Field(date(2016, 11, 10), description="interpretation.missing: "
                                                "documents published before this day are not judged (the 解读 "
                                                "rule of 国办发〔2016〕80号 dates from 2016-11-10; portals still "
                                                "list decades-old documents)")
    interpretation_copied_share: float = Field(0.6, gt=0, le=1, description="interpretation.copied: share of the "
                                               "解读's characters inside verbatim spans of the document's full "
                                               "text (page and attachments)")
    interpretation_copied_min_span: int = Field(12, ge=4, description="interpretation.copied: shortest run of "
                                                "characters, identical in the document, that counts as copied")
    annual_report_deadline: ReportDeadlines = Field(default_factory=ReportDeadlines,
                                                    description="annual_report.missing/late: deadlines (MM-DD)")
    annual_report_similarity: float = Field(0.6, gt=0, le=1, description="annual_report.similar: narrative "
                                            "overlap with an earlier report that counts as copied")
    newmedia_stale_days: int = Field(14, ge=1, description="newmedia.stale: days an account may go without a post")
    site_unreachable_window_days: int = Field(7, ge=1, description="site.unreachable: days of probes judged")
    site_unreachable_min_probes_per_day: int = Field(20, ge=1, description="site.unreachable: probes a day needs "
                                                     "before it is judged")
    site_unreachable_max_failed_share: float = Field(0.05, ge=0, le=1, description="site.unreachable: largest "
                                                     "share of failed probes still counted as available")
    site_unreachable_min_hours_per_day: int = Field(8, ge=1, le=24, description="site.unreachable: distinct hours "
                                                    "a day's probes must cover (visits at intervals, not a burst)")
    warning_unreachable_share: float = Field(0.03, ge=0, le=1, description="warning.unreachable: share of failed "
                                             "probes that warns below the veto line")
    warning_stale_columns_key: int = Field(3, ge=1, description="warning.stale_columns: stale 动态/通知公告/政策文件 "
                                           "columns that warn (veto at 5)")
    warning_stale_columns_any: int = Field(8, ge=1, description="warning.stale_columns: stale columns of any kind "
                                           "that warn (veto at 10)")
    warning_blank_columns_count: int = Field(3, ge=1, description="warning.blank_columns: blank columns that warn "
                                             "(veto at 5)")
    warning_home_stale_days: int = Field(10, ge=1, description="warning.home_stale: days without a new item that "
                                         "warn (veto at 14)")
    link_broken_confirm_nights: int = Field(2, ge=1, description="link.broken: nights a link must fail in a row")
