"""Every run of a text's characters probed against a large set of keys, in one compiled pass (numba).

The word-slip candidates (checks.word_slips), the swapped neighbours (checks.transpositions) and the classical
lines (checks.classic_lines) each look for a few of millions of keys among the runs of two to four characters of a
page. A run's key is its characters' code points, 16 bits each, in one uint64 (`word_slips.packed`); a blocked
Bloom filter (`bloom_filter`) turns away nearly every run with one read of memory, and only the runs that pass
it are looked up: in sorted keys (binary search, `sorted_hits`) or in a bucket table (`BucketTable`).

Done with numpy, the same probe took some twenty array operations per text and length, each paying its call
overhead on a page of 2,000 characters, and about a sixth of all text checks' time (benchmarks/text_checks.py);
one loop over the text, compiled once and cached on disk (`_kernel_cache`), does the same work without building
the intermediate arrays. The results are the numpy version's, position for position (tests/test_run_probes.py
compares them with a plain Python scan).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import NamedTuple

from checks.compiled_cache import array_data, cache_dir, data_array
from core.settings import export_numba_cache_dir


def _kernel_cache() -> str:
    """Where numba keeps the compiled kernels: with the compiled word lists (settings.lexicon_cache_dir), else in
    the temporary directory. numba's own choice, beside this module or in the user's cache, may be neither
    writable for a service user (an install under /opt, no home), and numba then refuses to import the module."""
    for folder in (cache_dir(), Path(tempfile.gettempdir()) / f"zwgk-{os.getuid()}"):
        if folder is not None:
            try:
                (folder / "numba").mkdir(parents=True, exist_ok=True)
            except OSError:
                continue
            if os.access(folder / "numba", os.W_OK):
                return str(folder / "numba")
    return ""


export_numba_cache_dir(_kernel_cache())  # numba reads it once, when it is first imported: just below

import numba  # noqa: E402
import numpy as np  # noqa: E402

_MOST_WORDS = 18  # a Bloom filter has at most 2**18 words of 64 bits (2 MB) …
_BITS_PER_KEY = 16  # … and about 16 bits per key below that: the small sets' filters stay in the processor's cache
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits are well mixed


@numba.njit(cache=True, nogil=True)
def _key(codes: np.ndarray, i: int, offsets: np.ndarray) -> np.uint64:
    key = np.uint64(0)
    for o in offsets:
        key = (key << np.uint64(16)) | codes[i + o]
    return key


@numba.njit(cache=True, nogil=True)
def _slot_shift(bloom: np.ndarray) -> np.uint64:
    """How far a hash is shifted right to leave the index of one of the filter's words (a power of two)."""
    size = 0
    while (1 << size) < len(bloom):
        size += 1
    return np.uint64(64 - size)


@numba.njit(cache=True, nogil=True)
def _may_hold(bloom: np.ndarray, shift: np.uint64, hashed: np.uint64) -> bool:
    bits = (np.uint64(1) << ((hashed >> np.uint64(40)) & np.uint64(63))) | \
        (np.uint64(1) << ((hashed >> np.uint64(34)) & np.uint64(63)))
    return (bloom[hashed >> shift] & bits) == bits


