"""Text of OFD documents (GB/T 33190, 版式文档): the format of China's electronic official documents (电子公文).

An OFD file is a ZIP package: OFD.xml names each document's root (DocBody/DocRoot, e.g. Doc_0/Document.xml),
which lists its pages (Pages/Page/@BaseLoc) and their templates (CommonData/TemplatePage: a letterhead, an
invoice's printed labels). A page's Content.xml places text objects: TextObject/@Boundary "x y w h" (mm, from
the top left) holding TextCode elements with their X and Y inside that box. Producers write one object per
character as often as one per line, in any order, so the text is put back in reading order by position: lines
by baseline (top to bottom), characters within a line by x. The XML is read without entities or network access,
and the package without reading more than `_MAX_BYTES` from it (a ZIP bomb costs nothing).
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

_MAX_BYTES = 64 * 1024 * 1024  # XML read from one package at the most
_LINE_TOLERANCE = 0.5  # baselines closer than this share of the font size form one line
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


class OfdError(ValueError):
    """Not an OFD package, or one whose structure cannot be followed."""


def is_ofd(body: bytes) -> bool:
    """A ZIP package with OFD.xml at its root."""
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as package:
            return any(name.lower() == "ofd.xml" for name in package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    """Descendants named `name` in any namespace (producers use ofdspec.org's, none, or another)."""
    return [e for e in element.iter() if _local(e) == name]


def _numbers(raw: str | None, count: int) -> list[float]:
    try:
        values = [float(v) for v in (raw or "").replace(",", " ").split()]
    except ValueError:
        values = []
    return (values + [0.0] * count)[:count]


class _Package:
    def __init__(self, body: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(body))
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise OfdError(f"不是 ZIP 包：{exc}") from exc
        self.names = {name.lower().lstrip("/"): name for name in self.zip.namelist()}
        self.budget = _MAX_BYTES

    def xml(self, path: str) -> etree._Element | None:
        """The parsed part at `path` (case-insensitive: packages made on Windows differ), or None."""
        name = self.names.get(posixpath.normpath(path.replace("\\", "/")).lstrip("/").lower())
        if name is None:
            return None
        size = self.zip.getinfo(name).file_size
        if size > self.budget:
            raise OfdError("OFD 包内 XML 过大")
        self.budget -= size
        with self.zip.open(name) as part:
            data = part.read(size + 1)
        return etree.fromstring(data, _PARSER) if data.strip() else None


def _text_lines(page: etree._Element) -> list[tuple[float, float, float, str]]:
    """(baseline y, x, font size, text) of every TextCode of a page or template, in page coordinates."""
    out = []
    for obj in _children(page, "TextObject"):
        left, top, _, _ = _numbers(obj.get("Boundary"), 4)
        size = _numbers(obj.get("Size"), 1)[0] or 3.5
        x = y = 0.0
        for code in _children(obj, "TextCode"):
            x = _numbers(code.get("X"), 1)[0] if code.get("X") is not None else x
            y = _numbers(code.get("Y"), 1)[0] if code.get("Y") is not None else y
            if code.text and code.text.strip():
                out.append((top + y, left + x, size, code.text))
    return out


def _reading_order(codes: list[tuple[float, float, float, str]]) -> list[str]:
    """Lines top to bottom, each left to right."""
    lines: list[list[tuple[float, float, float, str]]] = []
    for code in sorted(codes):
        if lines and abs(code[0] - lines[-1][0][0]) <= _LINE_TOLERANCE * max(code[2], lines[-1][0][2]):
            lines[-1].append(code)
        else:
            lines.append([code])
    return ["".join(c[3] for c in sorted(line, key=lambda c: c[1])) for line in lines]


def _document_pages(package: _Package, doc_path: str) -> list[str]:
    """The text of each page of one document of the package, its template pages first (none: no such part)."""
    document = package.xml(doc_path)
    if document is None:
        return []
    base = posixpath.dirname(doc_path.replace("\\", "/"))
    templates = {t.get("ID"): t.get("BaseLoc") or "" for t in _children(document, "TemplatePage")}
    template_codes: dict[str | None, list[tuple[float, float, float, str]]] = {}  # read once, not per page
    out = []
    for page_ref in _children(document, "Page"):
        location = page_ref.get("BaseLoc")
        page = package.xml(posixpath.join(base, location)) if location else None
        if page is None:
            continue
        codes = []
        for used in _children(page, "Template"):
            template_id = used.get("TemplateID")
            if template_id not in template_codes:
                template = package.xml(posixpath.join(base, templates.get(template_id, "")))
                template_codes[template_id] = _text_lines(template) if template is not None else []
            codes += template_codes[template_id]
        codes += _text_lines(page)
        out.append("\n".join(_reading_order(codes)))
    return out


def ofd_text(body: bytes) -> str:
    """The text of every page of every document in the package, pages in order, templates first."""
    package = _Package(body)
    root = package.xml("OFD.xml")
    if root is None:
        raise OfdError("缺少 OFD.xml")
    doc_roots = _children(root, "DocRoot")
    if not doc_roots:
        raise OfdError("OFD.xml 未指明文档（DocRoot）")
    return "\n\n".join(page for doc_root in doc_roots for page in _document_pages(package, (doc_root.text or "").strip()))
