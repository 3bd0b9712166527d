"""The content checks as pure functions: text extraction, typos, sensitive words, personal data, reports."""

from __future__ import annotations

from datetime import date

import pytest

from checks.annual_report import application_table_errors, deadline, due_year, missing_elements
from checks.base import AllowRule, Attachment, AuditData, CheckRules, ColumnState, Item, UnitState
from checks.interpretation import working_days_between
from checks.privacy import find_personal_data, id_number_valid, luhn_valid, mask, personal_data
from checks.sensitive import find_sensitive, sensitive_words_check
from checks.similarity import containment, shingles
from checks.text import decode_html, normalise, page_text
from checks.typos import find_typos, near_misses, typos
from fixtures.content_build import (
    BAD_DATE_ID,
    BAD_ID,
    CARD,
    NARRATIVE_2021,
    PROJECT_CODE,
    VALID_ID,
    application_rows,
    report_text,
)

ON = date(2024, 9, 1)


def _page(body: str, footer: str = "主办：云和县发展和改格局", charset: str = "utf-8") -> bytes:
    html = (f'<html><head><meta charset="{charset}"><title>t</title></head><body>'
            f'<div class="nav"><a href="/">首页</a></div><h1>标题</h1><div id="zoom">{body}</div>'
            f'<div class="footer"><p>{footer}</p></div></body></html>')
    return html.encode("gbk" if charset == "gbk" else "utf-8")


def _data(pages: dict[str, bytes], attachments: tuple[Attachment, ...] = (), allow: tuple[AllowRule, ...] = ()
          ) -> AuditData:
    bodies = dict(enumerate(pages.values(), 1))
    items = tuple(Item(f"页面{i}", url, ON, None, i) for i, url in enumerate(pages, 1))
    column = ColumnState(1, "u", "工作动态", "news", "http://x/list", True, None, None, None, items)
    return AuditData(units=(UnitState("u", "云和县发展和改革局", "department", "http://x/"),), columns=(column,),
                     attachments=attachments, allow=allow, body=bodies.get)


# ------------------------------------------------------------------ text extraction and normalisation
def test_decode_gbk_and_bom() -> None:
    assert "乡村振兴" in decode_html(_page("乡村振兴", charset="gbk"))
    assert decode_html("<p>政务</p>".encode("utf-8-sig")) == "<p>政务</p>"
    assert decode_html("<p>政务公开</p>".encode("gb18030")) == "<p>政务公开</p>"  # no declaration at all


def test_main_content_leaves_out_nav_and_footer() -> None:
    parsed = page_text(decode_html(_page("<p>正文第一段</p><table><tr><td>表格</td><td>1</td></tr></table>")))
    assert "正文第一段" in parsed.main and "标题" in parsed.main
    assert "首页" not in parsed.main and "主办" not in parsed.main
    assert "主办" in parsed.chrome
    assert parsed.html_tables == ((("表格", "1"),),)
    assert "表格" not in parsed.narrative


@pytest.mark.parametrize(("text", "expected"), [
    ("法 轮*功", "法轮功"), ("ＡＢＣ１２３", "abc123"), ("臺獨", "台独"), ("网络赌．博", "网络赌博"),
])
def test_normalise(text: str, expected: str) -> None:
    norm, where = normalise(text)
    assert norm == expected and len(where) == len(norm)


# ------------------------------------------------------------------ sensitive words
@pytest.mark.parametrize(("text", "words"), [
    ("推广网络赌．博", ["网络赌博"]),
    ("宣扬法 轮 功邪教", ["法轮功"]),
    ("堅決反對臺獨分裂活動", ["台独"]),
    ("散发“六合 彩”广告", ["六合彩"]),
    ("数字化平台独立运行", []),  # 台独 inside 平台/独立
    ("六合区的同志", []),
    ("我县开展禁毒宣传", []),
])
def test_sensitive_words(text: str, words: list[str]) -> None:
    assert [w for w, _, _ in find_sensitive(text)] == words


def test_sensitive_allow_list_by_phrase_and_url() -> None:
    pages = {"http://x/a.html": _page("<p>推广网络赌博</p>"), "http://x/b.html": _page("<p>宣扬法轮功</p>")}
    assert {f.evidence["matched"] for f in sensitive_words_check(_data(pages), ON, CheckRules())} == {"网络赌博", "法轮功"}
    allow = (AllowRule("text.sensitive", "网络赌博", None, None), AllowRule("text.sensitive", None, "http://x/b.html", "u"))
    assert sensitive_words_check(_data(pages, allow=allow), ON, CheckRules()) == []
    other_unit = (AllowRule("text.sensitive", "网络赌博", None, "other"),)
    assert len(sensitive_words_check(_data(pages, allow=other_unit), ON, CheckRules())) == 2


