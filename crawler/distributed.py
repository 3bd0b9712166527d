"""One night split across crawl workers on several machines, on scrapy-redis.

The coordinator (`zwgk crawl --redis URL`) records the run and publishes its plan in Redis; every
worker (`zwgk worker --redis URL`, on any machine that reaches the Redis server, the database and the
fixture or real portals) runs the same spider with scrapy-redis's scheduler: one request queue and one
duplicate filter in Redis, so each page is fetched by exactly one worker and all of them write the
same crawl run. When no worker has anything left, the coordinator runs the after-crawl steps (attachment
texts, link checks, new media) once and closes the run.

Keys (all under `zwgk:`): `night` (the published plan), and per run `<run>:requests` (the priority
queue, taken in turns by host: HostFairQueue), `<run>:requests:seq` (per host, requests queued so far),
`<run>:dupefilter`, `<run>:busy` (worker -> when it last took a request, while it holds one),
`<run>:workers` (workers running), `<run>:done` (worker -> exit code).

When a worker may stop: Scrapy closes a spider as soon as its own queue is empty, but here another
worker may still be parsing a page whose links are not queued yet. A worker that pops a request joins
`busy` in the same Redis call (a Lua script), and leaves it only when its engine is idle; a worker stops
when the queue is empty and no worker is busy.

A worker that dies loses nothing: the same Lua call that pops a request records it as held by the worker
(`<run>:held` token -> worker, `<run>:held_data`, `<run>:held_score`) and renews the worker's lease
(`<run>:leases` worker -> expiry, renewed every few seconds while the worker lives). A held request is
released only when it is done: its callback's output handed on (its links queued in Redis) and the
pipeline's commit that follows it. Whoever looks next (an idle worker, the coordinator) puts the held
requests of a worker whose lease has expired back into the queue, in the same Redis call that removes the
worker: live workers never fetch a page twice, a dead worker's pages in flight are fetched once more.
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
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Request
from scrapy.utils.httpobj import urlparse_cached
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from sqlalchemy.orm import Session, sessionmaker
from w3lib.url import canonicalize_url

from core.settings import Settings
from crawler.launch import CrawlResult, History, close_run, open_run, run_process, write_plan
from crawler.plan import CrawlPlan
from crawler.signals import batch_committed, flush_requested, request_handled
from crawler.warcspool import recover_spool_of, report_text

PREFIX = "zwgk:"
NIGHT_KEY = PREFIX + "night"

# Pop the best request, mark this worker busy, hold the request in its name and renew its lease, in one
# step: no other worker can see an empty queue and no busy worker in between, and a request is never out
# of the queue without being held.
# KEYS: requests, busy, held, held_data, held_score, leases; ARGV: worker, now, lease expiry
_POP = """
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if r[1] then
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
  local token = redis.sha1hex(r[1])
  redis.call('HSET', KEYS[3], token, ARGV[1])
  redis.call('HSET', KEYS[4], token, r[1])
  redis.call('HSET', KEYS[5], token, r[2])
  redis.call('HSET', KEYS[6], ARGV[1], ARGV[3])
  return {r[1], token}
end
return false
"""
# Release held requests that are done: the request itself and the ones it stands in for (a retry, a
# redirect or a parked request sent again carries the tokens of the requests it replaces, which may have been
# taken by another worker). KEYS: held, held_data, held_score; ARGV: tokens...
_RELEASE = """
local n = 0
for i = 1, #ARGV do
  n = n + redis.call('HDEL', KEYS[1], ARGV[i])
  redis.call('HDEL', KEYS[2], ARGV[i])
  redis.call('HDEL', KEYS[3], ARGV[i])
end
return n
"""
_CHAIN = 16  # tokens a request carries of the requests it replaces, at most
# Put back the requests held by workers whose lease has expired, and forget those workers.
# KEYS: requests, busy, held, held_data, held_score, leases, workers; ARGV: now
# Returns {worker, requests put back, worker, ...}.
_RECOVER = """
local dead = {}
local leases = redis.call('HGETALL', KEYS[6])
for i = 1, #leases, 2 do
  if tonumber(leases[i + 1]) < tonumber(ARGV[1]) then dead[leases[i]] = 0 end
