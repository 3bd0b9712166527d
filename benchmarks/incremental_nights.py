"""Two nights over an unchanged farm: how many HTTP requests does the second night make?

    .venv/bin/python benchmarks/incremental_nights.py [--county UNITS COLUMNS ITEMS] [--new-items N]

Night 1 crawls the farm into a fresh SQLite store. Night 2 runs twice from copies of that store: with
the default rotation (a detail page whose list entry is unchanged is not requested, nor a column's later
list pages while its first page is unchanged; each page and each column is re-verified once every
`revisit_days` nights, 56 by default) and with revisit_days=1 (every list page and every detail page
each night, detail pages by a conditional GET: the former behaviour). Requests are counted at the farm (robots.txt included).
With --county the farm is a generated county (fixtures/county.py); --new-items adds that many new
entries to the first column of every tenth unit before night 2. Target: night 2 ≤ 5% of night 1's
requests (every column's first list page is requested every night by design: that is the floor).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._bench import timed
from core.settings import Settings
from crawler.launch import run_crawl
from fixtures.county import build_county
from fixtures.farm import FixtureFarm
from storage.db import make_engine, make_sessionmaker, upgrade
from tests.conftest import settings_for
from zwgk.units_file import import_registry, parse_registry


def night(farm: FixtureFarm, url: str, revisit_days: int) -> tuple[int, int, float, float]:
    """(requests, pages stored, wall s, CPU s)"""
    Session = make_sessionmaker(make_engine(url))
    start = len(farm.requests)
    settings = settings_for(url, collect_new_media=False, check_links=False, revisit_days=revisit_days,
                            progress_interval=999)
    result, timing = timed(lambda: run_crawl(settings, Session, echo=lambda line: None))
    return len(farm.requests) - start, result.pages, timing.wall, timing.cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--county", type=int, nargs=3, metavar=("UNITS", "COLUMNS", "ITEMS"))
    parser.add_argument("--new-items", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zwgk-bench-") as tmp_:
        tmp = Path(tmp_)
        if args.county:
            registry = build_county(tmp / "farm", *args.county)
            root = tmp / "farm"
        else:
            registry = (ROOT / "fixtures" / "units.yaml").read_text(encoding="utf-8")
            root = None
        with (FixtureFarm(root) if root else FixtureFarm()) as farm:
            first = tmp / "night1.sqlite"
            url = f"sqlite:///{first}"
            upgrade(url)
            with make_sessionmaker(make_engine(url))() as session, session.begin():
                import_registry(session, parse_registry(farm.render_registry_text(registry), "units.yaml"))
            one = night(farm, url, 28)
            engine = make_engine(url)
            with engine.connect() as conn:  # the copies below must hold what is still in the WAL file
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            engine.dispose()
            if args.county and args.new_items:
                build_county(tmp / "farm", *args.county, new_items=args.new_items)
            rows = [("night 1", one)]
            default = Settings().revisit_days
            for label, revisit in ((f"night 2, rotation (default {default})", default), ("night 2, revisit_days=1", 1)):
                copy = tmp / f"{revisit}.sqlite"
                shutil.copyfile(first, copy)
                rows.append((label, night(farm, f"sqlite:///{copy}", revisit)))
    for label, (requests, pages, wall, cpu) in rows:
        print(f"{label:30} {requests:7d} requests ({requests / one[0]:6.1%} of night 1), {pages:7d} pages stored, "
              f"{wall:7.1f} s wall, {cpu:7.1f} CPU s")
    print(f"target: night 2 ≤ 5% of night 1's requests; rotation night: {rows[1][1][0] / one[0]:.1%}")


if __name__ == "__main__":
    main()
