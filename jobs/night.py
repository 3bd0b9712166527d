"""One night: crawl (the crawl subprocess, then links, new media and attachment texts), then every check.

The CLI's `run`, the scheduler's nightly job and the demo all call `run_night`, so a night is the same
wherever it is started. Every night, crawl and check started here holds the store's run lease
(jobs.runs): one at a time, across processes and machines, and each is recorded in `runs`.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.progress import Progress
from core.settings import Settings
from core.vocab import SnapshotKind
from crawler.launch import CrawlResult, run_crawl
from crawler.screenshots import Shot, take_screenshots
from jobs.check import CheckSummary, run_checks
from jobs.look import column_look_by
from jobs.runs import exclusive_run
from storage.evidence_store import open_store
from storage.models import Finding, Snapshot


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


@dataclass
class NightResult:
    crawl: CrawlResult
    checks: CheckSummary
    run_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.crawl.returncode == 0

    @property
    def status(self) -> str:
        """finished; incomplete when a unit's home page or a column could not be fetched; failed."""
        if not self.ok:
            return "failed"
        return "incomplete" if missed_units(self.crawl) else "finished"

    def lines(self) -> list[str]:
        return self.crawl.report_lines() + self.checks.lines()

    def summary(self) -> dict[str, Any]:
        return crawl_summary(self.crawl) | check_summary(self.checks)


def missed_units(crawl: CrawlResult) -> dict[str, str]:
    """Units the night did not fully see, with why: {slug: "首页失败" | "栏目 3/5"}."""
    missed = {}
    for c in crawl.coverage:
        if c.home_ok is False:
            missed[c.slug] = "首页无法访问"
        elif c.columns_fetched < c.columns:
            missed[c.slug] = f"栏目只抓到 {c.columns_fetched}/{c.columns}"
    return missed


def crawl_summary(crawl: CrawlResult) -> dict[str, Any]:
    failed: Counter[str] = Counter()
    for c in crawl.coverage:
        failed.update(c.errors)
    return {
        "crawl_run_id": crawl.run_id,
        "crawl_returncode": crawl.returncode,
        "crawl_seconds": round(crawl.seconds, 1),
        "units": len(crawl.coverage),
        "columns": sum(c.columns for c in crawl.coverage),
        "columns_fetched": sum(c.columns_fetched for c in crawl.coverage),
        "pages": crawl.pages,
        "pages_fetched": sum(c.pages_fetched for c in crawl.coverage),
        "failed_by_kind": dict(failed.most_common()),
        "missed": missed_units(crawl),
    }


def check_summary(checks: CheckSummary) -> dict[str, Any]:
    return {
        "as_of": checks.as_of.isoformat(),
        "findings_new": checks.stats.new,
        "findings_open": checks.stats.still_open,
        "findings_rectified": checks.stats.rectified,
        "events_proposed": checks.events_proposed,
        "new_finding_ids": list(getattr(checks.stats, "new_ids", [])),
    }


def run_night(
    settings: Settings,
    Session_: sessionmaker[Session],
    as_of: date,
    unit_slugs: list[str] | None = None,
    echo: Callable[[str], None] = _stderr,
    *,
    trigger: str = "cli",
    wait: bool = False,
    alerts: bool = True,
) -> NightResult:
    """Crawl the units (all active ones when None), then check them as of `as_of`.

    A crawl that ended badly still leaves what it stored; the checks judge only what was fetched.
    Raises jobs.runs.RunRefused when another run holds the store (unless `wait`).
    """
    started = time.monotonic()
    handle = None
    try:
        with exclusive_run(settings, Session_, "night", trigger=trigger, as_of=as_of, units=unit_slugs, wait=wait,
                           echo=echo) as run:
            handle = run
            say = run.tee(echo)
            run.phase("crawl")
            crawl = run_crawl(settings, Session_, unit_slugs, echo=say,
                              look_by=lambda session, slugs: (as_of, column_look_by(session, slugs, as_of,
                                                                                     settings.timezone)))
            sweep_store(settings, say)
            run.phase("check")
            checks = run_checks(Session_, as_of, unit_slugs, settings.timezone,
                                progress=lambda total: Progress("检查", total, say, settings.progress_interval))
            if settings.screenshot_text_findings:
                run.phase("screenshots")
                shots = screenshot_text_findings(settings, Session_)
                if shots:
                    failed = sum(1 for s in shots if s.error)
                    say(f"[截图] 为带文字问题的页面截图 {len(shots)} 张，失败 {failed} 张")
            night = NightResult(crawl, checks, run.id)
            run.status = night.status
            run.summary = night.summary() | {"seconds": round(time.monotonic() - started, 1)}
            for line in night.lines():  # the Chinese night summary, in the run's own log too
                run.tee(lambda _: None)(line)
            run.phase("done")
    finally:
        # a failed night is announced too; an alert that cannot be sent never hides how the night ended
        if alerts and handle is not None:
            try:
                from jobs.alerts import night_alerts

                night_alerts(settings, Session_, handle.id, echo=echo)
            except Exception as exc:
                echo(f"告警未能发出：{type(exc).__name__}: {exc}")
    return night


