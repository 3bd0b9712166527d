"""A county at full scale: generate the farm (fixtures/county.py), serve it with nginx (fixtures/nginx.py),
crawl the first night, the incremental second night, a polite night, then `zwgk check` over growing
shares of the documents on SQLite and on PostgreSQL.

    .venv/bin/python benchmarks/county_scale.py [--county 300 30 11] [--hosts 1] [--layout one-origin] [--bare]
        [--new-items 5] [--polite-units 30 --polite-delay 0.25] [--check-shares 0.1 0.3 1] [--postgres]

Phases, each printed as it ends (wall and CPU seconds; CPU = this thread and the child processes waited
for, never nginx):

1. generate: files, MB and seconds to write the farm (`--jobs` processes).
2. night 1: the whole `run_crawl` into SQLite (run record, plan, crawl process, storage, coverage,
   attachment texts; no link check, no new media), as the nightly job does; peak RSS of the crawl process
   (VmHWM sampled from /proc); requests counted in nginx's access log. With `--bare`, a bare Scrapy
   spider fetches night 1's GET URLs with the same engine settings (benchmarks/bare_scrapy.py): the ratio.
3. night 2: `new_items` newer entries in the first column of every tenth unit (only those units' files
   are rewritten), crawled from a copy of night 1's store: requests as a share of night 1's, by kind.
4. polite night: night 2 again (from another copy) for the first `--polite-units` units only, with
   `per_host_concurrency` 2 and `download_delay` `--polite-delay`: measured, and scaled to every unit
   by its request count (requests grow with units; the delay is per request): an extrapolation.
5. check: `zwgk check --unit …` in a child process on a copy of night 1's store for each share of the
   units (documents counted), wall, CPU and peak RSS (VmHWM); with `--postgres` the same on a private
   PostgreSQL cluster into which night 1's store is copied table by table. The check's day is today (the
   captures carry the real clock), so the farm's 2024 dates make every column stale: findings to record.
   `--reuse` runs this phase alone on the stores a previous run left in `--workdir`.

Targets (issue 15): peak RSS of the 100,000-page crawl < 1 GB; night 2 ≤ 5% of night 1's requests
(floor: one list page per column a night); the county's incremental night on one polite host < 1 hour;
check linear in documents.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text

from benchmarks._bench import PeakRSS, Timing, timed
from benchmarks.crawl_speed import bare_crawl
from core.settings import Settings
from crawler.launch import run_crawl
from fixtures.county import build_county, build_county_stats
from fixtures.nginx import NginxFarm
from fixtures.postgres import create_database, private_postgres
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import Base, CrawlRun, Document, Snapshot
from tests.conftest import settings_for
from zwgk.units_file import import_registry, parse_registry


def say(line: str) -> None:
    print(line, flush=True)


def work_dir(given: Path | None, prefix: str) -> Path:
    """The directory a benchmark keeps its farm and stores in: `given`, or a new temporary one (readable by
    nginx's worker user)."""
    tmp = given or Path(tempfile.mkdtemp(prefix=prefix))
    tmp.mkdir(parents=True, exist_ok=True)
    tmp.chmod(0o755)
    return tmp


def beijing_today() -> str:
    """Today in Beijing (the captures' clock), as `zwgk check --as-of` takes it."""
    return f"{datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))):%Y-%m-%d}"


def copy_store(source: Path, target: Path) -> None:
    """A copy of a checkpointed SQLite store; a WAL file left beside the target by an earlier run would
    be replayed into the copy."""
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


def checkpoint(url: str) -> None:
    engine = make_engine(url)
    with engine.connect() as conn:  # copies must hold what is still in the WAL file
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


def crawl(farm: NginxFarm, url: str, units: list[str] | None = None, **overrides: object) -> dict:
    Session = make_sessionmaker(make_engine(url))
    settings = settings_for(url, collect_new_media=False, check_links=False, progress_interval=999,
                            screenshot_text_findings=False, **overrides)
    start = len(farm.requests)
    with PeakRSS() as rss:
        result, timing = timed(lambda: run_crawl(settings, Session, units, echo=lambda line: None))
    requests = farm.requests[start:]
    times = farm.times[start:]
    with Session() as session:
        kinds = dict(session.execute(select(Snapshot.kind, func.count()).where(Snapshot.crawl_run_id == result.run_id)
                                     .group_by(Snapshot.kind)).all())
        later = session.scalar(select(func.count()).where(Snapshot.crawl_run_id == result.run_id,
                                                          Snapshot.kind == "list", Snapshot.page_no > 1))
        carried = (session.get_one(CrawlRun, result.run_id).stats or {}).get("carried", {})
    kinds["list page 1"] = kinds.get("list", 0) - (later or 0)
    kinds["list pages 2.."] = later or 0
    kinds["robots.txt"] = sum(1 for _, _, path in requests if path.startswith("/robots.txt"))
    kinds["list pages carried (not requested)"] = sum(int(c["pages"]) for c in carried.values())
    return {"pages": result.pages, "requests": len(requests), "wall": timing.wall, "cpu": timing.cpu,
            "rss": rss.peak_mb("crawler.crawl_process"), "kinds": kinds, "log": requests, "times": times}


def span(times: list[float]) -> float:
    """Seconds from the first request nginx received to the last."""
    return max(times) - min(times) if len(times) > 1 else 0.0


def pace(times: list[float], delay: float) -> str:
    """How a polite night spent its time, from nginx's arrival times: the span from the first request to
    the last, the mean gap between consecutive requests (the delay's mean is the floor while requests wait),
    and the time lost in gaps longer than 1.5 × the delay (the jitter's upper bound: no request was
    ready, or the crawl process was busy when the slot's timer was due)."""
    if len(times) < 2:
        return "too few requests"
    ordered = sorted(times)
    gaps = [b - a for a, b in zip(ordered, ordered[1:], strict=False)]
    span = ordered[-1] - ordered[0]
    long = [g for g in gaps if g > 1.5 * delay + 0.01]
    return (f"span first→last request {span:.0f} s ({len(times) / span:.2f} requests/s), mean gap {span / len(gaps):.3f} s "
            f"(delay {delay} s), {len(long)} gaps > 1.5 × delay losing {sum(g - delay for g in long):.0f} s")


def bare(farm: NginxFarm, log: list[tuple[str, str, str]], tmp: Path) -> tuple[int, Timing]:
    urls = [farm.urls[site.replace("-", "_")] + path for site, method, path in log
            if method == "GET" and not path.startswith("/robots.txt")]
    return bare_crawl(urls, tmp)


def zwgk_check(url: str, units: list[str], tmp: Path, as_of: str, *extra: str) -> dict:
    """`zwgk check` in a child process (of `units`, or every unit when empty; `extra` options such as
    --full): wall and CPU from wait4, peak RSS sampled (wait4's ru_maxrss would count the benchmark's own
    memory, inherited across fork and exec)."""
    env = {**settings_for(url, progress_interval=999, screenshot_text_findings=False).as_env(),
           "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    with open(tmp / "check.log", "w") as log, PeakRSS(0.2) as rss:
        proc = subprocess.Popen([sys.executable, "-m", "zwgk.cli", "check", "--as-of", as_of,
                                 *[a for u in units for a in ("--unit", u)], *extra], cwd=ROOT, env=env, stdout=log,
                                stderr=log)
        rss.follow(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"zwgk check failed ({proc.returncode}):\n{(tmp / 'check.log').read_text()[-3000:]}")
    tail = (tmp / "check.log").read_text().strip().splitlines()[-3:]
    return {"wall": time.perf_counter() - started, "cpu": usage.ru_utime + usage.ru_stime,
            "rss": rss.peak_mb("zwgk.cli"), "summary": " | ".join(line.strip() for line in tail)}


def documents(url: str, units: list[str]) -> int:
    from storage.models import Unit

    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.scalar(select(func.count(Document.id)).join(Unit, Unit.id == Document.unit_id)
                        .where(Unit.slug.in_(units)))
    engine.dispose()
    return n or 0


def postgres_copy(sqlite_url: str, pg_server: str, name: str) -> float:
    """Copy a SQLite store into a new PostgreSQL database table by table; seconds."""
    started = time.perf_counter()
    url = create_database(pg_server, name)
    upgrade(url)
    src, dst = make_engine(sqlite_url), make_engine(url)
    with src.connect() as s, dst.begin() as d:
        for table in Base.metadata.sorted_tables:
            d.execute(table.delete())
        for table in Base.metadata.sorted_tables:
            rows = s.execute(select(table)).mappings()
            while chunk := [dict(r) for r in rows.fetchmany(2000)]:
                d.execute(table.insert(), chunk)
            if "id" in table.c and table.c.id.autoincrement in (True, "auto") and \
                    str(table.c.id.type).upper().startswith(("INT", "BIGINT")):
                d.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                               f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"))
    src.dispose()
    dst.dispose()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--county", type=int, nargs=3, default=[300, 30, 11], metavar=("UNITS", "COLUMNS", "ITEMS"))
    parser.add_argument("--hosts", type=int, default=1, help="loopback addresses the units are spread over")
    parser.add_argument("--layout", choices=("one-origin", "port-per-unit"),
                        help="one origin, each unit under its own path (one robots.txt, as on a 集约化 platform; "
                             "the default on one host), or each unit on its own port (the default on several hosts)")
    parser.add_argument("--jobs", type=int, default=2, help="processes generating the farm")
    parser.add_argument("--bare", action="store_true", help="also crawl night 1's URLs with a bare Scrapy spider")
    parser.add_argument("--new-items", type=int, default=5)
    parser.add_argument("--revisit-days", type=int, default=None,
                        help="ZWGK_REVISIT_DAYS for nights 2 (default: the setting's default)")
    parser.add_argument("--polite-units", type=int, default=30, help="0: skip the polite night")
    parser.add_argument("--polite-delay", type=float, default=0.25)
    parser.add_argument("--scale-to", type=int, default=300,
                        help="also scale the polite night to this many units by its pace (0: no)")
    parser.add_argument("--check-shares", type=float, nargs="*", default=[0.1, 0.3, 1.0])
    parser.add_argument("--postgres", action="store_true", help="also check on PostgreSQL")
    parser.add_argument("--no-sqlite-check", action="store_true", help="check on PostgreSQL only")
    parser.add_argument("--workdir", type=Path, help="keep the farm and stores here (default: a temp dir)")
    parser.add_argument("--reuse", action="store_true", help="only the check phase, on --workdir's night 1 store")
    parser.add_argument("--as-of", help="the check's day (default: today in Beijing, as the captures' clock)")
    args = parser.parse_args()
    args.layout = args.layout or ("one-origin" if args.hosts == 1 else "port-per-unit")
    if args.layout == "one-origin" and args.hosts > 1:
        parser.error("--layout one-origin is one host")
    units_n, columns, items = args.county
    say(f"county_scale {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores (shared); "
        f"{units_n} units × {columns} columns × {items} items, {args.hosts} host(s), layout {args.layout}")
    tmp = work_dir(args.workdir, "zwgk-scale-")
    as_of = args.as_of or beijing_today()
    first = tmp / "night1.sqlite"
    slugs = [f"c{n:03d}" for n in range(1, units_n + 1)]
    try:
        if not args.reuse:
            night_phases(args, tmp, first, slugs)
        else:
            for share in args.check_shares:
                copy_store(first, tmp / f"check{share}.sqlite")
        check_phases(args, tmp, first, slugs, as_of)
    finally:
        if not args.workdir:
            shutil.rmtree(tmp, ignore_errors=True)


def night_phases(args: argparse.Namespace, tmp: Path, first: Path, slugs: list[str]) -> None:
    units_n, columns, items = args.county
    one_origin = args.layout == "one-origin"
    stats, timing = timed(lambda: build_county_stats(tmp / "farm", units_n, columns, items, jobs=args.jobs,
                                                     one_origin=one_origin))
    registry = stats["registry"]
    say(f"generate: {stats['files']} files, {stats['bytes'] / 1e6:.0f} MB in {timing.wall:.1f} s wall "
        f"({stats['files'] / timing.wall:.0f} files/s, {args.jobs} processes)")
    with NginxFarm(tmp / "farm", hosts=args.hosts, one_origin=one_origin) as farm:
        url = f"sqlite:///{first}"
        upgrade(url)
        with make_sessionmaker(make_engine(url))() as session, session.begin():
            import_registry(session, parse_registry(farm.render_registry_text(registry), "units.yaml"))
        one = crawl(farm, url)
        say(f"night 1: {one['pages']} pages stored, {one['requests']} requests, {one['wall']:.0f} s wall "
            f"({one['pages'] / one['wall']:.0f} pages/s), {one['cpu']:.0f} CPU s "
            f"({1000 * one['cpu'] / one['pages']:.2f} CPU ms/page), peak RSS of the crawl process "
            f"{one['rss']:.0f} MB (target < 1 GB at 100,000 pages); snapshots by kind {one['kinds']}")
        say(f"night 1: peak RSS of the process running run_crawl (plan, after-crawl steps: attachment texts, "
            f"coverage): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        dup = [k for k, c in Counter(one["log"]).items() if c > 1]
        say(f"night 1: requests made more than once: {len(dup)} {dup[:3]}")
        if args.bare:
            pages, t = bare(farm, one["log"], tmp)
            z, b = one["pages"] / one["cpu"], pages / t.cpu
            say(f"night 1, bare Scrapy on the same {pages} URLs: {t.wall:.0f} s wall, {t.cpu:.0f} CPU s; "
                f"pages per CPU s zwgk {z:.0f} bare {b:.0f} ratio {z / b:.2f} (target ≥ 0.7); "
                f"pages/s wall zwgk {one['pages'] / one['wall']:.0f} bare {pages / t.wall:.0f} "
                f"ratio {one['pages'] / one['wall'] / (pages / t.wall):.2f}")
        checkpoint(url)
        for share in args.check_shares:  # copies before night 2 (the check of night 1's store)
            copy_store(first, tmp / f"check{share}.sqlite")
        if args.new_items:
            t0 = time.perf_counter()
            build_county(tmp / "farm", units_n, columns, items, new_items=args.new_items, jobs=args.jobs,
                         changed_only=True, one_origin=one_origin)
            say(f"night 2's changes: {args.new_items} new entries in every tenth unit, written in "
                f"{time.perf_counter() - t0:.1f} s")
        copy_store(first, tmp / "night2.sqlite")
        rotation = {"revisit_days": args.revisit_days} if args.revisit_days else {}
        two = crawl(farm, f"sqlite:///{tmp / 'night2.sqlite'}", **rotation)
        share2 = two["requests"] / one["requests"]
        say(f"night 2 (revisit_days {args.revisit_days or Settings().revisit_days}): "
            f"{two['requests']} requests = {share2:.1%} of night 1 (target ≤ 5%), "
            f"{two['pages']} pages stored, {two['wall']:.0f} s wall, {two['cpu']:.0f} CPU s "
            f"({1000 * two['cpu'] / max(two['requests'], 1):.2f} CPU ms/request); snapshots by kind {two['kinds']}")
        say("night 2 by kind (share of night 1's requests): " + ", ".join(
            f"{kind} {n} ({n / one['requests']:.1%})" for kind, n in sorted(two["kinds"].items()) if kind != "list"))
        if args.polite_units:
            copy_store(first, tmp / "polite.sqlite")
            part = slugs[:args.polite_units]
            pol = crawl(farm, f"sqlite:///{tmp / 'polite.sqlite'}", part, per_host_concurrency=2,
                        download_delay=args.polite_delay, **rotation)
            scale = two["requests"] / max(pol["requests"], 1) if args.polite_units < units_n else 1.0
            say(f"polite night 2 (2 concurrent, delay {args.polite_delay} s, one host): {len(part)} units, "
                f"{pol['requests']} requests in {pol['wall']:.0f} s wall ({pol['requests'] / pol['wall']:.2f} "
                f"requests/s), {pol['cpu']:.0f} CPU s; all {units_n} units ({two['requests']} requests): "
                f"{pol['wall'] * scale / 60:.0f} min"
                f"{' (extrapolated by request count)' if scale != 1.0 else ' (measured)'} (target < 60 min)")
            say(f"polite night 2 pace: {pace(pol['times'], args.polite_delay)}; run_crawl outside the span "
                f"(plan, process start, after-crawl steps) {pol['wall'] - span(pol['times']):.0f} s")
            # the polite crawl's pace (requests per second between its first and last request) for every unit's
            # requests, plus what run_crawl spent outside its requests on night 2 over every unit (plan, process
            # start, after-crawl steps: measured at this size, not scaled)
            rate, outside = len(pol["times"]) / span(pol["times"]), two["wall"] - span(two["times"])
            sizes = [(units_n, two["requests"], outside)]
            if args.scale_to and args.scale_to != units_n:  # per-unit counts and steps scale with units
                sizes.append((args.scale_to, round(two["requests"] * args.scale_to / units_n), outside * args.scale_to / units_n))
            say("polite night 2 by pace: " + "; ".join(
                f"{n} units ({req} requests): {req / rate / 60:.1f} min of requests at {rate:.2f}/s + {extra / 60:.1f} min "
                f"outside them = {(req / rate + extra) / 60:.0f} min{' (requests per unit scaled)' if n != units_n else ''}"
                for n, req, extra in sizes) + " (target < 60 min)")


def check_phases(args: argparse.Namespace, tmp: Path, first: Path, slugs: list[str], as_of: str) -> None:
    units_n = args.county[0]
    with contextlib.ExitStack() as stack:
        rows = []
        for share in ([] if args.no_sqlite_check else args.check_shares):
            part = slugs[:max(1, round(units_n * share))]
            db = tmp / f"check{share}.sqlite"
            n = documents(f"sqlite:///{db}", part)
            r = zwgk_check(f"sqlite:///{db}", part, tmp, as_of)
            rows.append(("sqlite", n, r))
            say(f"check on SQLite: {len(part)} units, {n} documents: {r['wall']:.1f} s wall, {r['cpu']:.1f} CPU s "
                f"({1000 * r['cpu'] / max(n, 1):.2f} CPU ms/document), peak RSS {r['rss']:.0f} MB; {r['summary']}")
        if args.postgres:
            pg = stack.enter_context(private_postgres())
            seconds = postgres_copy(f"sqlite:///{tmp / 'check1.0.sqlite'}" if 1.0 in args.check_shares else
                                    f"sqlite:///{first}", pg, "base")
            say(f"PostgreSQL: night 1's store copied in {seconds:.0f} s")
            for share in args.check_shares:
                part = slugs[:max(1, round(units_n * share))]
                pg_url = create_database(pg, f"check_{int(share * 100)}", template="base")
                n = documents(pg_url, part)
                r = zwgk_check(pg_url, part, tmp, as_of)
                rows.append(("postgres", n, r))
                say(f"check on PostgreSQL: {len(part)} units, {n} documents: {r['wall']:.1f} s wall, "
                    f"{r['cpu']:.1f} CPU s of the check process ({1000 * r['cpu'] / max(n, 1):.2f} CPU ms/document), "
                    f"peak RSS {r['rss']:.0f} MB; {r['summary']}")
        for backend in ("sqlite", "postgres"):
            mine = [(n, r) for b, n, r in rows if b == backend]
            if len(mine) >= 2:
                (n0, r0), (n1, r1) = mine[0], mine[-1]
                say(f"check linearity on {backend}: {n1 / n0:.1f}× the documents took {r1['wall'] / r0['wall']:.1f}× "
                    f"the wall time, {r1['cpu'] / r0['cpu']:.1f}× the CPU")


if __name__ == "__main__":
    main()
