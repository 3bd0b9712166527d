"""After a crawl: extract the text of tonight's new attachment bodies into `extracted_texts`.

Cached by body hash and extractor, so an attachment unchanged since last night (or linked from ten
pages) is read once.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.filetypes import ATTACHMENT_KINDS, attachment_kind, content_type, is_file
from crawler.extract.attachments import EXTRACTORS, extract_text, sniff_kind
from storage.blobs import read_blob
from storage.models import ExtractedText, Snapshot


def extract_run_texts(session: Session, run_id: int, limit: int) -> dict[str, int]:
    """Returns counts: extracted, cached (already known), failed."""
    counts = {"extracted": 0, "cached": 0, "failed": 0}
    rows = session.execute(
        select(Snapshot.kind, Snapshot.url, Snapshot.headers, Snapshot.content_hash)
        .where(Snapshot.crawl_run_id == run_id, Snapshot.kind.in_(("attachment", "detail")),
               Snapshot.status == 200, Snapshot.error_kind.is_(None), Snapshot.content_hash.is_not(None))
    ).all()
    done: set[str] = set()
    for kind_, url, headers, digest in rows:
        # a list item may itself be the file (annual reports are often listed as PDFs)
        if digest in done or (kind_ == "detail" and not is_file(url, headers)):
            continue
        done.add(digest)
        if session.scalar(select(ExtractedText.sha256).where(ExtractedText.sha256 == digest,
                                                             ExtractedText.extractor.in_(ATTACHMENT_KINDS))):
            counts["cached"] += 1
            continue
        body = read_blob(session, digest) or b""
        kind = sniff_kind(body) or attachment_kind(url, content_type(headers)) or "unknown"
        result = extract_text(body, kind, limit)
        session.add(ExtractedText(sha256=digest, extractor=kind if kind in EXTRACTORS else "unknown",
                                  text=result.text, truncated=result.truncated, error=result.error))
        session.flush()
        counts["failed" if result.error else "extracted"] += 1
    return counts
