"""The evidence store (storage.evidence_store): the same interface on a local directory, a directory
several machines write, and an S3-compatible server started on loopback for the test (moto's S3 server,
which speaks the S3 HTTP protocol; boto3 talks to it as to MinIO, path-style). A crawl with bodies,
screenshots' store and WARC segments in S3, re-read and verified from there; two processes writing one
shared directory at once."""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fixtures.farm import closed_port
from jobs.night import sweep_store
from storage.blobs import IN_STORE, read_blob, read_snapshot_body, store_blob
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.evidence import check_record, verify_blobs, verify_records, verify_warc
from storage.evidence_store import (
    DirectoryStore,
    EvidenceStore,
    S3Store,
    SharedDirectoryStore,
    blob_key,
    open_locator,
    open_store,
    using_store,
    warc_key,
)
from storage.models import Blob, Snapshot
from storage.warc_models import WarcRecord
from tests.conftest import import_farm_registry, settings_for


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """A real S3-compatible HTTP server on 127.0.0.1 (moto's ThreadedMotoServer)."""
    moto_server = pytest.importorskip("moto.server")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    port = closed_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def _s3_settings(endpoint: str, bucket: str) -> dict[str, object]:
    return {"evidence_store": "s3", "evidence_s3_endpoint": endpoint, "evidence_s3_bucket": bucket,
            "evidence_s3_access_key": "zwgk-test", "evidence_s3_secret_key": "zwgk-test-secret",
            "evidence_s3_prefix": "zwgk/"}


