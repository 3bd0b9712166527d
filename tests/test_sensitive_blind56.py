"""text.sensitive on the blind56 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its source),
collected by a helper that did not see the checks (13 spam pages, 12 decoys), and run once on round 24's final code:
recall 4/13, no decoy reported (benchmarks/results/sensitive_real-2026-12-04-blind56.txt).

Misses then, taught: casino site names in place of a college's or a county's name (3777金沙娱场城, 凯发k8官网,
开云手机官网入口·(中国)官方网站), a bet365 look-alike in a page header (正规det365登录网站), a porn app's name over a lottery
article (喵咪视频直播破解), and Mark Six tips dressed as a Macau office's notice (澳门天天六开好彩). Still missed: colleges
renamed 威尼斯平台 and mk体育, with no site make-up (威尼斯平台召开二届二次“双代会”, mk体育学位评定委员会); mk体育 is found
since round 27, when blind68 showed the same brand signing a betting site's news page and it was listed."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"56s02"}
FALSE_ALARMS: set[str] = set()


def test_the_blind56_rows() -> None:
    assert outcome(ROWS, "blind56") == (STILL_MISSED, FALSE_ALARMS)


def test_site_names_in_place_of_a_school_or_a_county() -> None:
    assert find_sensitive("9月17日下午，3777金沙娱场城召开新学期全体教职工大会。")
    assert find_sensitive("6月22日，凯发k8官网2020届毕业典礼暨学位授予仪式举行。")
    assert find_sensitive("6月20日晚6时，开云手机官网入口·(中国)官方网站召开第七次常务会议。")
    assert find_sensitive("正规det365登录网站\n通知公告\n关于进一步规范校园网通知公告发布的通知")
    assert find_sensitive("喵咪视频直播破解_娇妻互换享受高潮\n责任彩票，体彩在行动")
    assert find_sensitive("为进一步推动澳门天天六开好彩的健康发展，增强其社会影响力和吸引力，特制定本方案。")
    # a county and a river named 金沙; a phone maker's website
    assert find_sensitive("金沙县3000名群众参加义务植树，金沙江沿岸1200户受益。") == []
    assert find_sensitive("请登录华为手机官网查询售后网点。") == []
