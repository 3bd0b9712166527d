"""One night split across 1, 2 … crawl workers on scrapy-redis (zwgk worker --redis), on a generated
county farm, against the single-process crawl of the same farm; median of repeats.

    .venv/bin/python benchmarks/workers.py [--county UNITS COLUMNS ITEMS] [--workers 1 2] [--repeats 1]
                                           [--evidence local|shared|s3]

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
from fixtures.farm import FixtureFarm, closed_port
from storage.db import make_engine, make_sessionmaker, upgrade
from tests.conftest import settings_for
from zwgk.units_file import import_registry, parse_registry


def postgres(tmp: Path) -> tuple[str, list[str]]:
    """A private PostgreSQL cluster (as tests/conftest.py starts one): base URL and the stop command."""
    import glob

    bindir = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))[-1]).parent
    data = tmp / "pg"
    data.mkdir()
    tmp.chmod(0o755)
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(data, "postgres")
    port = closed_port()
    subprocess.run([*as_postgres, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run([*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-o",
                    f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off", "-l",
                    str(data / "server.log"), "-w", "start"], check=True, capture_output=True)
    return (f"postgresql+psycopg://postgres@127.0.0.1:{port}",
            [*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])


def store(farm: FixtureFarm, registry: str, server: str, name: str):
    import psycopg

    with psycopg.connect(server.replace("+psycopg", "") + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{server}/{name}"
    upgrade(url)
    Session = make_sessionmaker(make_engine(url))
    with Session() as session, session.begin():
        import_registry(session, parse_registry(farm.render_registry_text(registry), "units.yaml"))
    return url, Session


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--county", type=int, nargs=3, default=[10, 10, 30], metavar=("UNITS", "COLUMNS", "ITEMS"))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--evidence", choices=["local", "shared", "s3"], default="local",
                        help="the workers' evidence store (default local: as the single process)")
    args = parser.parse_args()
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        sys.exit("redis-server is not installed (scripts/setup.sh installs it)")
    with tempfile.TemporaryDirectory(prefix="zwgk-bench-") as tmp_:
        tmp = Path(tmp_)
        registry = build_county(tmp / "farm", *args.county)
        port = closed_port()
        redis = subprocess.Popen([redis_server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                  "--appendonly", "no", "--dir", str(tmp)], stdout=subprocess.DEVNULL)
        redis_url = f"redis://127.0.0.1:{port}/0"
        pg, stop_pg = postgres(tmp)
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
        rows = []
        try:
            with FixtureFarm(tmp / "farm") as farm:
                single = []
                for i in range(args.repeats):
                    url, Session = store(farm, registry, pg, f"single{i}")
                    settings = settings_for(url, check_links=False, collect_new_media=False, progress_interval=999)
                    result, timing = timed(lambda s=settings, S=Session: run_crawl(s, S, echo=lambda line: None))
                    single.append((result.pages, timing))
                rows.append(("single process", single, 1))
                for n in args.workers:
                    runs = []
                    for i in range(args.repeats):
                        url, Session = store(farm, registry, pg, f"w{n}_{i}")
                        settings = settings_for(url, check_links=False, collect_new_media=False,
                                                progress_interval=999, **evidence)
                        env = {**settings.as_env(), "PYTHONPATH": str(ROOT)}
                        others = [subprocess.Popen([sys.executable, "-m", "zwgk.cli", "worker", "--redis", redis_url,
                                                    "--once", "--wait", "60"], cwd=ROOT, env=env,
                                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                                  for _ in range(n - 1)]
                        start = len(farm.requests)

                        def night(s=settings, S=Session, others=others) -> object:
                            out = run_shared_crawl(s, S, redis_url, echo=lambda line: None)
                            for w in others:
                                w.wait(timeout=600)
                            return out

                        result, timing = timed(night)
                        repeats = Counter(farm.requests[start:])
                        twice = [r for r, c in repeats.items() if c > 1 and not r[2].startswith("/robots")]
                        runs.append((result.pages, timing))
                        print(f"  {n} worker(s): {result.pages} pages, {timing.wall:.1f} s wall, {timing.cpu:.1f} CPU s,"
                              f" pages requested more than once: {len(twice)} {twice[:3]}", flush=True)
                    rows.append((f"{n} worker(s) on Redis" + (f", {args.evidence}" if evidence else ""), runs, n))
        finally:
            if moto is not None:
                moto.stop()
            redis.terminate()
            redis.wait()
            subprocess.run(stop_pg, capture_output=True)
    base = median([p / t.wall for p, t in rows[0][1]])
    for label, runs, _ in rows:
        rate = median([p / t.wall for p, t in runs])
        per_cpu = median([p / t.cpu for p, t in runs])
        print(f"{label:24} {rate:7.1f} pages/s wall ({rate / base:4.2f} of one process), "
              f"{per_cpu:7.1f} pages per CPU second")
    print(f"(environment: {os.cpu_count()} cores shared with the farm and the store)")


if __name__ == "__main__":
    main()
