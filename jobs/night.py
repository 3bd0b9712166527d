"""One night: crawl (the crawl subprocess, then links, new media and attachment texts), then every check.

The CLI's `run`, the scheduler's nightly job and the demo all call `run_night`, so a night is the same
wherever it is started.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from core.settings import Settings
from crawler.launch import CrawlResult, run_crawl
from jobs.check import CheckSummary, run_checks


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
    return NightResult(crawl, checks)
