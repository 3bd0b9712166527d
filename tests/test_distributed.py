"""Two crawl workers share one night through Redis (scrapy-redis): a real Redis server on loopback,
two `zwgk worker` processes and the fixture farm; every page is fetched once, all results land in one
PostgreSQL store, and the night is the same as a single-process crawl's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crawler.distributed import BUSY_STALE_SECONDS, busy_workers, request_key, run_shared_crawl, worker_share
from crawler.launch import run_crawl
from fixtures.farm import closed_port
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import CrawlRun, Document, Snapshot
from tests.conftest import _new_postgres_db, import_farm_registry, settings_for

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server missing on CI (scripts/setup.sh installs it)")
        pytest.skip("redis-server not installed")
    port = closed_port()
    workdir = tempfile.mkdtemp(prefix="zwgk-redis-")
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", workdir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


def _fetched(farm, start: int) -> Counter:
    """What the farm served since `start`; robots.txt is read once per worker process, by design."""
    return Counter(r for r in farm.requests[start:] if not r[2].startswith("/robots.txt"))


def _night(Session_, run_id: int) -> tuple[set, int, int]:
    with Session_() as s:
        snaps = {(u.split("/", 3)[-1], k, st) for u, k, st in s.execute(
            select(Snapshot.url, Snapshot.kind, Snapshot.status).where(Snapshot.crawl_run_id == run_id))}
        docs = s.scalar(select(func.count()).select_from(Document).where(Document.last_seen_run_id == run_id))
        linked = s.scalar(select(func.count()).select_from(Document).where(
            Document.detail_snapshot_id.is_not(None), Document.last_seen_run_id == run_id))
    return snaps, docs, linked


@pytest.mark.postgres
def test_two_workers_fetch_every_page_once_into_one_store(farm, postgres_server, redis_url, tmp_path) -> None:
    # the same night in one process, for comparison
    single_url = f"sqlite:///{tmp_path / 'single.sqlite'}"
    upgrade(single_url)
    single = make_sessionmaker(make_engine(single_url))
    import_farm_registry(single, farm)
    start = len(farm.requests)
    single_run = run_crawl(settings_for(single_url), single, echo=lambda line: None)
    single_fetched = _fetched(farm, start)

    url = _new_postgres_db(postgres_server)
    upgrade(url)
    Session_ = make_sessionmaker(make_engine(url))
    import_farm_registry(Session_, farm)
    env = {**os.environ, **settings_for(url).as_env(), "PYTHONPATH": str(ROOT)}
    logs = [tmp_path / f"worker{i}.log" for i in (1, 2)]
    workers = [subprocess.Popen([sys.executable, "-m", "zwgk.cli", "worker", "--redis", redis_url, "--once",
                                 "--wait", "120"], cwd=ROOT, env={**env, "ZWGK_WORKER_ID": f"w{i}"},
                                stdout=log.open("w"), stderr=subprocess.STDOUT)
               for i, log in zip((1, 2), logs)]
    start = len(farm.requests)
    try:
        result = run_shared_crawl(settings_for(url), Session_, redis_url, local_worker=False,
                                  echo=lambda line: None)
        for w in workers:
            assert w.wait(timeout=120) == 0
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
    fetched = _fetched(farm, start)
    worker_logs = [log.read_text() for log in logs]

    assert result.returncode == 0, worker_logs
    # both workers took part, and together they asked for exactly what one process asks for
    assert all("加入第" in text for text in worker_logs), worker_logs
    assert fetched == single_fetched, [text[-3000:] for text in worker_logs]
    assert max(fetched.values()) == max(single_fetched.values())
    with Session_() as s:
        run = s.get_one(CrawlRun, result.run_id)
        assert run.status == "finished"
        stored = s.scalar(select(func.count()).select_from(Snapshot).where(Snapshot.crawl_run_id == result.run_id))
    with single() as s:
        assert stored == s.scalar(select(func.count()).select_from(Snapshot)
                                  .where(Snapshot.crawl_run_id == single_run.run_id))
    assert result.pages == single_run.pages
    # the night was split: each worker stored its share, and the shares add up to the night
    shares = [int(re.search(r"\[完成\] 已抓取 (\d+) 页", text).group(1)) for text in worker_logs]
    assert all(shares) and sum(shares) == result.pages, shares
    # the same snapshots (path, kind, status), the same documents, every one with its detail page
    snaps, docs, linked = _night(Session_, result.run_id)
    want_snaps, want_docs, want_linked = _night(single, single_run.run_id)
    assert snaps == want_snaps
    assert (docs, linked) == (want_docs, want_linked)
    assert linked == docs


def test_request_key_tells_apart_what_one_process_sends_on_purpose() -> None:
    from scrapy import Request

    home = Request("http://a.test/", meta={"unit": "u", "kind": "home"}, dont_filter=True)
    assert request_key(home) == request_key(home.replace())  # the same start request from another worker
    assert request_key(home) != request_key(home.replace(meta={"unit": "v", "kind": "home"}))
    listed = home.replace(meta={"unit": "u", "kind": "list"})
    assert request_key(listed) != request_key(home)
    rendered = listed.replace(meta={**listed.meta, "playwright": True})
    assert request_key(rendered) != request_key(listed)
    retried = listed.replace(meta={**listed.meta, "backoff_times": 1})
    assert request_key(retried) != request_key(listed)


def test_a_worker_silent_too_long_is_not_waited_for(redis_url: str) -> None:
    import redis

    server = redis.Redis.from_url(redis_url)
    now = time.time()
    server.hset("zwgk:test:busy", mapping={"alive": now - 5, "killed": now - BUSY_STALE_SECONDS - 1})
    try:
        assert busy_workers(server, "zwgk:test:busy") == ["alive"]
    finally:
        server.delete("zwgk:test:busy")


def test_workers_share_the_per_host_limit() -> None:
    assert worker_share(4, 0.5, 1) == (4, 0.5)
    assert worker_share(4, 0.5, 2) == (2, 1.0)  # together: 4 at a time, 2 requests a second, as one process
    assert worker_share(4, 0.0, 3) == (1, 0.0)
    assert worker_share(2, 1.0, 4) == (1, 4.0)  # more workers than slots: one each, the delay keeps the rate
    assert worker_share(4, 0.5, 0) == (4, 0.5)


def test_the_shared_queue_takes_hosts_in_turns(redis_url: str) -> None:
    """With 100 hosts and a per-host delay, a worker that took a run of one host's requests filled its
    CONCURRENT_REQUESTS with requests waiting out that host's delay (scrapy-redis orders equal priorities
    by the serialized request, so one host's requests came out together)."""
    import redis
    from scrapy import Request, Spider

    from crawler.distributed import HostFairQueue

    server = redis.Redis.from_url(redis_url)
    queue = HostFairQueue(server, Spider(name="portal"), "zwgk:fair-test:requests")
    try:
        for i in range(5):
            queue.push(Request(f"http://a.test/{i}"))
        for i in range(2):
            queue.push(Request(f"http://b.test/{i}"))
        queue.push(Request("http://c.test/late"))
        queue.push(Request("http://b.test/render", meta={"download_slot": "b.test#render"}))
        queue.push(Request("http://a.test/urgent", priority=5))
        assert len(queue) == 10
        popped = [queue.pop() for _ in range(10)]
        assert popped[0].url == "http://a.test/urgent"  # priority still comes first
        hosts = [r.meta.get("download_slot") or r.url.split("/")[2] for r in popped[1:]]
        assert sorted(hosts[:4]) == ["a.test", "b.test", "b.test#render", "c.test"]  # every slot's first
        assert sorted(hosts[4:6]) == ["a.test", "b.test"]  # then every slot's second
        assert hosts[6:] == ["a.test"] * 3
        assert [r.url for r in popped if r.url.startswith("http://a.test/") and r.priority == 0] == \
            [f"http://a.test/{i}" for i in range(5)]  # one host's own requests keep their order
        assert queue.pop() is None
    finally:
        queue.clear()
    assert not server.exists("zwgk:fair-test:requests", "zwgk:fair-test:requests:seq")


