"""One night: crawl (the crawl subprocess, then links, new media and attachment texts), then every check.

The CLI's `run`, the scheduler's nightly job and the demo all call `run_night`, so a night is the same
wherever it is started.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.settings import Settings
from core.vocab import SnapshotKind
from crawler.launch import CrawlResult, run_crawl
from crawler.screenshots import Shot, take_screenshots
from jobs.check import CheckSummary, run_checks
from storage.models import Finding, Snapshot


@dataclass
class NightResult:
    crawl: CrawlResult
    checks: CheckSummary

    @property
    def ok(self) -> bool:
        return self.crawl.returncode == 0

    def lines(self) -> list[str]:
        return self.crawl.report_lines() + self.checks.lines()


def run_night(
    settings: Settings,
    Session_: sessionmaker[Session],
    as_of: date,
    unit_slugs: list[str] | None = None,
    echo: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> NightResult:
    """Crawl the units (all active ones when None), then check them as of `as_of`.

    A crawl that ended badly still leaves what it stored; the checks judge only what was fetched.
    """
    crawl = run_crawl(settings, Session_, unit_slugs, echo=echo)
    checks = run_checks(Session_, as_of, unit_slugs, settings.timezone)
    if settings.screenshot_text_findings:
        shots = screenshot_text_findings(settings, Session_)
        if shots:
            failed = sum(1 for s in shots if s.error)
            echo(f"[截图] 为带文字问题的页面截图 {len(shots)} 张，失败 {failed} 张")
    return NightResult(crawl, checks)


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
