"""Where evidence files live: the WARC files written during a crawl, and (when the store is shared)
response bodies and screenshots. One small interface, three backends:

- `local`: a directory on this machine (`ZWGK_WARC_DIR`), the layout zwgk has always used; bodies and
  screenshots stay in the database's `blobs` table.
- `shared`: a directory several machines mount (NFS, CIFS): every file is written under a temporary name
  unique to the host and process, flushed to disk and renamed into place, so a reader never sees half a
  file and two workers writing the same content-addressed blob both succeed with the same bytes.
- `s3`: an S3-compatible object store (MinIO, Ceph RGW, 阿里云 OSS, AWS S3), path-style addressing.

With `shared` and `s3`, bodies and screenshots are written to the store under their SHA-256
(`blobs/ab/cd/<sha256>`, zlib-compressed as in the database) and the database keeps the row (hash, size)
with an empty `data`: the database still indexes every piece of evidence, the bytes live in the store.
WARC files are written to a local spool during the crawl (`<data_dir>/warc-spool`, crawler.warcspool) and
put into the store when a segment is complete (by size or age); their records are indexed in the database
once the segment is in the store. A segment a killed process left in the spool is finished by the next
crawl or worker on that machine.

What the database records for a WARC file (`warc_records.path`) is the store's locator of it: a path for
the directory stores (as before), `s3://bucket/key` for S3. `open_locator` reads either.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import threading
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from core.settings import Settings, get_settings

BACKENDS = ("local", "shared", "s3")
# a write takes seconds; a temporary file a day old lost its writer (killed, or its machine lost), and
# nothing ever reads it (temporary names start with "." and end with ".tmp")
ORPHAN_TEMP_SECONDS = 24 * 3600


def blob_key(digest: str) -> str:
    """Content-addressed name of a body or screenshot (two levels of fan-out, as git does)."""
    return f"blobs/{digest[:2]}/{digest[2:4]}/{digest}"


def warc_key(name: str) -> str:
    return f"warc/{name}"


class EvidenceStore(ABC):
    backend: str
    keeps_bodies: bool  # bodies and screenshots are written here (not into the database)

    @abstractmethod
    def put(self, key: str, data: bytes) -> bool:
        """Keep `data` under `key`; False when the key already exists (content-addressed: same bytes)."""

    put_threads = 1  # puts of one batch run side by side in this many threads (waiting on fsync or network)

    def put_many(self, items: dict[str, bytes]) -> int:
        """Keep many objects (a pipeline batch's bodies); how many were written."""
        if self.put_threads <= 1 or len(items) < 2:
            return sum(self.put(k, v) for k, v in items.items())
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(min(self.put_threads, len(items))) as pool:
            return sum(pool.map(lambda kv: self.put(*kv), items.items()))

    @abstractmethod
    def put_file(self, key: str, path: Path) -> None:
        """Copy a finished local file under `key`, streaming (WARC segments)."""

    @abstractmethod
    def get(self, key: str) -> bytes | None:
        """The bytes under `key`, None when there are none."""

    @abstractmethod
    def exists(self, key: str) -> bool: ...

    @abstractmethod
    def read_range(self, key: str, offset: int, length: int) -> bytes:
        """`length` bytes from `offset` (one WARC record); FileNotFoundError when the key is missing."""

    @abstractmethod
    def open(self, key: str) -> BinaryIO:
        """A stream of the whole object, read as it is consumed; FileNotFoundError when missing."""

    @abstractmethod
    def locator(self, key: str) -> str:
        """What the database records: a path, or s3://bucket/key."""

    def key_of(self, locator: str) -> str | None:
        """The key of a locator this store wrote, None when it names something else."""
        return None

    def sweep_temps(self, older_than: float = ORPHAN_TEMP_SECONDS, now: float | None = None) -> int:
        """Remove the temporary files of writes whose writer died (killed mid-write); how many. An object
        store keeps none: a PUT is whole or absent."""
        return 0


class DirectoryStore(EvidenceStore):
    """`local`: a directory on this machine. Written through a temporary file and a rename too, so a crash
    leaves no half file under a final name; no fsync (the database commit is not waited on either)."""

    backend = "local"
    keeps_bodies = False
    durable = False

    def __init__(self, root: Path, warc_root: Path | None = None):
        self.root = root
        self.warc_root = warc_root if warc_root is not None else root / "warc"

    def path(self, key: str) -> Path:
        if key.startswith("warc/"):  # WARC files where zwgk always wrote them: <warc_dir>/<name>
            return self.warc_root / key.removeprefix("warc/")
        return self.root / key

    def _temp(self, final: Path) -> Path:
        # unique per host, process and call: writers on several machines never share a temporary file
        return final.with_name(f".{final.name}.{socket.gethostname()}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")

    def sweep_temps(self, older_than: float = ORPHAN_TEMP_SECONDS, now: float | None = None) -> int:
        now = time.time() if now is None else now
        removed = 0
        # the WARC directory is walked on its own only where it is not inside the store's root (`local`)
        for root in (self.root, *(() if self.warc_root.is_relative_to(self.root) else (self.warc_root,))):
            for folder, _dirs, files in os.walk(root):
                for name in files:
                    if name.startswith(".") and name.endswith(".tmp"):
                        path = Path(folder) / name
                        try:
                            if now - path.stat().st_mtime > older_than:
                                path.unlink()
                                removed += 1
                        except FileNotFoundError:  # another machine swept it first
                            continue
        return removed

    def _write(self, final: Path, fill: Callable[[BinaryIO], object]) -> None:
        """`fill` writes the file into a temporary one beside `final`, which then takes its name."""
        final.parent.mkdir(parents=True, exist_ok=True)
        temp = self._temp(final)
        try:
            with temp.open("wb") as out:
                fill(out)
                if self.durable:
                    out.flush()
                    os.fsync(out.fileno())
            self._commit(temp, final)
        finally:
            temp.unlink(missing_ok=True)

    def _commit(self, temp: Path, final: Path) -> None:
        os.replace(temp, final)  # atomic on POSIX and on NFS: readers see the old name or the whole file
        if self.durable:
            fd = os.open(final.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def put(self, key: str, data: bytes) -> bool:
        final = self.path(key)
        if final.exists():
            return False
        self._write(final, lambda out: out.write(data))
        return True

    def put_file(self, key: str, path: Path) -> None:
        final = self.path(key)
        if final.resolve() == path.resolve():
            return
        with path.open("rb") as src:
            self._write(final, lambda out: shutil.copyfileobj(src, out, 1 << 20))

    def get(self, key: str) -> bytes | None:
        try:
            return self.path(key).read_bytes()
        except FileNotFoundError:
            return None

    def exists(self, key: str) -> bool:
        return self.path(key).exists()

    def read_range(self, key: str, offset: int, length: int) -> bytes:
        with self.path(key).open("rb") as stream:
            stream.seek(offset)
            return stream.read(length)

    def open(self, key: str) -> BinaryIO:
        return self.path(key).open("rb")

    def locator(self, key: str) -> str:
        return str(self.path(key))

    def key_of(self, locator: str) -> str | None:
        path = Path(locator)
        for root, prefix in ((self.warc_root, "warc/"), (self.root, "")):
            try:
                return prefix + path.relative_to(root).as_posix()
            except ValueError:
                continue
        return None


class SharedDirectoryStore(DirectoryStore):
    """`shared`: a directory that several machines write. Like `local`, plus: every file and its directory
    are flushed to the file server before the rename counts as done, and bodies and screenshots are kept
    here too (the machines share one database, but the bytes need not pass through it)."""

    backend = "shared"
    keeps_bodies = True
    durable = True
    put_threads = 8


class S3Store(EvidenceStore):
    """`s3`: an S3-compatible object store (path-style addressing: http://endpoint/bucket/key)."""

    backend = "s3"
    keeps_bodies = True
    put_threads = 8

    def __init__(self, endpoint: str, bucket: str, access_key: str, secret_key: str, region: str = "us-east-1",
                 prefix: str = ""):
        import boto3
        from botocore.config import Config

        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.client: Any = boto3.client(
            "s3", endpoint_url=endpoint or None, aws_access_key_id=access_key or None,
            aws_secret_access_key=secret_key or None, region_name=region or "us-east-1",
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 5, "mode": "standard"},
                          max_pool_connections=16))
        self._bucket_checked = False
        self._lock = threading.Lock()

    def _ensure_bucket(self) -> None:
        if self._bucket_checked:
            return
        from botocore.exceptions import ClientError

        with self._lock:
            try:
                self.client.head_bucket(Bucket=self.bucket)
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") not in ("404", "NoSuchBucket", "NotFound"):
                    raise
                try:
                    self.client.create_bucket(Bucket=self.bucket)
                except ClientError as again:  # another worker created it first
                    if again.response.get("Error", {}).get("Code") not in ("BucketAlreadyOwnedByYou",
                                                                             "BucketAlreadyExists"):
                        raise
            self._bucket_checked = True

    def _key(self, key: str) -> str:
        return self.prefix + key

    def put(self, key: str, data: bytes) -> bool:
        self._ensure_bucket()
        if key.startswith("blobs/") and self.exists(key):
            return False  # content-addressed: the same bytes are there already
        self._put(key, data)
        return True

    def _put(self, key: str, data: bytes) -> int:
        # a PUT is atomic in S3: readers see no object or the whole object, a second writer of the same
        # key replaces it with the same bytes
        self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)
        return 1

    def put_many(self, items: dict[str, bytes]) -> int:
        """A batch of bodies, 8 PUTs at a time and no HEAD first: a body the pipeline hands over is new to
        this crawl, and PUTting the same bytes again is harmless (one round trip instead of two). Returns
        how many were written (all of them)."""
        if not items:
            return 0
        self._ensure_bucket()
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(min(self.put_threads, len(items))) as pool:
            return sum(pool.map(lambda kv: self._put(*kv), items.items()))

    def put_file(self, key: str, path: Path) -> None:
        self._ensure_bucket()
        self.client.upload_file(str(path), self.bucket, self._key(key))  # multipart above 8 MB, streamed

    def get(self, key: str) -> bytes | None:
        try:
            with self.open(key) as stream:
                return stream.read()
        except FileNotFoundError:
            return None

    def exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self._key(key))
            return True
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise

    def _get_object(self, key: str, **kwargs: Any) -> Any:
        from botocore.exceptions import ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._key(key), **kwargs)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound", "NoSuchBucket"):
                raise FileNotFoundError(self.locator(key)) from exc
            raise

    def read_range(self, key: str, offset: int, length: int) -> bytes:
        data: bytes = self._get_object(key, Range=f"bytes={offset}-{offset + length - 1}")["Body"].read()
        return data

    def open(self, key: str) -> BinaryIO:
        stream: Any = _BodyStream(self._get_object(key)["Body"])
        return stream

    def locator(self, key: str) -> str:
        return f"s3://{self.bucket}/{self._key(key)}"

    def key_of(self, locator: str) -> str | None:
        head = f"s3://{self.bucket}/{self.prefix}"
        return locator.removeprefix(head) if locator.startswith(head) else None


