"""Expected failures are one Chinese line and a non-zero exit: no traceback, no password."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fixtures.farm import DeadPort
from storage.db import upgrade
from zwgk.cli import main


def _run(url: str, *args: str):
    result = CliRunner().invoke(main, list(args), env={"ZWGK_DATABASE_URL": url})
    return result.exit_code, result.output


@pytest.mark.parametrize("args", [("findings",), ("runs",), ("status",), ("check",), ("events",)])
def test_store_not_migrated(tmp_path: Path, args: tuple[str, ...]) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    code, out = _run(url, *args)
    assert code == 4, out
    assert out.strip().splitlines() == [f"数据库尚未建立或结构不是最新：请先运行 zwgk db upgrade（数据库：{url}）"]


def test_store_one_migration_behind(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    upgrade(url, "0010")  # before the operations tables
    code, out = _run(url, "runs")
    assert code == 4 and "zwgk db upgrade" in out and "Traceback" not in out


@pytest.mark.parametrize("args", [("findings",), ("db", "upgrade"), ("run",)])
def test_postgres_down_and_the_password_stays_hidden(args: tuple[str, ...]) -> None:
    with DeadPort() as dead:
        code, out = _run(f"postgresql+psycopg://zwgk:S3cret-pw@127.0.0.1:{dead.port}/zwgk", *args)
    assert code == 5, out
    assert len(out.strip().splitlines()) == 1 and "无法连接数据库" in out
    assert "S3cret-pw" not in out and "zwgk:***@127.0.0.1" in out


def test_missing_file(sqlite_url: str, tmp_path: Path) -> None:
    code, out = _run(sqlite_url, "units", "import", str(tmp_path / "nope.yaml"))
    assert code == 2 and "nope.yaml" in out and "Traceback" not in out


def test_db_upgrade_hides_the_password(tmp_path: Path) -> None:
    code, out = _run(f"sqlite:///{tmp_path / 'new.sqlite'}", "db", "upgrade")
    assert code == 0 and "数据库已是最新结构" in out


def test_bad_setting_is_one_line() -> None:
    result = CliRunner().invoke(main, ["runs"], env={"ZWGK_LEASE_TTL": "soon"})
    assert result.exit_code == 2 and "配置有误" in result.output and "Traceback" not in result.output


def test_a_statement_the_server_refuses_is_not_called_a_lost_connection() -> None:
    from sqlalchemy.exc import OperationalError

    from zwgk.errors import friendly

    refused = OperationalError("SELECT …", {}, Exception(
        "sending query and params failed: number of parameters must be between 0 and 65535"))
    message, code = friendly(refused, "postgresql+psycopg://zwgk:secret@127.0.0.1/zwgk") or ("", 0)
    assert code == 5 and message.startswith("数据库执行出错") and "65535" in message and "secret" not in message
    down = OperationalError("connect", {}, Exception("connection refused"))
    assert (friendly(down, "sqlite:///x.sqlite") or ("", 0))[0].startswith("无法连接数据库")
