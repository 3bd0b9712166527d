"""text.sensitive on the blind63 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (13 spam pages, 12 decoys), and run once on round 26's code at
c7ac7c7: recall 8/13, one decoy reported (benchmarks/results/sensitive_real-2026-12-05-blind63.txt).

Misses then, taught: a loan-scam page posing as a central-bank 黑户放水政策, a breadcrumb renamed 澳门沙金官方网站 (金沙
turned round), bob综合体育下载 inserted in a college's news. The decoy, a news report on a surrogacy case exposed by an
anti-trafficking volunteer, is no longer reported: 惩处 and 介入调查 are legitimate cues, and a photo caption that opens
with 图为 counts as a line of the story without its full stop. Still missed: an SEO essay on Macau casinos with
手机版官网开通线上博彩 in its prose, and a college renamed 威尼斯官网 (威尼斯 is a place)."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind63_rows() -> None:
    assert outcome(ROWS, "blind63") == ({"63s16", "63s19"}, set())


def test_loan_scams_and_brands_turned_round() -> None:
    assert find_sensitive("2025黑户放水政策调整与贷款机会深度解读")
    assert find_sensitive("当前位置：首页 -> 澳门沙金官方网站 -> 学生通知")
    assert find_sensitive("会上，各学院汇报了bob综合体育下载工作情况。")
    # police warn of the scam; Macau's Sands China
    assert find_sensitive("警方提醒：所谓“黑户贷款”都是诈骗，切勿轻信。") == []
    assert find_sensitive("澳门金沙城中心今年接待旅客增长。") == []


def test_a_photo_caption_in_a_crackdown_story_is_part_of_it() -> None:
    story = ("记者调查发现，一家代孕机构安排未成年女孩代孕，卫健部门已介入调查，涉事人员将依法受到惩处。举报人表示，"
             "希望相关违法行为得到查处。\n图为代孕机构对求孕者的聊天截图\n")
    assert find_sensitive(story) == []
