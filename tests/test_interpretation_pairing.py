"""Pairing as a person reads it: plain-text mentions both ways, promised interpretations that never came,
documents that need none, copies measured on the document's full text, holidays with 调休 days."""

from __future__ import annotations

from datetime import date

import pytest

from checks.base import Attachment, AuditData, CheckRules, ColumnState, Item, UnitState
from checks.interpretation import copied, count_working_days, late, missing, needs_interpretation, pair_documents, unlinked
from checks.verbatim import SuffixAutomaton, copied_share

RULES = CheckRules()
AS_OF = date(2024, 12, 31)
BASE = "http://x/"


def _html(title: str, body: str) -> bytes:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><div class="nav">'
            f'<a href="/">首页</a></div><h1>{title}</h1><div id="zoom">{body}</div>'
            f'<div class="footer">主办：云和县人民政府</div></body></html>').encode()


class Site:
    """Documents in a policy column and interpretations in an interpretation column, as AuditData."""

    def __init__(self) -> None:
        self.bodies: dict[int, bytes] = {}
        self.columns: dict[str, list[Item]] = {"policy": [], "interpretation": []}
        self.attachments: list[Attachment] = []

    def add(self, category: str, slug: str, title: str, day: date, body: str, meta: dict | None = None) -> str:
        url = f"{BASE}{category}/{slug}.html"
        sid = len(self.bodies) + 1
        self.bodies[sid] = _html(title, body)
        self.columns[category].append(Item(title, url, day, None, sid, meta or {}))
        return url

    def data(self) -> AuditData:
        columns = tuple(ColumnState(i, "u", name, cat, f"{BASE}{cat}/", True, None, None, None, tuple(items))
                        for i, (cat, name, items) in enumerate(
                            (("policy", "政策文件", self.columns["policy"]),
                             ("interpretation", "政策解读", self.columns["interpretation"])), 1))
        return AuditData(units=(UnitState("u", "云和县人民政府", "government", BASE),), columns=columns,
                         attachments=tuple(self.attachments), body=self.bodies.get)


POLICY = ("第一条 为规范农村宅基地审批管理，保障农民合法权益，根据有关法律法规，结合本县实际，制定本办法。"
          "第二条 本办法适用于本县行政区域内农村村民申请使用宅基地建造住宅的审批和管理。"
          "第三条 县自然资源主管部门负责宅基地规划管理，县农业农村主管部门负责宅基地改革和管理有关工作。")
OWN_EXPLANATION = ("一、起草背景。近年来群众建房需求集中释放，审批环节多、时限长的问题比较突出。"
                   "二、主要变化。审批从多个部门分头办理改为乡镇一窗受理，办理时限压缩到二十个工作日。"
                   "三、咨询方式。县农业农村局改革科，联系电话0578-5550001。")


def _unlinked(site: Site) -> dict[str, list[str]]:
    return {f.subject: f.evidence["missing"] for f in unlinked(site.data(), AS_OF, RULES)}


def _matched_by(site: Site) -> str:
    """How the site's one pair was made (link, quoted_title …)."""
    [pair], _ = pair_documents(site.data())
    return pair.matched_by


def test_document_names_its_interpretation_in_plain_text_only() -> None:
    site = Site()
    doc = site.add("policy", "p1", "云和县农村宅基地管理办法", date(2024, 5, 6),
                   f"<p>云政发〔2024〕8号</p><p>{POLICY}</p><p>相关解读：《〈云和县农村宅基地管理办法〉政策解读》</p>")
    site.add("interpretation", "i1", "《云和县农村宅基地管理办法》政策解读", date(2024, 5, 7),
             f'<p>{OWN_EXPLANATION}</p><p>原文链接：<a href="{doc}">云和县农村宅基地管理办法</a></p>')
    [pair], unpaired = pair_documents(site.data())
    assert unpaired == [] and pair.matched_by == "link"
    assert _unlinked(site) == {"云和县农村宅基地管理办法": [
        "政策文件页面仅以文字提及解读（“相关解读：《〈云和县农村宅基地管理办法〉政策解读》”），无链接"]}


