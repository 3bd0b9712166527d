"""A unit's score explained line by line, in Chinese, for people reading a score."""

from __future__ import annotations

from assessment.scoring import Sheet

SIGN = {"bonus": "+", "rule_cap": "+", "category_cap": "+", "bonus_cap": "-", "ceiling": "-"}


def explain_lines(sheet: Sheet, slug: str) -> list[str] | None:
    score = next((s for s in sheet.units if s.unit.slug == slug), None)
    if score is None:
        return None
    scheme = sheet.scheme
    names = {c.key: c.name for c in scheme.categories}
    out = [f"{score.unit.name}（{slug}）{sheet.quarter} 计分明细，方案 {scheme.name}，基础分 {scheme.total_cap}"]
    for line in score.lines:
        if line.kind == "stage":
            continue
        where = f"[{names.get(line.category, line.category)}] " if line.category else ""
        ref = f"（事项 {line.event_id}）" if line.event_id and line.kind in ("event", "duplicate") else ""
        if not line.counted:
            amount = "  不计 "
        elif line.kind in ("veto", "floor"):
            amount = "       "
        elif line.kind in SIGN:
            amount = f"{SIGN[line.kind]}{abs(line.points):>6}"
        else:
            amount = f"-{line.points:>6}"
        out.append(f"  {amount}  {where}{line.text}{ref}")
    for key, value in score.categories.items():
        out.append(f"  {names.get(key, key)} 扣分合计（封顶后）：{value}")
    out.append(f"  加分（封顶后）：{score.bonus}")
    out.append(f"  得分：{score.total}" + (f"，等次：{score.grade}" if score.grade else "") + f"，排名：第 {score.rank} 名")
    if score.vetoes:
        out.append(f"  单项否决：{'；'.join(score.vetoes)}")
    stage_lines = [line.text for line in score.lines if line.kind == "stage"]
    if stage_lines:
        out += [f"  {t}" for t in stage_lines]
        out.append(f"  加权总分：{score.weighted if score.weighted is not None else '环节得分未导入齐全'}")
    return out
