"""Every run of a text's characters probed against a large set of keys, in one compiled pass (numba).

The word-slip candidates (checks.word_slips), the swapped neighbours (checks.transpositions) and the classical
lines (checks.classic_lines) each look for a few of millions of keys among the runs of two to four characters of a
page. A run's key is its characters' code points, 16 bits each, in one uint64 (`word_slips.packed`); a blocked
Bloom filter (`word_slips._bloom`) turns away nearly every run with one read of memory, and only the runs that pass
it are looked up: in sorted keys (binary search) or in a bucket table (`word_slips._Index`).

Done with numpy, the same probe took some twenty array operations per text and length, each paying its call
overhead on a page of 2,000 characters, and about a sixth of all text checks' time (benchmarks/text_checks.py);
one loop over the text, compiled once and cached on disk beside this module, does the same work without
building the intermediate arrays. The results are the numpy version's, position for position
(tests/test_run_probes.py compares them).
"""

from __future__ import annotations

import numba
import numpy as np

BLOOM_WORDS = 18  # 2**18 words of 64 bits = 2 MB per filter, small enough to stay in cache
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits are well mixed


@numba.njit(cache=True, nogil=True)
def _key(codes: np.ndarray, i: int, offsets: np.ndarray) -> np.uint64:
    key = np.uint64(0)
    for o in offsets:
        key = (key << np.uint64(16)) | codes[i + o]
    return key


@numba.njit(cache=True, nogil=True)
def _may_hold(bloom: np.ndarray, hashed: np.uint64) -> bool:
    bits = (np.uint64(1) << ((hashed >> np.uint64(40)) & np.uint64(63))) | \
        (np.uint64(1) << ((hashed >> np.uint64(34)) & np.uint64(63)))
    return (bloom[hashed >> np.uint64(64 - BLOOM_WORDS)] & bits) == bits


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
    for i in range(n):
        key = _key(codes, i, offsets)
        if not _may_hold(bloom, key * _GOLDEN):
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
def bucket_hits(codes: np.ndarray, length: int, bloom: np.ndarray, bucket_bits: int, starts: np.ndarray,
                keys: np.ndarray, words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(where in the text, `words` entry) of every run of `length` characters that is one of the keys of a
    bucket table (`word_slips._Index`: the keys grouped by the top `bucket_bits` bits of their hash)."""
    n = max(len(codes) - length + 1, 0)
    where = np.empty(n, dtype=np.int64)
    which = np.empty(n, dtype=np.int64)
    found = 0
    shift = np.uint64(64 - bucket_bits)
    for i in range(n):
        key = np.uint64(0)
        for k in range(length):
            key = (key << np.uint64(16)) | codes[i + k]
        hashed = key * _GOLDEN
        if not _may_hold(bloom, hashed):
            continue
        bucket = hashed >> shift
        for j in range(starts[bucket], starts[bucket + np.uint64(1)]):
            if keys[j] == key:
                where[found] = i
                which[found] = words[j]
                found += 1
                break
    return where[:found], which[:found]


def offsets(*at: int) -> np.ndarray:
    return np.array(at, dtype=np.int64)


RUN = {length: offsets(*range(length)) for length in (2, 3, 4)}  # a run of that many characters in a row
