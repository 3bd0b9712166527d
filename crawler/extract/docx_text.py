"""DOCX text read straight from the main document part, without building python-docx's object tree.

python-docx parses every XML part of the package on open (the stock template's styles alone are
~800 KB), about 6 ms per attachment; the text only needs word/document.xml. The result is what
`attachments._docx` made with python-docx 1.2: body paragraphs, then each body table row by row, cells
joined by tabs, a horizontally merged cell repeated once per grid column it spans, a vertically merged
continuation repeating the cell above. Anything this reader is unsure of raises `Unsure`, and the caller
asks python-docx instead, so the two never disagree on a document both can read.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# python-docx's parser options (docx.oxml.parser): blank-text removal changes which text nodes exist
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_RUN_TEXT = {_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen", _W + "ptab"}


class Unsure(Exception):
    """This package or construct is left to python-docx."""


def _xml(z: zipfile.ZipFile, name: str) -> etree._Element:
    try:
        return etree.fromstring(z.read(name), _PARSER)
    except Exception as exc:  # missing or malformed: python-docx reports it in its own words
        raise Unsure(name) from exc


def _main_part(z: zipfile.ZipFile) -> str:
    """The main document part's zip name, after the checks python-docx's package reader makes on open:
    every internally related part exists and has a content type, and the main part is a Word document."""
    types = _xml(z, "[Content_Types].xml")
    overrides = {e.get("PartName", "").lower(): e.get("ContentType") for e in types.iterchildren(_CT + "Override")}
    defaults = {e.get("Extension", "").lower(): e.get("ContentType") for e in types.iterchildren(_CT + "Default")}
    names = set(z.namelist())
    main: list[str] = []
    seen: set[str] = set()
    todo = ["/"]
    while todo:
        source = todo.pop()
        base, filename = posixpath.split(source)
        rels_name = posixpath.join(base, "_rels", filename + ".rels")[1:]
        if rels_name not in names:
            continue
        for rel in _xml(z, rels_name).iterchildren(_RELS + "Relationship"):
            if rel.get("TargetMode") == "External":
                if source == "/" and rel.get("Type") == _OFFICE_DOCUMENT:
                    raise Unsure("external main part")
                continue
            target = rel.get("Target")
            if target is None:
                raise Unsure("relationship without a target")
            part = posixpath.abspath(posixpath.join(base, target))
            if source == "/" and rel.get("Type") == _OFFICE_DOCUMENT:
                main.append(part)
            if part in seen:
                continue
            seen.add(part)
            ext = posixpath.splitext(part)[1]
            if part[1:] not in names or (part.lower() not in overrides and ext[1:].lower() not in defaults):
                raise Unsure(part)
            todo.append(part)
    if len(main) != 1:
        raise Unsure("main part")
    content_type = overrides.get(main[0].lower()) or defaults.get(posixpath.splitext(main[0])[1][1:].lower())
    if content_type != _MAIN:
        raise Unsure(content_type)
    return main[0][1:]


def _run_text(run: etree._Element) -> str:
    out = []
    for e in run:
        tag = e.tag
        if tag not in _RUN_TEXT:
            continue
        if tag == _W + "t":
            out.append(e.text or "")
        elif tag == _W + "br":
            out.append("\n" if e.get(_W + "type", "textWrapping") == "textWrapping" else "")
        else:
            out.append("-" if tag == _W + "noBreakHyphen" else "\n" if tag == _W + "cr" else "\t")
    return "".join(out)


def _paragraph_text(p: etree._Element) -> str:
    """python-docx's Paragraph.text: direct runs and hyperlinks' direct runs, in document order."""
    out = []
    for e in p:
        if e.tag == _W + "r":
            out.append(_run_text(e))
        elif e.tag == _W + "hyperlink":
            out.extend(_run_text(r) for r in e if r.tag == _W + "r")
    return "".join(out)


def _int_prop(parent: etree._Element | None, prop: str, name: str, default: int) -> int:
    """A decimal w:val two levels down (`tcPr/gridSpan`, `trPr/gridBefore`), as python-docx reads it."""
    holder = parent.find(_W + prop) if parent is not None else None
    node = holder.find(_W + name) if holder is not None else None
    if node is None:
        return default
    value = node.get(_W + "val")
    if value is None or not value.isascii() or not value.isdigit():
        raise Unsure(f"{name} {value!r}")
    return int(value)


def _v_merge(tc: etree._Element) -> str | None:
    tcpr = tc.find(_W + "tcPr")
    node = tcpr.find(_W + "vMerge") if tcpr is not None else None
    return None if node is None else node.get(_W + "val", "continue")


def _row_cells(rows: list[etree._Element], index: int, texts: dict[etree._Element, str]) -> list[str]:
    """python-docx's _Row.cells for rows[index], as texts: a cell repeated per grid column it spans; a
    vMerge continuation resolved to the cell starting at the same grid offset in the row above."""

    def tc_cells(tc: etree._Element, row: int, offset: int) -> list[str]:
        if _v_merge(tc) == "continue":
            if row == 0:
                raise Unsure("vMerge in the first row")
            above = rows[row - 1]
            remaining = offset - _int_prop(above, "trPr", "gridBefore", 0)
            for candidate in above.iterchildren(_TC):
                if remaining < 0:
                    break
                if remaining == 0:
                    return tc_cells(candidate, row - 1, offset)
                remaining -= _int_prop(candidate, "tcPr", "gridSpan", 1)
            raise Unsure("no cell above")
        if tc not in texts:
            texts[tc] = "\n".join(_paragraph_text(p) for p in tc.iterchildren(_P))
        return [texts[tc]] * _int_prop(tc, "tcPr", "gridSpan", 1)

    row = rows[index]
    cells: list[str] = []
    offset = _int_prop(row, "trPr", "gridBefore", 0)
    for tc in row.iterchildren(_TC):
        cells.extend(tc_cells(tc, index, offset))
        offset += _int_prop(tc, "tcPr", "gridSpan", 1)
    return cells


def docx_text(body: bytes) -> str:
    """The text python-docx gives for this DOCX (see the module's docstring), or `Unsure`."""
    try:
        z = zipfile.ZipFile(io.BytesIO(body))
    except Exception as exc:
        raise Unsure("zip") from exc
    with z:
        root = _xml(z, _main_part(z))
    doc_body = root.find(_W + "body")
    if root.tag != _W + "document" or doc_body is None:
        raise Unsure("no w:body")
    parts = [_paragraph_text(p) for p in doc_body.iterchildren(_P)]
    texts: dict[etree._Element, str] = {}
    for table in doc_body.iterchildren(_TBL):
        rows = list(table.iterchildren(_TR))
        parts.extend("\t".join(_row_cells(rows, i, texts)) for i in range(len(rows)))
    return "\n".join(parts)
