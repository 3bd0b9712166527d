"""How fast the review queue's first page is with 50,000 pending events, on SQLite and on PostgreSQL.

Fills a fresh database (migrated by Alembic) with 300 units, 50,000 findings and their pending events
(plus 10,000 decided ones), then asks the running application (in process, through its ASGI
interface, logged in) for the queue's pages: the whole request, query and HTML rendering included.
Prints the median and the slowest of 15 requests per page and the ratio to the 200 ms target.
PostgreSQL runs as a private throwaway cluster on 127.0.0.1 when its binaries are installed.

    .venv/bin/python benchmarks/web_queue.py [events]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import insert

from core.settings import Settings
from fixtures.postgres import create_database, private_postgres, server_bindir
from storage.accounts import add_user
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import DeductionEvent, Finding, Jurisdiction, Unit
from web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

TARGET_MS = 200
CHECKS = ["column.stale", "column.blank", "link.broken", "text.typo", "text.sensitive", "interpretation.missing"]
PAGES = {
    "first page (pending)": "/",
    "one unit": "/?state=pending&unit=u7",
    "sorted by points, desc": "/?state=pending&sort=points&order=desc",
    "check + date range": "/?state=pending&check=text.typo&date_from=2024-07-01&date_to=2024-09-30",
    "page 500": "/?state=pending&page=500",
}


def fill(url: str, n_events: int, n_units: int = 300) -> None:
    engine = make_engine(url)
    now = datetime(2024, 9, 30, 1, tzinfo=UTC)
    with engine.begin() as conn:
        jid = conn.execute(insert(Jurisdiction).returning(Jurisdiction.id),
                           [{"name": "基准县", "scheme": "yunhe-2022", "level": "county"}]).scalar_one()
        conn.execute(insert(Unit), [{"slug": f"u{i}", "jurisdiction_id": jid, "name": f"基准单位{i}", "kind": "department",
                                     "portal": f"http://127.0.0.1/u{i}/", "options": {}, "active": True,
                                     "created_at": now, "updated_at": now} for i in range(n_units)])
        total = n_events + n_events // 5
        rows = []
        for i in range(total):
            rows.append({"check_code": CHECKS[i % len(CHECKS)], "unit_id": 1 + (i * 7919) % n_units, "subject_key": f"s:{i}",
                         "subject": f"栏目或页面 {i}", "url": f"http://127.0.0.1/p/{i}.html",
                         "detail": f"第 {i} 条问题的说明：栏目超过 6 个月未更新，最新一条信息发布于 2024-01-01",
                         "evidence": {"snapshots": [i]}, "first_as_of": date(2024, 7 + i % 3, 1 + i % 28),
                         "last_as_of": date(2024, 7 + i % 3, 1 + i % 28), "created_at": now})
        for start in range(0, total, 5000):
            conn.execute(insert(Finding), rows[start:start + 5000])
        events = [{"finding_id": i + 1, "unit_id": 1 + (i * 7919) % n_units, "scheme": "yunhe-2022", "period": "2024Q3",
                   "check_code": CHECKS[i % len(CHECKS)], "category": "active", "clause": "条款", "points": 1 + i % 5,
                   "state": "pending" if i < n_events else ("confirmed" if i % 2 else "rejected"), "created_at": now}
                  for i in range(total)]
        for start in range(0, total, 5000):
            conn.execute(insert(DeductionEvent), events[start:start + 5000])
    with make_sessionmaker(engine)() as s, s.begin():
        add_user(s, "bench", "inspector", "bench-password")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")  # what autovacuum (or SQLite's optimize) would have done by morning
    engine.dispose()


def measure(url: str, folder: Path, repeat: int = 15) -> dict[str, tuple[float, float]]:
    engine = make_engine(url)
    app = create_app(Settings(database_url=url, data_dir=folder / "var"), make_sessionmaker(engine))
    client = TestClient(app)
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"csrf": token, "name": "bench", "password": "bench-password"})
    out = {}
    for name, path in PAGES.items():
        assert client.get(path).status_code == 200  # warm: templates compiled, pool filled
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            r = client.get(path)
            times.append((time.perf_counter() - start) * 1000)
            assert r.status_code == 200 and 'name="ids"' in r.text, name
        out[name] = (statistics.median(times), max(times))
    engine.dispose()
    return out


@contextmanager
def postgres() -> Iterator[str | None]:
    if server_bindir() is None:
        yield None
        return
    with private_postgres(fsync=True) as server:  # the queue's latency with the disk as in production
        yield create_database(server, "bench")


def report(backend: str, n_events: int, results: dict[str, tuple[float, float]]) -> None:
    print(f"{backend}: {n_events} pending events")
    for name, (median, worst) in results.items():
        print(f"  {name:<26} median {median:6.1f} ms  max {worst:6.1f} ms  median/target {median / TARGET_MS:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("events", type=int, nargs="?", default=50_000, help="pending events to fill in")
    n_events = parser.parse_args().events
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sqlite = f"sqlite:///{folder / 'bench.sqlite'}"
        upgrade(sqlite)
        fill(sqlite, n_events)
        report("SQLite", n_events, measure(sqlite, folder))
        with postgres() as pg:
            if pg is None:
                print("PostgreSQL: not installed, skipped")
                return
            upgrade(pg)
            fill(pg, n_events)
            report("PostgreSQL", n_events, measure(pg, folder))


if __name__ == "__main__":
    main()
