"""A long Playwright run of the new-media page collector: pages per second and peak memory.

    .venv/bin/python benchmarks/newmedia_pages.py [PAGES]

Renders the fixture's JavaScript post list PAGES times (default 200) in one Chromium, as a night with
many page-only accounts would, and samples the proportional set size (PSS, from
/proc/PID/smaps_rollup) of this process and all its children (node driver, chromium) every 0.2 s.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.settings import Settings
from crawler.egress import EgressPolicy
from crawler.newmedia import collect_pages
from fixtures.farm import FixtureFarm


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def tree_pss_mb(root: int) -> float:
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
            todo += _children(pid)
        except OSError:
            continue
    return total / 1024


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_pss_mb(os.getpid()))
            time.sleep(0.2)

    with FixtureFarm() as farm:
        url = farm.urls["newmedia"] + "/douyin/zjj.html"
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.monotonic()
        results = collect_pages([(i, url) for i in range(pages)], Settings(), EgressPolicy.from_entries([url]))
        seconds = time.monotonic() - started
        done.set()
        sampler.join()
    posts = sum(len(r.posts) for r in results)
    failed = sum(1 for r in results if r.error_kind)
    print(f"{pages} rendered pages in {seconds:.1f} s = {pages / seconds:.2f} pages/s (incl. browser start); "
          f"posts read {posts} (expected {2 * pages}), failed {failed}; peak PSS of the process tree {peak[0]:.0f} MB")


if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(__doc__)
        sys.exit(0)
    main()