def test_autothrottle_does_not_undo_the_shared_delay() -> None:
    """AutoThrottle lowers a slot's delay after each fast response down to its minimum, the single-process
    DOWNLOAD_DELAY: four workers soon sent four times the single-process rate to a host."""
    from scrapy import Spider
    from scrapy.core.downloader import Downloader, Slot
    from scrapy.extensions.throttle import AutoThrottle
    from scrapy.http import Response
    from scrapy.utils.test import get_crawler

    from crawler.distributed import apply_share
    from crawler.scrapy_settings import scrapy_settings

    settings = settings_for("sqlite://", per_host_concurrency=2, download_delay=0.25)
    crawler = get_crawler(Spider, {**{k: v for k, v in scrapy_settings(settings, 1).items()
                                      if k.startswith(("AUTOTHROTTLE", "DOWNLOAD_DELAY", "CONCURRENT"))},
                                   "DOWNLOAD_HANDLERS": {"http": None, "https": None}})  # slots only, no handler
    downloader, throttle = Downloader(crawler), AutoThrottle(crawler)
    throttle.mindelay, throttle.maxdelay = throttle._min_delay(), throttle._max_delay()  # as at spider_opened
    # the slots as the downloader makes them (its _get_slot also starts a reactor loop that is not here)
    fast_slot = downloader.slots["fast.test"] = Slot(downloader.domain_concurrency, downloader._delay, 0)
    slow_slot = downloader.slots["slow.test"] = Slot(downloader.domain_concurrency, 3.0, 0)  # slowed down
    apply_share(downloader, throttle, *worker_share(2, 0.25, 4))
    for _ in range(10):
        throttle._adjust_delay(fast_slot, 0.002, Response("http://fast.test/", status=200))
    assert fast_slot.delay == 1.0 and fast_slot.concurrency == 1  # 4 workers x 1 request a second = 4/s in all
    assert slow_slot.delay == 3.0
    assert downloader._delay >= 1.0  # the delay of the slots made from now on
    apply_share(downloader, None, *worker_share(2, 0.25, 4))  # without AutoThrottle: the shared delay exactly
    assert slow_slot.delay == fast_slot.delay == 1.0


