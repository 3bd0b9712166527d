"""Every command and setting is documented, and the README keeps its promises."""

import re
from pathlib import Path

from zwgk.docgen import DOCS, cli_reference, knobs_reference, settings_reference

ROOT = Path(__file__).resolve().parent.parent


def test_reference_docs_are_current() -> None:
    assert (DOCS / "cli.md").read_text("utf-8") == cli_reference(), "run: python -m zwgk.docgen"
    assert (DOCS / "settings.md").read_text("utf-8") == settings_reference() + knobs_reference(), "run: python -m zwgk.docgen"


def test_spec_commands_are_documented() -> None:
    text = (DOCS / "cli.md").read_text("utf-8")
    for command in ("db upgrade", "units import", "crawl", "check", "run", "schedule", "findings", "events",
                    "events confirm", "events reject", "demo", "serve", "users add", "audit"):
        assert f"## `zwgk {command}`" in text


def test_readme_first_commands_and_ci() -> None:
    readme = (ROOT / "README.md").read_text("utf-8").splitlines()
    commands = [line.split("#")[0].strip() for line in readme[1:6] if line.startswith("    make")]
    assert commands == ["make demo", "make test"]
    assert re.search(r"^make test$", (ROOT / ".ci" / "run").read_text("utf-8"), re.M)


def test_nothing_else_reads_the_environment() -> None:
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        if path.parts[len(ROOT.parts)] in ("tests", ".venv", "alembic") or path.name == "settings.py":
            continue
        if re.search(r"os\.environ|os\.getenv|getenv\(", path.read_text("utf-8")):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
