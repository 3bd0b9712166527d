"""A quarter's scores from confirmed events under one scheme: a pure computation, explainable line by line.

Inputs are plain dataclasses (assessment.sheets builds them from the store), so the worked examples of
the source documents can be rebuilt by hand in tests. Order of work per unit: events (with "no double
deduction"), averaged items, late rectification, rank deductions → per-indicator and per-category caps
→ bonus (item caps, then the bonus cap) → ceiling and floor → vetoes → grade → rank → stage weights.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from assessment.schemes import Scheme
from core.names import check_name

CENT = Decimal("0.01")
ZERO = Decimal(0)


def q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    q: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        m = re.fullmatch(r"\s*(\d{4})\s*[Qq]([1-4])\s*", text)
        if not m:
            raise ValueError(f"考核期格式应为 2024Q3：{text}")
        return cls(int(m.group(1)), int(m.group(2)))

    def __str__(self) -> str:
        return f"{self.year}Q{self.q}"

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.q - 2, 1)

    @property
    def end(self) -> date:
        return (date(self.year + 1, 1, 1) if self.q == 4 else date(self.year, 3 * self.q + 1, 1)) - timedelta(days=1)

    def year_so_far(self) -> list[Quarter]:
        return [Quarter(self.year, i) for i in range(1, self.q + 1)]

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.q}季度"


@dataclass(frozen=True, order=True)
class Year:
    """A whole assessment year. Behaves as its fourth quarter with a year-long window: rank deductions
    applied "in Q4" apply, year windows cover every quarter, late rectification is judged at year end."""

    year: int

    @property
    def q(self) -> int:
        return 4

    def __str__(self) -> str:
        return str(self.year)

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 12, 31)

    def year_so_far(self) -> list[Quarter]:
        return [Quarter(self.year, i) for i in range(1, 5)]

    @property
    def label(self) -> str:
        return f"{self.year}年度"


Period = Quarter | Year


def parse_period(text: str) -> Period:
    """2024Q3 or 2024."""
    if text.strip().isdigit() and len(text.strip()) == 4:
        return Year(int(text))
    return Quarter.parse(text)


@dataclass(frozen=True)
class UnitIn:
    slug: str
    name: str
    kind: str
    has_new_media: bool = True
    parent: str | None = None  # the county government this unit belongs to (registry `parent`)


@dataclass(frozen=True)
class EventIn:
    """A confirmed deduction event with what scoring needs of its finding."""

    id: int
    unit: str
    period: str
    check: str
    category: str
    points: Decimal
    subject_key: str
    subject: str = ""
    clause: str = ""
    first_as_of: date | None = None
    rectified_on: date | None = None
    evidence: Mapping[str, object] = field(default_factory=dict)
    column_category: str | None = None  # when the subject is a column: its category (news, notice …)


@dataclass(frozen=True)
class BonusIn:
    unit: str
    item: str
    points: Decimal
    note: str = ""


@dataclass
class Line:
    """One line of a unit's explanation. `points` is what it takes off (or adds, for bonus); `counted`
    False lines are shown but do not change the score (dropped duplicates)."""

    # event | duplicate | average | late | rank | rule_cap | category_cap | bonus | bonus_cap | ceiling | floor | veto | stage
    kind: str
    text: str
    points: Decimal = ZERO
    category: str | None = None
    event_id: int | None = None
    counted: bool = True
    check: str | None = None


@dataclass
class UnitScore:
    unit: UnitIn
    categories: dict[str, Decimal]  # deductions after caps, by category key
    bonus: Decimal
    vetoes: list[str]
    uncapped: Decimal  # before the ceiling; breaks ties where the scheme says so
    total: Decimal
    grade: str | None
    lines: list[Line]
    rank: int = 0
    rank_group: str | None = None  # the name of the group ranked together (汕尾: 县区政府 / 市直部门)
    no_data: bool = False  # a year of quarters none of which has data: no score, never 100
    daily: Decimal | None = None  # the score of the stage scored from events
    stages: dict[str, Decimal | None] = field(default_factory=dict)
    weighted: Decimal | None = None

    @property
    def deducted(self) -> Decimal:
        return sum(self.categories.values(), ZERO)


@dataclass
class Composite:
    """A county's score over its parts (本级 / 部门 / 乡镇 / 村), each the mean of its units."""

    basis: str  # weighted | daily
    parts: list[tuple[str, Decimal, int, Decimal | None]]  # (name, weight, units, mean)
    value: Decimal | None


