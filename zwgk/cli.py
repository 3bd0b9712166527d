"""The `zwgk` command line (SPEC "Command line"). Commands are thin: each calls one job."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import click
from sqlalchemy.orm import Session, sessionmaker

from core import output
from core.names import readable
from core.settings import Settings, mask_url
from core.sourcefile import SourceFileError
from storage.clock import local_today
from storage.db import make_engine, make_sessionmaker, upgrade
from zwgk import clizh

if TYPE_CHECKING:
    from assessment.scoring import Quarter, Sheet, Year


@dataclass
class App:
    settings: Settings

    @cached_property
    def Session(self) -> sessionmaker[Session]:
        return make_sessionmaker(make_engine(self.settings.database_url))

    def as_of(self, value: date | None) -> date:
        return value or local_today(self.settings.timezone)


clizh.install()
pass_app = click.make_pass_decorator(App)


class FriendlyGroup(click.Group):
    """Every expected failure below this group ends as one Chinese line and a non-zero exit (zwgk.errors)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            from zwgk.errors import friendly

            app = ctx.find_object(App)
            known = friendly(exc, app.settings.database_url if app else "")
            if known is None:
                raise
            click.echo(known[0], err=True)
            ctx.exit(known[1])


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zwgk")
    except PackageNotFoundError:
        return "未安装"


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"日期格式应为 YYYY-MM-DD：{value}") from None


FORMATS = click.Choice(["table", "jsonl", "csv"])


