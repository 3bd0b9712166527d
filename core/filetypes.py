"""Which responses are files (PDF, DOC …) rather than web pages: by name, else by Content-Type.

The crawler extracts their text and the check loader reads it back, so both classify the same way here.
"""

from __future__ import annotations

import posixpath
from urllib.parse import parse_qsl, unquote, urlsplit

SUFFIX_KINDS = {".pdf": "pdf", ".ofd": "ofd", ".docx": "docx", ".doc": "doc", ".wps": "doc", ".xlsx": "xlsx", ".xls": "xls",
                ".et": "xls"}
CONTENT_TYPE_KINDS = {
    "application/pdf": "pdf",
    "application/ofd": "ofd",  # GB/T 33190 documents (电子公文)
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/msword": "doc",
    "application/vnd.ms-works": "doc",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-excel": "xls",
}
# The kinds that have a text extractor; an ExtractedText row's `extractor` is one of these or "unknown".
ATTACHMENT_KINDS = ("pdf", "ofd", "docx", "doc", "xlsx", "xls")


_PAGE_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})  # a page, whatever its query names (pdf.js viewers)


def named_kind(name: str) -> str | None:
    """The kind a file name's suffix says (名单.xlsx: xlsx), or None."""
    return SUFFIX_KINDS.get(posixpath.splitext(name.strip().lower())[1])


def attachment_kind(url: str, content_type: str | None = None) -> str | None:
    """pdf | ofd | docx | doc | xlsx | xls, from the URL's suffix or else the Content-Type; None: not a file.

    A download handler names its file in the query instead (Hanweb's
    /module/download/downfile.jsp?classid=0&filename=….pdf, …/download.do?fileName=….docx): that name counts
    unless the path is a web page."""
    parts = urlsplit(url)
    kind = named_kind(unquote(parts.path))
    if kind:
        return kind
    if parts.query and posixpath.splitext(parts.path.lower())[1] not in _PAGE_SUFFIXES:
        for _, value in parse_qsl(parts.query):
            if kind := named_kind(value):
                return kind
    if content_type:
        return CONTENT_TYPE_KINDS.get(content_type.split(";")[0].strip().lower())
    return None


def content_type(headers: dict | None) -> str | None:
    return next((v[0] if isinstance(v, list) else v for k, v in (headers or {}).items()
                 if k.lower() == "content-type" and v), None)


def is_file(url: str, headers: dict | None) -> bool:
    """A document (PDF, DOC …) rather than a web page, by its name or its Content-Type."""
    return attachment_kind(url) is not None or attachment_kind("", content_type(headers)) is not None
