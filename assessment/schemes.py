"""Deduction schemes: YAML data files under assessment/schemes/, validated with line-numbered errors."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checks.registry import SPEC_CODES
from zwgk.sourcefile import SourceFileError, load_model

SCHEME_DIR = Path(__file__).resolve().parent / "schemes"
Level = Literal["province", "city", "county"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Category(_Strict):
    key: str
    name: str
    cap: Decimal | None = None  # deductions in this category stop at the cap


class DeductionRule(_Strict):
    """How one check code is deducted: points by the level of the office that found it."""

    category: str
    clause: str  # the indicator clause of the source document, quoted for the score sheet
    points: dict[Level, Decimal] = Field(min_length=1)


class Scheme(_Strict):
    name: str
    title: str
    source: str
    categories: list[Category]
    bonus_cap: Decimal = Decimal(0)
    total_cap: Decimal = Decimal(100)
    deductions: dict[str, DeductionRule]
    # knobs of the checks themselves (e.g. interpretation.late's working-day limit), passed as CheckRules
    check_settings: dict[str, Any] = {}

    @model_validator(mode="after")
    def _consistent(self) -> Scheme:
        keys = {c.key for c in self.categories}
        for code, rule in self.deductions.items():
            if code not in SPEC_CODES:
                raise ValueError(f"未知的检查代码 “{code}”")
            if rule.category not in keys:
                raise ValueError(f"“{code}” 的类别 “{rule.category}” 未在 categories 中定义")
        return self

    def points_for(self, code: str, level: str) -> tuple[DeductionRule, Decimal] | None:
        rule = self.deductions.get(code)
        if rule is None:
            return None
        points = rule.points.get(level)  # type: ignore[call-overload]
        if points is None:  # the scheme names no value for this office: take the smallest it names
            points = min(rule.points.values())
        return rule, points


def scheme_names(directory: Path = SCHEME_DIR) -> set[str]:
    return {p.stem for p in directory.glob("*.yaml")}


@cache
def load_scheme(name: str, directory: Path = SCHEME_DIR) -> Scheme:
    path = directory / f"{name}.yaml"
    if not path.exists():
        raise SourceFileError(str(path), [(None, f"考核方案 “{name}” 不存在，可选：{', '.join(sorted(scheme_names(directory)))}")])
    scheme, _ = load_model(Scheme, path)
    if scheme.name != name:
        raise SourceFileError(str(path), [(1, f"name “{scheme.name}” 与文件名 “{name}” 不一致")])
    return scheme
