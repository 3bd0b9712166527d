"""A lease in the store: one holder at a time across processes and machines that share the store.

`acquire` either takes the lease (a new row, or the row of a holder whose heartbeats stopped) or
returns who holds it. The holder renews it with `renew` well before `ttl` runs out; a process killed
with -9 stops renewing and its lease is free `ttl` seconds later, or at once when the holder was a
process of this machine that no longer exists.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from storage.clock import utcnow
from storage.ops_models import Lease


@dataclass(frozen=True)
class Holder:
    """Who holds a lease, for the message shown to whoever was refused."""

    host: str
    pid: int
    what: str
    run_id: int | None
    acquired_at: datetime
    heartbeat_at: datetime
    expires_at: datetime

    def describe(self, timezone: str = "Asia/Shanghai") -> str:
        from zoneinfo import ZoneInfo

        since = self.acquired_at.astimezone(ZoneInfo(timezone))
        beat = self.heartbeat_at.astimezone(ZoneInfo(timezone))
        return (f"{self.what or '任务'}：主机 {self.host}，进程 {self.pid}，{since:%Y-%m-%d %H:%M:%S} 开始，"
                f"最近心跳 {beat:%H:%M:%S}")


def this_host() -> str:
    return socket.gethostname()


def _process_gone(host: str, pid: int) -> bool:
    """True only when the holder ran on this machine and its process is gone (never guessed otherwise)."""
    if host != this_host() or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _changed(result: object) -> int:
    """Rows an UPDATE changed."""
    assert isinstance(result, CursorResult)
    return result.rowcount


def _holder(row: Lease) -> Holder:
    return Holder(row.host, row.pid, row.what, row.run_id, row.acquired_at, row.heartbeat_at, row.expires_at)


def acquire(Session_: sessionmaker[Session], name: str, token: str, what: str, ttl: float,
            pid: int | None = None) -> Holder | None:
    """Take the lease `name` for `token`; None when taken, else the current holder."""
    pid = os.getpid() if pid is None else pid
    now = utcnow()
    values = dict(holder=token, host=this_host(), pid=pid, what=what, run_id=None, acquired_at=now,
                  heartbeat_at=now, expires_at=now + timedelta(seconds=ttl))
    with Session_() as session, session.begin():
        taken = _changed(session.execute(update(Lease).where(Lease.name == name, Lease.expires_at < now)
                                         .values(**values)))
    if taken:
        return None
    try:
        with Session_() as session, session.begin():
            session.add(Lease(name=name, **values))
    except IntegrityError:
        pass
    else:
        return None
    with Session_() as session, session.begin():
        row = session.get(Lease, name)
        if row is None:  # released in between: try again from the start
            return acquire(Session_, name, token, what, ttl, pid)
        if row.holder == token:
            return None
        if _process_gone(row.host, row.pid):
            # compare-and-swap on the dead holder's token: two takers cannot both win
            old = row.holder
            session.expunge(row)
            if _changed(session.execute(update(Lease).where(Lease.name == name, Lease.holder == old)
                                        .values(**values))):
                return None
            row = session.get_one(Lease, name)
        return _holder(row)


def renew(Session_: sessionmaker[Session], name: str, token: str, ttl: float, *, run_id: int | None = None,
          what: str | None = None) -> bool:
    """Extend the lease; False when it is no longer ours (it expired and someone else took it)."""
    now = utcnow()
    values: dict[str, object] = dict(heartbeat_at=now, expires_at=now + timedelta(seconds=ttl))
    if run_id is not None:
        values["run_id"] = run_id
    if what is not None:
        values["what"] = what
    with Session_() as session, session.begin():
        return bool(_changed(session.execute(update(Lease).where(Lease.name == name, Lease.holder == token)
                                             .values(**values))))


def release(Session_: sessionmaker[Session], name: str, token: str) -> None:
    with Session_() as session, session.begin():
        session.execute(delete(Lease).where(Lease.name == name, Lease.holder == token))


def current(session: Session, name: str) -> Holder | None:
    """The live holder of `name`, or None when free (an expired row counts as free)."""
    row = session.scalar(select(Lease).where(Lease.name == name))
    if row is None or row.expires_at < utcnow() or _process_gone(row.host, row.pid):
        return None
    return _holder(row)
