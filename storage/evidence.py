"""Evidence an inspector can hand over: snapshots as WARC records, and a check that nothing changed.

`export_warc` writes, for each snapshot, a request record and a response record (status line,
the headers as received, the body bytes exactly as stored) dated at the capture time, plus a metadata
record naming the snapshot id and its SHA-256. Bodies are stored decoded (gzip already undone by the
crawler), so Content-Encoding / Transfer-Encoding are dropped and Content-Length set to the stored
length: the record then says exactly what the page said, and the payload digest matches the store.
A 304 snapshot is written as a `revisit` of the body it confirmed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storage.blobs import read_blob, sha256, stored_data
from storage.evidence_store import open_locator
from storage.models import Blob, Snapshot
from storage.warc_models import Screenshot, WarcRecord

_DROP_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def _sha1_b32(body: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode()


def _http_headers(snap: Snapshot, length: int) -> StatusAndHeaders:
    status = snap.status or 0
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    pairs = [(k, v) for k, values in (snap.headers or {}).items() if k.lower() not in _DROP_HEADERS
             for v in (values if isinstance(values, list) else [values])]
    pairs.append(("Content-Length", str(length)))
    return StatusAndHeaders(f"{status} {reason}".strip(), pairs, protocol="HTTP/1.1")


@dataclass
class ExportReport:
    written: list[int] = field(default_factory=list)
    skipped: dict[int, str] = field(default_factory=dict)  # snapshot id -> why (no response, unknown id)


def export_warc(session: Session, snapshot_ids: Iterable[int], out: BinaryIO, user_agent: str = "") -> ExportReport:
    writer = WARCWriter(out, gzip=True)
    report = ExportReport()
    writer.write_record(writer.create_warcinfo_record("zwgk-evidence.warc.gz", {
        "software": "zwgk", "format": "WARC File Format 1.1",
        "description": "政务公开检查快照证据（原始响应、抓取时间、SHA-256）"}))
    for snapshot_id in snapshot_ids:
        snap = session.get(Snapshot, snapshot_id)
        if snap is None:
            report.skipped[snapshot_id] = "快照不存在"
            continue
        if snap.status is None or snap.content_hash is None:
            report.skipped[snapshot_id] = f"无响应内容（{snap.error_kind or '未知'}）"
            continue
        body = read_blob(session, snap.content_hash)  # raises when the stored body no longer matches
        assert body is not None
        date = snap.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        common = {"WARC-Date": date}
        request_headers = StatusAndHeaders(f"GET {snap.url} HTTP/1.1", [("User-Agent", user_agent)] if user_agent else [],
                                           is_http_request=True)
        request = writer.create_warc_record(snap.url, "request", payload=io.BytesIO(b""), length=0,
                                            warc_headers_dict=dict(common), http_headers=request_headers)
        if snap.status == 304:  # the digest names the body the server confirmed as unchanged
            response = writer.create_warc_record(
                snap.url, "revisit", payload=io.BytesIO(b""), length=0,
                warc_headers_dict={**common, "WARC-Payload-Digest": _sha1_b32(body),
                                   "WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/server-not-modified"},
                http_headers=_http_headers(snap, 0))
        else:
            response = writer.create_warc_record(snap.final_url or snap.url, "response", payload=io.BytesIO(body),
                                                 length=len(body), warc_headers_dict=dict(common),
                                                 http_headers=_http_headers(snap, len(body)))
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(request)
        writer.write_record(response)
        info = (f"zwgk-snapshot-id: {snap.id}\nzwgk-crawl-run: {snap.crawl_run_id}\nzwgk-kind: {snap.kind}\n"
                f"zwgk-sha256: {snap.content_hash}\nzwgk-fetched-at: {snap.fetched_at.isoformat()}\n").encode()
        writer.write_record(writer.create_warc_record(
            snap.url, "metadata", payload=io.BytesIO(info), length=len(info),
            warc_headers_dict={**common, "WARC-Refers-To": response.rec_headers.get_header("WARC-Record-ID")},
            warc_content_type="text/plain"))
        report.written.append(snap.id)
    return report


@dataclass
class VerifyReport:
    checked: int = 0
    bad: list[str] = field(default_factory=list)  # blob hashes (or WARC record ids) that do not match


def verify_blobs(session: Session, batch: int = 200) -> VerifyReport:
    """Every stored body still hashes to its key; the snapshots' evidence is intact."""
    report = VerifyReport()
    last = ""
    while True:
        rows = session.execute(select(Blob.sha256, Blob.data).where(Blob.sha256 > last)
                               .order_by(Blob.sha256).limit(batch)).all()
        if not rows:
            return report
        for digest, data in rows:
            report.checked += 1
            try:
                ok = sha256(zlib.decompress(stored_data(digest, data))) == digest
            except (zlib.error, ValueError, OSError):
                ok = False
            if not ok:
                report.bad.append(digest)
        last = rows[-1][0]
        session.expunge_all()


