"""`site.unreachable` and `link.broken`: both judged on repeated observations, never on one bad night.

A site that blocks us (403, WAF page) is not down for its citizens: blocked probes are neither
failures nor successes here, and a link target that blocks us is not broken. Thresholds are scheme
settings (CheckRules) with the defaults below.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

from checks.base import AuditData, CheckRules, LinkState, Observation, ProbeState
from checks.registry import check
from core.names import display
from core.vocab import FailureKind

# our problem, not the site's
NOT_EVIDENCE = {FailureKind.BLOCKED, FailureKind.ROBOTS, FailureKind.IGNORED, FailureKind.RATE_LIMITED}


def _probe_window(data: AuditData, as_of: date, rules: CheckRules) -> dict[str, list[ProbeState]]:
    """Per unit, the probes of the window taken on days with enough probes to judge."""
    days = rules.site_unreachable_window_days
    per_day = rules.site_unreachable_min_probes_per_day
    start = as_of - timedelta(days=days - 1)
    by_day: dict[tuple[str, date], list[ProbeState]] = defaultdict(list)
    for probe in data.probes:
        day = probe.at.date()
        if start <= day <= as_of and probe.error_kind not in NOT_EVIDENCE:
            by_day[(probe.unit, day)].append(probe)
    out: dict[str, list[ProbeState]] = defaultdict(list)
    for (unit, _), probes in by_day.items():
        if len(probes) >= per_day:
            out[unit].extend(probes)
    return out


def probed_units(data: AuditData) -> set[tuple[str, str]]:
    # Without the as-of date the scope is every unit that has probes at all; a unit without enough
    # probes in the window is not reported, and its open finding stays open until probes judge it.
    return {(p.unit, "site") for p in data.probes}


@check("site.unreachable", scope=probed_units)
def unreachable_sites(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    share_limit = rules.site_unreachable_max_failed_share
    findings = []
    for unit, probes in sorted(_probe_window(data, as_of, rules).items()):
        failed = [p for p in probes if not p.ok]
        share = len(failed) / len(probes)
        if share < share_limit:
            continue
        kinds = Counter(p.error_kind or "other" for p in failed)
        why = "，".join(f"{display(FailureKind, k)}{n}次" for k, n in kinds.most_common())
        url = probes[-1].url
        findings.append(Observation(
            check="site.unreachable", unit=unit, subject_key="site", subject="网站首页", url=url,
            detail=(f"网站首页 {url} 近期可用性探测 {len(probes)} 次，失败 {len(failed)} 次（{share:.1%}，"
                    f"超过 {share_limit:.0%}）：{why}"),
            observed_at=max(p.at for p in failed),
            evidence={"probes": len(probes), "failed": len(failed), "share": round(share, 4),
                      "kinds": dict(kinds), "last_failed": [p.at.isoformat() for p in failed[-5:]]},
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
        what = f"HTTP {status}" if status else display(FailureKind, kind)
        label = f"“{link.text}”" if link.text else ""
        findings.append(Observation(
            check="link.broken", unit=link.unit, subject_key=link_key(link.url), subject=link.text or link.url,
            url=link.url,
            detail=(f"页面 {link.source_url} 上的链接{label}（{link.url}）无法访问：{what}，"
                    f"已连续 {len(nights)} 晚确认"),
            observed_at=at,
            evidence={"snapshots": [link.source_snapshot_id] if link.source_snapshot_id else [],
                      "source_url": link.source_url,
                      "observations": [{"night": d.isoformat(), "status": s, "error": k} for d, _, s, k in nights]},
        ))
    return findings
