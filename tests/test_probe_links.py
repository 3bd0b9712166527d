"""`zwgk probe`, the link checker, and the two checks that must not trust one bad observation."""

import asyncio
import socket
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from click.testing import CliRunner
from localserver import ScriptedServer, html, self_signed_context
from sqlalchemy import func, select

from checks.availability import broken_links, unreachable_sites
from checks.base import AuditData, CheckRules, LinkState, ProbeState
from checks.loader import load_audit_data
from core.vocab import FailureKind
from crawler.httpfetch import client
from crawler.linkcheck import check_link
from crawler.probe import probe_one
from fixtures.farm import DeadPort
from storage.link_models import LinkCheck
from storage.models import Probe, Unit
from zwgk.cli import main

AS_OF = date(2024, 9, 30)


def _slow(n: int, method: str):
    time.sleep(0.3)
    return 200, {"Content-Type": "text/html"}, b"<html>ok</html>"


def _flaky(n: int, method: str):
    return (503, {}, b"busy") if n == 1 else (200, {"Content-Type": "text/html"}, b"<html>ok</html>")


ROUTES = {
    "/ok": html("首页"),
    "/waf": html("您的访问被安全狗拦截", status=403),
    "/waf200": html("网站防火墙：请求已被拦截", status=502),
    "/down": html("Service Unavailable", status=503),
    "/slow": _slow,
    "/nohead": lambda n, m: (405, {}, b"") if m == "HEAD" else (200, {"Content-Type": "text/html"}, b"<html>x</html>"),
    "/flaky": _flaky,
    # bot walls as government portals serve them to a client without their cookie (shapes of the real pages)
    "/ruishu": (lambda n, m: (412, {"Content-Type": "text/html"},
                              b'<html><head><meta id="9DhefwqGPrzGxEp9hPaoag" content="x"><script>'
                              b"$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=27164;</script>"
                              b'<script src="/4QbVtADbnLVIc/c.FxJzG50F.dfe1675.js"></script></head></html>')),
    "/jsl": html("<script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+"
                 "('a')+('n')+('c')+('e')+('=')+('1');location.href=location.pathname+location.search</script>",
                 status=521),
    "/gone": html("<h1>404 页面不存在</h1>" + "<p>政务公开 通知公告 办事服务 互动交流</p>" * 40
                  + "<script>function setSize(s){document.cookie='size='+s;location.reload()}</script>", status=404),
}


def _probe(url: str, slow_ms: int = 5000):
    async def go():
        async with client("zwgk-test", 5.0) as http:
            return await probe_one(http, "u", url, slow_ms)

    return asyncio.run(go())


def test_probe_tells_blocked_down_and_slow_apart() -> None:
    with ScriptedServer(ROUTES) as server:
        ok = _probe(server.url + "/ok")
        assert (ok.ok, ok.status, ok.error_kind) == (True, 200, None)
        assert _probe(server.url + "/waf").error_kind == "blocked"
        assert _probe(server.url + "/waf200").error_kind == "blocked"  # a WAF notice whatever the status
        down = _probe(server.url + "/down")
        assert (down.ok, down.error_kind) == (False, "status")
        slow = _probe(server.url + "/slow", slow_ms=100)  # the server sleeps 300 ms
        assert (slow.ok, slow.error_kind) == (True, "slow")
    with DeadPort() as dead:
        refused = _probe(dead.url + "/")
        # no other server can be given the dead site's port while it is open (another test process's farm was)
        with socket.socket() as other:
            other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            with pytest.raises(OSError):
                other.bind(("127.0.0.1", dead.port))
    assert (refused.ok, refused.error_kind) == (False, "refused")


def test_probe_command_stores_rows(crawled) -> None:
    Session, _, settings = crawled
    result = CliRunner().invoke(main, ["probe"], env={"ZWGK_DATABASE_URL": settings.database_url})
    assert result.exit_code == 0, result.output
    assert "连接被拒绝" in result.output and "yunhe-gov | 正常" in result.output
    with Session() as s:
        rows = {p.unit_id: p for p in s.scalars(select(Probe))}
        units = s.scalar(select(func.count()).select_from(Unit).where(Unit.active.is_(True)))
        assert len(rows) == units and sum(1 for p in rows.values() if not p.ok) == 1  # only the dead site
        data = load_audit_data(s)
        assert {p.unit for p in data.probes if p.error_kind == "refused"} == {"yunhe-lyj"}


