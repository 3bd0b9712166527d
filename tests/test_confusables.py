"""Which characters count as typed for one another (checks/confusables.py, lexicons/shapes.txt).

A pinyin IME offers a character under its usual readings; under a rare one (单 read chán only in 单于, 见 xiàn in
classical phrases, 包 never fù in any phrase) it sits far down the list, so such a pair is no same-sounding slip.
The false alarms below fired on real correct text before: 单品 (the 2026 provincial government work reports in
benchmarks/text_real's clean text), 初显成效 (a 云南省人民政府 page, benchmarks/real_pages), 包盖 (a GMP rule).
"""

from datetime import date

from checks.confusables import homophones, readings
from checks.lexicon import typo_lexicon
from checks.typos import find_typo_hits

ON = date(2024, 9, 30)


def test_rare_readings_make_no_homophones() -> None:
    sounds = homophones()
    assert "单" not in sounds["产"] and "显" not in sounds["见"] and "包" not in sounds["覆"]
    assert readings()["单"] == {"dan"} and readings(rare=True)["单"] == {"dan", "chan", "shan"}
    # readings in common use stay: 长 zhǎng (增长), 重 chóng (重复), 行 háng (银行), 还 huán (归还)
    assert "涨" in sounds["长"] and "崇" in sounds["重"] and "航" in sounds["行"] and "环" in sounds["还"]


def test_look_alikes_of_one_phonetic_series_stay_confusable() -> None:
    """Pairs that sounded alike only through a rare reading but share their phonetic part are look-alikes:
    领导小姐 (a published error on a government site) is still a slip of 领导小组."""
    shapes = typo_lexicon().shapes
    assert "姐" in shapes["组"] and "泠" in shapes["冷"]
    assert "单" not in shapes.get("产", "") and "显" not in shapes.get("见", "")


def test_correct_words_that_only_a_rare_reading_made_slips() -> None:
    for text in ("打造生鲜港、特色单品进出口集散中心。", "信息经济作为经济发展的新引擎初显成效。",
                 "无菌工作服必须包盖全部头发、胡须及脚部。"):
        assert find_typo_hits(text, ON) == [], text


def test_glyph_look_alikes_that_share_no_component() -> None:
    """休/体 and 王/工 share no component, so only their drawn glyphs tie them (shapes.txt, scripts/build_lexicons.py
    glyph_pairs). Two real slips of official documents (ECSpell odw test set, github aopolin-lv/ECSpell, MIT)
    were found only after the glyph pairs were added; the corrected sentences stay clean."""
    shapes = typo_lexicon().shapes
    assert "王" in shapes["工"] and "兔" in shapes["免"] and "体" in shapes["休"]
    for wrong, right, slip in (
            ("原则同意《中韩（长春）国际合作示范区总休方案》（以下简称《方案》），请认真组织实施。",
             "原则同意《中韩（长春）国际合作示范区总体方案》（以下简称《方案》），请认真组织实施。", "总休方案"),
            ("(市王商局、市公安局、市质监局、市食品药品监管局、重庆检验检疫局、市商委、市外经贸委负责)",
             "(市工商局、市公安局、市质监局、市食品药品监管局、重庆检验检疫局、市商委、市外经贸委负责)", "市王商局")):
        assert [h["matched"] for h in find_typo_hits(wrong, ON)] == [slip]
        assert find_typo_hits(right, ON) == []