@dataclass
class CountyComposite:
    county: str  # the county government's slug
    name: str
    composite: Composite


@dataclass
class Sheet:
    scheme: Scheme
    quarter: Period
    units: list[UnitScore]
    composite: Composite | None = None  # the whole registry as one county (no `parent` in the registry)
    counties: list[CountyComposite] = field(default_factory=list)

    def unit(self, slug: str) -> UnitScore:
        return next(u for u in self.units if u.unit.slug == slug)


def _dedupe(scheme: Scheme, events: list[EventIn]) -> tuple[list[EventIn], list[Line]]:
    """"No double deduction": per group and subject, only the highest-point event counts."""
    group_of = {code: i for i, g in enumerate(scheme.no_double_deduction) for code in g.checks}
    best: dict[tuple[int, str], EventIn] = {}
    for e in events:
        g = group_of.get(e.check)
        if g is None:
            continue
        key = (g, e.subject_key)
        if key not in best or (e.points, -e.id) > (best[key].points, -best[key].id):
            best[key] = e
    kept, dropped = [], []
    for e in events:
        g = group_of.get(e.check)
        winner = best.get((g, e.subject_key)) if g is not None else None
        if g is None or winner is None or winner is e:
            kept.append(e)
        else:
            dropped.append(Line("duplicate", f"不重复扣分：{check_name(e.check)}「{e.subject}」与事项 {winner.id} 为同一对象"
                                f"（{scheme.no_double_deduction[g].name}）", e.points, e.category, e.id, counted=False))
    return kept, dropped


def _event_line(e: EventIn) -> Line:
    return Line("event", f"{check_name(e.check)}「{e.subject}」{e.clause}", e.points, e.category, e.id, check=e.check)


def _late_lines(scheme: Scheme, events: list[EventIn], as_of: date) -> list[Line]:
    rect = scheme.rectification
    if rect is None:
        return []
    out = []
    for e in events:
        if e.check not in rect.checks or e.first_as_of is None:
            continue
        deadline = e.first_as_of + timedelta(days=rect.deadline_days)
        done = e.rectified_on
        if (done is not None and done > deadline) or (done is None and as_of > deadline):
            when = f"{done:%Y-%m-%d} 才整改" if done else f"截至 {as_of:%Y-%m-%d} 未整改"
            out.append(Line("late", f"整改不及时：{check_name(e.check)}「{e.subject}」{e.first_as_of:%Y-%m-%d} 发现，"
                                    f"期限 {deadline:%Y-%m-%d}，{when}；{rect.clause}", rect.points, rect.category, e.id))
    return out


def _rank_lines(scheme: Scheme, quarter: Period, units: Sequence[UnitIn], events: Sequence[EventIn],
                year_events: Sequence[EventIn]) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = defaultdict(list)
    for rank in scheme.rank_deductions:
        if quarter.q not in rank.quarters:
            continue
        pool = year_events if rank.window == "year" else events
        counts: dict[str, int] = defaultdict(int)
        for e in pool:
            if e.check in rank.checks:
                counts[e.unit] += 1
        ordered = sorted((u.slug for u in units if counts[u.slug] > 0), key=lambda s: (-counts[s], s))
        position = 0
        for i, slug in enumerate(ordered):
            if rank.ties == "none" or i == 0 or counts[slug] != counts[ordered[i - 1]]:
                position = i
            if position >= len(rank.points):
                break
            window = f"{quarter.year} 年截至 {quarter}" if rank.window == "year" else str(quarter)
            out[slug].append(Line("rank", f"{rank.name}：{window} 共 {counts[slug]} 次，排名第 {position + 1}；{rank.clause}",
                                  rank.points[position], rank.category))
    return out


def _average_lines(scheme: Scheme, units: Sequence[UnitIn], kept: Mapping[str, list[EventIn]]) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = defaultdict(list)
    for item in scheme.averaged_items:
        category = scheme.deductions[item.checks[0]].category
        assessed = [u for u in units if u.has_new_media]
        missing = [u for u in units if not u.has_new_media]
        if not missing or not assessed:  # nobody to take an average from
            continue
        sums = [sum((e.points for e in kept.get(u.slug, []) if e.check in item.checks), ZERO) for u in assessed]
        mean = q2(sum(sums, ZERO) / len(sums)) if sums else ZERO
        for u in missing:
            out[u.slug].append(Line("average", f"{item.name}：本单位无此项，按 {len(sums)} 个考核单位该项平均扣分计",
                                    mean, category))
    return out


