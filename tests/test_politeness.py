"""Politeness: Retry-After honoured on 429/5xx, robots.txt with the per-unit override, honest UA."""

from datetime import UTC, datetime
from email.utils import format_datetime

import pytest
from conftest import settings_for
from localserver import ScriptedServer, html
from sqlalchemy import select
from tests_registry import one_unit_registry

from crawler.launch import run_crawl
from crawler.middlewares import retry_after_seconds
from storage.db import make_engine, make_sessionmaker
from storage.models import Snapshot
from zwgk.units_file import import_registry, parse_registry

LIST = ('<ul class="list"><li><a href="/private/a.html">关于开展安全检查的通知</a><span>2024-09-01</span></li>'
        '<li><a href="/ok/b.html">关于做好防汛工作的通知</a><span>2024-08-01</span></li></ul>')


def _busy_then_ok(n: int, method: str):
    if n == 1:
        return 429, {"Retry-After": "1", "Content-Type": "text/html"}, b"<html>too many</html>"
    return 200, {"Content-Type": "text/html; charset=utf-8"}, "<html><body>首页</body></html>".encode()


def _down_twice(n: int, method: str):
    if n <= 2:
        return 503, {"Content-Type": "text/html"}, b"<html>busy</html>"
    return 200, {"Content-Type": "text/html; charset=utf-8"}, f"<html><body>{LIST}</body></html>".encode()


def _crawl(db_url: str, server: ScriptedServer, robots: bool | None):
    Session = make_sessionmaker(make_engine(db_url))
    with Session() as s, s.begin():
        import_registry(s, parse_registry(one_unit_registry(server.url, robots), "test.yaml"))
    result = run_crawl(settings_for(db_url, backoff_base=0.2, check_links=False), Session, echo=lambda line: None)
    return Session, result


@pytest.fixture
def site():
    routes = {
        "/": _busy_then_ok,
        "/list/index.html": _down_twice,
        "/robots.txt": lambda n, m: (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
        "/ok/b.html": html("<h1>关于做好防汛工作的通知</h1>发布日期：2024-08-01"),
        "/private/a.html": html("<h1>关于开展安全检查的通知</h1>发布日期：2024-09-01"),
    }
    with ScriptedServer(routes) as server:
        yield server


def test_backoff_honours_retry_after_and_robots(sqlite_url: str, site: ScriptedServer) -> None:
    Session, result = _crawl(sqlite_url, site, robots=None)
    home = site.hits("/")
    assert len(home) == 2 and home[1][0] - home[0][0] >= 1.0  # waited as long as Retry-After asked
    listing = site.hits("/list/index.html")
    # the server's hold (Retry-After: 1, asked on the home page) holds the unit's other pages too; then
    # the list page's own 503 puts it on hold again before the third try
    # (server-side times: a request in flight when the hold began may arrive after it began)
    assert len(listing) == 3 and listing[1][0] > home[1][0] and listing[2][0] - listing[1][0] >= 0.2
    with Session() as s:
        snaps = {x.url.removeprefix(site.url): x for x in s.scalars(select(Snapshot).where(
            Snapshot.crawl_run_id == result.run_id))}
    assert snaps["/"].status == 200 and snaps["/list/index.html"].status == 200
    assert snaps["/private/a.html"].error_kind == "robots" and snaps["/ok/b.html"].status == 200
    assert site.hits("/private/a.html") == []
    assert site.hits("/robots.txt")


def test_unit_may_override_robots(sqlite_url: str, site: ScriptedServer) -> None:
    Session, result = _crawl(sqlite_url, site, robots=False)
    with Session() as s:
        private = s.scalar(select(Snapshot).where(Snapshot.url == site.url + "/private/a.html"))
    assert private.status == 200 and private.error_kind is None


@pytest.mark.parametrize(("value", "expected"), [
    ("120", 120.0), (b"5", 5.0), ("", None), (None, None), ("soon", None),
    (format_datetime(datetime(2026, 1, 1, 0, 1, 30, tzinfo=UTC), usegmt=True), 90.0),
    (format_datetime(datetime(2025, 12, 31, tzinfo=UTC), usegmt=True), 0.0),  # a date in the past: now
])
def test_retry_after_values(value, expected) -> None:
    assert retry_after_seconds(value, now=datetime(2026, 1, 1, tzinfo=UTC)) == expected


def _gaps(slot, n: int = 4000) -> list[float]:
    """Scrapy's downloader loop (Downloader._process_queue) on one slot whose queue never empties, on a
    clock of its own: after a request, the slot's timer is set for the delay drawn then; when it fires the
    slot is looked at again, and the next request goes if the delay drawn at that look has passed."""
    now, gaps = 0.0, []
    for _ in range(n):
        slot.lastseen, waited = now, 0.0
        while (penalty := slot.download_delay() - waited) > 0:
            waited += penalty  # the timer fires
        gaps.append(waited)
        now += waited
    return gaps


def test_slot_draws_one_delay_per_gap() -> None:
    """Scrapy draws the random delay (±50 %) again at every look, so a gap lasts until a draw is no longer
    than the longest before it: the mean gap is 22 % above the configured delay. PerGapSlot draws once per
    gap: the mean is the delay, and each gap within the jitter's range."""
    import random

    from scrapy.core.downloader import Slot
    from scrapy.utils.misc import load_object

    from core.settings import Settings
    from crawler.politeness import PerGapDownloader, PerGapSlot
    from crawler.scrapy_settings import scrapy_settings

    random.seed(15)
    stock, per_gap = _gaps(Slot(2, 0.25, 0.5)), _gaps(PerGapSlot(2, 0.25, 0.5))
    assert sum(stock) / len(stock) > 0.29  # 0.305 s expected
    assert abs(sum(per_gap) / len(per_gap) - 0.25) < 0.005
    assert min(per_gap) >= 0.125 and max(per_gap) <= 0.375
    assert _gaps(PerGapSlot(2, 0.25, 0.0), 10) == [0.25] * 10  # no jitter: the delay itself

    slot = PerGapSlot(2, 0.25, 0.5)
    slot.lastseen = 100.0
    first = slot.download_delay()
    assert all(slot.download_delay() == first for _ in range(20))  # one gap, one draw
    slot.delay = 1.0  # AutoThrottle slowed the host down: drawn again at once
    assert 0.5 <= slot.download_delay() <= 1.5
    slot.lastseen = 100.7  # the next request left: a new gap
    assert len({slot.download_delay() for _ in range(5)}) == 1

    downloader = load_object(scrapy_settings(Settings(database_url="sqlite://"), 1)["DOWNLOADER"])
    assert downloader is PerGapDownloader
