"""New-media collectors (feeds and a JavaScript page in real Chromium) and `newmedia.stale`."""

import asyncio
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from localserver import ScriptedServer, html, self_signed_context
from sqlalchemy import select

from checks.base import AccountState, AuditData, CheckRules, MediaPost
from checks.loader import load_audit_data
from checks.newmedia import stale_accounts
from crawler.egress import EgressPolicy
from crawler.httpfetch import client
from crawler.newmedia import collect_feed, collect_new_media, collect_pages
from jobs.check import run_checks
from storage.clock import local_today
from storage.models import Finding, NewMediaAccount, Unit

ROOT = Path(__file__).resolve().parent.parent
MEDIA = json.loads((ROOT / "fixtures" / "media_manifest.json").read_text("utf-8"))
AS_OF = date(2024, 9, 30)


@pytest.mark.browser
def test_feeds_and_rendered_page_are_read(crawled) -> None:
    Session, result, _ = crawled
    with Session() as s:
        accounts = {a.name: a for a in load_audit_data(s, ["yunhe-slj"]).accounts}
    assert set(accounts) == {"云和水利", "云和水利头条", "云和水利视频号", "云和水利抖音"}
    for name, account in accounts.items():
        truth = MEDIA["accounts"][name]
        if truth["collector_failure"]:
            assert not account.fetched and account.error_kind == truth["collector_failure"] and not account.posts
        else:
            assert account.fetched and len(account.posts) == truth["posts"], name
            newest = max(p.published_at for p in account.posts)
            assert newest.astimezone(UTC).date().isoformat() <= truth["latest"]
    douyin = accounts["云和水利抖音"]  # the list exists only after the page's script ran
    assert douyin.posts[0].title == "云和水利抖音视频1：老旧小区改造进展"
    cov = next(c for c in result.coverage if c.slug == "yunhe-slj")
    assert cov.media == 4 and cov.media_errors == {"malformed": 1, "status": 1}


@pytest.mark.browser
def test_stale_account_found_and_failed_collector_never_stale(crawled, farm) -> None:
    Session, result, settings = crawled
    with Session() as s, s.begin():
        unit = s.scalar(select(Unit).where(Unit.slug == "yunhe-slj"))
        s.add(NewMediaAccount(unit_id=unit.id, platform="weibo", name="云和水利微博",
                              feed=farm.urls["newmedia"] + "/feeds/zjj-weibo.atom"))
    collect_new_media(settings.model_copy(update={"chromium_path": "/usr/bin/chromium"}), Session,
                      result.run_id, ["yunhe-slj"])
    # the weibo feed was collected just now (real clock): the check of today records it
    summary = run_checks(Session, local_today("Asia/Shanghai"), ["yunhe-slj"])
    with Session() as s:
        data = load_audit_data(s, ["yunhe-slj"])
        recorded = set(s.scalars(select(Finding.subject).where(Finding.check == "newmedia.stale")))
    found = stale_accounts(data, AS_OF, CheckRules())
    assert [f.subject for f in found] == ["云和水利微博"]  # not 头条/视频号, whose collectors failed
    assert "超过14天未更新" in found[0].detail and "已31天" in found[0].detail
    assert "云和水利微博" in recorded and not {"云和水利头条", "云和水利视频号"} & recorded
    assert summary.stats.by_check.get("newmedia.stale")
    lenient = stale_accounts(data, AS_OF, CheckRules(newmedia_stale_days=45))
    assert lenient == []


def test_collector_failures_are_named() -> None:
    routes = {
        "/expired": html("token expired", status=401),
        "/teapot": html("I'm a teapot", status=418),
        "/busy": html("slow down", status=429, **{"Retry-After": "60"}),
        "/waf": html("访问被拒绝", status=403),
        "/html": html("这不是订阅源"),
    }

    async def go(server):
        async with client("zwgk-test", 5.0) as http:
            return {p: await collect_feed(http, 1, server.url + p) for p in routes}

    with ScriptedServer(routes) as server:
        got = asyncio.run(go(server))
    assert {p: c.error_kind for p, c in got.items()} == {
        "/expired": "token", "/teapot": "rate_limited", "/busy": "rate_limited", "/waf": "blocked",
        "/html": "malformed"}


def test_stale_rule_on_accounts() -> None:
    def account(name: str, fetched: bool, *days: int) -> AccountState:
        posts = tuple(MediaPost(f"p{d}", f"http://x/{d}", datetime(2024, 9, 30 - d, 12, tzinfo=UTC)) for d in days)
        return AccountState("u", "wechat", name, "http://x/feed", fetched, None if fetched else "token",
                            1, datetime(2024, 9, 30, tzinfo=UTC), posts)

    data = AuditData(units=(), columns=(), accounts=(
        account("fresh", True, 14), account("stale", True, 15, 20), account("empty", True),
        account("failed", False)))
    found = {f.subject: f for f in stale_accounts(data, AS_OF, CheckRules())}
    assert set(found) == {"stale", "empty"}
    assert "未读取到任何带日期的发布内容" in found["empty"].detail


@pytest.mark.browser
def test_a_page_behind_an_expired_certificate_is_read(tmp_path) -> None:
    """Chromium shows a page whose certificate expired once the reader clicks through; the collector reads it
    (ignore_https_errors), as the crawl reads such portals, instead of calling the account's page unreachable."""
    from tests.conftest import settings_for

    page = html('<ul class="list"><li><a href="/p/1.html">云和水利：汛期安全提示</a><span>2024-09-20</span></li>'
                '<li><a href="/p/2.html">云和水利：水库巡查</a><span>2024-09-12</span></li></ul>')
    with ScriptedServer({"/posts": page}, tls=self_signed_context(tmp_path)) as server:
        [got] = collect_pages([(1, server.url + "/posts")], settings_for(f"sqlite:///{tmp_path}/z.db"),
                              EgressPolicy.from_entries([server.url]))  # the registry names the account's page
    assert got.error_kind is None and [p.title for p in got.posts][:1] == ["云和水利：汛期安全提示"]
