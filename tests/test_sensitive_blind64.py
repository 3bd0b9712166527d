"""text.sensitive on the blind64 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (12 spam pages, 12 decoys).

First run, on round 26's final code (9f9aa8b): recall 7/12, one decoy reported
(benchmarks/results/sensitive_real-2026-12-05-blind64.txt). Missed then: 英国正版365官方网站 and 太阳集团欢迎您 standing in
for a college's words, 《22彩票878官方版app下载》 inside the word 卫生站, an escort ad (外围女上门 with a WeChat id) in a
reworded Xinhua story, a DNF private server's 公告; reported: a reposted 三联生活周刊 investigation of surrogacy (a decoy).

Taught in round 27 (rules 7–9 of `_site_as_author`, the 美女上门 pattern, `_headline`): all but the private server's
公告, whose only trace is its source line "DNF60版本-复古怀旧服客户端下载"."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind64_rows() -> None:
    assert outcome(ROWS, "blind64") == ({"64s14"}, set())


def test_a_betting_site_given_a_post_a_greeting_or_a_numbered_lottery_app() -> None:
    assert find_sensitive("会上英国正版365官方网站经理赵宏带领大家一起学习了重要讲话精神。")
    assert find_sensitive("我校召开2024年体育工作会暨第十三届田径运动会筹备会-太阳集团欢迎您\n\n太阳集团欢迎您\n\n新闻")
    assert find_sensitive("横琴粤澳深度合作区澳门新街坊卫生《22彩票878官方版app下载》站正式揭牌。")
    # a school's site and its editor, an office's greeting, the lottery centres
    assert find_sensitive("学校官网主任编辑王某负责审核。欢迎您访问本站。") == []
    assert find_sensitive("中国建筑集团欢迎您的加入！\n欢迎访问县人民政府网站") == []
    assert find_sensitive("中国福利彩票发行管理中心提醒：购买彩票请到实体店，不要下载来历不明的彩票app。") == []


def test_an_escort_ad_and_a_story_that_names_its_subject_in_its_headline() -> None:
    assert find_sensitive("国家新闻出版署通知，厦门美女上门预约(微信181-8279-1445)提供顶级外围女上门，"
                          "未成年人用户充值不得超过50元。")
    assert find_sensitive("社区干部上门走访独居老人，医生上门服务。") == []
    story = ("代孕，游走在灰色地带\n\n2020年05月13日 来源：三联生活周刊\n\n"
             + "记者调查发现，代孕在我国被明令禁止，卫生部门依法查处代孕机构，违法者将被追究法律责任。" * 3)
    assert find_sensitive(story) == []
    # a private server's title over its 发布日期 calls visitors to play
    spam = ("超变态传世私服发布网立即加入畅玩\n\n发布日期：2024-05-01\n\n"
            + "记者调查发现，私服发布网被依法查处，违法者将被追究法律责任。" * 3)
    assert find_sensitive(spam)
