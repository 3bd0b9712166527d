"""Imports point down: a package may import only packages on a lower layer (README "Layout").

Packages on the same layer do not import each other either (the crawler and the checks meet only in
the store). Imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS: dict[str, int] = {
    "core": 0,
    "storage": 1,
    "crawler": 2, "checks": 2,
    "assessment": 3,
    "jobs": 4,
    "scheduler": 5, "web": 5, "fixtures": 5,
    "zwgk": 6,
}


def imported_packages(path: Path) -> set[tuple[str, int]]:
    """(top-level package, line) of every first-party import in a module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found |= {(name.split(".")[0], node.lineno) for name in names if name.split(".")[0] in LAYERS}
    return found


def wrong_way_imports() -> list[str]:
    problems = []
    for package, layer in LAYERS.items():
        for path in sorted((ROOT / package).rglob("*.py")) if (ROOT / package).is_dir() else []:
            for target, line in sorted(imported_packages(path)):
                if target != package and LAYERS[target] >= layer:
                    problems.append(f"{path.relative_to(ROOT)}:{line} imports {target} (layer {LAYERS[target]}) "
                                    f"from {package} (layer {layer})")
    return problems


def test_every_package_imports_only_packages_below_it() -> None:
    assert wrong_way_imports() == []


@pytest.mark.parametrize(("source", "expected"), [
    ("from checks.base import AuditData\n", {("checks", 1)}),
    ("def f():\n    import crawler.launch\n", {("crawler", 2)}),
    ("from . import sibling\nimport os\n", set()),
])
def test_imports_are_found_wherever_they_are(tmp_path: Path, source: str, expected: set) -> None:
    module = tmp_path / "m.py"
    module.write_text(source, encoding="utf-8")
    assert imported_packages(module) == expected


def test_every_first_party_package_has_a_layer() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "benchmarks", "alembic"}
    assert packages <= set(LAYERS), packages - set(LAYERS)
