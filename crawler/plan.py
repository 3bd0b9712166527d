"""What one crawl should fetch, handed from the parent process to the crawl subprocess as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.settings import Settings
from crawler.egress import EgressPolicy
from storage.models import Column, NewMediaAccount, Unit


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
    egress_allow: tuple[str, ...] = ()  # internal origins the registry or the setting names (crawler.egress)

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
        return cls(raw["run_id"], units, tuple(raw.get("egress_allow", ())))


def registry_urls(session: Session) -> list[str]:
    """Every URL the registry names: portals, disclosure pages, columns and new-media sources."""
    urls: list[str | None] = []
    for portal, disclosure in session.execute(select(Unit.portal, Unit.disclosure).where(Unit.active.is_(True))):
        urls += [portal, disclosure]
    urls += session.scalars(select(Column.url).join(Unit).where(Unit.active.is_(True), Column.source != "discovered"))
    for feed, page in session.execute(select(NewMediaAccount.feed, NewMediaAccount.page).join(Unit)
                                      .where(Unit.active.is_(True))):
        urls += [feed, page]
    return [u for u in urls if u]


def egress_policy(session: Session, settings: Settings) -> EgressPolicy:
    return EgressPolicy.from_entries(registry_urls(session), settings.allow_internal.split(","))


def build_plan(session: Session, run_id: int, unit_slugs: list[str] | None = None,
               egress: EgressPolicy | None = None) -> CrawlPlan:
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
    return CrawlPlan(run_id, tuple(units), tuple(egress.entries()) if egress else ())
