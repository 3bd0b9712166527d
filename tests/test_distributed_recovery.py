"""A crawl worker that dies mid-night loses nothing: two `zwgk worker` processes share one night (Redis,
PostgreSQL) and one shared evidence directory; one is killed with SIGKILL (with its crawl process, as
when its machine is lost) while it holds requests; its lease expires, the requests it held go back into
the queue, the other worker crawls them, and the night ends with every page a single process stores. The
WARC segment it was writing stays in its machine's spool; the next worker started there finishes it, and
then every page the night captured has its WARC record in the store (crawler.warcspool)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import redis
from sqlalchemy import func, select

from crawler.distributed import recover_lost, run_key, run_shared_crawl
from crawler.launch import run_crawl
from crawler.warcspool import recover_spool_of, spool_dir
from storage.blobs import IN_STORE, read_blob
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.evidence import verify_blobs, verify_records, verify_warc
from storage.evidence_store import SharedDirectoryStore, using_store
from storage.models import Blob, CrawlRun, Snapshot
from storage.warc_models import WarcRecord
from tests.conftest import _new_postgres_db, import_farm_registry, settings_for
from tests.test_distributed import _night, redis_url  # noqa: F401  (the Redis server fixture)

ROOT = Path(__file__).resolve().parent.parent


def test_a_request_is_marked_seen_only_together_with_being_queued(redis_url: str) -> None:  # noqa: F811
    """Seen and queued in one step: a worker killed after SADD and before ZADD left a link "seen" but never
    queued, so the page that links to it, put back and fetched again, lost it (seen once under load: one list
    page and its five documents missing from the night)."""
    from scrapy import Request, Spider

    from crawler.distributed import HostFairQueue

    server = redis.Redis.from_url(redis_url)
    key, seen = run_key(987653, "requests"), run_key(987653, "dupefilter")
    queue = HostFairQueue(server, Spider(name="t"), key)
    try:
        request = Request("http://127.0.0.1:1/list_2.htm")
        assert queue.push(request, seen, "fp1") is True
        assert server.sismember(seen, "fp1") and server.zcard(key) == 1
        assert queue.push(request, seen, "fp1") is False  # seen: not queued again
        assert server.zcard(key) == 1
        assert queue.push(Request("http://127.0.0.1:1/list_3.htm")) is True  # no member: not filtered
        assert server.zcard(key) == 2 and server.scard(seen) == 1
        # one Lua call: nothing can come between the two writes
        assert "SADD" in queue.push_script.script and "ZADD" in queue.push_script.script
    finally:
        server.delete(key, key + ":seq", seen)


def test_the_requests_of_a_worker_whose_lease_expired_go_back_into_the_queue(redis_url: str) -> None:  # noqa: F811
    server = redis.Redis.from_url(redis_url)
    run = 987654
    now = time.time()
    try:
        server.sadd(run_key(run, "workers"), "dead", "alive")
        server.hset(run_key(run, "leases"), mapping={"dead": now - 1, "alive": now + 60})
        server.hset(run_key(run, "busy"), mapping={"dead": now - 2, "alive": now})
        server.hset(run_key(run, "held"), mapping={"t1": "dead", "t2": "dead", "t3": "alive"})
        server.hset(run_key(run, "held_data"), mapping={"t1": b"r1", "t2": b"r2", "t3": b"r3"})
        server.hset(run_key(run, "held_score"), mapping={"t1": -1, "t2": 0, "t3": 0})
        assert recover_lost(server, run) == {"dead": 2}
        assert server.zrange(run_key(run, "requests"), 0, -1, withscores=True) == [(b"r1", -1.0), (b"r2", 0.0)]
        assert server.hgetall(run_key(run, "held")) == {b"t3": b"alive"}  # a live worker's requests stay its own
        assert server.smembers(run_key(run, "workers")) == {b"alive"}
        assert set(server.hkeys(run_key(run, "busy"))) == {b"alive"}
        assert server.hgetall(run_key(run, "lost")) == {b"dead": b"2"}
        assert recover_lost(server, run) == {}  # once
    finally:
        server.delete(*(run_key(run, k) for k in ("workers", "leases", "busy", "held", "held_data", "held_score",
                                                   "requests", "lost")))


@pytest.mark.postgres
def test_a_killed_worker_loses_no_page(farm, postgres_server, redis_url, tmp_path) -> None:  # noqa: F811
    # the night in one process, for comparison
    single_url = f"sqlite:///{tmp_path / 'single.sqlite'}"
    upgrade(single_url)
    single = make_sessionmaker(make_engine(single_url))
    import_farm_registry(single, farm)
    single_run = run_crawl(settings_for(single_url, check_links=False, collect_new_media=False), single,
                           echo=lambda line: None)
    single_requests = single_run.pages

    url = _new_postgres_db(postgres_server)
    upgrade(url)
    Session_ = make_sessionmaker(make_engine(url))
    import_farm_registry(Session_, farm)
    shared_dir = tmp_path / "shared-evidence"
    settings = settings_for(url, check_links=False, collect_new_media=False, evidence_store="shared",
                            evidence_dir=shared_dir, worker_lease_seconds=4.0, progress_interval=0.2)
    env = {**os.environ, **settings.as_env(), "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    # each worker on its own "machine": its own data directory, where its WARC segments are spooled
    machine = {i: {**env, "ZWGK_WORKER_ID": f"w{i}", "ZWGK_DATA_DIR": str(tmp_path / f"machine{i}")} for i in (1, 2)}
    logs = [tmp_path / f"worker{i}.log" for i in (1, 2)]
    workers = [subprocess.Popen([sys.executable, "-m", "zwgk.cli", "worker", "--redis", redis_url, "--once",
                                 "--wait", "120"], cwd=ROOT, env=machine[i],
                                stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
               for i, log in zip((1, 2), logs)]
    server = redis.Redis.from_url(redis_url)
    killed: dict[str, int] = {}

    def kill_mid_night() -> None:
        """SIGKILL worker 1's whole process group once it has stored pages and holds requests."""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and workers[0].poll() is None:
            text = logs[0].read_text()
            stored = [int(n) for n in re.findall(r"已抓取 (\d+) 页", text)]
            held = [k for k in server.scan_iter("zwgk:*:held")]
            mine = sum(1 for key in held for w in server.hvals(key) if w.startswith(b"w1:"))
            if stored and stored[-1] >= single_requests // 5 and mine:
                killed["held"] = mine
                killed["stored"] = stored[-1]
                os.killpg(workers[0].pid, signal.SIGKILL)
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_mid_night, daemon=True)
    killer.start()
    lines: list[str] = []
    try:
        result = run_shared_crawl(settings, Session_, redis_url, local_worker=False, echo=lines.append)
        killer.join(timeout=10)
        assert workers[1].wait(timeout=120) == 0
    finally:
        for w in workers:
            if w.poll() is None:
                os.killpg(w.pid, signal.SIGKILL)
    worker_logs = [log.read_text() for log in logs]
    assert killed, worker_logs  # worker 1 was killed mid-night, holding requests
    assert workers[0].wait(timeout=10) == -signal.SIGKILL
    said = "\n".join([*lines, worker_logs[1]])
    put_back = [int(n) for n in re.findall(r"w1:\S+ 的租约已过期，其未完成的 (\d+) 个请求已放回队列", said)]
    assert put_back and put_back[0] >= 1, said
    assert "中途退出" in "\n".join(lines)
    print(f"worker 1 killed after storing {killed['stored']} pages, holding {killed['held']} requests; "
          f"{put_back[0]} put back")

    # the night finished, and it holds every page a single process stores
    assert result.returncode == 0, said
    with Session_() as s:
        assert s.get_one(CrawlRun, result.run_id).status == "finished"
    snaps, docs, linked = _night(Session_, result.run_id)
    want_snaps, want_docs, want_linked = _night(single, single_run.run_id)
    assert snaps == want_snaps
    assert (docs, linked) == (want_docs, want_linked)
    assert result.pages == single_run.pages
    # the bodies are in the shared directory (the database indexes them), whole; the WARC records that were
    # indexed re-read from it
    store = SharedDirectoryStore(shared_dir)
    responded = select(Snapshot.id).where(Snapshot.crawl_run_id == result.run_id, Snapshot.status.is_not(None))
    unindexed = responded.where(Snapshot.id.not_in(select(WarcRecord.snapshot_id)))
    with Session_() as s, using_store(store):
        assert s.scalar(select(func.count()).select_from(Blob).where(Blob.data != IN_STORE)) == 0
        digest = s.scalar(select(Snapshot.content_hash).where(Snapshot.crawl_run_id == result.run_id,
                                                              Snapshot.content_hash.is_not(None)).limit(1))
        assert read_blob(s, digest) is not None
        assert verify_blobs(s).bad == []
        assert verify_records(s).bad == []
        # worker 1's open segment died with it: the pages it committed have no record in the store yet
        missing = len(s.scalars(unindexed).all())
        assert missing > 0
    # a write is a temporary file renamed into place (storage.evidence_store): the killed crawl process may
    # have died in the middle of a batch's puts (at most put_threads at once), a process that ended never
    temps = list(shared_dir.rglob("*.tmp"))  # .<name>.<host>.<pid>.<random>.tmp
    writers = {t.name.rsplit(".", 3)[1] for t in temps}
    assert len(temps) <= SharedDirectoryStore.put_threads and len(writers) <= 1, temps
    assert not any(Path(f"/proc/{pid}").exists() for pid in writers), temps

    # ... but it is in machine 1's spool. Make its end torn, as when the kill lands in the middle of a write:
    # half of a record after the last whole one, half a line after the last line of its index.
    spool = spool_dir(settings.model_copy(update={"data_dir": tmp_path / "machine1"}))
    assert not list((tmp_path / "machine2").rglob("*.warc.gz"))  # worker 2 stopped cleanly: nothing left
    left = sorted(spool.glob("*.warc.gz"))
    assert left and all(p.with_name(p.name + ".idx").exists() for p in left)
    torn = left[-1]
    whole_size = torn.stat().st_size
    with torn.open("ab") as out:
        out.write(torn.read_bytes()[-3000:][:1500])
    with torn.with_name(torn.name + ".idx").open("ab") as out:
        out.write(b'{"offset": 12345, "length": 67')
    copy = tmp_path / "spool-copy"
    shutil.copytree(spool, copy)
    index_bytes = sum(p.stat().st_size for p in copy.glob("*.idx"))
    warc_bytes = sum(p.stat().st_size for p in copy.glob("*.warc.gz"))

    # machine 1 starts a worker again: before it waits for a night, it finishes what the killed one left
    again = subprocess.run([sys.executable, "-m", "zwgk.cli", "worker", "--redis", redis_url, "--once", "--wait", "0"],
                           cwd=ROOT, env=machine[1], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    said = re.search(r"完成了此前中断的进程留下的 (\d+) 个 WARC 分段：(\d+) 条完整记录，补建索引 (\d+) 条"
                     r"，截去末尾未写完的 (\d+) 字节", again.stderr)
    assert said, again.stderr
    segments, whole, indexed, cut = map(int, said.groups())
    assert segments == len(left) and indexed == missing and whole >= indexed and cut >= 1500
    assert not list(spool.iterdir())
    print(f"recovered {segments} segment(s) of worker 1: {whole} whole records, {indexed} indexed now "
          f"(of {s_count(Session_, responded)} responses of the night); spool index {index_bytes} bytes beside "
          f"{warc_bytes} bytes of WARC ({index_bytes / warc_bytes:.1%})")
    with Session_() as s, using_store(store):
        # every page the night captured has its record in the store, and each re-reads and matches its body
        assert s.scalars(unindexed).all() == []
        assert s.scalar(select(func.count()).select_from(WarcRecord)) == s_count(Session_, responded)
        assert verify_records(s).bad == []
        recovered = store.path(f"warc/{torn.name}")
        assert recovered.stat().st_size <= whole_size  # cut back to its last whole record: a valid WARC again
        checked = verify_warc(recovered)
        assert checked.checked >= 1 and checked.bad == []
        records = s.scalar(select(func.count()).select_from(WarcRecord))

    # a spool finished twice (a crash after the commit, before the files went) adds nothing twice
    shutil.copytree(copy, spool, dirs_exist_ok=True)
    twice = recover_spool_of(settings.model_copy(update={"data_dir": tmp_path / "machine1"}))
    assert (twice.segments, twice.records, twice.indexed) == (len(left), whole, 0)
    with Session_() as s:
        assert s.scalar(select(func.count()).select_from(WarcRecord)) == records
    assert not list(spool.iterdir())


def s_count(Session_, query) -> int:
    with Session_() as s:
        return len(s.scalars(query).all())


def test_a_worker_holds_what_it_takes_until_its_pages_are_committed(redis_url: str) -> None:  # noqa: F811
    from scrapy import Request, Spider
    from scrapy.utils.test import get_crawler

    from crawler.distributed import SharedScheduler, shared_scrapy_settings
    from crawler.signals import batch_committed, request_handled

    server = redis.Redis.from_url(redis_url)
    run = 987655
    settings = settings_for("sqlite://", worker_id="w1:1", worker_lease_seconds=30)
    crawler = get_crawler(Spider, {**shared_scrapy_settings(settings, redis_url, run), "STATS_CLASS":
                                   "scrapy.statscollectors.MemoryStatsCollector"})
    spider = Spider.from_crawler(crawler, name="portal")
    scheduler = SharedScheduler.from_crawler(crawler)
    scheduler.open(spider)
    scheduler.shared_at = float("inf")  # no engine here: no download slots to share the politeness limit with
    try:
        home = Request("http://a.test/", meta={"unit": "u", "kind": "home"}, dont_filter=True)
        assert scheduler.enqueue_request(home)
        assert not scheduler.enqueue_request(home.replace())  # another worker's copy of the same start request
        taken = scheduler.next_request()
        token = taken.meta["zwgk_held"]
        assert server.hget(run_key(run, "held"), token) == b"w1:1"
        assert float(server.hget(run_key(run, "leases"), "w1:1")) > time.time() + 20
        # parked while its server was on hold, then handed back: queued again, not taken for a copy
        parked = taken.replace(dont_filter=True)
        assert scheduler.enqueue_request(parked)
        again = scheduler.next_request()
        assert again.meta["zwgk_replaces"] == [token] and again.meta["zwgk_held"] != token
        # handled: released one commit later (its last items may still be in the pipeline at the first)
        crawler.signals.send_catch_log(request_handled, request=again)
        crawler.signals.send_catch_log(batch_committed)
        assert server.hlen(run_key(run, "held")) == 2
        crawler.signals.send_catch_log(batch_committed)
        assert server.hlen(run_key(run, "held")) == 0  # the request and the one it stood in for
        assert recover_lost(server, run, now=time.time() + 60) == {"w1:1": 0}  # a lease that ran out: nothing lost
    finally:
        scheduler.close("finished")
        server.delete(*(run_key(run, k) for k in ("workers", "leases", "busy", "held", "held_data", "held_score",
                                                   "requests", "dupefilter", "lost")))


def test_a_request_a_callback_yields_is_new_work_not_a_stand_in() -> None:
    """A refused POST asked again as GET (or a list re-rendered) is a copy of the response's request. Were it
    to carry the held token, the worker that takes it would release the first request before that
    request's snapshot is committed, and a worker killed in between would lose the snapshot (seen once in
    test_a_killed_worker_loses_no_page: the 405 answer of a dataproxy.jsp POST was missing)."""
    from scrapy import Request, Spider
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    from crawler.distributed import HandledMiddleware
    from crawler.signals import request_handled

    crawler = get_crawler(Spider)
    handled: list[Request] = []
    crawler.signals.connect(lambda request: handled.append(request), signal=request_handled, weak=False)
    post = Request("http://a.test/dataproxy.jsp?startrecord=46", method="POST", body=b"columnid=1",
                   meta={"unit": "u", "kind": "list", "zwgk_held": "t1", "zwgk_replaces": ["t0"]})
    response = HtmlResponse(post.url, status=405, request=post)
    snapshot = {"url": post.url, "status": 405}
    out = list(HandledMiddleware(crawler).process_spider_output(
        response, [snapshot, post.replace(method="GET", body=b"")]))
    assert out[0] is snapshot
    assert "zwgk_held" not in out[1].meta and "zwgk_replaces" not in out[1].meta
    assert out[1].meta["unit"] == "u"
    assert post.meta["zwgk_held"] == "t1"  # the response's own request keeps its token until committed
    assert handled == [post]