def _probes(unit: str, day: date, n: int, failed: int, kind: str = "timeout") -> list[ProbeState]:
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return [ProbeState(unit, "http://x/", start + timedelta(minutes=30 * i), i >= failed,
                       kind if i < failed else None, 100) for i in range(n)]


def test_site_unreachable_needs_enough_probes_and_ignores_blocking() -> None:
    days = [AS_OF - timedelta(days=d) for d in range(7)]
    probes = (
        [p for d in days for p in _probes("down", d, 24, 2)]  # 14/168 = 8.3 %
        + [p for d in days for p in _probes("fine", d, 24, 1)]  # 7/168 = 4.2 %
        + [p for d in days for p in _probes("blocked", d, 24, 12, "blocked")]  # we are blocked: not down
        + [p for d in days for p in _probes("few", d, 10, 5)]  # too few probes a day to judge
        + _probes("old", AS_OF - timedelta(days=10), 24, 24)  # outside the window
    )
    data = AuditData(units=(), columns=(), probes=tuple(probes))
    found = unreachable_sites(data, AS_OF, CheckRules())
    assert [(f.unit, f.evidence["failed"], f.evidence["probes"]) for f in found] == [("down", 14, 168)]
    assert "8.3%" in found[0].detail and "超时14次" in found[0].detail
    strict = unreachable_sites(data, AS_OF, CheckRules(site_unreachable_max_failed_share=0.04))
    assert {f.unit for f in strict} == {"down", "fine"}
    # 10 probes over 5 hours a day: enough when a scheme asks for 10 a day over at least 5 hours
    few = CheckRules(site_unreachable_min_probes_per_day=10, site_unreachable_min_hours_per_day=5)
    assert {f.unit for f in unreachable_sites(data, AS_OF, few)} == {"down", "few"}


def _link(url: str, *nights: tuple[int, int | None, str | None]) -> LinkState:
    obs = tuple((datetime(2024, 9, 30 - d, 1, 0, tzinfo=UTC), status, kind) for d, status, kind in nights)
    return LinkState("u", url, "http://x/page.html", 7, obs, text="附件")


def test_link_broken_is_confirmed_over_nights() -> None:
    data = AuditData(units=(), columns=(), links=(
        _link("http://x/gone", (1, 404, "status"), (0, 404, "status")),
        _link("http://x/once", (0, 404, "status")),  # one night only: not yet
        _link("http://x/back", (1, 404, "status"), (0, 200, None)),  # fixed
        _link("http://x/flaky", (2, 404, "status"), (1, 200, None), (0, 500, "status")),
        _link("http://x/waf", (1, 403, "blocked"), (0, 403, "blocked")),  # blocked is not broken
        _link("http://x/dns", (1, None, "dns"), (0, None, "dns")),
    ))
    found = broken_links(data, AS_OF, CheckRules())
    assert sorted(f.url for f in found) == ["http://x/dns", "http://x/gone"]
    gone = next(f for f in found if f.url == "http://x/gone")
    assert "HTTP 404" in gone.detail and "连续 2 晚" in gone.detail and gone.evidence["snapshots"] == [7]
    three = broken_links(data, AS_OF, CheckRules(link_broken_confirm_nights=1))
    assert {f.url for f in three} == {"http://x/gone", "http://x/once", "http://x/dns", "http://x/flaky"}


