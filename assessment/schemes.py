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
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from checks.knobs import CheckRules
from core.names import CATEGORY_NAMES
from core.sourcefile import SourceFileError, load_model
from core.vocab import CheckCode, UnitKind

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


class Category(_Strict):
    key: str
    name: str
    cap: Decimal | None = None  # deductions in this category stop at the cap


class DeductionRule(_Strict):
    """How one check code is deducted: points by the level of the office that found it."""

    category: str
    clause: str  # the indicator clause of the source document, quoted for the score sheet
    points: dict[Level, Decimal] = Field(min_length=1)
    # a range "扣5分以上10分以下": the proposal uses `points`, an inspector may confirm up to points_max
    points_max: Decimal | None = None
    cap: Decimal | None = None  # this indicator's own cap inside its category (指标分值)


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
    points: list[Decimal] = Field(min_length=1)
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
    points: Decimal
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
    points: Decimal  # per award
    cap: Decimal | None = None  # this item's own ceiling


class Grade(_Strict):
    name: str
    min: Decimal  # the band is [min, next band's min)


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
    categories: list[Category]
    bonus_cap: Decimal = Decimal(0)
    total_cap: Decimal = Decimal(100)
    total_floor: Decimal = Decimal(0)
    deductions: dict[str, DeductionRule]
    # knobs of the checks themselves (e.g. interpretation.late's working-day limit): checks.knobs
    check_settings: CheckRules = CheckRules()
    bonus_items: list[BonusItem] = []
    vetoes: list[Veto] = []
    veto_total: Literal["keep", "zero"] = "keep"  # a vetoed unit keeps its computed total, or gets 0
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
    notes: dict[str, str] = {}  # every choice the source document left open, in words

    # Cross-references are checked per field (fields are validated in order, so `info.data` holds the
    # earlier ones): an error then points at the line of the field, not at the top of the file.
    @field_validator("deductions")
    @classmethod
    def _deductions(cls, value: dict[str, DeductionRule], info: ValidationInfo) -> dict[str, DeductionRule]:
        for code, rule in value.items():
            if code not in SPEC_CODES:
                raise ValueError(f"未知的检查代码 “{code}”")
            _known_category(info, rule.category, f"“{code}”")
            if rule.points_max is not None and rule.points_max < max(rule.points.values()):
                raise ValueError(f"“{code}” 的 points_max 小于 points")
        return value

    @field_validator("bonus_items", "vetoes", "stages", "county_parts", "averaged_items")
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

    def category(self, key: str) -> Category:
        return next(c for c in self.categories if c.key == key)

    def grade_of(self, total: Decimal, vetoed: bool) -> str | None:
        if not self.grades:
            return None
        if vetoed:
            return self.grades[-1].name
        return next(g.name for g in self.grades if total >= g.min)

    def bonus_item(self, key: str) -> BonusItem | None:
        return next((b for b in self.bonus_items if b.key == key), None)

    def stage(self, key_or_name: str) -> Stage | None:
        return next((s for s in self.stages if key_or_name in (s.key, s.name)), None)


def scheme_names(directory: Path = SCHEME_DIR) -> set[str]:
    return {p.stem for p in directory.glob("*.yaml")}


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
