"""The fault farm (fixtures/hostile.py) next to real fixture units: a crawl and check over it finish,
classify each failure, fetch nothing they must not, report every cap they hit, and leave the other
units' findings identical to a night without the hostile unit."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.text import clean_text
from crawler.coverage import coverage_lines
from crawler.launch import CrawlResult
from fixtures.farm import FixtureFarm
from fixtures.hostile import BOMB_PAGES, CTRL, FaultFarm
from jobs.check import CheckSummary, run_checks
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.link_models import LinkCheck
from storage.models import Blob, CrawlRun, Document, Finding, Snapshot, Unit
from tests.conftest import ROOT, crawl_on, settings_for

AS_OF = date(2024, 9, 30)
NEIGHBOURS = ["yunhe-gov", "yunhe-jyj", "yunhe-wjw"]
MAX_LIST_PAGES = 6


@dataclass
class Night:
    Session: sessionmaker[Session]
    crawl: CrawlResult
    check: CheckSummary


def _night(farm: FixtureFarm, faults: FaultFarm | None, path: Path) -> Night:
    url = f"sqlite:///{path}"
    upgrade(url)
    Session_ = make_sessionmaker(make_engine(url))
    from zwgk.units_file import import_registry, parse_registry

    text = farm.render_registry(ROOT / "fixtures" / "units.yaml")
    slugs = list(NEIGHBOURS)
    if faults is not None:
        text += faults.registry()
        slugs.append("hostile")
    with Session_() as session, session.begin():
        import_registry(session, parse_registry(text, "units.yaml"))
    tls = urlsplit(faults.tls.url).netloc if faults else ""
    # The same settings with and without the hostile unit; the self-signed TLS site is an explicitly
    # allowed internal origin, everything else on loopback is reachable only because the registry names it.
    settings = settings_for(url, download_timeout=3, probe_timeout=3, retry_times=1, max_list_pages=MAX_LIST_PAGES,
                            backoff_base=0.2, retry_after_max=0.5, allow_internal=tls,
                            # every fault is on one host: in whatever order they fail, the host is never given up
                            # (a CI run gave it up before its redirects and slow pages were tried)
                            backoff_give_up=1000)
    # crawled on the night of AS_OF (libfaketime), so that a check as of AS_OF sees what was captured
    crawl = crawl_on(AS_OF, settings, Session_, slugs)
    return Night(Session_, crawl, run_checks(Session_, AS_OF, slugs))


@pytest.fixture(scope="module")
def nights(farm: FixtureFarm, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Night, Night, FaultFarm]]:
    base = tmp_path_factory.mktemp("fault-farm")
    quiet = _night(farm, None, base / "quiet.sqlite")
    with FaultFarm() as faults:
        hostile = _night(farm, faults, base / "hostile.sqlite")
        yield quiet, hostile, faults


def _snapshots(night: Night) -> dict[str, Snapshot]:
    with night.Session() as s:
        return {snap.url: snap for snap in s.scalars(select(Snapshot).where(Snapshot.crawl_run_id == night.crawl.run_id))}


def test_nothing_fetched_that_must_not_be(nights) -> None:
    _, hostile, faults = nights
    assert faults.canary.hits == []  # the internal service on 127.0.0.2: not one request, redirects included
    assert faults.ftp.connections == 0
    snaps = _snapshots(hostile)
    passwd = hashlib.sha256(Path("/etc/passwd").read_bytes()).hexdigest()
    with hostile.Session() as s:
        assert s.get(Blob, passwd) is None
    for url, snap in snaps.items():
        if urlsplit(url).scheme not in ("http", "https"):
            assert snap.error_kind == "egress" and snap.content_hash is None, url
    refused = {url for url, snap in snaps.items() if snap.error_kind == "egress"}
    internal = faults.canary.url
    assert {"file:///etc/passwd", "data:text/html;base64,PGgxPmhpPC9oMT4=", f"ftp://127.0.0.1:{faults.ftp.port}/pub/list.txt",
            f"{internal}/admin/index.html", "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://10.255.255.1/oa/index.html", "http://localhost:9/"} <= refused
    base = faults.site.url
    # redirects: to an internal address, to the metadata service, to file: -- none followed
    assert {f"{base}/f/redirect-internal", f"{base}/f/redirect-metadata", f"{base}/f/redirect-file"} <= refused
    with hostile.Session() as s:
        checked = {c.url: c.error_kind for c in s.scalars(select(LinkCheck))}
    assert checked[f"{internal}/link-target"] == "egress"
    assert checked["http://169.254.169.254/latest/"] == "egress"
    # the explicitly allowed self-signed TLS site was crawled
    assert snaps[f"{faults.tls.url}/ssl/index.html"].status == 200


def test_every_failure_classified(nights) -> None:
    _, hostile, faults = nights
    snaps = _snapshots(hostile)
    kind = {url.rsplit("/f/", 1)[-1]: snap.error_kind for url, snap in snaps.items() if "/f/" in url}
    assert kind["slow"] == kind["drip"] == "timeout"  # the crawl's deadline is total, not per read
    assert kind["500"] == kind["502"] == kind["503"] == "status"
    assert kind["429"] == kind["waf403"] == kind["waf200"] == kind["login"] == "blocked"
    assert kind["loop"] == "redirects"
    assert kind["big"] == kind["gzip"] == "too_large"
    assert kind["truncated"] == kind["reset"] == "connection"
    assert kind["chain"] is kind["malformed"] is kind["wrongcharset"] is kind["nocharset"] is None
    with hostile.Session() as s:
        checked = {c.url.rsplit("/f/", 1)[-1]: c for c in s.scalars(select(LinkCheck)) if "/f/" in c.url}
    assert checked["slow?link=1"].error_kind == checked["drip?link=1"].error_kind == "timeout"  # total deadlines


def test_caps_reported_with_their_column(nights) -> None:
    _, hostile, _ = nights
    with hostile.Session() as s:
        caps = s.get_one(CrawlRun, hostile.crawl.run_id).stats["caps"]
        lists = s.scalars(select(Snapshot.url).where(Snapshot.crawl_run_id == hostile.crawl.run_id,
                                                     Snapshot.kind == "list")).all()
    assert {(c["column_id"] is not None, c["kind"], c["announced"]) for c in caps} == {
        (True, "list_pages", BOMB_PAGES), (True, "list_pages", None)}
    assert len(caps) == 4  # TRS bomb, VSB bomb, endless 下一页, calendar trap
    for column in ("/bomb/", "/vsb/", "/endless/", "/calendar/"):
        assert sum(column in u for u in lists) <= MAX_LIST_PAGES
    lines = "\n".join(coverage_lines(hostile.crawl.coverage))
    assert f"栏目「分页炸弹」分页宣称 {BOMB_PAGES} 页，只抓前 {MAX_LIST_PAGES} 页" in lines
    assert f"栏目「日历陷阱」分页链接不断，只抓前 {MAX_LIST_PAGES} 页" in lines
    assert "上限截断 4 处" in lines


def test_control_characters_sink_nothing(nights) -> None:
    _, hostile, _ = nights
    assert hostile.check.failures == []
    with hostile.Session() as s:
        unit = s.scalar(select(Unit.id).where(Unit.slug == "hostile"))
        titles = s.scalars(select(Document.title).where(Document.unit_id == unit)).all()
        found = s.scalars(select(Finding.check).where(Finding.unit_id == unit)).all()
    assert titles and all(t == clean_text(t) for t in titles)
    assert not any(c in t for t in titles for c in CTRL)
    assert "text.privacy" in found  # the checks ran over the hostile pages: the ID number is reported


def test_other_units_identical(nights) -> None:
    quiet, hostile, _ = nights

    def findings(night: Night) -> set[tuple[str, str, str, str]]:
        with night.Session() as s:
            rows = s.execute(select(Unit.slug, Finding.check, Finding.subject_key, Finding.detail).join(Unit)
                             .where(Unit.slug.in_(NEIGHBOURS))).all()
        return {tuple(r) for r in rows}

    assert findings(quiet) and findings(quiet) == findings(hostile)
    rows = {c.slug: (c.columns_fetched, c.columns, c.pages_fetched, c.pages, dict(c.errors))
            for c in hostile.crawl.coverage if c.slug in NEIGHBOURS}
    assert rows == {c.slug: (c.columns_fetched, c.columns, c.pages_fetched, c.pages, dict(c.errors))
                    for c in quiet.crawl.coverage}