def test_interpretation_names_its_document_without_an_anchor() -> None:
    site = Site()
    doc = site.add("policy", "p1", "云和县城乡居民医疗救助实施细则", date(2024, 6, 3),
                   f"<p>云政办发〔2024〕21号</p><p>{POLICY}</p>")
    interp = site.add("interpretation", "i1", "图解：困难群众看病有了新保障", date(2024, 6, 4),
                      f"<p>近日，县政府办公室印发了云政办发〔2024〕21号文件。{OWN_EXPLANATION}</p>")
    site.bodies[1] = _html("云和县城乡居民医疗救助实施细则",
                           f'<p>云政办发〔2024〕21号</p><p>{POLICY}</p><p><a href="{interp}">相关解读</a></p>')
    [pair], _ = pair_documents(site.data())
    assert pair.matched_by == "link" and pair.policy.item.url == doc
    assert _unlinked(site) == {"云和县城乡居民医疗救助实施细则": [
        "解读页面仅以文字提及政策原文（“云政办发〔2024〕21号”），无链接"]}


def test_mentions_only_both_ways() -> None:
    site = Site()
    site.add("policy", "p1", "云和县促进就业创业若干措施", date(2024, 3, 4),
             f"<p>云政发〔2024〕5号</p><p>{POLICY}</p><p>政策解读详见《促进就业创业若干措施问答》。</p>")
    site.add("interpretation", "i1", "促进就业创业若干措施问答", date(2024, 3, 5),
             f"<p>《云和县促进就业创业若干措施》出台后，{OWN_EXPLANATION}</p>")
    assert _matched_by(site) == "quoted_title"  # the document's title quoted at the head of the interpretation
    [ways] = _unlinked(site).values()
    assert len(ways) == 2 and all("仅以文字提及" in w for w in ways)


def test_interpretation_given_only_as_an_attachment() -> None:
    site = Site()
    doc = site.add("policy", "p1", "云和县养老服务补贴办法", date(2024, 4, 1),
                   f'<p>云政发〔2024〕9号</p><p>{POLICY}</p><p>附件：<a href="/p/jd.docx">政策解读.docx</a></p>')
    site.attachments.append(Attachment("u", f"{BASE}p/jd.docx", "政策解读.docx", doc, 9, OWN_EXPLANATION))
    data = site.data()
    assert missing(data, AS_OF, RULES) == []  # it exists …
    [finding] = unlinked(data, AS_OF, RULES)  # … but not as a page linked both ways
    assert "仅以附件“政策解读.docx”提供" in finding.detail


def test_a_promised_interpretation_that_never_came() -> None:
    site = Site()
    site.add("policy", "p1", "关于调整城乡居民基本养老保险基础养老金的通知", date(2024, 7, 1),
             f"<p>{POLICY}</p><p>本通知的政策解读将另行发布。</p>", {})  # no 文号: only the promise makes it need one
    [finding] = missing(site.data(), AS_OF, RULES)
    assert "文中称“解读将另行发布”，但未找到该解读" in finding.detail


@pytest.mark.parametrize(("title", "body", "needed"), [
    ("云和县人民政府2023年政府信息公开工作年度报告",
     "<p>根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求，编制本报告。</p>", False),
    ("云和县发展和改革局2024年上半年工作总结", "<p>云发改〔2024〕30号</p><p>上半年工作如下。</p>", False),
    ("关于转发《浙江省数字经济促进条例》的通知", "<p>浙政办发〔2024〕3号</p><p>现转发给你们，请遵照执行。</p>", False),
    ("关于做好防汛工作的通知", "<p>根据丽政办发〔2024〕12号文件精神，现就有关事项通知如下。</p>", False),  # cites, not bears
    ("云和县农村宅基地管理办法", f"<p>云政发〔2024〕8号</p><p>{POLICY}</p>", True),
])
def test_which_documents_need_an_interpretation(title: str, body: str, needed: bool) -> None:
    site = Site()
    site.add("policy", "p1", title, date(2024, 2, 1), body)
    data = site.data()
    assert needs_interpretation(data, data.columns[0].items[0], "policy") is needed
    assert bool(missing(data, AS_OF, RULES)) is needed


