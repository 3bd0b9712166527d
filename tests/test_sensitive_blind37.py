"""text.sensitive on the blind37 rows of benchmarks/data/sensitive_real.jsonl (real pages and fragments, each with its
source), collected by a helper that did not see the checks and run once before the rules below existed (recall 5/15,
1 of 14 decoys reported; benchmarks/results/sensitive_real-2026-12-04-blind37.txt).

Misses then: kinds of spam the families did not know: a private lottery's "plan" site and tutor groups (快乐十分计划网,
快3导师), fake-invoice and private-loan ads with a mobile number, game-cheat ads (自瞄, 物资透视), Indonesian "slot
gacor" links hidden or appended after </html>, Thai lottery SEO, a Macau casino's name on a numbered domain
(美高梅娱乐4858.com). Still missed: a brand's e-sports site header (37s04 必威电竞). Still reported: a portal's own
hidden lottery submenu (37l14, 时时彩 was a 福彩 game; the row has no page address, so its links are not the
page's own)."""

from __future__ import annotations

import pytest

from benchmarks.sensitive_real import judge, load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"37s04"}
STILL_REPORTED = {"37l14"}


def test_the_blind37_rows() -> None:
    assert outcome(ROWS, "blind37") == (STILL_MISSED, STILL_REPORTED)


@pytest.mark.parametrize(("text", "reported"), [
    ("欢迎您访问188181团队推荐的-广东快乐十分计划网", True),
    ("老玩家揭秘;快3导师计划带赚钱QQ群", True),
    # the welfare lottery's own notices and a police warning that quotes the scam
    ("广东福彩快乐十分游戏将于明日起调整销售计划，网点照常营业。", False),
    ("警方提醒：所谓“快3导师带单、稳赚不赔”都是诈骗分子的骗局，切勿轻信。", False),
])
def test_a_private_lottery_plan_or_tutor(text: str, reported: bool) -> None:
    assert bool(find_sensitive(text)) == reported


def test_fake_invoices_loans_and_cheats_are_sold_but_a_tax_office_and_a_police_story_are_not() -> None:
    assert find_sensitive("【代开发票】咨询【电话：13714611772许经理】【真票】【100%正规发票】【诚信第一】")
    assert find_sensitive("专业办理：无抵押贷款，空放私借，不看征信当天放款，随借随还")
    assert find_sensitive("三角洲辅助_三角洲物资透视，跑刀护航专用 自瞄范围调整")
    assert find_sensitive("纳税人可到办税服务厅申请代开发票，代开的增值税发票可在查验平台查验。") == []
    assert find_sensitive("银保监局提示：一些不法分子以“无抵押、不看征信、当天放款”为诱饵实施套路贷诈骗，"
                          "请广大消费者提高警惕，通过正规金融机构办理贷款业务。") == []
    assert find_sensitive("警方近日破获一起制售游戏外挂案件，涉案外挂具有自瞄、透视等功能，犯罪嫌疑人已被刑事拘留。") == []


def test_foreign_language_gambling_seo() -> None:
    assert find_sensitive("slot gacor\nslot online\nslot pulsa\nslot 5000")
    assert find_sensitive("สูตรคํานวณหวย 3 ตัวบน ตารางpgแตก ตาราง")
    # a game's time slot and a Thai news line on the state lottery draw are no gambling SEO
    assert find_sensitive("Each team books an online slot for the final round.") == []
    assert find_sensitive("ตรวจผลสลากกินแบ่งรัฐบาล งวดวันที่ 1") == []


def test_a_hidden_block_of_indonesian_betting_links() -> None:
    assert judge(ROWS["37s11"])
    assert judge(ROWS["37s12"])


def test_a_casino_name_on_a_numbered_domain() -> None:
    assert find_sensitive("美高梅娱乐4858.com给网游写一个挂吧")
    assert find_sensitive("美高梅金殿今晚上演大型歌舞表演，门票在官网发售。") == []
