"""text.sensitive on the blind44 rows of benchmarks/data/sensitive_real.jsonl (real pages and page texts, each with its
source; four as markup), collected by a helper that did not see the checks after the blind43 changes and the
graduate-school title rule, and run once before the rules below existed: recall 8/15, no decoy reported
(benchmarks/results/sensitive_real-2026-12-04-blind44.txt).

Misses then, taught: school pages with the school's name replaced by a casino brand in company or app make-up
(开云(中国)党委, 澳门新莆京游戏app师生员工), private-detective and 社工库 look-up ads, and ads buying bank-card kits for
跑分 (收四件盾卡), and a porn term in place of the school's name inside prose (無碼a片). Still missed: a school's name
replaced by 买球 (结合买球实际)."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"44s06"}


def test_the_blind44_rows() -> None:
    assert outcome(ROWS, "blind44") == (STILL_MISSED, set())


def test_a_casino_brand_where_the_school_stands_but_not_a_place_of_the_same_name() -> None:
    assert find_sensitive("7月2日上午,开云(中国)党委召开会议,集体传达学习党代会精神。")
    assert find_sensitive("关于澳门新莆京游戏app师生员工返校安排的通知")
    assert find_sensitive("金沙县党委召开常委会议，传达学习全会精神。") == []
    assert find_sensitive("银河街道党委书记带队开展安全检查。") == []


def test_look_up_and_bank_card_ads_but_not_the_legal_warnings() -> None:
    assert find_sensitive("开封私家侦探找人寻址取证调查【電—131-6628-2258—微】开封私家侦探找人寻址取证调查")
    assert find_sensitive("社工库查开房记录【TG客服：点击这里】全国找人定位，查聊天记录")
    assert find_sensitive("柳州收四件盾卡【排名43-781-152】【公司财务做账、报销、冲账】")
    assert find_sensitive("法官提醒：私家侦探以找人寻址、查开房记录为名非法获取公民个人信息，属于违法行为，"
                          "委托人也可能承担法律责任，切勿轻信网上的调查公司广告。") == []
    assert find_sensitive("公安机关提醒：出租、出售银行卡四件套供他人跑分洗钱，涉嫌帮助信息网络犯罪活动罪，"
                          "近期我市已抓获多名收卡人员，请广大群众警惕。") == []
