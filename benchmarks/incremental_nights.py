"""Two nights over the unchanged fixture farm: how much of the second night is downloaded again?

    .venv/bin/python benchmarks/incremental_nights.py

Prints, per night, pages and pages per second, then the re-download share of the second night:
detail pages and attachments answered 200 (downloaded again) against all fetched, by count and bytes.
List pages are fetched every night by design and reported apart. Ratios, not absolute speed, are the
point: the machine is shared and noisy.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import import_farm_registry, settings_for

from crawler.launch import run_crawl
from fixtures.farm import FixtureFarm
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import Blob, Snapshot


def night_stats(Session, run_id: int) -> dict:
    with Session() as s:
        rows = s.execute(
            select(Snapshot.kind, Snapshot.status, func.count(), func.coalesce(func.sum(Blob.size), 0))
            .join(Blob, Blob.sha256 == Snapshot.content_hash, isouter=True)
            .where(Snapshot.crawl_run_id == run_id, Snapshot.error_kind.is_(None))
            .group_by(Snapshot.kind, Snapshot.status)
        ).all()
    return {(kind, status): (count, size) for kind, status, count, size in rows}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, FixtureFarm() as farm:
        url = f"sqlite:///{tmp}/bench.sqlite"
        upgrade(url)
        Session = make_sessionmaker(make_engine(url))
        import_farm_registry(Session, farm)
        settings = settings_for(url, collect_new_media=False, check_links=False)
        nights = []
        for n in (1, 2):
            started = time.monotonic()
            lines: list[str] = []
            result = run_crawl(settings, Session, echo=lines.append)
            seconds = time.monotonic() - started
            nights.append((result, seconds, night_stats(Session, result.run_id)))
            inside = next((line for line in reversed(lines) if line.startswith("[完成]")), "")
            print(f"night {n}: {result.pages} pages in {seconds:.1f} s wall = {result.pages / seconds:.1f} pages/s "
                  f"incl. subprocess start-up; pipeline's own count: {inside}")
        _, _, second = nights[1]
        _, _, first = nights[0]
        incremental = {k: v for k, v in second.items() if k[0] in ("detail", "attachment")}
        total = sum(c for c, _ in incremental.values())
        again = sum(c for (kind, status), (c, _) in incremental.items() if status == 200)
        first_bytes = sum(b for (kind, status), (_, b) in first.items() if kind in ("detail", "attachment"))
        again_bytes = sum(b for (kind, status), (_, b) in incremental.items() if status == 200)
        lists = sum(c for (kind, _), (c, _) in second.items() if kind == "list")
        all_pages = sum(c for c, _ in second.values())
        print(f"second night: detail pages + attachments fetched {total}, downloaded again {again} "
              f"({again / max(total, 1):.1%}); bytes downloaded again {again_bytes} of {first_bytes} "
              f"({again_bytes / max(first_bytes, 1):.1%})")
        print(f"second night: list pages re-fetched by design {lists}; share of all requests answered with a "
              f"body {(all_pages - (total - again)) / max(all_pages, 1):.1%}")


if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(__doc__)
        sys.exit(0)
    main()