@numba.njit(cache=True, nogil=True)
def sorted_hits(codes: np.ndarray, offsets: np.ndarray, bloom: np.ndarray,
                keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(where in the text, index into `keys`) of every run whose key is one of the sorted `keys`; the run at i is
    the characters at i + each of `offsets` (ascending: (0, 1, 2) for three in a row, (0, 1, 3, 4) for two, one
    left out, and two more)."""
    n = max(len(codes) - offsets[-1], 0) if len(keys) else 0
    where = np.empty(n, dtype=np.int64)
    which = np.empty(n, dtype=np.int64)
    found = 0
    slot = _slot_shift(bloom)
    for i in range(n):
        key = _key(codes, i, offsets)
        if not _may_hold(bloom, slot, key * _GOLDEN):
            continue
        lo, hi = 0, len(keys)
        while lo < hi:
            mid = (lo + hi) // 2
            if keys[mid] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(keys) and keys[lo] == key:
            where[found] = i
            which[found] = lo
            found += 1
    return where[:found], which[:found]


@numba.njit(cache=True, nogil=True)
def near_owners(codes: np.ndarray, where: np.ndarray, which: np.ndarray, owner_start: np.ndarray,
                owner_line: np.ndarray, owner_offset: np.ndarray, line_codes: np.ndarray, lengths: np.ndarray,
                numeral: np.ndarray, typeable: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(where the string starts, string) for each owner of each probe hit (`sorted_hits`: `where`, `which`) whose
    string, laid over the text there, differs from it as one typist's slip does: one character replaced, the same
    one replaced twice (水泠泠 as 水冷冷), or two neighbours swapped; none of the changed characters a `numeral`
    (月二十六日 is a date), and the string's own characters `typeable` (a rare variant such as 鴈 is rightly written
    雁). The owners of key k are owner_start[k]:owner_start[k + 1] of `owner_line` (a row of `line_codes`, the
    strings' code points padded with 0, `lengths` long) and `owner_offset` (how many characters before the run the
    string starts). checks.classic_lines: most runs that open a line open other words, and are turned away here
    without building a string."""
    total = 0
    for h in range(len(which)):
        total += owner_start[which[h] + 1] - owner_start[which[h]]
    begins = np.empty(total, dtype=np.int64)
    lines = np.empty(total, dtype=np.int64)
    found = 0
    for h in range(len(which)):
        for j in range(owner_start[which[h]], owner_start[which[h] + 1]):
            line = owner_line[j]
            begin = where[h] - owner_offset[j]
            size = lengths[line]
            if begin < 0 or begin + size > len(codes):
                continue
            diffs, first, second = 0, -1, -1
            for i in range(size):
                a, b = codes[begin + i], line_codes[line, i]
                if a != b:
                    diffs += 1
                    if diffs > 2 or numeral[a] or numeral[b] or not typeable[b]:
                        diffs = 3
                        break
                    if first < 0:
                        first = i
                    else:
                        second = i
            if diffs == 1:
                slip = True
            elif diffs == 2:
                w0, w1 = codes[begin + first], codes[begin + second]
                l0, l1 = line_codes[line, first], line_codes[line, second]
                slip = (w0 == w1 and l0 == l1) or (second == first + 1 and w0 == l1 and w1 == l0)
            else:
                slip = False
            if slip:
                begins[found] = begin
                lines[found] = line
                found += 1
    return begins[:found], lines[:found]


@numba.njit(cache=True, nogil=True)
def bucket_hits(codes: np.ndarray, length: int, bloom: np.ndarray, bucket_bits: int, starts: np.ndarray,
                keys: np.ndarray, words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(where in the text, `words` entry) of every run of `length` characters that is one of the keys of a
    bucket table (`BucketTable`: the keys grouped by the top `bucket_bits` bits of their hash)."""
    n = max(len(codes) - length + 1, 0)
    where = np.empty(n, dtype=np.int64)
    which = np.empty(n, dtype=np.int64)
    found = 0
    shift = np.uint64(64 - bucket_bits)
    slot = _slot_shift(bloom)
    for i in range(n):
        key = np.uint64(0)
        for k in range(length):  # not `_key` with offsets: a quarter faster on the word model's three lengths
            key = (key << np.uint64(16)) | codes[i + k]
        hashed = key * _GOLDEN
        if not _may_hold(bloom, slot, hashed):
            continue
        bucket = hashed >> shift
        for j in range(starts[bucket], starts[bucket + np.uint64(1)]):
            if keys[j] == key:
                where[found] = i
                which[found] = words[j]
                found += 1
                break
    return where[:found], which[:found]


_U64 = np.uint64


def hashes(keys: np.ndarray) -> np.ndarray:
    return keys * _GOLDEN


def bloom_filter(hashed: np.ndarray) -> np.ndarray:
    """A blocked Bloom filter of the keys whose hashes are `hashed`: two bits per key, both in the 64-bit word
    the hash's top bits choose (one read of memory per probe; ~1% of a text's runs pass it). A power of two of
    words, about `_BITS_PER_KEY` bits per key, at most 2**`_MOST_WORDS` words."""
    size = min(max(10, (len(hashed) * _BITS_PER_KEY // 64).bit_length()), _MOST_WORDS)
    words = np.zeros(1 << size, dtype=np.uint64)
    bits = (_U64(1) << ((hashed >> _U64(40)) & _U64(63))) | (_U64(1) << ((hashed >> _U64(34)) & _U64(63)))
    np.bitwise_or.at(words, hashed >> _U64(64 - size), bits)
    return words


class BucketTable(NamedTuple):
    """Keys to probe every run of a text with (`bucket_hits`): a Bloom filter, then a hash table of the keys for
    the runs that pass it.

    The table is the keys grouped by bucket (the top `bucket_bits` bits of the hash, about two keys a bucket),
    with where each bucket starts: a key is found with two or three reads of memory instead of the twenty of a
    binary search over sorted keys.
    """

    bloom: np.ndarray
    bucket_bits: int
    starts: np.ndarray  # where each bucket's keys start in `keys`; one more entry for the end
    keys: np.ndarray  # the keys, bucket after bucket
    words: np.ndarray  # for each key, its value (what the caller looks up: an index)

    def find(self, codes: np.ndarray, length: int) -> tuple[np.ndarray, np.ndarray]:
        """(where in the text, value) of every run of `length` characters of `codes` that is one of the keys."""
        return bucket_hits(codes, length, self.bloom, self.bucket_bits, self.starts, self.keys, self.words)

    def dump(self) -> tuple:
        return (array_data(self.bloom), self.bucket_bits, array_data(self.starts), array_data(self.keys),
                array_data(self.words))

    @classmethod
    def load(cls, raw: tuple) -> BucketTable:
        bloom, bits, starts, keys, words = raw
        return cls(data_array(bloom), bits, data_array(starts), data_array(keys), data_array(words))


def bucket_table(keys: np.ndarray, values: np.ndarray) -> BucketTable:
    """The table of `keys` (distinct) and the value of each."""
    hashed = hashes(keys)
    bucket_bits = max(1, (len(keys) // 2).bit_length())
    bucket = hashed >> _U64(64 - bucket_bits)
    order = np.argsort(bucket, kind="stable")
    starts = np.searchsorted(bucket[order], np.arange((1 << bucket_bits) + 1, dtype=np.uint64))
    return BucketTable(bloom_filter(hashed), bucket_bits, starts.astype(np.int64), keys[order], values[order])


def offsets(*at: int) -> np.ndarray:
    return np.array(at, dtype=np.int64)


RUN = {length: offsets(*range(length)) for length in (2, 3, 4)}  # a run of that many characters in a row


@numba.njit(cache=True, nogil=True)
def repeats_after(codes: np.ndarray, is_end: np.ndarray, shortest: int, longest: int) -> np.ndarray:
    """Each place e where the `n` characters before e come again right after it (shortest ≤ n ≤ longest, the shortest
    such n), the character before e one that `is_end` marks (a division's suffix: 葛公镇|葛公镇); as rows (e, n)."""
    out = np.empty((len(codes), 2), dtype=np.int64)
    found = 0
    for e in range(shortest, len(codes)):
        if not is_end[codes[e - 1]]:
            continue
        for n in range(shortest, min(longest, e) + 1):
            if e + n > len(codes) or codes[e + n - 1] != codes[e - 1] or codes[e] != codes[e - n]:
                continue
            same = True
            for k in range(1, n - 1):
                if codes[e + k] != codes[e - n + k]:
                    same = False
                    break
            if same:
                out[found, 0] = e
                out[found, 1] = n
                found += 1
                break
    return out[:found]