class _BodyStream(io.RawIOBase):
    """botocore's streaming body as a file object (read as consumed, closed with the stream)."""

    def __init__(self, body: Any):
        self.body = body

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self.body.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)

    def read(self, size: int = -1) -> bytes:
        data: bytes = self.body.read() if size is None or size < 0 else self.body.read(size)
        return data

    def close(self) -> None:
        self.body.close()
        super().close()


def open_store(settings: Settings) -> EvidenceStore:
    """The evidence store the settings name (`ZWGK_EVIDENCE_STORE` and its companions)."""
    backend = settings.evidence_store
    if backend == "local":
        return DirectoryStore(settings.evidence_dir or settings.warc_dir, settings.warc_dir)
    if backend == "shared":
        if settings.evidence_dir is None:
            raise ValueError("ZWGK_EVIDENCE_STORE=shared 需要 ZWGK_EVIDENCE_DIR（各机器挂载的同一目录）")
        return SharedDirectoryStore(settings.evidence_dir)
    if backend == "s3":
        if not settings.evidence_s3_bucket:
            raise ValueError("ZWGK_EVIDENCE_STORE=s3 需要 ZWGK_EVIDENCE_S3_BUCKET")
        return S3Store(settings.evidence_s3_endpoint, settings.evidence_s3_bucket, settings.evidence_s3_access_key,
                       settings.evidence_s3_secret_key, settings.evidence_s3_region, settings.evidence_s3_prefix)
    raise ValueError(f"未知的证据存储 {backend!r}（可选：{'、'.join(BACKENDS)}）")


