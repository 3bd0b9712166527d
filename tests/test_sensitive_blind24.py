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

import json
from pathlib import Path

import pytest

from benchmarks.sensitive_real import judge
from checks.sensitive import _CONTACT_RX, find_sensitive

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "sensitive_real.jsonl"
ROWS = {r["id"]: r for r in (json.loads(x) for x in DATA.read_text("utf-8").splitlines() if x.strip())}
STILL_MISSED = {"24s19"}


@pytest.mark.parametrize("row", sorted(i for i, r in ROWS.items() if r["split"] == "blind24"
                                       and r["label"] == "spam" and i not in STILL_MISSED))
def test_every_injected_page_of_blind24_is_reported(row: str) -> None:
    assert judge(ROWS[row])


@pytest.mark.parametrize("row", sorted(i for i, r in ROWS.items() if r["split"] == "blind24" and r["label"] == "legit"))
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
