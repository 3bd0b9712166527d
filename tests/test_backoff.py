"""Back-off that never blocks others: one unit's 503/Retry-After on a shared (集约化) host holds that unit
only; a server that keeps failing is given up for the night and recorded as such."""

from __future__ import annotations

import time
from collections import Counter

from conftest import settings_for
from localserver import ScriptedServer, html
from sqlalchemy import select

from crawler.launch import run_crawl
from storage.db import make_engine, make_sessionmaker
from storage.models import Snapshot, Unit
from zwgk.units_file import import_registry, parse_registry

PAGES = 12


def _list(prefix: str) -> str:
    items = "".join(f'<li><a href="/{prefix}/d{i}.html">关于第{i}项工作的通知</a><span>2024-09-{i + 1:02d}</span></li>'
                    for i in range(PAGES))
    return f'<html><body><ul class="list">{items}</ul></body></html>'


def _registry(url: str) -> str:
    units = ""
    for slug in ("sick", "well"):
        units += f"""
  - id: {slug}
    name: 单位{slug}
    kind: department
    internal: true
    portal: {url}/{slug}/
    columns:
      - {{name: 通知公告, url: {url}/{slug}/list.html, category: notice}}
"""
    return f"jurisdiction: 集约化县\nscheme: yunhe-2022\nlevel: county\nunits:{units}"


def _busy(retry_after: str, seconds: float):
    """503 with Retry-After for `seconds` from the unit's first request on (an overloaded server), then the page."""
    since: list[float] = []

    def route(n: int, method: str, body: bytes):
        since[:] = since or [time.monotonic()]
        if time.monotonic() - since[0] < seconds:
            return 503, {"Retry-After": retry_after, "Content-Type": "text/html"}, b"<html>busy</html>"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body
    return route


def _routes(sick_seconds: float, retry_after: str = "3", details_only: bool = False):
    routes = {"/robots.txt": lambda n, m: (404, {"Content-Type": "text/plain"}, b"")}
    for slug in ("sick", "well"):
        routes[f"/{slug}/"] = html("<h1>首页</h1>")
        routes[f"/{slug}/list.html"] = html(_list(slug).removeprefix("<html><body>").removesuffix("</body></html>"))
        for i in range(PAGES):
            routes[f"/{slug}/d{i}.html"] = html(f"<h1>关于第{i}项工作的通知</h1>发布日期：2024-09-{i + 1:02d}")
    busy = _busy(retry_after, sick_seconds)
    for path in [p for p in routes if p.startswith("/sick/d" if details_only else "/sick/")]:
        page = routes[path]
        routes[path] = lambda n, m, page=page: busy(n, m, page(n, m)[2])
    return routes


def _crawl(url: str, server: ScriptedServer, **overrides):
    Session = make_sessionmaker(make_engine(url))
    with Session() as s, s.begin():
        import_registry(s, parse_registry(_registry(server.url), "test.yaml"))
    result = run_crawl(settings_for(url, check_links=False, collect_new_media=False, **overrides), Session,
                       echo=lambda line: None)
    return Session, result


def test_one_units_hold_does_not_delay_the_other_unit_on_the_same_host(sqlite_url: str) -> None:
    with ScriptedServer(_routes(sick_seconds=2, retry_after="4")) as server:
        Session, result = _crawl(sqlite_url, server)
        log = list(server.log)
    first_sick = [t for t, _, p in log if p == "/sick/"]
    well = [t for t, _, p in log if p.startswith("/well/")]
    # the sick unit's home page was answered 503 and retried only after its Retry-After …
    assert len(first_sick) == 2 and first_sick[1] - first_sick[0] >= 4
    # … while the healthy unit on the same host was crawled whole in the meantime
    assert len(well) == PAGES + 2 and max(well) < first_sick[1]
    with Session() as s:
        snaps = list(s.scalars(select(Snapshot).where(Snapshot.crawl_run_id == result.run_id)))
    assert len(snaps) == 2 * (PAGES + 2) and all(x.status == 200 for x in snaps)


def test_a_server_that_keeps_failing_is_given_up_for_the_night(sqlite_url: str) -> None:
    with ScriptedServer(_routes(sick_seconds=10_000, retry_after="0", details_only=True)) as server:
        Session, result = _crawl(sqlite_url, server, backoff_base=0.05, backoff_give_up=3)
        sick_requests = sum(1 for _, _, p in server.log if p.startswith("/sick/"))
    with Session() as s:
        kinds = Counter((slug, x.error_kind) for x, slug in s.execute(
            select(Snapshot, Unit.slug).join(Unit, Unit.id == Snapshot.unit_id)
            .where(Snapshot.crawl_run_id == result.run_id)))
    assert kinds[("well", None)] == PAGES + 2, kinds
    # the sick unit's home and list page: both answered 503 until it was given up; nothing more was sent
    # the sick unit's detail pages answer 503 for ever: after 3 failed answers in a row the server is given
    # up, its other pages are recorded as given up and never requested
    assert kinds[("sick", None)] == 2 and kinds[("sick", "status")] + kinds[("sick", "given_up")] == PAGES, kinds
    assert kinds[("sick", "given_up")] >= PAGES - 4
    # home, list, each detail page at most once (those already queued when the first 503 came are sent), and
    # the probes: without giving up, each of the 12 would have been tried 3 times
    assert sick_requests <= 2 + PAGES + 3
    lines = "\n".join(result.report_lines())
    assert "服务器持续出错，本晚放弃" in lines
