"""Incremental nights: detail pages and attachments are fetched again only when they changed.

Before a crawl the runner writes, for every detail page and attachment already stored, the validators
of its newest full response (ETag, Last-Modified) and its content hash. The spider sends them as
If-None-Match / If-Modified-Since; a 304 becomes a snapshot of its own that points at the body already
stored, so the documents' evidence stays readable. Servers that ignore conditional requests still cost
no storage: the blob store keeps each body once by its SHA-256.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Snapshot

INCREMENTAL_KINDS = ("detail", "attachment")
VALIDATORS_FILE = "validators.json"


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
