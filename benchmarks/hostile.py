"""Hostile input, measured: memory of a pager bomb, wall time against a slow-drip server, and a night
with the fault farm next to real fixture units.

    .venv/bin/python benchmarks/hostile.py [DRIP_SECONDS]

1. A TRS pager announcing 2,000,000,000 pages: the list of page URLs the old code built in full
   (measured at 2,000,000 pages and scaled) against the clamped list of 200.
2. A server dripping one byte a second for DRIP_SECONDS (default 40): a probe and a link check with a
   5 s total deadline, against the same call without one (httpx's per-read timeout alone, as before).
3. Three fixture units crawled and checked alone, then with the hostile unit beside them: wall time
   and peak RSS of the crawl subprocess (ru_maxrss of the largest child).
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.settings import Settings
from crawler.egress import EgressPolicy
from crawler.extract.pagers import trs_pages
from crawler.httpfetch import client
from crawler.launch import run_crawl
from crawler.linkcheck import check_link
from crawler.probe import probe_one
from fixtures.farm import FixtureFarm
from fixtures.hostile import BOMB_PAGES, FaultFarm
from jobs.check import run_checks
from storage.db import make_engine, make_sessionmaker, upgrade

NEIGHBOURS = ["yunhe-gov", "yunhe-jyj", "yunhe-wjw"]


def pager_bomb() -> None:
    script = 'createPageHTML({n}, 0, "index", "html")'
    sample = 2_000_000
    for label, total, limit in (("unclamped (old)", sample, None), ("clamped to 200", BOMB_PAGES, 200)):
        tracemalloc.start()
        started = time.perf_counter()
        pages = trs_pages(script.format(n=total), "http://127.0.0.1/col/index.html", limit)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        scale = BOMB_PAGES / total
        print(f"pager bomb, {label}: {len(pages or [])} URLs, peak {peak / 2**20:.1f} MiB in {seconds:.2f} s"
              + (f" -> for {BOMB_PAGES:,} pages: ~{peak * scale / 2**30:.0f} GiB, ~{seconds * scale / 60:.0f} min"
                 if scale > 1 else ""))
        del pages


async def _drip(url: str, deadline: float | None) -> tuple[float, float]:
    policy = EgressPolicy.from_entries([url])
    async with client("bench", 5.0, policy) as http:
        started = time.monotonic()
        await probe_one(http, "u", url, 5000, deadline=deadline or 1e9)
        probe = time.monotonic() - started
        started = time.monotonic()
        await check_link(http, 1, url, retries=0, pause=0.1, deadline=deadline or 1e9)
        return probe, time.monotonic() - started


def slow_drip(seconds: int) -> None:
    with FaultFarm() as faults:
        url = f"{faults.site.url}/f/drip?n={seconds}"
        new = asyncio.run(_drip(url, 5.0))
        old = asyncio.run(_drip(url, None))
    print(f"slow drip ({seconds} s of one byte a second), 5 s setting: probe {new[0]:.1f} s with the total deadline vs "
          f"{old[0]:.1f} s without ({old[0] / new[0]:.1f}x); link check {new[1]:.1f} s vs {old[1]:.1f} s "
          f"({old[1] / max(new[1], 0.01):.1f}x)")


def night(farm: FixtureFarm, faults: FaultFarm | None, path: Path) -> tuple[float, float, int]:
    from zwgk.units_file import import_registry, parse_registry

    url = f"sqlite:///{path}"
    upgrade(url)
    Session = make_sessionmaker(make_engine(url))
    text = farm.render_registry(ROOT / "fixtures" / "units.yaml") + (faults.registry() if faults else "")
    slugs = NEIGHBOURS + (["hostile"] if faults else [])
    with Session() as s, s.begin():
        import_registry(s, parse_registry(text, "units.yaml"))
    settings = Settings(database_url=url, download_timeout=5, probe_timeout=5, retry_times=1, max_list_pages=20,
                        backoff_base=0.2, retry_after_max=1, progress_interval=60)
    started = time.monotonic()
    crawl = run_crawl(settings, Session, slugs, echo=lambda line: None)
    crawled = time.monotonic() - started
    summary = run_checks(Session, __import__("datetime").date(2024, 9, 30), slugs)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return crawled, peak, crawl.pages + len(summary.failures)


def nights() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="zwgk-bench-"))
    with FixtureFarm() as farm:
        quiet = night(farm, None, tmp / "quiet.sqlite")
        with FaultFarm() as faults:
            hostile = night(farm, faults, tmp / "hostile.sqlite")
            leaked = len(faults.canary.hits) + faults.ftp.connections
    print(f"night, 3 fixture units: crawl {quiet[0]:.1f} s, {quiet[2]} pages, peak child RSS {quiet[1]:.0f} MiB")
    print(f"night, same + fault farm unit: crawl {hostile[0]:.1f} s, {hostile[2]} pages, peak child RSS "
          f"{hostile[1]:.0f} MiB (max over both nights); canary hits + FTP connections: {leaked}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("drip_seconds", type=int, nargs="?", default=40, help="how long the slow-drip server drips")
    drip = parser.parse_args().drip_seconds
    pager_bomb()
    slow_drip(drip)
    nights()
