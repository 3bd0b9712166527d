"""A simulated province: 3,000 units on 100 hosts, crawled by 4 scrapy-redis workers into one PostgreSQL
store, and its incremental night (night 2) measured end to end under production politeness.

    .venv/bin/python benchmarks/province.py [--hosts 100 --units-per-host 30 --real-hosts 10]
        [--columns 30 --items 3 --full-items 11] [--workers 4] [--per-host 2 --delay 0.25]
        [--concurrent 16] [--new-items 5] [--no-check]

What runs for real and what is derived (this machine has 2 shared cores; a province's first night is
~1 M pages):

- `--real-hosts` of the `--hosts` hosts run for real, each with the province's per-host load: the same
  `--units-per-host` units on one loopback address (fixtures/county.py's farm, every CMS family, served by
  nginx: fixtures/nginx.py), `--columns` columns each. The other hosts are identical and independent
  (each host has its own politeness limit), so their time is the measured per-host time and their
  requests and CPU scale by hosts / real hosts.
- Columns keep `--items` detail pages instead of the county farm's `--full-items` (11): night 1 stays
  affordable, and a column's page 1 is what an incremental night requests every night anyway. The only
  night-2 requests that depend on the items per column are the rotation's re-verifications, added by
  formula: units x columns x (full_items - items) / revisit_days a night (ZWGK_REVISIT_DAYS).
- Night 1 is crawled by one process without delay (it only builds the history night 2 needs). Night 2:
  `new_items` newer entries in the first column of every tenth unit, crawled by `--workers` workers (the
  coordinator `run_shared_crawl` plus `zwgk worker --redis --once` processes) with the production
  politeness `--per-host` requests in flight and `--delay` seconds between requests per host, shared by
  the workers (crawler.distributed), AutoThrottle on as in production.
- Then `zwgk check` over the store (PostgreSQL), CPU ms per document: the nightly job's second half. A
  check also runs after night 1, as the previous night's job would: night 2's check is the incremental
  one, reusing the per-document results night 1's check stored (checks/memo.py).

Printed: per-host achieved request rate (nginx's own timestamps, per loopback address) and the largest
number of requests one host got in any one second; CPU seconds of the workers, of PostgreSQL, Redis and
nginx; PostgreSQL rows written and database growth; Redis peak memory; WARC bytes; then the province's
night from these numbers: politeness-bound time (requests per host / achieved rate), CPU-bound time (CPU
ms per request x requests / (workers x cores per worker)), database-bound time (PostgreSQL CPU ms per
request x requests / database cores), the after-crawl tail, and the check; which one binds.
Target (issue 15): the province's incremental night under 2 hours.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text

from benchmarks._bench import Sampler, processes, timed
from benchmarks.county_scale import beijing_today, documents, say, work_dir, zwgk_check
from core.settings import Settings
from crawler.distributed import run_shared_crawl
from crawler.launch import run_crawl
from fixtures.county import build_county, build_county_stats
from fixtures.farm import closed_port
from fixtures.nginx import NginxFarm
from fixtures.postgres import create_database, private_postgres
from storage.db import make_engine, make_sessionmaker, upgrade
from tests.conftest import settings_for
from zwgk.units_file import import_registry, parse_registry


def tree_cpu(pid: int) -> float:
    """CPU seconds of a process and all its descendants, living and reaped."""
    table = processes()
    total, stack = 0.0, [pid]
    while stack:
        p = stack.pop()
        total += table.get(p, (0, 0.0))[1]
        stack += [c for c, (parent, _) in table.items() if parent == p]
    return total


def dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


class RedisWatch(Sampler):
    """Redis's used memory, sampled every second in a thread: the peak and the queue's largest length."""

    def __init__(self, url: str):
        import redis

        super().__init__(1.0)
        self.server = redis.Redis.from_url(url)
        self.peak = 0
        self.queue_peak = 0

    def sample(self) -> None:
        with contextlib.suppress(Exception):
            self.peak = max(self.peak, int(self.server.info("memory")["used_memory"]))
            for key in self.server.scan_iter("zwgk:*:requests"):
                self.queue_peak = max(self.queue_peak, int(self.server.zcard(key)))


def pg_stats(url: str) -> dict[str, float]:
    engine = make_engine(url)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT tup_inserted, tup_updated, tup_deleted, xact_commit, "
                                "pg_database_size(current_database()) FROM pg_stat_database "
                                "WHERE datname = current_database()")).one()
        blobs = conn.scalar(text("SELECT pg_total_relation_size('blobs')"))
        backend = conn.scalar(text("SELECT pg_backend_pid()"))
        with open(f"/proc/{backend}/status") as f:  # while the backend lives: its parent is the postmaster
            ppid = next(int(line.split()[1]) for line in f if line.startswith("PPid:"))
    engine.dispose()
    return {"inserted": row[0], "updated": row[1], "deleted": row[2], "commits": row[3], "size": row[4],
            "blobs": blobs or 0, "postmaster": ppid}


def per_host(farm: NginxFarm, start: int, end: int | None = None) -> dict[str, dict[str, float]]:
    """Per loopback address (a host, to Scrapy): requests, seconds from first to last, achieved rate, and
    the most requests in any one second and in any five seconds."""
    requests, times = farm.requests[start:end], farm.times[start:end]
    by_host: dict[str, list[float]] = defaultdict(list)
    for (site, _method, _path), at in zip(requests, times):
        by_host[farm.address_of(site) if site.replace("-", "_") in farm.urls else site].append(at)
    out = {}
    for host, ts in by_host.items():
        ts.sort()
        span = max(ts[-1] - ts[0], 1e-3)
        peak1 = peak5 = 0
        j = k = 0
        for i, t in enumerate(ts):
            while ts[j] <= t - 1.0:
                j += 1
            while ts[k] <= t - 5.0:
                k += 1
            peak1, peak5 = max(peak1, i - j + 1), max(peak5, i - k + 1)
        out[host] = {"requests": len(ts), "span": span, "rate": len(ts) / span, "peak1": peak1, "peak5": peak5 / 5}
    return out


def median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=100, help="hosts of the province")
    parser.add_argument("--units-per-host", type=int, default=30)
    parser.add_argument("--real-hosts", type=int, default=10, help="hosts run for real (the rest is derived)")
    parser.add_argument("--columns", type=int, default=30)
    parser.add_argument("--items", type=int, default=3, help="detail pages per column in the farm")
    parser.add_argument("--full-items", type=int, default=11, help="detail pages per column in the province")
    parser.add_argument("--workers", type=int, default=4, help="1: night 2 in one process without Redis")
    parser.add_argument("--per-host", type=int, default=2, help="ZWGK_PER_HOST_CONCURRENCY on night 2")
    parser.add_argument("--delay", type=float, default=0.25, help="ZWGK_DOWNLOAD_DELAY on night 2")
    parser.add_argument("--concurrent", type=int, default=16, help="ZWGK_CONCURRENT_REQUESTS of each worker")
    parser.add_argument("--new-items", type=int, default=5)
    parser.add_argument("--cores-per-worker", type=float, default=1.0, help="for the CPU-bound time")
    parser.add_argument("--db-cores", type=float, default=2.0, help="PostgreSQL's cores, for the database-bound time")
    parser.add_argument("--no-check", action="store_true", help="skip `zwgk check` after nights 1 and 2")
    parser.add_argument("--jobs", type=int, default=2, help="processes generating the farm")
    parser.add_argument("--workdir", type=Path, help="keep the farm here (default: a temp dir, removed)")
    args = parser.parse_args()
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        sys.exit("redis-server is not installed (scripts/setup.sh installs it)")
    units = args.units_per_host * args.real_hosts
    say(f"province {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores (shared), "
        f"load {os.getloadavg()[0]:.1f}; province {args.hosts} hosts x {args.units_per_host} units = "
        f"{args.hosts * args.units_per_host} units; run for real: {args.real_hosts} hosts, {units} units x "
        f"{args.columns} columns x {args.items} items; night 2: {args.workers} workers, {args.per_host} per host, "
        f"delay {args.delay} s, {args.concurrent} concurrent per worker")
    tmp = work_dir(args.workdir, "zwgk-province-")
    try:
        with contextlib.ExitStack() as stack:
            run(args, tmp, units, redis_server, stack)
    finally:
        if not args.workdir:
            shutil.rmtree(tmp, ignore_errors=True)


def run(args: argparse.Namespace, tmp: Path, units: int, redis_server: str, stack: contextlib.ExitStack) -> None:
    stats, timing = timed(lambda: build_county_stats(tmp / "farm", units, args.columns, args.items, jobs=args.jobs))
    say(f"generate: {stats['files']} files, {stats['bytes'] / 1e6:.0f} MB in {timing.wall:.0f} s")
    port = closed_port()
    redis = subprocess.Popen([redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no", "--dir", str(tmp)], stdout=subprocess.DEVNULL)
    stack.callback(lambda: (redis.terminate(), redis.wait()))
    redis_url = f"redis://127.0.0.1:{port}/0"
    pg = stack.enter_context(private_postgres())
    url = create_database(pg, "province")
    upgrade(url)
    farm = stack.enter_context(NginxFarm(tmp / "farm", hosts=args.real_hosts))
    Session = make_sessionmaker(make_engine(url))
    with Session() as session, session.begin():
        import_registry(session, parse_registry(farm.render_registry_text(stats["registry"]), "units.yaml"))
    warc = tmp / "warc"
    base = dict(check_links=False, collect_new_media=False, progress_interval=999, screenshot_text_findings=False,
                warc_dir=warc)

    # night 1: one process, no delay (it only builds the history)
    start = len(farm.requests)
    result, t1 = timed(lambda: run_crawl(settings_for(url, **base), Session, echo=lambda line: None))
    one = len(farm.requests) - start
    s1 = pg_stats(url)
    say(f"night 1: {one} requests, {result.pages} pages, {t1.wall:.0f} s wall, {t1.cpu:.0f} CPU s "
        f"({1000 * t1.cpu / max(one, 1):.2f} CPU ms/request); PostgreSQL {s1['size'] / 1e6:.0f} MB "
        f"(blobs {s1['blobs'] / 1e6:.0f} MB), WARC {dir_bytes(warc) / 1e6:.0f} MB")

    unit_codes = [f"c{n:03d}" for n in range(1, units + 1)]
    if not args.no_check:  # the previous night's check: it leaves the memo that night 2's check reuses
        first = zwgk_check(url, unit_codes, tmp, beijing_today())
        say(f"check after night 1 (PostgreSQL, everything computed): {documents(url, unit_codes)} documents, "
            f"{first['wall']:.0f} s wall, {first['cpu']:.0f} CPU s, peak RSS {first['rss']:.0f} MB")

    t0 = time.perf_counter()
    build_county(tmp / "farm", units, args.columns, args.items, new_items=args.new_items, jobs=args.jobs,
                 changed_only=True)
    say(f"night 2's changes: {args.new_items} new entries in every tenth unit's first column "
        f"({time.perf_counter() - t0:.1f} s)")

    # night 2: the workers, production politeness
    settings = settings_for(url, **base, per_host_concurrency=args.per_host, download_delay=args.delay,
                            concurrent_requests=args.concurrent)
    env = {**settings.as_env(), "PYTHONPATH": str(ROOT)}
    warc_before, start = dir_bytes(warc), len(farm.requests)
    cpu_before = {"postgres": tree_cpu(s1["postmaster"]), "redis": tree_cpu(redis.pid),
                  "nginx": tree_cpu(farm.process.pid)}  # type: ignore[union-attr]
    ended: dict[str, float] = {}

    def night() -> object:
        if args.workers == 1:  # one process, no Redis (a city on one machine)
            out1 = run_crawl(settings, Session, echo=lambda line: None)
            ended["crawl"] = time.time()
            return out1
        others = [subprocess.Popen([sys.executable, "-m", "zwgk.cli", "worker", "--redis", redis_url, "--once",
                                    "--wait", "120"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL) for _ in range(args.workers - 1)]
        lines: list[str] = []
        out = run_shared_crawl(settings, Session, redis_url, echo=lines.append)
        ended["crawl"] = time.time()
        for w in others:
            w.wait(timeout=7200)
        for line in [x for x in lines if any(w in x for w in ("Error", "错误", "失败", "deadlock"))] + lines[-3:]:
            say(f"  coordinator: {line}")
        return out

    started = time.time()
    with RedisWatch(redis_url) as rw:
        result2, t2 = timed(night)
    two = len(farm.requests) - start
    s2 = pg_stats(url)
    cpu = {k: tree_cpu(pid) - cpu_before[k] for k, pid in
           (("postgres", s1["postmaster"]), ("redis", redis.pid), ("nginx", farm.process.pid))}  # type: ignore[union-attr]
    hosts = per_host(farm, start)
    last = max(farm.times[start:]) if two else started
    first = min(farm.times[start:]) if two else started
    log = farm.requests[start:]
    twice = [k for k, c in Counter(log).items() if c > 1 and not k[2].startswith("/robots")]
    rows = (s2["inserted"] + s2["updated"] + s2["deleted"]) - (s1["inserted"] + s1["updated"] + s1["deleted"])
    rates = [h["rate"] for h in hosts.values()]
    spans = [h["span"] for h in hosts.values()]
    say(f"night 2: {two} requests ({two / max(one, 1):.1%} of night 1), {result2.pages} pages, {t2.wall:.0f} s wall "
        f"(before the first request {first - started:.0f} s, first to last request {last - first:.0f} s; "
        f"after the last request {ended.get('crawl', last) - last:.0f} s "
        f"to close the run), {t2.cpu:.0f} CPU s of the workers and coordinator "
        f"({1000 * t2.cpu / max(two, 1):.2f} CPU ms/request); pages requested more than once: {len(twice)} {twice[:3]}")
    say(f"night 2 per host ({len(hosts)} hosts): requests {min(h['requests'] for h in hosts.values())}–"
        f"{max(h['requests'] for h in hosts.values())}, first to last request {min(spans):.0f}–{max(spans):.0f} s, "
        f"achieved rate median {median(rates):.2f} (min {min(rates):.2f}, max {max(rates):.2f}) requests/s, "
        f"limit 1/delay = {1 / args.delay if args.delay else float('inf'):.2f}; most in one second "
        f"{max(h['peak1'] for h in hosts.values())}, busiest 5 s {max(h['peak5'] for h in hosts.values()):.2f}/s")
    say(f"night 2 other CPU: PostgreSQL {cpu['postgres']:.0f} s ({1000 * cpu['postgres'] / max(two, 1):.2f} ms/request), "
        f"Redis {cpu['redis']:.1f} s, nginx {cpu['nginx']:.1f} s; PostgreSQL rows written {rows} "
        f"({rows / max(two, 1):.1f}/request, {rows / max(t2.wall, 1):.0f}/s), commits "
        f"{s2['commits'] - s1['commits']}, database +{(s2['size'] - s1['size']) / 1e6:.1f} MB "
        f"(now {s2['size'] / 1e6:.0f} MB); WARC +{(dir_bytes(warc) - warc_before) / 1e6:.1f} MB; "
        f"Redis peak {rw.peak / 1e6:.1f} MB, queue peak {rw.queue_peak} requests")

    check = None
    if not args.no_check:
        docs = documents(url, unit_codes)
        pg_before = tree_cpu(s1["postmaster"])
        check = zwgk_check(url, unit_codes, tmp, beijing_today())
        check["documents"], check["pg_cpu"] = docs, tree_cpu(s1["postmaster"]) - pg_before
        say(f"check after night 2 (PostgreSQL, incremental: the memo of night 1's check): {docs} documents, "
            f"{check['wall']:.0f} s wall, {check['cpu']:.0f} CPU s "
            f"({1000 * check['cpu'] / max(docs, 1):.2f} CPU ms/document), PostgreSQL {check['pg_cpu']:.0f} CPU s, "
            f"peak RSS {check['rss']:.0f} MB")

    province(args, two, t2.cpu, cpu["postgres"], median(rates), (ended.get("crawl", last) - last), check)


def province(args: argparse.Namespace, requests: int, cpu: float, pg_cpu: float, rate: float, tail: float,
             check: dict | None) -> None:
    revisit = Settings().revisit_days
    scale = args.hosts / args.real_hosts
    extra_host = args.units_per_host * args.columns * max(args.full_items - args.items, 0) / revisit
    per_host_requests = requests / args.real_hosts + extra_host
    total = per_host_requests * args.hosts
    polite = per_host_requests / rate
    cpu_ms = 1000 * cpu / max(requests, 1)
    cpu_bound = total * cpu_ms / 1000 / (args.workers * args.cores_per_worker)
    pg_ms = 1000 * pg_cpu / max(requests, 1)
    db_bound = total * pg_ms / 1000 / args.db_cores
    crawl = max(polite, cpu_bound, db_bound)
    binds = {polite: "politeness", cpu_bound: "worker CPU", db_bound: "database CPU"}[crawl]
    say(f"province ({args.hosts} hosts x {args.units_per_host} units, {args.workers} workers), derived:")
    say(f"  requests per host = {requests} / {args.real_hosts} + {args.units_per_host} x {args.columns} x "
        f"({args.full_items} - {args.items}) / {revisit} = {per_host_requests:.0f}; province {total:.0f}")
    say(f"  politeness-bound: {per_host_requests:.0f} / {rate:.2f} requests/s = {polite / 60:.1f} min (hosts in parallel)")
    say(f"  CPU-bound: {cpu_ms:.2f} ms x {total:.0f} / ({args.workers} x {args.cores_per_worker:g} cores) = "
        f"{cpu_bound / 60:.1f} min")
    say(f"  database-bound: {pg_ms:.2f} PostgreSQL CPU ms x {total:.0f} / {args.db_cores:g} cores = {db_bound / 60:.1f} min")
    say(f"  crawl: {crawl / 60:.1f} min, bound by {binds}; after the last request (close the run): "
        f"{tail:.0f} s x {scale:g} = {tail * scale / 60:.1f} min (grows with units)")
    night = crawl + tail * scale
    if check is not None:
        docs = args.hosts * args.units_per_host * args.columns * args.full_items
        # CPU of the check and of the database, not wall: on this shared machine the wall is mostly waiting
        # for a core (it was 1.3-3.7x the CPU in runs under load 3-9)
        per_doc = (check["cpu"] + check["pg_cpu"]) / max(check["documents"], 1)
        check_s = docs * per_doc
        say(f"  check: {docs} documents x {1000 * per_doc:.2f} ms (CPU of the check and PostgreSQL per document) "
            f"= {check_s / 60:.1f} min (one check process; measured wall {check['wall']:.0f} s under load)")
        night += check_s
    say(f"  incremental night end to end: {night / 60:.1f} min (target < 120 min)")


if __name__ == "__main__":
    main()