def _capped(scheme: Scheme, lines: list[Line]) -> tuple[dict[str, Decimal], list[Line]]:
    """Per-indicator caps, then per-category caps; returns the subtotals and the cap lines."""
    extra: list[Line] = []
    by_rule: dict[str, Decimal] = defaultdict(lambda: ZERO)
    raw: dict[str, Decimal] = {c.key: ZERO for c in scheme.categories}
    for line in lines:
        if not line.counted or line.category is None:
            continue
        raw[line.category] = raw.get(line.category, ZERO) + line.points
        if line.kind == "event" and line.check:
            by_rule[line.check] += line.points
    for code, total in by_rule.items():
        if code not in scheme.deductions:  # proposed under an older version of the scheme
            continue
        cap = scheme.deductions[code].cap
        if cap is not None and total > cap:
            category = scheme.deductions[code].category
            raw[category] -= total - cap
            extra.append(Line("rule_cap", f"{code} 扣分 {total} 分，超过该指标分值 {cap} 分，按 {cap} 分计",
                              -(total - cap), category))
    for c in scheme.categories:
        if c.cap is not None and raw[c.key] > c.cap:
            extra.append(Line("category_cap", f"{c.name} 扣分 {raw[c.key]} 分，超过扣分上限 {c.cap} 分，按 {c.cap} 分计",
                              -(raw[c.key] - c.cap), c.key))
            raw[c.key] = c.cap
    return raw, extra


def _bonus(scheme: Scheme, bonuses: Sequence[BonusIn]) -> tuple[Decimal, list[Line]]:
    lines = []
    per_item: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for b in bonuses:
        item = scheme.bonus_item(b.item)
        name = item.name if item else b.item
        lines.append(Line("bonus", f"加分：{name}（{b.note}）" if b.note else f"加分：{name}", b.points))
        per_item[b.item] += b.points
    total = ZERO
    for key, points in per_item.items():
        item = scheme.bonus_item(key)
        if item and item.cap is not None and points > item.cap:
            lines.append(Line("bonus_cap", f"{item.name} 加分 {points} 分，超过该项上限 {item.cap} 分，按 {item.cap} 分计",
                              -(points - item.cap)))
            points = item.cap
        total += points
    if total > scheme.bonus_cap:
        lines.append(Line("bonus_cap", f"加分合计 {total} 分，超过加分上限 {scheme.bonus_cap} 分，按 {scheme.bonus_cap} 分计",
                          -(total - scheme.bonus_cap)))
        total = scheme.bonus_cap
    return total, lines


def _vetoes(scheme: Scheme, events: Sequence[EventIn], year_events: Sequence[EventIn]) -> list[tuple[str, Line]]:
    """The vetoes one unit's events (of the quarter, of the year so far) trigger."""
    out = []
    for veto in scheme.vetoes:
        pool = year_events if veto.window == "year" else events
        subjects = set()
        for e in pool:
            if e.check not in veto.checks:
                continue
            if veto.column_categories and e.column_category not in veto.column_categories:
                continue
            if veto.min_share is not None:
                share = e.evidence.get("share")
                if share is None or Decimal(str(share)) < veto.min_share:
                    continue
            subjects.add((e.check, e.subject_key))
        if len(subjects) >= veto.min_count:
            what = f"{len(subjects)} 项（≥{veto.min_count}）" if veto.min_count > 1 else f"{len(subjects)} 项"
            out.append((veto.name, Line("veto", f"单项否决：{veto.name}，{what}；{veto.clause}")))
    return out


