"""The night's WARC file, written during the crawl: for every capture a request record (method, URL,
headers as sent) and a response record (status line and headers as received, the body as it came off the
wire, before content decoding), dated at the capture time. The pipeline indexes each response record
(file, offset, length, record id, payload digest) in the database: `zwgk evidence show` finds a finding's
records by it and `zwgk evidence verify` re-reads them.

The request and response records are serialised here, byte for byte as warcio's WARCWriter writes them
(WARC/1.0, the same header order, SHA-1 digests in base 32, header values that are not ASCII percent-encoded,
one gzip member per record at level 9): warcio's writer cost about 10% of a static crawl's CPU (a
compressor and two digesters per record, the payload copied through them in chunks). A status line or
header name that is not plain ASCII still goes through warcio."""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import uuid
import zlib
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.items import Capture


@dataclass(frozen=True)
class WrittenRecord:
    path: str
    offset: int
    length: int
    record_id: str
    payload_digest: str


def _status_line(status: int) -> str:
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    return f"{status} {reason}".strip()


def _record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def _digest(*parts: bytes) -> str:
    sha1 = hashlib.sha1()
    for part in parts:
        sha1.update(part)
    return "sha1:" + base64.b32encode(sha1.digest()).decode("ascii")


@functools.lru_cache(maxsize=1024)
def _percent_encoded(value: str) -> str:
    """A header value that is not plain ASCII, as warcio writes it (RFC 8187 percent-encoding); zwgk's own
    User-Agent is one, in every request record."""
    headers = StatusAndHeaders("", [("_", value)])
    headers.percent_encode_non_ascii_headers()
    return str(headers.headers[0][1])


def _http_block(first_line: str, headers: list[tuple[str, str]]) -> bytes:
    """The HTTP message head as warcio writes it; UnicodeEncodeError when its first line or a header name
    is not plain ASCII (warcio is left to decide)."""
    lines = (f"{k}: {v if v.isascii() else _percent_encoded(v)}\r\n" for k, v in headers)
    return "".join([first_line, "\r\n", *lines, "\r\n"]).encode("ascii")


def _record(kind: str, record_id: str, uri: str, date: str, head: bytes, payload: bytes,
            concurrent_to: str | None = None, digest: str | None = None) -> bytes:
    """One request or response record, uncompressed, as warcio's WARCWriter writes it."""
    lines = ["WARC/1.0", f"WARC-Date: {date}", f"WARC-Type: {kind}", f"WARC-Record-ID: {record_id}",
             f"WARC-Target-URI: {uri}", f"WARC-Payload-Digest: {digest or _digest(payload)}"]
    if concurrent_to:
        lines.append(f"WARC-Concurrent-To: {concurrent_to}")
    lines += [f"WARC-Block-Digest: {_digest(head, payload)}", f"Content-Type: application/http; msgtype={kind}",
              f"Content-Length: {len(head) + len(payload)}", "", ""]
    return "\r\n".join(lines).encode("utf-8") + head + payload + b"\r\n\r\n"


class CrawlWarc:
    def __init__(self, path: Path, user_agent: str = ""):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.stream = path.open("ab")
        self.writer = WARCWriter(self.stream, gzip=True)
        self.user_agent = user_agent
        if self.stream.tell() == 0:
            self.writer.write_record(self.writer.create_warcinfo_record(path.name, {
                "software": "zwgk", "format": "WARC File Format 1.1",
                "description": "政务公开检查：抓取时写入的原始请求与响应"}))

    def write(self, capture: Capture) -> WrittenRecord | None:
        """The capture's request and response records; None for a fetch that got no response."""
        if capture.status is None:
            return None
        date = capture.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        url = capture.url.split("#", 1)[0]
        body = capture.wire_body if capture.wire_body is not None else capture.body
        sent = [(k, v) for k, vs in capture.request_headers.items() for v in vs]
        if self.user_agent and not any(k.lower() == "user-agent" for k, _ in sent):
            sent.append(("User-Agent", self.user_agent))
        request_body = capture.request_body or b""
        as_received = capture.wire_headers if capture.wire_body is not None and capture.wire_headers else capture.headers
        received = [(k, v) for k, vs in as_received.items() for v in vs
                    if k.lower() not in ("content-length", "transfer-encoding")]
        received.append(("Content-Length", str(len(body))))
        target = capture.final_url or url
        try:
            request_head = _http_block(f"{capture.request_method} {url} HTTP/1.1", sent)
            response_head = _http_block(f"HTTP/1.1 {_status_line(capture.status)}", received)
        except UnicodeEncodeError:  # warcio decides
            return self._write_with_warcio(capture, date, url, body, sent, request_body, received)
        response_id = _record_id()
        response_digest = _digest(body)
        request = _record("request", _record_id(), url, date, request_head, request_body, response_id)
        response = _record("response", response_id, target, date, response_head, body, digest=response_digest)
        self.stream.write(zlib.compress(request, 9, wbits=31))
        offset = self.stream.tell()
        self.stream.write(zlib.compress(response, 9, wbits=31))
        self.stream.flush()
        return WrittenRecord(str(self.path), offset, self.stream.tell() - offset, response_id, response_digest)

    def _write_with_warcio(self, capture: Capture, date: str, url: str, body: bytes, sent: list[tuple[str, str]],
                           request_body: bytes, received: list[tuple[str, str]]) -> WrittenRecord:
        assert capture.status is not None
        request = self.writer.create_warc_record(
            url, "request", payload=io.BytesIO(request_body), length=len(request_body),
            warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(f"{capture.request_method} {url} HTTP/1.1", sent, is_http_request=True))
        response = self.writer.create_warc_record(
            capture.final_url or url, "response", payload=io.BytesIO(body), length=len(body),
            warc_headers_dict={"WARC-Date": date},
            http_headers=StatusAndHeaders(_status_line(capture.status), received, protocol="HTTP/1.1"))
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        self.writer.write_record(request)
        offset = self.stream.tell()
        self.writer.write_record(response)
        self.stream.flush()
        return WrittenRecord(str(self.path), offset, self.stream.tell() - offset,
                             response.rec_headers.get_header("WARC-Record-ID"),
                             response.rec_headers.get_header("WARC-Payload-Digest") or "")

    def close(self) -> None:
        self.stream.close()