@click.group(cls=FriendlyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(_version(), "-V", "--version", prog_name="zwgk", message="%(prog)s %(version)s")
@click.pass_context
def main(ctx: click.Context) -> None:
    """zwgk：政务公开检查——抓取、检查、扣分、审核、导出。"""
    try:
        settings = Settings()
    except ValueError as exc:  # pydantic's ValidationError: a ZWGK_* variable that does not parse
        click.echo(f"配置有误（环境变量 ZWGK_*）：{mask_url(str(exc))}", err=True)
        ctx.exit(2)
    ctx.obj = App(settings)


@main.group()
def db() -> None:
    """数据库管理。"""


@db.command("upgrade")
@pass_app
def db_upgrade(app: App) -> None:
    """创建或升级数据库结构（Alembic）。"""
    upgrade(app.settings.database_url)
    click.echo(f"数据库已是最新结构：{app.settings.masked_database_url()}")


@main.group()
def units() -> None:
    """单位名录。"""


@units.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--prune", is_flag=True, help="允许停用文件中已没有的单位（不加时，会停用单位的导入被拒绝，不做任何修改）")
@pass_app
def units_import(app: App, file: Path, prune: bool) -> None:
    """从 units.yaml 导入或更新单位名录；文件有错时列出行号且不做任何修改。"""
    from assessment.schemes import scheme_names
    from zwgk.units_file import PruneRefused, import_registry, read_registry

    try:
        registry = read_registry(file, known_schemes=scheme_names())
    except SourceFileError as exc:
        click.echo(exc.render(), err=True)
        sys.exit(2)
    try:
        with app.Session() as session, session.begin():
            report = import_registry(session, registry, prune=prune)
    except PruneRefused as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    click.echo("\n".join(report.lines()))


def _echo_err(line: str) -> None:
    click.echo(line, err=True)


WAIT = click.option("--wait", is_flag=True, help="已有任务在运行时排队等待，而不是退出")


@main.command()
@click.option("--unit", multiple=True, help="只抓取这些单位（可重复）")
@click.option("--redis", "redis_url", metavar="URL",
              help="分布式抓取：在该 Redis 上发布本次抓取，本机同时作为一个工作进程；其他机器用 zwgk worker 加入")
@WAIT
@pass_app
def crawl(app: App, unit: tuple[str, ...], redis_url: str | None, wait: bool) -> None:
    """立即抓取；显示进度，结束时给出覆盖情况。同一数据库上同时只运行一个任务。"""
    from jobs.night import crawl_job

    result = crawl_job(app.settings, app.Session, list(unit) or None, echo=_echo_err, wait=wait, redis_url=redis_url)
    click.echo("\n".join(result.report_lines()))
    sys.exit(1 if result.returncode else 0)


def _schemes_or_exit(app: App) -> None:
    """A broken scheme stops the job before it starts (exit 2), with the file's lines."""
    from jobs.check import check_schemes

    try:
        check_schemes(app.Session)
    except SourceFileError as exc:
        click.echo(f"考核方案有错，未运行检查：\n{exc.render()}", err=True)
        sys.exit(2)


@main.group()
def schemes() -> None:
    """考核方案文件。"""


@schemes.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def schemes_check(file: Path) -> None:
    """校验一个考核方案文件（类型、取值范围、分值和上限不得为负、检查代码和类别须存在）；有错时列出行号，退出码 2。"""
    from assessment.schemes import check_scheme_file

    try:
        scheme = check_scheme_file(file)
    except SourceFileError as exc:
        click.echo(exc.render(), err=True)
        sys.exit(2)
    click.echo(f"{file}: 方案 “{scheme.name}” 有效：{len(scheme.deductions)} 条扣分规则，{len(scheme.categories)} 个类别")


@main.command()
@click.option("--redis", "redis_url", metavar="URL", required=True,
              help="与 zwgk crawl --redis 相同的 Redis 地址，如 redis://10.0.0.5:6379/0")
@click.option("--once", is_flag=True, help="只参加一次抓取就退出（默认一直等待下一次）")
@click.option("--wait", type=float, default=3600.0, show_default=True, help="每次等待新抓取的最长秒数")
@pass_app
def worker(app: App, redis_url: str, once: bool, wait: float) -> None:
    """作为工作进程参加分布式抓取：请求队列和去重集合在 Redis 中，每个页面只由一个工作进程抓取，
    结果写入同一个数据库。"""
    from crawler.distributed import run_worker

    last = None
    while True:
        run_id = run_worker(app.settings, redis_url, echo=_echo_err, wait_seconds=wait, after_run=last)
        if run_id is None:
            click.echo(f"{wait:.0f} 秒内没有新的抓取任务", err=True)
        else:
            last = run_id
            click.echo(f"第 {run_id} 次抓取：本工作进程已完成", err=True)
        if once:
            return


@main.command()
@click.option("--as-of", callback=_date, help="以该日期为“今天”进行检查（默认今天，北京时间）")
@click.option("--unit", multiple=True, help="只检查这些单位（可重复）")
@click.option("--full", is_flag=True,
              help="不沿用已存的逐文档结果，全部重新计算（也不保存）；结果与默认的增量检查相同，只是更慢")
@WAIT
@pass_app
def check(app: App, as_of: date | None, unit: tuple[str, ...], full: bool, wait: bool) -> None:
    """对最新快照运行全部检查，记录发现的问题并提出扣分；重复运行不会重复记录。

    内容未变的文档沿用以前算好的逐文档结果（按内容哈希和规则、词库、代码版本保存），
    全夜性的步骤（语料共识、重复出现的候选错字、白名单、栏目更新、解读配对等）每次都重新计算。"""
    from jobs.night import check_job

    _schemes_or_exit(app)
    summary = check_job(app.settings, app.Session, app.as_of(as_of), list(unit) or None, echo=_echo_err, wait=wait,
                        reuse=not full)
    click.echo("\n".join(summary.lines()))


@main.command()
@click.option("--as-of", callback=_date, help="以该日期为“今天”进行检查")
@click.option("--unit", multiple=True, help="只处理这些单位（可重复）")
@WAIT
@pass_app
def run(app: App, as_of: date | None, unit: tuple[str, ...], wait: bool) -> None:
    """夜间任务：先抓取，再检查。同一数据库上同时只运行一个任务（另一个在运行时退出，返回码 3）。"""
    from jobs.night import run_night

    _schemes_or_exit(app)
    night = run_night(app.settings, app.Session, app.as_of(as_of), list(unit) or None, echo=_echo_err, wait=wait)
    click.echo("\n".join(night.lines()))
    sys.exit(0 if night.ok else 1)


REPLAY_COLUMNS = [("unit", "单位"), ("check", "检查项"), ("subject", "对象"), ("detail", "问题描述")]
REPLAY_KEYS = ["unit", "check", "subject_key", "subject", "url", "detail", "as_of", "observed_at", "evidence"]


@main.command()
@click.option("--as-of", required=True, callback=_date, help="重现该日期的检查结果")
@click.option("--unit", multiple=True, help="只重现这些单位（可重复）")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@pass_app
def replay(app: App, as_of: date, unit: tuple[str, ...], fmt: str) -> None:
    """按该日期以前已采集的快照重现当日检查发现的问题；只读，不改动问题记录和审核队列。"""
    from jobs.check import replay as replay_job

    rows = replay_job(app.Session, as_of, list(unit) or None, app.settings.timezone)
    _emit(rows, fmt, REPLAY_COLUMNS, REPLAY_KEYS)
    if fmt == "table":
        click.echo(f"重现检查基准日 {as_of:%Y-%m-%d}：{len(rows)} 条（只计该日以前采集的数据，未写入数据库）")


FINDING_COLUMNS = [("id", "编号"), ("unit", "单位"), ("check", "检查项"), ("subject", "对象"),
                   ("detail", "问题描述"), ("as_of", "基准日"), ("rectified_on", "整改日")]
FINDING_KEYS = ["id", "unit", "check", "subject", "url", "detail", "as_of", "first_as_of", "observed_at",
                "rectified_on", "evidence"]


@main.command()
@click.option("--unit", multiple=True, help="单位 id（可重复）")
@click.option("--check", "check_", multiple=True, help="检查代码，如 column.stale（可重复）")
@click.option("--since", callback=_date, help="只列出该日期及以后观察到的问题")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_app
def findings(app: App, unit: tuple[str, ...], check_: tuple[str, ...], since: date | None, fmt: str) -> None:
    """列出发现的问题。"""
    from storage.queries import list_findings

    with app.Session() as session:
        rows = list_findings(session, units=list(unit), checks=list(check_), since=since)
    _emit(rows, fmt, FINDING_COLUMNS, FINDING_KEYS)


EVENT_COLUMNS = [("id", "编号"), ("unit", "单位"), ("period", "考核期"), ("check", "检查项"), ("points", "扣分"),
                 ("state", "状态"), ("subject", "对象"), ("detail", "问题描述")]
EVENT_KEYS = ["id", "unit", "period", "scheme", "check", "category", "points", "state", "subject", "detail", "url",
              "finding_id", "clause", "decided_by", "decided_at", "reason"]


@main.group(invoke_without_command=True)
@click.option("--state", type=click.Choice(["pending", "confirmed", "rejected", "appealed"]), multiple=True)
@click.option("--unit", multiple=True)
@click.option("--period", help="考核期，如 2024Q3")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def events(ctx: click.Context, state: tuple[str, ...], unit: tuple[str, ...], period: str | None, fmt: str) -> None:
    """列出扣分事项；子命令 confirm / reject 用于审核，appeal / uphold / overturn 用于复核。"""
    if ctx.invoked_subcommand:
        return
    from storage.queries import list_events

    app = ctx.find_object(App)
    assert app is not None  # main() sets it
    with app.Session() as session:
        rows = list_events(session, states=list(state), units=list(unit), period=period)
    _emit(rows, fmt, EVENT_COLUMNS, EVENT_KEYS)


def _decide(app: App, ids: tuple[int, ...], action: str, by: str, reason: str | None, points: Decimal | None = None,
            escalate: bool = False) -> None:
    from assessment.review import ReviewError, decide

    try:
        with app.Session() as session, session.begin():
            for event_id in ids:
                event = decide(session, event_id, action, actor=by, reason=reason, points=points, escalate=escalate)
                click.echo(f"扣分事项 {event.id}：{event.state}")
    except ReviewError as exc:
        click.echo(f"未做任何修改：{exc}", err=True)
        sys.exit(2)


@events.command("confirm")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--by", required=True, help="审核人")
@click.option("--points", type=Decimal, help="扣分区间内的实际扣分（如“扣5分以上10分以下”的条目）")
@click.option("--escalate", is_flag=True, help="已被上级通报或影响较大：按方案的加重条款扣分（须填 --reason）")
@click.option("--reason", help="加重适用的理由（通报文号、舆情情况）")
@pass_app
def events_confirm(app: App, ids: tuple[int, ...], by: str, points: Decimal | None, escalate: bool,
                   reason: str | None) -> None:
    """确认扣分事项（记入审计日志）。"""
    _decide(app, ids, "confirm", by, reason, points, escalate)


@events.command("reject")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--by", required=True, help="审核人")
@click.option("--reason", required=True, help="驳回理由")
@pass_app
def events_reject(app: App, ids: tuple[int, ...], by: str, reason: str) -> None:
    """驳回扣分事项（须填理由，记入审计日志）。"""
    _decide(app, ids, "reject", by, reason)


def _emit(rows: list[dict], fmt: str, columns: list[tuple[str, str]], keys: list[str]) -> None:
    if fmt == "jsonl":
        text = output.jsonl(rows)
    elif fmt == "csv":
        text = output.csv_text(rows, keys)
    else:
        text = output.table([readable(r) for r in rows], columns) + f"\n共 {len(rows)} 条"
    if text:
        click.echo(text)


@main.command()
@pass_app
def schedule(app: App) -> None:
    """按配置的 cron 定时运行夜间任务（APScheduler，任务持久化），直到被停止。"""
    from scheduler.nightly import run_scheduler

    run_scheduler(app.settings)


@main.command()
@click.option("--as-of", callback=_date, help="检查基准日（默认取夹具站点的基准日 2024-09-30）")
@click.option("--database", type=click.Path(dir_okay=False, path_type=Path),
              help="演示数据库文件（默认 var/demo.sqlite，每次重建）")
@pass_app
def demo(app: App, as_of: date | None, database: Path | None) -> None:
    """启动内置的夹具门户网站，在嵌入式 SQLite 上跑完整流程并打印摘要。"""
    from zwgk.demo import run_demo

    sys.exit(run_demo(app.settings, as_of=as_of, database=database, echo=click.echo))



# --- assessment: appeals, bonus, stage scores, scores and the quarterly export (assessment/) ---

@events.command("appeal")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--by", required=True, help="提出复核的单位或经办人")
@click.option("--reason", required=True, help="复核理由")
@pass_app
def events_appeal(app: App, ids: tuple[int, ...], by: str, reason: str) -> None:
    """登记单位对已确认扣分的复核申请（须在方案规定的期限内，记入审计日志）。"""
    _decide(app, ids, "appeal", by, reason)


@events.command("uphold")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--by", required=True, help="复核人")
@click.option("--reason", help="复核意见")
@pass_app
def events_uphold(app: App, ids: tuple[int, ...], by: str, reason: str | None) -> None:
    """复核维持扣分（记入审计日志）。"""
    _decide(app, ids, "uphold", by, reason)


@events.command("overturn")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--by", required=True, help="复核人")
@click.option("--reason", required=True, help="撤销理由")
@pass_app
def events_overturn(app: App, ids: tuple[int, ...], by: str, reason: str) -> None:
    """复核撤销扣分（须填理由，记入审计日志）。"""
    _decide(app, ids, "overturn", by, reason)


def _year(ctx: click.Context, param: click.Parameter, value: int | None) -> Year | None:
    from assessment.scoring import Year

    return None if value is None else Year(value)


def _period(quarter: Quarter | None, year: Year | None) -> Quarter | Year:
    if (quarter is None) == (year is None):
        raise click.UsageError("请用 --quarter（如 2024Q3）或 --year（如 2024）之一指定考核期")
    return quarter or year  # type: ignore[return-value]


def _quarter(ctx: click.Context, param: click.Parameter, value: str | None) -> Quarter | None:
    from assessment.scoring import Quarter

    if value is None:
        return None
    try:
        return Quarter.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.group()
def bonus() -> None:
    """加分项（由考评人员录入）。"""


@bonus.command("add")
@click.argument("unit")
@click.option("--quarter", required=True, callback=_quarter, help="考核期，如 2024Q3")
@click.option("--item", required=True, help="方案中的加分项 key")
@click.option("--times", type=int, default=1, show_default=True, help="次数（篇数、方式数）")
@click.option("--note", required=True, help="加分依据")
@click.option("--by", required=True, help="录入人")
@pass_app
def bonus_add(app: App, unit: str, quarter: Quarter, item: str, times: int, note: str, by: str) -> None:
    """为单位录入一项加分（记入审计日志；上限在计分时执行）。"""
    from assessment.bonus import award_bonus
    from assessment.review import ReviewError

    try:
        with app.Session() as session, session.begin():
            award = award_bonus(session, unit=unit, quarter=quarter, item=item, note=note, actor=by, times=times)
            click.echo(f"已录入加分 {award.id}：{unit} {quarter} {item} {award.points} 分")
    except ReviewError as exc:
        click.echo(f"未做任何修改：{exc}", err=True)
        sys.exit(2)


@main.group()
def stages() -> None:
    """人工打分环节（年度测评、双向互评等）的得分。"""


@stages.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--by", default="import", show_default=True, help="导入人")
@pass_app
def stages_import(app: App, file: Path, by: str) -> None:
    """从 CSV（列：unit/单位, stage/环节, year/年度, score/得分）导入环节得分；有错时列出行号且不做任何修改。"""
    from assessment.stages import import_stage_scores

    try:
        with app.Session() as session, session.begin():
            report = import_stage_scores(session, file, actor=by)
    except SourceFileError as exc:
        click.echo(exc.render(), err=True)
        sys.exit(2)
    click.echo("\n".join(report.lines()))


def _sheet(app: App, quarter: Quarter | Year, scheme: str | None) -> tuple[Sheet, list[dict]]:
    from assessment.sheets import SheetError, detail_rows, load_sheet, resolve_scheme

    try:
        with app.Session() as session:
            chosen = resolve_scheme(session, scheme)
            return load_sheet(session, quarter, chosen, app.as_of(None)), detail_rows(session, quarter, chosen)
    except (SheetError, SourceFileError) as exc:
        click.echo(exc.render() if isinstance(exc, SourceFileError) else str(exc), err=True)
        sys.exit(2)


@main.command()
@click.option("--quarter", callback=_quarter, help="考核期（季度），如 2024Q3")
@click.option("--year", type=int, callback=_year, help="考核年度，如 2024")
@click.option("--scheme", help="考核方案（名录只用一个方案时可省略）")
@click.option("--explain", "explain", multiple=True, help="逐条列出该单位的计分过程（可重复）")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_app
def score(app: App, quarter: Quarter | None, year: Year | None, scheme: str | None, explain: tuple[str, ...],
          fmt: str) -> None:
    """按已确认的扣分事项计算季度或年度得分、等次和排名（与导出的汇总表相同）。"""
    from assessment.explain import explain_lines
    from assessment.export import COMPOSITE_COLUMNS, composite_rows, summary_columns, summary_rows, title_lines

    period = _period(quarter, year)
    sheet, _ = _sheet(app, period, scheme)
    columns = summary_columns(sheet)
    _emit(summary_rows(sheet), fmt, columns, [k for k, _ in columns])
    if fmt == "table":
        click.echo("\n".join(title_lines(sheet)))
        if sheet.composite is not None or sheet.counties:
            click.echo(output.table(composite_rows(sheet), COMPOSITE_COLUMNS))
    for slug in explain:
        lines = explain_lines(sheet, slug)
        if lines is None:
            click.echo(f"单位 “{slug}” 不在方案 {sheet.scheme.name} 的名录中", err=True)
            sys.exit(2)
        click.echo("\n".join(lines))


@main.command()
@click.option("--quarter", callback=_quarter, help="考核期（季度），如 2024Q3")
@click.option("--year", type=int, callback=_year, help="考核年度，如 2024")
@click.option("--scheme", help="考核方案（名录只用一个方案时可省略）")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="输出文件")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv"]), default="xlsx", show_default=True)
@click.option("--by", default="cli", show_default=True, help="导出人（记入审计日志）")
@pass_app
def export(app: App, quarter: Quarter | None, year: Year | None, scheme: str | None, out: Path, fmt: str,
           by: str) -> None:
    """导出季度或年度成绩表：汇总（每单位一行）与扣分明细；csv 格式时明细写入 <文件名>_明细.csv。每次导出记入审计日志。"""
    from assessment.export import write_csv, write_xlsx
    from storage.audit import record_export

    period = _period(quarter, year)
    sheet, details = _sheet(app, period, scheme)
    if fmt == "xlsx":
        write_xlsx(out, sheet, details, app.settings.timezone)
        written = [out]
    else:
        written = write_csv(out, sheet, details, app.settings.timezone)
    with app.Session() as session, session.begin():
        record_export(session, actor=by, entity="score_sheet", scheme=sheet.scheme.name, quarter=str(period),
                      units=len(sheet.units), details=len(details), format=fmt, file=str(out))
    click.echo(f"已导出 {sheet.scheme.name} {period}：{len(sheet.units)} 个单位，{len(details)} 条扣分明细 → "
               + "、".join(str(p) for p in written))