def sweep_store(settings: Settings, say: Callable[[str], None]) -> int:
    """After a crawl: remove the temporary files that killed writers left in a shared evidence store."""
    if settings.evidence_store == "local":
        return 0  # the crawl writes WARC files in place there; nothing else writes the directory
    removed = open_store(settings).sweep_temps()
    if removed:
        say(f"[证据存储] 清理了 {removed} 个中断写入留下的临时文件（超过一天无人写入）")
    return removed


def crawl_job(settings: Settings, Session_: sessionmaker[Session], unit_slugs: list[str] | None = None,
              echo: Callable[[str], None] = _stderr, *, wait: bool = False, redis_url: str | None = None) -> CrawlResult:
    """`zwgk crawl`: the crawl alone (shared through Redis with `redis_url`), under the same lease and recorded
    like a night."""
    with exclusive_run(settings, Session_, "crawl", units=unit_slugs, wait=wait, echo=echo) as run:
        run.phase("crawl")
        if redis_url:
            from crawler.distributed import run_shared_crawl

            result = run_shared_crawl(settings, Session_, redis_url, unit_slugs, echo=run.tee(echo))
        else:
            result = run_crawl(settings, Session_, unit_slugs, echo=run.tee(echo))
        sweep_store(settings, run.tee(echo))
        run.status = "failed" if result.returncode else ("incomplete" if missed_units(result) else "finished")
        run.summary = crawl_summary(result)
    return result


def check_job(settings: Settings, Session_: sessionmaker[Session], as_of: date,
              unit_slugs: list[str] | None = None, echo: Callable[[str], None] = _stderr, *,
              wait: bool = False, reuse: bool = True) -> CheckSummary:
    """`zwgk check`: the checks alone, under the same lease (they must not judge a half-stored crawl).
    `reuse` False: every per-document result computed again, none kept (`zwgk check --full`)."""
    with exclusive_run(settings, Session_, "check", as_of=as_of, units=unit_slugs, wait=wait, echo=echo) as run:
        run.phase("check")
        summary = run_checks(Session_, as_of, unit_slugs, settings.timezone,
                             progress=lambda total: Progress("检查", total, echo, settings.progress_interval),
                             reuse=reuse)
        run.summary = check_summary(summary)
    return summary


TEXT_CHECKS = ("text.typo", "text.sensitive", "text.privacy")


def screenshot_text_findings(settings: Settings, Session_: sessionmaker[Session]) -> list[Shot]:
    """A full-page screenshot of every captured page (not attachment) that carries an open text finding."""
    with Session_() as session:
        ids: list[int] = []
        for evidence in session.scalars(select(Finding.evidence).where(Finding.check.in_(TEXT_CHECKS),
                                                                        Finding.rectified_on.is_(None))):
            ids += [int(i) for i in (evidence or {}).get("snapshots", []) if i]
        pages = list(session.scalars(select(Snapshot.id).where(
            Snapshot.id.in_(ids), Snapshot.kind.in_((SnapshotKind.DETAIL, SnapshotKind.LIST, SnapshotKind.HOME))))) if ids else []
    return take_screenshots(settings, Session_, sorted(pages))
