"""text.sensitive on the blind83 and blind84 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its
source), collected by helpers that did not see the checks. First runs: see benchmarks/results/
sensitive_real-2026-12-05-blind83.txt (12/12, no decoy) and -blind84.txt (7/12, no decoy). Taught afterwards in round
32; the outcome is pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import brand_keyword_lists, find_sensitive

ROWS = load_rows()


def test_the_blind83_rows() -> None:
    assert outcome(ROWS, "blind83") == (set(), set())


def test_the_blind84_rows() -> None:
    # first run: 7/12 (an invoice ad, a seal-and-certificate ad, a porn title, a betting sign-up guide, a hacker ad missed)
    assert outcome(ROWS, "blind84") == (set(), set())


def test_invoice_and_certificate_ads() -> None:
    assert find_sensitive("开洛阳广告费发票-哪里有洛阳【徴：ｆｆ１８１一加一⒍⒍⒍】【Q：２４９⒏一加一３５７⒌⒋０】")
    assert find_sensitive("本地证件刻章制作联系方式-50元专业制作各种证书真仿「『岱发/TG』——szy6688——」")
    # a tax office's service and a police notice on licensed seal-making stay quiet
    assert find_sensitive("纳税人可到办税服务厅申请代开增值税发票，咨询电话12366。") == []
    assert find_sensitive("公章刻制须经公安机关备案，请到正规印章刻制企业办理，警惕非法制作证件。") == []


def test_a_porn_title_a_betting_signup_and_a_hacker_ad() -> None:
    assert find_sensitive("澳门城市大学校长刘骏:吸引内地学子,澳门靠什么?|国是访问|玩弄少妇高潮a片水蜜桃网站")
    assert find_sensitive("新盛公司游戏网址www.Xs123.top 腾龙游戏网址www.TL123.top维Fkk7172\n第一步：复制这个网址")
    assert find_sensitive("HIRE A HACKER TO SPY ON A CHEATING PARTNER. CONTACT BEST RECOVERY")
    # a planning text's A片区, a game company's news and a security story stay quiet
    assert find_sensitive("规划将A片区建设为高潮迭起的文旅街区，B片区为居住区。") == []
    assert find_sensitive("腾龙公司发布新款镜头，游戏网址与官网同步更新活动信息。") == []
    assert find_sensitive("Researchers warned that a hacker could spy on a cheating partner's phone through stalkerware.") == []


def test_a_provinces_related_links_are_no_brand_list() -> None:
    menu = "广东省立中山图书馆官方网站\n广东省文化馆——培训在线点播\n广东省文化和旅游厅\n" \
           "广东省文化馆——培训在线点播\n广东省文化馆——培训在线点播\n广东省文化馆官网"
    assert brand_keyword_lists(menu) == []
    assert find_sensitive(menu) == []
    assert brand_keyword_lists("金年会,金年会体育,金年会体育app,金年会体育官方网站,金年会注册,金年会最新入口")
