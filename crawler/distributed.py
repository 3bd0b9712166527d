"""One night split across crawl workers on several machines, on scrapy-redis.

The coordinator (`zwgk crawl --redis URL`) records the run and publishes its plan in Redis; every
worker (`zwgk worker --redis URL`, on any machine that reaches the Redis server, the database and the
fixture or real portals) runs the same spider with scrapy-redis's scheduler: one request queue and one
duplicate filter in Redis, so each page is fetched by exactly one worker and all of them write the
same crawl run. When no worker has anything left, the coordinator runs the after-crawl steps (attachment
texts, link checks, new media) once and closes the run.

Keys (all under `zwgk:`): `night` (the published plan), and per run `<run>:requests` (the priority
queue), `<run>:dupefilter`, `<run>:busy` (worker -> when it last took a request, while it holds
one), `<run>:workers` (workers running), `<run>:done` (worker -> exit code).

When a worker may stop: Scrapy closes a spider as soon as its own queue is empty, but here another
worker may still be parsing a page whose links are not queued yet. A worker that pops a request joins
`busy` in the same Redis call (a Lua script), and leaves it only when its engine is idle; a worker stops
when the queue is empty and no worker is busy.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request
from scrapy_redis.scheduler import Scheduler
from sqlalchemy.orm import Session, sessionmaker
from w3lib.url import canonicalize_url

from core.settings import Settings
from crawler.launch import CrawlResult, History, close_run, open_run, run_process, write_plan
from crawler.plan import CrawlPlan

PREFIX = "zwgk:"
NIGHT_KEY = PREFIX + "night"

# Pop the best request and mark this worker busy in one step, so that no other worker can see an
# empty queue and no busy worker in between.
_POP = """
local r = redis.call('ZRANGE', KEYS[1], 0, 0)
if r[1] then
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
end
return r[1]
"""
# A worker that has taken no request for this long while marked busy is taken for dead (killed, machine
# lost): the others stop waiting for it. Longer than any one page can take (timeouts, retries, rendering).
BUSY_STALE_SECONDS = 300.0
CLOSE_GRACE_SECONDS = 600.0  # a worker's last writes (a night's links) take far less


def run_key(run_id: int, name: str) -> str:
    return f"{PREFIX}{run_id}:{name}"


def worker_name(settings: Settings) -> str:
    return settings.worker_id or f"{socket.gethostname()}:{os.getpid()}"


def shared_scrapy_settings(settings: Settings, redis_url: str, run_id: int) -> dict[str, Any]:
    """What turns a crawl process into one worker of a shared night."""
    return {
        "SCHEDULER": "crawler.distributed.SharedScheduler",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": run_key(run_id, "requests"),
        "SCHEDULER_DUPEFILTER_KEY": run_key(run_id, "dupefilter"),
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # the other workers still use queue and filter; the coordinator clears them
        "REDIS_URL": redis_url,
        "ZWGK_SHARED_RUN": True,
        "ZWGK_BUSY_KEY": run_key(run_id, "busy"),
        "ZWGK_WORKERS_KEY": run_key(run_id, "workers"),
        "ZWGK_WORKER": worker_name(settings),
    }


def request_key(request: Request) -> str:
    """Duplicate-filter key of a request the spider sends with dont_filter (home, list and feed pages,
    re-renders, retries): in one process these are never repeated, but every worker yields the same
    start requests. The unit, the kind of page, rendering and the retry count tell apart the requests
    that one process sends on purpose for the same URL."""
    meta = request.meta
    data = {
        "unit": meta.get("unit"), "kind": meta.get("kind"), "js": bool(meta.get("playwright")),
        "retry": meta.get("retry_times", 0), "backoff": meta.get("backoff_times", 0),
        "method": request.method, "url": canonicalize_url(request.url), "body": (request.body or b"").hex(),
    }
    return "page:" + hashlib.sha1(json.dumps(data, sort_keys=True).encode()).hexdigest()


def worker_share(per_host: int, delay: float, workers: int) -> tuple[int, float]:
    """One worker's per-host concurrency and delay when `workers` workers crawl the same hosts, so that
    together they keep to the single-process limit: the concurrency divided (at least one request each)
    and the delay multiplied (the same request rate per host in all)."""
    workers = max(workers, 1)
    return max(1, per_host // workers), delay * workers


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler, plus: requests sent with dont_filter are filtered by `request_key`; a
    worker stays open while another one is busy; and the per-host politeness limit is shared by the
    workers running (re-read every few seconds, applied to every download slot)."""

    SHARE_EVERY = 2.0  # seconds between looks at how many workers run
    shared_at: float = 0.0
    per_host: int
    delay: float

    @classmethod
    def from_crawler(cls, crawler: Any) -> SharedScheduler:
        instance = super().from_crawler(crawler)
        instance.crawler = crawler
        instance.busy_key = crawler.settings["ZWGK_BUSY_KEY"]
        instance.workers_key = crawler.settings["ZWGK_WORKERS_KEY"]
        instance.worker = crawler.settings["ZWGK_WORKER"]
        instance.per_host = crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        instance.delay = crawler.settings.getfloat("DOWNLOAD_DELAY")
        instance.shared_at = 0.0
        instance.pop_script = instance.server.register_script(_POP)
        crawler.signals.connect(instance.spider_idle, signal=signals.spider_idle)
        return instance

    def share_politeness(self) -> None:
        now = time.monotonic()
        if now - self.shared_at < self.SHARE_EVERY:
            return
        self.shared_at = now
        concurrency, delay = worker_share(self.per_host, self.delay, self.server.scard(self.workers_key))
        downloader = self.crawler.engine.downloader
        downloader.domain_concurrency = concurrency  # for the slots created from now on (Scrapy 2.19)
        downloader._delay = delay
        for slot in downloader.slots.values():
            slot.concurrency, slot.delay = concurrency, delay

    def enqueue_request(self, request: Request) -> bool:
        if request.dont_filter:
            if self.server.sadd(self.df.key, request_key(request)) == 0:
                return False
        elif self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        self.share_politeness()
        data = self.pop_script(keys=[self.queue.key, self.busy_key], args=[self.worker, time.time()])
        if data is None:
            return None
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return self.queue._decode_request(data)

    def spider_idle(self, spider: Any) -> None:
        self.server.hdel(self.busy_key, self.worker)
        if len(self.queue) or busy_workers(self.server, self.busy_key):
            raise DontCloseSpider  # asked again on the engine's next heartbeat (5 s)


