"""text.sensitive on the blind48 rows of benchmarks/data/sensitive_real.jsonl (real page texts and markup, each with its
source; 13 as markup), collected by a helper that did not see the checks after the blind47 rules, asked for forms other
than a betting brand in a school's place, and run once before the rules below existed: recall 7/15, no decoy reported
(benchmarks/results/sensitive_real-2026-12-04-blind48.txt).

Misses then, taught: 一码一肖 (the other order of 一肖一码) on a page posing as a Macau-government document, 六合彩 sites'
names (澳门码神, 红姐论坛, 7777788888王中王), a 跑分 platform's own description (码商团队分级代理, 代收代付) and a casino's
"优惠活动办理大厅". Still missed: an obfuscated search-referrer redirect (its strings sit in an indexed array), a saved
casino portal whose only sign is its title 澳门新葡京 (also a real Macau hotel), and a template's hidden backlink to a film
site."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"48s03", "48s19", "48s25"}


def test_the_blind48_rows() -> None:
    assert outcome(ROWS, "blind48") == (STILL_MISSED, set())


def test_lottery_site_names_and_both_orders_of_the_code_tip() -> None:
    assert find_sensitive("澳门一码一肖一待一中今晚\n发文单位:澳门特区政府")
    assert find_sensitive("7777788888王中王开奖十记录网")
    assert find_sensitive("澳门码神 | 澳六合彩 | 红姐论坛")


def test_a_laundering_platform_but_not_the_police_report_on_it() -> None:
    assert find_sensitive("专业的跑分平台，提供三方支付系统、代收代付功能、自动回调、码商团队分级代理")
    assert find_sensitive("近日，昭苏县公安局破获一起利用虚拟货币跑分平台帮助电信网络诈骗团伙洗钱的案件，"
                          "抓获犯罪嫌疑人5名，民警提醒群众切勿出租、出借银行卡。") == []


def test_a_casino_promotions_hall_but_not_a_government_service_hall() -> None:
    assert find_sensitive("澳门新葡京-优惠活动办理大厅")
    assert find_sensitive("市民可到政务服务中心一楼综合办理大厅办理不动产登记业务。") == []