def _assign_ranks(scheme: Scheme, scores: list[UnitScore]) -> None:
    """Ranks within each rank group (one group when the scheme names none); a vetoed unit ranks last,
    a unit without data is not ranked."""
    def key(s: UnitScore) -> tuple:
        tie = -s.uncapped if scheme.rank_ties == "uncapped_total" else ZERO
        return (bool(s.vetoes), -s.total, tie)

    groups: dict[str | None, list[UnitScore]] = defaultdict(list)
    for s in scores:
        group = scheme.rank_group(s.unit.kind)
        s.rank_group = group.name if group else None
        if s.no_data:
            s.rank = 0
            continue
        groups[s.rank_group].append(s)
    for members in groups.values():
        ordered = sorted(members, key=lambda s: (key(s), s.unit.slug))
        for i, s in enumerate(ordered):
            s.rank = ordered[i - 1].rank if i and key(s) == key(ordered[i - 1]) else i + 1


def compute_sheet(
    scheme: Scheme,
    quarter: Period,
    units: Sequence[UnitIn],
    events: Sequence[EventIn],
    *,
    year_events: Sequence[EventIn] | None = None,
    bonuses: Sequence[BonusIn] = (),
    as_of: date | None = None,
    stage_scores: Mapping[tuple[str, str], Decimal] | None = None,
    daily_scores: Mapping[str, Decimal] | None = None,
) -> Sheet:
    """Score every unit for `quarter`.

    `events` are the quarter's confirmed events; `year_events` every confirmed event of the year up to
    and including the quarter (for year windows; defaults to `events`); `as_of` judges late rectification
    (default: the quarter's last day); `stage_scores` maps (unit, stage key) to imported scores;
    `daily_scores` overrides the events stage's score (the year's mean of quarters, say).
    """
    as_of = as_of or quarter.end
    year_events = list(year_events) if year_events is not None else list(events)
    by_unit: dict[str, list[EventIn]] = defaultdict(list)
    for e in events:
        by_unit[e.unit].append(e)
    year_by_unit: dict[str, list[EventIn]] = defaultdict(list)
    for e in year_events:
        year_by_unit[e.unit].append(e)
    kept: dict[str, list[EventIn]] = {}
    dropped: dict[str, list[Line]] = {}
    for u in units:
        kept[u.slug], dropped[u.slug] = _dedupe(scheme, sorted(by_unit.get(u.slug, []), key=lambda e: e.id))
    averages = _average_lines(scheme, units, kept)
    ranks = _rank_lines(scheme, quarter, units, events, year_events)
    bonus_by_unit: dict[str, list[BonusIn]] = defaultdict(list)
    for b in bonuses:
        bonus_by_unit[b.unit].append(b)

    scores = []
    for u in units:
        lines = [_event_line(e) for e in kept[u.slug]] + dropped[u.slug] + averages.get(u.slug, [])
        lines += _late_lines(scheme, kept[u.slug], as_of) + ranks.get(u.slug, [])
        categories, cap_lines = _capped(scheme, lines)
        lines += cap_lines
        bonus, bonus_lines = _bonus(scheme, bonus_by_unit.get(u.slug, []))
        lines += bonus_lines
        uncapped = scheme.total_cap - sum(categories.values(), ZERO) + bonus
        total = uncapped
        if total > scheme.total_cap:
            lines.append(Line("ceiling", f"得分 {total} 分超过 {scheme.total_cap} 分，按 {scheme.total_cap} 分计",
                              total - scheme.total_cap))
            total = scheme.total_cap
        if total < scheme.total_floor:
            lines.append(Line("floor", f"得分 {total} 分低于 {scheme.total_floor} 分，按 {scheme.total_floor} 分计"))
            total = scheme.total_floor
        hits = _vetoes(scheme, by_unit.get(u.slug, []), year_by_unit.get(u.slug, []))
        lines += [line for _, line in hits]
        if hits and scheme.veto_total == "zero":
            lines.append(Line("veto", f"触发单项否决，得分按 {scheme.total_floor} 分计", total - scheme.total_floor))
            total = scheme.total_floor
        scores.append(UnitScore(u, categories, bonus, [name for name, _ in hits], uncapped, total,
                                scheme.grade_of(total, bool(hits)), lines))
    _assign_ranks(scheme, scores)
    if scheme.stages:
        _weigh_stages(scheme, scores, stage_scores or {}, daily_scores or {})
    sheet = Sheet(scheme, quarter, scores)
    compose_counties(sheet)
    return sheet


