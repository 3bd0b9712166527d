"""checks.run_probes: the compiled probes find exactly the runs a plain Python scan finds."""

from __future__ import annotations

import random
import tempfile

import numpy as np

from checks.run_probes import RUN, bloom_filter, bucket_table, hashes, offsets, repeats_after, sorted_hits
from checks.word_slips import _bloom_filters, code_point_set, codes_of, text_codes

_TEXT = ("各级人民政府应当发辉统筹协调作用，加强对本行政区域内安全生产工作的领导，支持、督促各有关部门依法履行"
         "安全生产监督管理职责。𠀀县级以上地方各级人民政府应当组织有关部门制定本行政区域内的事故应急救援预案。")


def _key(text: str, i: int, at: tuple[int, ...]) -> int:
    key = 0
    for o in at:
        code = ord(text[i + o])
        key = (key << 16) | (code if code <= 0xFFFF else 0)  # beyond the BMP as 0, as codes_of does
    return key


def _plain(text: str, at: tuple[int, ...], keys: set[int]) -> list[tuple[int, int]]:
    return [(i, _key(text, i, at)) for i in range(len(text) - at[-1]) if _key(text, i, at) in keys]


def _some_keys(text: str, at: tuple[int, ...], rnd: random.Random) -> list[int]:
    """Keys of a third of the text's runs, and as many keys no run has."""
    runs = [_key(text, i, at) for i in range(len(text) - at[-1])]
    return sorted(set(rnd.sample(runs, len(runs) // 3)) | {rnd.getrandbits(63) for _ in range(len(runs) // 3)})


def test_sorted_hits_finds_every_run_among_the_keys_and_no_other() -> None:
    rnd = random.Random(7)
    codes = codes_of(_TEXT)
    for at in ((0, 1), (0, 1, 2), (0, 1, 2, 3), (0, 1, 3, 4)):
        keys = np.array(_some_keys(_TEXT, at, rnd), dtype=np.uint64)
        where, which = sorted_hits(codes, offsets(*at), bloom_filter(hashes(keys)), keys)
        assert [(i, int(keys[k])) for i, k in zip(where.tolist(), which.tolist(), strict=True)] == \
            _plain(_TEXT, at, set(keys.tolist()))
        assert len(where) > 10


def test_bucket_tables_name_the_value_of_each_key_found() -> None:
    rnd = random.Random(8)
    codes = codes_of(_TEXT)
    for length in (2, 3, 4):
        keys = np.array(_some_keys(_TEXT, tuple(range(length)), rnd), dtype=np.uint64)
        values = np.arange(len(keys), dtype=np.int32)[::-1].copy()  # each key's value: any number
        value_of = dict(zip(keys.tolist(), values.tolist(), strict=True))
        where, which = bucket_table(keys, values).find(codes, length)
        expected = _plain(_TEXT, tuple(range(length)), set(keys.tolist()))
        assert list(zip(where.tolist(), which.tolist(), strict=True)) == [(i, value_of[k]) for i, k in expected]
        assert len(expected) > 10


def test_short_texts_and_empty_key_sets_find_nothing() -> None:
    keys = np.array([_key("发挥", 0, (0, 1))], dtype=np.uint64)
    bloom = bloom_filter(hashes(keys))
    for text in ("", "发", "发挥"[:1]):
        assert sorted_hits(codes_of(text), RUN[2], bloom, keys)[0].tolist() == []
    assert sorted_hits(codes_of("发挥"), RUN[2], bloom, keys)[0].tolist() == [0]
    assert sorted_hits(codes_of("发挥作用"), RUN[2], bloom, np.empty(0, dtype=np.uint64))[0].tolist() == []


def test_the_word_slip_index_finds_a_slip_where_the_text_has_it() -> None:
    where, _ = _bloom_filters()[2].find(text_codes(_TEXT), 2)
    assert _TEXT.index("发辉") in where.tolist()


def test_compiled_kernels_are_kept_with_the_compiled_word_lists_else_in_the_temporary_directory(tmp_path, monkeypatch) -> None:
    """numba refuses to import a module whose kernels it cannot cache anywhere (an install under /opt run by a
    service user without a home): the kernels go where settings keep the compiled lexicons, else to /tmp."""
    from checks.run_probes import _kernel_cache
    from core.settings import get_settings

    monkeypatch.setenv("ZWGK_LEXICON_CACHE_DIR", str(tmp_path / "cache"))
    get_settings.cache_clear()
    try:
        assert _kernel_cache() == str(tmp_path / "cache" / "numba")
        (tmp_path / "file").write_text("not a folder")
        monkeypatch.setenv("ZWGK_LEXICON_CACHE_DIR", str(tmp_path / "file"))  # cannot hold a folder
        get_settings.cache_clear()
        fallback = _kernel_cache()
        assert fallback.startswith(tempfile.gettempdir()) and fallback.endswith("numba")
    finally:
        monkeypatch.delenv("ZWGK_LEXICON_CACHE_DIR")
        get_settings.cache_clear()


def test_repeats_after_a_marked_character_match_a_plain_scan() -> None:
    """The run of n characters before a marked one's end that comes again right after it, the shortest n."""
    rnd = random.Random(3)
    marked = code_point_set("镇市")
    for _ in range(300):
        text = "".join(rnd.choice("葛公镇市北京") for _ in range(rnd.randint(0, 30)))
        expected = []
        for end in range(2, len(text)):
            if text[end - 1] in "镇市":
                n = next((n for n in range(2, min(5, end) + 1) if text[end - n:end] == text[end:end + n]), None)
                if n:
                    expected.append([end, n])
        assert repeats_after(codes_of(text), marked, 2, 5).tolist() == expected, text
