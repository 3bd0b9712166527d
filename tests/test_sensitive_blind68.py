"""text.sensitive on the blind68 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks. First run: see benchmarks/results/sensitive_real-2026-12-05-blind68.txt.
Taught afterwards in round 27; what is still missed is pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind68_rows() -> None:
    # first run on round 27's code with blind65-66 taught (eb975f3): 7/12, one decoy reported. Still missed: a private
    # server's "objective analysis" whose words are all a reviewer's (玩法, 爆率, VIP充值)
    assert outcome(ROWS, "blind68") == ({"68s05"}, set())


def test_an_unlisted_brand_keyword_list() -> None:
    assert find_sensitive("金年会,金年会体育,金年会体育app,金年会体育官方网站,金年会注册,金年会最新入口,"
                          "金年会APP4月19日，记者年会召开。")
    assert find_sensitive("游艇会官方网站入口\n游艇会官方网\n游艇会官方网址\n游艇会官方线路\n"
                          "近年来，一些“网络水军”不法制造假交易。")
    # a service guide's table of contents and a site's menu share no brand's head
    toc = "- 第一章 概述\n- 二、用户登录\n- 一、用户注册\n- (一)个人用户注册\n- (二)企业用户注册\n- 三、功能区"
    assert find_sensitive(toc) == []
    assert find_sensitive("网站首页|网站地图|网站声明|网上办事入口|无障碍浏览") == []


def test_a_reporter_names_the_ads_found() -> None:
    story = "向平台举报后，该视频下架。记者发现仍有“代孕”“招聘代妈”等内容。"
    assert find_sensitive(story) == []
