"""Replies to a deputy's 建议 that call it a 提案, and the other way round (part of `text.typo`, class 语境误用).

人大代表 submit 建议 (and 议案); 政协委员 submit 提案. A department's reply letter (答复函) names the one it answers:
"张三代表：您提出的《关于……的建议》收悉". Published replies mix them up (blind77–81, seven county and city sites:
"针对您的提案我们高度重视" and "现将提案办理情况答复如下" in letters to a 代表, "尊敬的陈宝艳代表" over the reply to a
提案, "董红英、刘新英委员：" over the reply to a 建议). The page as a whole decides, never one sentence:

* a letter to a deputy: a line begins with the salutation (尊敬的张三代表： / 张三、李四代表：);
* the 提案 of the reader: 您（们）的提案, 您（们）提出的……提案, 提案办理情况, 提案已收悉 …;
* a reply on a deputy's 建议: 第12号建议 or 代表建议 beside 人大; on a member's 提案: the reader's 提案 beside 政协.

Reported: the reader's 提案 in a letter to a deputy on a page that names neither 委员 nor 政协 (→ 建议); the salutation
代表 on a reply to a 提案 of the 政协 that names no 人大 (→ 委员); the salutation 委员 on a reply to a 建议 of the 人大
that names neither 政协 nor 提案 (→ 代表). A report on both (办理人大代表建议和政协委员提案) names both bodies and is
left alone; the body of a letter to a 委员 may call the 提案 a 建议 (its title often ends so), which is not reported.
"""

from __future__ import annotations

import re

from checks.text import to_simplified

_SALUTATION = re.compile(r"^[ \t\u3000]*(?:尊敬的)?[\u4e00-\u9fff·、]{2,24}?(?P<who>代表|委员)们?[：:]", re.M)
_READERS_PROPOSAL = re.compile(r"(?:您|你)们?(?:[^。！？\n]{0,30}?(?:提出|所提|提交))?的[^。！？\n]{0,60}?(?P<a>提案)"
                               r"|(?P<b>提案)[》”]?(?=办理情况|办理结果|已收悉|收悉|答复如下)")
_DEPUTY_SUGGESTION = re.compile(r"第[0-9０-９一二三四五六七八九十百〇零]+号建议|代表建议")

WHY_PROPOSAL = "人大代表提出的是“建议”，政协委员提出的才是“提案”：这封答复函写给代表，正文却称“提案”"
WHY_TO_MEMBER = "答复的是政协委员的“提案”，称呼却是“代表”（人大代表提建议，政协委员提提案）"
WHY_TO_DEPUTY = "答复的是人大代表的“建议”，称呼却是“委员”（人大代表提建议，政协委员提提案）"


def mixed_up_proposals(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, right, why) in `text` for each 建议/提案 or 代表/委员 that contradicts the letter it stands in."""
    if "代表" not in text and "委员" not in text and "委員" not in text:  # 委員: a page in traditional script
        return []
    simplified = to_simplified(text)
    salutations = list(_SALUTATION.finditer(simplified))
    if not salutations:
        return []
    found: list[tuple[int, int, str, str]] = []
    to_deputy = [m for m in salutations if m.group("who") == "代表"]
    to_member = [m for m in salutations if m.group("who") == "委员"]
    if to_deputy and not to_member:
        proposals = [m.span("a") if m.group("a") else m.span("b") for m in _READERS_PROPOSAL.finditer(simplified)]
        if proposals and "委员" not in simplified and "政协" not in simplified:
            found += [(a, b, "建议", WHY_PROPOSAL) for a, b in proposals]
        elif proposals and "政协" in simplified and "人大" not in simplified:
            found += [(m.start("who"), m.end("who"), "委员", WHY_TO_MEMBER) for m in to_deputy]
    if to_member and not to_deputy and "人大" in simplified and "政协" not in simplified \
            and "提案" not in simplified and _DEPUTY_SUGGESTION.search(simplified):
        found += [(m.start("who"), m.end("who"), "代表", WHY_TO_DEPUTY) for m in to_member]
    return found
