"""WARC export of snapshots and verification of the stored evidence."""

import hashlib
import zlib
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select
from warcio.archiveiterator import ArchiveIterator

from storage.blobs import read_snapshot_body
from storage.evidence import export_warc, verify_blobs, verify_warc
from storage.models import Blob, Snapshot
from zwgk.cli import main


def test_warc_holds_the_exact_response(crawled, tmp_path: Path) -> None:
    Session, result, _ = crawled
    with Session() as s:
        gbk = s.scalar(select(Snapshot).where(Snapshot.url.like("%/wjdt/index.htm")))
        pdf = s.scalar(select(Snapshot).where(Snapshot.url.like("%.pdf"), Snapshot.status == 200).limit(1))
        dead = s.scalar(select(Snapshot).where(Snapshot.error_kind == "refused"))
        out = tmp_path / "evidence.warc.gz"
        with out.open("wb") as stream:
            report = export_warc(s, [gbk.id, pdf.id, dead.id, 999999], stream, "zwgk-test")
        assert report.written == [gbk.id, pdf.id] and set(report.skipped) == {dead.id, 999999}
        bodies = {gbk.url: read_snapshot_body(s, gbk.id), pdf.url: read_snapshot_body(s, pdf.id)}
        fetched = {gbk.url: gbk.fetched_at, pdf.url: pdf.fetched_at}
    records = []
    with out.open("rb") as stream:
        for record in ArchiveIterator(stream):
            records.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI")))
            if record.rec_type == "response":
                url = record.rec_headers.get_header("WARC-Target-URI")
                assert record.content_stream().read() == bodies[url]  # raw bytes: GBK stays GBK
                assert record.rec_headers.get_header("WARC-Date").startswith(fetched[url].strftime("%Y-%m-%dT%H:%M:%S"))
                assert record.http_headers.get_statuscode() == "200"
            if record.rec_type == "metadata":
                text = record.content_stream().read().decode()
                assert "zwgk-sha256: " + hashlib.sha256(bodies[record.rec_headers.get_header("WARC-Target-URI")]
                                                        ).hexdigest() in text
    assert [t for t, _ in records] == ["warcinfo"] + ["request", "response", "metadata"] * 2
    assert "卫健动态".encode("gbk") in bodies[gbk.url]
    check = verify_warc(out)
    assert check.checked == 2 and check.bad == []


def test_verify_finds_a_tampered_body(crawled, tmp_path: Path) -> None:
    Session, _, settings = crawled
    with Session() as s:
        first = verify_blobs(s)
        assert first.checked > 200 and first.bad == []
    env = {"ZWGK_DATABASE_URL": settings.database_url}
    ok = CliRunner().invoke(main, ["evidence", "verify"], env=env)
    assert ok.exit_code == 0 and "不一致 0 份" in ok.output
    with Session() as s, s.begin():
        blob = s.scalar(select(Blob).order_by(Blob.sha256).limit(1))
        blob.data = zlib.compress(b"changed afterwards")  # what no code path may do: simulate an attack
        bad_hash = blob.sha256
    failed = CliRunner().invoke(main, ["evidence", "verify"], env=env)
    assert failed.exit_code == 1 and bad_hash in failed.output
    with Session() as s:
        snap = s.scalar(select(Snapshot).where(Snapshot.url.like("%.docx")))
    out = tmp_path / "one.warc.gz"
    exported = CliRunner().invoke(main, ["evidence", "export", str(snap.id), "--out", str(out)], env=env)
    assert exported.exit_code == 0 and "已导出 1 个快照" in exported.output
    assert CliRunner().invoke(main, ["evidence", "verify", "--warc", str(out)], env=env).exit_code == 0
