"""One struggling server must not slow the others: the fixture farm crawled with one unit's server
answering 503 + Retry-After for its first seconds, next to the same crawl with that server healthy.

All farm sites listen on 127.0.0.1 (one host name, one Scrapy slot), so this is also the 集约化 case:
many units behind one host name. Prints, for the healthy units only, the time from the crawl's first
fetch to their last page in both runs, and the ratio healthy-baseline / healthy-with-503 (≥ 0.9 wanted).

    .venv/bin/python benchmarks/backoff_hosts.py [--busy-seconds 30] [--retry-after 10] [--site yunhe_jyj]

Runs against whatever code is first on sys.path (PYTHONPATH=<an older checkout> measures that one).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

if not any(Path(p, "crawler").is_dir() for p in sys.path[1:] if p):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from core.settings import Settings
from crawler.launch import run_crawl
from fixtures.farm import FixtureFarm
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import Snapshot, Unit
from zwgk.units_file import import_registry, parse_registry

TEMPLATE = Path(__file__).resolve().parent.parent / "fixtures" / "units.yaml"


class BusyProxy:
    """Forwards to one farm site; answers 503 + Retry-After for `busy` seconds after its first request."""

    def __init__(self, target: str, busy: float, retry_after: int):
        self.first: float | None = None
        self.answers = {"503": 0, "ok": 0}
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                now = time.monotonic()
                proxy.first = proxy.first or now
                if now - proxy.first < busy:
                    proxy.answers["503"] += 1
                    body = b"<html>busy</html>"
                    self.send_response(503)
                    self.send_header("Retry-After", str(retry_after))
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                proxy.answers["ok"] += 1
                try:
                    with urllib.request.urlopen(target + self.path, timeout=10) as upstream:
                        status, headers, body = upstream.status, upstream.headers, upstream.read()
                except urllib.error.HTTPError as exc:
                    status, headers, body = exc.code, exc.headers, exc.read()
                self.send_response(status)
                for key in ("Content-Type", "Last-Modified", "ETag"):
                    if headers.get(key):
                        self.send_header(key, headers[key])
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _stop_crawl_after(seconds: float) -> threading.Timer:
    """Kill this process's crawl subprocess after `seconds` (the old back-off can take an hour)."""
    import os
    import signal

    def stop() -> None:
        me = os.getpid()
        for child in Path(f"/proc/{me}/task/{me}/children").read_text().split():
            os.kill(int(child), signal.SIGKILL)

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()
    return timer


def crawl_once(farm: FixtureFarm, site: str, busy: float, retry_after: int,
               deadline: float | None = None) -> dict[str, float]:
    proxy = BusyProxy(farm.urls[site], busy, retry_after)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/bench.sqlite"
            upgrade(url)
            engine = make_engine(url)
            Session = make_sessionmaker(engine)
            registry = TEMPLATE.read_text("utf-8")
            urls = dict(farm.urls, **{site: proxy.url})
            import string

            text = string.Template(registry).substitute(urls)
            with Session() as s, s.begin():
                import_registry(s, parse_registry(text, "bench.yaml"))
            settings = Settings(database_url=url, check_links=False, collect_new_media=False, progress_interval=5)
            started = time.monotonic()
            timer = _stop_crawl_after(deadline) if deadline else None
            result = run_crawl(settings, Session, echo=lambda line: None)
            wall = time.monotonic() - started
            if timer is not None:
                timer.cancel()
            with Session() as s:
                sick_units = [u.id for u in s.scalars(select(Unit)) if proxy.url in u.portal]
                first = s.scalar(select(func.min(Snapshot.fetched_at)).where(Snapshot.crawl_run_id == result.run_id))
                healthy_last = s.scalar(select(func.max(Snapshot.fetched_at)).where(
                    Snapshot.crawl_run_id == result.run_id, Snapshot.unit_id.not_in(sick_units)))
                healthy_pages = s.scalar(select(func.count()).select_from(Snapshot).where(
                    Snapshot.crawl_run_id == result.run_id, Snapshot.unit_id.not_in(sick_units),
                    Snapshot.error_kind.is_(None)))
                sick_pages = s.scalar(select(func.count()).select_from(Snapshot).where(
                    Snapshot.crawl_run_id == result.run_id, Snapshot.unit_id.in_(sick_units),
                    Snapshot.error_kind.is_(None)))
            engine.dispose()
    finally:
        proxy.close()
    return {"wall": wall, "healthy": (healthy_last - first).total_seconds(), "healthy_pages": healthy_pages,
            "sick_pages": sick_pages, "503": proxy.answers["503"], "stopped": result.returncode != 0}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--busy-seconds", type=float, default=30)
    parser.add_argument("--retry-after", type=int, default=10)
    parser.add_argument("--site", default="yunhe_jyj")
    parser.add_argument("--deadline", type=float, help="stop a crawl after this many seconds (report pages by then)")
    args = parser.parse_args()
    with FixtureFarm() as farm:
        base = crawl_once(farm, args.site, 0, args.retry_after, args.deadline)
        sick = crawl_once(farm, args.site, args.busy_seconds, args.retry_after, args.deadline)
    for name, r in (("baseline (all healthy)", base), (f"{args.site} 503 for {args.busy_seconds:.0f} s", sick)):
        stopped = " (stopped at the deadline)" if r["stopped"] else ""
        print(f"{name}: crawl {r['wall']:.1f} s{stopped}; healthy units' last page after {r['healthy']:.1f} s "
              f"({r['healthy_pages']} pages); busy unit {r['sick_pages']} pages fetched, {r['503']} answers 503")
    print(f"ratio healthy-baseline / healthy-with-503: {base['healthy'] / sick['healthy']:.2f} (want >= 0.9); "
          f"whole crawl {base['wall'] / sick['wall']:.2f}; healthy pages {sick['healthy_pages']}/{base['healthy_pages']}")


if __name__ == "__main__":
    main()
