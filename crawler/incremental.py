"""Incremental nights: detail pages and attachments are requested again only when they may have changed.

A detail page is not requested at all when its list entry (title and date) is as a previous night read
it and that night read the page: on one polite host a night is its requests, not its bytes. So that a
page edited in place (same title and date) is still seen, every detail page is re-verified once every
`revisit_days` nights, spread evenly over the nights by a hash of its URL (1/28 of them a night by
default).

Before a crawl the runner writes, for every detail page and attachment already stored, the validators
of its newest full response (ETag, Last-Modified) and its content hash. The spider sends them as
If-None-Match / If-Modified-Since; a 304 becomes a snapshot of its own that points at the body already
stored, so the documents' evidence stays readable. Servers that ignore conditional requests still cost
no storage: the blob store keeps each body once by its SHA-256.
"""

from __future__ import annotations

import json
import zlib
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Document, Snapshot

INCREMENTAL_KINDS = ("detail", "attachment")
VALIDATORS_FILE = "validators.json"
LISTED_FILE = "listed.json"


def _header(headers: dict[str, Any], name: str) -> str | None:
    for key, values in (headers or {}).items():
        if key.lower() == name:
            return values[0] if isinstance(values, list) and values else values or None
    return None


def previous_validators(session: Session, unit_ids: list[int]) -> dict[str, dict[str, str]]:
    """url -> {"etag", "last_modified", "sha256"} of the newest 200 response of each detail/attachment URL."""
    newest = (
        select(func.max(Snapshot.id))
        .where(Snapshot.kind.in_(INCREMENTAL_KINDS), Snapshot.status == 200, Snapshot.content_hash.is_not(None),
               Snapshot.error_kind.is_(None), Snapshot.unit_id.in_(unit_ids))
        .group_by(Snapshot.url)
    )
    out: dict[str, dict[str, str]] = {}
    for url, headers, digest in session.execute(
        select(Snapshot.url, Snapshot.headers, Snapshot.content_hash).where(Snapshot.id.in_(newest))
    ):
        etag, modified = _header(headers, "etag"), _header(headers, "last-modified")
        if etag or modified:
            out[url] = {"etag": etag or "", "last_modified": modified or "", "sha256": digest}
    return out


def dump_validators(validators: dict[str, dict[str, str]], plan_path: Path) -> None:
    (plan_path.parent / VALIDATORS_FILE).write_text(json.dumps(validators, ensure_ascii=False), encoding="utf-8")


def load_validators(plan_path: Path | str) -> dict[str, dict[str, str]]:
    path = Path(plan_path).parent / VALIDATORS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def conditional_headers(validator: dict[str, str] | None) -> dict[str, str]:
    if not validator:
        return {}
    headers = {}
    if validator.get("etag"):
        headers["If-None-Match"] = validator["etag"]
    if validator.get("last_modified"):
        headers["If-Modified-Since"] = validator["last_modified"]
    return headers


def due_for_revisit(url: str, day: date, revisit_days: int) -> bool:
    """Whether tonight re-verifies this page: each URL once every `revisit_days` nights, spread evenly."""
    return revisit_days <= 1 or (zlib.crc32(url.encode()) + day.toordinal()) % revisit_days == 0


def unchanged_listings(session: Session, unit_ids: list[int], day: date,
                       revisit_days: int) -> dict[str, list[list[str | None]]]:
    """url -> [[title, date_text], ...] as listed by earlier nights, for the documents whose detail page
    was read (200, or 304 with the body kept) and is not due for re-verification on `day`."""
    if revisit_days <= 1 or not unit_ids:
        return {}
    out: dict[str, list[list[str | None]]] = {}
    for url, title, date_text in session.execute(
        select(Document.url, Document.title, Document.date_text)
        .join(Snapshot, Snapshot.id == Document.detail_snapshot_id)
        .where(Document.unit_id.in_(unit_ids), Snapshot.error_kind.is_(None), Snapshot.status.in_((200, 304)),
               Snapshot.content_hash.is_not(None))
    ):
        if not due_for_revisit(url, day, revisit_days):
            out.setdefault(url, []).append([title, date_text])
    return out


def dump_listings(listed: dict[str, list[list[str | None]]], plan_path: Path) -> None:
    (plan_path.parent / LISTED_FILE).write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")


def load_listings(plan_path: Path | str) -> dict[str, list[list[str | None]]]:
    path = Path(plan_path).parent / LISTED_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
