"""The check memo (checks.memo): an incremental check finds exactly what a full re-check finds.

The fixture farm is crawled on two nights. Between them one document changes (a typo written into its
body), ops add a word to their own sensitive-word list (it occurs in documents that did not change) and an
inspector allow-lists a phrase. Each night's recorded findings, and replays with the memo, are compared
field by field with a check that computes everything (no memo), on SQLite and PostgreSQL; so is a replay
of the first night after all of it (a past as-of date).
"""

from __future__ import annotations

import functools
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from checks.memo import NO_MEMO, fingerprint, key
from checks.registry import registered_checks
from core.settings import get_settings
from fixtures.farm import PORTALS, FixtureFarm
from jobs.check import replay, run_checks
from storage.allow import add_allow
from storage.db import make_engine, make_sessionmaker
from storage.memo import CheckMemo, StoredMemo
from storage.models import Finding, Unit
from tests.conftest import crawl_on, import_farm_registry, settings_for

NIGHTS = (date(2024, 9, 30), date(2024, 10, 1))
# the content portal (typos with a leader's title, sensitive words, personal data, interpretations, annual
# reports; fixtures/content_labels.json) and one ordinary department
UNITS = ["yunhe-fgj", "yunhe-tjj", "yunhe-jyj"]
SLIP = "迫不急待"  # a published misspelling of 迫不及待 (checks/lexicons/idioms.txt)
FIELDS = ("unit", "check", "subject_key", "subject", "url", "detail", "as_of", "observed_at", "evidence")


def clear_check_caches() -> None:
    """Every functools cache of the checks (word lists, automata) and the settings: ops' word list is read again."""
    get_settings.cache_clear()
    for name, module in list(sys.modules.items()):
        if name.startswith("checks.") or name == "checks":
            for value in list(vars(module).values()):
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


@pytest.fixture
def lexicon_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "lexicons"
    folder.mkdir()
    monkeypatch.setenv("ZWGK_LEXICON_DIR", str(folder))
    clear_check_caches()
    yield folder
    monkeypatch.delenv("ZWGK_LEXICON_DIR")
    clear_check_caches()


def recorded(Session, night: date) -> list[dict]:
    """The findings the check of `night` left open, as replay prints them."""
    with Session() as s:
        slugs = dict(s.execute(select(Unit.id, Unit.slug)).all())
        rows = s.scalars(select(Finding).where(Finding.last_as_of == night, Finding.rectified_on.is_(None)))
        out = [{"unit": slugs[f.unit_id], "check": f.check, "subject_key": f.subject_key, "subject": f.subject,
                "url": f.url, "detail": f.detail, "as_of": night, "observed_at": f.observed_at,
                "evidence": dict(f.evidence)} for f in rows]
    return sorted(out, key=lambda r: (r["unit"], r["check"], r["subject_key"]))


def fields(rows: list[dict]) -> list[tuple]:
    return [tuple(r[k] for k in FIELDS) for r in rows]


def assert_same(got: list[dict], want: list[dict]) -> None:
    """Field by field, with the first difference named."""
    assert len(got) == len(want), (len(got), len(want))
    for a, b in zip(got, want, strict=True):
        for k in FIELDS:
            assert a[k] == b[k], (k, a, b)


def change_document(root: Path) -> str:
    """Write SLIP into the body of one policy document of the content portal; its URL path."""
    page = sorted((root / "yunhe-content" / "zfxxgk" / "zcwj").rglob("t*.html"))[0]
    html = page.read_text("utf-8")
    marker = "</p>"
    assert marker in html
    page.write_text(html.replace(marker, f"各单位{SLIP}地开展工作。{marker}", 1), "utf-8")
    return page.relative_to(root / "yunhe-content").as_posix()


