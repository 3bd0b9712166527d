"""crawler.warcfile writes its request and response records itself: they must be byte for byte what
warcio's WARCWriter writes for the same capture (the path it still takes for non-ASCII status lines and
header names), and read back with valid digests."""

from __future__ import annotations

import gzip
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

import crawler.warcfile as warcfile
from crawler.items import Capture
from crawler.warcfile import CrawlWarc

WHEN = datetime(2026, 12, 2, 8, 0, 0, tzinfo=UTC)
MOJIBAKE_UA = "zwgk/0.1 (政务公开检查爬虫; 政务公开主管部门日常监测)".encode().decode("latin-1")  # as Scrapy's bytes are read


def captures() -> list[Capture]:
    return [
        Capture(kind="detail", url="http://127.0.0.1:8000/a/b.html?x=1#frag", final_url="http://127.0.0.1:8000/a/c.html",
                unit="u", fetched_at=WHEN, status=200,
                headers={"Content-Type": ["text/html; charset=utf-8"], "Content-Length": ["5"], "Set-Cookie": ["a=1", "b=2"]},
                body="<p>你好</p>".encode(), request_method="GET",
                request_headers={"Accept": ["*/*"], "User-Agent": [MOJIBAKE_UA], "X-A": ["été"],
                                 "X-B": ['a; name="é"']}),
        Capture(kind="detail", url="http://127.0.0.1:8000/p", final_url=None, unit="u", fetched_at=WHEN, status=404,
                headers={"Content-Disposition": ["attachment; filename=äö.pdf"]}, body=b"", request_method="POST",
                request_headers={"User-Agent": ["x"]}, request_body=b"a=1&b=2", wire_body=b"\x1f\x8bxx",
                wire_headers={"Content-Encoding": ["gzip"], "Transfer-Encoding": ["chunked"]}),
        Capture(kind="list", url="http://127.0.0.1:8000/l", final_url="http://127.0.0.1:8000/l", unit="u",
                fetched_at=WHEN, status=799, headers={}, body=b"x" * 70_000, request_method="GET", request_headers={}),
        Capture(kind="detail", url="http://127.0.0.1:8000/none", final_url=None, unit="u", fetched_at=WHEN),
    ]


def written(path: Path, via_warcio: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, list]:
    with monkeypatch.context() as m:
        if via_warcio:
            def refuse(first_line: str, headers: list[tuple[str, str]]) -> bytes:
                raise UnicodeEncodeError("ascii", "", 0, 1, "forced")
            m.setattr(warcfile, "_http_block", refuse)
        warc = CrawlWarc(path, "zwgk-ua")
        records = [warc.write(c) for c in captures()]
        warc.close()
    text = gzip.decompress(path.read_bytes())
    text = re.sub(rb"<urn:uuid:[0-9a-f-]+>", b"<urn:uuid:X>", text)
    text = re.sub(rb"WARC-Filename: [^\r]+\r\nWARC-Date: [^\r]+\r\n", b"", text)  # the warcinfo record
    return text, records


def test_records_are_what_warcio_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ours, ours_index = written(tmp_path / "ours.warc.gz", False, monkeypatch)
    theirs, theirs_index = written(tmp_path / "warcio.warc.gz", True, monkeypatch)
    assert ours == theirs
    assert b"User-Agent: zwgk/0.1%20%28" in ours and b"X-B: a; name*=UTF-8''%C3%A9" in ours
    assert ours_index[3] is None and theirs_index[3] is None
    for a, b in zip(ours_index[:3], theirs_index[:3], strict=True):
        assert (a.length > 0, a.payload_digest) == (True, b.payload_digest)


def test_index_points_at_response_records_with_valid_digests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ours.warc.gz"
    _, index = written(path, False, monkeypatch)
    raw = path.read_bytes()
    for entry, capture in zip(index[:3], captures()[:3], strict=True):
        assert entry is not None
        record = next(iter(ArchiveIterator(io.BytesIO(raw[entry.offset:entry.offset + entry.length]), check_digests=True)))
        assert record.rec_type == "response"
        assert record.rec_headers.get_header("WARC-Record-ID") == entry.record_id
        assert record.rec_headers.get_header("WARC-Payload-Digest") == entry.payload_digest
        body = capture.wire_body if capture.wire_body is not None else capture.body
        assert record.raw_stream.read() == body  # as it came off the wire
    checked = []
    with path.open("rb") as stream:
        for r in ArchiveIterator(stream, check_digests=True):
            r.raw_stream.read()  # digests are checked as the record is read to its end
            checked.append((r.rec_type, r.digest_checker.passed, r.digest_checker.problems))
    assert checked == [("warcinfo", True, []), *[("request", True, []), ("response", True, [])] * 3]