# --- the false-alarm allow-list of the text checks (storage/allow.py) ---

ALLOW_COLUMNS = [("id", "编号"), ("check", "检查项"), ("phrase", "词语"), ("url", "网址"), ("unit", "单位"),
                 ("created_by", "操作人"), ("reason", "理由")]
ALLOW_KEYS = ["id", "check", "phrase", "url", "unit", "created_by", "reason", "created_at"]


@main.group(invoke_without_command=True)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_context
def allow(ctx: click.Context, fmt: str) -> None:
    """误报白名单：文字类检查不再报告的词语或网址；子命令 add / list。"""
    if ctx.invoked_subcommand:
        return
    ctx.invoke(allow_list, fmt=fmt)


@allow.command("add")
@click.option("--check", "check_", required=True, type=click.Choice(["text.typo", "text.sensitive", "text.privacy"]),
              help="检查项")
@click.option("--phrase", help="不再报告的词语（如被误报的错别字或敏感词）")
@click.option("--url", help="不再检查的网址")
@click.option("--unit", help="只对该单位生效（默认所有单位）")
@click.option("--by", required=True, help="操作人")
@click.option("--reason", required=True, help="理由")
@pass_app
def allow_add(app: App, check_: str, phrase: str | None, url: str | None, unit: str | None, by: str,
              reason: str) -> None:
    """把误报加入白名单（记入审计日志），之后的检查不再报告。"""
    from storage.allow import AllowError, add_allow

    try:
        with app.Session() as session, session.begin():
            entry = add_allow(session, check=check_, phrase=phrase, url=url, unit=unit, by=by, reason=reason)
            click.echo(f"已加入白名单 {entry.id}：{check_} {phrase or url}")
    except AllowError as exc:
        click.echo(f"未做任何修改：{exc}", err=True)
        sys.exit(2)


