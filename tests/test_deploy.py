"""The deployment files: the environment file example names real settings and parses; the systemd units
start real commands."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from core.settings import Settings
from zwgk.cli import main

ROOT = Path(__file__).resolve().parent.parent
ENV = ROOT / "deploy" / "zwgk.env.example"


def test_environment_example_names_real_settings_and_parses() -> None:
    names = [line.split("=", 1)[0].strip().lstrip("# ") for line in ENV.read_text("utf-8").splitlines()
             if re.match(r"#?\s*ZWGK_[A-Z_]+=", line)]
    fields = {f"ZWGK_{name.upper()}" for name in Settings.model_fields}
    assert names and set(names) <= fields, set(names) - fields
    settings = Settings(_env_file=ENV)  # type: ignore[call-arg]
    assert settings.nightly_cron == "0 1 * * *" and settings.probe_cron == "*/30 * * * *"
    assert settings.alert_webhook_format == "wecom" and settings.masked_database_url().startswith(
        "postgresql+psycopg://zwgk:***@127.0.0.1")


def test_systemd_units_run_existing_commands() -> None:
    commands = {name for name in main.commands}
    for unit in (ROOT / "deploy" / "systemd").glob("*.service"):
        exec_start = re.search(r"^ExecStart=\S+/zwgk (\w+)", unit.read_text("utf-8"), re.M)
        assert exec_start, unit.name
        if exec_start[1] in ("serve", "worker"):  # SPEC commands that other issues bring
            continue
        assert exec_start[1] in commands, unit.name
    assert "zwgk status --alert" in (ROOT / "deploy" / "systemd" / "zwgk-watchdog.service").read_text("utf-8")


def test_help_and_version() -> None:
    runner = CliRunner()
    version = runner.invoke(main, ["--version"])
    assert version.exit_code == 0 and version.output.startswith("zwgk ")
    short = runner.invoke(main, ["-h"])
    assert short.exit_code == 0 and "用法:" in short.output and "显示本帮助并退出" in short.output
    sub = runner.invoke(main, ["run", "-h"])
    assert sub.exit_code == 0 and "--wait" in sub.output
    wrong = runner.invoke(main, ["run", "--bogus"])
    assert wrong.exit_code == 2 and "没有选项 '--bogus'" in wrong.output
