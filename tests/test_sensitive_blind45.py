"""text.sensitive on the blind45 rows of benchmarks/data/sensitive_real.jsonl (real pages and page texts, each with its
source; four as markup), collected by a helper that did not see the checks after the blind44 changes, and run once
before the rules below existed: recall 5/15, no decoy reported (benchmarks/results/sensitive_real-2026-12-04-blind45.txt).

Misses then, taught: school pages with the school's name replaced by a casino's Latin-and-digit site name with Chinese
words (yh86银河国际党委, 大发dafa888:举办…, williamhill英国威廉希尔2024年硕士…, a signature "Bevictor伟德" over a date) or
by a listed brand in company make-up (4688美高梅集团唯一网站调研), a VPN "机场" ad, and an English hacking-service ad.
Still missed: a casino's name as a crackdown report's header (广东会官方网站), one 人民医院 replaced by 澳门葡萄新京网站,
and a spun article's unit replaced by 利来老牌国际官网app控股集团."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"45s02", "45s21", "45s25"}


def test_the_blind45_rows() -> None:
    assert outcome(ROWS, "blind45") == (STILL_MISSED, set())


def test_a_casino_site_name_where_the_school_stands_but_not_an_acronym() -> None:
    assert find_sensitive("主办单位:yh86银河国际体育运动委员会\n承办单位:yh86银河国际党委学生工作部")
    assert find_sensitive("williamhill英国威廉希尔2024年硕士研究生复试工作办法")
    assert find_sensitive("学院领导班子成员参加调研。\n\nBevictor伟德\n2020年9月15日")
    assert find_sensitive("UNESCO世界遗产委员会第44届会议在福州举行。") == []
    assert find_sensitive("关于举办2024年全省第十届职工运动会的通知") == []


def test_vpn_ads_but_not_the_warning() -> None:
    assert find_sensitive("超实用的科学上网技巧，新手也能轻松学\n\n机场基本上是一分钱一分货，"
                          "需要稳定的就选专线机场，或者量大便宜的就选隧道中转的")
    assert find_sensitive("网信部门提醒：使用翻墙软件、购买所谓“专线机场”节点访问境外网站属于违法行为，"
                          "一些不法分子以“稳定”“便宜”为噱头诱导注册，请广大网民提高警惕，依法上网。") == []
