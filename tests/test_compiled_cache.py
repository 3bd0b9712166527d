"""Compiled word lists on disk (checks.compiled_cache): read back equal, never stale, a broken file rebuilt."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from checks.compiled_cache import cached
from core.settings import get_settings


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ZWGK_LEXICON_CACHE_DIR", str(folder))
    get_settings.cache_clear()
    yield folder
    monkeypatch.delenv("ZWGK_LEXICON_CACHE_DIR")
    get_settings.cache_clear()


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_second_process_reads_what_the_first_built(cache_dir: Path) -> None:
    value = (("按步就班", "领导小姐"), (("按部就班", "common"), ("领导小组", "formulation")))
    build, calls = _counting(value)
    assert cached("t", ["a"], build, lambda v: v, lambda v: v) == value
    assert cached("t", ["a"], build, lambda v: v, lambda v: v) == value
    assert len(calls) == 1 and len(list(cache_dir.glob("t-*.bin"))) == 1
    # other parts (another registry's unit names) are another entry
    assert cached("t", ["b"], build, lambda v: v, lambda v: v) == value and len(calls) == 2


def test_broken_file_is_compiled_again(cache_dir: Path) -> None:
    build, calls = _counting(("x",) * 1000)
    cached("t", [], build, lambda v: v, lambda v: v)
    (path,) = cache_dir.glob("t-*.bin")
    path.write_bytes(path.read_bytes()[:-10])  # truncated: the checksum fails
    assert cached("t", [], build, lambda v: v, lambda v: v) == ("x",) * 1000 and len(calls) == 2
    assert cached("t", [], build, lambda v: v, lambda v: v) == ("x",) * 1000 and len(calls) == 2  # replaced whole


def test_changed_lexicon_is_a_new_key(cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build, calls = _counting(1)
    cached("t", [], build, lambda v: v, lambda v: v)
    ops = tmp_path / "ops"
    ops.mkdir()
    (ops / "places.txt").write_text("某某新区\n", "utf-8")
    monkeypatch.setenv("ZWGK_LEXICON_DIR", str(ops))
    get_settings.cache_clear()
    cached("t", [], build, lambda v: v, lambda v: v)
    assert len(calls) == 2  # ops' word list changes what would be compiled: never read the old entry
    monkeypatch.delenv("ZWGK_LEXICON_DIR")
    get_settings.cache_clear()


def test_empty_setting_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZWGK_LEXICON_CACHE_DIR", "")
    get_settings.cache_clear()
    build, calls = _counting(1)
    cached("t", [], build, lambda v: v, lambda v: v)
    cached("t", [], build, lambda v: v, lambda v: v)
    assert len(calls) == 2
    monkeypatch.delenv("ZWGK_LEXICON_CACHE_DIR")
    get_settings.cache_clear()


def test_word_model_index_read_back_equals_a_fresh_build(cache_dir: Path) -> None:
    from checks import word_slips

    word_slips.variant_index.cache_clear()
    word_slips.variant_index()  # built and written
    word_slips.variant_index.cache_clear()
    loaded = word_slips.variant_index()  # read from the file
    word_slips.variant_index.cache_clear()
    fresh = word_slips._variant_index(True)
    assert sorted(loaded) == sorted(fresh)
    for n, (keys, words_at, words) in fresh.items():
        assert loaded[n][0].dtype == keys.dtype and np.array_equal(loaded[n][0], keys)
        assert loaded[n][1].dtype == words_at.dtype and np.array_equal(loaded[n][1], words_at)
        assert loaded[n][2] == words


def test_word_model_probes_read_back_equal_a_fresh_build(cache_dir: Path) -> None:
    from checks import word_slips

    word_slips._bloom_filters.cache_clear()
    word_slips._bloom_filters()
    word_slips._bloom_filters.cache_clear()
    loaded = word_slips._bloom_filters()  # read from the file
    fresh = word_slips._build_bloom_filters()
    assert sorted(loaded) == sorted(fresh)
    for n, index in fresh.items():
        for name, a, b in zip(index._fields, loaded[n], index):
            if isinstance(b, np.ndarray):
                assert a.dtype == b.dtype and np.array_equal(a, b), name
            else:
                assert a == b, name