@pytest.mark.postgres
def test_workers_end_their_night_one_after_the_other(postgres_server) -> None:
    """Each worker's last transaction writes rows the others write too (page links, the run's stats). On the
    simulated province (4 workers, 300 units) PostgreSQL found deadlocks between them (their UPDATEs of
    page_links took row locks in different orders; one worker's links, caps and carried pages were lost),
    and the run's stats were merged from a stale read. Now they take turns."""
    import threading

    from sqlalchemy import text

    from crawler.linkstore import LinkCollector
    from crawler.pipelines import write_night_end
    from storage.db import serialize_run_writes

    url = _new_postgres_db(postgres_server)
    upgrade(url)
    engine = make_engine(url)
    Session_ = make_sessionmaker(engine)
    with Session_() as s, s.begin():
        run = CrawlRun(units=[], stats={"pages": 1})
        s.add(run)
        s.flush()
        run_id = run.id
    first = Session_()
    serialize_run_writes(first, run_id)  # worker A is in the middle of its last transaction
    row = first.get_one(CrawlRun, run_id)
    row.stats = {**row.stats, "carried": {"1": {"run": 1, "pages": 2}}}
    first.flush()
    a_pid = first.scalar(text("SELECT pg_backend_pid()"))
    errors: list[BaseException] = []

    def worker_b() -> None:
        try:
            with Session_() as second:
                write_night_end(second, run_id, LinkCollector(run_id), [{"kind": "unit_pages"}],
                                {"2": {"run": 1, "pages": 3}})
        except BaseException as e:  # reported below
            errors.append(e)

    b = threading.Thread(target=worker_b)
    b.start()
    with engine.connect() as watch:  # B waits for A (for its lock, or before the fix for A's row)
        for _ in range(2400):  # up to 2 minutes: a loaded CI machine starts the thread and connects slowly
            if watch.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                 "AND pid <> :a AND datname = current_database()"), {"a": a_pid}):
                break
            watch.rollback()  # pg_stat_activity is read once per transaction: a new one sees B arrive
            time.sleep(0.05)
        else:
            raise AssertionError("worker B never waited for worker A")
    first.commit()
    first.close()
    b.join(timeout=60)
    assert not errors
    with Session_() as s:
        stats = s.get_one(CrawlRun, run_id).stats
    assert stats["carried"] == {"1": {"run": 1, "pages": 2}, "2": {"run": 1, "pages": 3}}  # neither lost
    assert stats["caps"] == [{"kind": "unit_pages"}] and stats["pages"] == 1
    engine.dispose()