@allow.command("list")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_app
def allow_list(app: App, fmt: str) -> None:
    """列出误报白名单。"""
    from storage.allow import list_allow

    with app.Session() as session:
        rows = list_allow(session)
    _emit(rows, fmt, ALLOW_COLUMNS, ALLOW_KEYS)


@main.command()
@click.option("--unit", multiple=True, help="只探测这些单位（可重复）")
@pass_app
def probe(app: App, unit: tuple[str, ...]) -> None:
    """对每个单位首页做一次可用性探测（15 秒超时），区分无法访问、拦截与缓慢。"""
    from crawler.probe import probe_lines, run_probes

    click.echo("\n".join(probe_lines(run_probes(app.settings, app.Session, list(unit) or None))))


@main.group()
def evidence() -> None:
    """证据：导出快照为 WARC 文件，校验存储的原始内容未被改动。"""


@evidence.command("export")
@click.argument("snapshot_ids", nargs=-1, type=int, required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="输出文件，如 证据.warc.gz")
@click.option("--by", default="cli", show_default=True, help="导出人（记入审计日志）")
@pass_app
def evidence_export(app: App, snapshot_ids: tuple[int, ...], out: Path, by: str) -> None:
    """把这些快照（原始响应头、原始字节、抓取时间、SHA-256）写入一个 WARC 文件（记入审计日志）。"""
    from storage.audit import record_export
    from storage.evidence import export_warc

    with app.Session() as session, out.open("wb") as stream:
        report = export_warc(session, snapshot_ids, stream, app.settings.user_agent)
        for snapshot_id in report.written:
            record_export(session, actor=by, entity="snapshot", entity_id=snapshot_id, format="warc", file=str(out))
        session.commit()
    for snapshot_id, why in report.skipped.items():
        click.echo(f"快照 {snapshot_id} 未导出：{why}", err=True)
    click.echo(f"已导出 {len(report.written)} 个快照到 {out}")
    sys.exit(0 if report.written else 1)