# ------------------------------------------------------------------ typos
@pytest.mark.parametrize(("text", "wrong"), [
    ("深入推进乡村振新各项工作", "乡村振新"),  # front/back nasal homophone
    ("要求全体干部再接再励", "再接再励"),  # known wrong form
    ("学习贯彻习进平总书记重要指示", "习进平总书记"),
    ("弘扬社会主义核心价直观", "社会主义核心价直观"),
    ("中华人民共合国成立75周年", "中华人民共合国"),
    ("坚持中国特色社会主意道路", "中国特色社会主意"),
    ("全面从严冶党", "全面从严冶党"),  # similar-looking 冶/治
    ("坚决做到两个维户", "两个维户"),
    ("中华人民民共和国", "中华人民民共和国"),  # doubled
    ("中华民人共和国", "中华民人共和国"),  # swapped
    ("团结在以习进平同志为核心的党中央周围", "以习进平同志为核心的党中央"),
    ("会议传达了国务院总理李克强的讲话", "国务院总理李克强"),  # out of term on ON
])
def test_typos_found(text: str, wrong: str) -> None:
    assert wrong in [w for w, *_ in find_typos(text, ON)]


@pytest.mark.parametrize("text", [
    "全体中国共产党党员认真收看",  # contains the doubled variant 中国共产党党
    "浙江省省长在会上讲话",
    "各科室按排名先后顺序汇报",  # contains the known wrong form 按排
    "时任国务院总理李克强曾来我县调研",
    "国务院总理李强在政府工作报告中提出",
    "深入学习习近平新时代中国特色社会主义思想，全面推进乡村振兴",
    "全国人民代表大会常务委员会",
    "推动高质量发展展开新局面",  # doubled 展 belongs to 展开
    "需相关部门提出拟答复意见的,由政 依申请公开 府信息公开工作机关发送",  # PDF column break, not a typo
])
def test_typo_decoys(text: str) -> None:
    assert find_typos(text, ON) == []


def test_leader_title_follows_the_date() -> None:
    assert find_typos("国务院总理李克强主持会议", date(2022, 5, 1)) == []
    assert find_typos("李强总理主持会议", date(2022, 5, 1))  # not yet 总理 in 2022


def test_near_misses_of_a_phrase() -> None:
    variants = near_misses("乡村振兴")
    assert "乡村振新" in variants and "乡村兴振" in variants and "乡村振兴兴" in variants
    assert "乡村振兴" not in variants


def test_footer_typo_is_one_finding_for_the_site() -> None:
    pages = {f"http://x/{i}.html": _page(f"<p>第{i}篇正文，内容正常。</p>") for i in range(5)}
    found = typos(_data(pages), ON, CheckRules())
    assert [(f.subject_key, f.evidence["matched"]) for f in found] == [("chrome:site#云和县发展和改格局", "云和县发展和改格局")]


def test_typo_allow_list() -> None:
    pages = {"http://x/a.html": _page("<p>要求全体干部再接再励</p>", footer="主办：云和县发展和改革局")}
    assert len(typos(_data(pages), ON, CheckRules())) == 1
    allow = (AllowRule("text.typo", "再接再励", None, None),)
    assert typos(_data(pages, allow=allow), ON, CheckRules()) == []


# ------------------------------------------------------------------ personal data
def test_id_numbers() -> None:
    assert id_number_valid(VALID_ID)
    assert not id_number_valid(BAD_ID)  # check digit
    assert not id_number_valid(BAD_DATE_ID)  # month 13
    assert not id_number_valid("99" + VALID_ID[2:])  # region
    assert luhn_valid(CARD) and not luhn_valid(CARD[:-1] + str((int(CARD[-1]) + 1) % 10))


