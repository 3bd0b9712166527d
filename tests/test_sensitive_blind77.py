"""text.sensitive on the blind77 and blind78 rows of benchmarks/data/sensitive_real.jsonl (real page texts, each with its
source), collected by helpers that did not see the checks. First runs: see benchmarks/results/sensitive_real-2026-12-05-
blind77.txt and -blind78.txt. Taught afterwards in round 29; what is still wrong is pinned here so that a change shows."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()


def test_the_blind77_rows() -> None:
    # first run: 9/12, no decoy reported. Still missed: a forum copy of a fake-aphrodisiac crackdown report with SEO
    # anchor words (犀利士, a drug's brand that the same crackdown reports name) put into its sentences
    assert outcome(ROWS, "blind77") == ({"77s05"}, set())


def test_the_blind78_rows() -> None:
    # first run: 3/12, one decoy reported (a reporter's story of a student betting on e-sports). An advertiser's contact
    # may open with a bracket (WX:( RYG622)); a money-laundering notice is known by its jargon (拒接三黑)
    assert outcome(ROWS, "blind78") == (set(), set())


def test_code_words_of_gambling_groups() -> None:
    assert find_sensitive("万 炮 捕 鱼 上 分 银 商 微 信 号")
    assert find_sensitive("【24小时二元一分红中麻将群】588棋牌旧版官网版安卓版")
    assert find_sensitive("被黑了不能出款找我们出黑团队，通过藏分锁卡等手段分批出款")
    assert find_sensitive("中国共产党香港六和合资料第七次党员代表大会")
    # a county's card tournament and the fishing ban stay quiet
    assert find_sensitive("区全民健身节举行双升、掼蛋棋牌比赛，禁渔期内严禁捕鱼。") == []


def test_brand_names_with_site_numbers() -> None:
    assert find_sensitive("意昂体育4官网春季运动会得到社会媒体的广泛关注")
    assert find_sensitive("太阳集团城网址83138学生党支部开展主题党日活动")
    page = "威廉希尔组织教工党员参观萧红故居。威廉希尔全体教工党员参加了本次活动。威廉希尔组织教工党员来到纪念馆。"
    assert find_sensitive(page)
    # a sports page quoting the bookmaker's odds
    assert find_sensitive("威廉希尔开出的赔率显示主队占优，威廉希尔随后调整了盘口，威廉希尔的分析师认为比赛悬念不大。") == []


def test_forged_medical_papers() -> None:
    assert find_sensitive("专业快速代开医院病假条、诊断证明、怀孕证明，微信联系")
    assert find_sensitive("医院不开人情病假，更不会开假病假条。") == []


def test_a_contact_in_brackets_is_an_advertisers() -> None:
    # the page's own 网赌 would excuse the word as a warning's, but an account stands beside it
    assert find_sensitive("遇到网赌被黑，请联系我们出黑团队 WX:( RYG622) QQ：(157764444 )")


def test_money_laundering_jargon() -> None:
    assert find_sensitive("5.拒接三黑(上下级,财务,公检法)入金明吃不回。")
    # a law firm's explainer of 跑分 and 帮信罪
    assert find_sensitive("跑分是通过个人账户为他人代收款、转账，可能构成帮助信息网络犯罪活动罪。") == []
