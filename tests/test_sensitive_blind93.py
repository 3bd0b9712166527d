"""text.sensitive on the blind93 and blind94 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its
source), collected by helpers that did not see the checks. First run: benchmarks/results/
sensitive_real-2026-12-05-blind93-94-first.txt (8/12 and 3/12, no decoy). Taught afterwards in round 33; the outcome is
pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind93_rows() -> None:
    # still missed: a porn-site lure dressed as an essay on "同城约空降" with a deformed address (202277點Cc)
    assert outcome(ROWS, "blind93") == ({"93s03"}, set())


def test_the_blind94_rows() -> None:
    # still missed, outside the categories the check judges or disguised as advice: a cheat shop's "pitfall" post, a
    # payment gateway needing no ID, a click-farm script for sale (the account shop and the buyer of developer accounts
    # are found since round 34's 账号买卖 family)
    assert outcome(ROWS, "blind94") == ({"94s04", "94s05", "94s07"}, set())


def test_an_address_release_page() -> None:
    page = ("楼凤小姐信息分享网最新地址(最新更新时间2024-09-02 18:08:30)\n永 久 地 址：www.example-a.com\n"
            "最 新 网 址：www.example-b.net（打不开就切换/关闭代理）\n美 国 用 户：2w.example-c.com")
    assert find_sensitive(page)
    # a school's notice that its site moved names the new address, not a permanent one for American users
    assert find_sensitive("学校门户网站已迁移，新网址为www.school.edu.cn，原网址停止使用，请更新收藏夹。") == []


def test_escort_ads_and_withdrawal_recovery() -> None:
    assert find_sensitive("全国空降约软件有哪些▋▋薇87O9.55I8唯一靠谱▋▋")
    assert find_sensitive("網上平臺被黑不給提現怎麼辦？【幫追回：ax67.com】←先追回後收費")
    assert find_sensitive("然后找到相关专业出黑人员，通过技术手段藏分的方式把钱提现出来！")
    assert find_sensitive("新盛公司游戏开账号充值网址TL10093.com")
    # a paratroopers' drill, a tea festival with its hotline and a police warning stay quiet
    assert find_sensitive("空降兵某部开展全国空降演练，品茶文化节报名电话13812345678。") == []
    assert find_sensitive("警方提醒：网上赌博平台被黑后，所谓“出黑”“帮追回”都是二次诈骗，切勿相信。") == []
