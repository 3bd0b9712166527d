"""Import the scores of stages scored by people (年度测评, 双向互评 …) from CSV.

Columns (header names in English or Chinese): unit/单位 (the registry id), stage/环节 (key or name of a
`source: import` stage of the unit's scheme), year/年度, score/得分 (0–100). A file with any error changes
nothing and every error names its line. Re-importing replaces a score; each change is audited.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from assessment.schemes import load_scheme
from core.sourcefile import SourceFileError
from storage.assessment_models import StageScore
from storage.models import AuditLog, Unit

HEADERS = {"unit": ("unit", "单位"), "stage": ("stage", "环节"), "year": ("year", "年度"), "score": ("score", "得分")}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    lines_out: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"环节得分导入完成：新增 {self.created} 条，更新 {self.updated} 条，未变 {self.unchanged} 条", *self.lines_out]


def _read(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceFileError(str(path), [(None, f"无法读取（须为 UTF-8 编码的 CSV）：{exc}")]) from exc
    reader = csv.DictReader(io.StringIO(text))
    columns = {}
    for key, names in HEADERS.items():
        found = next((h for h in reader.fieldnames or [] if h and h.strip() in names), None)
        if found is None:
            raise SourceFileError(str(path), [(1, f"缺少列 “{names[0]}”（或 “{names[1]}”）")])
        columns[key] = found
    return [{key: (row.get(col) or "").strip() for key, col in columns.items()} for row in reader]


def import_stage_scores(session: Session, path: Path, *, actor: str) -> ImportReport:
    rows = _read(path)
    units = {u.slug: u for u in session.scalars(select(Unit).options(joinedload(Unit.jurisdiction)))}
    problems: list[tuple[int | None, str]] = []
    parsed = []
    seen: dict[tuple[str, str, int], int] = {}
    for line, row in enumerate(rows, start=2):
        unit = units.get(row["unit"])
        if unit is None:
            problems.append((line, f"单位 “{row['unit']}” 不在名录中"))
            continue
        scheme = load_scheme(unit.jurisdiction.scheme)
        stage = scheme.stage(row["stage"])
        if stage is None or stage.source != "import":
            choices = "、".join(f"{s.key}（{s.name}）" for s in scheme.stages if s.source == "import") or "无"
            problems.append((line, f"环节 “{row['stage']}” 不是方案 {scheme.name} 中需导入的环节，可选：{choices}"))
            continue
        try:
            year = int(row["year"])
            score = Decimal(row["score"])
        except (ValueError, InvalidOperation):
            problems.append((line, f"年度或得分不是数字：{row['year']!r}, {row['score']!r}"))
            continue
        if not (Decimal(0) <= score <= Decimal(100)) or score != score.quantize(Decimal("0.01")):
            problems.append((line, f"得分 {score} 应在 0 至 100 之间，最多两位小数"))
            continue
        key = (unit.slug, stage.key, year)
        if key in seen:
            problems.append((line, f"与第 {seen[key]} 行重复（同一单位、环节、年度）"))
            continue
        seen[key] = line
        parsed.append((unit, scheme.name, stage.key, year, score))
    if problems:
        raise SourceFileError(str(path), problems)
    if not parsed:
        raise SourceFileError(str(path), [(None, "文件中没有数据行")])

    report = ImportReport()
    for unit, scheme_name, stage_key, year, score in parsed:
        stored = session.scalar(select(StageScore).where(StageScore.unit_id == unit.id, StageScore.scheme == scheme_name,
                                                      StageScore.stage == stage_key, StageScore.year == year))
        before = {"score": str(stored.score)} if stored else {}
        if stored is None:
            stored = StageScore(unit_id=unit.id, scheme=scheme_name, stage=stage_key, year=year, score=score,
                             source=path.name, imported_by=actor)
            session.add(stored)
            report.created += 1
        elif Decimal(stored.score) == score:
            report.unchanged += 1
            continue
        else:
            stored.score, stored.source, stored.imported_by = score, path.name, actor
            report.updated += 1
            report.lines_out.append(f"  更新 {unit.slug} {stage_key} {year}：{before['score']} → {score}")
        session.flush()
        session.add(AuditLog(actor=actor, action="import", entity="stage_score", entity_id=stored.id,
                             before=before, after={"unit": unit.slug, "stage": stage_key, "year": year, "score": str(score)},
                             reason=f"导入 {path.name}"))
    session.flush()
    return report