def test_link_checker_head_then_get_with_retry() -> None:
    async def go(server):
        async with client("zwgk-test", 5.0) as http:
            return [await check_link(http, 1, server.url + p, retries=2, pause=0.05)
                    for p in ("/ok", "/nohead", "/missing", "/flaky", "/ruishu", "/jsl", "/gone")]

    with ScriptedServer(ROUTES) as server:
        ok, nohead, missing, flaky, ruishu, jsl, gone = asyncio.run(go(server))
        # a bot wall is no broken link: 瑞数's 412, 加速乐's 521 that sets a cookie and reloads
        assert (ruishu.status, ruishu.error_kind) == (412, "blocked") and (jsl.status, jsl.error_kind) == (521, "blocked")
        assert (gone.status, gone.error_kind) == (404, "status")  # a real 404 in the site's template, cookie script and all
        assert (ok.method, ok.status, ok.error_kind) == ("HEAD", 200, None)
        assert (nohead.method, nohead.status, nohead.error_kind) == ("GET", 200, None)
        assert (missing.status, missing.error_kind) == (404, "status")
        assert (flaky.status, flaky.error_kind) == (200, None)  # 503 once, then retried
        assert [m for _, m in server.hits("/nohead")] == ["HEAD", "GET"]


def test_crawled_links_are_checked_and_observed(crawled, farm) -> None:
    Session, result, _ = crawled
    base = farm.urls["yunhe_slj"]
    with Session() as s:
        checks = {c.url: c for c in s.scalars(select(LinkCheck).where(LinkCheck.crawl_run_id == result.run_id))}
        assert checks[base + "/zwfw/old.html"].status == 404
        assert checks[base + "/zfxxgk/tzgg/202301/t20230101_999.html"].status == 404
        assert checks[base + "/wzdt.html"].status == 200
        assert all(url.startswith("http://127.0.0.1:") for url in checks)
        data = load_audit_data(s, ["yunhe-slj"])
        links = {link.url: link for link in data.links}
        old = links[base + "/zwfw/old.html"]
        assert old.text == "网上办事（旧版）" and old.source_url == base + "/"
        assert [o[1] for o in old.observations] == [404]
        missing = links[base + "/zfxxgk/tzgg/202407/P020240705512000301.doc"]  # fetched by the crawl itself
        assert [o[1] for o in missing.observations] == [404]
        night = old.observations[-1][0].date()  # observations are judged up to the as-of date
        assert broken_links(data, night, CheckRules()) == []  # one night is not confirmation
        assert {f.url for f in broken_links(data, night, CheckRules(link_broken_confirm_nights=1))} >= {
            base + "/zwfw/old.html", base + "/zfxxgk/tzgg/202407/P020240705512000301.doc"}


def test_scheduler_probes_many_times_a_day(tmp_path) -> None:
    from apscheduler.triggers.cron import CronTrigger

    from core.settings import Settings
    from scheduler.nightly import PROBE_JOB_ID, build_scheduler

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'jobs.sqlite'}")
    scheduler = build_scheduler(settings)
    assert PROBE_JOB_ID in {job.id for job in scheduler.get_jobs()}
    trigger = CronTrigger.from_crontab(settings.probe_cron, timezone=settings.timezone)
    start = datetime(2024, 9, 30, tzinfo=UTC)
    fires, at = 0, start
    while (at := trigger.get_next_fire_time(None, at + timedelta(seconds=1))) < start + timedelta(days=1):
        fires += 1
    assert fires >= 20


def test_a_site_with_an_expired_self_signed_certificate_is_up_and_its_links_work(tmp_path) -> None:
    """Many portals serve an expired certificate or leave out the intermediate one; browsers still show the
    page (or fetch the missing certificate), and the crawl (Scrapy) never verifies. The prober and the link
    checker judged such a site down and every link to it broken."""
    with ScriptedServer(ROUTES, tls=self_signed_context(tmp_path)) as server:
        assert server.url.startswith("https://")
        up = _probe(server.url + "/ok")
        assert (up.ok, up.status, up.error_kind) == (True, 200, None)

        async def go():
            async with client("zwgk-test", 5.0) as http:
                return [await check_link(http, 1, server.url + p, retries=0, pause=0.05) for p in ("/ok", "/missing")]

        ok, missing = asyncio.run(go())
        assert (ok.status, ok.error_kind) == (200, None)
        assert (missing.status, missing.error_kind) == (404, "status")  # a missing page is still broken


# --- a missing page answered by a redirect to the site's error page -----------------------------------


