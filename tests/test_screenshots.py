"""A full-page screenshot of every captured page that carries a text finding, drawn from the stored bytes."""

from datetime import date

import pytest
from sqlalchemy import select

from jobs.check import run_checks
from jobs.night import TEXT_CHECKS, screenshot_text_findings
from storage.blobs import read_blob
from storage.evidence import finding_evidence
from storage.models import Finding, Snapshot
from storage.warc_models import Screenshot

AS_OF = date(2024, 9, 30)


@pytest.mark.browser
def test_pages_with_text_findings_are_photographed(crawled) -> None:
    Session, _, settings = crawled
    run_checks(Session, AS_OF)
    shots = screenshot_text_findings(settings, Session)
    assert shots and all(s.error is None for s in shots)
    with Session() as s:
        pages = {i for e in s.scalars(select(Finding.evidence).where(Finding.check.in_(TEXT_CHECKS)))
                 for i in e.get("snapshots", [])}
        kinds = dict(s.execute(select(Snapshot.id, Snapshot.kind).where(Snapshot.id.in_(pages))).all())
        stored = {shot.snapshot_id: shot for shot in s.scalars(select(Screenshot))}
        assert set(stored) == {i for i, kind in kinds.items() if kind != "attachment"}  # attachments are files
        png = read_blob(s, next(iter(stored.values())).content_hash)
        assert png is not None and png.startswith(b"\x89PNG") and len(png) > 5000
        finding = s.scalar(select(Finding).where(Finding.check == "text.typo").order_by(Finding.id))
        lines = finding_evidence(s, finding.id)
    assert any("截图：SHA-256" in line for line in lines)
    assert screenshot_text_findings(settings, Session) == []  # once per snapshot
