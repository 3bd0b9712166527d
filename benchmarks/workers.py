"""One night split across 1, 2 … crawl workers on scrapy-redis (zwgk worker --redis), on a generated
county farm served by nginx (fixtures/nginx.py), against the single-process crawl of the same farm, on one
host and on many; median of repeats.

    .venv/bin/python benchmarks/workers.py [--county UNITS COLUMNS ITEMS] [--workers 1 2 4] [--hosts 1 10]
        [--repeats 1] [--evidence local|shared|s3]

`--hosts 1`: every unit on 127.0.0.1 (one 集约化 host: the workers share its politeness limit, so more
workers cannot make it faster). `--hosts N`: the units spread over 127.0.0.2 … 127.0.0.N+1, N hosts
with their own limits (a city or a province).

--evidence puts the workers' evidence (bodies, screenshots, WARC segments) into a shared directory (a
local directory here, written as the shared backend writes) or an S3-compatible server (moto's, on
127.0.0.1, in this process); the single process always keeps the default local layout.

Starts a private redis-server and a private PostgreSQL cluster on 127.0.0.1 (one database per night, as
tests/conftest.py does; SQLite would serialise the workers' writes). On this
2-core machine the workers, the farm and the store share the same cores: the figure that carries over
to several machines is CPU seconds per page, and that every page is fetched once (checked at the farm).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._bench import median, timed
from crawler.distributed import run_shared_crawl
from crawler.launch import run_crawl
from fixtures.county import build_county
from fixtures.farm import closed_port
from fixtures.nginx import NginxFarm
from fixtures.postgres import create_database, private_postgres
from storage.db import make_engine, make_sessionmaker, upgrade
from tests.conftest import settings_for
from zwgk.units_file import import_registry, parse_registry


def store(farm: NginxFarm, registry: str, server: str, name: str):
    url = create_database(server, name)
    upgrade(url)
    Session = make_sessionmaker(make_engine(url))
    with Session() as session, session.begin():
        import_registry(session, parse_registry(farm.render_registry_text(registry), "units.yaml"))
    return url, Session


def night_rows(args: argparse.Namespace, registry: str, tmp: Path, hosts: int, redis_url: str, pg: str,
               evidence: dict[str, object]) -> list:
    rows: list = []
    with NginxFarm(tmp / "farm", hosts=hosts) as farm:
        single = []
        for i in range(args.repeats):
            url, Session = store(farm, registry, pg, f"single{hosts}_{i}")
            settings = settings_for(url, check_links=False, collect_new_media=False, progress_interval=999)
            result, timing = timed(lambda s=settings, S=Session: run_crawl(s, S, echo=lambda line: None))
            single.append((result.pages, timing))
            print(f"  {hosts} host(s), single process: {result.pages} pages, {timing.wall:.1f} s wall, "
                  f"{timing.cpu:.1f} CPU s", flush=True)
        rows.append(("single process", single, 1))
        for n in args.workers:
            runs = []
            for i in range(args.repeats):
                url, Session = store(farm, registry, pg, f"w{hosts}_{n}_{i}")
                settings = settings_for(url, check_links=False, collect_new_media=False, progress_interval=999,
                                        **evidence)
                env = {**settings.as_env(), "PYTHONPATH": str(ROOT)}
                others = [subprocess.Popen([sys.executable, "-m", "zwgk.cli", "worker", "--redis", redis_url,
                                            "--once", "--wait", "60"], cwd=ROOT, env=env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                          for _ in range(n - 1)]
                start = len(farm.requests)

                def night(s=settings, S=Session, others=others) -> object:
                    out = run_shared_crawl(s, S, redis_url, echo=lambda line: None)
                    for w in others:
                        w.wait(timeout=1800)
                    return out

                result, timing = timed(night)
                repeats = Counter(farm.requests[start:])
                twice = [r for r, c in repeats.items() if c > 1 and not r[2].startswith("/robots")]
                runs.append((result.pages, timing))
                print(f"  {hosts} host(s), {n} worker(s): {result.pages} pages, {timing.wall:.1f} s wall, "
                      f"{timing.cpu:.1f} CPU s, pages requested more than once: {len(twice)} {twice[:3]}", flush=True)
            rows.append((f"{n} worker(s) on Redis" + (f", {args.evidence}" if evidence else ""), runs, n))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--county", type=int, nargs=3, default=[10, 10, 30], metavar=("UNITS", "COLUMNS", "ITEMS"))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--hosts", type=int, nargs="+", default=[1, 10], help="loopback hosts the units spread over")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--evidence", choices=["local", "shared", "s3"], default="local",
                        help="the workers' evidence store (default local: as the single process)")
    args = parser.parse_args()
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        sys.exit("redis-server is not installed (scripts/setup.sh installs it)")
    with tempfile.TemporaryDirectory(prefix="zwgk-bench-") as tmp_, contextlib.ExitStack() as stack:
        tmp = Path(tmp_)
        registry = build_county(tmp / "farm", *args.county)
        port = closed_port()
        redis = subprocess.Popen([redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                  "--appendonly", "no", "--dir", str(tmp)], stdout=subprocess.DEVNULL)
        redis_url = f"redis://127.0.0.1:{port}/0"
        pg = stack.enter_context(private_postgres())
        evidence: dict[str, object] = {}
        moto = None
        if args.evidence == "shared":
            evidence = {"evidence_store": "shared", "evidence_dir": tmp / "shared-evidence"}
        elif args.evidence == "s3":
            import logging

            from moto.server import ThreadedMotoServer

            logging.getLogger("werkzeug").setLevel(logging.ERROR)
            moto_port = closed_port()
            moto = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
            moto.start()
            evidence = {"evidence_store": "s3", "evidence_s3_endpoint": f"http://127.0.0.1:{moto_port}",
                        "evidence_s3_bucket": "bench", "evidence_s3_access_key": "k", "evidence_s3_secret_key": "s"}
        time.sleep(0.5)
        results = []
        try:
            for hosts in args.hosts:
                results.append((hosts, night_rows(args, registry, tmp, hosts, redis_url, pg, evidence)))
        finally:
            if moto is not None:
                moto.stop()
            redis.terminate()
            redis.wait()
    for hosts, rows in results:
        base = median([p / t.wall for p, t in rows[0][1]])
        base_cpu = median([p / t.cpu for p, t in rows[0][1]])
        print(f"{hosts} host(s), {rows[0][1][0][0]} pages:")
        for label, runs, _ in rows:
            rate = median([p / t.wall for p, t in runs])
            per_cpu = median([p / t.cpu for p, t in runs])
            wall = median([t.wall for _, t in runs])
            cpu = median([t.cpu for _, t in runs])
            print(f"  {label:24} {wall:7.1f} s wall {cpu:7.1f} CPU s  {rate:7.1f} pages/s wall "
                  f"({rate / base:4.2f} of one process), {per_cpu:7.1f} pages per CPU second ({per_cpu / base_cpu:4.2f})")
    print(f"(environment: {os.cpu_count()} cores shared with the farm and the store)")


if __name__ == "__main__":
    main()
