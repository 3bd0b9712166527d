"""text.sensitive on the blind47 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks after all of the twenty-second session's rules, and run once before the
rules below existed: recall 6/15, one decoy reported (benchmarks/results/sensitive_real-2026-12-04-blind47.txt).

Misses then, taught: a Macau casino's name put into a sentence as a label (澳门新濠天地游戏:, 澳门和记娱乐场,菠菜导航网:),
a betting site's SEO name (澳门十大电子正规游戏网站), a betting-only brand with 体育 put for 学生 (新利体育), a Japanese
online casino (遊雅堂 スポーツベット), 網上娛樂城 for a water bureau, bat365官网 before 学子 and bat365(中国)在线平台. The
decoy, a Taiwan police branch's rebuttal of the "drugged business card" rumour, now has its own cues (謠言, 以訛傳訛,
查證). Still missed: 澳门美高梅金殿 as a university's name (美高梅 is also the real Macau resort), and bst3322 put for a
school's name with no betting word on the page."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"47s05", "47s20"}


def test_the_blind47_rows() -> None:
    assert outcome(ROWS, "blind47") == (STILL_MISSED, set())


def test_a_macau_casino_as_a_label_but_not_macau_offices() -> None:
    assert find_sensitive("为教育强国建设，努力培养澳门新濠天地游戏:高端技术技能人才、能工巧匠。")
    assert find_sensitive("澳门特别行政区政府网站：www.gov.mo；澳门特别行政区政府旅游局：www.macaotourism.gov.mo") == []


def test_betting_slang_and_seo_names_but_not_sites_that_were_hijacked() -> None:
    assert find_sensitive("会前，镇人大主席团组织江门市、澳门和记娱乐场,菠菜导航网:、镇三级人大代表参加培训。")
    assert find_sensitive("一致同意此次“双代会”主题为：“努力创建重点澳门十大电子正规游戏网站”。")
    # a webmaster's issue about a link that now leads to a betting site (blind25): 菠菜网站 is how victims say it
    assert find_sensitive("软件里的旧论坛链接已经被人买下，打开就跳转到菠菜网站，请尽快删除这个链接。") == []
    assert find_sensitive("警方提醒：不要在网上非正规彩票平台购买彩票，谨防上当受骗。") == []


def test_betting_only_brands_and_online_casino_names() -> None:
    assert find_sensitive("副校长张石任组长，新利体育工作部、保卫部、后勤集团等部门负责人参加。")
    assert find_sensitive("2月20日上午，網上娛樂城在市行政办事中心主楼一楼会议室召开工作会议。")
    assert find_sensitive("【评奖】建筑遊雅堂 スポーツベット关于开展本科生国家奖学金评选工作的通知")
    assert find_sensitive("4月13日，版权所有 bat365(中国)在线平台官方网站-登录入口志愿服务队赴社区开展活动。")
    # a sports channel and a resort's real names stay: 星空体育 is a TV channel, 银河娱乐 a listed Macau company
    assert find_sensitive("星空体育频道将直播本场比赛。") == []
