"""Local word lists in the data directory extend the bundled ones and survive upgrades of the code."""

from __future__ import annotations

import pytest

from checks import lexicon
from core.settings import get_settings


@pytest.fixture
def local_dir(tmp_path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "lexicons"
    folder.mkdir()
    monkeypatch.setenv("ZWGK_LEXICON_DIR", str(folder))
    for cached in (get_settings, lexicon.sensitive_words, lexicon.sensitive_matcher, lexicon.typo_lexicon):
        cached.cache_clear()
    yield folder
    monkeypatch.undo()
    for cached in (get_settings, lexicon.sensitive_words, lexicon.sensitive_matcher, lexicon.typo_lexicon):
        cached.cache_clear()


def test_local_sensitive_words_add_and_drop(local_dir) -> None:
    bundled = dict(lexicon.sensitive_words())
    assert "台独" in bundled
    lexicon.sensitive_words.cache_clear()
    (local_dir / "sensitive.txt").write_text("# 本地词库\n某某赌场 赌博\n-台独\n", "utf-8")
    words = lexicon.sensitive_words()
    assert words["某某赌场"] == "赌博" and "台独" not in words
    assert len(words) == len(bundled)  # one added, one dropped


def test_local_typos_merge_key_by_key(local_dir) -> None:
    bundled = lexicon.typo_lexicon()
    lexicon.typo_lexicon.cache_clear()
    (local_dir / "typos.yaml").write_text(
        "known:\n  云和县人民正府: 云和县人民政府\ncanonical: [云和县人民政府]\n"
        "leaders:\n  - name: 张某某\n    titles: [{title: 县长, from: 2024-01-01}]\n", "utf-8")
    merged = lexicon.typo_lexicon()
    assert merged.known["云和县人民正府"] == "云和县人民政府" and merged.known["再接再励"] == "再接再厉"
    assert "云和县人民政府" in merged.canonical and set(bundled.canonical) <= set(merged.canonical)
    assert set(bundled.leaders) <= set(merged.leaders) and merged.leaders["张某某"][0].title == "县长"