@pytest.mark.parametrize(("text", "kinds"), [
    (f"身份证号{VALID_ID}", ["身份证号"]),
    ("联系电话13857812345。", ["手机号码"]),
    ("电话 139-5781-2346", ["手机号码"]),
    (f"银行卡号：{CARD}", ["银行卡号"]),
    (f"项目编码{PROJECT_CODE}", []),  # passes Luhn, but no card word near
    ("联系电话138****5678，身份证3311251985****0028", []),  # masked forms are fine
    (f"证件号码{BAD_ID}", []),
    ("订单流水号2023138578123456789", []),  # a mobile-like run inside a longer number
    ("咨询电话0578-5123456", []),
])
def test_personal_data(text: str, kinds: list[str]) -> None:
    assert [k for k, *_ in find_personal_data(text)] == kinds


def test_privacy_finding_counts_and_masks() -> None:
    body = f"<p>张某，身份证号{VALID_ID}，电话13857812345；李某，电话13957812346</p>"
    attachment = Attachment("u", "http://x/list.xlsx", "名单.xlsx", "http://x/a.html", 9, f"1 张某 {VALID_ID}")
    found = personal_data(_data({"http://x/a.html": _page(body)}, (attachment,)), ON, CheckRules())
    assert {f.subject_key: f.evidence["counts"] for f in found} == {
        "page:http://x/a.html": {"身份证号": 1, "手机号码": 2}, "attachment:http://x/list.xlsx": {"身份证号": 1}}
    for f in found:
        text = f.detail + repr(f.evidence)
        assert VALID_ID not in text and "13857812345" not in text and "1385781234" not in text
        assert mask(VALID_ID) in text
    assert found[1].evidence["snapshots"] == [9]


# ------------------------------------------------------------------ working days, annual reports, similarity
@pytest.mark.parametrize(("start", "end", "days"), [
    (date(2024, 9, 13), date(2024, 9, 19), 3),  # 中秋: 9-14 (Sat) worked, 9-16/17 off
    (date(2024, 4, 26), date(2024, 5, 9), 7),  # 4-28 (Sun) worked, 5-1…5-5 off
    (date(2024, 9, 27), date(2024, 9, 30), 2),  # 9-29 (Sun) worked
    (date(2024, 3, 5), date(2024, 3, 7), 2),
])
def test_working_days(start: date, end: date, days: int) -> None:
    assert working_days_between(start, end) == days


def test_deadlines() -> None:
    rules = CheckRules()
    assert deadline(2023, "department", rules) == date(2024, 1, 31)
    assert deadline(2023, "government", rules) == date(2024, 3, 31)
    assert due_year(date(2024, 2, 15), "government", rules) == 2022
    assert due_year(date(2024, 2, 15), "department", rules) == 2023
    own = CheckRules(annual_report_deadline={"department": "02-15"})
    assert deadline(2023, "department", own) == date(2024, 2, 15)


def test_report_format_tolerates_variation() -> None:
    full = report_text(2021, NARRATIVE_2021, application_rows(12, 1, 8, 2, 2, 1))
    assert missing_elements(full) == []
    variant = (full.replace("四、政府信息公开行政复议、行政诉讼情况", "（四）政府資訊公開行政復議 行政訴訟情況")
               .replace("五、存在的主要问题及改进情况", "5. 存在的主要問題及改進情況"))
    assert missing_elements(variant) == []
    assert missing_elements(full.replace("六、其他需要报告的事项", "")) == ["第六部分“其他需要报告的事项”"]
    no_table = "\n".join(line for line in full.splitlines() if "结转下年度" not in line)
    assert missing_elements(no_table) == ["政府信息公开申请情况统计表（第三部分表格）"]


def test_application_table_identity() -> None:
    good = [(label, tuple(nums)) for label, nums in application_rows(12, 1, 8, 2, 2, 1)]
    assert application_table_errors(tuple(good)) == []
    bad = [(label, tuple(nums)) for label, nums in application_rows(12, 1, 8, 2, 2, 1, total_off=2)]
    errors = application_table_errors(tuple(bad))
    assert any("不等于" in e for e in errors) and any("之和" in e for e in errors)
    row_sum = list(good)
    row_sum[0] = (row_sum[0][0], (5, 1, 0, 0, 0, 0, 9))
    assert any("一行" in e for e in application_table_errors(tuple(row_sum)))


def test_shingle_containment() -> None:
    a = shingles("我县扎实推进政务公开标准化规范化建设，群众满意度明显提升。")
    assert containment(a, a) == 1.0
    assert containment(a, shingles("统计局按时发布月度经济数据，并开展统计法治宣传。")) == 0.0
