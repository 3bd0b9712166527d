"""text.sensitive on the blind46 rows of benchmarks/data/sensitive_real.jsonl (real pages and page texts, each with its
source; four as markup), collected by a helper that did not see the checks after all of the twenty-second session's
other rules, and run once before the rules below existed: recall 6/15, no decoy reported
(benchmarks/results/sensitive_real-2026-12-04-blind46.txt).

Misses then, taught: a county site's footer whose 主办/承办 is a betting site (澳门金沙城中心_欧洲杯足球网-【投注官网平台】),
a Latin-and-digit site name before 在线登录入口 in a school's place (bat365在线登录入口), fake-watch and surrogacy ads with
their contacts split (薇/信, 180-電-3747-薇-8521). Still missed: a bureau's name replaced by 新浪体育, a school's by
意昂3体育, a source line "yabo" and 金牛网金牛版 inserted in a health-commission text. The fake Macau-government notice of
"特种马赛" draws (46s24) is found since round 25, by the Mark Six pattern written from blind57 (特马开奖, 特马号码)."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"46s06", "46s18", "46s19", "46s21"}


def test_the_blind46_rows() -> None:
    assert outcome(ROWS, "blind46") == (STILL_MISSED, set())


def test_betting_footers_and_login_names_but_not_the_sports_lottery() -> None:
    assert find_sensitive("使用帮助 | 网站地图\n主办:澳门金沙城中心_欧洲杯足球网-【投注官网平台】 承办:同上")
    assert find_sensitive("根据《bat365在线登录入口文华奖学金基金捐赠及管理暂行办法》精神，现将有关事项通知如下")
    assert find_sensitive("中国体育彩票竞彩足球欧洲杯专题上线，购彩者可在各地体彩实体店投注。") == []


def test_fake_watch_ads_but_not_the_customs_report() -> None:
    assert find_sensitive("朗格猫头鹰高仿表在哪里买合适呢\n【薇/信——W S M 2 6 1——】高仿复刻手表，在哪里购买")
    assert find_sensitive("海关近日查获一批高仿手表和高仿包，当事人通过微信销售、顺丰发货，涉嫌侵犯知识产权，"
                          "案件已移交公安机关依法处理。") == []
