"""SPEC check codes mapped to check functions.

Built-in checks register themselves the way an extension would: a module in `DEFAULT_CHECK_MODULES`
decorates its functions with `@check("code")`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from checks.base import AuditData, CheckFn
from core.vocab import CheckCode

# The subjects a check judged on this data, as (unit slug, subject_key) pairs. An open finding of a
# judged subject that the check no longer reports is rectified; one whose subject was not judged (its
# page could not be fetched tonight, say) stays open.
ScopeFn = Callable[[AuditData], set[tuple[str, str]]]


@dataclass(frozen=True)
class CheckSpec:
    code: str
    fn: CheckFn
    scope: ScopeFn | None = None  # None: every subject of every unit in the data was judged

SPEC_CODES = tuple(CheckCode)

DEFAULT_CHECK_MODULES = (
    "checks.staleness",
    "checks.interpretation",
    "checks.annual_report",
    "checks.typos",
    "checks.sensitive",
    "checks.privacy",
    "checks.availability",
    "checks.newmedia",
)

_REGISTRY: dict[str, CheckSpec] = {}


def check(code: str, scope: ScopeFn | None = None) -> Callable[[CheckFn], CheckFn]:
    if code not in SPEC_CODES:
        raise ValueError(f"unknown check code {code!r}: the vocabulary is fixed (core.vocab.CheckCode)")

    def register(fn: CheckFn) -> CheckFn:
        if code in _REGISTRY and _REGISTRY[code].fn is not fn:
            raise ValueError(f"check {code} registered twice")
        _REGISTRY[code] = CheckSpec(code, fn, scope)
        return fn

    return register


def registered_checks() -> dict[str, CheckSpec]:
    for module in DEFAULT_CHECK_MODULES:
        importlib.import_module(module)
    return dict(sorted(_REGISTRY.items()))
