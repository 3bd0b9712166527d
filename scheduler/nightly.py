"""`zwgk schedule`: the nightly job on a cron, in APScheduler 3.x with a persistent job store.

Jobs in a persistent store must be module-level functions; the crawl itself runs in a subprocess
(crawler.launch), so the scheduler process never touches Twisted's reactor.
"""

from __future__ import annotations

import logging
import signal
import sys

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from core.settings import Settings, get_settings

log = logging.getLogger(__name__)
NIGHTLY_JOB_ID = "zwgk-nightly"
PROBE_JOB_ID = "zwgk-probe"


def nightly_job() -> None:
    """Crawl every active unit, then run every check as of today."""
    from jobs.night import run_night
    from storage.clock import local_today
    from storage.db import make_engine, make_sessionmaker

    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        night = run_night(settings, make_sessionmaker(engine), local_today(settings.timezone), echo=log.info)
        log.info("%s", "\n".join(night.lines()))
    finally:
        engine.dispose()


def probe_job() -> None:
    """One availability probe of every active unit's home page (site.unreachable needs many a day)."""
    from crawler.probe import run_probes
    from storage.db import make_engine, make_sessionmaker

    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        results = run_probes(settings, make_sessionmaker(engine))
        log.info("probe: %s units, %s failed", len(results), sum(1 for r in results if not r.ok))
    finally:
        engine.dispose()


def build_scheduler(settings: Settings, kind: type[BaseScheduler] = BlockingScheduler) -> BaseScheduler:
    scheduler = kind(
        jobstores={"default": SQLAlchemyJobStore(url=settings.database_url, tablename="apscheduler_jobs")},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        timezone=settings.timezone,
    )
    # Trigger objects take the machine's zone unless told: pass it explicitly.
    trigger = CronTrigger.from_crontab(settings.nightly_cron, timezone=settings.timezone)
    scheduler.add_job(nightly_job, trigger, id=NIGHTLY_JOB_ID, replace_existing=True, name="夜间抓取与检查")
    scheduler.add_job(probe_job, CronTrigger.from_crontab(settings.probe_cron, timezone=settings.timezone),
                      id=PROBE_JOB_ID, replace_existing=True, name="首页可用性探测")
    return scheduler


def run_scheduler(settings: Settings) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    scheduler = build_scheduler(settings)
    signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=False))
    print(f"定时任务已启动：{settings.nightly_cron}（{settings.timezone}），按 Ctrl+C 停止", file=sys.stderr)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        pass
