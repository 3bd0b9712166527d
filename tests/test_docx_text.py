"""The lxml DOCX reader against python-docx itself: same text, or it steps aside (`Unsure`)."""

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from crawler.extract.attachments import _docx, _docx_python_docx
from crawler.extract.docx_text import Unsure, docx_text
from fixtures.county import _docx as county_docx

SITE = Path(__file__).resolve().parent.parent / "fixtures" / "portals"


def reference(body: bytes) -> str:
    """What attachments._docx read with python-docx before the lxml reader existed."""
    document = docx.Document(io.BytesIO(body))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def merged_tables() -> bytes:
    """Horizontal and vertical merges, a nested table, a line break, a page break and a tab, written by
    python-docx's own API (as Word would store them: gridSpan, vMerge restart/continue)."""
    document = docx.Document()
    paragraph = document.add_paragraph("第一段")
    run = paragraph.add_run("换行")
    run.add_break()
    run.add_text("之后\t制表")
    paragraph.add_run("分页").add_break(WD_BREAK.PAGE)
    table = document.add_table(rows=4, cols=4)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"格{r}{c}"
    table.cell(0, 0).merge(table.cell(0, 2))  # gridSpan 3
    table.cell(1, 1).merge(table.cell(3, 1))  # vMerge over three rows
    table.cell(2, 2).merge(table.cell(3, 3))  # both at once
    table.cell(1, 3).add_table(rows=1, cols=2).cell(0, 1).text = "内层"
    table.cell(1, 3).add_paragraph("第二行")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "第二个表"
    return saved(document)


def outcome(extract, body: bytes):
    try:
        return extract(body, 200_000)
    except Exception as exc:
        return type(exc), re.sub(r"0x[0-9a-f]+", "0x", str(exc))  # python-docx names the stream's address


def farm_docx() -> list[Path]:
    return sorted(SITE.rglob("*.docx"))


def test_farm_and_county_documents_read_the_same() -> None:
    bodies = [p.read_bytes() for p in farm_docx()] + [county_docx(["标题", "正文一段。", "二"])]
    assert len(bodies) >= 2
    for body in bodies:
        assert docx_text(body) == reference(body)
        assert outcome(_docx, body) == outcome(_docx_python_docx, body)


def test_merged_cells_nested_tables_and_breaks_read_the_same() -> None:
    body = merged_tables()
    text = docx_text(body)
    assert text == reference(body)
    assert "换行\n之后\t制表分页" in text  # a page break gives ""
    assert "\n格00\n格01\n格02\t格00\n格01\n格02\t格00\n格01\n格02\t格03\n" in text  # a span repeats per column
    assert "\n格20\t格11\n格21\n格31\t格22" in text  # a vMerge continuation repeats the cell above
    assert "内层" not in text  # python-docx's cell text leaves nested tables out


def rewritten(body: bytes, name: str, edit) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(body)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, edit(data) if item.filename == name else data)
    return out.getvalue()


@pytest.mark.parametrize("name, edit", [
    ("word/document.xml", lambda x: x[:-20]),  # truncated XML
    ("_rels/.rels", lambda x: x.replace(b"officeDocument/2006/relationships/officeDocument", b"x")),  # no main part
    ("[Content_Types].xml", lambda x: x.replace(b"document.main+xml", b"template.main+xml")),  # a .dotx
    ("word/_rels/document.xml.rels", lambda x: x.replace(b'Target="styles.xml"', b'Target="gone.xml"')),
    ("word/document.xml", lambda x: x.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="x"/>', 1)),
])
def test_what_it_is_unsure_of_goes_to_python_docx(name, edit) -> None:
    body = rewritten(merged_tables(), name, edit)
    with pytest.raises(Unsure):
        docx_text(body)
    assert outcome(_docx, body) == outcome(_docx_python_docx, body)  # python-docx's text or its error


def test_not_a_zip_gets_python_docx_s_error() -> None:
    body = b"PK\x03\x04 not really a zip"
    with pytest.raises(Unsure):
        docx_text(body)
    assert outcome(_docx, body) == outcome(_docx_python_docx, body)
    assert isinstance(outcome(_docx, body), tuple)
