"""What one crawl should fetch, handed from the parent process to the crawl subprocess as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Unit


@dataclass(frozen=True)
class ColumnPlan:
    id: int
    name: str
    url: str
    js: bool = False


@dataclass(frozen=True)
class UnitPlan:
    slug: str
    portal: str
    obey_robots: bool | None = None
    columns: tuple[ColumnPlan, ...] = ()
    disclosure: str | None = None  # its columns are discovered from here too (registry entries win)


@dataclass(frozen=True)
class CrawlPlan:
    run_id: int
    units: tuple[UnitPlan, ...] = field(default_factory=tuple)

    def dump(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str) -> CrawlPlan:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        units = tuple(
            UnitPlan(u["slug"], u["portal"], u["obey_robots"], tuple(ColumnPlan(**c) for c in u["columns"]),
                     u.get("disclosure"))
            for u in raw["units"]
        )
        return cls(raw["run_id"], units)


def build_plan(session: Session, run_id: int, unit_slugs: list[str] | None = None) -> CrawlPlan:
    query = select(Unit).where(Unit.active.is_(True)).order_by(Unit.slug)
    if unit_slugs:
        query = query.where(Unit.slug.in_(unit_slugs))
    units = []
    for unit in session.scalars(query):
        columns = tuple(
            ColumnPlan(c.id, c.name, c.url, bool(c.options.get("js") or unit.options.get("js")))
            for c in unit.columns
            if c.active
        )
        units.append(UnitPlan(unit.slug, unit.portal, unit.options.get("robots"), columns, unit.disclosure))
    return CrawlPlan(run_id, tuple(units))
