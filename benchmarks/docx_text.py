"""DOCX attachment text: the lxml reader (crawler.extract.docx_text) against python-docx, same output.

    .venv/bin/python benchmarks/docx_text.py [--county UNITS COLUMNS ITEMS] [--repeats 3] [DIR ...]

Times both on the county farm's DOCX attachments (the farm crawl_speed.py --county crawls; python-docx
template documents) and on every *.docx under the DIRs given (e.g. public test documents), and counts the
files whose text (or python-docx's error) differs: it must be 0. CPU seconds, median of repeats.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._bench import line, median
from crawler.extract.attachments import _docx, _docx_python_docx
from crawler.extract.docx_text import Unsure, docx_text
from fixtures.county import build_county


def outcome(extract, body: bytes):
    try:
        return extract(body, 200_000)
    except Exception as exc:  # what extract_text would report; the stream's address left out
        return type(exc).__name__, re.sub(r"0x[0-9a-f]+", "0x", str(exc))


def fast_path(body: bytes) -> bool:
    try:
        docx_text(body)
        return True
    except Unsure:
        return False


def cpu(fn, bodies: list[bytes], repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        started = time.process_time()
        for body in bodies:
            outcome(fn, body)
        runs.append(time.process_time() - started)
    return median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--county", nargs=3, type=int, default=[10, 10, 30], metavar=("UNITS", "COLUMNS", "ITEMS"))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build_county(Path(tmp), *args.county)
        sets = {"县级农场": [p.read_bytes() for p in sorted(Path(tmp).rglob("*.docx"))]}
    for d in args.dirs:
        sets[str(d)] = [p.read_bytes() for p in sorted(d.rglob("*.docx"))]
    for name, bodies in sets.items():
        different = sum(outcome(_docx, b) != outcome(_docx_python_docx, b) for b in bodies)
        fallback = sum(not fast_path(b) for b in bodies)
        new, old = cpu(_docx, bodies, args.repeats), cpu(_docx_python_docx, bodies, args.repeats)
        print(f"{name}: {len(bodies)} 个 docx，输出不同 {different} 个，交给 python-docx 的 {fallback} 个")
        print(line("CPU s for all of them (lxml reader vs python-docx)", new, old, "s", old / max(new, 1e-9),
                   "same output"))


if __name__ == "__main__":
    main()