def _linked_pair(doc_slug: str, doc_day: date, interp_slug: str, interp_day: date, title: str, number: str) -> Site:
    """A document and its 解读 (which links back to it), each listed on its own day."""
    site = Site()
    doc = site.add("policy", doc_slug, title, doc_day, f"<p>{number}</p><p>{POLICY}</p>")
    site.add("interpretation", interp_slug, f"《{title}》解读", interp_day, f'<p>{OWN_EXPLANATION}</p><a href="{doc}">原文</a>')
    return site


def test_late_across_national_day_with_its_make_up_days() -> None:
    # 2024: 9-29 (Sun) and 10-12 (Sat) are working days; 10-1 … 10-7 is the holiday
    assert count_working_days(date(2024, 9, 27), date(2024, 10, 8)).days == 3  # 9-29, 9-30, 10-8
    assert count_working_days(date(2024, 9, 30), date(2024, 10, 12)).days == 5  # 10-8 … 10-12
    site = _linked_pair("p1", date(2024, 9, 27), "i1", date(2024, 10, 9), "云和县物业服务收费管理办法", "云政发〔2024〕40号")
    [finding] = late(site.data(), AS_OF, RULES)
    assert finding.evidence["working_days"] == 4  # 9-29 (调休), 9-30, 10-8, 10-9; weekdays alone would say 8


def test_years_without_calendar_data_are_said_so(caplog: pytest.LogCaptureFixture) -> None:
    counted = count_working_days(date(2031, 1, 6), date(2031, 1, 13))
    assert counted.uncalendared == (2031,) and counted.days == 5
    assert "2031" in caplog.text
    site = Site()
    doc = site.add("policy", "p1", "云和县某某管理办法", date(2031, 1, 6), f"<p>云政发〔2031〕1号</p><p>{POLICY}</p>")
    site.add("interpretation", "i1", "《云和县某某管理办法》解读", date(2031, 1, 20),
             f'<p>{OWN_EXPLANATION}</p><a href="{doc}">原文</a>')
    [finding] = late(site.data(), date(2031, 2, 1), RULES)
    assert "节假日日历缺少2031年数据" in finding.detail


def test_copied_from_a_document_whose_text_is_in_a_pdf() -> None:
    plan = "".join(f"第{n}条 {POLICY[6:90]}第{n}款规定的事项由县人民政府负责组织实施并向社会公布办理结果。"
                   for n in range(1, 300))
    site = Site()
    doc = site.add("policy", "p1", "云和县国土空间总体规划实施方案", date(2024, 3, 1),
                   '<p>云政发〔2024〕2号</p><p>全文见附件。</p><a href="/p/plan.pdf">实施方案.pdf</a>')
    site.attachments.append(Attachment("u", f"{BASE}p/plan.pdf", "实施方案.pdf", doc, 9, plan))
    copy = plan[2000:2600] + OWN_EXPLANATION  # about two thirds repeated verbatim
    site.add("interpretation", "i1", "《云和县国土空间总体规划实施方案》解读", date(2024, 3, 1),
             f'<p>{copy}</p><a href="{doc}">原文</a>')
    [finding] = copied(site.data(), AS_OF, RULES)
    assert 0.6 < finding.evidence["share"] < 0.9 and "含附件正文" in finding.detail
    site.bodies[2] = _html("《云和县国土空间总体规划实施方案》解读", f'<p>{OWN_EXPLANATION}</p><a href="{doc}">原文</a>')
    assert copied(site.data(), AS_OF, RULES) == []  # its own words: not copied


