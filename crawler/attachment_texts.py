"""After a crawl: extract the text of tonight's new attachment bodies into `extracted_texts`.

Cached by body hash and extractor, so an attachment unchanged since last night (or linked from ten
pages) is read once.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.filetypes import ATTACHMENT_KINDS, attachment_kind, content_type, is_file
from core.progress import Progress
from crawler.extract.attachments import EXTRACTORS, extract_text, sniff_kind
from storage.blobs import read_blob
from storage.models import ExtractedText, Snapshot

_PAGE = 2000


def extract_run_texts(session: Session, run_id: int, limit: int,
                      progress: Callable[[int], Progress] | None = None) -> dict[str, int]:
    """Returns counts: extracted, cached (already known), failed. `progress(total)` reports, if given."""
    counts = {"extracted": 0, "cached": 0, "failed": 0}
    wanted = (Snapshot.crawl_run_id == run_id, Snapshot.kind.in_(("attachment", "detail")), Snapshot.status == 200,
              Snapshot.error_kind.is_(None), Snapshot.content_hash.is_not(None))
    total = session.scalar(select(func.count(Snapshot.id)).where(*wanted)) or 0
    done: set[str] = set()
    tracker = progress(total) if progress and total else None
    last_id = 0
    while True:  # pages of snapshots by id: a county's night is 100,000 rows of headers (~300 MB at once)
        rows = session.execute(
            select(Snapshot.id, Snapshot.kind, Snapshot.url, Snapshot.headers, Snapshot.content_hash)
            .where(*wanted, Snapshot.id > last_id).order_by(Snapshot.id).limit(_PAGE)
        ).all()
        if not rows:
            break
        last_id = rows[-1][0]
        for _id, kind_, url, headers, digest in rows:
            if tracker is not None:
                tracker.step()
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
    if tracker is not None:
        tracker.finish()
    return counts
