"""`site.unreachable` and `link.broken`: both judged on repeated observations, never on one bad night.

A site that blocks us (403, WAF page) is not down for its citizens: blocked probes are neither
failures nor successes here, and a link target that blocks us is not broken. Thresholds are scheme
settings (CheckRules) with the defaults below.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from checks.base import AuditData, CheckRules, LinkState, Observation, ProbeState
from checks.registry import check
from core.names import display
from core.urls import readable
from core.vocab import FailureKind

# our problem, not the site's; egress: a target we refused to fetch (file:, an intranet address) was not observed
NOT_EVIDENCE = {FailureKind.BLOCKED, FailureKind.ROBOTS, FailureKind.IGNORED, FailureKind.RATE_LIMITED,
                FailureKind.EGRESS}


LOCAL = ZoneInfo("Asia/Shanghai")  # probe days are the assessing office's days


@dataclass(frozen=True)
class Week:
    """One unit's probes of the 19号 window (7 days up to the as-of day), and whether the week is full:
    every day at least `per_day` probes spread over at least `min_hours` distinct hours."""

    probes: list[ProbeState]
    full_days: int
    days: int

    @property
    def full(self) -> bool:
        return self.full_days == self.days

    @property
    def judged(self) -> list[ProbeState]:
        return [p for p in self.probes if p.error_kind not in NOT_EVIDENCE]

    @property
    def blocked(self) -> list[ProbeState]:
        return [p for p in self.probes if p.error_kind == FailureKind.BLOCKED]


def _weeks(data: AuditData, as_of: date, rules: CheckRules) -> dict[str, Week]:
    days = rules.site_unreachable_window_days
    per_day = rules.site_unreachable_min_probes_per_day
    min_hours = rules.site_unreachable_min_hours_per_day
    start = as_of - timedelta(days=days - 1)
    by_unit: dict[str, list[ProbeState]] = defaultdict(list)
    for probe in data.probes:
        if start <= probe.at.astimezone(LOCAL).date() <= as_of:
            by_unit[probe.unit].append(probe)
    out = {}
    for unit, probes in by_unit.items():
        per: dict[date, list[ProbeState]] = defaultdict(list)
        for p in probes:
            per[p.at.astimezone(LOCAL).date()].append(p)
        full = sum(1 for ps in per.values()
                   if len(ps) >= per_day and len({p.at.astimezone(LOCAL).hour for p in ps}) >= min_hours)
        out[unit] = Week(sorted(probes, key=lambda p: p.at), full, days)
    return out


def _newest_day(data: AuditData) -> date | None:
    return max((p.at.astimezone(LOCAL).date() for p in data.probes), default=None)


def judged_weeks(data: AuditData) -> set[tuple[str, str]]:
    # Only a full week judges a site: an open finding stays open while the probes are too few to say.
    # (The scope has no as-of date; the newest probe's day stands for it, as the loader cuts at as-of.)
    newest = _newest_day(data)
    if newest is None:
        return set()
    return {(unit, "site") for unit, week in _weeks(data, newest, CheckRules()).items() if week.full}


def _share_text(probes: list[ProbeState], failed: list[ProbeState]) -> tuple[float, str]:
    kinds = Counter(p.error_kind or "other" for p in failed)
    return len(failed) / len(probes), "，".join(f"{display(FailureKind, k)}{n}次" for k, n in kinds.most_common())


@check("site.unreachable", scope=judged_weeks)
def unreachable_sites(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """国办秘函〔2019〕19号: visited ≥20 times a day at intervals for a week, unreachable in ≥5% of visits.
    Judged only on a full week; probes the site blocked are neither failures nor successes."""
    share_limit = rules.site_unreachable_max_failed_share
    findings = []
    for unit, week in sorted(_weeks(data, as_of, rules).items()):
        probes = week.judged
        if not week.full or not probes:
            continue
        failed = [p for p in probes if not p.ok]
        share, why = _share_text(probes, failed)
        if share < share_limit:
            continue
        url = probes[-1].url
        findings.append(Observation(
            check="site.unreachable", unit=unit, subject_key="site", subject="网站首页", url=url,
            detail=(f"网站首页 {url} 近 {week.days} 天可用性探测 {len(probes)} 次，失败 {len(failed)} 次（{share:.1%}，"
                    f"达到 {share_limit:.0%}）：{why}"),
            observed_at=max(p.at for p in failed),
            evidence={"probes": len(probes), "failed": len(failed), "share": round(share, 4), "days": week.days,
                      "kinds": dict(Counter(p.error_kind or "other" for p in failed)),
                      "last_failed": [p.at.isoformat() for p in failed[-5:]]},
        ))
    return findings


@check("site.blocked")
def blocked_sites(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """A portal that answered every probe of a full week with a block (403, WAF page, also with 200): its
    availability cannot be judged, and saying so keeps it from being silently never judged."""
    findings = []
    for unit, week in sorted(_weeks(data, as_of, rules).items()):
        if not week.full or week.judged or not week.blocked:
            continue
        url = week.blocked[-1].url
        findings.append(Observation(
            check="site.blocked", unit=unit, subject_key="site", subject="网站首页", url=url,
            detail=(f"网站首页 {url} 近 {week.days} 天 {len(week.blocked)} 次探测全部被拦截（403 或防火墙页面），"
                    f"无法判定可用性；请联系网站运维将探测地址加入白名单"),
            observed_at=week.blocked[-1].at,
            evidence={"probes": len(week.probes), "blocked": len(week.blocked),
                      "statuses": dict(Counter(str(p.status) for p in week.blocked))},
        ))
    return findings


@check("warning.unreachable")
def unreachable_warnings(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """Below the veto line (what monitors send daily): failures over 3% of a full week's probes, or any
    share at that level while the week is not yet full (then no site.unreachable is judged at all)."""
    warn = rules.warning_unreachable_share
    limit = rules.site_unreachable_max_failed_share
    findings = []
    for unit, week in sorted(_weeks(data, as_of, rules).items()):
        probes = week.judged
        if not probes:
            continue
        failed = [p for p in probes if not p.ok]
        share, why = _share_text(probes, failed)
        if share <= warn or (week.full and share >= limit):
            continue
        url = probes[-1].url
        status = (f"已超过 {warn:.0%}，接近 {limit:.0%} 的否决线" if week.full else
                  f"探测尚不满一周（{week.full_days}/{week.days} 天达到每天至少 20 次且分布全天），暂不判定无法访问")
        findings.append(Observation(
            check="warning.unreachable", unit=unit, subject_key="site", subject="网站首页", url=url,
            detail=f"预警：网站首页 {url} 探测 {len(probes)} 次，失败 {len(failed)} 次（{share:.1%}）；{status}：{why}",
            observed_at=max(p.at for p in failed),
            evidence={"probes": len(probes), "failed": len(failed), "share": round(share, 4),
                      "full_days": week.full_days, "days": week.days},
        ))
    return findings


def _nightly(link: LinkState, as_of: date) -> list[tuple[date, datetime, int | None, str | None]]:
    """The last observation of each night up to the as-of date."""
    nights: dict[date, tuple[datetime, int | None, str | None]] = {}
    for at, status, kind in link.observations:
        if at.date() <= as_of and (at.date() not in nights or nights[at.date()][0] <= at):
            nights[at.date()] = (at, status, kind)
    return [(day, *nights[day]) for day in sorted(nights)]


def _broken(status: int | None, kind: str | None) -> bool:
    return kind is not None and kind not in NOT_EVIDENCE


def link_key(url: str) -> str:
    key = f"link:{url}"
    return key if len(key) <= 400 else f"link:sha1:{hashlib.sha1(url.encode()).hexdigest()}"


# No scope function: the loader keeps each unit's links as its latest crawl saw them (a unit whose crawl
# failed keeps the previous ones), so a link missing from the data was removed from the page: rectified.
@check("link.broken")
def broken_links(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    """A link whose target failed on each of the last N nights it was observed (N: confirm_nights)."""
    needed = rules.link_broken_confirm_nights
    findings = []
    for link in data.links:
        nights = _nightly(link, as_of)[-needed:]
        if len(nights) < needed or not all(_broken(status, kind) for _, _, status, kind in nights):
            continue
        if data.allowed("link.broken", link.unit, url=link.url):
            continue
        _, at, status, kind = nights[-1]
        what = f"HTTP {status}" if status and kind != FailureKind.ERROR_PAGE else display(FailureKind, kind)
        label = f"“{link.text}”" if link.text else ""
        findings.append(Observation(
            check="link.broken", unit=link.unit, subject_key=link_key(link.url), subject=link.text or link.url,
            url=link.url,
            detail=(f"页面 {readable(link.source_url)} 上的链接{label}（{readable(link.url)}）无法访问：{what}，"
                    f"已连续 {len(nights)} 晚确认"),
            observed_at=at,
            evidence={"snapshots": [link.source_snapshot_id] if link.source_snapshot_id else [],
                      "source_url": link.source_url,
                      "observations": [{"night": d.isoformat(), "status": s, "error": k} for d, _, s, k in nights]},
        ))
    return findings