def test_verbatim_share_is_exact_and_linear() -> None:
    assert copied_share("abcdefXYZabq", "zzabcdefzz", 3).covered == 6
    assert copied_share("abcdefXYZabc", "zzabcdefzz", 3).spans == ((0, 6), (9, 12))
    assert copied_share("ab", "ab", 3).covered == 0
    assert SuffixAutomaton("abcab").matching_lengths("cabd") == [1, 2, 3, 0]


# --- decoding as the crawler decoded ----------------------------------------------------------------
def test_header_and_meta_disagree_decoded_as_crawled() -> None:
    from scrapy.http import HtmlResponse

    from checks.sources import page
    from checks.text import decode_as_crawled

    raw = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
           '<body><h1>标题</h1><div id="zoom"><p>深入推进乡村振兴</p></div></body></html>').encode()
    crawled = HtmlResponse("http://x/a.html", body=raw, headers={"Content-Type": "text/html; charset=utf-8"})
    assert crawled.encoding == "utf-8"  # the header wins, as w3lib decides
    assert "乡村振兴" in decode_as_crawled(raw, crawled.encoding)
    assert "乡村振兴" in decode_as_crawled(raw, None, "text/html; charset=utf-8")  # no stored encoding
    data = AuditData(units=(), columns=(), body={1: raw}.get, encoding=lambda _id: ("utf-8", None))
    assert "深入推进乡村振兴" in page(data, 1).main


def test_relative_dates_read_against_the_capture_day() -> None:
    from crawler.extract.dates import find_date
    from crawler.extract.listing import extract_entries, parse_html

    captured = date(2024, 10, 2)
    assert find_date("3天前", today=captured) == date(2024, 9, 29)
    assert find_date("昨天 12:30", today=captured) == date(2024, 10, 1)
    assert find_date("2小时前", today=captured) == captured
    assert find_date("前天", today=captured) == date(2024, 9, 30)
    assert find_date("3天前") is None  # without a capture day there is no "3 days before"
    html = ('<ul class="list"><li><a href="/a/1.html">甲</a><span>昨天 12:30</span></li>'
            '<li><a href="/a/2.html">乙</a><span>5天前</span></li></ul>')
    entries = extract_entries(parse_html(html), "http://x/list.html", today=captured)
    assert [(e.publish_date, e.date_text) for e in entries] == [(date(2024, 10, 1), "昨天 12:30"),
                                                                 (date(2024, 9, 27), "5天前")]


# Real rows (benchmarks/data/real_interpretations/pairs.json: titles and dates as www.ndrc.gov.cn, www.miit.gov.cn,
# www.mee.gov.cn and zyk.bjhd.gov.cn list them). A 解读 names its document without the issuing organs the
# document's own title starts with, and without the 文号 a list puts after it.

def test_a_ministry_order_numbered_year_first_is_a_policy() -> None:
    site = Site()  # NDRC: 令 listed 2026-04-09, its 解读 posted 2026-04-24 (URL t20260424)
    site.add("policy", "p1", "《电力重大事故隐患判定标准及治理监督管理规定》 2026年第41号令", date(2026, 4, 9), "")
    site.add("interpretation", "i1", "《电力重大事故隐患判定标准及治理监督管理规定》解读", date(2026, 4, 24), "")
    data = site.data()
    [pair], _ = pair_documents(data)
    assert pair.matched_by == "quoted_title"
    [finding] = late(data, date(2026, 6, 22), RULES)
    assert finding.evidence["working_days"] == 11


