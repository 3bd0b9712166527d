"""Nights over an unchanged farm: how many HTTP requests does each night after the first make?

    .venv/bin/python benchmarks/incremental_nights.py [--county UNITS COLUMNS ITEMS] [--new-items N]
        [--fresh DAYS] [--nights N] [--look-nights K]

Night 1 crawls the farm into a fresh SQLite store and checks it (as the nightly job does). Nights 2..N then
run, each followed by the checks, from copies of that store, in three ways:

- `rotation`: the default rotation (a detail page whose list entry is unchanged is not requested, nor a
  column's later list pages while its first page is unchanged; each page and each column is re-verified
  once every `revisit_days` nights, 56 by default), every column's first list page every night: the
  behaviour before resting columns;
- `resting`: the same, and columns far from every update deadline rest up to K-1 nights
  (`column_look_nights`, jobs.look computes the deadlines as the nightly job does);
- `full`: revisit_days=1 and every column every night (every list page, every detail page by a
  conditional GET): a full re-crawl, the reference for the findings.

Requests are counted at the farm (robots.txt included) and broken down by kind (the run's snapshots);
after every night the open findings (check, unit, subject, detail) are compared with the full re-crawl's.
With --county the farm is a generated county (fixtures/county.py); --new-items adds that many new entries
to the first column of every tenth unit before night 2. --fresh DAYS dates the farm's newest items DAYS to
DAYS+20 days before today (otherwise 2024-09-30: every column stale, none can rest), and the checks run
as of today. Target (issue 15): a night ≤ 5% of night 1's requests with the same findings as a full re-crawl.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select

from benchmarks._bench import timed
from core.settings import Settings
from crawler.launch import LookBy, run_crawl
from fixtures.build import AS_OF
from fixtures.county import build_county
from fixtures.farm import FixtureFarm
from jobs.check import run_checks
from jobs.look import column_look_by
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import CrawlRun, Finding, Snapshot
from tests.conftest import settings_for
from zwgk.units_file import import_registry, parse_registry


def night(farm: FixtureFarm, url: str, revisit_days: int, look_nights: int, as_of: date,
          look: bool) -> tuple[int, Counter[str], float, float, set[tuple]]:
    """(requests, requests by kind, wall s, CPU s of the crawl, open findings after the checks)"""
    Session = make_sessionmaker(make_engine(url))
    start = len(farm.requests)
    settings = settings_for(url, collect_new_media=False, check_links=False, revisit_days=revisit_days,
                            column_look_nights=look_nights, progress_interval=999)
    look_by: LookBy | None = (lambda session, slugs: (as_of, column_look_by(session, slugs, as_of))) if look else None
    result, timing = timed(lambda: run_crawl(settings, Session, echo=lambda line: None, look_by=look_by))
    served = farm.requests[start:]
    run_checks(Session, as_of)
    kinds: Counter[str] = Counter()
    with Session() as s:
        for kind, page_no in s.execute(select(Snapshot.kind, Snapshot.page_no)
                                       .where(Snapshot.crawl_run_id == result.run_id)):
            kinds["list page 1" if kind == "list" and page_no == 1 else "list pages 2.." if kind == "list"
                  else kind] += 1
        carried = (s.get_one(CrawlRun, result.run_id).stats or {}).get("carried", {})
        kinds["columns rested (not requested)"] = sum(1 for c in carried.values() if c.get("rested"))
        findings = {(f.check, f.unit_id, f.subject_key, f.detail) for f in s.scalars(
            select(Finding).where(Finding.rectified_on.is_(None), Finding.closed_as.is_(None)))}
    kinds["robots.txt"] = sum(1 for _, _, path in served if path.startswith("/robots.txt"))
    return len(served), kinds, timing.wall, timing.cpu, findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--county", type=int, nargs=3, metavar=("UNITS", "COLUMNS", "ITEMS"))
    parser.add_argument("--new-items", type=int, default=0)
    parser.add_argument("--fresh", type=int, metavar="DAYS", help="date the county farm's newest items DAYS "
                        "days before today (and check as of today)")
    parser.add_argument("--nights", type=int, default=2, help="nights in all, the first included")
    parser.add_argument("--look-nights", type=int, default=3,
                        help="column_look_nights of the resting-columns mode (the setting's default is 1: off)")
    args = parser.parse_args()
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    farm_day = today - timedelta(days=args.fresh) if args.fresh is not None else AS_OF
    as_of = today if args.fresh is not None else AS_OF
    revisit = Settings().revisit_days
    with tempfile.TemporaryDirectory(prefix="zwgk-bench-") as tmp_:
        tmp = Path(tmp_)
        if args.county:
            registry = build_county(tmp / "farm", *args.county, as_of=farm_day)
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
            one = night(farm, url, revisit, 1, as_of, False)
            engine = make_engine(url)
            with engine.connect() as conn:  # the copies below must hold what is still in the WAL file
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            engine.dispose()
            if args.county and args.new_items:
                build_county(tmp / "farm", *args.county, new_items=args.new_items, changed_only=True, as_of=farm_day)
            modes = {"rotation": (revisit, 1, False), "resting": (revisit, args.look_nights, True), "full": (1, 1, False)}
            rows: dict[str, list] = {}
            for mode, (days, look_nights, look) in modes.items():
                copy = tmp / f"{mode}.sqlite"
                shutil.copyfile(first, copy)
                rows[mode] = [night(farm, f"sqlite:///{copy}", days, look_nights, as_of, look)
                              for _ in range(args.nights - 1)]
    print(f"night 1: {one[0]} requests, {one[2]:.1f} s wall, {one[3]:.1f} CPU s, {len(one[4])} open findings; "
          f"by kind: {dict(one[1])}")
    for mode, nights in rows.items():
        for n, (requests, kinds, wall, cpu, findings) in enumerate(nights, start=2):
            same = findings == rows["full"][n - 2][4]
            print(f"{mode:8} night {n}: {requests:7d} requests ({requests / one[0]:6.1%} of night 1), {wall:6.1f} s wall, "
                  f"{cpu:6.1f} CPU s; {len(findings)} open findings, {'same as' if same else 'DIFFERENT from'} the "
                  f"full re-crawl's")
            print("          by kind (share of night 1): " + ", ".join(
                f"{k} {v} ({v / one[0]:.1%})" for k, v in sorted(kinds.items())))
            if not same:
                full = rows["full"][n - 2][4]
                print("          only here:", sorted(findings - full)[:5], "only in the full re-crawl:",
                      sorted(full - findings)[:5])
    print("target: a night ≤ 5% of night 1's requests, the same findings as a full re-crawl")


if __name__ == "__main__":
    main()
