"""Incremental checks: a document's per-document results are computed once per content, not once per night.

A province re-checked about 990,000 documents every night (5.97 CPU ms each, ~100 minutes in one
process) though most had not changed since the night before. Every check is a pure function of stored
snapshots, an as-of date and the rules, so what a pure step computed from one input holds for every later
night whose input is the same. This module keeps those results in the store (`storage.memo.CheckMemo`)
under a key that names everything the step reads:

- `page`: `checks.text.page_text` of a snapshot's body decoded as crawled. Key: the body's SHA-256, the
  encoding the crawler decided, the Content-Type header where the decoding reads it (`text.reads_header`).
  A page read from the memo is not read back from the store, so its bytes are not hashed again at check
  time: they were when the entry was made, and `zwgk evidence verify` checks every stored record.
- `slips`: a text's candidate slips of everyday words (the night counts in how many texts each recurs) and
  whether it names a leader (the only step of `find_typo_hits` that reads the date). Key: the text's SHA-256.
- `typo`: `find_typo_hits` plus the corpus-consensus hits that do not overlap them, before the allow-list.
  Key: the text's SHA-256, the registry's unit names the typo check adds, the day when (and only when) the
  text names a leader, the night's recurring slips that occur in this text, the night's consensus entries
  for this text's clauses. Everything else `find_typo_hits` reads is the text and the lexicons.
- `sensitive`: `find_sensitive` (the text only). Key: the text's SHA-256.
- `privacy`: `find_personal_data`. Key: the text's SHA-256 and the as-of year (it reads the day only as
  "has this ID number's birth year begun").

The fingerprint hashes the code of `checks/` and `core/`, every lexicon file (shipped and ops' own,
`ZWGK_LEXICON_DIR`) and the versions of the libraries those steps call (jieba, pypinyin, OpenCC, lxml,
w3lib, ahocorasick-rs, numpy, PyYAML) and of Python: a new lexicon or a new release computes everything
again. None of the memoised steps reads `CheckRules`, so a scheme's knobs never make an entry stale.

What stays night-wide and runs every night on the stored intermediates: the night's corpus consensus
(from the texts' clauses, which come from the stored pages), the recurring slips (from the stored
candidates), dark links (they need the unit's own sites: cheap, the hidden elements are few), the
allow-list (applied to the stored hits, so an inspector's new entry needs no recomputation), staleness,
blank columns, interpretation pairing, annual reports and everything else: they read the stored pages
instead of parsing the bodies again.

Why a memo and not `--jobs N` processes: processes divide the wall time of a night by the cores but keep
its cost (CPU, and every body read back from the store: a third of the check on PostgreSQL), and a
city's or province's check already shares its machine with the database. With the memo, a night costs
what changed plus the night-wide steps; `tests/test_check_memo.py` proves the findings identical to a
check without it over two nights, a changed document, a changed lexicon and allow-list and a past as-of
date, on SQLite and PostgreSQL; `benchmarks/check_incremental.py` measures it (2026-12-02, county farm,
9,915 documents, PostgreSQL: 0.45 of a full check's CPU, 0.24 without the word lists' one-off load; the
findings identical). `zwgk check --full` computes everything and keeps nothing.

Checks stay pure: `AuditData.memo` only ever returns what the same step computed from the same input.
`NO_MEMO` (the default) keeps nothing; a replay reads the memo and writes nothing.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parent.parent
# the libraries whose output the memoised steps depend on (distribution names)
_LIBRARIES = ("jieba", "pypinyin", "OpenCC", "lxml", "w3lib", "ahocorasick-rs", "numpy", "PyYAML")


class Memo(Protocol):
    fingerprint: str

    def expect(self, kind: str, keys: Sequence[str]) -> None: ...
    def get(self, kind: str, key: str) -> bytes | None: ...
    def get_many(self, kind: str, keys: Iterable[str]) -> dict[str, bytes]: ...
    def put(self, kind: str, key: str, value: bytes) -> None: ...


class NoMemo:
    """Keeps nothing: every step is computed (pure use of the checks, tests of single functions)."""

    fingerprint = ""

    def expect(self, kind: str, keys: Sequence[str]) -> None:
        return None

    def get(self, kind: str, key: str) -> bytes | None:
        return None

    def get_many(self, kind: str, keys: Iterable[str]) -> dict[str, bytes]:
        return {}

    def put(self, kind: str, key: str, value: bytes) -> None:
        return None


NO_MEMO = NoMemo()


@functools.lru_cache(maxsize=1)
def _code_and_libraries() -> str:
    digest = hashlib.sha256()
    for folder in ("checks", "core"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def fingerprint(lexicon_dir: Path | None) -> str:
    """The code, libraries and lexicons (shipped and ops' own) that computed a memo entry. Read from the
    files each time (6.5 MB, milliseconds): ops may change a word list between two nights."""
    digest = hashlib.sha256(_code_and_libraries().encode())
    folders = [ROOT / "checks" / "lexicons"] + ([Path(lexicon_dir)] if lexicon_dir else [])
    for n, folder in enumerate(folders):
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"{n}:{path.relative_to(folder).as_posix()}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


_LOADED: dict[str, str] = {}  # lexicon dir → the fingerprint this process's compiled lexicons were read under


def loaded_fingerprint(lexicon_dir: Path | str | None) -> str:
    """The fingerprint of the lexicons as this process read them (compiled once, kept in functools caches):
    what a compiled file on disk is filed under. Reading the files again for it would file lists compiled
    before an edit under the edited files' fingerprint, and every later process would take them as current."""
    folder = str(lexicon_dir or "")
    if folder not in _LOADED:
        _LOADED[folder] = fingerprint(Path(folder) if folder else None)
    return _LOADED[folder]


def refresh_lexicons(lexicon_dir: Path | str | None) -> str:
    """The fingerprint for a check run that starts now. The scheduler runs night after night in one process;
    when ops have changed a word list since it read them (ZWGK_LEXICON_DIR, or the shipped ones), every
    compiled lexicon of checks/ is forgotten so that tonight's checks read the files as they are now, and
    the memo is keyed by what the checks really used."""
    folder = str(lexicon_dir or "")
    now = fingerprint(Path(folder) if folder else None)
    if _LOADED.get(folder) != now:  # also the first time: lists read before any run are of unknown files
        for module in [m for name, m in sys.modules.items() if name == "checks" or name.startswith("checks.")]:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == module.__name__:
                    value.cache_clear()
    _LOADED[folder] = now
    return now


def key(fingerprint: str, kind: str, *parts: Any) -> str:
    """The memo key of one step's input: JSON of the parts (sets and dicts given sorted), hashed."""
    raw = json.dumps([fingerprint, kind, *parts], ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def loads(raw: bytes) -> Any:
    return json.loads(raw.decode("utf-8", "surrogatepass"))


def memoised(memo: Memo, kind: str, keys: Sequence[str], compute: Callable[[int], Any]) -> list[Any]:
    """Per key, the value the memo holds, or compute(i) for the i-th key (kept, and computed once for a
    key that comes twice: the same text in two units). Values come back as JSON gives them whether stored
    or computed now, so that a night reads the same either way."""
    stored = memo.get_many(kind, keys)
    out = []
    for i, k in enumerate(keys):
        if k not in stored:
            stored[k] = dumps(compute(i))
            memo.put(kind, k, stored[k])
        out.append(loads(stored[k]))
    return out
