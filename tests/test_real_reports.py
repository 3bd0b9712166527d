"""The annual-report checks on real published reports (benchmarks/data/real_reports, sources in its
manifest.json): a report as published must not be reported for what our parser misreads, and a real
error in it must be found."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from checks.annual_report import (
    _narrative_of_text,
    _split_row,
    _text_rows,
    application_table_errors,
    find_reports,
    format_problems,
    incomplete,
    inconsistent,
    missing,
    narrative_shingles,
    review_table_errors,
    similar,
)
from checks.base import Attachment, AuditData, CheckRules, ColumnState, Item, UnitState
from checks.interpretation import missing as interpretation_missing
from checks.registry import registered_checks
from checks.text import page_text

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "real_reports"
SHANGHAI = (DATA / "shanghai_bgt_2019.html").read_text("utf-8")
AS_OF = date(2020, 6, 30)


def _data(html: str, year: int = 2019, published: date = date(2020, 1, 31), title: str = "") -> AuditData:
    title = title or f"{year}年上海市人民政府办公厅政府信息公开工作年度报告"
    item = Item(title, "https://www.shanghai.gov.cn/nb/2019.html", published, 1, 2)
    column = ColumnState(1, "sh-bgt", "政府信息公开年报", "annual_report", "https://www.shanghai.gov.cn/nb/", True,
                         None, 1, datetime(2020, 6, 30, 12), (item,))
    unit = UnitState("sh-bgt", "上海市人民政府办公厅", "department", "https://www.shanghai.gov.cn/")
    bodies = {2: html.encode(), 1: b"<html><body></body></html>"}
    return AuditData((unit,), (column,), body=bodies.get)


def _application_rows(html: str):
    return find_reports(_data(html))[0].rows


def test_the_published_2019_report_has_no_finding() -> None:
    data = _data(SHANGHAI)
    assert incomplete(data, AS_OF, CheckRules()) == []
    assert inconsistent(data, AS_OF, CheckRules()) == []


def test_a_2019_report_may_use_the_2019_trial_table_a_2021_report_may_not() -> None:
    text = page_text(SHANGHAI).main
    assert format_problems(text, 2019) == []
    assert format_problems(text, 2020) == []
    problems = format_problems(text, 2022)
    assert [element for element, _ in problems] == ["主动公开情况统计表（第二部分表格）"]
    assert "2019年试行格式" in problems[0][1]
    # a report that has neither table is still missing it, whatever its year
    no_table = text.replace("第二十条第（一）项", "")
    assert format_problems(no_table, 2019) == [("主动公开情况统计表（第二部分表格）", "缺少")]


def test_blank_cells_keep_their_column() -> None:
    # real rows: &nbsp; cells, a blank 总计; '—' and '/' are written for none
    assert _split_row(["一、本年新收政府信息公开申请数量", "821", "35", "", "", "2", "1", "859"]) == (
        "一、本年新收政府信息公开申请数量", (821, 35, None, None, 2, 1, 859))
    assert _split_row(["（一）予以公开", "258", "12", "", "", "1", "1", ""]) == (
        "（一）予以公开", (258, 12, None, None, 1, 1, None))
    assert _split_row(["2.重复申请", "5", "—", "/", "0", "－", "", "5"]) == ("2.重复申请", (5, None, None, 0, None, None, 5))
    assert _split_row(["自然人", "", "总计"]) == ("自然人 总计", ())
    assert _split_row(["", "", ""]) == ("", ())
    assert _split_row(["（七）总计", "１２", "０", "1，024"]) == ("（七）总计", (12, 0, 1024))  # full-width digits, comma


def test_the_real_table_is_read_with_its_blank_cells() -> None:
    rows = dict(_application_rows(SHANGHAI))
    assert rows["一、本年新收政府信息公开申请数量"] == (821, 35, None, None, 2, 1, 859)
    assert rows["三、本年度办理结果 （一）予以公开"] == (258, 12, None, None, 1, 1, None)
    assert rows["（七）总计"] == (767, 35, None, None, 2, 1, 805)
    assert rows["四、结转下年度继续办理"] == (72, None, None, None, None, None, 72)


def test_an_error_in_a_table_with_blank_totals_is_found() -> None:
    # one more 予以公开 application by a natural person: the 自然人 column no longer adds up to 767. Before
    # blank cells kept their place, every result row with a blank 总计 was dropped and nothing was compared.
    wrong = SHANGHAI.replace('<p align="center">258</p>', '<p align="center">259</p>', 1)
    errors = application_table_errors(_application_rows(wrong))
    assert errors == ["“自然人”一列各项办理结果之和768与总计767不符"]
    report = inconsistent(_data(wrong), AS_OF, CheckRules())
    assert len(report) == 1 and "768" in report[0].detail


def test_the_real_review_tables_add_up() -> None:
    # table 四 as published: Shanghai's HTML leaves blanks (5 + 2 = 7, 8 + 1 = 9, 复议后起诉 all blank), a
    # PDF's text gives one line of 15 numbers under its headers
    shanghai = find_reports(_data(SHANGHAI))[0].rows
    assert [n for label, n in shanghai if len(n) == 15] == [(5, None, None, 2, 7, 8, None, None, 1, 9) + (None,) * 5]
    assert review_table_errors(shanghai) == []
    page9 = _text_rows((DATA / "sj_2020_page9.txt").read_text("utf-8"))
    assert ("", (0,) * 15) in page9
    assert review_table_errors(tuple(page9)) == []


def test_a_review_table_that_does_not_add_up_is_found() -> None:
    # the line of 洪泽区人民政府's 2023 report (PDF kept out of git, benchmarks/data/real_reports/extra.json):
    # 行政复议 10 + 1 + 0 + 0 with 总计 0, 复议后起诉 5 with 总计 0
    page9 = (DATA / "sj_2020_page9.txt").read_text("utf-8")
    wrong = page9.replace(" ".join(["0"] * 15), "10 1 0 0 0 0 0 0 0 0 5 0 0 0 0")
    assert wrong != page9
    errors = review_table_errors(tuple(_text_rows(wrong)))
    assert len(errors) == 2 and "“行政复议”" in errors[0] and "之和11，与总计0不符" in errors[0]
    assert "复议后起诉" in errors[1] and "之和5" in errors[1]
    # Shanghai's 行政复议 总计 7 changed to 6
    shanghai = SHANGHAI.replace('<p align="center">7</p>', '<p align="center">6</p>', 1)
    assert shanghai != SHANGHAI
    assert review_table_errors(find_reports(_data(shanghai))[0].rows) == [
        "行政复议、行政诉讼情况表“行政复议”结果维持、结果纠正、其他结果、尚未审结之和7，与总计6不符"]
    # two different unlabelled rows of 15: which is table 四 is not known, nothing is compared; the same row
    # twice (a page's table and its PDF) is one table
    assert review_table_errors(tuple(_text_rows(wrong + "\n" + " ".join(["0"] * 15)))) == []
    assert len(review_table_errors(tuple(_text_rows(wrong + "\n10 1 0 0 0 0 0 0 0 0 5 0 0 0 0")))) == 2


def test_a_partly_filled_total_column_is_not_an_error() -> None:
    # the 总计 of one result row filled in (258+12+1+1), the others left blank as published: not an error
    filled = SHANGHAI.replace(
        '<td nowrap="nowrap"><p align="center">1</p></td><td nowrap="nowrap"><p align="center">&nbsp;</p></td></tr>',
        '<td nowrap="nowrap"><p align="center">1</p></td><td nowrap="nowrap"><p align="center">272</p></td></tr>', 1)
    assert filled != SHANGHAI
    assert dict(_application_rows(filled))["三、本年度办理结果 （一）予以公开"][-1] == 272
    assert application_table_errors(_application_rows(filled)) == []


def test_a_group_subtotal_row_is_not_added_to_its_items() -> None:
    # some reports give （三）不予公开 its own subtotal row above items 1.–8.
    rows = list(_application_rows(SHANGHAI))
    at = next(i for i, (label, _) in enumerate(rows) if "国家秘密" in label)
    subtotal = ("（三）不予公开", (22, 1, None, None, None, None, 23))
    rows[at] = ("1.属于国家秘密", rows[at][1])
    rows.insert(at, subtotal)
    assert application_table_errors(tuple(rows)) == []


def test_a_total_row_not_read_is_no_inconsistency() -> None:
    # Shanghai's table without its （七）总计 row (as when a layout hides it from our parser): nothing can be
    # compared, and that is no error of the report
    rows = tuple(r for r in _application_rows(SHANGHAI) if not r[0].endswith("总计"))
    assert len(rows) == len(_application_rows(SHANGHAI)) - 1
    assert application_table_errors(rows) == []


def test_rows_whose_blanks_vanished_are_not_compared() -> None:
    # a PDF's text loses empty cells: "258 12 1 1" cannot be told apart into columns
    text = "\n".join([
        "一、本年新收政府信息公开申请数量 821 35 2 1 859",
        "二、上年结转政府信息公开申请数量 18 18",
        "三、本年度办理结果 （一）予以公开 258 12 1 1",
        "（七）总计 767 35 2 1 805",
        "四、结转下年度继续办理 72 72",
    ])
    assert application_table_errors(tuple(_text_rows(text))) == []
    # a DOCX table's text keeps its empty cells between tabs
    docx = "\n".join([
        "一、本年新收政府信息公开申请数量\t821\t35\t\t\t2\t1\t859",
        "二、上年结转政府信息公开申请数量\t18\t\t\t\t\t\t18",
        "（一）予以公开\t258\t12\t\t\t1\t1\t",
        "（七）总计\t767\t35\t\t\t2\t1\t806",
        "四、结转下年度继续办理\t72\t\t\t\t\t\t72",
    ])
    errors = application_table_errors(tuple(_text_rows(docx)))
    assert any("不等于" in e for e in errors) and any("一行" in e for e in errors)


def test_a_wrapped_label_in_a_pdf_keeps_its_numbers() -> None:
    # lines as pypdf reads 淮安市人民政府's 2024 report (PDF kept out of git, see extra.json): the two long
    # （六）其他处理 labels wrap in their cells and their numbers stand alone; a page number falls between rows
    text = "\n".join([
        "一、本年新收政府信息公开申请数量 3 0 0 0 1 0 4",
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
        "（一）予以公开 1 0 0 0 1 0 2",
        "- 5 -",
        "（六）其",
        "他处理",
        "1、申请人无正当理由逾期不补",
        "正、行政机关不再处理其政府信",
        "息公开申请",
        "1 0 0 0 0 0 1",
        "2、申请人逾期未按收费通知要",
        "求缴纳费用、行政机关不再处理",
        "其政府信息公开申请",
        "1 0 0 0 0 0 1",
        "（七）总计 3 0 0 0 1 0 4",
        "四、结转下年度继续办理 0 0 0 0 0 0 0",
    ])
    rows = _text_rows(text)
    assert ("2、申请人逾期未按收费通知要 求缴纳费用、行政机关不再处理 其政府信息公开申请", (1, 0, 0, 0, 0, 0, 1)) in rows
    assert not any(numbers == (None, 5, None) for _, numbers in rows)
    assert application_table_errors(tuple(rows)) == []
    # the same numbers one short: found, not hidden by the wrapped rows
    assert application_table_errors(tuple(_text_rows(text.replace("（七）总计 3 0 0 0 1 0 4", "（七）总计 3 0 0 0 1 0 5"))))


def test_a_layout_table_around_the_report_keeps_its_rows_apart() -> None:
    # gov.cn and many CMSs put the article in a layout table: the report's rows are its own tables' rows
    body = SHANGHAI.split('<div id="zoom" class="Article_content">', 1)[1].rsplit("</div>\n<div class=\"footer\">", 1)[0]
    wrapped = SHANGHAI.replace(body, f"<table><tbody><tr><td>{body}</td></tr></tbody></table>")
    parsed = page_text(wrapped)
    assert "五、政府信息公开工作存在的主要问题及改进情况" in parsed.narrative
    assert "一是新《条例》实施后" in parsed.narrative
    assert "821" not in parsed.narrative  # the data tables are still out of the narrative
    assert application_table_errors(_application_rows(wrapped)) == []
    assert dict(_application_rows(wrapped))["（七）总计"] == (767, 35, None, None, 2, 1, 805)


def test_the_manifest_cites_a_source_for_every_report() -> None:
    manifest = json.loads((DATA / "manifest.json").read_text("utf-8"))
    for entry in manifest["reports"]:
        assert entry["source"] and entry["url"] and (DATA / entry["file"]).exists()


def test_attachment_text_of_an_excerpt_is_read() -> None:
    text = (DATA / "laifeng_zwfwj_2021.txt").read_text("utf-8")
    assert ("规章", (0, 0, 0)) in _text_rows(text)
    attachment = Attachment("sh-bgt", "https://x/r.pdf", "r.pdf", "https://www.shanghai.gov.cn/nb/2019.html", 3, text)
    assert attachment.text is not None


def test_headings_worded_as_real_reports_word_them() -> None:
    # the section names as the 2019 Shanghai report's preface gives them, and a 2024 report's "存在问题及改进情况"
    # (a third party's test page modelled on Hangzhou's report); before, sections 四 and 五 were "missing"
    text = page_text(SHANGHAI).main
    for heading, variant in (("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
                             ("五、政府信息公开工作存在的主要问题及改进情况", "五、存在问题及改进情况"),
                             ("六、其他需要报告的事项", "六、其他需要说明的事项")):
        assert heading in text
        preface_free = text.replace("全文包括总体情况", "").replace(heading, variant)
        assert format_problems(preface_free.split("本年度报告中所列数据")[-1], 2019) == []
    # table 四's own header cells do not stand in for the section heading
    headless = text.split("本年度报告中所列数据")[-1].replace("四、政府信息公开行政复议、行政诉讼情况", "")
    assert [e for e, _ in format_problems(headless, 2019)] == ["第四部分“政府信息公开行政复议、行政诉讼情况”"]


def test_a_title_with_the_year_in_chinese_numerals_is_a_report_of_that_year() -> None:
    # "二〇一九年" / "２０１９年": the report was not recognised, and the unit was told it had published none
    for year in ("二〇一九年", "２０１９年"):
        title = f"{year}上海市人民政府办公厅政府信息公开工作年度报告"
        data = _data(SHANGHAI, title=title)
        assert [r.year for r in find_reports(data)] == [2019]
        assert missing(data, AS_OF, CheckRules()) == []


# ---------------------------------------------------------------- interpretation: real State Council documents
def _policy_data(docs: list[tuple[str, str, date]]) -> AuditData:
    """One policy column of documents (title, body, date) as pages of www.gov.cn show them."""
    items, bodies = [], {}
    for i, (title, body, day) in enumerate(docs):
        items.append(Item(title, f"http://www.gov.cn/zhengce/content/{i}.htm", day, 1, 10 + i))
        bodies[10 + i] = (f'<html><body><div class="nav">首页</div><table><tbody><tr><td id="UCAP-CONTENT">'
                          f"{body}</td></tr></tbody></table></body></html>").encode()
    column = ColumnState(1, "gov", "国务院文件", "policy", "http://www.gov.cn/zhengce/", True, None, 1,
                         datetime(2019, 6, 30, 12), tuple(items))
    return AuditData((UnitState("gov", "国务院", "government", "http://www.gov.cn/"),), (column,), body=bodies.get)


def test_only_documents_that_owe_an_interpretation_are_reported_missing() -> None:
    # titles, 文号 and dates of real State Council documents (benchmarks/data/real_policies_labels.json)
    owed = [("国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见",
             "<p>国办发〔2018〕118号</p><p>各省、自治区、直辖市人民政府：</p>", date(2019, 1, 3)),
            ("中华人民共和国个人所得税法实施条例",
             "<p>中华人民共和国国务院令</p><p>第707号</p><p>现公布修订后的《中华人民共和国个人所得税法实施条例》</p>",
             date(2018, 12, 22))]
    not_owed = [("国务院办公厅关于科技节水建议的复函", "<p>国办函〔2005〕21号</p><p>水利部：</p>", date(2005, 3, 1)),
                ("国务院办公厅对十届全国人大四次会议第7240号建议的答复", "<p>国办函〔2006〕71号</p>", date(2006, 7, 1)),
                ("国务院关于河北雄安新区总体规划（2018—2035年）的批复", "<p>国函〔2018〕159号</p>", date(2018, 12, 25)),
                ("国务院办公厅关于2019年部分节假日安排的通知", "<p>国办发明电〔2018〕15号</p>", date(2018, 12, 6)),
                ("国务院办公厅关于调整国家教材委员会组成人员的通知", "<p>国办发〔2018〕109号</p>", date(2018, 12, 24)),
                ("国务院关于2018年度国家科学技术奖励的决定", "<p>国发〔2018〕44号</p>", date(2018, 12, 29)),
                # a policy, but of 1981: the 解读 rule of 国办发〔2016〕80号 did not exist
                ("国务院关于棉粮、糖粮挂钩奖售粮几个问题的通知", "<p>国发〔1981〕88号</p>", date(1981, 12, 31))]
    data = _policy_data(owed + not_owed)
    found = interpretation_missing(data, date(2019, 6, 30), CheckRules())
    assert sorted(f.subject for f in found) == sorted(title for title, _, _ in owed)
    # the documents that owe none are judged all the same: an earlier finding on one of them closes
    scope = registered_checks()["interpretation.missing"].scope
    assert scope is not None and ("gov", "policy:http://www.gov.cn/zhengce/content/2.htm") in scope(data)
    assert any("国令第707号" in f.detail or "令" in (f.evidence.get("document_number") or "") for f in found)


def test_a_notice_about_compiling_the_reports_is_not_a_report() -> None:
    # a real notice listed among the reports (怀化, 2021): it was judged a 2021 report lacking all nine elements
    notice = "怀化市政务公开政务服务领导小组办公室关于认真做好2021年政府信息公开工作年度报告编制发布工作的通知"
    text = (DATA / "huaihua_notice_2021.txt").read_text("utf-8")
    page = "<html><body><div id='zoom'>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</div></body></html>"
    data = _data(page, year=2021, published=date(2022, 1, 10), title=notice)
    assert find_reports(data) == []
    assert incomplete(data, date(2022, 6, 30), CheckRules()) == []
    # judged all the same: a finding an earlier version gave it is rectified, not left open
    scope = registered_checks()["annual_report.format"].scope
    assert scope is not None
    assert ("sh-bgt", "report:https://www.shanghai.gov.cn/nb/2019.html#第一部分“总体情况”") in scope(data)
    for title in ("2021年度政府信息公开工作年度报告解读", "一图读懂2021年政府信息公开工作年度报告"):
        assert find_reports(_data(SHANGHAI, title=title)) == []


PREFACE = ("本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求编制，"
           "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议和提起行政诉讼情况、政府信息公开工作存在的主要问题及"
           "改进情况及其他需要报告的事项。本年度报告中所列数据统计期限从{y}年1月1日到12月31日止。本年度报告电子版可从“中国上海”"
           "门户网站（www.shanghai.gov.cn）下载。")
# two real paragraphs of other reports (来凤县政务服务和大数据管理局 2021, 某县信访局 2021) stand in for two years' own text
OWN = {2021: ("常态化对门户网站、政务公开网等政府信息公开平台进行自查,杜绝平台更新不及时、表述不规范和链接失效等问题。"
              "仔细校对审核文字内容和规范表述,注意保护个人隐私,整改错误、失效链接,不断提升政府信息公开网站规范化水平。"),
       2022: ("我局把依申请公开工作列为年度政务公开工作的重点任务,明确专人具体办理,严格审查,"
              "不断推进依申请公开工作规范化、标准化。我局将政务公开工作纳入年度工作要点,对照政务公开标准规范清单,与业务工作协同推进,各股室形成工作合力。")}


def _two_years(own_2022: str) -> AuditData:
    items, bodies = [], {}
    for i, (year, own) in enumerate(((2021, OWN[2021]), (2022, own_2022))):
        title = f"{year}年上海市人民政府办公厅政府信息公开工作年度报告"
        items.append(Item(title, f"https://www.shanghai.gov.cn/nb/{year}.html", date(year + 1, 1, 20), 1, 2 + i))
        body = f"<p>{PREFACE.format(y=year)}</p><p>一、总体情况</p><p>{own}</p>"
        bodies[2 + i] = f"<html><body><div id='zoom'>{body}</div></body></html>".encode()
    column = ColumnState(1, "sh-bgt", "政府信息公开年报", "annual_report", "https://www.shanghai.gov.cn/nb/", True,
                         None, 1, datetime(2023, 6, 30, 12), tuple(items))
    unit = UnitState("sh-bgt", "上海市人民政府办公厅", "department", "https://www.shanghai.gov.cn/")
    return AuditData((unit,), (column,), body=bodies.get)


def test_the_preface_formula_does_not_make_two_reports_alike() -> None:
    assert similar(_two_years(OWN[2022]), date(2023, 6, 30), CheckRules()) == []
    # the same own text as last year is still copy-paste
    found = similar(_two_years(OWN[2021]), date(2023, 6, 30), CheckRules())
    assert len(found) == 1 and found[0].evidence["compared_with"]["year"] == 2021


def test_a_pdf_reports_tables_and_wrapped_preface_are_no_narrative() -> None:
    # table 四 of a real PDF report as text: its header words go, the section's own sentence and 五 stay
    narrative = _narrative_of_text((DATA / "sj_2020_page9.txt").read_text("utf-8"))
    assert "未经复议直接起诉" not in narrative and "维 纠 结 审" not in narrative
    assert "未出现申请行政复议、提起行政诉讼的情况" in narrative and "仍存在着一些短板和不足" in narrative
    # the preface of 洪泽区人民政府's 2023 report as pypdf wraps it (PDF kept out of git, extra.json): every
    # sentence is the yearly formula, though no line holds a whole sentence
    preface = "\n".join([
        "本报告由淮安市洪泽区人民政府办公室根据《中华人民共和",
        "国政府信息公开条例》（国令第 711 号）（以下简称《条例》）",
        "要求编制此报告。报告中所列数据统计期限自 2023 年 1 月 1 日",
        "起至 2023 年 12 月 31 日止。如对本报告有疑问，请与淮安市洪",
        "泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道 90",
        "号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：",
        "hzzwgk@126.com）。",
    ])
    report = find_reports(_data(SHANGHAI))[0]
    assert narrative_shingles(replace(report, narrative=preface), "") == set()


def test_a_report_published_as_images_is_not_judged_on_its_text() -> None:
    """Small units post the printed report as scanned page images: the page's text is the title and a line.
    Nothing is readable, so no section or table is "missing" (nine deductions before); a report missing its
    sections in text is still reported, and the unit has a report (no annual_report.missing)."""
    title = "2019年上海市人民政府办公厅政府信息公开工作年度报告"
    images = (f'<html><body><h1>{title}</h1><div class="article">'
              + "".join(f'<p><img src="/nb/202001/W02020012051234567890{i}.jpg"></p>' for i in range(1, 7))
              + "<p>发布时间：2020-01-20</p></div></body></html>")
    data = _data(images)
    [report] = find_reports(data)
    assert report.text_pending
    assert incomplete(data, AS_OF, CheckRules()) == [] and missing(data, AS_OF, CheckRules()) == []
    # a stub without pictures is judged: an incomplete report (the fixture portals' 市场监管局 pages)
    stub = (f"<html><body><img src='/images/top_bg.jpg'><h1>{title}</h1><div class='article'><p>为深入贯彻落实上级"
            "决策部署，认真组织开展相关工作。</p></div><img src='/images/dzjg.png'></body></html>")  # template pictures
    assert len(incomplete(_data(stub), AS_OF, CheckRules())) == 9
    overview = page_text(SHANGHAI).main.split("一、总体情况")[1][:400]  # the real report's own overview only
    assert len(incomplete(_data(f"<html><body><h1>{title}</h1><div class='article'><p>一、总体情况</p>"
                                f"<p>{overview}</p></div></body></html>"), AS_OF, CheckRules())) == 8


def test_late_report_whose_address_says_it_was_made_in_time() -> None:
    """A list dated after the deadline stands (it is what the reader sees), but a page the CMS filed within the
    deadline (t20200121_…) may have been re-published after an edit: the finding says so, for the appeal."""
    from dataclasses import replace

    from checks.annual_report import late

    def finding(url: str):
        data = _data(SHANGHAI, published=date(2020, 3, 10))
        column = data.columns[0]
        item = replace(column.items[0], url=url)
        [found] = late(replace(data, columns=(replace(column, items=(item,)),)), AS_OF, CheckRules())
        return found

    made = finding("https://www.shanghai.gov.cn/nb/202001/t20200121_1.html")
    assert made.evidence["address_day"] == "2020-01-21" and "页面地址日期为2020年01月21日，在期限内" in made.detail
    for url in ("https://www.shanghai.gov.cn/nb/202003/t20200310_1.html",  # filed when listed: nothing to say
                "https://www.shanghai.gov.cn/nb/201912/t20191230_1.html",  # before the year ended: not this report's day
                "https://www.shanghai.gov.cn/nb/2019.html"):
        late_one = finding(url)
        assert "address_day" not in late_one.evidence and "页面地址日期" not in late_one.detail
