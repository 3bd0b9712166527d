"""checks.variant_chars: traditional and variant characters left in simplified pages, on real sentences (each
cited) and the real uses that must stay quiet."""

from __future__ import annotations

from datetime import date

from checks.typos import find_typo_hits
from checks.variant_chars import find_variant_chars, variant_table


def found(text: str) -> list[tuple[str, str]]:
    return [(char, right) for _, char, right in find_variant_chars(text)]


def test_the_table_maps_traditional_and_variant_forms_to_common_standard_characters() -> None:
    table = variant_table()
    assert table["復"] == "复" and table["內"] == "内"  # OpenCC
    assert table["恵"] == "惠" and table["髙"] == "高" and table["郞"] == "郎"  # char-converter's variants
    assert "乾" not in table and "著" not in table  # standard characters themselves
    assert "鱀" not in table and "濬" not in table  # their standard forms (𬶨, 浚) are rare: kept in names


def test_stray_characters_in_simplified_text() -> None:
    # a law typed from print (LawRefBook/Laws: 国务院关于在我国统一实行法定计量单位的命令, 1984)
    assert found("计量单位的改革是一项涉及到各行各业和广大人民群諮的事，各地区、各部门务必充分重视。") == [("諮", "咨")]
    # a service guide (gdzwfw.gov.cn via Clarence-Kong/QABasedOnPolicyKnowledgeGraph policy.json)
    assert found("航道范围內开采河砂、砂石、砂金审批，由交通运输主管部门负责。") == [("內", "内")]
    # a news article (csc_hard news_paper.jsonl)
    assert found("在这座已诞生717年的老县衙里，它静黙地感受着四季的交替，看惯了世事的变幻。") == [("黙", "默")]


def test_the_typo_check_reports_them_as_written() -> None:
    text = "为了促进当地发展，復兴村委会组织村民召开了会议，讨论这个问题。"  # blind19: 统计用区划代码的村名
    hits = find_typo_hits(text, date(2024, 6, 1))
    assert [(h["matched"], h["suggestion"], h["start"]) for h in hits] == [("復", "复", 9)]
    assert "《通用规范汉字表》" in str(hits[0]["why"])


def test_written_on_purpose() -> None:
    # names of people (csc_hard: 北京地坛医院…潘啟安教授团队; People's Daily 1998: 朱文榘)
    assert found("北京地坛医院肝病二科谢尧教授团队和潘啟安教授团队于2021年1月在《国际肝病》发表论文。") == []
    # rivers keep their characters (2026 四川省政府工作报告: 三星堆、皮洛、濛溪河等遗址)
    assert found("文化事业发展更加繁荣，三星堆、皮洛、濛溪河等遗址先后入选年度全国十大考古新发现。") == []
    # an exhibition named in traditional characters (policy.json: 查询雲·幾－－殷建国、谢震漆玉作品展)
    assert found("查询雲·幾－－殷建国、谢震漆玉作品展，这是我们的国家展览。") == []
    # a quoted traditional passage (a 红楼梦 chapter on a simplified page, magic-html's benchmark pages)
    assert found("红楼梦中秋 第七十五回 開夜宴异兆發悲音 賞中秋新詞得佳讖 这是我们说的国家的书。") == []
    # a language menu
    assert found("选择语言 عربى Русский язык 日本語 한국어 Deutsch 这里是我们国家的网站") == []
    # the traditional script named in it by a portal's language switch (a TRS city portal's header, benchmarks/real_pages)
    assert found("登录 市民网页 您好 退出 语言 简体 繁體 English 手机端 关注我们的国家网站") == []


def test_a_traditional_page_is_left_alone() -> None:
    assert found("國務院辦公廳關於政府信息公開工作年度報告有關事項的通知") == []
