"""Shared test fixtures: the fixture farm, real databases migrated by Alembic, a crawled farm.

PostgreSQL runs as a private throwaway cluster on 127.0.0.1, started once
per session when the server binaries are installed; on CI (CI=true) its absence is an error, not a skip.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from core.settings import Settings
from fixtures.farm import FixtureFarm
from fixtures.postgres import create_database, private_postgres, server_bindir
from storage.db import make_engine, make_sessionmaker, upgrade

ROOT = Path(__file__).resolve().parent.parent
# The first fixture units (TRS, fixtures/build.py) whose findings the job and CLI tests spell out; the
# family and content units have their own tests.
TRS_DEMO_UNITS = ("yunhe-gov", "yunhe-jyj", "yunhe-wjw", "yunhe-lyj")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--screenshots", default=None, help="folder for the web UI screenshots the browser tests take")


@pytest.fixture(scope="session")
def farm() -> Iterator[FixtureFarm]:
    with FixtureFarm() as running:
        yield running


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """Base URL of a private PostgreSQL cluster (database name to be appended)."""
    if server_bindir() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries missing on CI (scripts/setup.sh installs them)")
        pytest.skip("PostgreSQL server not installed")
    with private_postgres() as server:
        yield server


def _new_postgres_db(server: str) -> str:
    return create_database(server, f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database migrated to head by Alembic, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'zwgk.sqlite'}"
    else:
        url = _new_postgres_db(request.getfixturevalue("postgres_server"))
    upgrade(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'zwgk.sqlite'}"
    upgrade(url)
    return url


@pytest.fixture
def Session(db_url: str) -> Iterator[sessionmaker[OrmSession]]:
    engine = make_engine(db_url)
    yield make_sessionmaker(engine)
    engine.dispose()


def settings_for(url: str, **overrides: object) -> Settings:
    # the crawl's WARC files go beside a test's SQLite file, or into a fresh directory: never into var/
    warc_dir = Path(url.removeprefix("sqlite:///")).parent / "warc" if url.startswith("sqlite:///") \
        else Path(tempfile.mkdtemp(prefix="zwgk-warc-"))
    return Settings(**{"database_url": url, "progress_interval": 0.5, "warc_dir": warc_dir, **overrides})


def import_farm_registry(Session_: sessionmaker[OrmSession], farm: FixtureFarm, template: Path | None = None):
    from zwgk.units_file import import_registry, parse_registry

    template = template or ROOT / "fixtures" / "units.yaml"
    registry = parse_registry(farm.render_registry(template), str(template))
    with Session_() as session, session.begin():
        return import_registry(session, registry)


FIXTURE_DAY = date(2024, 9, 30)  # the as-of day the fixture portals are dated around (fixtures/build.py)


def crawl_on(day: date, settings: Settings, Session_: sessionmaker[OrmSession], units: list[str] | None = None,
             hour: int = 3):
    """Crawl as the nightly job does on `day` (at `hour` o'clock, Asia/Shanghai): `zwgk crawl` in a child
    process under libfaketime, so captures carry that night's time from the clock. Returns the CrawlResult
    rebuilt from the store."""
    from sqlalchemy import func, select

    from crawler.coverage import coverage
    from crawler.launch import CrawlResult
    from storage.models import CrawlRun
    from zwgk.fakeclock import libfaketime, local_moment, run_zwgk

    if libfaketime() is None:
        if os.environ.get("CI"):
            pytest.fail("libfaketime missing on CI (scripts/setup.sh installs the faketime package)")
        pytest.skip("libfaketime (Debian package faketime) not installed")
    args = ["crawl"] + [a for u in units or [] for a in ("--unit", u)]
    lines: list[str] = []
    code = run_zwgk(local_moment(day, hour), args, env=settings.as_env(), echo=lines.append)
    with Session_() as session:
        run = session.get_one(CrawlRun, session.scalar(select(func.max(CrawlRun.id))))
        return CrawlResult(run.id, code, float(run.stats.get("seconds", 0)), coverage(session, run.id))


@pytest.fixture(scope="session")
def crawled_template(farm: FixtureFarm, tmp_path_factory: pytest.TempPathFactory):
    """The demo farm crawled once per session into a SQLite file, on the fixture day: (path, CrawlResult)."""
    path = tmp_path_factory.mktemp("crawled") / "zwgk.sqlite"
    url = f"sqlite:///{path}"
    upgrade(url)
    engine = make_engine(url)
    Session_ = make_sessionmaker(engine)
    import_farm_registry(Session_, farm)
    result = crawl_on(FIXTURE_DAY, settings_for(url), Session_)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path, result


@pytest.fixture
def crawled(crawled_template, tmp_path: Path):
    """A private copy of the crawled farm's database: (sessionmaker, CrawlResult, settings)."""
    source, result = crawled_template
    path = tmp_path / "crawled.sqlite"
    shutil.copyfile(source, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    yield make_sessionmaker(engine), result, settings_for(url)
    engine.dispose()


@pytest.fixture
def cli(crawled):
    """`zwgk …` through click's CliRunner on a private crawled farm, checked as of 2024-09-30."""
    from click.testing import CliRunner

    from zwgk.cli import main

    _, _, settings = crawled

    def invoke(*args: str, code: int = 0) -> str:
        result = CliRunner().invoke(main, list(args), env={"ZWGK_DATABASE_URL": settings.database_url})
        assert result.exit_code == code, result.output + repr(result.exception)
        return result.output

    invoke("check", "--as-of", "2024-09-30")
    return invoke
