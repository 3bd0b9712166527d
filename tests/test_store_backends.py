"""The unit with attachments, links and new media crawled into SQLite and PostgreSQL alike (migration 0003)."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import import_farm_registry, settings_for
from warcio.archiveiterator import ArchiveIterator

from checks.loader import load_audit_data
from crawler.launch import run_crawl
from crawler.probe import run_probes
from zwgk.cli import main

ROOT = Path(__file__).resolve().parent.parent
MEDIA = json.loads((ROOT / "fixtures" / "media_manifest.json").read_text("utf-8"))


@pytest.mark.browser
def test_zjj_night_on_both_stores(Session, db_url: str, farm, tmp_path: Path) -> None:
    import_farm_registry(Session, farm)
    settings = settings_for(db_url, revisit_days=1)  # every page re-verified: conditional GETs, 304s
    first = run_crawl(settings, Session, ["yunhe-slj"], echo=lambda line: None)
    second = run_crawl(settings, Session, ["yunhe-slj"], echo=lambda line: None)
    run_probes(settings, Session, ["yunhe-slj"])
    base = farm.urls["yunhe_slj"]
    with Session() as s:
        data = load_audit_data(s, ["yunhe-slj"])
    items = sorted((i.url, i.publish_date.isoformat()) for c in data.columns for i in c.items)
    assert items == sorted((base + i["path"], i["date"]) for i in MEDIA["unit"]["items"])
    assert sum(1 for a in data.attachments if a.text) == 4
    assert {a.name for a in data.accounts if a.fetched} == {"云和水利", "云和水利抖音"}
    assert [p.ok for p in data.probes] == [True]
    old = next(link for link in data.links if link.url == base + "/zwfw/old.html")
    assert [o[1] for o in old.observations] == [404, 404]  # two nights (the same day here)
    zjj = second.coverage[0]
    assert zjj.not_modified == 4 and first.coverage[0].attachments == 5
    out = tmp_path / "e.warc.gz"
    env = {"ZWGK_DATABASE_URL": db_url}
    doc_snapshot = next(i.detail_snapshot_id for c in data.columns for i in c.items)
    result = CliRunner().invoke(main, ["evidence", "export", str(doc_snapshot), "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output  # a 304 snapshot, written as a revisit of the first night's body
    with out.open("rb") as stream:
        assert [r.rec_type for r in ArchiveIterator(stream)] == ["warcinfo", "request", "revisit", "metadata"]
    assert CliRunner().invoke(main, ["evidence", "verify"], env=env).exit_code == 0