def compose_counties(sheet: Sheet) -> None:
    """The scheme's county composite: per county (a government and the units naming it as `parent`)
    when the registry groups units, else over the whole registry."""
    scheme, scores = sheet.scheme, [s for s in sheet.units if not s.no_data]
    if not scheme.county_parts or not scores:
        return
    parents = {s.unit.parent for s in scores if s.unit.parent}
    if not parents:
        sheet.composite = _composite(scheme, scores)
        return
    for county in sorted(parents):
        members = [s for s in scores if s.unit.slug == county or s.unit.parent == county]
        head = next((s for s in members if s.unit.slug == county), None)
        sheet.counties.append(CountyComposite(county, head.unit.name if head else county, _composite(scheme, members)))


def _weigh_stages(scheme: Scheme, scores: list[UnitScore], imported: Mapping[tuple[str, str], Decimal],
                  daily: Mapping[str, Decimal]) -> None:
    for s in scores:
        s.daily = daily.get(s.unit.slug, s.total)
        weighted = ZERO
        complete = True
        for stage in scheme.stages:
            value = s.daily if stage.source == "events" else imported.get((s.unit.slug, stage.key))
            s.stages[stage.key] = value
            if value is None:
                complete = False
                s.lines.append(Line("stage", f"{stage.name}（权重 {stage.weight}%）：尚未导入", counted=False))
                continue
            part = value * stage.weight / 100
            weighted += part
            s.lines.append(Line("stage", f"{stage.name}（权重 {stage.weight}%）：{value} 分 × {stage.weight}% = {q2(part)} 分",
                                counted=False))
        s.weighted = q2(weighted) if complete else None


def year_of_quarters(scheme: Scheme, year: Year, units: Sequence[UnitIn], quarters: Mapping[Quarter, Sheet],
                     has_data: Mapping[str, set[Quarter]],
                     stage_scores: Mapping[tuple[str, str], Decimal] | None = None) -> Sheet:
    """A year of a quarterly scheme (武威, 宿州: 日常考评按季度): each unit's score is the mean of its quarters
    that have data; a quarter without data is left out ("no data", never 100)."""
    scores = []
    for u in units:
        lines: list[Line] = []
        totals, vetoes = [], []
        categories: dict[str, Decimal] = {c.key: ZERO for c in scheme.categories}
        bonus = ZERO
        for q, sheet in sorted(quarters.items()):
            if q not in has_data.get(u.slug, set()):
                lines.append(Line("quarter", f"{q.label}：无数据，不计入平均", counted=False))
                continue
            qs = sheet.unit(u.slug)
            totals.append(qs.total)
            vetoes += [v for v in qs.vetoes if v not in vetoes]
            bonus += qs.bonus
            for key, value in qs.categories.items():
                categories[key] = categories.get(key, ZERO) + value
            lines.append(Line("quarter", f"{q.label}：{qs.total} 分", counted=False))
        n = len(totals)
        if n:
            categories = {k: q2(v / n) for k, v in categories.items()}
            total = q2(sum(totals, ZERO) / n)
            lines.append(Line("quarter", f"全年得分取 {n} 个有数据季度的平均值：{total} 分", counted=False))
            scores.append(UnitScore(u, categories, q2(bonus / n), vetoes, total, total,
                                    scheme.grade_of(total, bool(vetoes)), lines))
        else:
            lines.append(Line("quarter", "全年无数据，不计分", counted=False))
            scores.append(UnitScore(u, categories, ZERO, [], ZERO, ZERO, None, lines, no_data=True))
    _assign_ranks(scheme, scores)
    if scheme.stages:
        _weigh_stages(scheme, [s for s in scores if not s.no_data], stage_scores or {}, {})
    sheet = Sheet(scheme, year, scores)
    compose_counties(sheet)
    return sheet


def _composite(scheme: Scheme, scores: list[UnitScore]) -> Composite:
    basis = "weighted" if scheme.stages and all(s.weighted is not None for s in scores) else "daily"
    parts = []
    num, den = ZERO, ZERO
    for part in scheme.county_parts:
        picked = [(s.weighted if basis == "weighted" else s.total) for s in scores if s.unit.kind in part.kinds]
        values = [v for v in picked if v is not None]
        mean = q2(sum(values, ZERO) / len(values)) if values else None
        parts.append((part.name, part.weight, len(values), mean))
        if mean is not None:  # a part with no units drops out; the others' weights are renormalised
            num += part.weight * mean
            den += part.weight
    return Composite(basis, parts, q2(num / den) if den else None)
