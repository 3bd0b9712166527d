"""Run a crawl from the parent process: record the run, start the Scrapy subprocess, stream its
progress, close the run and build the coverage report."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.settings import Settings
from crawler.aftercrawl import after_crawl
from crawler.coverage import UnitCoverage, coverage, coverage_lines
from crawler.incremental import (
    LISTED_FILE,
    PAGED_FILE,
    RESTED_FILE,
    VALIDATORS_FILE,
    carried_columns,
    dump_beside,
    previous_validators,
    resting_columns,
    unchanged_listings,
)
from crawler.plan import CrawlPlan, build_plan, egress_policy
from storage.clock import utcnow
from storage.models import CrawlRun, Unit


@dataclass
class History:
    """What earlier nights tell tonight's spider: validators for conditional GETs, the list entries
    whose detail pages need no request, and the columns whose later list pages need none while their
    first page is unchanged (crawler.incremental)."""

    validators: dict[str, dict[str, str]]
    listed: dict[str, list[list[str | None]]]
    paged: dict[str, dict[str, Any]] = field(default_factory=dict)
    rested: dict[str, dict[str, Any]] = field(default_factory=dict)  # columns not looked at tonight at all


# (session, unit slugs) -> (the night's as-of day, column id -> first day a check could raise a finding about the
# column from what was last seen of it): computed where the checks' deadlines are known (jobs.look)
LookBy = Callable[[Session, list[str]], tuple[date, dict[int, date]]]


@dataclass
class CrawlResult:
    run_id: int
    returncode: int
    seconds: float
    coverage: list[UnitCoverage]

    @property
    def pages(self) -> int:
        return sum(c.pages for c in self.coverage)

    def report_lines(self) -> list[str]:
        """The coverage report and the crawl's totals, in Chinese."""
        rate = self.pages / self.seconds if self.seconds else 0.0
        lines = [*coverage_lines(self.coverage),
                 f"抓取完成：第 {self.run_id} 次，{self.pages} 页，用时 {self.seconds:.1f} 秒（{rate:.1f} 页/秒）"]
        if self.returncode != 0:
            lines.append(f"抓取进程异常退出（返回码 {self.returncode}），已保存的页面仍可用于检查")
        return lines


def _die_with_parent() -> None:
    """In the crawl subprocess, before it starts: be killed when the parent dies (even by kill -9), so a
    killed night never leaves a crawl running on without its lease. Linux only; elsewhere a no-op."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        pass


def run_crawl(
    settings: Settings,
    Session_: sessionmaker[Session],
    unit_slugs: list[str] | None = None,
    echo: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
    look_by: LookBy | None = None,
) -> CrawlResult:
    """With `look_by`, columns far from every deadline rest some nights (crawler.incremental.resting_columns);
    without it every column is looked at tonight."""
    run_id, plan, history = open_run(settings, Session_, unit_slugs, look_by)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="zwgk-crawl-") as tmp:
        plan_path = write_plan(Path(tmp), plan, history)
        returncode = run_process(settings, plan_path, echo)
    return close_run(settings, Session_, run_id, unit_slugs, returncode, started, echo)


def open_run(settings: Settings, Session_: sessionmaker[Session],
             unit_slugs: list[str] | None, look_by: LookBy | None = None) -> tuple[int, CrawlPlan, History]:
    """Record a new run; its plan and what earlier runs fetched."""
    with Session_() as session, session.begin():
        # A run still "running" here was cut off (machine restart, killed parent): say so, keep its pages.
        for stale in session.scalars(select(CrawlRun).where(CrawlRun.status == "running")):
            stale.status = "interrupted"
        run = CrawlRun(units=[])
        session.add(run)
        session.flush()
        plan = build_plan(session, run.id, unit_slugs, egress_policy(session, settings))
        run.units = [u.slug for u in plan.units]
        unit_ids = [u.id for u in session.scalars(select(Unit).where(Unit.slug.in_(run.units)))]
        today = utcnow().date()
        history = History(previous_validators(session, unit_ids),
                          unchanged_listings(session, unit_ids, today, settings.revisit_days),
                          carried_columns(session, unit_ids, today, settings.revisit_days))
        if look_by is not None and settings.column_look_nights > 1:
            as_of, deadlines = look_by(session, run.units)
            history.rested = resting_columns(session, unit_ids, run.id, as_of, deadlines, settings.column_look_nights)
        return run.id, plan, history


def write_plan(directory: Path, plan: CrawlPlan, history: History) -> Path:
    plan_path = directory / "plan.json"
    plan.dump(plan_path)
    dump_beside(plan_path, VALIDATORS_FILE, history.validators)
    dump_beside(plan_path, LISTED_FILE, history.listed)
    dump_beside(plan_path, PAGED_FILE, history.paged)
    dump_beside(plan_path, RESTED_FILE, history.rested)
    return plan_path


def run_process(settings: Settings, plan_path: Path, echo: Callable[[str], None], redis_url: str | None = None) -> int:
    """The Scrapy crawl in its own process; with `redis_url`, as one worker of a shared night."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.crawl_process", str(plan_path), *(["--redis", redis_url] if redis_url else [])],
        env=settings.as_env(),
        preexec_fn=_die_with_parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        echo(line.rstrip())
    return proc.wait()


def close_run(settings: Settings, Session_: sessionmaker[Session], run_id: int, unit_slugs: list[str] | None,
              returncode: int, started: float, echo: Callable[[str], None]) -> CrawlResult:
    """What a night does after the Scrapy crawl, then the run's status, statistics and coverage."""
    after = after_crawl(settings, Session_, run_id, unit_slugs, echo)
    seconds = time.monotonic() - started
    with Session_() as session, session.begin():
        run = session.get_one(CrawlRun, run_id)
        run.finished_at = utcnow()
        run.status = "finished" if returncode == 0 else "failed"
        report = coverage(session, run_id)
        run.stats = {
            **(run.stats or {}),  # what the crawl recorded itself (the caps it hit)
            "seconds": round(seconds, 2),
            "pages": sum(c.pages for c in report),
            "pages_fetched": sum(c.pages_fetched for c in report),
            "returncode": returncode,
            **after,
        }
    return CrawlResult(run_id, returncode, seconds, report)