def test_error_page_redirects() -> None:
    from crawler.failures import is_error_page_redirect

    for final in ("/404.html", "/error.jsp", "/error/404.htm", "/module/error/404.html", "/notfound.aspx", "/404/",
                  "/errors/index.html", "/page-not-found"):
        assert is_error_page_redirect("http://a.gov.cn/art/2024/1/5/art_1_2.html", "http://a.gov.cn" + final), final
    for final in ("/art/2024/1/5/art_1_3.html", "/", "/xxgk/index.html", "/col/col404/index.html", "/errata.html"):
        assert not is_error_page_redirect("http://a.gov.cn/art/2024/1/5/art_1_2.html", "http://a.gov.cn" + final), final
    assert not is_error_page_redirect("http://a.gov.cn/404.html", "http://a.gov.cn/404.html")
    assert not is_error_page_redirect("http://a.gov.cn/404.htm", "https://a.gov.cn/404.htm")  # the link names it


def test_a_page_that_only_says_the_item_is_gone() -> None:
    """Dynamic CMS pages answer a deleted record with 200 and a notice: a script alert that sends the reader
    back (ASP.NET CMSs' JscriptMsg("信息不存在或已被删除！", "back")) or a line saying so and nothing else. A document
    that mentions 信息不存在 says more, and an alert that does not leave the page is a form's message."""
    from crawler.failures import from_status, is_gone_notice

    gone = ["<script>alert(\"信息不存在或已被删除！\");history.back();</script>",
            "<html><head><script language='javascript'>alert('对不起，该文章不存在或已被删除！');"
            "window.location.href='/';</script></head><body></body></html>",
            '<html><body><div class="msg">您要查看的信息不存在！</div><a href="/">返回首页</a></body></html>',
            "<html><body><h3>系统提示</h3><p>对不起，该信息已被删除！</p>"
            "<p>3秒后自动跳转，<a href='/'>点击这里</a></p></body></html>"]
    kept = ["<script>alert(\"提交成功\");history.back();</script>",
            "<script>function f(){ if(!x) alert(\"信息不存在\"); }</script><p>" + "正文" * 60 + "</p>",
            "<p>经核查，反映问题信息不存在。</p>",
            "<p>经核查，该企业登记信息不存在虚假申报情况，现予公示。如有异议请联系区市场监管局。</p>",
            "<h1>关于清理已删除信息的通知</h1><p>" + "各单位：" * 30 + "</p>",
            # a full page whose handlers alert and redirect, far apart (the link checker reads 16 KB of it)
            "<script>function show(){ if(!ok) alert('信息不存在'); } function go(){ location.href='/'; }</script>"
            + "<p>" + "正文内容" * 2500 + "</p>",
            "<script>function show(){ if(!ok){ alert('信息不存在');" + " " * 200 + "location.href='/'; } }</script>"
            + "<h1>关于征集意见的公告</h1><p>正文</p>" * 3]
    assert [is_gone_notice(t) for t in gone] == [True] * len(gone)
    assert [is_gone_notice(t) for t in kept] == [False] * len(kept)
    assert from_status(200, gone[0]) == FailureKind.ERROR_PAGE and from_status(404, gone[0]) == FailureKind.STATUS
    assert from_status(200, kept[2]) is None