@pytest.fixture(params=["local", "shared", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> EvidenceStore:
    if request.param == "local":
        return DirectoryStore(tmp_path / "evidence", tmp_path / "warc")
    if request.param == "shared":
        return SharedDirectoryStore(tmp_path / "shared")
    endpoint = request.getfixturevalue("s3_endpoint")
    return S3Store(endpoint, f"b-{os.getpid()}-{tmp_path.name.lower()[-20:].strip('-_')}", "k", "s", prefix="p")


def test_every_backend_keeps_reads_and_names_its_objects(store: EvidenceStore, tmp_path: Path) -> None:
    body = "政务公开 evidence".encode() * 1000
    key = blob_key(hashlib.sha256(body).hexdigest())
    assert not store.exists(key) and store.get(key) is None
    assert store.put(key, body) is True
    assert store.put(key, body) is False  # content-addressed: the second writer finds it there
    assert store.exists(key) and store.get(key) == body
    assert store.read_range(key, 3, 7) == body[3:10]
    with store.open(key) as stream:
        assert stream.read(5) == body[:5] and stream.read() == body[5:]
    # a finished file (a WARC segment) goes in streamed, and is found again from what the database records
    local = tmp_path / "segment.bin"
    local.write_bytes(os.urandom(3 * 1024 * 1024))
    store.put_file(warc_key("crawl-000001-0001.warc.gz"), local)
    locator = store.locator(warc_key("crawl-000001-0001.warc.gz"))
    found, found_key = open_locator(locator, store)
    assert found.read_range(found_key, 1000, 10) == local.read_bytes()[1000:1010]
    with pytest.raises(FileNotFoundError):
        store.read_range(warc_key("missing.warc.gz"), 0, 1)
    if isinstance(store, S3Store):
        assert locator.startswith(f"s3://{store.bucket}/p/warc/")
    else:
        assert Path(locator).is_file()
        assert not [p for p in Path(locator).parent.rglob("*.tmp")]  # no temporary file left behind


def test_the_default_store_is_the_layout_used_so_far(tmp_path: Path) -> None:
    settings = settings_for(f"sqlite:///{tmp_path / 'z.sqlite'}")
    store = open_store(settings)
    assert store.backend == "local" and not store.keeps_bodies
    # a WARC file lands where it always did, and a path recorded before (absolute or not) is still read
    assert store.locator(warc_key("crawl-000007.warc.gz")) == str(settings.warc_dir / "crawl-000007.warc.gz")
    old = tmp_path / "elsewhere" / "crawl-000001.warc.gz"
    old.parent.mkdir()
    old.write_bytes(b"0123456789")
    found, key = open_locator(str(old), store)
    assert found.read_range(key, 2, 3) == b"234"
    with pytest.raises(ValueError):
        open_store(settings.model_copy(update={"evidence_store": "shared"}))  # a shared store needs its directory


def _write_blobs(root: str, worker: int, count: int) -> list[str]:
    store = SharedDirectoryStore(Path(root))
    written = []
    for i in range(count):
        # half the bodies are the same in both workers (the same page reached by both), half their own
        body = (f"共享 {i}" if i % 2 else f"worker {worker} page {i}").encode() * 200
        digest = hashlib.sha256(body).hexdigest()
        store.put(blob_key(digest), zlib.compress(body))
        written.append(digest)
    return written


def test_two_processes_write_one_shared_directory(tmp_path: Path) -> None:
    root = tmp_path / "shared"
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.starmap(_write_blobs, [(str(root), 1, 400), (str(root), 2, 400)])
    store = SharedDirectoryStore(root)
    digests = set(results[0]) | set(results[1])
    assert len(digests) == 600  # 200 shared + 2 x 200 own
    for digest in digests:  # every blob there, whole, under its own hash: no lost or torn write
        assert hashlib.sha256(zlib.decompress(store.get(blob_key(digest)) or b"")).hexdigest() == digest
    assert len([p for p in root.rglob("*") if p.is_file()]) == 600
    assert not list(root.rglob("*.tmp"))


def test_the_temporary_files_of_killed_writers_are_swept_after_a_day(tmp_path: Path) -> None:
    store = SharedDirectoryStore(tmp_path / "shared")
    body = zlib.compress("正文".encode() * 100)
    key = blob_key(hashlib.sha256(body).hexdigest())
    store.put(key, body)
    store.put_file(warc_key("crawl-000001-a.warc.gz"), _file(tmp_path / "w.warc.gz", b"WARC"))
    final = store.path(key)
    # what a writer killed mid-write leaves: its temporary file beside the final name, never read
    old = final.with_name(f".{final.name}.host-a.4242.0123abcd.tmp")
    old_warc = store.path(warc_key(".crawl-000002-b.warc.gz.host-b.77.89abcdef.tmp"))
    fresh = final.with_name(f".{final.name}.host-b.99.fedcba98.tmp")  # a write under way on another machine
    for path in (old, old_warc, fresh):
        path.write_bytes(b"half")
    day_ago = final.stat().st_mtime - 25 * 3600
    for path in (old, old_warc):
        os.utime(path, (day_ago, day_ago))
    os.utime(final, (day_ago, day_ago))  # an old blob is evidence, not a temporary file
    assert store.sweep_temps() == 2
    assert not old.exists() and not old_warc.exists() and fresh.exists()
    assert store.get(key) == body and store.get(warc_key("crawl-000001-a.warc.gz")) == b"WARC"
    assert store.sweep_temps() == 0
    # the crawl and night jobs sweep after their crawl, and say so
    old.write_bytes(b"half")
    os.utime(old, (day_ago, day_ago))
    settings = settings_for(f"sqlite:///{tmp_path / 'z.sqlite'}").model_copy(
        update={"evidence_store": "shared", "evidence_dir": tmp_path / "shared"})
    said: list[str] = []
    assert sweep_store(settings, said.append) == 1 and "清理了 1 个" in said[0] and not old.exists()


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_bodies_in_a_shared_store_are_indexed_by_the_database(tmp_path: Path, sqlite_url: str) -> None:
    Session_ = make_sessionmaker(make_engine(sqlite_url))
    shared = SharedDirectoryStore(tmp_path / "shared")
    with Session_() as s, s.begin():
        digest = store_blob(s, b"<html>page</html>", store=shared)
    with Session_() as s:
        assert s.get_one(Blob, digest).data == IN_STORE and s.get_one(Blob, digest).size == 17
        assert read_blob(s, digest, shared) == b"<html>page</html>"
        with using_store(shared):
            assert verify_blobs(s).bad == []
            shared.path(blob_key(digest)).write_bytes(zlib.compress(b"changed afterwards"))
            assert verify_blobs(s).bad == [digest]
            with pytest.raises(ValueError):
                read_blob(s, digest)


def test_a_crawl_keeps_its_evidence_in_s3(farm, s3_endpoint: str, tmp_path: Path) -> None:
    from crawler.launch import run_crawl

    url = f"sqlite:///{tmp_path / 's3.sqlite'}"
    upgrade(url)
    Session_ = make_sessionmaker(make_engine(url))
    import_farm_registry(Session_, farm)
    # small WARC segments: the night's records are spread over several objects
    settings = settings_for(url, check_links=False, collect_new_media=False, warc_segment_bytes=200_000,
                            **_s3_settings(s3_endpoint, "zwgk-crawl"))
    result = run_crawl(settings, Session_, echo=lambda line: None)
    assert result.returncode == 0
    store = open_store(settings)
    assert not settings.warc_dir.exists() or not list(settings.warc_dir.iterdir())  # nothing written locally
    with Session_() as s, using_store(store):
        stored = s.scalar(select(func.count()).select_from(Snapshot).where(Snapshot.content_hash.is_not(None)))
        assert stored > 300
        assert s.scalar(select(func.count()).select_from(Blob).where(Blob.data != IN_STORE)) == 0
        page = s.scalar(select(Snapshot).where(Snapshot.url.like("%/wjdt/index.htm")))
        assert "卫健动态".encode("gbk") in (read_snapshot_body(s, page.id) or b"")
        records = s.scalars(select(WarcRecord)).all()
        paths = {r.path for r in records}
        assert len(paths) > 1 and all(p.startswith("s3://zwgk-crawl/zwgk/warc/") for p in paths)
        # every captured response is indexed, and every record re-reads from S3 and matches its body
        responded = s.scalar(select(func.count()).select_from(Snapshot).where(Snapshot.status.is_not(None)))
        assert len(records) == responded
        assert verify_records(s).bad == [] and verify_blobs(s).bad == []
        assert check_record(s, records[0]).ok
        whole = verify_warc(sorted(paths)[0])
        assert whole.checked > 0 and whole.bad == []
