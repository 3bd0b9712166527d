"""One run at a time on one store, and a record of every run.

`exclusive_run` takes the store's "night" lease (storage.lease) for a night, a crawl or a check on its
own, records the run in `runs`, keeps the lease alive from a heartbeat thread and closes the record
however the run ends. A second run while one is going is refused with a message naming the running one
(or waits for it with `wait=True`); a run whose process died is found by its stopped heartbeat and
recorded as interrupted by the next run.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from core.settings import Settings
from storage import lease
from storage.clock import utcnow
from storage.lease import Holder
from storage.ops_models import Run

NIGHT_LEASE = "night"
SCHEDULER_LEASE = "scheduler"  # held by the one active `zwgk schedule` (scheduler.nightly)
KIND_NAMES = {"night": "夜间任务", "crawl": "抓取", "check": "检查"}
RUN_LOGS_KEPT = 120  # per-run logs kept in <data_dir>/logs/runs; older ones are deleted
STATUS_NAMES = {"running": "运行中", "finished": "完成", "incomplete": "未完整", "failed": "失败",
                "interrupted": "中断"}


class RunRefused(Exception):
    """Another run holds the store; nothing was started."""

    def __init__(self, holder: Holder, timezone: str = "Asia/Shanghai"):
        self.holder = holder
        super().__init__(f"已有任务在运行，本次未启动。{holder.describe(timezone)}。"
                         "请等它结束后再运行，或加 --wait 排队等待。")


@dataclass
class RunHandle:
    """The running run: its id, the phase it is in, and how it ended (set by the job before leaving)."""

    id: int
    kind: str
    Session_: sessionmaker[Session]
    status: str = "finished"
    summary: dict[str, Any] = field(default_factory=dict)
    lease_lost: bool = False
    log: TextIO | None = None

    def tee(self, echo: Callable[[str], None]) -> Callable[[str], None]:
        """`echo` that also writes each line to this run's own log (JSON lines in <data_dir>/logs/runs/)."""
        def both(line: str) -> None:
            if self.log is not None and not self.log.closed:
                self.log.write(json.dumps({"at": utcnow().isoformat(timespec="seconds"), "run": self.id,
                                           "kind": self.kind, "msg": line}, ensure_ascii=False) + "\n")
                self.log.flush()
            echo(line)
        return both

    def phase(self, name: str) -> None:
        with self.Session_() as session, session.begin():
            session.execute(update(Run).where(Run.id == self.id).values(phase=name))


class _Heartbeat(threading.Thread):
    def __init__(self, settings: Settings, Session_: sessionmaker[Session], token: str, handle: RunHandle):
        super().__init__(name="zwgk-lease-heartbeat", daemon=True)
        self.settings, self.Session_, self.token, self.handle = settings, Session_, token, handle
        self.stopped = threading.Event()

    def run(self) -> None:
        ttl = self.settings.lease_ttl
        while not self.stopped.wait(ttl / 4):
            try:
                if not lease.renew(self.Session_, NIGHT_LEASE, self.token, ttl):
                    self.handle.lease_lost = True
            except Exception:  # a database hiccup: the next beat tries again before the lease runs out
                continue


def _acquire(settings: Settings, Session_: sessionmaker[Session], token: str, what: str, wait: bool,
             echo: Callable[[str], None]) -> None:
    announced = False
    while True:
        holder = lease.acquire(Session_, NIGHT_LEASE, token, what, settings.lease_ttl)
        if holder is None:
            return
        if not wait:
            raise RunRefused(holder, settings.timezone)
        if not announced:
            echo(f"已有任务在运行，等待它结束：{holder.describe(settings.timezone)}")
            announced = True
        time.sleep(min(5.0, settings.lease_ttl / 4))


def _close_abandoned(session: Session) -> None:
    """Runs still "running" while we hold the lease: their process died (kill -9, power cut)."""
    for run in session.scalars(select(Run).where(Run.status == "running")):
        run.status = "interrupted"
        run.error = f"进程中断（主机 {run.host}，进程 {run.pid}，停在“{run.phase or '开始'}”阶段）"


@contextmanager
def exclusive_run(settings: Settings, Session_: sessionmaker[Session], kind: str, *, trigger: str = "cli",
                  as_of: date | None = None, units: list[str] | None = None, wait: bool = False,
                  echo: Callable[[str], None] = print) -> Iterator[RunHandle]:
    token = uuid.uuid4().hex
    _acquire(settings, Session_, token, KIND_NAMES[kind], wait, echo)
    try:
        with Session_() as session, session.begin():
            _close_abandoned(session)
            run = Run(kind=kind, trigger=trigger, as_of=as_of, units=list(units or []), host=lease.this_host(),
                      pid=os.getpid(), status="running", summary={})
            session.add(run)
            session.flush()
            handle = RunHandle(run.id, kind, Session_)
        lease.renew(Session_, NIGHT_LEASE, token, settings.lease_ttl, run_id=handle.id,
                    what=f"{KIND_NAMES[kind]}（第 {handle.id} 次运行）")
        beat = _Heartbeat(settings, Session_, token, handle)
        beat.start()
        handle.log = _open_run_log(settings, handle.id)
        try:
            yield handle
        except BaseException as exc:
            status = "interrupted" if isinstance(exc, KeyboardInterrupt | SystemExit) else "failed"
            _finish(Session_, handle, status, f"{type(exc).__name__}: {exc}"[:2000])
            raise
        else:
            _finish(Session_, handle, handle.status, None)
        finally:
            beat.stopped.set()
            if handle.log is not None:
                handle.log.close()
    finally:
        lease.release(Session_, NIGHT_LEASE, token)


def _open_run_log(settings: Settings, run_id: int) -> TextIO | None:
    folder = settings.resolved_data_dir() / "logs" / "runs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in sorted(folder.glob("run-*.jsonl"), key=lambda p: p.stat().st_mtime)[:-RUN_LOGS_KEPT]:
            old.unlink(missing_ok=True)
        return (folder / f"run-{run_id}.jsonl").open("a", encoding="utf-8")
    except OSError:  # a read-only data directory must not stop the night
        return None


def _finish(Session_: sessionmaker[Session], handle: RunHandle, status: str, error: str | None) -> None:
    with Session_() as session, session.begin():
        run = session.get_one(Run, handle.id)
        run.status = status
        run.finished_at = utcnow()
        run.summary = handle.summary
        run.error = error
        if handle.lease_lost:
            run.error = (run.error or "") + "（运行期间租约曾过期，可能有其他任务同时运行）"
