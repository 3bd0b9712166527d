"""Crawl speed: zwgk's crawl against a bare Scrapy spider fetching the very same URLs with the same
engine settings, on the same fixture farm, in one run; median of repeats.

    .venv/bin/python benchmarks/crawl_speed.py [--repeats 3] [--county UNITS COLUMNS ITEMS]

Without --county the farm is fixtures/portals (about 1,000 pages, a few rendered in Chromium); with it, a
generated county farm (fixtures/county.py: UNITS × COLUMNS columns × ITEMS detail pages, all static).
Both sides obey robots.txt, run 16 requests at once and 4 per host (the whole farm is one host,
127.0.0.1), and start as a fresh process. zwgk's side is the whole `run_crawl` (run record, plan, crawl
process, storage in SQLite, coverage) without the link check and new-media steps; the bare side
fetches zwgk's GET requests of that run (robots.txt is fetched by each on its own). Also: the start-up
cost of the crawl process (importing it) against importing Scrapy alone, and the date parser.
Target: zwgk ≥ 0.7 of the bare spider's pages per CPU second.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._bench import Timing, line, median, timed
from crawler.extract.dates import _dateparser, find_date
from crawler.launch import run_crawl
from fixtures.county import build_county
from fixtures.farm import FixtureFarm
from storage.db import make_engine, make_sessionmaker, upgrade
from tests.conftest import settings_for
from zwgk.units_file import import_registry, parse_registry

SAMPLES = ["2024-06-12", "2024年6月12日", "发布时间：2024-06-12 10:30", "2022/8/2", "2022.08.02",
           "发布日期：2022年8月2日", "2022-08-02 14:30:00", "2026- 08- 07"]


def zwgk_crawl(farm: FixtureFarm, registry: str, db: Path) -> tuple[int, list[str], Timing, int]:
    url = f"sqlite:///{db}"
    upgrade(url)
    Session = make_sessionmaker(make_engine(url))
    with Session() as session, session.begin():
        import_registry(session, parse_registry(farm.render_registry_text(registry), "units.yaml"))
    settings = settings_for(url, progress_interval=999, check_links=False, collect_new_media=False)
    start = len(farm.requests)
    result, timing = timed(lambda: run_crawl(settings, Session, echo=lambda line: None))
    by_site = {site: base for site, base in ((k.replace("_", "-"), v) for k, v in farm.urls.items())}
    gets = [by_site[site] + path for site, method, path in farm.requests[start:]
            if method == "GET" and not path.startswith("/robots.txt")]
    with Session() as session:
        rendered = session.execute(__import__("sqlalchemy").text(
            "select count(*) from snapshots where rendered and crawl_run_id = :r"), {"r": result.run_id}).scalar()
    return result.pages, gets, timing, rendered


def bare_crawl(urls: list[str], tmp: Path) -> tuple[int, Timing]:
    path = tmp / "urls.json"
    path.write_text(json.dumps(urls))
    s = settings_for("sqlite://")

    def run() -> int:
        out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bare_scrapy.py"), str(path),
                              str(s.concurrent_requests), str(s.per_host_concurrency), str(s.download_delay),
                              "1" if s.obey_robots else "0"], capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])["pages"]

    return timed(run)


def import_cost(repeats: int) -> None:
    def imp(module: str) -> Timing:
        return timed(lambda: subprocess.run([sys.executable, "-c", f"import {module}"], check=True, cwd=ROOT))[1]

    ours = [imp("crawler.crawl_process") for _ in range(repeats)]
    bare = [imp("scrapy.crawler") for _ in range(repeats)]
    z, b = median([t.cpu for t in ours]), median([t.cpu for t in bare])
    print(line("start-up: import the crawl process (CPU s)", z, b, "s", b / z, "(informative)"))


def dates() -> None:
    import time

    rounds = 300
    t = time.process_time()
    fast = [find_date(s) for _ in range(rounds) for s in SAMPLES]
    fast_s = (time.process_time() - t) / (rounds * len(SAMPLES))
    _dateparser(SAMPLES[0])
    t = time.process_time()
    slow = [_dateparser(s) for _ in range(20) for s in SAMPLES]
    slow_s = (time.process_time() - t) / (20 * len(SAMPLES))
    print(line("dates: µs of CPU per call (regex vs dateparser)", fast_s * 1e6, slow_s * 1e6, "µs",
               slow_s / fast_s, f"(parsed {sum(map(bool, fast))}/{len(fast)} vs {sum(map(bool, slow))}/{len(slow)})"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--county", type=int, nargs=3, metavar=("UNITS", "COLUMNS", "ITEMS"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zwgk-bench-") as tmp_:
        tmp = Path(tmp_)
        if args.county:
            registry = build_county(tmp / "farm", *args.county)
            farm = FixtureFarm(tmp / "farm")
        else:
            registry = (ROOT / "fixtures" / "units.yaml").read_text(encoding="utf-8")
            farm = FixtureFarm()
        with farm:
            ours, bare = [], []
            for i in range(args.repeats):
                pages, urls, timing, rendered = zwgk_crawl(farm, registry, tmp / f"z{i}.sqlite")
                ours.append((pages, timing))
                bare.append(bare_crawl(urls, tmp))
                print(f"  run {i + 1}: zwgk {pages} pages ({rendered} rendered) in {timing.wall:.1f} s wall, "
                      f"{timing.cpu:.1f} CPU s; bare {bare[-1][0]} pages in {bare[-1][1].wall:.1f} s wall, "
                      f"{bare[-1][1].cpu:.1f} CPU s", flush=True)
        zr = median([p / t.wall for p, t in ours])
        br = median([p / t.wall for p, t in bare])
        zc = median([p / t.cpu for p, t in ours])
        bc = median([p / t.cpu for p, t in bare])
        print(f"crawl of {ours[-1][0]} pages, median of {args.repeats}:")
        print(line("pages per second (wall)", zr, br, "pages/s", zr / br, "≥ 0.7"))
        print(line("pages per CPU second", zc, bc, "pages/CPUs", zc / bc, "≥ 0.7"))
        # ru_maxrss of the children: the largest child waited for (the crawl process, or Chromium)
        peak = __import__("resource").getrusage(__import__("resource").RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak RSS of the largest child process (crawl process, Chromium or the bare spider): {peak:.0f} MB "
              f"(target for 100,000 pages: < 1 GB)")
    import_cost(args.repeats)
    dates()


if __name__ == "__main__":
    main()
