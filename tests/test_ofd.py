"""OFD (GB/T 33190) attachments: real packages read in reading order, hostile ones refused, the crawl stores them."""

import io
import zipfile
from pathlib import Path

import pytest

from core.filetypes import attachment_kind
from crawler.extract.attachments import extract_text, sniff_kind
from crawler.extract.ofd_text import OfdError, ofd_text

OFD = Path(__file__).resolve().parent / "data" / "ofd"


@pytest.mark.parametrize(("name", "expected"), [
    ("luqiao-pifu.ofd", "关于同意张阿三同志辞职的批复\n区中医院：\n你院《关于给张阿三同志辞职的请示》"),
    ("bengshan-han.ofd", "关于加快南货场铁路涵洞下穿建设的函\n蚌山区政府："),
    ("namespace-no-std.ofd", "你好呀，OFD Reader&Writer！"),
])
def test_real_packages_read_in_order(name: str, expected: str) -> None:
    body = (OFD / name).read_bytes()
    assert attachment_kind(f"http://x/{name}") == "ofd" == sniff_kind(body)
    result = extract_text(body, "ofd")
    assert result.error is None and expected in result.text


def test_template_pages_and_a_late_ofd_xml() -> None:
    """The invoice's labels are on template pages; OFD.xml is the package's last entry (sniffed all the same)."""
    body = (OFD / "invoice-templates.ofd").read_bytes()
    assert b"OFD.xml" not in body[:4000] and sniff_kind(body) == "ofd"
    text = extract_text(body, "pdf").text  # the bytes' signature wins over a wrong name
    assert "重庆增值税电子普通发票" in text  # from Tpls/Tpl_0
    assert "销售方名称：财天下科技有限公司" in text and text.count("销售货物或者提供应税劳务、服务清单") == 4
    assert text.index("共4页第1页") < text.index("共4页第2页")


def _package(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


_ROOT = (b'<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody>'
         b'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
_DOC = (b'<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages>'
        b'<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')


def _page(text: str, *, boundary: str = "10 20 100 10") -> bytes:
    return (f'<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>'
            f'<ofd:TextObject ID="2" Size="4" Boundary="{boundary}"><ofd:TextCode X="0" Y="4">{text}</ofd:TextCode>'
            f'</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>').encode()


def test_hostile_packages_are_results_not_crashes() -> None:
    laughs = (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
              b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>' + _page("&c;"))
    text = extract_text(_package({"OFD.xml": _ROOT, "Doc_0/Document.xml": _DOC, "Doc_0/Pages/Page_0/Content.xml": laughs}),
                        "ofd").text
    assert "haha" not in text  # entities are never expanded
    bomb = _package({"OFD.xml": _ROOT, "Doc_0/Document.xml": _DOC,
                     "Doc_0/Pages/Page_0/Content.xml": _page("正文" + " " * (70 * 1024 * 1024))})
    assert len(bomb) < 1_000_000
    result = extract_text(bomb, "ofd")
    assert result.text == "" and "过大" in (result.error or "")
    assert sniff_kind(_package({"readme.txt": b"hello"})) is None
    assert extract_text(b"PK\x03\x04 broken", "ofd").error
    with pytest.raises(OfdError):
        ofd_text(_package({"OFD.xml": b"<OFD/>"}))


def test_characters_placed_one_by_one_come_back_in_reading_order() -> None:
    """Producers often write one TextObject per character, in any order: lines by baseline, then x."""
    codes = [("第", "10 20 4 5"), ("二", "10 30 4 5"), ("一", "14 20.5 4 5"), ("行", "14 30 4 5"), ("行", "18 20 4 5")]
    page = ('<Page><Content><Layer>' + "".join(
        f'<TextObject Size="4" Boundary="{b}"><TextCode X="0" Y="4">{t}</TextCode></TextObject>'
        for t, b in reversed(codes)) + '</Layer></Content></Page>').encode()
    body = _package({"OFD.xml": _ROOT.replace(b"ofd:", b""), "Doc_0/Document.xml": _DOC.replace(b"ofd:", b""),
                     "Doc_0/Pages/Page_0/Content.xml": page})
    assert ofd_text(body) == "第一行\n二行"  # 一 sits half a millimetre low: the same line


def test_crawl_reads_an_ofd_attachment(sqlite_url: str) -> None:
    """A detail page's OFD attachment is fetched, its text extracted and given to the checks."""
    from localserver import html
    from tests_registry import crawl_scripted_unit

    body = (OFD / "luqiao-pifu.ofd").read_bytes()
    listing = '<ul class="list"><li><a href="/d/1.html">关于同意辞职的批复</a><span>2024-01-20</span></li></ul>'
    detail = '<h1>关于同意辞职的批复</h1><div class="content"><p>详见附件。</p><a href="/f/pifu.ofd">批复.ofd</a></div>'
    routes = {"/": html("首页"), "/list/index.html": html(listing), "/d/1.html": html(detail),
              "/f/pifu.ofd": lambda n, m: (200, {"Content-Type": "application/octet-stream"}, body)}
    data, _, _ = crawl_scripted_unit(sqlite_url, routes)
    assert [a.name for a in data.attachments] == ["批复.ofd"]
    assert "同意张阿三同志辞职" in data.attachments[0].text
