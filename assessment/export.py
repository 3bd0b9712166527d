"""The quarterly score sheet: a summary (one row per unit) and the deduction details, as .xlsx or CSV.

Text from crawled pages (subjects, details, URLs) may start with "=", "+", "-" or "@". In the workbook
every text cell is written as a string cell, and those get Excel's quote prefix, so the exact text is
kept and Excel never evaluates it, not even after the cell is edited; in CSV they get a leading
apostrophe (core.output.formula_safe).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assessment.scoring import Sheet
from core.names import readable
from core.output import formula_safe

RISKY_START = ("=", "+", "-", "@", "\t", "\r")
DETAIL_COLUMNS = [
    ("unit_name", "单位"), ("unit", "单位代码"), ("check", "检查项"), ("category", "类别"), ("clause", "指标条款"),
    ("points", "扣分"), ("subject", "问题对象"), ("detail", "问题描述"), ("url", "网址"), ("observed_at", "抓取时间"),
    ("evidence", "证据快照编号"), ("finding_id", "问题编号"), ("event_id", "扣分事项编号"), ("decided_by", "审核人"),
    ("decided_at", "审核时间"),
]


def summary_columns(sheet: Sheet) -> list[tuple[str, str]]:
    cols = [("rank", "排名"), ("unit_name", "单位"), ("unit", "单位代码")]
    cols += [(f"cat:{c.key}", f"{c.name}扣分") for c in sheet.scheme.categories]
    cols += [("deducted", "扣分合计"), ("bonus", "加分"), ("veto", "单项否决"), ("total", "得分"), ("grade", "等次")]
    if sheet.scheme.stages:
        cols += [(f"stage:{s.key}", f"{s.name}（{s.weight}%）") for s in sheet.scheme.stages]
        cols += [("weighted", "加权总分")]
    return cols


def summary_rows(sheet: Sheet) -> list[dict[str, Any]]:
    rows = []
    for s in sorted(sheet.units, key=lambda s: (s.rank, s.unit.slug)):
        row: dict[str, Any] = {"rank": s.rank, "unit": s.unit.slug, "unit_name": s.unit.name,
                               "deducted": s.deducted, "bonus": s.bonus, "veto": "；".join(s.vetoes) or None,
                               "total": s.total, "grade": s.grade, "weighted": s.weighted}
        row.update({f"cat:{k}": v for k, v in s.categories.items()})
        row.update({f"stage:{k}": v for k, v in s.stages.items()})
        rows.append(row)
    return rows


def composite_rows(sheet: Sheet) -> list[dict[str, Any]]:
    if sheet.composite is None:
        return []
    c = sheet.composite
    basis = "加权总分" if c.basis == "weighted" else "日常考评得分"
    rows = [{"part": name, "weight": weight, "units": n, "mean": mean, "basis": basis} for name, weight, n, mean in c.parts]
    rows.append({"part": "合成总成绩", "weight": sum(w for _, w, _, _ in c.parts), "units": None, "mean": c.value,
                 "basis": basis})
    return rows


COMPOSITE_COLUMNS = [("part", "组成部分"), ("weight", "比例"), ("units", "单位数"), ("mean", "平均分"), ("basis", "计分依据")]


def _local(value: datetime, timezone: str) -> datetime:
    return value.astimezone(ZoneInfo(timezone)).replace(tzinfo=None)


def _width(value: Any) -> int:
    text = value.strftime("%Y-%m-%d %H:%M:%S") if isinstance(value, datetime) else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _write(ws: Worksheet, columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]], timezone: str) -> None:
    ws.append([h for _, h in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    widths = [_width(h) for _, h in columns]
    for r, row in enumerate(rows, start=2):
        for c, (key, _) in enumerate(columns, start=1):
            value = row.get(key)
            if isinstance(value, datetime):
                value = _local(value, timezone) if value.tzinfo else value
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if value.startswith(RISKY_START):
                    cell.quotePrefix = True
            elif isinstance(value, Decimal):
                cell.number_format = "0.00"
            elif isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            if value is not None:
                widths[c - 1] = max(widths[c - 1], _width(value))
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(w + 2, 8), 60)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def write_xlsx(path: Path, sheet: Sheet, details: list[dict[str, Any]], timezone: str = "Asia/Shanghai") -> None:
    wb = Workbook()
    summary = wb.active
    summary.title = "汇总"
    _write(summary, summary_columns(sheet), summary_rows(sheet), timezone)
    _write(wb.create_sheet("扣分明细"), DETAIL_COLUMNS, [readable(d) for d in details], timezone)
    if sheet.composite is not None:
        _write(wb.create_sheet("县区合成"), COMPOSITE_COLUMNS, composite_rows(sheet), timezone)
    wb.properties.title = f"{sheet.scheme.title} {sheet.quarter} 日常考评"
    wb.save(path)


def _csv(path: Path, columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]], timezone: str) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # the BOM lets Excel read UTF-8
        writer = csv.writer(fh)
        writer.writerow([h for _, h in columns])
        for row in rows:
            out = []
            for key, _ in columns:
                value = row.get(key)
                if isinstance(value, datetime):
                    value = (_local(value, timezone) if value.tzinfo else value).strftime("%Y-%m-%d %H:%M:%S")
                if isinstance(value, Decimal):  # a number, never text: no quote even when negative
                    out.append(f"{value:.2f}")
                    continue
                out.append("" if value is None else formula_safe(value))
            writer.writerow(out)


def write_csv(path: Path, sheet: Sheet, details: list[dict[str, Any]], timezone: str = "Asia/Shanghai") -> list[Path]:
    """The summary to `path`, the details (and the county composite) beside it."""
    written = [path, path.with_name(f"{path.stem}_明细{path.suffix or '.csv'}")]
    _csv(written[0], summary_columns(sheet), summary_rows(sheet), timezone)
    _csv(written[1], DETAIL_COLUMNS, [readable(d) for d in details], timezone)
    if sheet.composite is not None:
        written.append(path.with_name(f"{path.stem}_县区合成{path.suffix or '.csv'}"))
        _csv(written[2], COMPOSITE_COLUMNS, composite_rows(sheet), timezone)
    return written
