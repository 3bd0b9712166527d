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
    assert len(listing) == 3 and listing[2][0] - listing[1][0] >= 0.4  # 0.2 s, then 0.4 s: doubling
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
