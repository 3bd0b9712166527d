"""text.sensitive on the blind55 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (12 spam pages, 13 decoys), and run once on round 24's final code:
recall 5/12, one decoy reported (benchmarks/results/sensitive_real-2026-12-04-blind55.txt).

Misses then, taught: Mark Six tips dressed as a Macau office's notice (澳门管家婆100%精准), college news with the
college renamed after a casino site (银河集团9873com, yh1122银河国际, 太阳成集团tyc33455cc: 太阳成 for 太阳城), and an
illegal lottery page whose keyword list (幸运飞艇, 腾讯分分彩 …) heads a copy of the national lottery centre's warning:
a word in such a list is not made legitimate by the warning's cues; and two colleges renamed 亚博 and 必赢 with no site
make-up (亚博院党委, 必赢共获金奖): an online-only brand written bare three times, once where an institution acts. The
decoy reported, a second copy of blind54's exposé of surrogacy ads, calls them 小广告: a cue that an ad never writes of
itself, and a page that quotes the ads' words (“代孕”“试管”“包生男孩”小广告)."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED: set[str] = set()
FALSE_ALARMS: set[str] = set()


def test_the_blind55_rows() -> None:
    assert outcome(ROWS, "blind55") == (STILL_MISSED, FALSE_ALARMS)


def test_mark_six_tips_casino_site_names_and_a_listed_lottery_game() -> None:
    assert find_sensitive("一、澳门管家婆定义\n1.澳门管家婆100%精准|准确资料定义")
    assert find_sensitive("全国590所院校参赛，银河集团9873com共有2个团队成功晋级全国总决赛。")
    assert find_sensitive("三名同学是yh1122银河国际“海洋科学”专业首届本科生。")
    assert find_sensitive("我校太阳成集团tyc33455cc在此次竞赛中喜获三等奖。")
    assert find_sensitive("提醒彩民，线下彩票实体店是唯一合法的购彩渠道，警惕网络赌博。\n"
                          "时时彩平台,腾讯分分彩,北京赛车,北京赛车pk10,北京赛车pk10技巧,幸运飞艇,彩票平台推荐,幸运飞艇官网")
    # the accounting software, a street, a securities firm; a warning that names a game in its prose
    assert find_sensitive("公司财务使用管家婆软件记账，每月按时结账。") == []
    assert find_sensitive("银河街道社区卫生服务中心开展义诊活动，银河证券捐赠物资。") == []
    assert find_sensitive("警方提醒：所谓“幸运飞艇”是境外赌博网站开设的私彩，严禁参与网络赌博。") == []


def test_a_bare_brand_in_place_of_a_college() -> None:
    page = "福建省大学生创新大赛获奖名单公布，必赢共获金奖11项。必赢高度重视大赛组织工作。本次大赛，必赢获金奖的学院覆盖面扩大。"
    assert find_sensitive(page)
    # twice only; the China-ASEAN expo (亚博会) is followed by 会
    assert find_sensitive("必赢共获金奖11项。必赢高度重视。") == []
    assert find_sensitive("亚博会召开筹备会。亚博会举办论坛。亚博会承办方介绍了亚博会的安排。") == []
