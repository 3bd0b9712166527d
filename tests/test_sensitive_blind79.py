"""text.sensitive on the blind79 and blind80 rows of benchmarks/data/sensitive_real.jsonl (real page texts and markup,
each with its source), collected by helpers that did not see the checks. First runs: see benchmarks/results/
sensitive_real-2026-12-05-blind79.txt and -blind80.txt. Taught afterwards in round 30; what is still wrong is pinned here
so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import judge_html, load_rows, outcome
from checks.sensitive import find_dark_links, find_sensitive

ROWS = load_rows()


def test_the_blind79_rows() -> None:
    # first run: 5/12, three decoys reported. Still missed: a private lottery's login template (its only clue a download
    # named 中国福利彩票.zip), an order-brushing platform's rules and a betting site's bet slip, which name no banned word.
    # Still reported: a results site's footer link to 500.com's 彩票网; a mall's old headline list (张恒偷郑爽卵子代孕, a
    # celebrity scandal) was until round 48, where 代孕 needs a selling word on the page
    assert outcome(ROWS, "blind79") == ({"79s11", "79s16", "79s17"}, {"79s19"})


def test_the_blind80_rows() -> None:
    # first run: 5/12, no decoy reported. Still missed: an English post (a fake remote job) and a pyramid-scheme task
    # platform's source code for sale. The English hacking-services post is found since round 32 (professionalhacker)
    assert outcome(ROWS, "blind80") == ({"80s02", "80s11"}, set())


def test_fake_invoice_ads() -> None:
    assert find_sensitive("专业代开各类发票，QQ：12345678")
    # the tax office's own service names no mobile number nor QQ
    assert find_sensitive("纳税人可到办税服务厅申请代开增值税专用发票，咨询电话12366。") == []


def test_egg_donor_and_account_trade_ads() -> None:
    assert find_sensitive("长期招聘爱心捐卵女孩，酬金丰厚，联系微信")
    assert find_sensitive("出售各类微信直登白号、实名号，价格50起")
    # a report on the illegal egg trade and a hospital's page on egg donation for IVF stay quiet
    assert find_sensitive("警方捣毁一个非法取卵窝点，涉案中介以高额报酬诱骗女大学生捐卵。") == []


def test_porn_menus_and_private_servers() -> None:
    assert find_sensitive("国产自拍\n亚洲无码\n欧美情色\n国产AV")
    assert find_sensitive("七星影院 成人影院 备用成人")
    assert find_sensitive("奇迹MU私服是玩家自己搭建的非官方游戏服务器，10倍经验高爆率")


def test_friend_links_sold_to_gamblers() -> None:
    # (a sold link into a portal's news page is passed over: links into well-known public services are the site's own
    # business, third_party_hosts.txt; 79s03 is found by its links to strangers)
    links = (("", "申博", "http://www.ailinglei.com/"), ("display:none 隐藏", "Bet365", "http://www.uin400.cn/"),
             ("", "单职业传奇", "http://www.mishi4321.com"))
    assert {x["matched"].lower() for x in find_dark_links(links)} == {"申博", "bet365", "单职业传奇"}


def test_links_that_are_no_spam() -> None:
    # a Maven repository called 私服 on an intranet menu, the official welfare-lottery site in a footer
    assert find_dark_links((("", "java maven私服", "http://183.129.133.147:8082/nexus/"),
                            ("", "中彩网", "https://www.zhcw.com"), ("", "中国福利彩票网", "https://www.cwl.gov.cn"))) == []
    assert judge_html('<p>开奖公告</p><a href="https://www.zhcw.com">中彩网</a>') == []
