"""`zwgk check` on an incremental night: with the check memo (checks.memo) against a full re-check.

    .venv/bin/python benchmarks/check_incremental.py [--county 30 30 11] [--new-items 5] [--postgres]
        [--workdir DIR] [--province-documents 990000]

On the county farm (fixtures/county.py, served by nginx):

1. night 1 is crawled into a SQLite store, then checked (`zwgk check`): the memo starts empty, so this is a
   full check plus writing the memo ("night 1, cold").
2. `--new-items` newer entries appear in the first column of every tenth unit; night 2 is crawled into the
   same store (the default rotation re-verifies some detail pages too).
3. a copy of that store without the memo is checked with `zwgk check --full` (every per-document step
   computed, nothing kept: the cost before the memo), and the store itself with `zwgk check` (the memo of
   night 1): CPU and wall seconds of each check process, peak RSS, their ratio. The two stores' findings
   are then compared field by field (they must be identical).
4. `--postgres`: the same two checks on a private PostgreSQL cluster, each store copied in table by table.

Last, the province derivation of docs/benchmarks.md is redone with the measured CPU per document: 990,000
documents (3,000 units × 30 columns × 11) checked in one process, incremental against full.

CPU = the check child process (wait4), never nginx or the database server. Target (issue 15, item 6):
the province's incremental night (crawl ≈ 13 minutes) under 2 hours, so its check well under 107 minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import delete, select

from benchmarks.county_scale import (
    beijing_today,
    checkpoint,
    copy_store,
    crawl,
    documents,
    postgres_copy,
    say,
    work_dir,
    zwgk_check,
)
from fixtures.county import build_county, build_county_stats
from fixtures.nginx import NginxFarm
from fixtures.postgres import create_database, private_postgres
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.memo import CheckMemo
from storage.models import Finding, Unit
from tests.conftest import settings_for
from zwgk.units_file import import_registry, parse_registry


def findings(url: str) -> list[tuple]:
    """Every finding row, field by field (ids aside), in a stable order."""
    engine = make_engine(url)
    with make_sessionmaker(engine)() as s:
        slugs = dict(s.execute(select(Unit.id, Unit.slug)).all())
        rows = sorted((slugs[f.unit_id], f.check, f.subject_key, f.subject, f.url, f.detail,
                       repr(sorted(f.evidence.items())), f.observed_at, f.first_as_of, f.last_as_of, f.rectified_on,
                       f.closed_as) for f in s.scalars(select(Finding)))
    engine.dispose()
    return rows


def without_memo(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(delete(CheckMemo))
    engine.dispose()


def night_two(label: str, full_url: str, inc_url: str, docs: int, tmp: Path, as_of: str
              ) -> tuple[dict, dict, dict, bool]:
    """Night 2 checked in full (`full_url`, its memo emptied) and incrementally (`inc_url`, night 1's memo
    kept), then incrementally once more with nothing changed; whether both gave the same findings."""
    without_memo(full_url)
    full = zwgk_check(full_url, [], tmp, as_of, "--full")
    say(line(f"{label}check night 2, full (zwgk check --full)", docs, full))
    inc = zwgk_check(inc_url, [], tmp, as_of)
    say(line(f"{label}check night 2, incremental (zwgk check)", docs, inc))
    same = findings(inc_url) == findings(full_url)
    warm = zwgk_check(inc_url, [], tmp, as_of)
    say(line(f"{label}check night 2 again, nothing changed (zwgk check)", docs, warm))
    return full, inc, warm, same


def line(label: str, docs: int, r: dict) -> str:
    return (f"{label}: {docs} documents, {r['cpu']:.1f} CPU s ({1000 * r['cpu'] / max(docs, 1):.2f} CPU ms/document), "
            f"{r['wall']:.1f} s wall, peak RSS {r['rss']:.0f} MB; {r['summary']}")


LOAD = ("from checks.typos import typo_matcher; from checks.word_slips import variant_index; "
        "from checks.lexicon import tokenizer, sensitive_matcher; "
        "typo_matcher(()); variant_index(); tokenizer(); sensitive_matcher()")


def constant(url: str) -> float:
    """CPU seconds of loading the word lists and automata in a process of their own: paid once per check
    process whatever its size, as soon as one text must be computed (and jieba for the corpus consensus)."""
    env = {**settings_for(url).as_env(), "PYTHONPATH": str(ROOT)}  # the checks' settings (ops' word lists)
    proc = subprocess.Popen([sys.executable, "-c", LOAD], cwd=ROOT, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime + usage.ru_stime


def compare(label: str, docs: int, full: dict, inc: dict, warm: dict | None, same: bool, province: int,
            fixed: float) -> None:
    say(f"{label}: incremental / full = {inc['cpu'] / full['cpu']:.3f} in CPU, {inc['wall'] / full['wall']:.3f} in wall "
        f"({full['cpu'] / inc['cpu']:.1f}× less CPU); findings identical: {same}")
    say(f"  without the word lists' loading ({fixed:.1f} CPU s, once per process): incremental / full = "
        f"{(inc['cpu'] - fixed) / (full['cpu'] - fixed):.3f} in CPU")
    # a check that computes nothing never loads the word lists: nothing is taken off (jieba's load stays in)
    runs = [("full", full, fixed), ("incremental", inc, fixed)] + ([("nothing changed", warm, 0.0)] if warm else [])
    for name, r, off in runs:
        ms = 1000 * (r["cpu"] - off) / docs
        say(f"  province ({province:,} documents, one process), {name}: {off:.0f} CPU s + {ms:.2f} CPU ms/document × "
            f"{province:,} = {(off + ms * province / 1000) / 60:.0f} CPU min")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--county", type=int, nargs=3, default=[30, 30, 11], metavar=("UNITS", "COLUMNS", "ITEMS"))
    parser.add_argument("--new-items", type=int, default=5, help="new entries in every tenth unit's first column")
    parser.add_argument("--postgres", action="store_true", help="also check on PostgreSQL")
    parser.add_argument("--province-documents", type=int, default=990_000)
    parser.add_argument("--jobs", type=int, default=2, help="processes generating the farm")
    parser.add_argument("--workdir", type=Path, help="keep the farm and stores here (default: a temp dir)")
    args = parser.parse_args()
    units_n, columns, items = args.county
    say(f"check_incremental {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores (shared); "
        f"{units_n} units × {columns} columns × {items} items")
    tmp = work_dir(args.workdir, "zwgk-memo-")
    as_of = beijing_today()
    store, full_store = tmp / "store.sqlite", tmp / "full.sqlite"
    url, full_url = f"sqlite:///{store}", f"sqlite:///{full_store}"
    try:
        stats = build_county_stats(tmp / "farm", units_n, columns, items, jobs=args.jobs, one_origin=True)
        with NginxFarm(tmp / "farm", one_origin=True) as farm:
            store.unlink(missing_ok=True)
            upgrade(url)
            with make_sessionmaker(make_engine(url))() as session, session.begin():
                import_registry(session, parse_registry(farm.render_registry_text(stats["registry"]), "units.yaml"))
            one = crawl(farm, url)
            say(f"night 1: {one['pages']} pages, {one['cpu']:.0f} CPU s")
            checkpoint(url)
            slugs = [f"c{n:03d}" for n in range(1, units_n + 1)]
            docs1 = documents(url, slugs)
            cold = zwgk_check(url, [], tmp, as_of)
            say(line("check night 1 (memo empty: full check + writing the memo)", docs1, cold))
            build_county(tmp / "farm", units_n, columns, items, new_items=args.new_items, jobs=args.jobs,
                         changed_only=True, one_origin=True)
            two = crawl(farm, url)
            say(f"night 2: {two['requests']} requests, {two['pages']} pages stored, {two['cpu']:.0f} CPU s")
        checkpoint(url)
        before = tmp / "before_checks.sqlite"  # night 1 checked (memo kept), night 2 crawled
        copy_store(store, before)
        copy_store(store, full_store)
        docs = documents(url, slugs)
        runs = night_two("", full_url, url, docs, tmp, as_of)
        fixed = constant(url)
        say(f"loading the word lists and automata alone: {fixed:.1f} CPU s")
        compare("SQLite", docs, *runs, args.province_documents, fixed)
        if args.postgres:
            with private_postgres() as pg:
                seconds = postgres_copy(f"sqlite:///{before}", pg, "before")
                say(f"PostgreSQL: the store copied in {seconds:.0f} s")
                pg_full, pg_inc = create_database(pg, "full", "before"), create_database(pg, "inc", "before")
                runs = night_two("PostgreSQL, ", pg_full, pg_inc, docs, tmp, as_of)
                compare("PostgreSQL", docs, *runs, args.province_documents, fixed)
    finally:
        if not args.workdir:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