@evidence.command("show")
@click.argument("finding_id", type=int)
@pass_app
def evidence_show(app: App, finding_id: int) -> None:
    """一个问题的证据：它的快照（地址、状态、抓取时间、哈希、编码）和抓取时写入的 WARC 记录（逐条重新校验）。"""
    from storage.evidence import finding_evidence

    with app.Session() as session:
        lines = finding_evidence(session, finding_id)
    if not lines:
        click.echo(f"问题 {finding_id} 不存在", err=True)
        sys.exit(1)
    click.echo("\n".join(lines))
    sys.exit(1 if any("校验失败" in line for line in lines) else 0)


@evidence.command("verify")
@click.option("--warc", help="校验该 WARC 文件（本机路径，或证据存储中的 s3://桶/键；默认校验数据库）")
@pass_app
def evidence_verify(app: App, warc: str | None) -> None:
    """校验每份存储内容和抓取时写入的每条 WARC 记录（或指定的 WARC 文件）仍与其哈希一致；有不一致时返回码为 1。"""
    from storage.evidence import verify_blobs, verify_records, verify_warc

    if warc is not None:
        if not warc.startswith("s3://") and not Path(warc).is_file():
            raise click.BadParameter(f"文件不存在：{warc}", param_hint="--warc")
        report = verify_warc(warc)
    else:
        with app.Session() as session:
            report = verify_blobs(session)
            records = verify_records(session)  # the WARC files written during the crawls, by their index
        report.checked += records.checked
        report.bad += records.bad
    for bad in report.bad:
        click.echo(f"不一致：{bad}", err=True)
    click.echo(f"已校验 {report.checked} 份内容，不一致 {len(report.bad)} 份")
    sys.exit(1 if report.bad else 0)


