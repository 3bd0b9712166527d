"""Throughput of the text checks in MB/s of Chinese text (UTF-8 bytes).

    .venv/bin/python -m benchmarks.text_checks [MEGABYTES]

The corpus is the main content of every fixture page (all portals), shuffled by paragraph and repeated
to the requested size (default 4 MB), with the typos, sensitive words and personal data of the labeled
site in it at their natural density. Lexicons are compiled before timing (they are built once per
process). Prints MB/s per check, for all three together, and for page parsing (decode + main content),
per second of CPU time: the machine is shared, and wall time measures the neighbours as much as the code.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date

from checks.lexicon import sensitive_matcher, tokenizer
from checks.privacy import find_personal_data
from checks.sensitive import find_sensitive
from checks.text import decode_html, page_text, to_simplified
from checks.typos import find_typos, typo_matcher
from fixtures.farm import PORTALS

ON = date(2024, 9, 30)


def corpus(megabytes: float, clean: bool = False) -> tuple[list[str], list[bytes]]:
    """Page-sized texts (~2,000 characters) built from fixture paragraphs, to `megabytes` in all.

    Paragraphs of traditional-script pages stay among themselves, as on a real site: a page is either
    traditional or simplified. `clean`: only paragraphs where no check finds anything.
    """
    pages = [p.read_bytes() for p in sorted(PORTALS.rglob("*.htm*"))]
    paragraphs = [line for raw in pages for line in page_text(decode_html(raw)).main.splitlines() if len(line) > 8]
    if clean:
        paragraphs = [p for p in paragraphs
                      if not (find_typos(p, ON) or find_sensitive(p) or find_personal_data(p))]
    scripts = [[p for p in paragraphs if to_simplified(p) == p], [p for p in paragraphs if to_simplified(p) != p]]
    rnd = random.Random(5)
    texts, size = [], 0
    while size < megabytes * 1_000_000:
        pool = scripts[1] if scripts[1] and rnd.random() < 0.05 else scripts[0]  # 1 page in 20 traditional
        text = ""
        while len(text) < 2000:
            text += rnd.choice(pool) + "\n"
        texts.append(text)
        size += len(text.encode())
    return texts, pages


def rate(name: str, fn, pieces: list[str]) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    for piece in pieces:
        fn(piece)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    mb = sum(len(p.encode()) for p in pieces) / 1_000_000
    print(f"{name:34} {mb:5.2f} MB: {mb / cpu:7.2f} MB/s of CPU time ({mb / seconds:7.2f} MB/s wall)")
    return cpu


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    build = time.perf_counter()
    matcher, patterns = typo_matcher(())
    sensitive_matcher()
    tokenizer()
    print(f"lexicons compiled in {time.perf_counter() - build:.1f} s "
          f"({len(patterns)} typo patterns incl. near-misses, {len(sensitive_matcher().words)} sensitive words)")
    for label, clean in (("fixture text, every labeled case in it", False), ("clean text (no hits)", True)):
        text, pages = corpus(megabytes, clean)
        print(f"-- {label}")
        total = 0.0
        total += rate("text.typo (find_typos)", lambda t: find_typos(t, ON), text)
        total += rate("text.sensitive (find_sensitive)", find_sensitive, text)
        total += rate("text.privacy (find_personal_data)", find_personal_data, text)
        mb = sum(len(p.encode()) for p in text) / 1_000_000
        print(f"{'all three text checks':34} {mb:5.2f} MB: {mb / total:7.2f} MB/s of CPU time")
        raw = rate("raw Aho-Corasick scan (typo set)", matcher.find, text)
        print(f"{'ratio all three / raw scan':34} {total / raw:5.1f} x")
    html = b"".join(pages)
    cpu = time.process_time()
    for raw in pages:
        page_text(decode_html(raw))
    cpu = time.process_time() - cpu
    print(f"{'page parsing (decode + main)':34} {len(html) / 1e6:5.2f} MB: {len(html) / 1e6 / cpu:7.2f} MB/s of HTML, "
          f"CPU time ({len(pages)} pages)")


if __name__ == "__main__":
    main()
