"""Attachment text: the extractors on real files, and the crawl that follows, stores and reads them."""

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from checks.loader import load_audit_data
from core.filetypes import attachment_kind
from crawler.attachment_texts import extract_run_texts
from crawler.extract.attachments import extract_text, sniff_kind
from storage.models import ExtractedText, Snapshot

ROOT = Path(__file__).resolve().parent.parent
MEDIA = json.loads((ROOT / "fixtures" / "media_manifest.json").read_text("utf-8"))
SITE = ROOT / "fixtures" / "portals" / "yunhe-slj"
FILES = [a for a in MEDIA["unit"]["attachments"] if not a["missing"]]


@pytest.mark.parametrize("att", FILES, ids=[a["kind"] for a in FILES])
def test_each_format_gives_its_text(att: dict) -> None:
    body = (SITE / att["path"].lstrip("/")).read_bytes()
    assert attachment_kind(att["path"]) == att["kind"] == sniff_kind(body)
    result = extract_text(body, att["kind"])
    assert att["expect"] in result.text and result.error is None and not result.truncated


def test_text_is_size_limited_and_bad_files_are_results() -> None:
    pdf = next(a for a in FILES if a["kind"] == "pdf")
    clipped = extract_text((SITE / pdf["path"].lstrip("/")).read_bytes(), "pdf", limit=10)
    assert len(clipped.text) == 10 and clipped.truncated
    broken = extract_text(b"%PDF-1.4 this is not really a pdf", "pdf")
    assert broken.text == "" and broken.error
    docx = next(a for a in FILES if a["kind"] == "docx")
    renamed = extract_text((SITE / docx["path"].lstrip("/")).read_bytes(), "doc")  # a DOCX named .doc
    assert docx["expect"] in renamed.text
    assert attachment_kind("http://x/a/download.jsp?id=1", "application/pdf") == "pdf"
    assert attachment_kind("http://x/a/page.html") is None


def test_crawl_reads_attachments_into_the_audit_data(crawled, farm) -> None:
    Session, result, _ = crawled
    base = farm.urls["yunhe_slj"]
    with Session() as s:
        data = load_audit_data(s, ["yunhe-slj"])
        by_url = {a.url: a for a in data.attachments}
        assert set(by_url) == {base + a["path"] for a in MEDIA["unit"]["attachments"]}
        for att in MEDIA["unit"]["attachments"]:
            got = by_url[base + att["path"]]
            assert got.name == att["name"] and got.parent_url.startswith(base + "/zfxxgk/tzgg/")
            if att["missing"]:
                assert got.text is None
                assert s.get(Snapshot, got.snapshot_id).status == 404
            else:
                assert att["expect"] in got.text
        # cached by body hash: a second pass extracts nothing again
        counts = extract_run_texts(s, result.run_id, 200_000)
        assert counts == {"extracted": 0, "cached": 4, "failed": 0}
        assert s.scalar(select(ExtractedText).where(ExtractedText.extractor == "xls")).text.startswith("# 汇总")


def test_list_item_that_is_a_pdf_is_read(sqlite_url: str) -> None:
    """Annual reports are often listed as the PDF itself: the item's text reaches the checks too."""
    from conftest import settings_for
    from localserver import ScriptedServer, html
    from tests_registry import one_unit_registry

    from crawler.launch import run_crawl
    from storage.db import make_engine, make_sessionmaker
    from zwgk.units_file import import_registry, parse_registry

    pdf = next(a for a in FILES if a["kind"] == "pdf")
    body = (SITE / pdf["path"].lstrip("/")).read_bytes()
    listing = ('<ul class="list"><li><a href="/files/report">2023年政府信息公开工作年度报告</a>'
               '<span>2024-01-20</span></li><li><a href="/n.html">工作动态</a><span>2024-01-10</span></li></ul>')
    routes = {"/": html("首页"), "/list/index.html": html(listing), "/n.html": html("<h1>工作动态</h1>"),
              "/files/report": lambda n, m: (200, {"Content-Type": "application/pdf"}, body)}
    with ScriptedServer(routes) as server:
        Session = make_sessionmaker(make_engine(sqlite_url))
        with Session() as s, s.begin():
            import_registry(s, parse_registry(one_unit_registry(server.url), "test.yaml"))
        run_crawl(settings_for(sqlite_url, check_links=False, collect_new_media=False), Session,
                  echo=lambda line: None)
    with Session() as s:
        data = load_audit_data(s)
    assert [(a.name, a.parent_url.endswith("/list/index.html")) for a in data.attachments] == [
        ("2023年政府信息公开工作年度报告", True)]
    assert pdf["expect"] in data.attachments[0].text


DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize(("name", "expected"), [
    ("short_word97.doc", "主动公开政府信息128条"),  # antiword declines a short file: catdoc reads it
    ("long_word97.doc", "（60）县水利局围绕防汛防台"),  # antiword
])
@pytest.mark.parametrize("kind", ["doc", "wps"])  # WPS documents are Word-compatible compound files
def test_real_word97_files(name: str, expected: str, kind: str) -> None:
    body = (DATA / name).read_bytes()
    assert body[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE compound document, not a renamed DOCX
    result = extract_text(body, kind)
    assert result.error is None and expected in result.text and "云和县水利局" in result.text
