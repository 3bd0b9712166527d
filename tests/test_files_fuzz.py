"""Registry and scheme files that try to hurt: every one is refused with a line-numbered Chinese
message (SourceFileError, `zwgk units import` exits 2 and writes nothing), none raises anything else,
and the files themselves load as before. The cases of issue 12 first, then generated mutations."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from assessment.schemes import SCHEME_DIR, Scheme
from core.sourcefile import SourceFileError, load_model
from storage.db import make_engine
from storage.models import Unit
from zwgk.cli import main
from zwgk.units_file import parse_registry

ROOT = Path(__file__).resolve().parent.parent
HEAD = "jurisdiction: 云和县\nscheme: yunhe-2022\nlevel: county\nunits:\n"
UNIT = "  - id: jyj\n    name: 县教育局\n    kind: department\n    portal: https://www.example.gov.cn/jyj/\n"
LAUGHS = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else 'lol'}]\n" for i in range(10))

HOSTILE = {
    "recursive anchor": HEAD + "  - &u {id: a, name: *u, kind: department, portal: 'https://a.gov.cn/'}\n",
    "billion laughs": LAUGHS + HEAD + UNIT,
    "NUL byte": HEAD + UNIT.replace("县教育局", "县教\x00育局"),
    "python name": HEAD + UNIT.replace("县教育局", "!!python/name:os.system"),
    "python object": "jurisdiction: !!python/object/apply:os.system ['true']\n" + HEAD[HEAD.index("scheme"):] + UNIT,
    "int abc": HEAD + UNIT + "    robots: !!int abc\n",
    "unknown tag": HEAD + UNIT.replace("department", "!unit department"),
    "merge key": "base: &b {kind: department}\n" + HEAD + "  - {<<: *b, id: a, name: 甲, portal: 'https://a.gov.cn/'}\n",
    "deep nesting": HEAD + UNIT + "    columns: " + "[" * 3000 + "]" * 3000 + "\n",
    "empty name": HEAD + UNIT.replace("县教育局", "''"),
    "host with a space": HEAD + UNIT.replace("www.example.gov.cn", "www.exa mple.gov.cn"),
    "port out of range": HEAD + UNIT.replace("www.example.gov.cn", "www.example.gov.cn:99999"),
    "name too long for PostgreSQL": HEAD + UNIT.replace("县教育局", "局" * 201),
    "escape sequence in a name": HEAD + UNIT.replace("县教育局", '"县\\e[2J教育局"'),
    "binary": HEAD + UNIT + "    robots: !!binary AAAA\n",
    "complex key": HEAD + UNIT + "    ? [a, b]\n    : c\n",
    "oversized": HEAD + UNIT + "# " + "x" * (3 * 1024 * 1024) + "\n",
    "loopback without opt-in": HEAD + UNIT.replace("https://www.example.gov.cn", "http://127.0.0.1:8000"),
    "private without opt-in": HEAD + UNIT.replace("https://www.example.gov.cn", "http://10.1.2.3"),
    "localhost without opt-in": HEAD + UNIT.replace("https://www.example.gov.cn", "http://localhost:8080"),
    "metadata even with opt-in": HEAD + UNIT.replace("https://www.example.gov.cn", "http://169.254.169.254")
    + "    internal: true\n",
}


def _farm_registry() -> str:
    return re.sub(r"\$\w+", "http://127.0.0.1:1", (ROOT / "fixtures" / "units.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_registry_refused_with_lines(case: str) -> None:
    with pytest.raises(SourceFileError) as refused:
        parse_registry(HOSTILE[case], "units.yaml")
    assert refused.value.problems and "未做任何修改" in refused.value.render()


def test_internal_addresses_need_the_units_opt_in() -> None:
    registry = parse_registry(HEAD + UNIT.replace("https://www.example.gov.cn", "http://10.1.2.3:8080") + "    internal: true\n",
                              "units.yaml")
    assert registry.units[0].internal and registry.units[0].portal == "http://10.1.2.3:8080/jyj/"
    with pytest.raises(SourceFileError, match="internal: true"):
        parse_registry(HEAD + UNIT.replace("https://www.example.gov.cn", "http://192.168.1.5"), "units.yaml")


def test_the_real_files_still_load() -> None:
    parse_registry(_farm_registry(), "units.yaml")
    for path in SCHEME_DIR.glob("*.yaml"):
        load_model(Scheme, path)


_SNIPPETS = ["&a ", "*a", "*zz", "!!python/name:os.system ", "!!int x ", "!foo ", "<<: *a", "\x00", "\x1b[2J", "\ufeff",
             ": ", "- ", "[", "{", "]", "}", "? ", "|", ">", "\t", "'", '"', "#", "%YAML 1.1\n", "---\n", "...\n",
             "!!binary ", "!!set ", "&a [*a]", "9" * 40, "-1", ".nan", "~", "http://a b/", "🙂"]


def _mutations(text: str, seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        t = text
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(t))
            op = rng.random()
            if op < 0.5:
                t = t[:at] + rng.choice(_SNIPPETS) + t[at:]
            elif op < 0.75:
                t = t[:at] + t[at + rng.randint(1, 40):]
            else:
                lines = t.splitlines(keepends=True)
                i = rng.randrange(len(lines))
                lines.insert(rng.randrange(len(lines)), lines[i])
                t = "".join(lines)
        out.append(t)
    return out


def test_generated_registry_mutations_never_crash() -> None:
    text = _farm_registry()
    outcomes = {"loaded": 0, "refused": 0}
    for mutated in _mutations(text, 12, 400):
        try:
            parse_registry(mutated, "units.yaml")
            outcomes["loaded"] += 1
        except SourceFileError as exc:
            assert exc.problems
            outcomes["refused"] += 1
    assert outcomes["refused"] > 100  # most mutations break the file; none raised anything else


def test_generated_scheme_mutations_never_crash(tmp_path: Path) -> None:
    text = (SCHEME_DIR / "yunhe-2022.yaml").read_text("utf-8")
    refused = 0
    for i, mutated in enumerate(_mutations(text, 2022, 300)):
        path = tmp_path / f"m{i}.yaml"
        path.write_text(mutated, "utf-8", errors="surrogatepass")
        try:
            load_model(Scheme, path)
        except SourceFileError as exc:
            assert exc.problems
            refused += 1
    assert refused > 100


def test_import_of_a_bomb_exits_2_and_writes_nothing(sqlite_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"ZWGK_DATABASE_URL": sqlite_url}
    good = tmp_path / "units.yaml"
    good.write_text(HEAD + UNIT, "utf-8")
    assert runner.invoke(main, ["units", "import", str(good)], env=env).exit_code == 0
    for case in ("billion laughs", "recursive anchor", "python name", "NUL byte"):
        bad = tmp_path / "bad.yaml"
        bad.write_text(HOSTILE[case], "utf-8")
        result = runner.invoke(main, ["units", "import", str(bad)], env=env)
        assert result.exit_code == 2 and "bad.yaml:" in result.output and result.exception is not None
        assert not isinstance(result.exception, SourceFileError | RecursionError | MemoryError)
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Unit).where(Unit.active.is_(True))).scalar() == 1
    engine.dispose()


def test_schemes_check(tmp_path: Path) -> None:
    runner = CliRunner()
    shipped = SCHEME_DIR / "yunhe-2022.yaml"
    ok = runner.invoke(main, ["schemes", "check", str(shipped)])
    assert ok.exit_code == 0 and "有效" in ok.output
    text = shipped.read_text("utf-8")
    negative = tmp_path / "yunhe-2022.yaml"
    # a negative cap on the first category: every unit would have scored 0
    negative.write_text(re.sub(r"(\bcap: )(\d+)", r"\1-50", text, count=1), "utf-8")
    bad = runner.invoke(main, ["schemes", "check", str(negative)])
    assert bad.exit_code == 2 and "yunhe-2022.yaml:" in bad.output and "的值 -50 不能小于 0" in bad.output
    unknown = tmp_path / "x.yaml"
    unknown.write_text(text.replace("column.stale:", "column.stael:", 1), "utf-8")
    assert runner.invoke(main, ["schemes", "check", str(unknown)]).exit_code == 2


def test_an_import_that_deactivates_units_needs_prune(sqlite_url: str, tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"ZWGK_DATABASE_URL": sqlite_url}
    full, empty = tmp_path / "units.yaml", tmp_path / "empty.yaml"
    full.write_text(HEAD + UNIT + UNIT.replace("jyj", "wjw"), "utf-8")
    empty.write_text(HEAD.replace("units:\n", "units: []\n"), "utf-8")
    assert runner.invoke(main, ["units", "import", str(full)], env=env).exit_code == 0
    refused = runner.invoke(main, ["units", "import", str(empty)], env=env)
    assert refused.exit_code == 2 and "会停用 2 个单位（jyj、wjw）" in refused.output and "--prune" in refused.output
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Unit).where(Unit.active.is_(True))).scalar() == 2
    pruned = runner.invoke(main, ["units", "import", "--prune", str(empty)], env=env)
    assert pruned.exit_code == 0 and "移除 2 个" in pruned.output
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Unit).where(Unit.active.is_(True))).scalar() == 0
    engine.dispose()
