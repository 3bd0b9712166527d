"""Compiled word lists kept on disk between processes.

Compiling the typo check's lexicon (1.16 million patterns: near misses of canonical phrases, filtered
against the corpus counts) and the word model's candidate index costs about 25 CPU seconds in every
process that runs the text checks: each `zwgk check`, `zwgk demo`, nightly job, benchmark and test
process. Both are pure functions of the lexicon files (shipped and ops' own), the code of checks/ and
core/ and the library versions — exactly what `checks.memo.fingerprint` hashes for the per-document
memo — so the result is written once under `lexicon_cache_dir` and read back (a quarter of a second)
by every later process with the same fingerprint. A new lexicon, code or library version is a new key:
nothing stale is ever read. The files hold plain data (marshal of strings, tuples and array bytes),
never pickled objects; a file that cannot be read is compiled again and replaced.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")
_MAGIC = b"zwgk-compiled-1\n"
_KEEP = 6  # files kept per name (a test run builds one per registry's unit names)


def cache_dir() -> Path | None:
    from core.settings import get_settings  # the one reader of the environment

    raw = get_settings().lexicon_cache_dir.strip()
    return Path(raw).expanduser() if raw else None


def _key(name: str, parts: Any) -> str:
    from checks.memo import loaded_fingerprint
    from core.settings import get_settings

    raw = json.dumps([loaded_fingerprint(get_settings().lexicon_dir), name, parts], ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _same(value: Any) -> Any:
    return value


def cached(name: str, parts: Any, build: Callable[[], T], dump: Callable[[T], Any] = _same,
           load: Callable[[Any], T] = _same) -> T:
    """`build()`, or what an earlier process built with the same fingerprint and `parts`.
    `dump` turns the value into marshal-able data, `load` turns that back into the value (by default the
    value is marshal-able as it is: strings, numbers, tuples, dicts)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(name, parts)[:40]}.bin"
    try:
        raw = path.read_bytes()
        if raw.startswith(_MAGIC):
            crc, payload = int.from_bytes(raw[len(_MAGIC):len(_MAGIC) + 4], "big"), raw[len(_MAGIC) + 4:]
            if zlib.crc32(payload) == crc:
                value = load(marshal.loads(payload))
                os.utime(path)  # recently used: kept by _prune
                return value
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass  # missing, truncated or from another layout: compile again
    value = build()
    try:
        payload = marshal.dumps(dump(value))
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as tmp:
            tmp.write(_MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(tmp.name, path)  # atomic: a reader sees the old file or the whole new one
        _prune(folder, name)
    except OSError:
        pass  # a read-only or full disk costs the compile time, nothing else
    return value


def array_data(array: np.ndarray) -> tuple[str, bytes]:
    """A numpy array as marshal-able data (its dtype and its bytes); `data_array` reads it back."""
    return array.dtype.str, array.tobytes()


def data_array(data: tuple[str, bytes]) -> np.ndarray:
    return np.frombuffer(data[1], dtype=data[0])  # read-only, shares the bytes read from the file


def _prune(folder: Path, name: str) -> None:
    files = sorted(folder.glob(f"{name}-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[_KEEP:]:
        old.unlink(missing_ok=True)
