"""text.sensitive on the blind38 rows of benchmarks/data/sensitive_real.jsonl (real pages and fragments, each with its
source), collected by a helper that did not see the checks after the blind37 changes, and run once before the rules
below existed (recall 4/15, no decoy reported; benchmarks/results/sensitive_real-2026-12-04-blind38.txt). Three of
the four found were Indonesian betting links, which the blind37 rules had been written for.

Misses then: an ad for a date-rape drug (催眠药水), a "出黑" service that recovers money from online casinos behind an
anti-fraud article, a shop selling QQ likes (代唰商城), a homework-writing service (作业代写), a porn site's name
(黑料不打烊). Then, in the twenty-first session: Korean and Japanese casino SEO, English ads for hacking, drugs and
guns (families of foreign-language markers; the Korean police report among the decoys stays legitimate through
foreign-language cues, its lines counted as prose). Still missed: a work-from-home job ad."""

from __future__ import annotations

from benchmarks.sensitive_real import load_rows, outcome
from checks.sensitive import find_sensitive

ROWS = load_rows()
STILL_MISSED = {"38s10"}


def test_the_blind38_rows() -> None:
    assert outcome(ROWS, "blind38") == (STILL_MISSED, set())


def test_drugs_sold_and_drugs_seized() -> None:
    assert find_sensitive("口服迷幻听话型催眠药水【订药】加微信【56647355】【五年老店】")
    assert find_sensitive("危险的第三代毒品：伪装成笑气、听话水、0号胶囊") == []


def test_a_recovery_service_leaves_its_contact_and_a_police_warning_does_not() -> None:
    assert find_sensitive("遇到注单遗失不给出款怎么办？无前期出黑微信LY33322Q：1666966261飞机：YG3332")
    assert find_sensitive("民警提示：网赌被黑后，网上自称能“出黑”“藏分”追款的都是骗子，切勿添加其微信、QQ，"
                          "以免被二次诈骗，如有被骗请立即报警。") == []


def test_likes_and_homework_for_sale_but_not_a_crackdown_or_a_school_notice() -> None:
    assert find_sensitive("QQ代唰商城【自动处理】【下单秒唰】【搭建分站】【唰名片赞】")
    assert find_sensitive("专业留学生作业代写服务平台，全学科作业代写，24小时在线，原创保证。")
    assert find_sensitive("网信部门持续打击网络水军刷量增粉、刷单炒信，关闭违法违规网站平台400余家。") == []
    assert find_sensitive("学校严肃考风考纪，杜绝学生参与助考、替考，严禁寻找“枪手”代考，违者依法依规处理。") == []


def test_contraband_ads_in_english_but_not_a_customs_seizure() -> None:
    assert find_sensitive("BUY weed, cocain, Clone cards, fake note, guns (Telegram:@shop) Fast Delivery worldwide.")
    assert find_sensitive("Customs officers seized 12 kg of heroin and cocaine hidden in a container; police arrested "
                          "two suspects for smuggling the drugs, which were for sale in the city.") == []