def test_link_redirected_to_the_error_page_is_broken() -> None:
    """Many portals answer a page that is gone with a redirect to their "页面不存在" page, served with 200:
    the reader finds no page, so the link is broken; a page that moved is not."""
    routes = {"/gone.html": html("", 302, Location="/404.html"), "/404.html": html("对不起，您访问的页面不存在"),
              "/moved.html": html("", 301, Location="/zwgk/new.html"), "/zwgk/new.html": html("新地址"),
              # a deleted record of a dynamic page answers HEAD with 200: only its body tells
              "/show.asp?id=5": html("<script>alert('信息不存在或已被删除！');history.back();</script>"),
              "/show.asp?id=6": html("<h1>关于征集意见的公告</h1><p>正文</p>")}
    paths = ("/gone.html", "/moved.html", "/404.html", "/show.asp?id=5", "/show.asp?id=6")
    with ScriptedServer(routes) as server:
        async def go():
            async with client("zwgk-test", 5.0) as http:
                return [await check_link(http, 1, server.url + path, retries=0, pause=0.05) for path in paths]

        outcomes = asyncio.run(go())
    assert [(o.status, o.error_kind) for o in outcomes] == [(200, "error_page"), (200, None), (200, None),
                                                            (200, "error_page"), (200, None)]
    assert [o.method for o in outcomes] == ["GET", "HEAD", "HEAD", "GET", "GET"]
    link = LinkState("u", "http://x/gone.html", "http://x/", None,
                     tuple((datetime(2024, 5, d, 2, tzinfo=UTC), 200, "error_page") for d in (1, 2, 3)))
    data = AuditData(units=(), columns=(), links=(link,))
    [finding] = broken_links(data, date(2024, 5, 3), CheckRules())
    assert "打开的是网站的错误页（页面不存在）" in finding.detail and "HTTP 200" not in finding.detail
    # the address is stored as fetched (percent-encoded); the inspector reads the file's name
    named = LinkState("u", "http://x/uploadfile/2023%E5%B9%B4%E6%8A%A5.pdf", "http://x/", None, link.observations)
    [finding] = broken_links(AuditData(units=(), columns=(), links=(named,)), date(2024, 5, 3), CheckRules())
    assert "（http://x/uploadfile/2023年报.pdf）" in finding.detail and finding.url == named.url


def test_crawled_page_redirected_to_the_error_page_is_no_document(sqlite_url: str) -> None:
    """A list item whose page now redirects to /error.jsp, or answers 200 with a page titled "页面不存在": the error
    page is not read as the document, and the crawl's own fetch counts as an observation of the link to it (from
    the home page). A document whose title speaks of 404 errors is a document."""
    from tests_registry import crawl_scripted_unit

    listing = ('<ul class="list"><li><a href="/d/1.html">关于公布补贴名单的公告</a><span>2024-01-20</span></li>'
               '<li><a href="/d/2.html">关于开展安全检查的通知</a><span>2024-01-18</span></li>'
               '<li><a href="/d/3.html">关于处理404错误页面的通知</a><span>2024-01-16</span></li>'
               '<li><a href="/d/4.html">关于调整办公地点的公告</a><span>2024-01-15</span></li>'
               '<li><a href="/d/show.asp?id=5">关于征集意见的公告</a><span>2024-01-12</span></li>'
               '<li><a href="/d/6.html">信访事项办理结果公示</a><span>2024-01-10</span></li></ul>')

    def titled(title: str, body: str):  # a page answered 200 at its own address
        page = f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>".encode()
        return lambda n, m: (200, {"Content-Type": "text/html; charset=utf-8"}, page)

    routes = {"/": html('<a href="/d/1.html">补贴名单公告</a>'), "/list/index.html": html(listing),
              "/d/1.html": html("", 302, Location="/error.jsp"), "/error.jsp": html("<h1>对不起，您访问的页面不存在</h1>"),
              "/d/2.html": html("<h1>关于开展安全检查的通知</h1><p>正文</p>"),
              "/d/3.html": titled("关于处理404错误页面的通知", "<h1>关于处理404错误页面的通知</h1><p>正文</p>"),
              "/d/4.html": titled("页面不存在", "<p>sorry</p>"),
              # a deleted record of a dynamic page: 200 at its own address, a script alert and back
              "/d/show.asp?id=5": titled("征集意见", "<script>alert('信息不存在或已被删除！');history.back();</script>"),
              "/d/6.html": titled("信访事项办理结果公示", "<p>经核查，反映问题信息不存在。</p>")}
    data, site, _ = crawl_scripted_unit(sqlite_url, routes)
    details = {item.url.removeprefix(site): item.detail_snapshot_id for c in data.columns for item in c.items}
    assert details["/d/1.html"] is None and details["/d/4.html"] is None and details["/d/show.asp?id=5"] is None
    assert details["/d/2.html"] is not None and details["/d/3.html"] is not None and details["/d/6.html"] is not None
    [gone] = [link for link in data.links if link.url == site + "/d/1.html"]
    assert [kind for _, _, kind in gone.observations] == ["error_page"]
