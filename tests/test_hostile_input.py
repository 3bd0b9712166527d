"""Hostile input, piece by piece: the egress policy, text cleaning, safe output, pager clamps and the
check job's isolation. The whole of it against live servers is tests/test_fault_farm.py."""

from __future__ import annotations

import asyncio
import json
import socket
import tracemalloc
from datetime import UTC, date, datetime

import pytest

from checks.base import Attachment, AuditData, CheckRules, ColumnState, Item, UnitState
from checks.registry import registered_checks
from core.output import csv_text, jsonl, table
from core.text import clean_text, terminal_safe
from crawler.egress import EgressPolicy, EgressRefused, internal_address
from crawler.extract.families import analyse_feed, analyse_list_page
from crawler.extract.listing import parse_html
from crawler.extract.pagers import trs_pages
from crawler.extract.vsb import vsb_pages
from crawler.failures import from_exception
from crawler.httpfetch import client
from crawler.linkcheck import check_link
from crawler.probe import probe_one
from fixtures.hostile import FaultFarm
from jobs.check import run_isolated


# --- egress -------------------------------------------------------------------------------------
@pytest.mark.parametrize("address, refused", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("10.1.2.3", True), ("172.16.0.1", True), ("192.168.1.1", True),
    ("169.254.169.254", True), ("100.100.100.200", True), ("100.64.0.1", True), ("0.0.0.0", True),
    ("::1", True), ("fe80::1", True), ("fd00:ec2::254", True), ("::ffff:127.0.0.1", True), ("224.0.0.1", True),
    ("8.8.8.8", False), ("202.96.128.86", False), ("2400:3200::1", False),
])
def test_internal_addresses(address: str, refused: bool) -> None:
    assert (internal_address(address) is not None) is refused


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "FILE:///etc/passwd", "data:text/html,hi", "ftp://127.0.0.1:21/x", "s3://bucket/key",
    "gopher://127.0.0.1:6379/_INFO", "javascript:alert(1)", "http://127.0.0.1:8080/", "http://[::1]/",
    "http://localhost/", "http://a.localhost/", "http://169.254.169.254/latest/meta-data/", "http://2130706433/",
    "http://0x7f.1/", "http://10.0.0.1:80@127.0.0.1/", "http://127.0.0.1:99999/",
])
def test_refused_before_anything_is_sent(url: str) -> None:
    policy = EgressPolicy.from_entries(["http://127.0.0.1:8000/portal/"])
    with pytest.raises(EgressRefused) as refused:
        asyncio.run(policy.check(url))
    assert refused.value.reason


def test_only_the_named_origin_is_allowed() -> None:
    policy = EgressPolicy.from_entries(["http://127.0.0.1:8000/portal/", None, "https://10.0.0.5/"], ["127.0.0.9"])
    for url in ("http://127.0.0.1:8000/any/page.html", "https://10.0.0.5/x", "http://127.0.0.9:1234/"):
        asyncio.run(policy.check(url))
    for url in ("http://127.0.0.1:8001/", "http://10.0.0.5/x", "http://localhost:8000/"):
        with pytest.raises(EgressRefused):
            asyncio.run(policy.check(url))


@pytest.mark.parametrize("host", ["127.1", "0177.0.0.1", socket.gethostname()])
def test_names_resolving_to_internal_addresses_are_refused(host: str) -> None:
    """The resolver is asked: names and odd spellings that resolve to this machine are refused like the
    address itself (the machine's own name resolves to loopback or a private address)."""
    with pytest.raises(EgressRefused, match="解析为"):
        asyncio.run(EgressPolicy().check(f"http://{host}:8080/"))


def test_httpx_redirect_hops_are_checked() -> None:
    with FaultFarm() as faults:
        policy = EgressPolicy.from_entries([faults.site.url])

        async def go(path: str) -> str:
            async with client("t", 3, policy) as http:
                try:
                    await http.get(faults.site.url + path)
                except Exception as exc:
                    return from_exception(exc)
                return "fetched"

        assert asyncio.run(go("/f/redirect-internal")) == "egress"
        assert asyncio.run(go("/f/redirect-metadata")) == "egress"
        assert asyncio.run(go("/f/redirect-file")) == "egress"
        assert asyncio.run(go("/f/loop")) == "redirects"
        assert asyncio.run(go("/f/chain")) == "fetched"
        assert faults.canary.hits == []


