"""Deduction schemes: YAML data files under assessment/schemes/, validated with line-numbered errors.

A scheme says how confirmed deduction events become a unit's quarterly score: points per check code and
level of the office that found it, category caps, bonus items and their cap, the 100-point ceiling,
vetoes (single and count-threshold), rank-based deductions, "no double deduction" groups, late
rectification, grade bands, stage weights and how a county's parts combine. Every choice a source
document leaves open is a named key here, so that ops can read and change it.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from checks.knobs import CheckRules
from core.names import CATEGORY_NAMES
from core.sourcefile import SourceFileError, load_model
from core.vocab import NEVER_PRICED, CheckCode, UnitKind

SCHEME_DIR = Path(__file__).resolve().parent / "schemes"
Level = Literal["province", "city", "county"]
UNIT_KINDS = tuple(UnitKind)
SPEC_CODES = tuple(CheckCode)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _known_category(info: ValidationInfo, key: str, where: str) -> None:
    if key not in {c.key for c in info.data.get("categories") or []}:
        raise ValueError(f"{where} 的类别 “{key}” 未在 categories 中定义")


def _known_codes(codes: list[str], what: str) -> None:
    for code in codes:
        if code not in SPEC_CODES:
            raise ValueError(f"{what}：未知的检查代码 “{code}”")


# points, caps and bonus are never negative: a negative cap would turn every deduction into a score of 0
NonNegative = Annotated[Decimal, Field(ge=0)]


class Category(_Strict):
    key: str
    name: str
    cap: NonNegative | None = None  # deductions in this category stop at the cap


# How a persisting problem counts (SPEC "Deductions"): once per finding (a problem seen again after it
# was rectified is a new finding), once per assessment period while it stays open, or once per report
# and report-year (two URLs or a re-post of one year's annual report are one subject).
Counting = Literal["finding", "period", "report_year"]
DEFAULT_COUNTING: dict[str, Counting] = {
    "column.stale": "period", "column.blank": "period", "newmedia.stale": "period", "site.unreachable": "period",
    "annual_report.missing": "report_year", "annual_report.late": "report_year",
    "annual_report.format": "report_year", "annual_report.similar": "report_year",
    "annual_report.inconsistent": "report_year",
}
COUNTING_NAMES = {"finding": "每个问题只扣一次", "period": "问题持续存在时每个考核期扣一次",
                  "report_year": "每个年度的年报只扣一次"}


class Escalation(_Strict):
    """A heavier clause an inspector may apply on confirming, for problems notified by a higher office
    or of wide impact (金昌 第十四条): the ordinary item is proposed, the inspector escalates."""

    category: str
    clause: str
    points: Decimal
    points_max: Decimal | None = None


class DeductionRule(_Strict):
    """How one check code is deducted: points by the level of the office that found it."""

    category: str
    clause: str  # the indicator clause of the source document, quoted for the score sheet
    points: dict[Level, NonNegative] = Field(min_length=1)
    # a range "扣5分以上10分以下": the proposal uses `points`, an inspector may confirm up to points_max
    points_max: NonNegative | None = None
    cap: NonNegative | None = None  # this indicator's own cap inside its category (指标分值)
    counting: Counting | None = None  # None: DEFAULT_COUNTING of the check code, else "finding"
    escalation: Escalation | None = None


class Veto(_Strict):
    """A single-veto item (单项否决): forces the lowest grade.

    Hit when the unit's confirmed events of `checks` in the window name at least `min_count` distinct
    subjects; with `min_share`, only events whose finding's evidence["share"] reaches it count.
    """

    key: str
    name: str
    clause: str
    checks: list[str] = Field(min_length=1)
    min_count: int = Field(1, ge=1)
    min_share: Decimal | None = None
    # only subjects that are columns of these categories (news, notice, policy …); empty: any subject
    column_categories: list[str] = []
    window: Literal["quarter", "year"] = "quarter"

    @model_validator(mode="after")
    def _codes(self) -> Veto:
        _known_codes(self.checks, f"否决项 {self.key}")
        for category in self.column_categories:
            if category not in CATEGORY_NAMES:
                raise ValueError(f"否决项 {self.key}：栏目类别 “{category}” 无效，应为 {', '.join(CATEGORY_NAMES)}")
        return self


class RankDeduction(_Strict):
    """Units with the most confirmed events of `checks` lose points[0], points[1], … (seed 004)."""

    key: str
    name: str
    category: str
    clause: str
    checks: list[str] = Field(min_length=1)
    points: list[NonNegative] = Field(min_length=1)
    window: Literal["quarter", "year"] = "year"  # year: every quarter of the year up to this one
    quarters: list[Literal[1, 2, 3, 4]] = [4]  # the score sheets the ranking is applied to
    ties: Literal["shared", "none"] = "shared"  # shared: tied units all take the higher position's points

    @model_validator(mode="after")
    def _codes(self) -> RankDeduction:
        _known_codes(self.checks, f"排名扣分 {self.key}")
        return self


class DoubleDeduction(_Strict):
    """Events of these checks on the same subject (column, document) count once, at the highest points."""

    name: str
    checks: list[str] = Field(min_length=2)

    @model_validator(mode="after")
    def _codes(self) -> DoubleDeduction:
        _known_codes(self.checks, f"不重复扣分 {self.name}")
        return self


class Rectification(_Strict):
    """A confirmed problem not rectified within `deadline_days` of being found costs `points` more."""

    deadline_days: int = Field(ge=1)
    points: NonNegative
    category: str
    clause: str
    checks: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _codes(self) -> Rectification:
        _known_codes(self.checks, "整改时限")
        return self


class AveragedItem(_Strict):
    """An item scored at the average of the other units when the unit has nothing to assess (seed 004)."""

    key: str
    name: str
    checks: list[str] = Field(min_length=1)
    when: Literal["no_new_media"]

    @model_validator(mode="after")
    def _codes(self) -> AveragedItem:
        _known_codes(self.checks, f"取平均分项 {self.key}")
        return self


class BonusItem(_Strict):
    key: str
    name: str
    clause: str
    points: NonNegative  # per award
    cap: NonNegative | None = None  # this item's own ceiling


class Grade(_Strict):
    name: str
    min: Decimal  # the band is [min, next band's min)


class RankGroup(_Strict):
    """Units ranked among themselves (汕尾: county governments and city departments separately)."""

    key: str
    name: str
    kinds: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _kinds(self) -> RankGroup:
        for kind in self.kinds:
            if kind not in UNIT_KINDS:
                raise ValueError(f"单位类型 “{kind}” 无效，应为 {', '.join(UNIT_KINDS)}")
        return self


class Stage(_Strict):
    """An assessment stage (环节). `source: events` is the one this tool scores; others are imported."""

    key: str
    name: str
    weight: Decimal = Field(gt=0)
    source: Literal["events", "import"]


class CountyPart(_Strict):
    """A part of a county's composite score, over the registry's units of these kinds."""

    key: str
    name: str
    weight: Decimal = Field(gt=0)
    kinds: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _kinds(self) -> CountyPart:
        for kind in self.kinds:
            if kind not in UNIT_KINDS:
                raise ValueError(f"单位类型 “{kind}” 无效，应为 {', '.join(UNIT_KINDS)}")
        return self


class Scheme(_Strict):
    name: str
    title: str
    source: str
    # the assessment period: a problem counted "once per period" is counted once per quarter or per year
    period: Literal["quarter", "year"] = "quarter"
    categories: list[Category]
    bonus_cap: NonNegative = Decimal(0)
    total_cap: NonNegative = Decimal(100)
    total_floor: Decimal = Decimal(0)
    deductions: dict[str, DeductionRule]
    # knobs of the checks themselves (e.g. interpretation.late's working-day limit): checks.knobs
    check_settings: CheckRules = CheckRules()
    bonus_items: list[BonusItem] = []
    vetoes: list[Veto] = []
    veto_total: Literal["keep", "zero"] = "keep"  # a vetoed unit keeps its computed total, or gets 0
    # the grade a veto sets when the scheme has no grade bands (a vetoed unit also ranks last)
    veto_grade: str = "一票否决（排名末位）"
    rank_deductions: list[RankDeduction] = []
    no_double_deduction: list[DoubleDeduction] = []
    rectification: Rectification | None = None
    averaged_items: list[AveragedItem] = []
    grades: list[Grade] = []
    rank_ties: Literal["shared", "uncapped_total"] = "shared"
    appeal_window_days: int = Field(7, ge=0)
    stages: list[Stage] = []
    daily_stage: Literal["quarter", "year_mean"] = "quarter"
    county_parts: list[CountyPart] = []
    rank_groups: list[RankGroup] = []  # empty: one ranking of every unit
    # the point values are the scheme's own placeholders (the seed's annex with the values is not public)
    placeholder_points: str | None = None
    notes: dict[str, str] = {}  # every choice the source document left open, in words

    # Cross-references are checked per field (fields are validated in order, so `info.data` holds the
    # earlier ones): an error then points at the line of the field, not at the top of the file.
    @field_validator("deductions")
    @classmethod
    def _deductions(cls, value: dict[str, DeductionRule], info: ValidationInfo) -> dict[str, DeductionRule]:
        for code, rule in value.items():
            if code not in SPEC_CODES:
                raise ValueError(f"未知的检查代码 “{code}”")
            if code in NEVER_PRICED:
                raise ValueError(f"“{code}” 是预警或拦截记录，不能扣分")
            _known_category(info, rule.category, f"“{code}”")
            if rule.points_max is not None and rule.points_max < max(rule.points.values()):
                raise ValueError(f"“{code}” 的 points_max 小于 points")
            if rule.escalation is not None:
                _known_category(info, rule.escalation.category, f"“{code}” 的 escalation")
        return value

    @field_validator("bonus_items", "vetoes", "stages", "county_parts", "averaged_items", "rank_groups")
    @classmethod
    def _unique_keys(cls, value: list[Any], info: ValidationInfo) -> list[Any]:
        keys = [item.key for item in value]
        if len(keys) != len(set(keys)):
            raise ValueError(f"{info.field_name} 中有重复的 key")
        return value

    @field_validator("rank_deductions")
    @classmethod
    def _ranks(cls, value: list[RankDeduction], info: ValidationInfo) -> list[RankDeduction]:
        for rank in value:
            _known_category(info, rank.category, f"排名扣分 {rank.key}")
        return cls._unique_keys(value, info)

    @field_validator("rectification")
    @classmethod
    def _rectification(cls, value: Rectification | None, info: ValidationInfo) -> Rectification | None:
        if value is not None:
            _known_category(info, value.category, "整改时限")
        return value

    @field_validator("averaged_items")
    @classmethod
    def _averaged(cls, value: list[AveragedItem], info: ValidationInfo) -> list[AveragedItem]:
        deductions = info.data.get("deductions") or {}
        for item in value:
            for code in item.checks:
                if code not in deductions:
                    raise ValueError(f"取平均分项 {item.key} 的检查代码 “{code}” 未在 deductions 中定义")
        return value

    @field_validator("grades")
    @classmethod
    def _grades(cls, value: list[Grade], info: ValidationInfo) -> list[Grade]:
        mins = [g.min for g in value]
        if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
            raise ValueError("grades 须按分数线从高到低排列且不重复")
        floor = info.data.get("total_floor", Decimal(0))
        if mins and mins[-1] != floor:
            raise ValueError(f"最低等次的分数线应为 {floor}")
        return value

    @field_validator("stages")
    @classmethod
    def _stages(cls, value: list[Stage]) -> list[Stage]:
        if value:
            if sum(s.weight for s in value) != 100:
                raise ValueError("stages 的权重之和应为 100")
            if [s.source for s in value].count("events") != 1:
                raise ValueError("stages 中应恰好有一个 source: events 的环节（日常考评）")
        return value

    def points_for(self, code: str, level: str) -> tuple[DeductionRule, Decimal] | None:
        rule = self.deductions.get(code)
        if rule is None:
            return None
        points = rule.points.get(level)  # type: ignore[call-overload]
        if points is None:  # the scheme names no value for this office: take the smallest it names
            points = min(rule.points.values())
        return rule, points

    def counting(self, code: str) -> Counting:
        rule = self.deductions.get(code)
        return (rule.counting if rule and rule.counting else None) or DEFAULT_COUNTING.get(code, "finding")

    def category(self, key: str) -> Category:
        return next(c for c in self.categories if c.key == key)

    def grade_of(self, total: Decimal, vetoed: bool) -> str | None:
        if not self.grades:
            return self.veto_grade if vetoed else None
        if vetoed:
            return self.grades[-1].name
        return next(g.name for g in self.grades if total >= g.min)

    def rank_group(self, kind: str) -> RankGroup | None:
        return next((g for g in self.rank_groups if kind in g.kinds), None)

    def bonus_item(self, key: str) -> BonusItem | None:
        return next((b for b in self.bonus_items if b.key == key), None)

    def stage(self, key_or_name: str) -> Stage | None:
        return next((s for s in self.stages if key_or_name in (s.key, s.name)), None)


def scheme_names(directory: Path = SCHEME_DIR) -> set[str]:
    return {p.stem for p in directory.glob("*.yaml")}


def check_scheme_file(path: Path | str) -> Scheme:
    """`zwgk schemes check FILE`: a scheme file validated the way `zwgk check` will load it (types,
    ranges, non-negative points and caps, known check codes and categories); SourceFileError if not."""
    path = Path(path)
    scheme, _ = load_model(Scheme, path)
    if path.suffix in (".yaml", ".yml") and scheme.name != path.stem:
        raise SourceFileError(str(path), [(1, f"name “{scheme.name}” 与文件名 “{path.stem}” 不一致")])
    return scheme


@cache
def load_scheme(name: str, directory: Path = SCHEME_DIR) -> Scheme:
    path = directory / f"{name}.yaml"
    if not path.exists():
        choices = "、".join(sorted(scheme_names(directory)))
        raise SourceFileError(str(path), [(None, f"考核方案 “{name}” 不存在，可选：{choices}")])
    scheme, _ = load_model(Scheme, path)
    if scheme.name != name:
        raise SourceFileError(str(path), [(1, f"name “{scheme.name}” 与文件名 “{name}” 不一致")])
    return scheme
