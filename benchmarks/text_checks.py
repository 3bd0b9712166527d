"""Throughput of the text checks in MB/s of Chinese text (UTF-8 bytes).

    .venv/bin/python -m benchmarks.text_checks [MEGABYTES]

The corpus is the main content of every fixture page (all portals), shuffled by paragraph and repeated
to the requested size (default 4 MB), with the typos, sensitive words and personal data of the labeled
site in it at their natural density. Lexicons are compiled before timing (they are built once per
process). Prints MB/s per check, for all three together, and for page parsing (decode + main content).
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date

from checks.lexicon import sensitive_matcher, tokenizer
from checks.privacy import find_personal_data
from checks.sensitive import find_sensitive
from checks.text import decode_html, page_text
from checks.typos import find_typos, typo_matcher
from fixtures.farm import PORTALS

ON = date(2024, 9, 30)


def corpus(megabytes: float) -> tuple[str, list[bytes]]:
    pages = [p.read_bytes() for p in sorted(PORTALS.rglob("*.htm*"))]
    paragraphs = [line for raw in pages for line in page_text(decode_html(raw)).main.splitlines() if len(line) > 8]
    rnd = random.Random(5)
    text, size = [], 0
    while size < megabytes * 1_000_000:
        paragraph = rnd.choice(paragraphs)
        text.append(paragraph)
        size += len(paragraph.encode()) + 1
    return "\n".join(text), pages


def rate(name: str, fn, text: str, chunk: int = 2000) -> float:  # noqa: ANN001
    pieces = [text[i:i + chunk] for i in range(0, len(text), chunk)]  # page-sized calls, as the checks make
    start = time.perf_counter()
    for piece in pieces:
        fn(piece)
    seconds = time.perf_counter() - start
    mb = len(text.encode()) / 1_000_000
    print(f"{name:32} {mb:6.2f} MB in {seconds:6.2f} s = {mb / seconds:7.2f} MB/s")
    return seconds


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    text, pages = corpus(megabytes)
    build = time.perf_counter()
    matcher, patterns = typo_matcher(())
    sensitive_matcher()
    tokenizer()
    print(f"lexicons compiled in {time.perf_counter() - build:.1f} s "
          f"({len(patterns)} typo patterns incl. near-misses, {len(sensitive_matcher().words)} sensitive words)")
    total = 0.0
    total += rate("text.typo (find_typos)", lambda t: find_typos(t, ON), text)
    total += rate("text.sensitive (find_sensitive)", find_sensitive, text)
    total += rate("text.privacy (find_personal_data)", find_personal_data, text)
    mb = len(text.encode()) / 1_000_000
    print(f"{'all three text checks':32} {mb:6.2f} MB in {total:6.2f} s = {mb / total:7.2f} MB/s")
    rate("raw Aho-Corasick scan (typo set)", matcher.find, text)
    html = b"".join(pages)
    start = time.perf_counter()
    for raw in pages:
        page_text(decode_html(raw))
    seconds = time.perf_counter() - start
    print(f"{'page parsing (decode + main)':32} {len(html) / 1e6:6.2f} MB in {seconds:6.2f} s = "
          f"{len(html) / 1e6 / seconds:7.2f} MB/s of HTML ({len(pages)} pages)")


if __name__ == "__main__":
    main()