def verify_warc(path: Path | str) -> VerifyReport:
    """Every response record's payload matches its WARC-Payload-Digest (what warcio checks); `path` is a
    file or a locator in the evidence store (s3://bucket/key)."""
    report = VerifyReport()
    store, key = open_locator(str(path))
    with store.open(key) as stream:
        for record in ArchiveIterator(stream, check_digests=True):
            if record.rec_type != "response":
                continue
            record.content_stream().read()
            report.checked += 1
            if record.digest_checker.passed is False:
                report.bad.append(record.rec_headers.get_header("WARC-Record-ID"))
    return report




@dataclass
class RecordCheck:
    snapshot_id: int
    path: str
    offset: int
    record_id: str
    ok: bool
    why: str = ""
    content_encoding: str | None = None


def check_record(session: Session, record: WarcRecord) -> RecordCheck:
    """Re-read one indexed response record: its payload digest, and (uncompressed) its SHA-256 against
    the stored body; a compressed payload must decode to the stored body."""
    import gzip
    import zlib as _zlib

    snap = session.get(Snapshot, record.snapshot_id)
    out = RecordCheck(record.snapshot_id, record.path, record.offset, record.record_id, False)
    try:
        store, key = open_locator(record.path)
        with io.BytesIO(store.read_range(key, record.offset, record.length)) as stream:
            warc = next(iter(ArchiveIterator(stream)))
            payload = warc.raw_stream.read()  # as stored: content_stream() would undo the gzip
            encoding = warc.http_headers.get_header("Content-Encoding") if warc.http_headers else None
    except (OSError, StopIteration, ValueError) as exc:
        out.why = f"无法读取：{exc}"
        return out
    out.content_encoding = encoding
    if warc.rec_headers.get_header("WARC-Record-ID") != record.record_id:
        out.why = "记录编号不符"
    elif _sha1_b32(payload) != record.payload_digest:
        out.why = "载荷摘要不符"
    elif snap is not None and snap.content_hash and snap.status != 304:
        body = payload
        if encoding in ("gzip", "x-gzip"):
            body = gzip.decompress(payload)
        elif encoding == "deflate":
            body = _zlib.decompress(payload)
        if encoding not in (None, "gzip", "x-gzip", "deflate"):
            out.ok = True  # br/zstd: the digest above is the proof
        elif sha256(body) != snap.content_hash:
            out.why = "解码后内容与存储的快照不符"
        else:
            out.ok = True
    else:
        out.ok = True
    return out


def finding_evidence(session: Session, finding_id: int) -> list[str]:
    """Lines for `zwgk evidence show`: the finding, its snapshots and their WARC records, each re-read."""
    from storage.models import Finding

    finding = session.get(Finding, finding_id)
    if finding is None:
        return []
    lines = [f"问题 {finding.id}：{finding.check} {finding.subject}", f"  网址：{finding.url or '-'}",
             f"  说明：{finding.detail}"]
    ids = [int(i) for i in (finding.evidence or {}).get("snapshots", []) if i]
    if not ids:
        lines.append("  （无快照证据）")
    records = {r.snapshot_id: r for r in session.scalars(select(WarcRecord).where(WarcRecord.snapshot_id.in_(ids)))}
    for snapshot_id in ids:
        snap = session.get(Snapshot, snapshot_id)
        if snap is None:
            lines.append(f"  快照 {snapshot_id}：不存在")
            continue
        lines.append(f"  快照 {snap.id}：{snap.kind} {snap.url} 状态 {snap.status} 抓取于 "
                     f"{snap.fetched_at:%Y-%m-%d %H:%M:%S}Z SHA-256 {snap.content_hash or '-'} 编码 {snap.encoding or '-'}")
        shot = session.scalar(select(Screenshot).where(Screenshot.snapshot_id == snapshot_id))
        if shot is not None:
            what = f"SHA-256 {shot.content_hash}" if shot.content_hash else f"失败（{shot.error or ''}）"
            lines.append(f"    截图：{what}，截于 {shot.taken_at:%Y-%m-%d %H:%M:%S}Z")
        record = records.get(snapshot_id)
        if record is None:
            lines.append("    WARC：无（该快照抓取时未写入 WARC）")
            continue
        checked = check_record(session, record)
        state = "校验通过" if checked.ok else f"校验失败（{checked.why}）"
        wire = f"，传输编码 {checked.content_encoding}" if checked.content_encoding else ""
        lines.append(f"    WARC：{record.path} 偏移 {record.offset} 长度 {record.length} {record.record_id} "
                     f"载荷摘要 {record.payload_digest}{wire}，{state}")
    return lines


def verify_records(session: Session) -> VerifyReport:
    """Every indexed WARC record re-read and checked (see check_record)."""
    report = VerifyReport()
    for record in session.scalars(select(WarcRecord).order_by(WarcRecord.id)):
        checked = check_record(session, record)
        report.checked += 1
        if not checked.ok:
            report.bad.append(f"快照 {record.snapshot_id} 的 WARC 记录 {record.path}@{record.offset}：{checked.why}")
    return report
