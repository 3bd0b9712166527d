"""The nightly job: persisted in the store on the configured cron, and the job function end to end."""

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import func, select

from checks.knobs import CheckRules
from checks.loader import load_audit_data
from core.settings import get_settings
from scheduler.nightly import NIGHTLY_JOB_ID, PROBE_JOB_ID, WATCHDOG_JOB_ID, build_scheduler, nightly_job
from storage.db import make_engine, make_sessionmaker
from storage.models import CrawlRun, Finding
from storage.ops_models import Run
from tests.conftest import import_farm_registry, settings_for

ROOT = Path(__file__).resolve().parent.parent


def test_job_is_persisted_once_in_the_configured_zone(sqlite_url: str) -> None:
    settings = settings_for(sqlite_url, nightly_cron="30 2 * * *")
    for _ in range(2):  # a restart replaces the job instead of adding a second one
        scheduler = build_scheduler(settings, BackgroundScheduler)
        scheduler.start(paused=True)
        jobs = {j.id: j for j in scheduler.get_jobs()}
        assert set(jobs) == {NIGHTLY_JOB_ID, PROBE_JOB_ID, WATCHDOG_JOB_ID}
        next_run = jobs[NIGHTLY_JOB_ID].next_run_time
        assert next_run.tzinfo is not None
        local = next_run.astimezone(ZoneInfo("Asia/Shanghai"))
        assert (local.hour, local.minute) == (2, 30)
        scheduler.shutdown(wait=False)
    import sqlite3

    rows = sqlite3.connect(sqlite_url.removeprefix("sqlite:///")).execute("select id from apscheduler_jobs").fetchall()
    assert sorted(rows) == sorted([(NIGHTLY_JOB_ID,), (PROBE_JOB_ID,), (WATCHDOG_JOB_ID,)])


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


def _schedule(url: str, data_dir, cron: str = "*/2 * * * * *") -> subprocess.Popen:
    env = {**os.environ, "ZWGK_DATABASE_URL": url, "ZWGK_NIGHTLY_CRON": cron, "ZWGK_PROBE_CRON": "0 0 1 1 *",
           "ZWGK_LEASE_TTL": "4", "ZWGK_DATA_DIR": str(data_dir)}
    return subprocess.Popen([sys.executable, "-m", "zwgk", "schedule"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _nights(url: str) -> list[Run]:
    Session = make_sessionmaker(make_engine(url))
    with Session() as s:
        return list(s.scalars(select(Run).where(Run.kind == "night").order_by(Run.id)))


def _wait_for(predicate, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.5)


def test_two_schedulers_on_one_store_fire_once_on_a_fast_clock(sqlite_url: str, tmp_path) -> None:
    """Nights every 2 s (the fast clock): with two `zwgk schedule` processes on one store, only one fires;
    the nights never overlap; when the active one is killed, the standby takes over."""
    first = _schedule(sqlite_url, tmp_path / "a")
    _wait_for(lambda: len(_nights(sqlite_url)) >= 1)
    second = _schedule(sqlite_url, tmp_path / "b")
    try:
        _wait_for(lambda: len([n for n in _nights(sqlite_url) if n.status != "running"]) >= 4)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        killed_at = len(_nights(sqlite_url))
        _wait_for(lambda: any(n.pid == second.pid for n in _nights(sqlite_url)))
        _wait_for(lambda: sum(1 for n in _nights(sqlite_url) if n.pid == second.pid and n.status != "running") >= 2)
    finally:
        for proc in (first, second):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        out_second = second.communicate(timeout=60)[0]
        first.communicate(timeout=10)
    nights = _nights(sqlite_url)
    assert {n.pid for n in nights[:killed_at - 1]} == {first.pid}  # the standby fired nothing meanwhile
    assert "本进程待命" in out_second
    assert all(n.trigger == "schedule" for n in nights)
    done = [n for n in nights if n.finished_at is not None]
    for earlier, later in zip(done, done[1:]):
        assert later.started_at >= earlier.finished_at  # never two at once
    # a night cut off by kill -9 is recorded as interrupted by the next one, never left "running"
    assert all(n.status in ("finished", "interrupted") for n in nights[:-1])
    assert [n.status for n in nights[:-1]].count("interrupted") <= 1


def test_missed_nights_coalesce_into_one(sqlite_url: str, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three nights missed while the scheduler was down run once when it is back, not three times."""
    from datetime import UTC, timedelta

    now = datetime.now(UTC)
    minute = (now - timedelta(minutes=30)).minute  # fires hourly: 30, 90 and 150 minutes ago; next in 30
    for name, value in {"DATABASE_URL": sqlite_url, "NIGHTLY_CRON": f"{minute} * * * *", "PROBE_CRON": "0 0 1 1 *",
                        "DATA_DIR": str(tmp_path), "CHECK_LINKS": "false"}.items():
        monkeypatch.setenv(f"ZWGK_{name}", value)
    get_settings.cache_clear()
    scheduler = build_scheduler(get_settings(), BackgroundScheduler)
    try:
        scheduler.start(paused=True)
        scheduler.modify_job(NIGHTLY_JOB_ID, next_run_time=now - timedelta(minutes=151))
        scheduler.resume()
        _wait_for(lambda: any(n.status != "running" for n in _nights(sqlite_url)))
        time.sleep(2)
        assert len(_nights(sqlite_url)) == 1
        next_run = scheduler.get_job(NIGHTLY_JOB_ID).next_run_time
        assert timedelta(minutes=25) < next_run - now < timedelta(minutes=35)
    finally:
        scheduler.shutdown(wait=True)
        get_settings.cache_clear()
