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


def title_lines(sheet: Sheet) -> list[str]:
    """What the sheet is: scheme, period, what counts; and, where the seed's point values are not public,
    that the scheme's values are placeholders."""
    scheme = sheet.scheme
    kind = "年度" if str(sheet.quarter).isdigit() else "季度"
    out = [f"{scheme.title}（{scheme.name}）{sheet.quarter.label}{kind}成绩表，只计已确认的扣分事项"]
    if str(sheet.quarter).isdigit() and scheme.period == "quarter":
        out.append("年度得分为各有数据季度得分的平均值；无数据的季度不计入（不按满分计）")
    if scheme.placeholder_points:
        out.append(f"注意：{scheme.placeholder_points}")
    if any(s.vetoes for s in sheet.units):
        out.append("触发单项否决的单位按方案定等次并排在末位，见“单项否决”列")
    return out


def summary_columns(sheet: Sheet) -> list[tuple[str, str]]:
    cols = [("rank", "排名"), ("unit_name", "单位"), ("unit", "单位代码")]
    if sheet.scheme.rank_groups:
        cols.insert(1, ("rank_group", "排名分组"))
    cols += [(f"cat:{c.key}", f"{c.name}扣分") for c in sheet.scheme.categories]
    cols += [("deducted", "扣分合计"), ("bonus", "加分"), ("veto", "单项否决"), ("total", "得分"), ("grade", "等次")]
    if sheet.scheme.stages:
        cols += [(f"stage:{s.key}", f"{s.name}（{s.weight}%）") for s in sheet.scheme.stages]
        cols += [("weighted", "加权总分")]
    return cols


def summary_rows(sheet: Sheet) -> list[dict[str, Any]]:
    rows = []
    for s in sorted(sheet.units, key=lambda s: (s.rank_group or "", s.no_data, s.rank, s.unit.slug)):
        row: dict[str, Any] = {"rank": s.rank or None, "unit": s.unit.slug, "unit_name": s.unit.name,
                               "rank_group": s.rank_group, "deducted": s.deducted, "bonus": s.bonus,
                               "veto": "；".join(s.vetoes) or None,
                               "total": "无数据" if s.no_data else s.total, "grade": s.grade, "weighted": s.weighted}
        row.update({f"cat:{k}": v for k, v in s.categories.items()})
        row.update({f"stage:{k}": v for k, v in s.stages.items()})
        rows.append(row)
    return rows


def _composite_rows(c: Any, county: str | None) -> list[dict[str, Any]]:
    basis = "加权总分" if c.basis == "weighted" else "日常考评得分"
    rows = [{"county": county, "part": name, "weight": weight, "units": n, "mean": mean, "basis": basis}
            for name, weight, n, mean in c.parts]
    rows.append({"county": county, "part": "合成总成绩", "weight": sum(w for _, w, _, _ in c.parts), "units": None,
                 "mean": c.value, "basis": basis})
    return rows


def composite_rows(sheet: Sheet) -> list[dict[str, Any]]:
    """The county composite(s): one block per county when the registry groups units under counties."""
    if sheet.counties:
        return [row for c in sheet.counties for row in _composite_rows(c.composite, c.name)]
    if sheet.composite is None:
        return []
    return _composite_rows(sheet.composite, None)


COMPOSITE_COLUMNS = [("county", "县区"), ("part", "组成部分"), ("weight", "比例"), ("units", "单位数"), ("mean", "平均分"),
                     ("basis", "计分依据")]


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
    if sheet.composite is not None or sheet.counties:
        _write(wb.create_sheet("县区合成"), COMPOSITE_COLUMNS, composite_rows(sheet), timezone)
    notes = wb.create_sheet("说明")
    for line in title_lines(sheet):
        notes.append([line])
    wb.properties.title = f"{sheet.scheme.title} {sheet.quarter.label}"
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
    if sheet.composite is not None or sheet.counties:
        written.append(path.with_name(f"{path.stem}_县区合成{path.suffix or '.csv'}"))
        _csv(written[2], COMPOSITE_COLUMNS, composite_rows(sheet), timezone)
    return written
