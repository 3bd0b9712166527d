"""text.sensitive on the blind24 rows of benchmarks/data/sensitive_real.jsonl (real pages and fragments, each with its
source), collected and run once before the rules below existed (blind: recall 16/23, precision 16/17;
benchmarks/results/sensitive_real-2026-12-02-blind24.txt).

Misses then: "PG电子" (an online casino's slot provider) in a hijacked sub-domain's title and in two SEO article
farms for its "麻将胡了" slot; prostitution leads written as "同城快约一夜", "一夜倩找附近的女人", "找个女人100米过夜",
"附近女子百米夜间服务". False alarm then: a police warning on 裸聊 extortion in traditional characters, whose
"QQ主動與郭某進行視頻裸聊" was read as an advertiser's QQ contact (the account pattern took Chinese characters).
Still missed, left as it is: a gambling platform's list of casino brands (24s19) — Macau news lists the same
names."""

from __future__ import annotations

import pytest

from benchmarks.sensitive_real import judge, load_rows, row_ids
from checks.sensitive import _CONTACT_RX, find_sensitive

ROWS = load_rows()
STILL_MISSED = {"24s19"}


@pytest.mark.parametrize("row", row_ids(ROWS, ("blind24",), "spam", STILL_MISSED))
def test_every_injected_page_of_blind24_is_reported(row: str) -> None:
    assert judge(ROWS[row])


@pytest.mark.parametrize("row", row_ids(ROWS, ("blind24",), "legit"))
def test_the_legitimate_pages_of_blind24_stay_quiet(row: str) -> None:
    assert judge(ROWS[row]) == []


def test_a_contact_is_an_account_of_latin_letters_and_digits_not_the_chinese_after_qq() -> None:
    assert _CONTACT_RX.search("該女子使用QQ主動與郭某進行視頻裸聊") is None
    assert _CONTACT_RX.search("裸聊 加QQ：12345678") is not None
    assert _CONTACT_RX.search("微信号 abc_12345") is not None
    # so a police warning in traditional characters is judged by its cues (警方、提醒、威脅) again
    warning = ROWS["24l08"]["text"]
    assert find_sensitive(warning) == []
    # and a 裸聊 offer with a real contact is still reported
    assert [w for w, _, _ in find_sensitive("同城美女裸聊，加QQ：12345678")] == ["裸聊"]


@pytest.mark.parametrize("text, found", [
    ("瓦房店同城快约一夜,瓦房店同城速约一晚", ["同城快约一夜", "同城速约一晚"]),
    ("石狮找个女人100米过夜,石狮附近女子百米夜间服务", ["找个女人100米过夜", "附近女子百米夜间服务"]),
    ("共青城一夜倩找附近的女人,共青城夜间寻伴周边女性", ["一夜倩", "夜间寻伴周边女性"]),
])
def test_prostitution_leads_are_reported_as_porn(text: str, found: list[str]) -> None:
    hits = find_sensitive(text)
    assert [w for w, _, _ in hits] == found and {c for _, c, _ in hits} == {"色情"}


@pytest.mark.parametrize("text", [
    "学生在附近女子宿舍过夜",  # the person and the service may be parted only by a distance (百米, 100米, 的)
    "一夜之间，同城快递网点增加三成",
    "民警提醒：所谓“附近美女上门服务”多为诈骗陷阱，切勿转账，遇到此类情况请及时报警，不要轻信陌生人发来的链接。",
])
def test_ordinary_and_warning_text_with_the_same_words_stays_quiet(text: str) -> None:
    assert find_sensitive(text) == []


def test_an_online_casino_slot_provider_is_gambling_but_a_crackdown_report_may_name_it() -> None:
    assert [(w, c) for w, c, _ in find_sensitive("PG电子 刘国梁甘愿自罚全年薪酬 完美电竞平台")] == [("pg电子", "赌博")]
    assert find_sensitive("警方依法查处利用“PG电子”等网络赌博平台组织参赌的犯罪团伙") == []


def test_every_word_finding_says_why_and_where_it_stands() -> None:
    from checks.sensitive import why_reported

    assert "关键词堆砌" in why_reported("同城快约一夜", "色情")
    assert "sensitive.txt" in why_reported("裸聊", "色情")
    assert "表情符号" in why_reported("被❎黄漫在线观看", "色情")


# blind25: 22 rows collected after the rules above and run once (benchmarks/results/sensitive_real-2026-12-02-blind25.txt:
# 9 of 9 found, 4 of 13 decoys reported — a bug report and a blog post on hijacked sites, two Macau gaming-revenue
# reports). Then cues of hacked-site reports (篡改, 植入, 暗链, 挂马, 害人) and Macau revenue statistics (毛收入, 赌收,
# 博监局, 角子机 …) for the gambling category, and 约谈, 整改, 责令 as general cues: 9 of 9, 0 of 13 (touched).
@pytest.mark.parametrize("row", sorted(i for i, r in ROWS.items() if r["split"] == "blind25"))
def test_blind25_after_the_cues_of_hacked_site_reports_and_macau_statistics(row: str) -> None:
    assert bool(judge(ROWS[row])) == (ROWS[row]["label"] == "spam")


def test_a_casino_ad_that_borrows_a_warning_is_still_an_ad() -> None:
    # "特别提醒：……都是虚假平台" and "温馨提醒……避免被骗" inside the ad itself (blind25 s07, s08): the brand, the
    # contact and the offer are reported whatever cue the ad borrows
    assert judge(ROWS["25s07"]) and judge(ROWS["25s08"])
    # and 劫持 is no cue: a casino's own "最新网址防劫持"
    assert find_sensitive("澳门百家乐最新网址防劫持")
