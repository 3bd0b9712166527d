"""interpretation.copied on long documents: CPU time and peak memory of the verbatim-span measure
(suffix automaton) against the shingle containment it replaced, and a quadratic baseline for scale.

    .venv/bin/python -m benchmarks.copy_check [DOCUMENT_CHARS]

The document is a plan of DOCUMENT_CHARS characters (default 40,000) built from the fixture portals'
policy text; the 解读 repeats two thirds of a 3,000-character passage and adds its own words. Times are
CPU seconds (the machine is shared: wall time measures the neighbours as much as the code).
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from difflib import SequenceMatcher

from checks.similarity import containment, plain, shingles
from checks.verbatim import copied_share

CLAUSE = ("第{n}条 为规范{t}管理，保障群众合法权益，根据有关法律法规，结合本县实际，由县人民政府负责组织实施，"
          "有关部门按照职责分工做好{t}相关工作，并向社会公布办理结果。")
TOPICS = ["宅基地审批", "公共资源交易", "粮食安全", "节能审查", "养老服务", "医疗救助", "安全生产", "生态环境保护"]


def texts(chars: int) -> tuple[str, str]:
    rnd = random.Random(7)
    doc, n, letters = [], 1, 0
    while letters < chars:
        doc.append(CLAUSE.format(n=n, t=rnd.choice(TOPICS)))
        letters += len(plain(doc[-1]))
        n += 1
    document = plain("".join(doc))[:chars]
    own = plain("近年来群众反映办事环节多、时限长，县里调研后形成这份政策，下面从背景、亮点和适用范围三个方面作简要说明。" * 12)
    start = len(document) // 3
    return document, document[start:start + 2000] + own[:1000]


def measure(label: str, fn) -> None:
    tracemalloc.start()
    started = time.process_time()
    result = fn()
    seconds = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"{label:<34} {seconds:8.3f} s CPU  {peak:7.1f} MB peak  share {result:.3f}")


def main(chars: int) -> None:
    document, interpretation = texts(chars)
    print(f"document {len(document)} chars, interpretation {len(interpretation)} chars")
    measure("verbatim spans >= 12 (automaton)", lambda: copied_share(interpretation, document, 12).share)
    measure("5-char shingle containment (old)", lambda: containment(shingles(interpretation), shingles(document)))
    short = document[:8000]
    measure("difflib on 8,000 chars (quadratic)",
            lambda: sum(b.size for b in SequenceMatcher(None, interpretation, short, autojunk=False)
                        .get_matching_blocks()) / len(interpretation))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("chars", type=int, nargs="?", default=40_000, help="length of the document in characters")
    main(parser.parse_args().chars)
