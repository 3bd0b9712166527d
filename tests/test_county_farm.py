"""The county-scale benchmark farm (fixtures/county.py) served by nginx (fixtures/nginx.py), small: every
CMS family it generates is crawled to the last detail page and attachment, each fetched once, and a
second night over the farm with a few new entries requests list pages and the new entries only."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from crawler.launch import run_crawl
from fixtures.county import FAMILIES, build_county, detail_count
from fixtures.nginx import NginxFarm, nginx_binary
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import Document, Snapshot, Unit
from tests.conftest import settings_for
from zwgk.units_file import import_registry, parse_registry

UNITS, COLUMNS, ITEMS = 8, 5, 6  # two units of each family; column 2 is a policy column with attachments

pytestmark = pytest.mark.skipif(nginx_binary() is None and not os.environ.get("CI"),
                                reason="nginx not installed (scripts/setup.sh installs it)")


def test_county_farm_on_nginx(tmp_path: Path) -> None:
    root = tmp_path / "farm"
    registry = build_county(root, UNITS, COLUMNS, ITEMS)
    url = f"sqlite:///{tmp_path / 'zwgk.sqlite'}"
    upgrade(url)
    Session = make_sessionmaker(make_engine(url))
    with NginxFarm(root, hosts=2) as farm:
        with Session() as session, session.begin():
            import_registry(session, parse_registry(farm.render_registry_text(registry), "units.yaml"))
        settings = settings_for(url, collect_new_media=False, check_links=False, progress_interval=999)
        first = run_crawl(settings, Session, echo=lambda line: None)
        night1 = list(farm.requests)

        with Session() as session:
            per_unit = dict(session.execute(select(Unit.slug, func.count(Document.id)).join(Document, Document.unit_id == Unit.id)
                                            .group_by(Unit.slug)).all())
            undated = session.scalar(select(func.count(Document.id)).where(Document.publish_date.is_(None)))
            attachments = session.scalar(select(func.count(Snapshot.id)).where(
                Snapshot.kind == "attachment", Snapshot.status == 200, Snapshot.crawl_run_id == first.run_id))
        # every family: every detail page of every column became a document with its date
        assert per_unit == {f"c{no:03d}": COLUMNS * ITEMS for no in range(1, UNITS + 1)}, per_unit
        assert undated == 0
        assert {FAMILIES[no % 4] for no in range(1, UNITS + 1)} == set(FAMILIES)
        # the policy column (index 2) links an attachment from every fifth document: items 0 and 5
        assert attachments == UNITS * 2
        gets = Counter((site, path) for site, method, path in night1 if method == "GET")
        assert max(gets.values()) == 1, [k for k, v in gets.items() if v > 1]
        details = [k for k in gets if k[1].endswith((".html", ".htm")) and any(
            part in k[1] for part in ("/art/", "/info/", "/20"))]
        assert len(details) == detail_count(UNITS, COLUMNS, ITEMS)

        # night 2: three new entries in unit c001's first column; only changed units' files are rewritten
        build_county(root, UNITS, COLUMNS, ITEMS, new_items=3, changed_only=True)
        start = len(farm.requests)
        second = run_crawl(settings, Session, echo=lambda line: None)
        night2 = farm.requests[start:]
    assert second.pages < first.pages
    seen = {(s, p) for s, m, p in night1}
    new = [p for s, m, p in night2 if (s, p) not in seen]
    assert len(new) == 3 and all(p.startswith("/art/") for p in new), new  # c001 is Hanweb
    # the rest of night 2's detail requests are the rotation's re-verifications (a day-dependent 1/28)
    revisits = [p for s, m, p in night2 if (s, p) in seen and any(x in p for x in ("/art/", "/info/", "/20"))]
    assert len(revisits) < detail_count(UNITS, COLUMNS, ITEMS) / 5
    assert len(night2) < len(night1) / 3
    with Session() as session:
        assert session.scalar(select(func.count(Document.id))) == UNITS * COLUMNS * ITEMS + 3
    shutil.rmtree(root)


def test_county_farm_under_one_origin(tmp_path: Path) -> None:
    """All units under one origin, each under its own path, as on a 集约化 platform: every unit's documents
    are found (root-relative links carry the unit's path) and robots.txt is fetched once for the county."""
    root = tmp_path / "farm"
    units, columns, items = 4, 3, 6  # one unit of each family
    registry = build_county(root, units, columns, items, one_origin=True)
    url = f"sqlite:///{tmp_path / 'zwgk.sqlite'}"
    upgrade(url)
    Session = make_sessionmaker(make_engine(url))
    with NginxFarm(root, one_origin=True) as farm:
        assert len({u.rsplit("/", 1)[0] for site, u in farm.urls.items() if site != "dead"}) == 1
        with Session() as session, session.begin():
            import_registry(session, parse_registry(farm.render_registry_text(registry), "units.yaml"))
        settings = settings_for(url, collect_new_media=False, check_links=False, progress_interval=999)
        run_crawl(settings, Session, echo=lambda line: None)
        night1 = list(farm.requests)
    with Session() as session:
        per_unit = dict(session.execute(select(Unit.slug, func.count(Document.id)).join(Document, Document.unit_id == Unit.id)
                                        .group_by(Unit.slug)).all())
        off_path = [u for slug, u in session.execute(select(Unit.slug, Document.url).join(Unit, Unit.id == Document.unit_id))
                    if f"/{slug}/" not in u]
    assert per_unit == {f"c{no:03d}": columns * items for no in range(1, units + 1)}, per_unit
    assert off_path == []  # every document under its own unit's path
    assert [(site, path) for site, _, path in night1 if path.startswith("/robots.txt")] == [("", "/robots.txt")]
    gets = Counter((site, path) for site, method, path in night1 if method == "GET")
    assert max(gets.values()) == 1
    assert sum(1 for site, path in gets if site and path.endswith((".html", ".htm")) and any(
        part in path for part in ("/art/", "/info/", "/20"))) == detail_count(units, columns, items)
