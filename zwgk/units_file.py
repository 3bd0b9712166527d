"""The unit registry (units.yaml, SPEC "The registry"): parse, validate and sync into the store."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, model_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.categories import classify_column
from core.sourcefile import SourceFileError, load_yaml, validate
from core.vocab import Category, Level, UnitKind
from crawler.egress import METADATA_ADDRESSES, internal_address
from storage.models import Column, Jurisdiction, NewMediaAccount, Unit

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")


# DNS labels (letters of any script, digits, - and _), or a bracketed IPv6 literal; never a space
_HOST = re.compile(r"^(?:\w(?:[\w-]{0,61}\w)?\.)*\w(?:[\w-]{0,61}\w)?\.?$|^\[[0-9a-f:.]+\]$")
MAX_URL = 2000


def _url(value: str) -> str:
    value = value.strip()
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number or out of range
    except ValueError:
        raise ValueError(f"不是有效的 http(s) 网址：{value!r}") from None
    host = parts.netloc.rsplit("@", 1)[-1].lower()
    host = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    if parts.scheme not in ("http", "https") or not parts.hostname or not _HOST.match(host) or "@" in parts.netloc:
        raise ValueError(f"不是有效的 http(s) 网址：{value!r}")
    if len(value) > MAX_URL or any(ord(c) < 0x20 or c in " \x7f" for c in value):
        raise ValueError(f"网址过长或含有空白、控制字符：{value[:80]!r}")
    return value


def _bounded(limit: int) -> AfterValidator:
    """A name that fits its database column (PostgreSQL refuses longer ones) and says something."""
    def check(value: str) -> str:
        if not value:
            raise ValueError("不能为空")
        if len(value) > limit or any(ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 for c in value):
            raise ValueError(f"超过 {limit} 个字符或含有控制字符")
        return value
    return AfterValidator(check)


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"单位 id {value!r} 只能含小写字母、数字、- 和 _")
    return value


Url = Annotated[str, AfterValidator(_url)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ColumnEntry(_Strict):
    name: Annotated[str, _bounded(200)]
    url: Url
    category: Category | None = None
    js: bool = False  # list rendered by JavaScript: fetch through the browser


class NewMediaEntry(_Strict):
    platform: Annotated[str, _bounded(40)]
    name: Annotated[str, _bounded(200)]
    feed: Url | None = None
    page: Url | None = None

    @model_validator(mode="after")
    def _one_source(self) -> NewMediaEntry:
        if not self.feed and not self.page:
            raise ValueError("新媒体账号须给出 feed 或 page 之一")
        return self


class UnitEntry(_Strict):
    id: Annotated[str, AfterValidator(_slug)]
    name: Annotated[str, _bounded(200)]
    kind: UnitKind
    portal: Url
    disclosure: Url | None = None
    columns: list[ColumnEntry] = []
    new_media: list[NewMediaEntry] = []
    robots: bool | None = None  # override the global robots.txt setting for this unit
    js: bool = False  # every list of this unit needs JavaScript
    # the id of the unit this one belongs to for a county's composite (a county's departments and
    # townships name their county government); the county government itself has none
    parent: str | None = None
    internal: bool = False  # its sites are on internal addresses (an intranet portal, the fixture farm)

    @model_validator(mode="after")
    def _internal_opt_in(self) -> UnitEntry:
        """An internal address (10.x, 127.x, localhost …) is crawled only with `internal: true` on the
        unit; a cloud metadata address never."""
        urls = [self.portal, self.disclosure, *(c.url for c in self.columns),
                *(u for m in self.new_media for u in (m.feed, m.page))]
        for url in filter(None, urls):
            host = (urlsplit(url).hostname or "").lower()
            if host in METADATA_ADDRESSES:
                raise ValueError(f"{url} 是云平台元数据地址，不能登记")
            if host == "localhost" or host.endswith(".localhost"):
                why: str | None = "本机回环地址"
            else:
                try:
                    ipaddress.ip_address(host)
                except ValueError:
                    continue  # a name: resolved at crawl time (crawler.egress), where naming it is the opt-in
                why = internal_address(host)
            if why and not self.internal:
                raise ValueError(f"{url} 是{why}：确属内网站点时，请在该单位下写 internal: true")
        return self


class RegistryFile(_Strict):
    jurisdiction: Annotated[str, _bounded(100)]
    scheme: Annotated[str, _bounded(100)]
    level: Level
    units: list[UnitEntry]


def parse_registry(text: str, filename: str, known_schemes: set[str] | None = None) -> RegistryFile:
    """Validate a registry; raise SourceFileError listing every problem with its line."""
    data, lines = load_yaml(text, filename)
    registry = validate(RegistryFile, data, lines, filename)
    problems: list[tuple[int | None, str]] = []
    seen: dict[str, int] = {}
    for i, unit in enumerate(registry.units):
        line = lines.get(("units", i, "id"))
        if unit.id in seen:
            problems.append((line, f"单位 id “{unit.id}” 重复（首次出现在第 {seen[unit.id]} 行）"))
        else:
            seen[unit.id] = line or 0
        if unit.parent is not None and unit.parent not in {u.id for u in registry.units}:
            problems.append((lines.get(("units", i, "parent")), f"上级单位 “{unit.parent}” 不在本名录中"))
        elif unit.parent == unit.id:
            problems.append((lines.get(("units", i, "parent")), "上级单位不能是本单位"))
        urls: set[str] = set()
        for j, column in enumerate(unit.columns):
            if column.url in urls:
                problems.append((lines.get(("units", i, "columns", j, "url")), f"栏目网址重复：{column.url}"))
            urls.add(column.url)
    if known_schemes is not None and registry.scheme not in known_schemes:
        problems.append(
            (lines.get(("scheme",)), f"未知的考核方案 “{registry.scheme}”，可选：{', '.join(sorted(known_schemes))}")
        )
    if problems:
        raise SourceFileError(filename, problems)
    return registry


def read_registry(path: Path | str, known_schemes: set[str] | None = None) -> RegistryFile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceFileError(str(path), [(None, f"无法读取：{exc}")]) from exc
    return parse_registry(text, str(path), known_schemes)


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def lines(self) -> list[str]:
        out = [f"新增 {len(self.added)} 个单位，变更 {len(self.changed)} 个，移除 {len(self.removed)} 个，"
               f"未变 {self.unchanged} 个"]
        out += [f"  + {slug}" for slug in self.added]
        out += [f"  ~ {slug}：{'、'.join(fields)}" for slug, fields in self.changed]
        out += [f"  - {slug}（停用，历史数据保留）" for slug in self.removed]
        return out


def _sync_rows(existing: dict, wanted: Mapping[Any, Mapping[str, Any]], new_row, label: str) -> list[str]:
    """Make `existing` rows (by natural key) match `wanted` field values; rows no longer wanted are
    deactivated, never deleted. Returns the changes in words."""
    changes = []
    for key, values in wanted.items():
        row = existing.get(key)
        if row is None:
            new_row(**values)
            changes.append(f"新增{label} {values['name']}")
        elif any(getattr(row, k) != v for k, v in values.items()) or not row.active:
            for k, v in values.items():
                setattr(row, k, v)
            row.active = True
            changes.append(f"{label} {values['name']} 已更新")
    for key, row in existing.items():
        if key not in wanted and row.active:
            row.active = False
            changes.append(f"移除{label} {row.name}")
    return changes


def _sync_columns(unit: Unit, entry: UnitEntry) -> list[str]:
    wanted = {
        c.url: {"url": c.url, "name": c.name, "category": c.category or classify_column(c.name),
                "options": {"js": True} if c.js else {}}
        for c in entry.columns
    }
    existing = {c.url: c for c in unit.columns if c.source == "registry"}
    return _sync_rows(existing, wanted, lambda **v: unit.columns.append(Column(source="registry", **v)), "栏目")


def _sync_new_media(unit: Unit, entry: UnitEntry) -> list[str]:
    wanted = {(m.platform, m.name): {"platform": m.platform, "name": m.name, "feed": m.feed, "page": m.page}
              for m in entry.new_media}
    existing = {(a.platform, a.name): a for a in unit.new_media}
    return _sync_rows(existing, wanted, lambda **v: unit.new_media.append(NewMediaAccount(**v)), "新媒体")


class PruneRefused(Exception):
    """The import would deactivate units and was not asked to (`zwgk units import --prune`)."""

    def __init__(self, slugs: list[str]):
        self.slugs = slugs
        shown = "、".join(slugs[:20]) + ("……" if len(slugs) > 20 else "")
        super().__init__(f"本次导入会停用 {len(slugs)} 个单位（{shown}），未做任何修改；确认无误请加 --prune 重新导入")


def import_registry(session: Session, registry: RegistryFile, *, prune: bool = True) -> ImportReport:
    """Bring the store in line with the registry. Units missing from the file are deactivated, never
    deleted: their snapshots and findings remain evidence. With `prune=False` an import that would
    deactivate any unit raises PruneRefused before changing anything (`units: []` deactivates all)."""
    report = ImportReport()
    jurisdiction = session.scalar(select(Jurisdiction).where(Jurisdiction.name == registry.jurisdiction))
    if not prune and jurisdiction is not None:
        wanted_slugs = {u.id for u in registry.units}
        dropped = sorted(session.scalars(select(Unit.slug).where(
            Unit.jurisdiction_id == jurisdiction.id, Unit.active.is_(True), Unit.slug.not_in(wanted_slugs))))
        if dropped:
            raise PruneRefused(dropped)
    if jurisdiction is None:
        jurisdiction = Jurisdiction(name=registry.jurisdiction, scheme=registry.scheme, level=registry.level)
        session.add(jurisdiction)
    jurisdiction.scheme, jurisdiction.level = registry.scheme, registry.level
    session.flush()
    units = {u.slug: u for u in session.scalars(select(Unit))}
    for entry in registry.units:
        options = {k: v for k, v in (("robots", entry.robots), ("js", entry.js or None)) if v is not None}
        unit = units.get(entry.id)
        fields: list[str] = []
        if unit is None:
            unit = Unit(slug=entry.id, jurisdiction=jurisdiction, name=entry.name, kind=entry.kind,
                        portal=entry.portal, disclosure=entry.disclosure, options=options, parent=entry.parent)
            session.add(unit)
            unit.columns, unit.new_media = [], []
            _sync_columns(unit, entry)
            _sync_new_media(unit, entry)
            report.added.append(entry.id)
            continue
        for attr, value in (("name", entry.name), ("kind", entry.kind), ("portal", entry.portal),
                            ("disclosure", entry.disclosure), ("options", options), ("parent", entry.parent),
                            ("active", True)):
            if getattr(unit, attr) != value:
                setattr(unit, attr, value)
                fields.append(attr)
        if unit.jurisdiction_id != jurisdiction.id:
            unit.jurisdiction = jurisdiction
            fields.append("jurisdiction")
        fields += _sync_columns(unit, entry)
        fields += _sync_new_media(unit, entry)
        if fields:
            report.changed.append((entry.id, fields))
        else:
            report.unchanged += 1
    wanted = {u.id for u in registry.units}
    for slug, unit in units.items():
        if slug not in wanted and unit.active and unit.jurisdiction_id == jurisdiction.id:
            unit.active = False
            report.removed.append(slug)
    session.flush()
    return report
