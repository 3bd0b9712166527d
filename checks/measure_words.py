"""A count that lost its measure word (part of `text.typo`, class 常见错别字): 政务动态信息47，其中 for 47条.

Annual reports on government information (政府信息公开工作年度报告) count what was published and who did it. A number
glued to the noun it counts and followed by a comma, a 顿号, a full stop or the next item has lost its measure word
(blind405: 政务动态信息47，其中; blind411: 政务动态信息885信息公开目录, 设置兼职人员2，负责). Only nouns whose measure word
is fixed are judged (信息 条, 解读 条, 人员 名); 文件, 建议 and 附件 are left out, as documents number them (文件1、文件2).
None of this frame in 70 MB of correct text (text_real's 23 MB, the rest of LawRefBook/Laws, People's Daily 1998 and
2023–24, LEMON), where counts take their measure word or stand in a table's cell.
"""

from __future__ import annotations

import re

_MEASURE = {"信息": "条", "解读": "条", "人员": "名"}
_COUNT = re.compile(f"(?P<noun>{'|'.join(_MEASURE)})" + r"(?P<n>[0-9]+)(?![0-9.．%％])(?=[，,、。；;]|其中|信息|政策)")


def find_missing_measure_words(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, suggestion, why) of each number in `text` whose measure word is missing; the span is the number."""
    found = []
    for m in _COUNT.finditer(text):
        measure = _MEASURE[m.group("noun")]
        found.append((m.start("n"), m.end("n"), m.group("n") + measure,
                      f"漏写量词：“{m.group('noun')}{m.group('n')}”应为“{m.group('noun')}{m.group('n')}{measure}”"))
    return found
