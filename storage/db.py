"""Engine and session factories. Nothing is built at import time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

ALEMBIC_DIR = Path(__file__).resolve().parent.parent / "alembic"


_T = TypeVar("_T")
IN_CHUNK = 500  # values bound in one IN (...): PostgreSQL takes at most 65,535 bound values a statement


def in_chunks(items: Sequence[_T], size: int = IN_CHUNK) -> Iterator[Sequence[_T]]:
    """`items` in slices small enough to bind in one statement's IN (...)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def serialize_run_writes(session: Session, run_id: int) -> None:
    """Hold, until this transaction ends, the lock that the workers of a shared night take for the writes
    they each make once, at the end, to rows they share (page links, the run's stats): without it they
    took row locks in different orders (PostgreSQL: deadlock detected, one worker's end lost) and merged
    the run's stats from a stale read. Call it first in a fresh transaction. SQLite has one writer anyway."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy import text

        session.execute(text("SELECT pg_advisory_xact_lock(7301, :run)"), {"run": run_id})


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")  # the crawl subprocess writes while the CLI reads
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(ALEMBIC_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "heads") -> None:
    """Create or migrate the schema; Alembic is the only way the schema is made."""
    from alembic import command

    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(url), revision)
