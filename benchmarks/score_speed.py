"""How scoring and the xlsx export scale: a city-sized sheet (hundreds of units, tens of thousands of
confirmed events) and twice that. Prints seconds and the ratio of the doubled run to the base run
(≈2 means linear). Pure computation and a file in a temporary folder; no database, no network.
CPU seconds, the median of `--repeats` runs of each size: one 60–120 ms wall-clock run on a shared
machine gave ratios anywhere from 1.4 to 5.3.

    .venv/bin/python benchmarks/score_speed.py [units] [events] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from assessment.export import write_xlsx
from assessment.schemes import load_scheme
from assessment.scoring import EventIn, Quarter, UnitIn, compute_sheet

CHECKS = ["column.stale", "column.blank", "link.broken", "text.typo", "newmedia.stale", "annual_report.format"]


def build(n_units: int, n_events: int) -> tuple[list[UnitIn], list[EventIn], list[dict]]:
    scheme = load_scheme("yunhe-2022")
    units = [UnitIn(f"u{i}", f"单位{i}", "department", i % 7 != 0) for i in range(n_units)]
    events, details = [], []
    for i in range(n_events):
        check = CHECKS[i % len(CHECKS)]
        rule = scheme.deductions[check]
        unit = units[(i * 7919) % n_units].slug
        events.append(EventIn(i + 1, unit, f"2024Q{1 + i % 4}", check, rule.category, Decimal(1), f"column:{i % 900}",
                              f"栏目{i % 900}", rule.clause, date(2024, 7, 1), None, {"snapshots": [i]}))
        details.append({"event_id": i + 1, "unit": unit, "unit_name": unit, "check": check, "category": rule.category,
                        "clause": rule.clause, "points": Decimal(1), "subject": f"=栏目{i}", "detail": "超过6个月未更新",
                        "url": f"http://127.0.0.1/{i}", "observed_at": datetime(2024, 9, 1, tzinfo=UTC),
                        "evidence": str(i), "finding_id": i, "decided_by": "张三",
                        "decided_at": datetime(2024, 9, 2, tzinfo=UTC)})
    return units, events, details


def run(n_units: int, n_events: int, folder: Path) -> tuple[float, float]:
    scheme = load_scheme("yunhe-2022")
    units, events, details = build(n_units, n_events)
    q4 = [e for e in events if e.period == "2024Q4"]
    start = time.process_time()
    sheet = compute_sheet(scheme, Quarter(2024, 4), units, q4, year_events=events)
    scored = time.process_time() - start
    start = time.process_time()
    write_xlsx(folder / f"{n_events}.xlsx", sheet, [d for d in details if d["event_id"] % 4 == 0])
    return scored, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("units", type=int, nargs="?", default=300)
    parser.add_argument("events", type=int, nargs="?", default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    n_units, n_events = args.units, args.events
    with tempfile.TemporaryDirectory() as tmp:
        runs = [(run(n_units, n_events, Path(tmp)), run(n_units * 2, n_events * 2, Path(tmp)))
                for _ in range(args.repeats)]
    base = [statistics.median(r[0][i] for r in runs) for i in (0, 1)]
    double = [statistics.median(r[1][i] for r in runs) for i in (0, 1)]
    print(f"CPU seconds, median of {args.repeats}:")
    print(f"score  {n_units} units / {n_events} events: {base[0]:.3f} s; doubled: {double[0]:.3f} s; "
          f"ratio {double[0] / base[0]:.2f} (linear: 2)")
    print(f"export {n_events // 4} detail rows: {base[1]:.3f} s; doubled: {double[1]:.3f} s; "
          f"ratio {double[1] / base[1]:.2f} (linear: 2)")


if __name__ == "__main__":
    main()