end
if next(dead) == nil then return {} end
local held = redis.call('HGETALL', KEYS[3])
for i = 1, #held, 2 do
  local worker = held[i + 1]
  if dead[worker] ~= nil then
    local token = held[i]
    local data = redis.call('HGET', KEYS[4], token)
    if data then
      redis.call('ZADD', KEYS[1], tonumber(redis.call('HGET', KEYS[5], token) or '0'), data)
    end
    redis.call('HDEL', KEYS[3], token)
    redis.call('HDEL', KEYS[4], token)
    redis.call('HDEL', KEYS[5], token)
    dead[worker] = dead[worker] + 1
  end
end
local out = {}
for worker, n in pairs(dead) do
  redis.call('HDEL', KEYS[6], worker)
  redis.call('HDEL', KEYS[2], worker)
  redis.call('SREM', KEYS[7], worker)
  table.insert(out, worker)
  table.insert(out, n)
end
return out
"""
# A worker that has taken no request for this long while marked busy is taken for dead (killed, machine
# lost): the others stop waiting for it. Longer than any one page can take (timeouts, retries, rendering).
BUSY_STALE_SECONDS = 300.0
CLOSE_GRACE_SECONDS = 600.0  # a worker's last writes (a night's links) take far less


RUN_KEYS = ("requests", "requests:seq", "dupefilter", "busy", "workers", "done", "lost", "held", "held_data", "held_score",
            "leases")


def run_key(run_id: int, name: str) -> str:
    return f"{PREFIX}{run_id}:{name}"


def recover_lost(server: Any, run_id: int, now: float | None = None) -> dict[str, int]:
    """Put back the requests held by workers whose lease has expired; worker -> requests put back. The
    workers are removed from the night (recorded in `<run>:lost`)."""
    keys = [run_key(run_id, k) for k in ("requests", "busy", "held", "held_data", "held_score", "leases", "workers")]
    out = server.eval(_RECOVER, len(keys), *keys, time.time() if now is None else now)
    lost = {(w.decode() if isinstance(w, bytes) else w): int(n) for w, n in zip(out[::2], out[1::2])}
    if lost:
        server.hset(run_key(run_id, "lost"), mapping=lost)
    return lost


def worker_name(settings: Settings) -> str:
    return settings.worker_id or f"{socket.gethostname()}:{os.getpid()}"


def shared_scrapy_settings(settings: Settings, redis_url: str, run_id: int) -> dict[str, Any]:
    """What turns a crawl process into one worker of a shared night."""
    return {
        "SCHEDULER": "crawler.distributed.SharedScheduler",
        "SCHEDULER_QUEUE_CLASS": "crawler.distributed.HostFairQueue",
        "SCHEDULER_QUEUE_KEY": run_key(run_id, "requests"),
        "SCHEDULER_DUPEFILTER_KEY": run_key(run_id, "dupefilter"),
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # the other workers still use queue and filter; the coordinator clears them
        "REDIS_URL": redis_url,
        "ZWGK_SHARED_RUN": True,
        "ZWGK_BUSY_KEY": run_key(run_id, "busy"),
        "ZWGK_WORKERS_KEY": run_key(run_id, "workers"),
        "ZWGK_WORKER": worker_name(settings),
        "ZWGK_SHARED_RUN_ID": run_id,
        "ZWGK_WORKER_LEASE": settings.worker_lease_seconds,
        # a request is released once its output is handed on (and then committed): see SharedScheduler
        "SPIDER_MIDDLEWARES": {"crawler.distributed.HandledMiddleware": 50},
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


def apply_share(downloader: Any, throttle: AutoThrottle | None, concurrency: int, delay: float) -> None:
    """Give a worker's download slots its share of the per-host limit (worker_share). With AutoThrottle the
    shared delay becomes its minimum as well: AutoThrottle lowers a slot's delay towards the latency after
    every response, down to its minimum, which is the single-process DOWNLOAD_DELAY, so N workers would
    soon send N times the single-process rate to a host. A slot that AutoThrottle has slowed down for a
    slow host keeps its longer delay."""
    downloader.domain_concurrency = concurrency  # for the slots created from now on (Scrapy 2.19)
    if throttle is None:
        downloader._delay = delay
    else:
        throttle.mindelay = delay
        downloader._delay = throttle._start_delay()  # at least the shared delay
    for slot in downloader.slots.values():
        slot.concurrency = concurrency
        slot.delay = delay if throttle is None else max(slot.delay, delay)


def slot_key(request: Request) -> str:
    """The download slot a request will wait in (Scrapy's Downloader.get_slot_key without IP slots)."""
    return request.meta.get("download_slot") or urlparse_cached(request).hostname or ""


# Push a request with a score that puts it after the requests of its priority that its host already has
# queued, and before the next ones of every other host; and mark it seen (ARGV[4], the duplicate filter's
# member; empty: not filtered) in the same step: a worker killed between the two would leave a request
# marked seen but never queued, and the page that links to it, put back and fetched again, would find its
# link already "seen" (a page lost).
# KEYS: requests, requests:seq, dupefilter; ARGV: host slot, -priority, request, member. 0: seen before.
_PUSH = """
if ARGV[4] ~= '' and redis.call('SADD', KEYS[3], ARGV[4]) == 0 then
  return 0
end
local n = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('ZADD', KEYS[1], tonumber(ARGV[2]) * 1e9 + n, ARGV[3])
return n
"""


class HostFairQueue(PriorityQueue):
    """scrapy-redis's priority queue, taken in turns by host: within one priority the k-th request queued
    for a host comes before the (k+1)-th of any host. scrapy-redis orders equal scores by the serialized
    request, so runs of one host's requests came out together; a worker then filled its CONCURRENT_REQUESTS
    with requests waiting out one host's delay while the other hosts' requests stayed in the queue (with
    100 hosts and a delay, the night ran at the pace of a few hosts)."""

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None):
        super().__init__(server, spider, key, serializer)
        self.seq_key = f"{self.key}:seq"
        self.push_script = server.register_script(_PUSH)

    def push(self, request: Request, seen_key: str = "", member: str = "") -> bool:
        """Queue `request`; with a member, only when the set `seen_key` did not hold it (added in the same step)."""
        return bool(self.push_script(keys=[self.key, self.seq_key, seen_key or self.seq_key + ":none"],
                                     args=[slot_key(request), -request.priority, self._encode_request(request),
                                           member]))

    def clear(self) -> None:
        self.server.delete(self.key, self.seq_key)