def busy_workers(server: Any, busy_key: str) -> list[str]:
    """Workers holding a request, leaving out those silent for BUSY_STALE_SECONDS (taken for dead)."""
    now = time.time()
    return [w.decode() if isinstance(w, bytes) else w for w, at in server.hgetall(busy_key).items()
            if now - float(at) < BUSY_STALE_SECONDS]


# --- the night: coordinator and workers ---------------------------------------------------------
def _redis(redis_url: str) -> Any:
    import redis

    return redis.Redis.from_url(redis_url)


def publish_night(redis_url: str, run_id: int, plan: CrawlPlan, history: History) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plan_path = write_plan(Path(tmp), plan, history)
        plan_json = plan_path.read_text(encoding="utf-8")
    _redis(redis_url).set(NIGHT_KEY, json.dumps({"run_id": run_id, "plan": json.loads(plan_json),
                                                 "validators": history.validators, "listed": history.listed},
                                                ensure_ascii=False))


def run_worker(settings: Settings, redis_url: str, echo: Callable[[str], None] = print,
               wait_seconds: float = 0.0, poll: float = 0.5, after_run: int | None = None) -> int | None:
    """Crawl the published night as one of its workers; the run id, or None when no night (other
    than `after_run`, the one this worker has just done) was published within `wait_seconds`."""
    server = _redis(redis_url)
    deadline = time.monotonic() + wait_seconds
    while True:
        raw = server.get(NIGHT_KEY)
        night = json.loads(raw) if raw is not None else None
        if night is not None and int(night["run_id"]) != after_run:
            break
        if time.monotonic() >= deadline:
            return None
        time.sleep(poll)
    run_id = int(night["run_id"])
    name = f"{worker_name(settings)}:{run_id}"
    server.sadd(run_key(run_id, "workers"), name)
    returncode = 1
    try:
        echo(f"[工作进程] {name} 加入第 {run_id} 次抓取")
        with tempfile.TemporaryDirectory(prefix="zwgk-worker-") as tmp:
            plan_path = Path(tmp) / "plan.json"
            plan_path.write_text(json.dumps(night["plan"], ensure_ascii=False), encoding="utf-8")
            write_plan(Path(tmp), CrawlPlan.load(plan_path), History(night["validators"], night["listed"]))
            returncode = run_process(settings, plan_path, echo, redis_url=redis_url)
    finally:
        server.hset(run_key(run_id, "done"), name, returncode)
        server.srem(run_key(run_id, "workers"), name)
    return run_id


def run_shared_crawl(settings: Settings, Session_: sessionmaker[Session], redis_url: str,
                     unit_slugs: list[str] | None = None,
                     echo: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
                     local_worker: bool = True, first_worker_seconds: float = 600.0) -> CrawlResult:
    """Coordinate one night: publish it, crawl as a worker too (unless `local_worker` is False), wait
    until every worker has finished, then close the run as a single-process crawl would."""
    server = _redis(redis_url)
    if server.exists(NIGHT_KEY):
        raise RuntimeError("another night is already published on this Redis server")
    run_id, plan, history = open_run(settings, Session_, unit_slugs)
    started = time.monotonic()
    publish_night(redis_url, run_id, plan, history)
    try:
        if local_worker:
            run_worker(settings, redis_url, echo)
        deadline = time.monotonic() + first_worker_seconds
        while not server.hlen(run_key(run_id, "done")) and time.monotonic() < deadline:
            time.sleep(0.5)  # no local worker: wait for the first one to finish
        server.delete(NIGHT_KEY)  # no new worker joins from here on
        # Wait for the workers still running (they write their last batch and the links when they stop).
        # One that died without saying so (killed) holds the night up only until CLOSE_GRACE_SECONDS after
        # the queue ran empty with no live worker busy.
        quiet_since: float | None = None
        while lost := server.smembers(run_key(run_id, "workers")):
            if server.zcard(run_key(run_id, "requests")) or busy_workers(server, run_key(run_id, "busy")):
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since > CLOSE_GRACE_SECONDS:
                names = ", ".join(sorted(w.decode() if isinstance(w, bytes) else w for w in lost))
                echo(f"[分布式] 工作进程 {names} 未正常结束，视为已退出")
                server.hset(run_key(run_id, "done"), mapping={w: 1 for w in lost})
                break
            time.sleep(0.5)
        codes = [int(c) for c in server.hvals(run_key(run_id, "done"))]
    finally:
        server.delete(NIGHT_KEY, *(run_key(run_id, k) for k in ("requests", "dupefilter", "busy", "workers", "done")))
    returncode = 0 if codes and all(c == 0 for c in codes) else 1
    echo(f"[分布式] {len(codes)} 个工作进程完成第 {run_id} 次抓取")
    return close_run(settings, Session_, run_id, unit_slugs, returncode, started, echo)
