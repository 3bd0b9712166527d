"""Build checks/lexicons/classic_lines.txt: lines of well-known classical poems and texts, for quotations
written with a character wrong (山倒竦峙, 又岂在朝朝幕幕, 人生得意须欢尽 on park steles and signs).

    git clone https://github.com/chinese-poetry/chinese-poetry /tmp/chinese-poetry   # MIT, @99ebbef
    .venv/bin/python scripts/build_classic_lines.py /tmp/chinese-poetry

Sources (see checks/lexicons/SOURCES.md): the anthologies people quote (唐诗三百首, 宋词三百首, 千家诗, 诗经,
楚辞, 论语, 大学, 中庸, 孟子, 古文观止, 增广贤文, 朱子家训, 曹操诗集, 纳兰性德诗集) and the most searched poems of
全唐诗, 全宋诗 and 全宋词 (the project's rank/ data: search-engine result counts per poem). Each text is cut at
its punctuation (not at a 、, a pause inside a line of ci); clauses of 5 to 12 Chinese characters are kept, in
simplified characters.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.text import to_simplified

OUT = Path(__file__).resolve().parent.parent / "checks" / "lexicons" / "classic_lines.txt"
ANTHOLOGIES = ("全唐诗/唐诗三百首.json", "蒙学/tangshisanbaishou.json", "宋词/宋词三百首.json", "蒙学/qianjiashi.json",
               "诗经/shijing.json", "楚辞/chuci.json", "论语/lunyu.json", "四书五经/daxue.json",
               "四书五经/zhongyong.json", "四书五经/mengzi.json", "蒙学/guwenguanzhi.json", "蒙学/zengguangxianwen.json",
               "蒙学/zhuzijiaxun.json", "曹操诗集/caocao.json", "纳兰性德/纳兰性德诗集.json")
# (poems, their search counts, how many of the most searched to keep)
RANKED = (("全唐诗/poet.tang.{}.json", "rank/poet/poet.tang.rank.{}.json", 3000),
          ("全唐诗/poet.song.{}.json", "rank/poet/poet.song.rank.{}.json", 3000),
          ("宋词/ci.song.{}.json", "rank/ci/ci.song.rank.{}.json", 2000))
TEXT_KEYS = {"paragraphs", "content", "para"}  # what holds the text; titles, authors and notes are left out
_CLAUSE = re.compile("[\u4e00-\u9fff]+")
# four characters are left out: an idiom's length; the verse lines of four, tried as idioms, cost a false alarm
# (《棠棣之花》) and 467 k typo patterns for two rows (docs/benchmarks.md)
LENGTHS = (5, 12)


def texts(node: object, inside: bool = False):
    """Every string under a text key of a JSON document."""
    if isinstance(node, str):
        if inside:
            yield node
    elif isinstance(node, list):
        for item in node:
            yield from texts(item, inside)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_KEYS:
                yield from texts(value, True)
            elif isinstance(value, (list, dict)):
                yield from texts(value, False)


def clauses(text: str) -> list[str]:
    """The clauses of `text`; a 、 marks a pause inside a line of ci (又岂在、朝朝暮暮), not its end."""
    return [c for c in _CLAUSE.findall(to_simplified(text).replace("、", "")) if LENGTHS[0] <= len(c) <= LENGTHS[1]]


def ranked(root: Path, poems: str, ranks: str, keep: int) -> list[object]:
    """The `keep` poems with the most Baidu results."""
    scored = []
    n = 0
    while (root / poems.format(n)).is_file() and (root / ranks.format(n)).is_file():
        docs = json.loads((root / poems.format(n)).read_text("utf-8"))
        counts = json.loads((root / ranks.format(n)).read_text("utf-8"))
        scored += [(int(c.get("baidu") or 0), i + n, d) for i, (d, c) in enumerate(zip(docs, counts, strict=False))]
        n += 1000
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [doc for _, _, doc in scored[:keep]]


def main() -> None:
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        raise SystemExit(0 if len(sys.argv) == 2 else 2)
    root = Path(sys.argv[1])
    lines: set[str] = set()
    for name in ANTHOLOGIES:
        for text in texts(json.loads((root / name).read_text("utf-8"))):
            lines.update(clauses(text))
    for poems, ranks, keep in RANKED:
        for doc in ranked(root, poems, ranks, keep):
            for text in texts(doc):
                lines.update(clauses(text))
    header = ["# 生成文件，勿手改：scripts/build_classic_lines.py 从 chinese-poetry（MIT，@99ebbef）生成，来源见 SOURCES.md。",
              f"# 常被引用的古诗文名句：按标点切分后 {LENGTHS[0]}–{LENGTHS[1]} 个汉字的分句，简体；共 {len(lines)} 句。"]
    OUT.write_text("\n".join(header + sorted(lines)) + "\n", "utf-8")
    print(f"{len(lines)} lines -> {OUT}")


if __name__ == "__main__":
    main()
