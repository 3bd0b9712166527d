"""Canonical formulations damaged at their first character or by a character added inside (checks/typos.py
`_holes`), reported by `text.typo` as 固定表述错误.

The errors were published on government sites: 习近平近新时代中国特色社会主义思想 in the 崇阳县 notice of
its 2024 first-quarter site inspection (http://www.chongyang.gov.cn/…/t20240415_3545419.shtml), 杜会主义 in the
press's list of government-site errors (http://www.xinsuncity.com/CYSH/255791.html); both rows are in
benchmarks/data/reported_typos.tsv (blind6). They are planted into real sentences of regulations
(LawRefBook/Laws @2f4c5c2). The correct sentences are real sentences the first version of this rule flagged.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.typos import CLASS_FORMULATION, find_typo_hits

ON = date(2024, 9, 30)

PLANTED = [
    ("本条例所称文明行为，是指以杜会主义核心价值观为引领，恪守社会主义道德，", "杜会主义核心价值观", "社会主义核心价值观"),
    ("坚持以习近平近新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。",
     "习近平近新时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想"),
]
CORRECT = [
    # the last character of an organ's name is where the province's own organ differs (厅, 局): never judged
    "办理地点：广州市教育路88号广东省人力资源和社会保障厅信访办公室",
    "广东省退役军人事务厅、广东省文化和旅游厅、广东省工业和信息化厅",
    "落实全面依法治省。做好民营经济、科技创新等领域政府立法工作。",
    # an added character that doubles its neighbour: the next word begins so
    "是指一切离开、进入或者通过中华人民共和国国(边)境的船舶、航空器、火车和机动车辆。",
    "报所在地区的中国人民解放军军级航空单位或者军区空军批准。",
    # a first character replaced where correct text pairs the two characters (美国|共产党)
    "美国共产党代表团访问了上海。",
    # a character added inside a leader's name with his title makes another leader's name
    "时任国务院总理李克强曾来我县调研。",
    "坚持和发展中国特色的社会主义。",
    # other wordings listed as correct in typos.yaml: the first is a real government page
    # (benchmarks/data/sensitive_real.jsonl s37), reported before. A general rule (every run of three characters
    # across the change occurs in regulations) was tried and dropped: it also let 中国人民共和国 through
    "还支持社会公众在线依申请公开，涉企政策信息公开等查询工作。",
    "加强政务信息公开平台建设。",
    # both written in regulations (the clean text of benchmarks/text_real, where they fired before)
    "城镇开发边界外，兼具城市和农村发展功能的城乡接合地区，为优化城乡功能空间布局。",
    "对已经办理登机手续而未登机的旅客的行李，不得装入或者留在航空器内。",
]


@pytest.mark.parametrize(("text", "wrong", "right"), PLANTED)
def test_damaged_formulation_is_found(text: str, wrong: str, right: str) -> None:
    hits = [h for h in find_typo_hits(text, ON) if h["matched"] == wrong]
    assert hits, text
    assert (hits[0]["suggestion"], hits[0]["class"]) == (right, CLASS_FORMULATION)


@pytest.mark.parametrize("text", CORRECT)
def test_correct_text_stays_quiet(text: str) -> None:
    assert [h for h in find_typo_hits(text, ON) if h["class"] == CLASS_FORMULATION] == []


def test_a_canonical_slogan_damaged_where_it_is_written_with_its_enumeration_comma() -> None:
    from datetime import date

    from checks.typos import find_typo_hits

    on = date(2024, 9, 30)
    # as published (reported_typos.tsv, blind8): media wrote 初心 as 实心 and a city's party paper 牢记 as 忘记
    [hit] = find_typo_hits("全体获奖者学习，不忘实心、牢记使命，继续", on)
    assert (hit["matched"], hit["suggestion"]) == ("不忘实心、牢记使命", "不忘初心、牢记使命")
    [hit] = find_typo_hits("开展不忘初心、忘记使命主题教育", on)
    assert (hit["matched"], hit["suggestion"], hit["why"]) == ("不忘初心、忘记使命", "不忘初心、牢记使命", "“牢”误为“忘”")
    assert find_typo_hits("开展不忘初心、牢记使命主题教育", on) == []
    assert find_typo_hits("甲、乙、丙三方及中华人民共和国、香港特别行政区", on) == []
    # an enumeration of levels (in a Jiangxi regulation among the 23 MB of clean text), not a damaged name
    assert find_typo_hits("可以邀请相关领域的全国、省人民代表大会代表列席会议", on) == []


def test_one_error_is_one_finding() -> None:
    """A real page (benchmarks/data/sensitive_real.jsonl 23z06): the known wrong form 截止目前 and the context rule's
    截止 cover the same slip; two findings would be two deductions."""
    hits = find_typo_hits("等法律法规。截止目前，共发现网页被篡改并植入涉黄涉赌有害信息", ON)
    assert [(h["matched"], h["suggestion"]) for h in hits] == [("截止目前", "截至目前")]


def test_aspect_particles_and_real_wordings_are_no_damaged_formulation() -> None:
    """A Party-history essay (magic-html benchmark page, Apache-2.0) and Xi Jinping's brother's name."""
    from datetime import date

    from checks.typos import find_typo_hits

    on = date(2024, 6, 1)
    for text in ("我们实现了第一个百年奋斗目标，在中华大地上全面建成了小康社会，历史性地解决了绝对贫困问题",
                 "1921年，嘉兴南湖，一叶红船扬起了中国现代化百年征程的风帆",
                 "邓家贵（大姐夫） 齐安安（二姐） 习远平（弟弟） 张澜澜（弟媳）"):
        assert find_typo_hits(text, on) == [], text
    assert [h["suggestion"] for h in find_typo_hits("推进中国式现化建设", on)] == ["中国式现代化"]


def test_an_edge_character_beside_a_word_of_three_is_the_next_word() -> None:
    """上海市政府信息公开工作年度报告 2019 (benchmarks/data/real_reports/shanghai_bgt_2019.html): 市政府|共受理 is no
    slip of the corpus phrase 市政府办; 领导小姐 (领导小 is no word) still is one of 领导小组."""
    from datetime import date

    from checks.typos import find_typo_hits

    on = date(2024, 6, 1)
    assert find_typo_hits("市政府办公厅代表市政府共受理政府信息公开申请859件", on) == []
    assert [h["suggestion"] for h in find_typo_hits("成立领导小姐，由县长任组长", on)] == ["领导小组"]
    # 行政法规 (LawRefBook): a misprint of 专利权人 whose first three characters are a word too
    assert [h["suggestion"] for h in find_typo_hits("第十九条 专利权入或者专利实施被许可人在其产品", on)] == ["专利权人"]
