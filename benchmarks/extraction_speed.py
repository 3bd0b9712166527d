"""Main-content extraction speed: zwgk's `checks.text.page_text` (main content, chrome, links, tables)
against the bare parsers on the same pages, in MB of HTML per CPU second; median of repeats.

    .venv/bin/python benchmarks/extraction_speed.py [--repeats 3] [--pages N]

The pages are every HTML file of the fixture farm (fixtures/portals), decoded once before timing (zwgk's
decode_html is timed apart). Bare engines: lxml.html.document_fromstring (libxml2's HTML parser, which
page_text uses through lxml.etree) and selectolax's Lexbor parser. Target: page_text ≥ 0.3 of lxml's parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lxml.html

from benchmarks._bench import line, median
from checks.text import decode_html, page_text
from fixtures.farm import PORTALS


def cpu_rate(fn, items: list, size_mb: float, repeats: int) -> float:
    rates = []
    for _ in range(repeats):
        t = time.process_time()
        for item in items:
            fn(item)
        rates.append(size_mb / max(time.process_time() - t, 1e-9))
    return median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pages", type=int, default=0, help="use only the first N pages (0: all)")
    args = parser.parse_args()
    raws = [p.read_bytes() for p in sorted(PORTALS.rglob("*.htm*"))]
    if args.pages:
        raws = raws[:args.pages]
    texts = [decode_html(r) for r in raws]
    mb = sum(len(r) for r in raws) / 1e6
    print(f"{len(raws)} pages, {mb:.1f} MB of HTML; MB/s of CPU time, median of {args.repeats}")
    from selectolax.lexbor import LexborHTMLParser

    ours = cpu_rate(page_text, texts, mb, args.repeats)
    lx = cpu_rate(lxml.html.document_fromstring, texts, mb, args.repeats)
    sx = cpu_rate(LexborHTMLParser, texts, mb, args.repeats)
    dec = cpu_rate(decode_html, raws, mb, args.repeats)
    print(line("page_text vs lxml parse (MB/s)", ours, lx, "MB/s", ours / lx, "≥ 0.3"))
    print(line("page_text vs selectolax parse (MB/s)", ours, sx, "MB/s", ours / sx, "(informative)"))
    print(line("decode_html vs lxml parse (MB/s)", dec, lx, "MB/s", dec / lx, "(informative)"))


if __name__ == "__main__":
    main()
