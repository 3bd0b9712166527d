"""Crawl and date-parsing speed on the fixture farm. Prints absolute numbers and ratios measured in one
run (absolute times on a shared 2-core machine are noise; the ratios are what to compare).

    .venv/bin/python benchmarks/crawl_speed.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.extract.dates import _dateparser, find_date
from crawler.launch import run_crawl
from fixtures.farm import FixtureFarm
from jobs.check import run_checks
from storage.db import make_engine, make_sessionmaker, upgrade
from tests.conftest import import_farm_registry, settings_for

SAMPLES = ["2024-06-12", "2024年6月12日", "发布时间：2024-06-12 10:30", "2022/8/2", "2022.08.02",
           "发布日期：2022年8月2日", "2022-08-02 14:30:00", "2026- 08- 07"]


def bench_dates(rounds: int = 300) -> None:
    t = time.perf_counter()
    fast = [find_date(s) for _ in range(rounds) for s in SAMPLES]
    fast_s = (time.perf_counter() - t) / (rounds * len(SAMPLES))
    _dateparser(SAMPLES[0])  # import and warm up
    n = 20
    t = time.perf_counter()
    slow = [_dateparser(s) for _ in range(n) for s in SAMPLES]
    slow_s = (time.perf_counter() - t) / (n * len(SAMPLES))
    print(f"dates: regex fast path {fast_s * 1e6:.1f} µs/call ({sum(map(bool, fast))}/{len(fast)} parsed), "
          f"dateparser {slow_s * 1e3:.2f} ms/call ({sum(map(bool, slow))}/{len(slow)} parsed); "
          f"dateparser/regex time ratio {slow_s / fast_s:.0f}x")


def bench_crawl(runs: int = 2) -> None:
    rates, wall, inner = [], [], []
    with FixtureFarm() as farm, tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            url = f"sqlite:///{Path(tmp) / f'b{i}.sqlite'}"
            upgrade(url)
            Session = make_sessionmaker(make_engine(url))
            import_farm_registry(Session, farm)
            started = time.monotonic()
            lines: list[str] = []
            result = run_crawl(settings_for(url, progress_interval=999), Session, echo=lines.append)
            done = [line for line in lines if line.startswith("[完成]")]
            inner.append(float(done[-1].split("，")[-1].split(" ")[0]) if done else float("nan"))
            wall.append(time.monotonic() - started)
            rates.append(result.pages / result.seconds)
            t = time.perf_counter()
            run_checks(Session, __import__("datetime").date(2024, 9, 30))
            check_s = time.perf_counter() - t
    print(f"crawl: {result.pages} pages; {statistics.median(inner):.1f} pages/s while crawling, "
          f"{statistics.median(rates):.1f} pages/s including the subprocess start (median of {runs}, wall "
          f"{statistics.median(wall):.1f} s); start-up share {1 - statistics.median(rates) / statistics.median(inner):.0%}; "
          f"checks over the farm {check_s:.2f} s")


if __name__ == "__main__":
    bench_dates()
    bench_crawl()