_current: EvidenceStore | None = None
_current_lock = threading.Lock()


def current_store() -> EvidenceStore:
    """This process's evidence store: the one `use_store` set, else the one the environment names."""
    global _current
    with _current_lock:
        if _current is None:
            _current = open_store(get_settings())
        return _current


def use_store(store: EvidenceStore | Settings | None) -> EvidenceStore | None:
    """Make `store` (or the store the settings name) this process's; returns the previous one."""
    global _current
    with _current_lock:
        previous = _current
        _current = open_store(store) if isinstance(store, Settings) else store
        return previous


@contextmanager
def using_store(store: EvidenceStore | Settings) -> Iterator[EvidenceStore]:
    previous = use_store(store)
    try:
        yield current_store()
    finally:
        use_store(previous)


def open_locator(locator: str, store: EvidenceStore | None = None) -> tuple[EvidenceStore, str]:
    """The store and key of a recorded WARC locator: an S3 object of this process's store, or a file
    (any path, also one written under an earlier setting)."""
    store = store or current_store()
    key = store.key_of(locator)
    if key is not None:
        return store, key
    if locator.startswith("s3://"):
        raise FileNotFoundError(f"{locator} 不在当前配置的对象存储中（检查 ZWGK_EVIDENCE_S3_*）")
    path = Path(locator)
    return DirectoryStore(path.parent, path.parent), path.name
