"""Text of attachments (PDF, OFD, DOCX, DOC/WPS, XLSX, XLS/ET): pure functions from bytes to text.

Every extractor stops at `limit` characters (the checks need the words, not a whole statistical
yearbook) and never raises on a broken file: the reason goes into `TextResult.error`.
DOC and WPS (Kingsoft's Word-compatible format) are read by Debian's antiword, then catdoc.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

from core.text import clean_text
from crawler.extract.ofd_text import is_ofd, ofd_text

_TOOL_TIMEOUT = 60


@dataclass(frozen=True)
class TextResult:
    text: str
    truncated: bool = False
    error: str | None = None


def sniff_kind(body: bytes) -> str | None:
    """What the bytes really are: portals often serve a DOCX named .doc, or a PDF as octet-stream."""
    if body.startswith(b"%PDF"):
        return "pdf"
    if body.startswith(b"PK\x03\x04"):
        head = body[:4000]
        if b"xl/" in head or b"word/" in head:
            return "xlsx" if b"xl/" in head else "docx"
        return "ofd" if is_ofd(body) else None  # OFD.xml may come last in the package
    if body.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: Word 97 / WPS / Excel 97
        return "xls" if b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in body[:65536] else "doc"
    return None


def _clip(text: str, limit: int) -> TextResult:
    # NUL never belongs to a document's words, and PostgreSQL's text type refuses it
    text = re.sub(r"[ \t\u3000]+\n", "\n", clean_text(text)).strip()
    return TextResult(text[:limit], truncated=len(text) > limit)


def _pdf(body: bytes, limit: int) -> TextResult:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    parts: list[str] = []
    size = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > limit:
            break
    return _clip("\n".join(parts), limit)


def _docx(body: bytes, limit: int) -> TextResult:
    from crawler.extract.docx_text import Unsure, docx_text

    try:
        return _clip(docx_text(body), limit)
    except Unsure:
        return _docx_python_docx(body, limit)


def _docx_python_docx(body: bytes, limit: int) -> TextResult:
    import docx

    document = docx.Document(io.BytesIO(body))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return _clip("\n".join(parts), limit)


def _xlsx(body: bytes, limit: int) -> TextResult:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    lines: list[str] = []
    size = 0
    try:
        for sheet in book.worksheets:
            lines.append(f"# {sheet.title}")
            for row in sheet.iter_rows(values_only=True):
                line = "\t".join("" if v is None else str(v) for v in row).rstrip("\t")
                if line:
                    lines.append(line)
                    size += len(line)
                if size > limit:
                    return _clip("\n".join(lines), limit)
    finally:
        book.close()
    return _clip("\n".join(lines), limit)


def _xls(body: bytes, limit: int) -> TextResult:
    import xlrd

    book = xlrd.open_workbook(file_contents=body, on_demand=True)
    lines: list[str] = []
    for sheet in book.sheets():
        lines.append(f"# {sheet.name}")
        for r in range(sheet.nrows):
            line = "\t".join(str(v) for v in sheet.row_values(r)).rstrip("\t")
            if line:
                lines.append(line)
        if sum(map(len, lines)) > limit:
            break
    return _clip("\n".join(lines), limit)


def _doc(body: bytes, limit: int) -> TextResult:
    with tempfile.NamedTemporaryFile(suffix=".doc") as tmp:
        tmp.write(body)
        tmp.flush()
        errors = []
        for command in (["antiword", "-m", "UTF-8.txt", "-w", "0", tmp.name], ["catdoc", "-d", "utf-8", "-w", tmp.name]):
            if shutil.which(command[0]) is None:
                errors.append(f"{command[0]} 未安装")
                continue
            proc = subprocess.run(command, capture_output=True, timeout=_TOOL_TIMEOUT)
            text = proc.stdout.decode("utf-8", "replace")
            if proc.returncode == 0 and text.strip():
                return _clip(text, limit)
            errors.append(f"{command[0]}: {proc.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return TextResult("", error="；".join(errors))


def _ofd(body: bytes, limit: int) -> TextResult:
    return _clip(ofd_text(body), limit)


EXTRACTORS = {"pdf": _pdf, "ofd": _ofd, "docx": _docx, "xlsx": _xlsx, "xls": _xls, "doc": _doc}


def extract_text(body: bytes, kind: str, limit: int = 200_000) -> TextResult:
    """The text of an attachment of this kind (the bytes' own signature wins over the name)."""
    real = sniff_kind(body) or kind
    extractor = EXTRACTORS.get(real)
    if extractor is None:
        return TextResult("", error=f"不支持的附件类型 {kind}")
    try:
        return extractor(body, limit)
    except Exception as exc:
        return TextResult("", error=f"{type(exc).__name__}: {exc}"[:500])