def test_total_deadlines_against_a_slow_drip() -> None:
    """One byte a second never trips httpx's per-read timeout; the probe's and the link checker's
    total deadlines end it (the wall times are in benchmarks/hostile.py)."""
    with FaultFarm() as faults:
        policy = EgressPolicy.from_entries([faults.site.url])

        async def go():
            async with client("t", 2, policy) as http:
                probe = await probe_one(http, "u", faults.site.url + "/f/drip", 5000, deadline=1.5)
                link = await check_link(http, 1, faults.site.url + "/f/slow", retries=2, pause=0.05, deadline=1.0)
                return probe, link

        probe, link = asyncio.run(go())
    assert (probe.ok, probe.error_kind) == (False, "timeout")
    assert (link.status, link.error_kind) == (None, "timeout")


# --- text ---------------------------------------------------------------------------------------
def test_clean_text() -> None:
    dirty = "关于\x0b印发\x0c通知\x08的\x1b通知\ufffe\uffff\ud800\U0001fffe\x00\x7f\x85完\u2028毕\t\r\n"
    assert clean_text(dirty) == "关于\n印发\n通知的通知\n完\n毕\t\r\n"
    assert clean_text("正常文本 ABC 123，。") == "正常文本 ABC 123，。"
    doc = parse_html(f"<html><head><title>标题{dirty}</title></head><body><p>{dirty}</p></body></html>")
    assert all(c not in doc.text_content() for c in "\x0b\x0c\x08\x1b\ufffe")


def test_output_never_carries_escapes() -> None:
    rows = [{"unit": "u\x1b]0;owned\x07", "detail": "看\x1b[2J这里\u202e", "evidence": {"text": "\x9b31m"}}]
    for text in (table(rows, [("unit", "单位"), ("detail", "说明")]), csv_text(rows, ["unit", "detail", "evidence"]),
                 jsonl(rows)):
        assert not any(ch in text for ch in "\x1b\x07\x9b\u202e"), text
    assert json.loads(jsonl(rows)) == rows[0]
    assert terminal_safe("a\x1bb") == "a\\x1bb"


def test_a_check_that_raises_costs_one_unit_that_check() -> None:
    """Whatever slips past the cleaning (here a lone surrogate in an attachment's text, which the
    extractor would have dropped): a check that raises on one unit costs that unit that check only."""
    rules = CheckRules()
    as_of = date(2024, 9, 30)

    def unit(slug: str, title: str) -> tuple[UnitState, ColumnState]:
        items = tuple(Item(f"{title}{i}", f"http://{slug}/{i}.html", date(2024, 9, 1), 1, None, {}) for i in range(2))
        return (UnitState(slug, slug, "department", f"http://{slug}/"),
                ColumnState(hash(slug) % 1000, slug, "政策文件", "policy", f"http://{slug}/", True, None, 1,
                            datetime(2024, 9, 1, tzinfo=UTC), items))

    clean, dirty = unit("clean", "关于印发规定的通知"), unit("dirty", "关于印发规定的通知")
    bad = Attachment("dirty", "http://dirty/a.pdf", "附件", "http://dirty/0.html", 3, "正文\ud800内容，联系电话13800138000")
    data = AuditData((clean[0], dirty[0]), (clean[1], dirty[1]), attachments=(bad,))
    broke = 0
    for code, spec in registered_checks().items():
        findings, _, ok, failures = run_isolated(spec, data, as_of, rules)
        alone = spec.fn(AuditData((clean[0],), (clean[1],)), as_of, rules)
        assert [f for f in findings if f.unit == "clean"] == alone, code  # the clean unit's findings are whole
        if failures:
            broke += 1
            assert ok == ["clean"] and [f.unit for f in failures] == ["dirty"] and failures[0].error
    assert broke >= 1  # it does break the text checks: the isolation is what saves the night


# --- pager bombs --------------------------------------------------------------------------------
def test_pager_totals_clamped_before_any_list_is_built() -> None:
    bomb = 'createPageHTML(2000000000, 0, "index", "html")'
    tracemalloc.start()
    pages = trs_pages(bomb, "http://h/col/index.html", 200)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(pages) == 200 and peak < 1_000_000
    html = (f"<ul class='list'><li><a href='/a.html'>一条</a><span>2024-09-01</span></li></ul><script>{bomb}</script>")
    page = analyse_list_page(html, "http://h/col/index.html", 1, max_pages=50)
    assert len(page.follow) == 49 and page.announced == 2_000_000_000
    vsb = parse_html("<span class='p_next'><a href='list/1999999999.htm'>下页</a></span>")
    assert len(vsb_pages(vsb, "http://h/list.htm", 10)) == 10
    api = {"api": {"endpoint": "http://h/api", "params": {}, "page_param": "page", "page_size": 1}}
    answer = json.dumps({"total": 2_000_000_000, "data": [{"title": "一条", "url": "/a.html", "date": "2024-09-01"}]})
    fed = analyse_feed(answer, "http://h/api?page=2", "api", {**api, "first": True, "max_pages": 30}, 2)
    assert len(fed.follow) == 28 and fed.announced == 2_000_000_000
