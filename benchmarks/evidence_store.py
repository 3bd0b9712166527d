"""Put and get throughput of the evidence store's three backends (storage/evidence_store.py) on the same
blobs, against the bare operation underneath: `Path.write_bytes`/`read_bytes` into one directory for the
directory stores, boto3's bare `put_object`/`get_object` for S3; median of repeats, wall and CPU seconds.

    .venv/bin/python benchmarks/evidence_store.py [--blobs 1000] [--size 30000] [--repeats 3] [--no-s3]

The S3 server is moto's (`python -m moto.server` on 127.0.0.1, its own process): a test double of S3
written in Python, much slower than MinIO or a real object store, so the S3 rows measure zwgk's client
side and the protocol's round trips, not the speed of a real server. "batches" is put_many of 200 blobs,
as the crawl pipeline writes a batch (8 threads for the shared and S3 backends). The "shared" directory
is a local directory here (the same disk as "local"): the difference is what the shared backend adds
(fsync of file and directory, host-unique temporary names), not NFS. CPU seconds are the calling
thread's and its children's: the threads of a batch put are not counted (a lower bound).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._bench import Timing, median, timed
from storage.evidence_store import DirectoryStore, EvidenceStore, S3Store, SharedDirectoryStore, blob_key


def make_blobs(count: int, size: int) -> dict[str, bytes]:
    """Compressed bodies as the store keeps them: Chinese HTML-like text, each one different."""
    text = ("<p>关于印发《政府信息公开工作年度报告》的通知，各乡镇人民政府、县直各单位：</p>" * 200).encode()
    blobs = {}
    for i in range(count):
        body = (f"<html><title>第 {i} 号</title>".encode() + text * (size // len(text) + 1))[:size - size // 10]
        body += os.urandom(size // 10)  # some incompressible bytes (images, PDF streams)
        data = zlib.compress(body, 6)
        blobs[hashlib.sha256(body).hexdigest()] = data
    return blobs


def run_store(store: EvidenceStore, blobs: dict[str, bytes], batch: int = 0) -> tuple[Timing, Timing]:
    """One put per blob, or (batch > 0) put_many in batches, as the crawl pipeline writes bodies."""
    if batch:
        keyed = [(blob_key(d), b) for d, b in blobs.items()]
        _, put = timed(lambda: [store.put_many(dict(keyed[i:i + batch])) for i in range(0, len(keyed), batch)])
    else:
        _, put = timed(lambda: [store.put(blob_key(d), b) for d, b in blobs.items()])
    out, get = timed(lambda: [store.get(blob_key(d)) for d in blobs])
    assert out == list(blobs.values())
    return put, get


def run_bare_dir(root: Path, blobs: dict[str, bytes]) -> tuple[Timing, Timing]:
    def put() -> None:
        for d, b in blobs.items():
            path = root / blob_key(d)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b)

    _, put_t = timed(put)
    out, get_t = timed(lambda: [(root / blob_key(d)).read_bytes() for d in blobs])
    assert out == list(blobs.values())
    return put_t, get_t


def run_bare_s3(store: S3Store, blobs: dict[str, bytes]) -> tuple[Timing, Timing]:
    client, bucket = store.client, store.bucket
    _, put_t = timed(lambda: [client.put_object(Bucket=bucket, Key="bare/" + d, Body=b) for d, b in blobs.items()])
    out, get_t = timed(lambda: [client.get_object(Bucket=bucket, Key="bare/" + d)["Body"].read() for d in blobs])
    assert out == list(blobs.values())
    return put_t, get_t


def moto_process() -> tuple[subprocess.Popen, str]:
    """moto's S3 server in its own process on 127.0.0.1 (not sharing this process's GIL)."""
    import urllib.request

    from fixtures.farm import closed_port

    port = closed_port()
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(endpoint + "/moto-api/", timeout=1)
            break
        except OSError:
            time.sleep(0.05)
    return proc, endpoint


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blobs", type=int, default=1000, help="blobs per run (default 1000)")
    parser.add_argument("--size", type=int, default=30000,
                        help="bytes of each body before compression: HTML-like text plus 10%% random bytes")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-s3", action="store_true", help="leave out the S3 backend (moto not installed)")
    args = parser.parse_args()
    blobs = make_blobs(args.blobs, args.size)
    megabytes = sum(len(b) for b in blobs.values()) / 1e6
    print(f"{len(blobs)} blobs, {megabytes:.1f} MB compressed, median of {args.repeats}")
    server = None
    endpoint = ""
    if not args.no_s3:
        server, endpoint = moto_process()
    results: dict[str, dict[str, list[Timing]]] = {}
    try:
        for repeat in range(args.repeats):
            with tempfile.TemporaryDirectory(prefix="zwgk-bench-store-") as tmp_:
                tmp = Path(tmp_)
                runs = {
                    "bare directory": lambda tmp=tmp: run_bare_dir(tmp / "bare", blobs),
                    "local": lambda tmp=tmp: run_store(DirectoryStore(tmp / "local"), blobs),
                    "shared": lambda tmp=tmp: run_store(SharedDirectoryStore(tmp / "shared"), blobs),
                    "shared, batches": lambda tmp=tmp: run_store(SharedDirectoryStore(tmp / "shared-b"), blobs, 200),
                }
                if endpoint:
                    s3 = S3Store(endpoint, f"bench{repeat}", "k", "s")
                    s3._ensure_bucket()
                    runs["bare boto3"] = lambda s3=s3: run_bare_s3(s3, blobs)
                    runs["s3"] = lambda s3=s3: run_store(s3, blobs)
                    s3b = S3Store(endpoint, f"bench{repeat}b", "k", "s")
                    runs["s3, batches"] = lambda s3b=s3b: run_store(s3b, blobs, 200)
                for name, fn in runs.items():
                    put, get = fn()
                    results.setdefault(name, {"put": [], "get": []})
                    results[name]["put"].append(put)
                    results[name]["get"].append(get)
                shutil.rmtree(tmp, ignore_errors=True)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)

    def rate(name: str, op: str, cpu: bool = False) -> float:
        return median([len(blobs) / (t.cpu if cpu else t.wall) for t in results[name][op]])

    bare_of = {"local": "bare directory", "shared": "bare directory", "shared, batches": "bare directory",
               "s3": "bare boto3", "s3, batches": "bare boto3"}
    for op in ("put", "get"):
        print(f"\n{op}: blobs per second (wall), MB/s, blobs per CPU second; ratio to its bare operation and to local")
        for name in results:
            wall, cpu = rate(name, op), rate(name, op, cpu=True)
            line = f"  {name:15} {wall:8.0f}/s {wall * megabytes / len(blobs):7.1f} MB/s {cpu:8.0f}/CPU-s"
            if name in bare_of and bare_of[name] in results:
                line += f"  zwgk/bare {wall / rate(bare_of[name], op):5.2f}"
            if name not in ("local", "bare directory", "bare boto3"):
                line += f"  /local {wall / rate('local', op):5.2f}"
            print(line)
    print(f"\n(environment: {os.cpu_count()} cores shared with other work; S3 is moto's Python server; CPU of the"
          " batches' threads not counted; see --help)")


if __name__ == "__main__":
    main()
