"""Rows to the terminal: an aligned table (CJK-aware widths), JSON lines or CSV. Text from crawled pages
reaches none of them raw: escape sequences and bidi overrides are shown, never acted on (core.text)."""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.text import json_safe, terminal_safe


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, limit: int) -> str:
    if _width(text) <= limit:
        return text
    out, width = "", 0
    for ch in text:
        w = _width(ch)
        if width + w > limit - 1:
            break
        out, width = out + ch, width + w
    return out + "…"


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]], max_width: int = 60) -> str:
    """`columns` is [(key, header)]."""
    cells = [[_clip(terminal_safe("" if r.get(k) is None else str(_plain(r.get(k)))), max_width) for k, _ in columns]
             for r in rows]
    headers = [terminal_safe(h) for _, h in columns]
    widths = [max([_width(h)] + [_width(c[i]) for c in cells]) for i, h in enumerate(headers)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])] + [line(c) for c in cells]
    return "\n".join(out)


def jsonl(rows: Sequence[dict[str, Any]]) -> str:
    return "\n".join(json_safe(json.dumps(r, ensure_ascii=False, default=_plain)) for r in rows)


def csv_text(rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([terminal_safe(k) for k in keys])
    for r in rows:
        writer.writerow([
            json_safe(json.dumps(r[k], ensure_ascii=False, default=_plain)) if isinstance(r.get(k), (dict, list))
            else _cell(formula_safe(_plain(r.get(k)))) for k in keys
        ])
    return buf.getvalue()


def _cell(value: Any) -> Any:
    return terminal_safe(value, keep_newlines=True) if isinstance(value, str) else value


def formula_safe(value: Any) -> Any:
    """Text from crawled pages must never run as a spreadsheet formula (CSV/Excel injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@contextmanager
def replaced_whole(path: Path) -> Iterator[Path]:
    """Write to a temporary file beside `path` and move it into place only when writing succeeded, so a
    killed export leaves the previous file (or none), never half a file."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
