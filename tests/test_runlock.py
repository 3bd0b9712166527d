"""One run at a time on one store: a second run is refused naming the first, a killed run frees the store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from jobs.runs import RunRefused, exclusive_run
from storage import lease
from storage.clock import utcnow
from storage.ops_models import Lease, Run
from tests.conftest import settings_for
from zwgk.cli import main

ROOT = Path(__file__).resolve().parent.parent

HOLD = """
import sys, time
from pathlib import Path
from core.settings import Settings
from jobs.runs import exclusive_run
from storage.db import make_engine, make_sessionmaker
settings = Settings(database_url=sys.argv[1], lease_ttl=4)
Session = make_sessionmaker(make_engine(settings.database_url))
with exclusive_run(settings, Session, "night", trigger="schedule") as run:
    run.phase("crawl")
    Path(sys.argv[2]).write_text(str(run.id))
    time.sleep(600)
"""


def _holder(url: str, tmp_path: Path) -> tuple[subprocess.Popen, int]:
    ready = tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", HOLD, url, str(ready)], cwd=ROOT)
    for _ in range(300):
        if ready.exists() and ready.read_text():
            return proc, int(ready.read_text())
        time.sleep(0.1)
    proc.kill()
    raise AssertionError("the holding process did not start")


def _cli(url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"ZWGK_DATABASE_URL": url, "ZWGK_LEASE_TTL": "4"})
    return result.exit_code, result.output


def test_second_process_is_refused_then_runs_after_kill_9(db_url: str, tmp_path: Path) -> None:
    proc, run_id = _holder(db_url, tmp_path)
    try:
        code, out = _cli(db_url, "check", "--as-of", "2024-09-30")
        assert code == 3, out
        assert "已有任务在运行" in out and f"进程 {proc.pid}" in out and f"第 {run_id} 次运行" in out
        assert "Traceback" not in out
        code, out = _cli(db_url, "status")
        assert "正在运行：夜间任务" in out and "当前阶段：crawl" in out
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    # the holder died without releasing: its process is gone, so the store is free at once
    code, out = _cli(db_url, "check", "--as-of", "2024-09-30")
    assert code == 0, out
    code, out = _cli(db_url, "runs", "--format", "jsonl")
    rows = {r["id"]: r for r in map(__import__("json").loads, out.splitlines())}
    assert rows[run_id]["status"] == "interrupted" and "crawl" in rows[run_id]["error"]
    assert rows[run_id + 1]["status"] == "finished" and rows[run_id + 1]["kind"] == "check"


def test_wait_queues_behind_the_running_one(sqlite_url: str, tmp_path: Path) -> None:
    proc, _ = _holder(sqlite_url, tmp_path)
    waiter = subprocess.Popen([sys.executable, "-m", "zwgk", "check", "--as-of", "2024-09-30", "--wait"], cwd=ROOT,
                              env={**os.environ, "ZWGK_DATABASE_URL": sqlite_url, "ZWGK_LEASE_TTL": "4"},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = waiter.stderr.readline()  # blocks until the waiter has met the holder
    assert "已有任务在运行，等待它结束" in first and f"进程 {proc.pid}" in first
    time.sleep(1)
    assert waiter.poll() is None  # still waiting behind the holder
    proc.terminate()  # SIGTERM: no clean-up runs either, like kill -9
    proc.wait()
    out, err = waiter.communicate(timeout=120)
    assert waiter.returncode == 0, err
    assert "检查基准日 2024-09-30" in out


def test_lease_of_another_machine_expires(db_url: str) -> None:
    """A holder on another machine cannot be seen dying: its lease counts until its heartbeats stop."""
    from storage.db import make_engine, make_sessionmaker

    Session = make_sessionmaker(make_engine(db_url))
    now = utcnow()
    with Session() as s, s.begin():
        s.add(Lease(name="night", holder="other", host="another-machine", pid=1, what="夜间任务（第 7 次运行）",
                    acquired_at=now, heartbeat_at=now, expires_at=now + timedelta(seconds=60)))
    holder = lease.acquire(Session, "night", "me", "检查", ttl=60)
    assert holder is not None and holder.host == "another-machine"
    with pytest.raises(RunRefused, match="another-machine"), exclusive_run(settings_for(db_url), Session, "check"):
        pass
    with Session() as s, s.begin():
        s.get(Lease, "night").expires_at = now - timedelta(seconds=1)
    with exclusive_run(settings_for(db_url), Session, "check") as run:
        assert lease.renew(Session, "night", "other", 60) is False  # the old holder lost it
    with Session() as s:
        assert s.get(Run, run.id).status == "finished"
        assert s.scalar(select(Lease)) is None  # released


def test_failure_is_recorded(sqlite_url: str) -> None:
    from storage.db import make_engine, make_sessionmaker

    Session = make_sessionmaker(make_engine(sqlite_url))
    with pytest.raises(ZeroDivisionError), exclusive_run(settings_for(sqlite_url), Session, "night") as run:
        raise ZeroDivisionError("division by zero")
    with Session() as s:
        row = s.get(Run, run.id)
        assert row.status == "failed" and "ZeroDivisionError" in row.error and row.finished_at is not None


def test_each_run_has_its_own_log(sqlite_url: str, tmp_path: Path) -> None:
    import json

    from storage.db import make_engine, make_sessionmaker

    Session = make_sessionmaker(make_engine(sqlite_url))
    shown: list[str] = []
    with exclusive_run(settings_for(sqlite_url, data_dir=tmp_path), Session, "crawl") as run:
        run.tee(shown.append)("[抓取] 单位 yunhe-jyj：http://127.0.0.1/ 超时")
    lines = [json.loads(x) for x in (tmp_path / "logs" / "runs" / f"run-{run.id}.jsonl").read_text("utf-8").splitlines()]
    assert shown == ["[抓取] 单位 yunhe-jyj：http://127.0.0.1/ 超时"]
    assert lines[0]["run"] == run.id and lines[0]["kind"] == "crawl" and lines[0]["msg"] == shown[0]