# --- operations: run history and status (jobs/status.py) ---

RUN_COLUMNS = [("id", "编号"), ("kind_name", "任务"), ("trigger_name", "启动方式"), ("status_name", "结果"),
               ("started_at", "开始"), ("minutes", "分钟"), ("as_of", "基准日"), ("units", "单位"),
               ("columns", "栏目"), ("pages", "页面"), ("failed", "失败原因"), ("findings_new", "新发现"),
               ("findings_rectified", "已整改")]
RUN_KEYS = ["id", "kind", "trigger", "status", "started_at", "finished_at", "minutes", "as_of", "units", "columns",
            "pages", "failed", "findings_new", "findings_rectified", "missed", "phase", "error"]


@main.command()
@click.option("--limit", type=int, default=20, show_default=True, help="列出最近多少次")
@click.option("--kind", type=click.Choice(["night", "crawl", "check"]), help="只列出这类任务")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_app
def runs(app: App, limit: int, kind: str | None, fmt: str) -> None:
    """运行记录：每次夜间任务、抓取和检查的开始、结束、结果、页面和发现的问题。"""
    from jobs.status import run_rows

    with app.Session() as session:
        rows = run_rows(session, app.settings.timezone, limit, kind)
    if fmt == "table":
        text = output.table(rows, RUN_COLUMNS) + f"\n共 {len(rows)} 条"
        for row in rows:
            if row["error"]:
                text += f"\n  第 {row['id']} 次：{row['error']}"
        click.echo(text)
    else:
        _emit(rows, fmt, RUN_COLUMNS, RUN_KEYS)


