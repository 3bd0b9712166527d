"""Crawl benchmark of the CMS families: items found vs present per family, static vs rendered pages
per second, and peak memory of a long Playwright run.

    .venv/bin/python benchmarks/crawl_families.py [--rendered-pages 120]

Part 1 crawls the fixture farm (fixtures/units.yaml) and scores it against fixtures/manifest.json.
Part 2 builds a JavaScript-only site of `--rendered-pages` list pages (4 columns, 10 items a page)
and crawls it, sampling PSS and RSS of the crawl process and everything it starts (node driver,
chromium) every half second. Speeds are pages over the span of their fetch times, so process start
and browser launch are not counted. Numbers from a shared 2-core machine; compare ratios.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select

from core.settings import Settings
from crawler.launch import run_crawl
from fixtures import families
from fixtures.farm import FixtureFarm
from fixtures.groundtruth import score
from storage.db import make_engine, make_sessionmaker, upgrade
from storage.models import Snapshot
from zwgk.units_file import import_registry, parse_registry


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            out.append(child)
            stack.append(child)
    return out


def memory_kb(pids: list[int]) -> tuple[int, int]:
    """(PSS, RSS) summed over `pids`: PSS shares pages fairly, RSS counts shared pages once per process."""
    pss = rss = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss += int(line.split()[1])
        except OSError:
            continue
    return pss, rss


class MemorySampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_pss = self.peak_rss = self.peak_procs = 0
        self.stop = threading.Event()

    def run(self) -> None:
        import os

        while not self.stop.is_set():
            pids = descendants(os.getpid())
            pss, rss = memory_kb(pids)
            self.peak_pss, self.peak_rss = max(self.peak_pss, pss), max(self.peak_rss, rss)
            self.peak_procs = max(self.peak_procs, len(pids))
            self.stop.wait(0.5)


def crawl(farm: FixtureFarm, registry_text: str, workdir: Path) -> tuple[object, object]:
    url = f"sqlite:///{workdir / 'bench.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    Session = make_sessionmaker(engine)
    with Session() as session, session.begin():
        import_registry(session, parse_registry(registry_text, "bench.yaml"))
    result = run_crawl(Settings(database_url=url), Session, echo=lambda line: None)
    return Session, result


def speed(Session, rendered: bool) -> tuple[int, float]:
    with Session() as s:
        times = sorted(s.scalars(select(Snapshot.fetched_at).where(Snapshot.rendered.is_(rendered),
                                                                   Snapshot.error_kind.is_(None))))
    if len(times) < 2:
        return len(times), 0.0
    return len(times), len(times) / max((times[-1] - times[0]).total_seconds(), 1e-6)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rendered-pages", type=int, default=120)
    args = parser.parse_args()

    print("== 1. 各 CMS 家族：清单中的信息 vs 抓到的（fixtures/manifest.json）")
    with tempfile.TemporaryDirectory() as tmp, FixtureFarm() as farm:
        started = time.monotonic()
        Session, result = crawl(farm, farm.render_registry(ROOT / "fixtures" / "units.yaml"), Path(tmp))
        wall = time.monotonic() - started
        with Session() as s:
            scores = score(s, farm.urls)
        print(f"{'family':<14}{'present':>8}{'found':>8}{'date ok':>9}{'title ok':>9}{'extra':>7}")
        for family, sc in scores.items():
            print(f"{family:<14}{sc.present:>8}{sc.found:>8}{sc.dated_right:>9}{sc.titled_right:>9}{sc.extra:>7}")
        total = sum(sc.present for sc in scores.values())
        print(f"{'all':<14}{total:>8}{sum(sc.found for sc in scores.values()):>8}"
              f"{sum(sc.dated_right for sc in scores.values()):>9}")
        static_n, static_rate = speed(Session, rendered=False)
        mixed_rendered = speed(Session, rendered=True)[0]
        print(f"farm crawl: {result.pages} pages ({mixed_rendered} rendered) in {wall:.1f} s wall incl. start-up")

    print(f"\n== 2. 长时间 Playwright 抓取：{args.rendered_pages} 个 JavaScript 列表页")
    per_column = max(args.rendered_pages // 4, 1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "portals"
        cols = tuple((f"c{i}", f"工作动态{i}", "news", per_column * 10, 10, 1) for i in range(4))
        families.build_js_site(root, random.Random(7), date(2024, 9, 30), name="bench-js", columns=cols)
        registry = "jurisdiction: 基准\nscheme: yunhe-2022\nlevel: county\nunits:\n  - id: bench-js\n" \
                   "    name: 基准单位\n    kind: department\n    portal: $bench_js/js/list.js\n" \
                   "    internal: true\n    columns:\n" + "".join(
                       f"      - {{name: 栏目{i}, url: $bench_js/col/c{i}/index.html}}\n" for i in range(4))
        with FixtureFarm(root) as farm:
            sampler = MemorySampler()
            sampler.start()
            Session, result = crawl(farm, farm.render_registry_text(registry), Path(tmp))
            sampler.stop.set()
            sampler.join()
        rendered_n, rendered_rate = speed(Session, rendered=True)
        with Session() as s:
            times = sorted(s.scalars(select(Snapshot.fetched_at).where(Snapshot.error_kind.is_(None))))
        overall = len(times) / max((times[-1] - times[0]).total_seconds(), 1e-6)
    print(f"rendered list pages: {rendered_n}, plus {result.pages - rendered_n} static pages; "
          f"{overall:.1f} pages/s over the run (4 columns: each next page is known only once rendered)")
    print(f"peak memory of the crawl process tree: PSS {sampler.peak_pss / 1024:.0f} MB, "
          f"RSS {sampler.peak_rss / 1024:.0f} MB (summed over up to {sampler.peak_procs} processes)")

    print("\n== 3. 速度（two different crawls: the static rate is part 1's farm, the rendered rate part 2's")
    print("   JavaScript-only site; their quotient is not a measured ratio, only an order of magnitude)")
    print(f"static pages (part 1):   {static_n} at {static_rate:.1f} pages/s")
    print(f"rendered pages (part 2): {rendered_n} at {rendered_rate:.2f} pages/s")


if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(__doc__)
        sys.exit(0)
    main()