@pytest.mark.parametrize(("document", "interpretation"), [
    ("关于加快招标投标领域人工智能推广应用的实施意见(发改法规〔2026〕195号)",
     "国家发展改革委新闻发言人就《国家发展改革委等部门关于加快招标投标领域人工智能推广应用的实施意见》答记者问"),
    ("工业和信息化部等七部门关于印发《新型电池产业发展“十五五”规划》的通知", "《新型电池产业发展“十五五”规划》解读"),
    ("海淀区民政局关于印发《海淀区养老家庭照护床位建设管理实施细则》", "《海淀区养老家庭照护床位建设管理实施细则》"),
])
def test_interpretation_quotes_the_document_without_its_issuers(document: str, interpretation: str) -> None:
    site = Site()
    site.add("policy", "p1", document, date(2026, 2, 10), "<p>发改法规〔2026〕195号</p>")
    site.add("policy", "p2", "关于加强排污许可执法监管的指导意见", date(2026, 2, 10), "<p>环执法〔2022〕23号</p>")
    site.add("interpretation", "i1", interpretation, date(2026, 2, 10), "")
    [pair], [alone] = pair_documents(site.data())
    assert pair.policy.item.title == document and pair.matched_by == "quoted_title"
    assert alone.item.title == "关于加强排污许可执法监管的指导意见"


def test_interpretation_titles_of_a_real_column() -> None:
    from checks.interpretation import is_interpretation_title

    for title in ("关于《职业病分类和目录》调整的答问", "《抗菌药物临床应用管理办法》有关问题答疑",
                  "《托儿所幼儿园卫生保健工作规范》修订说明", "图表：国务院印发《“十三五”卫生与健康规划》"):
        assert is_interpretation_title(title), title
    for title in ("卫生部办公厅关于开展医用辐射防护监测网试点工作的通知", "国务院办公厅关于推进政务新媒体健康有序发展的意见",
                  "关于禁止餐饮服务单位采购、贮存和使用亚硝酸盐的说明"):
        assert not is_interpretation_title(title), title


def test_links_in_a_block_below_the_content_container() -> None:
    """gov.cn and ndrc.gov.cn put "相关解读" and the link back to the document in a block of their own below
    the content container, outside what page_text reads as the main content: the reader has the link all the
    same, so the pair is linked both ways and no deduction is proposed."""
    site = Site()
    doc = site.add("policy", "p1", "云和县农村宅基地管理办法", date(2024, 5, 6), "")
    interp = site.add("interpretation", "i1", "《云和县农村宅基地管理办法》政策解读", date(2024, 5, 7), "")
    below = ('<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
             '<div class="header"><a href="/">首页</a></div><h1>{title}</h1>'
             '<div class="pages_content" id="UCAP-CONTENT">{body}</div>'
             '<div class="related"><h3>{label}</h3><ul><li><a href="{href}">{text}</a></li></ul></div>'
             '<div class="footer">主办：云和县人民政府</div></body></html>')
    site.bodies[1] = below.format(title="云和县农村宅基地管理办法", body=f"<p>云政发〔2024〕8号</p><p>{POLICY}</p>",
                                  label="相关解读", href="../interpretation/i1.html",
                                  text="《云和县农村宅基地管理办法》政策解读").encode()
    site.bodies[2] = below.format(title="《云和县农村宅基地管理办法》政策解读", body=f"<p>{OWN_EXPLANATION}</p>",
                                  label="相关文件", href=doc, text="云和县农村宅基地管理办法").encode()
    assert site.data().body(1) and interp
    [pair], unpaired = pair_documents(site.data())
    assert unpaired == [] and pair.interpretation.item.url == interp
    assert _unlinked(site) == {}
    # the same pages with the blocks' links gone: unlinked both ways, as before
    site.bodies[1] = site.bodies[1].replace(b'href="../interpretation/i1.html"', b'href="#"')
    site.bodies[2] = site.bodies[2].replace(f'href="{doc}"'.encode(), b'href="#"')
    assert _unlinked(site) == {"云和县农村宅基地管理办法": [
        "政策文件页面未链接解读", "解读页面仅以文字提及政策原文（“《云和县农村宅基地管理办法》”），无链接"]}