@main.command()
@click.option("--alert", "send", is_flag=True, help="把发现的问题作为告警发出（同一问题只发一次），供看门狗定时调用")
@pass_app
def status(app: App, send: bool) -> None:
    """当前状态：是否有任务在运行、上一次夜间任务是否完成及遗漏、下一次运行时间、探测和定时任务是否正常。
    有问题时返回码为 1。"""
    from jobs.alerts import send_alert
    from jobs.status import status_report

    with app.Session() as session:
        report = status_report(app.settings, session)
    click.echo("\n".join(report.lines))
    if send:
        said = {"sent": "已发送", "failed": "发送失败", "duplicate": "此前已发送", "off": "未配置告警渠道"}
        for message in report.problems:
            click.echo(f"告警 {message.title}：{said[send_alert(app.settings, app.Session, message)]}")
    sys.exit(1 if report.problems else 0)


# --- the inspectors' web UI (web/) and its accounts ---

@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址（对外提供时建议放在 HTTPS 反向代理之后）")
@click.option("--port", default=8000, show_default=True, type=int, help="监听端口")
@pass_app
def serve(app: App, host: str, port: int) -> None:
    """启动考评人员网页界面（审核、证据、复核、季度概览）；须先用 zwgk users add 创建账号。"""
    import uvicorn

    from web.app import create_app

    click.echo(f"考评人员界面：http://{host}:{port}/ （Ctrl+C 停止）")
    uvicorn.run(create_app(app.settings, app.Session), host=host, port=port, log_level="warning",
                proxy_headers=app.settings.web_https, forwarded_allow_ips="127.0.0.1")