@pytest.mark.usefixtures("lexicon_dir")
def test_incremental_check_finds_what_a_full_check_finds(db_url: str, tmp_path: Path, lexicon_dir: Path) -> None:
    root = tmp_path / "portals"
    shutil.copytree(PORTALS, root)
    Session = make_sessionmaker(make_engine(db_url))
    with FixtureFarm(root) as farm:
        import_farm_registry(Session, farm)
        crawl_on(NIGHTS[0], settings_for(db_url), Session, UNITS)

        # night 1: an empty memo, filled by the check
        first = run_checks(Session, NIGHTS[0], UNITS)
        assert first.computed > 0
        full1 = replay(Session, NIGHTS[0], UNITS, reuse=False)
        assert {r["check"] for r in full1} >= {"text.typo", "text.sensitive", "text.privacy"}
        assert_same(recorded(Session, NIGHTS[0]), full1)
        assert_same(replay(Session, NIGHTS[0], UNITS), full1)

        # between the nights: a document changes; every detail page is fetched again (revisit_days 1)
        changed = change_document(root)
        crawl_on(NIGHTS[1], settings_for(db_url, revisit_days=1), Session, UNITS)

    # ops add a word found in documents that did not change; an inspector allow-lists a night-1 typo
    word = "云和县"
    (lexicon_dir / "sensitive.txt").write_text(f"{word} 测试\n", "utf-8")
    clear_check_caches()
    typo = next(r for r in full1 if r["check"] == "text.typo")
    with Session() as s, s.begin():
        add_allow(s, check="text.typo", phrase=typo["evidence"]["matched"], url=None, unit=None,
                  by="张三", reason="误报")

    second = run_checks(Session, NIGHTS[1], UNITS)
    full2 = replay(Session, NIGHTS[1], UNITS, reuse=False)
    assert_same(recorded(Session, NIGHTS[1]), full2)
    assert_same(replay(Session, NIGHTS[1], UNITS), full2)
    # what changed is seen: the slip in the changed document, the new word, the allow-listed typo gone
    assert any(r["check"] == "text.typo" and r["evidence"]["matched"] == SLIP and r["url"].endswith(changed)
               for r in full2)
    assert any(r["check"] == "text.sensitive" and r["evidence"]["matched"] == word for r in full2)
    assert not any(r["check"] == "text.typo" and r["evidence"]["matched"] == typo["evidence"]["matched"]
                   for r in full2)
    # a new lexicon is a new fingerprint: night 1's rows are of no use, and they are gone
    assert second.computed > 0
    with Session() as s:
        prints = set(s.scalars(select(CheckMemo.fingerprint).distinct()))
    assert prints == {fingerprint(get_settings().lexicon_dir)[:16]}

    # a third check of the same night reuses everything and records the same
    third = run_checks(Session, NIGHTS[1], UNITS)
    assert third.computed == 0 and third.reused > 0
    assert_same(recorded(Session, NIGHTS[1]), full2)

    # a past as-of date, replayed with the memo of both nights, the new lexicon and the allow-list
    assert_same(replay(Session, NIGHTS[0], UNITS), replay(Session, NIGHTS[0], UNITS, reuse=False))


def test_an_unchanged_night_reuses_every_per_document_result(crawled) -> None:
    """The same store checked twice: the second check computes no per-document step again."""
    Session, _, _ = crawled
    first = run_checks(Session, NIGHTS[0])
    second = run_checks(Session, NIGHTS[0])
    assert first.computed > 0 and second.computed == 0 and second.reused == first.reused + first.computed
    with Session() as s:
        kinds = dict(s.execute(select(CheckMemo.kind, func.count()).group_by(CheckMemo.kind)).all())
    assert set(kinds) == {"page", "slips", "typo", "sensitive", "privacy"}


def test_the_memo_key_names_its_inputs() -> None:
    """A key changes with the fingerprint and with any part, and a replay's memo never writes."""
    assert key("a", "typo", "t", ["x"]) != key("b", "typo", "t", ["x"])
    assert key("a", "typo", "t", ["x"]) != key("a", "typo", "t", ["y"])
    assert key("a", "typo", "t", None) != key("a", "typo", "t", "2024-09-30")
    assert NO_MEMO.get("page", "k") is None
    memo = StoredMemo(session=None, fingerprint="f", writable=False)  # type: ignore[arg-type]
    memo.put("page", "k", b"v")
    memo.flush()  # nothing pending: it never reaches the (absent) session
    assert memo.writes == 0
    assert "text.typo" in registered_checks()


def test_the_stored_memo_reads_blocks_in_the_order_it_is_told(Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows written in batches come back by key, one statement a block while a walk follows the order it was
    told, and a new order (the next jurisdiction) never answers from the last one's blocks; a second write of
    a key changes nothing; rows of another fingerprint are dropped."""
    import storage.memo as memo_module

    monkeypatch.setattr(memo_module, "BLOCK", 3)
    monkeypatch.setattr(memo_module, "FLUSH_EVERY", 4)
    with Session() as s, s.begin():
        old = StoredMemo(s, "0" * 64)
        old.put("page", "old", b"x")
        old.flush()
        memo = StoredMemo(s, "f" * 64)
        for i in range(10):
            memo.put("page", f"k{i}", f"v{i}".encode())
        memo.put("page", "k0", b"v0")  # the same key again (the same text in two units)
        memo.flush()
        assert memo.writes == 11 and s.scalar(select(func.count()).select_from(CheckMemo)) == 11
        assert memo.forget_other_versions() == 1
    with Session() as s:
        memo = StoredMemo(s, "f" * 64, writable=False)
        memo.expect("page", [f"k{i}" for i in range(10)])
        statements = []
        monkeypatch.setattr(memo, "_select", lambda kind, keys, real=memo._select: statements.append(keys) or real(kind, keys))
        assert [memo.get("page", f"k{i}") for i in range(10)] == [f"v{i}".encode() for i in range(10)]
        assert len(statements) == 4  # blocks of 3
        memo.expect("page", ["k9", "k8", "k7", "missing"])
        assert [memo.get("page", k) for k in ("k9", "k8", "k7", "missing")] == [b"v9", b"v8", b"v7", None]
        assert memo.get_many("page", ["k1", "k2", "nope"]) == {"k1": b"v1", "k2": b"v2"}
        memo.put("page", "new", b"n")
        memo.flush()
        assert memo.writes == 0 and memo.get("page", "new") is None