def _new_work(output: Any) -> Any:
    """A request a callback yields is new work, even when it is a copy of the response's own request (a
    re-render, a refused POST asked again as GET): it must not carry the held token, or the worker that
    takes it would release the response's request before the items that response produced are committed,
    and a crash in between would lose them. Retries and redirects, which stand in for a request that
    produced nothing, are sent by downloader middlewares and keep it."""
    if isinstance(output, Request):
        output.meta.pop("zwgk_held", None)
        output.meta.pop("zwgk_replaces", None)
    return output


class HandledMiddleware:
    """Tells the scheduler when a response's callback output has all been handed on (items to the
    pipeline, requests to the queue). Failures say so from the spider's errback."""

    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> HandledMiddleware:
        return cls(crawler)

    def process_spider_output(self, response: Any, result: Any, spider: Any = None) -> Any:
        for output in result:
            yield _new_work(output)
        self.crawler.signals.send_catch_log(request_handled, request=response.request)

    async def process_spider_output_async(self, response: Any, result: Any, spider: Any = None) -> Any:
        async for output in result:
            yield _new_work(output)
        self.crawler.signals.send_catch_log(request_handled, request=response.request)


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler, plus: requests sent with dont_filter are filtered by `request_key`; a
    worker stays open while another one is busy; the per-host politeness limit is shared by the
    workers running (re-read every few seconds, applied to every download slot); and every request taken
    is held in this worker's name until it is done (see the module's docstring)."""

    SHARE_EVERY = 2.0  # seconds between looks at how many workers run
    shared_at: float = 0.0
    per_host: int
    delay: float
    handled_before: list[str]
    handled: list[str]

    @classmethod
    def from_crawler(cls, crawler: Any) -> SharedScheduler:
        instance = super().from_crawler(crawler)
        instance.crawler = crawler
        s = crawler.settings
        instance.busy_key = s["ZWGK_BUSY_KEY"]
        instance.workers_key = s["ZWGK_WORKERS_KEY"]
        instance.worker = s["ZWGK_WORKER"]
        instance.run_id = s.getint("ZWGK_SHARED_RUN_ID")
        instance.lease = s.getfloat("ZWGK_WORKER_LEASE", 60.0)
        instance.per_host = s.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        instance.delay = s.getfloat("DOWNLOAD_DELAY")
        instance.shared_at = 0.0
        instance.pop_script = instance.server.register_script(_POP)
        instance.release_script = instance.server.register_script(_RELEASE)
        # tokens whose output was handed on before the last commit, and since: released one commit later, so
        # that every item they produced is in a committed batch (the last items of a response may still be
        # in the pipeline when its output ends)
        instance.handled_before = []
        instance.handled = []
        instance.heartbeat = None
        crawler.signals.connect(instance.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(instance.request_handled, signal=request_handled)
        crawler.signals.connect(instance.batch_committed, signal=batch_committed)
        return instance

    def _keys(self, *names: str) -> list[str]:
        return [run_key(self.run_id, n) for n in names]

    def open(self, spider: Any) -> Any:
        result = super().open(spider)
        from twisted.internet import task

        self.renew_lease()
        self.heartbeat = task.LoopingCall(self.renew_lease)
        self.heartbeat.start(max(self.lease / 6, 0.5), now=False)
        return result

    def close(self, reason: str) -> Any:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        # the pipeline has closed (before the scheduler) and committed everything it was given
        self.release([*self.handled_before, *self.handled])
        if reason == "finished":  # the night is over: what is still held (a redirect to a page seen) is done
            self.release(self._held_by_me())
            self.server.hdel(run_key(self.run_id, "leases"), self.worker)
        else:  # stopped mid-night: the lease ends now, so that what is left is put back at the next look
            self.server.hset(run_key(self.run_id, "leases"), self.worker, 0)
        return super().close(reason)

    def renew_lease(self) -> None:
        self.server.hset(run_key(self.run_id, "leases"), self.worker, time.time() + self.lease)

    def _held_by_me(self) -> list[str]:
        held = self.server.hgetall(run_key(self.run_id, "held"))
        me = self.worker.encode()
        return [t.decode() for t, w in held.items() if w == me]

    def release(self, tokens: list[str]) -> None:
        if tokens:
            self.release_script(keys=self._keys("held", "held_data", "held_score"), args=tokens)

    def request_handled(self, request: Request) -> None:
        token = request.meta.get("zwgk_held")
        if token:
            self.handled += [token, *request.meta.get("zwgk_replaces", ())]

    def batch_committed(self) -> None:
        self.release(self.handled_before)
        self.handled_before, self.handled = self.handled, []

    def share_politeness(self) -> None:
        now = time.monotonic()
        if now - self.shared_at < self.SHARE_EVERY:
            return
        self.shared_at = now
        concurrency, delay = worker_share(self.per_host, self.delay, self.server.scard(self.workers_key))
        throttle = next((e for e in self.crawler.extensions.middlewares if isinstance(e, AutoThrottle)), None)
        apply_share(self.crawler.engine.downloader, throttle, concurrency, delay)

    def enqueue_request(self, request: Request) -> bool:
        if request.dont_filter:
            # A request that carries a held token came out of this night's queue before: this process sends
            # it again on purpose (parked while its server was on hold, then handed back), so it is no other
            # worker's copy of a start request and is queued as it is.
            member = "" if "zwgk_held" in request.meta else request_key(request)
        else:
            member = self.df.request_fingerprint(request)
        if not self.queue.push(request, self.df.key, member):  # marked seen and queued in one step
            if not request.dont_filter:
                self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        self.share_politeness()
        now = time.time()
        popped = self.pop_script(keys=[self.queue.key, self.busy_key, *self._keys("held", "held_data", "held_score",
                                                                                  "leases")],
                                 args=[self.worker, now, now + self.lease])
        if not popped:
            return None
        data, token = popped
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        request = self.queue._decode_request(data)
        replaced = request.meta.get("zwgk_held")  # sent again in place of another request (retry, redirect)
        if replaced:
            request.meta["zwgk_replaces"] = [*request.meta.get("zwgk_replaces", ()), replaced][-_CHAIN:]
        request.meta["zwgk_held"] = token.decode() if isinstance(token, bytes) else token
        return request

    def spider_idle(self, spider: Any) -> None:
        # nothing in flight: commit what the pipeline holds, then every request handled so far is done. The
        # others this worker holds stay held: parked for a server on hold, or replaced by a request that
        # another worker has not finished yet.
        self.crawler.signals.send_catch_log(flush_requested)
        self.release([*self.handled_before, *self.handled])
        self.handled_before, self.handled = [], []
        self.server.hdel(self.busy_key, self.worker)
        self.renew_lease()
        lost = recover_lost(self.server, self.run_id)
        for name, count in lost.items():
            print(f"[分布式] 工作进程 {name} 的租约已过期，其未完成的 {count} 个请求已放回队列", file=sys.stderr, flush=True)
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
                                                 "validators": history.validators, "listed": history.listed,
                                                 "paged": history.paged},
                                                ensure_ascii=False))


def run_worker(settings: Settings, redis_url: str, echo: Callable[[str], None] = print,
               wait_seconds: float = 0.0, poll: float = 0.5, after_run: int | None = None) -> int | None:
    """Crawl the published night as one of its workers; the run id, or None when no night (other
    than `after_run`, the one this worker has just done) was published within `wait_seconds`."""
    recovered = recover_spool_of(settings)
    if recovered.segments:
        echo(report_text(recovered))
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
            write_plan(Path(tmp), CrawlPlan.load(plan_path), History(night["validators"], night["listed"],
                                                                       night.get("paged", {})))
            # the crawl process holds requests and renews its lease under the name the night knows it by
            returncode = run_process(settings.model_copy(update={"worker_id": name}), plan_path, echo,
                                     redis_url=redis_url)
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
        # One that died without saying so (killed, machine lost) stops renewing its lease: its requests in
        # flight go back into the queue and the others crawl them (recover_lost, here and in idle workers).
        # Without a lease (a worker of an older version) it holds the night up only until CLOSE_GRACE_SECONDS
        # after the queue ran empty with no live worker busy.
        quiet_since: float | None = None
        while server.smembers(run_key(run_id, "workers")):
            for name, count in recover_lost(server, run_id).items():
                echo(f"[分布式] 工作进程 {name} 的租约已过期，其未完成的 {count} 个请求已放回队列")
            lost = server.smembers(run_key(run_id, "workers"))
            if not lost:
                break
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
        recovered = len(server.hkeys(run_key(run_id, "lost")))
        left = server.hlen(run_key(run_id, "held")) + server.zcard(run_key(run_id, "requests"))
        if left:  # put back when no live worker was left to take them
            echo(f"[分布式] 仍有 {left} 个请求未完成")
            codes.append(1)
    finally:
        server.delete(NIGHT_KEY, *(run_key(run_id, k) for k in RUN_KEYS))
    if recovered:
        echo(f"[分布式] {recovered} 个工作进程中途退出，它们未完成的请求已由其他工作进程完成")
    returncode = 0 if codes and all(c == 0 for c in codes) else 1
    echo(f"[分布式] {len(codes)} 个工作进程完成第 {run_id} 次抓取")
    return close_run(settings, Session_, run_id, unit_slugs, returncode, started, echo)
