"""The nightly job: persisted in the store on the configured cron, and the job function end to end."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import func, select

from checks.knobs import CheckRules
from checks.loader import load_audit_data
from core.settings import get_settings
from scheduler.nightly import NIGHTLY_JOB_ID, PROBE_JOB_ID, build_scheduler, nightly_job
from storage.db import make_engine, make_sessionmaker
from storage.models import CrawlRun, Finding
from tests.conftest import import_farm_registry, settings_for


def test_job_is_persisted_once_in_the_configured_zone(sqlite_url: str) -> None:
    settings = settings_for(sqlite_url, nightly_cron="30 2 * * *")
    for _ in range(2):  # a restart replaces the job instead of adding a second one
        scheduler = build_scheduler(settings, BackgroundScheduler)
        scheduler.start(paused=True)
        jobs = {j.id: j for j in scheduler.get_jobs()}
        assert set(jobs) == {NIGHTLY_JOB_ID, PROBE_JOB_ID}
        next_run = jobs[NIGHTLY_JOB_ID].next_run_time
        assert next_run.tzinfo is not None
        local = next_run.astimezone(ZoneInfo("Asia/Shanghai"))
        assert (local.hour, local.minute) == (2, 30)
        scheduler.shutdown(wait=False)
    import sqlite3

    rows = sqlite3.connect(sqlite_url.removeprefix("sqlite:///")).execute("select id from apscheduler_jobs").fetchall()
    assert sorted(rows) == sorted([(NIGHTLY_JOB_ID,), (PROBE_JOB_ID,)])


def test_nightly_job_crawls_then_checks(sqlite_url: str, farm, monkeypatch: pytest.MonkeyPatch) -> None:
    Session = make_sessionmaker(make_engine(sqlite_url))
    import_farm_registry(Session, farm)
    monkeypatch.setenv("ZWGK_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    try:
        nightly_job()
    finally:
        get_settings.cache_clear()
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    with Session() as s:
        run = s.scalar(select(CrawlRun))
        assert run.status == "finished" and run.stats["pages"] > 200
        # judged as of today, long after the fixtures' dates (2024): every column with a window is stale
        stale = s.scalar(select(func.count()).select_from(Finding).where(Finding.check == "column.stale",
                                                                          Finding.last_as_of == today))
        data = load_audit_data(s)
        expected = [c for c in data.columns if c.fetched and c.items and CheckRules().column_stale_windows.window(c.category)]
        assert len(expected) >= 11 and stale == len(expected)
