"""`newmedia.stale`: an account with no post within the window (2 weeks by default).

An account whose collector failed tonight (expired token, blocked, 418/429, unreadable feed) is not
judged: that is a collector failure, shown in the coverage report, never evidence of a stale account.
"""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from checks.base import AccountState, AuditData, CheckRules, Observation
from checks.registry import check

_CHINA = ZoneInfo("Asia/Shanghai")  # posting days are judged on the publisher's calendar


def account_key(account: AccountState) -> str:
    return f"account:{account.platform}:{account.name}"


def collected_accounts(data: AuditData) -> set[tuple[str, str]]:
    return {(a.unit, account_key(a)) for a in data.accounts if a.fetched}


@check("newmedia.stale", scope=collected_accounts)
def stale_accounts(data: AuditData, as_of: date, rules: CheckRules) -> list[Observation]:
    days = rules.newmedia_stale_days
    limit = as_of - timedelta(days=days)
    findings = []
    for account in data.accounts:
        if not account.fetched:
            continue
        dated = [p for p in account.posts if p.published_at is not None
                 and p.published_at.astimezone(_CHINA).date() <= as_of]
        latest = max(dated, key=lambda p: p.published_at, default=None)  # type: ignore[arg-type,return-value]
        latest_day = latest.published_at.astimezone(_CHINA).date() if latest else None  # type: ignore[union-attr]
        if latest_day is not None and latest_day >= limit:
            continue
        if latest is None:
            detail = f"新媒体账号“{account.name}”（{account.platform}）未读取到任何带日期的发布内容"
        else:
            detail = (f"新媒体账号“{account.name}”（{account.platform}）超过{days}天未更新：最新发布“{latest.title}”"
                      f"于{latest_day:%Y-%m-%d}，距{as_of:%Y-%m-%d}已{(as_of - latest_day).days}天")  # type: ignore[operator]
        findings.append(Observation(
            check="newmedia.stale", unit=account.unit, subject_key=account_key(account), subject=account.name,
            url=account.source, detail=detail, observed_at=account.fetched_at,
            evidence={"snapshots": [account.snapshot_id] if account.snapshot_id else [],
                      "latest_post": ({"title": latest.title, "url": latest.url,
                                       "published_at": latest.published_at.isoformat()}
                                      if latest and latest.published_at else None),
                      "posts_read": len(account.posts)},
        ))
    return findings
