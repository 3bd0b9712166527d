"""text.sensitive on the blind81 and blind82 rows of benchmarks/data/sensitive_real.jsonl (real page texts and markup,
each with its source), collected by helpers that did not see the checks. First runs: see benchmarks/results/
sensitive_real-2026-12-05-blind81.txt and -blind82.txt. Taught afterwards in round 31; the outcome is pinned here so
that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind81_rows() -> None:
    # first run: 9/12, one decoy reported (an exposé headline: 妇产医院与代孕机构合作骗取出生证明)
    assert outcome(ROWS, "blind81") == (set(), set())


def test_the_blind82_rows() -> None:
    # first run: 3/12, no decoy reported
    assert outcome(ROWS, "blind82") == (set(), set())


def test_betting_brands_inserted_into_copied_news() -> None:
    assert find_sensitive("培养bet36体育在线全面发展的优秀学生")
    assert find_sensitive("▓888Poker豪客赛▓EV扑克为亚洲推出的全新扑克平台")
    assert find_sensitive("为了帮你快速了解，我准备了一个表格：\nlehu乐虎| 特征维度 | 中专层次 |")
    # 乐虎 alone is an energy drink's name
    assert find_sensitive("达利集团旗下乐虎功能饮料销量增长。") == []


def test_exam_fraud_and_cash_out_ads() -> None:
    assert find_sensitive("GRE代考保分服务：8种作弊操作全攻略")
    assert find_sensitive("帮朋友寻找靠谱替考，考试科目如图，报酬丰厚，有意者加qq2403335714")
    assert find_sensitive("Buy Ielts Without Exam | contact us on WhatsApp")
    assert find_sensitive("黎明花呗\n花呗接单商家☀️诚信花呗24小时在线平台")
    # the court's model cases and a lawyer's analysis of a 替考 ring stay quiet
    assert find_sensitive("最高人民法院发布依法惩治组织考试作弊、代替考试犯罪典型案例。") == []
    assert find_sensitive("张某洁等人以数十名高学历人员为“枪手”组建替考“团队”，被法院以组织考试作弊罪判处刑罚。") == []


def test_cheating_devices_data_sales_and_hacker_ads() -> None:
    assert find_sensitive("终于找到西安隐形透视镜在哪里买【电I2-77】/信同电")
    assert find_sensitive("华人海外数据涵盖电话号码数据，可广泛应用于 WhatsApp 群发、短信营销")
    assert find_sensitive("If you need help hacking into an account\nContact me on WhatsApp\n☑Facebook Hack\n☑Gmail Hack")
    assert find_sensitive("约泡软件！比楼凤还全！更新快！")
    # news of a woman caught with see-through lenses at mahjong, and a health report on dating apps
    assert find_sensitive("一名女子佩戴特制透视隐形眼镜打麻将，被同桌牌友当场抓包，因涉嫌诈骗被警方采取刑事强制措施。") == []
    assert find_sensitive("专家指责像Tinder这样的约炮软件是性病传染上升的罪魁祸首。") == []


def test_an_exposé_headline_is_no_ad() -> None:
    assert find_sensitive("妇产医院与代孕机构合作骗取出生证明\n四川眉山一妇产医院被曝与代孕机构存在不当合作。") == []
