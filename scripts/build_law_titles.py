"""Rebuild checks/lexicons/law_titles.txt, the titles of real laws and regulations (see checks/lexicons/SOURCES.md).

    git clone https://github.com/LawRefBook/Laws /tmp/Laws && git -C /tmp/Laws checkout 2f4c5c2
    .venv/bin/python scripts/build_law_titles.py /tmp/Laws

Writes one title a line with its level, "title<TAB>level":

* the heading (the first "# " line) of every law, administrative regulation, departmental rule, judicial
  interpretation and constitutional text of the corpus: levels 法律, 行政法规, 部门规章, 司法解释, 宪法 (the
  titles checks/names.py corrects towards);
* the headings of the local regulations of Shanghai, Beijing, Shandong and Henan: level 地方法规;
* every title cited in 《》 two or more times in those texts: level 引用 (known to be real, never a
  suggestion). The local regulations of Zhejiang, Guangdong and Chongqing and the texts of 行政法规/ and
  部门规章/ are not read for citations: benchmarks/text_real.py counts false alarms on them.

Titles are stored without an edition note: "（2018年修正）" is cut off.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.names import LAW_TITLES, normal_title

_HELD_OUT_TEXT = ("行政法规", "部门规章", "浙江地方法规", "广东地方法规", "重庆地方法规")
_HELD_OUT_LOCAL = ("浙江地方法规", "广东地方法规", "重庆地方法规")
_LAW_DIRS = ("宪法相关法", "民法典", "民法商法", "行政法", "经济法", "社会法", "刑法", "诉讼与非诉讼程序法")
_CITED = re.compile(r"《([^《》\n]{4,60})》")
_MIN_CITED = 2


def level_of(parts: tuple[str, ...]) -> str | None:
    top = parts[0]
    if top in _LAW_DIRS:
        return "法律"
    if top in ("行政法规", "部门规章", "司法解释", "宪法"):
        return top
    if top == "DLC" and not set(_HELD_OUT_LOCAL) & set(parts):
        return "地方法规"
    return None


def main(root: Path) -> None:
    titles: dict[str, str] = {}
    cited: Counter[str] = Counter()
    for f in sorted(root.rglob("*.md")):
        rel = f.relative_to(root).parts
        if f.name.startswith("_") or len(rel) < 2:
            continue
        text = f.read_text("utf-8", errors="replace")
        level = level_of(rel)
        if level:
            heading = next((line[2:].strip() for line in text.splitlines()[:15] if line.startswith("# ")), "")
            title = normal_title(heading)
            if title and "<" not in title:
                titles.setdefault(title, level)
        if not set(_HELD_OUT_TEXT) & set(rel) and rel[0] != "案例":
            cited.update(normal_title(t) for t in set(_CITED.findall(text)))
    for title, n in cited.items():
        if n >= _MIN_CITED and title:
            titles.setdefault(title, "引用")
    lines = [f"{t}\t{level}" for t, level in sorted(titles.items())]
    header = ("# 法律、行政法规、部门规章、司法解释与地方法规的标题（标题<TAB>层级）；由 scripts/build_law_titles.py 从\n"
              "# github LawRefBook/Laws @2f4c5c2 生成，见 SOURCES.md。层级“引用”：正文《》中引用两次以上的标题。\n")
    LAW_TITLES.write_text(header + "\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines)} titles: " + ", ".join(f"{k} {v}" for k, v in Counter(titles.values()).most_common()))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