def test_late_counts_from_the_day_the_document_page_went_up() -> None:
    """A real list (国家能源局, 2026) dates an order 2026-04-20, its 成文日期, while the page is filed under
    t20260514 and the interpretation came out that day: the later day counts for the document, so the pair is
    not late. The same document filed on its list day with the interpretation ten working days on is late, and
    the address's day of an interpretation that the list dates later counts for the interpretation."""
    title, number = "云和县电力设施保护管理办法", "云政发〔2026〕5号"
    site = _linked_pair("202605/t20260514_1", date(2026, 4, 20), "202605/t20260514_2", date(2026, 5, 14), title, number)
    assert late(site.data(), AS_OF, RULES) == []
    site = _linked_pair("202604/t20260420_1", date(2026, 4, 20), "202605/t20260506_2", date(2026, 5, 14), title, number)
    [finding] = late(site.data(), AS_OF, RULES)
    assert (finding.evidence["counted_from"], finding.evidence["counted_to"]) == ("2026-04-20", "2026-05-06")
    assert "页面地址日期2026-05-06，按前者计" in finding.detail


def test_links_written_with_the_other_scheme_or_www_still_link() -> None:
    """Portals moved to HTTPS after their pages were written, and editors paste whichever address the browser
    showed: the document links its 解读 as https://x/…, the 解读 links back as http://www.x/…, while the crawl
    listed both as http://x/…. Each still leads the reader to the other page: linked both ways."""
    site = Site()
    site.add("policy", "p1", "云和县农村宅基地管理办法", date(2024, 5, 6),
             f'<p>云政发〔2024〕8号</p><p>{POLICY}</p><p><a href="https://x/interpretation/i1.html">相关解读</a></p>')
    site.add("interpretation", "i1", "《云和县农村宅基地管理办法》政策解读", date(2024, 5, 7),
             f'<p>{OWN_EXPLANATION}</p><p><a href="http://www.x:80/policy/p1.html">原文链接</a></p>')
    assert _matched_by(site) == "link"
    assert _unlinked(site) == {}
    # another page of the site is no link to it
    site.bodies[2] = site.bodies[2].replace(b"http://www.x:80/policy/p1.html", b"https://x/policy/p2.html")
    assert list(_unlinked(site).values()) == [["解读页面仅以文字提及政策原文（“《云和县农村宅基地管理办法》”），无链接"]]


def test_interpretation_that_links_the_documents_full_text_file() -> None:
    """The 解读's "原文链接" often opens the document's full text, a PDF attached to the document's page, rather
    than the page itself: the reader reaches the document, so that way is linked."""
    site = Site()
    doc = site.add("policy", "p1", "云和县农村宅基地管理办法", date(2024, 5, 6),
                   f'<p>云政发〔2024〕8号</p><p>{POLICY}</p><p><a href="../interpretation/i1.html">相关解读</a></p>'
                   '<p>附件：<a href="/p/bf.pdf">云和县农村宅基地管理办法.pdf</a></p>')
    site.attachments.append(Attachment("u", f"{BASE}p/bf.pdf", "云和县农村宅基地管理办法.pdf", doc, 9, POLICY))
    site.add("interpretation", "i1", "《云和县农村宅基地管理办法》政策解读", date(2024, 5, 7),
             f'<p>{OWN_EXPLANATION}</p><p><a href="https://x/p/bf.pdf">原文链接</a></p>')
    assert _matched_by(site) == "link"
    assert _unlinked(site) == {}
    # a file of another page is no link to this document
    site.attachments[0] = Attachment("u", f"{BASE}p/bf.pdf", "附件.pdf", f"{BASE}policy/p9.html", 9, POLICY)
    assert list(_unlinked(site).values()) == [["解读页面仅以文字提及政策原文（“《云和县农村宅基地管理办法》”），无链接"]]
