"""The content checks on the crawled, labeled fixture site `yunhe-content`; the allow-list end to end."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from checks.loader import load_audit_data
from fixtures.content_eval import CONTENT_CODES, CONTENT_UNITS, run_content_checks, score, with_attachments
from jobs.check import run_checks
from storage.models import AuditLog, Finding
from zwgk.cli import main

AS_OF = date(2024, 9, 30)


@pytest.fixture
def content_data(crawled, farm):
    Session, _, _ = crawled
    with Session() as session:
        yield with_attachments(load_audit_data(session, list(CONTENT_UNITS)), farm.urls["yunhe_content"])


def test_every_labeled_case_and_no_decoy(content_data) -> None:
    result = score(run_content_checks(content_data))
    for code in CONTENT_CODES:
        assert (result[code]["fp"], result[code]["fn"]) == ([], []), code
        assert result[code]["tp"] >= 1, code


def test_findings_carry_evidence(content_data) -> None:
    findings = run_content_checks(content_data)
    for f in findings:
        assert f.detail and f.evidence["snapshots"] or f.subject_key.startswith("attachment:"), f
    typo = next(f for f in findings if f.check == "text.typo" and f.evidence["matched"] == "乡村振新")
    assert typo.evidence["suggestion"] == "乡村振兴" and "【乡村振新】" in typo.evidence["contexts"][0]
    copied = next(f for f in findings if f.check == "interpretation.copied")
    assert copied.evidence["share"] >= 0.7 and copied.evidence["passages"]
    similar = next(f for f in findings if f.check == "annual_report.similar")
    assert similar.evidence["compared_with"]["year"] == 2022 and similar.evidence["passages"]
    unlinked = {f.subject: f for f in findings if f.check == "interpretation.unlinked"}
    one_way = unlinked["云和县公共资源交易管理办法"]
    assert one_way.evidence["interpretation"]["form"] == "图解" and "“原文链接”无有效链接" in one_way.detail
    assert one_way.evidence["missing"] == ["解读页面未链接政策原文（“原文链接”无有效链接）"]
    assert len(unlinked["云和县招商引资优惠政策实施办法"].evidence["missing"]) == 2  # neither way


def test_scheme_settings_change_the_verdict(content_data) -> None:
    from checks.base import CheckRules

    relaxed = CheckRules(interpretation_late_working_days=10, annual_report_deadline={"department": "03-31"},
                         annual_report_similarity=0.99)
    codes = {f.check for f in run_content_checks(content_data, AS_OF, relaxed)}
    assert not codes & {"interpretation.late", "annual_report.late", "annual_report.similar"}


def test_allow_list_from_the_command_line(crawled) -> None:
    Session, _, settings = crawled

    def cli(*args: str, code: int = 0) -> str:
        result = CliRunner().invoke(main, list(args), env={"ZWGK_DATABASE_URL": settings.database_url})
        assert result.exit_code == code, result.output + repr(result.exception)
        return result.output

    run_checks(Session, AS_OF)
    with Session() as s:
        typo = s.scalars(select(Finding).where(Finding.check == "text.typo",
                                               Finding.subject_key.like("%#再接再励"))).one()
        assert typo.rectified_on is None
    cli("allow", "add", "--check", "text.typo", "--phrase", "再接再励", "--unit", "yunhe-fgj", "--by", "李考评",
        "--reason", "引用原文，误报")
    cli("allow", "add", "--check", "text.typo", "--phrase", "x", "--url", "http://y/", "--by", "a", "--reason", "b",
        code=2)
    cli("allow", "add", "--check", "text.typo", "--phrase", "x", "--unit", "nobody", "--by", "a", "--reason", "b",
        code=2)
    rows = [json.loads(line) for line in cli("allow", "list", "--format", "jsonl").splitlines()]
    assert [(r["check"], r["phrase"], r["unit"], r["created_by"]) for r in rows] == [
        ("text.typo", "再接再励", "yunhe-fgj", "李考评")]
    run_checks(Session, AS_OF + date.resolution)
    with Session() as s:
        typo = s.get(Finding, typo.id)
        assert typo.rectified_on == AS_OF + date.resolution
        log = s.scalars(select(AuditLog).where(AuditLog.entity == "allow_list")).one()
        assert (log.actor, log.reason) == ("李考评", "引用原文，误报")
        others = s.scalars(select(Finding).where(Finding.check == "text.typo", Finding.rectified_on.is_(None))).all()
        assert others and all(not f.subject_key.endswith("#再接再励") for f in others)


def test_report_waiting_for_its_attachment_is_not_judged_on_text(crawled) -> None:
    from checks.annual_report import _read_reports_scope, incomplete

    Session, _, _ = crawled
    with Session() as session:
        data = load_audit_data(session, list(CONTENT_UNITS))  # no attachment texts yet
        from checks.base import CheckRules

        flagged = {f.url.rsplit("/", 1)[-1] for f in incomplete(data, AS_OF, CheckRules())}
        assert flagged == {"t20240220_500403.html"}  # not the 2022 report whose body is a PDF
        assert not any(key.endswith("t20230118_500402.html") for _, key in _read_reports_scope(data))


def test_pairs_say_how_they_were_matched(content_data) -> None:
    from checks.interpretation import pair_documents

    pairs, unpaired = pair_documents(content_data)
    how = {p.policy.item.title: (p.matched_by, p.interpretation.item.title) for p in pairs}
    assert how["云和县现代服务业发展扶持办法"][0] == "quoted_title"
    assert how["云和县招商引资优惠政策实施办法"][0] == "title_similarity"
    assert how["云和县公共资源交易管理办法"] == ("link", "一图读懂云和县公共资源交易管理办法")
    assert [p.item.title for p in unpaired] == ["云和县天然气价格管理办法", "云和县重要农产品储备管理办法"]
