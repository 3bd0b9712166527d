"""Expected failures as one Chinese line and an exit code, never a traceback or a password.

`friendly(exc, database_url)` names what went wrong and what to do; None means the exception is a bug
and its traceback is worth seeing.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, NoSuchTableError, OperationalError, ProgrammingError

from core.settings import mask_url

NOT_MIGRATED = ("no such table", "no such column", "undefinedtable", "undefinedcolumn", "does not exist")
UNREACHABLE = ("connection refused", "could not connect", "connection failed", "could not translate host name",
               "timeout expired", "unable to open database file", "name or service not known",
               "server closed the connection", "no route to host", "password authentication failed",
               "authentication failed")


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return mask_url(text.splitlines()[0] if text else type(exc).__name__)


def friendly(exc: BaseException, database_url: str) -> tuple[str, int] | None:
    """(message, exit code) for an expected failure, else None."""
    from core.sourcefile import SourceFileError
    from jobs.check import PastAsOfError
    from jobs.runs import RunRefused

    where = mask_url(database_url)
    if isinstance(exc, RunRefused):
        return str(exc), 3
    if isinstance(exc, SourceFileError):
        return exc.render(), 2
    if isinstance(exc, PastAsOfError):
        return f"未做任何修改：{exc}", 2
    if isinstance(exc, NoSuchTableError) or (
        isinstance(exc, OperationalError | ProgrammingError)
        and any(mark in str(exc.orig if isinstance(exc, DBAPIError) else exc).lower().replace(" ", "")
                for mark in (m.replace(" ", "") for m in NOT_MIGRATED))
        and not any(mark in str(exc).lower() for mark in UNREACHABLE)
    ):
        return f"数据库尚未建立或结构不是最新：请先运行 zwgk db upgrade（数据库：{where}）", 4
    if isinstance(exc, DBAPIError) and (exc.connection_invalidated or any(m in str(exc).lower() for m in UNREACHABLE)):
        return f"无法连接数据库 {where}：{_first_line(exc)}。请检查数据库服务是否已启动、ZWGK_DATABASE_URL 是否正确", 5
    if isinstance(exc, OperationalError):  # the server answered: a statement it refused, not a lost connection
        return f"数据库执行出错 {where}：{_first_line(exc)}", 5
    if isinstance(exc, FileNotFoundError):
        return f"找不到文件：{exc.filename or exc}", 2
    if isinstance(exc, PermissionError):
        return f"没有权限：{exc.filename or exc}", 2
    if isinstance(exc, ConnectionError | TimeoutError):
        return f"网络连接失败：{mask_url(str(exc))}", 6
    return None
