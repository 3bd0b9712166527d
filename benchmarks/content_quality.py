"""Precision and recall of the content checks on the labeled fixture site, per check code.

    .venv/bin/python -m benchmarks.content_quality

Crawls the `yunhe-content` fixture portal (real HTTP on 127.0.0.1) into a throwaway SQLite store, runs the
content checks as of 2024-09-30 with the fixture attachments added, and compares the findings with
fixtures/content_labels.json. False alarms and misses are printed in full.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from checks.loader import load_audit_data
from core.settings import Settings
from crawler.launch import run_crawl
from fixtures.content_eval import CONTENT_UNITS, run_content_checks, score, with_attachments
from fixtures.farm import FixtureFarm
from storage.db import make_engine, make_sessionmaker, upgrade
from zwgk.units_file import import_registry, parse_registry

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    with FixtureFarm() as farm, tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/quality.sqlite"
        upgrade(url)
        engine = make_engine(url)
        Session = make_sessionmaker(engine)
        template = ROOT / "fixtures" / "units.yaml"
        with Session() as session, session.begin():
            import_registry(session, parse_registry(farm.render_registry(template), str(template)))
        run_crawl(Settings(database_url=url), Session, list(CONTENT_UNITS), echo=lambda line: None)
        with Session() as session:
            data = with_attachments(load_audit_data(session, list(CONTENT_UNITS)), farm.urls["yunhe_content"])
            result = score(run_content_checks(data))
        engine.dispose()
    print(f"{'check':28} {'TP':>3} {'FP':>3} {'FN':>3} {'precision':>9} {'recall':>7}")
    for code, row in result.items():
        print(f"{code:28} {row['tp']:>3} {len(row['fp']):>3} {len(row['fn']):>3} "
              f"{row['precision']:>9.2f} {row['recall']:>7.2f}")
    for code, row in result.items():
        for alarm in row["fp"]:
            print(f"FALSE ALARM {code}: {alarm}")
        for miss in row["fn"]:
            print(f"MISSED {code}: {miss}")


if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(__doc__)
        sys.exit(0)
    main()