@main.group()
def users() -> None:
    """网页界面的账号。"""


def _password() -> str:
    if sys.stdin.isatty():
        return click.prompt("密码", hide_input=True, confirmation_prompt="再次输入密码")
    lines = sys.stdin.read().splitlines()
    if len(lines) < 2 or lines[0] != lines[1]:
        click.echo("未做任何修改：请在标准输入中给出两行相同的密码", err=True)
        sys.exit(2)
    return lines[0]


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["admin", "inspector", "viewer"]),
              help="admin 管理员 / inspector 考评人员 / viewer 只读")
@pass_app
def users_add(app: App, name: str, role: str) -> None:
    """创建账号；密码输入两次（标准输入不是终端时，读取前两行），只保存 argon2 哈希。"""
    from storage.accounts import AccountError, add_user

    password = _password()
    try:
        with app.Session() as session, session.begin():
            add_user(session, name, role, password)
    except AccountError as exc:
        click.echo(f"未做任何修改：{exc}", err=True)
        sys.exit(2)
    click.echo(f"已创建账号 {name}（{role}）")


@users.command("list")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_app
def users_list(app: App, fmt: str) -> None:
    """列出网页界面的账号（不显示密码或其哈希）。"""
    from storage.accounts import list_users

    with app.Session() as session:
        rows = list_users(session)
    _emit(rows, fmt, [("name", "用户名"), ("role", "角色"), ("active", "启用"), ("created_at", "创建时间")],
          ["name", "role", "active", "created_at"])


@users.command("disable")
@click.argument("name")
@click.option("--enable", is_flag=True, help="重新启用")
@pass_app
def users_disable(app: App, name: str, enable: bool) -> None:
    """停用账号（其已登录的会话随即失效）；--enable 重新启用。记入审计日志。"""
    from storage.accounts import AccountError, set_active

    try:
        with app.Session() as session, session.begin():
            set_active(session, name, enable)
    except AccountError as exc:
        click.echo(f"未做任何修改：{exc}", err=True)
        sys.exit(2)
    click.echo(f"已{'启用' if enable else '停用'}账号 {name}")


AUDIT_COLUMNS = [("id", "编号"), ("at", "时间"), ("actor", "操作人"), ("action", "操作"), ("entity", "对象"),
                 ("entity_id", "对象编号"), ("reason", "理由")]
AUDIT_KEYS = ["id", "at", "actor", "action", "entity", "entity_id", "before", "after", "reason"]


@main.command()
@click.option("--actor", help="只列出该操作人的记录")
@click.option("--action", help="只列出该操作，如 confirm、reject、login、export")
@click.option("--entity", help="只列出该对象类型，如 deduction_event、allow_list、user")
@click.option("--since", callback=_date, help="只列出该日期及以后的记录")
@click.option("--limit", default=200, show_default=True, type=int, help="最多列出多少条（最新的在前）")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@pass_app
def audit(app: App, actor: str | None, action: str | None, entity: str | None, since: date | None, limit: int,
          fmt: str) -> None:
    """审计日志：每次状态变更、白名单变更、登录和导出（谁、何时、做了什么、为什么），只读。"""
    from storage.queries import list_audit

    with app.Session() as session:
        rows = list_audit(session, actor=actor, action=action, entity=entity, since=since, limit=limit,
                          timezone=app.settings.timezone)
    _emit(rows, fmt, AUDIT_COLUMNS, AUDIT_KEYS)


if __name__ == "__main__":
    main()
