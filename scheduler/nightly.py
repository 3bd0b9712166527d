"""`zwgk schedule`: the nightly job and the probes on a cron, in APScheduler 3.x with a persistent job store.

Jobs in a persistent store must be module-level functions; the crawl itself runs in a subprocess
(crawler.launch), so the scheduler process never touches Twisted's reactor.

APScheduler 3 does not coordinate two schedulers on one job store: both would fire every job. So a
scheduler first takes the store's "scheduler" lease (storage.lease) and only then starts its jobs; a
second `zwgk schedule` waits on standby and takes over when the first stops or dies. The night itself
holds the "night" lease besides (jobs.runs), so a manual `zwgk run` never overlaps it either.
"""

from __future__ import annotations

import logging
import logging.handlers
import signal
import sys
import threading
import uuid
from collections.abc import Callable

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger

from core.settings import Settings, get_settings, mask_url
from jobs.runs import SCHEDULER_LEASE

log = logging.getLogger("zwgk")
NIGHTLY_JOB_ID = "zwgk-nightly"
PROBE_JOB_ID = "zwgk-probe"
WATCHDOG_JOB_ID = "zwgk-watchdog"


def cron_trigger(expression: str, timezone: str) -> CronTrigger:
    """A crontab line (5 fields), or 6 fields with seconds first (used to run the scheduler on a fast clock)."""
    fields = expression.split()
    if len(fields) == 6:
        second, minute, hour, day, month, dow = fields
        return CronTrigger(second=second, minute=minute, hour=hour, day=day, month=month, day_of_week=dow,
                           timezone=timezone)
    # Trigger objects take the machine's zone unless told (TECH_NOTES §6): pass it explicitly.
    return CronTrigger.from_crontab(expression, timezone=timezone)


def nightly_job() -> None:
    """Crawl every active unit, then run every check as of today; a night already running is not doubled."""
    from jobs.night import run_night
    from jobs.runs import RunRefused
    from storage.clock import local_today
    from storage.db import make_engine, make_sessionmaker

    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        night = run_night(settings, make_sessionmaker(engine), local_today(settings.timezone), echo=log.info,
                          trigger="schedule")
        log.info("夜间任务结束（第 %s 次运行）：\n%s", night.run_id, "\n".join(night.lines()))
    except RunRefused as exc:
        log.warning("夜间任务未启动：%s", exc)
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
        log.info("首页探测：%s 个单位，%s 个失败", len(results), sum(1 for r in results if not r.ok))
    finally:
        engine.dispose()


def watchdog_job() -> None:
    """Every hour: what `zwgk status --alert` would announce (a failed or missed night, stopped probes, next
    year's calendar missing), sent once each; a systemd timer does the same from outside this process."""
    from jobs.alerts import send_alert
    from jobs.status import status_report
    from storage.db import make_engine, make_sessionmaker

    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        Session_ = make_sessionmaker(engine)
        with Session_() as session:
            report = status_report(settings, session)
        for message in report.problems:
            # this process is the scheduler, so it is running: that problem is for the outside watchdog
            if message.kind != "scheduler" and send_alert(settings, Session_, message) == "sent":
                log.warning("已发出告警：%s", message.title)
    finally:
        engine.dispose()


def build_scheduler(settings: Settings, kind: type[BaseScheduler] = BackgroundScheduler) -> BaseScheduler:
    scheduler = kind(
        jobstores={"default": SQLAlchemyJobStore(url=settings.database_url, tablename="apscheduler_jobs")},
        # a missed night (machine off at 01:00) runs once when the scheduler is back, within 6 hours
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 6 * 3600},
        timezone=settings.timezone,
    )
    scheduler.add_job(nightly_job, cron_trigger(settings.nightly_cron, settings.timezone), id=NIGHTLY_JOB_ID,
                      replace_existing=True, name="夜间抓取与检查")
    scheduler.add_job(probe_job, cron_trigger(settings.probe_cron, settings.timezone), id=PROBE_JOB_ID,
                      replace_existing=True, name="首页可用性探测", misfire_grace_time=600)
    scheduler.add_job(watchdog_job, CronTrigger(minute=17, timezone=settings.timezone), id=WATCHDOG_JOB_ID,
                      replace_existing=True, name="状态检查与告警", misfire_grace_time=600)
    return scheduler


def setup_logging(settings: Settings, name: str = "zwgk.log") -> None:
    """The terminal gets zwgk's own lines; the rotated log file in the data directory gets everything."""
    logs = settings.resolved_data_dir() / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(logs / name, maxBytes=10 * 1024 * 1024, backupCount=10,
                                                        encoding="utf-8")
    file_handler.setFormatter(fmt)
    terminal = logging.StreamHandler(sys.stderr)
    terminal.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    terminal.addFilter(lambda record: record.name.startswith("zwgk") or record.levelno >= logging.ERROR)
    root.handlers[:] = [file_handler, terminal]
    for noisy in ("apscheduler", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def serve(settings: Settings, stop: threading.Event, echo: Callable[[str], None] = log.info) -> None:
    """Wait for the scheduler lease, run the jobs while holding it, give them up when `stop` is set."""
    from storage import lease
    from storage.db import make_engine, make_sessionmaker

    engine = make_engine(settings.database_url)
    Session_ = make_sessionmaker(engine)
    token = uuid.uuid4().hex
    beat = settings.lease_ttl / 4
    try:
        while not stop.is_set():
            holder = lease.acquire(Session_, SCHEDULER_LEASE, token, "定时任务进程", settings.lease_ttl)
            if holder is not None:
                echo(f"另一个定时任务进程已在这个数据库上运行（{holder.describe(settings.timezone)}），本进程待命，"
                     "它停止后自动接替")
                while not stop.wait(beat) and (holder := lease.acquire(
                        Session_, SCHEDULER_LEASE, token, "定时任务进程", settings.lease_ttl)) is not None:
                    pass
                if stop.is_set():
                    break
            scheduler = build_scheduler(settings)
            scheduler.start()
            night = scheduler.get_job(NIGHTLY_JOB_ID)
            echo(f"定时任务已启动：夜间任务 {settings.nightly_cron}（{settings.timezone}），"
                 f"下次 {night.next_run_time:%Y-%m-%d %H:%M:%S}；首页探测 {settings.probe_cron}；"
                 f"数据库 {mask_url(settings.database_url)}")
            lost = False
            while not stop.wait(beat):
                try:
                    if not lease.renew(Session_, SCHEDULER_LEASE, token, settings.lease_ttl):
                        lost = True
                        break
                except Exception as exc:  # the store is down for a moment: the lease outlives a few beats
                    log.warning("定时任务心跳失败：%s", mask_url(str(exc)).splitlines()[0])
            scheduler.shutdown(wait=False)  # a night still running is cut off; the next run records it
            if lost:
                log.error("定时任务租约已被其他进程接管（本进程心跳中断过久），本进程转为待命")
    finally:
        lease.release(Session_, SCHEDULER_LEASE, token)
        engine.dispose()


def run_scheduler(settings: Settings) -> None:
    setup_logging(settings)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(f"定时任务进程启动，日志：{settings.resolved_data_dir() / 'logs' / 'zwgk.log'}，按 Ctrl+C 停止", file=sys.stderr)
    try:
        serve(settings, stop)
    except KeyboardInterrupt:
        stop.set()
