"""How scoring and the xlsx export scale: a city-sized sheet (hundreds of units, tens of thousands of
confirmed events) and twice that. Prints seconds and the ratio of the doubled run to the base run
(≈2 means linear). Pure computation and a file in a temporary folder; no database, no network.

    .venv/bin/python benchmarks/score_speed.py [units] [events]
"""

from __future__ import annotations

import sys
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
    start = time.perf_counter()
    sheet = compute_sheet(scheme, Quarter(2024, 4), units, q4, year_events=events)
    scored = time.perf_counter() - start
    start = time.perf_counter()
    write_xlsx(folder / f"{n_events}.xlsx", sheet, [d for d in details if d["event_id"] % 4 == 0])
    return scored, time.perf_counter() - start


def main() -> None:
    n_units = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    n_events = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        base = run(n_units, n_events, Path(tmp))
        double = run(n_units * 2, n_events * 2, Path(tmp))
    print(f"score  {n_units} units / {n_events} events: {base[0]:.2f} s; doubled: {double[0]:.2f} s; "
          f"ratio {double[0] / base[0]:.2f}")
    print(f"export {n_events // 4} detail rows: {base[1]:.2f} s; doubled: {double[1]:.2f} s; "
          f"ratio {double[1] / base[1]:.2f}")


if __name__ == "__main__":
    main()
