"""Run the product under a fake clock (libfaketime), for the demo and for tests that need a past date.

Capture times always come from the clock of the process that captures: to have crawls of 2024-09-30, the
crawl runs as `python -m zwgk ...` with libfaketime preloaded, starting at that moment and advancing in
real time. Nothing is stamped with a made-up time. libfaketime is the Debian package `faketime`.
"""

from __future__ import annotations

import glob
import subprocess
import sys
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

_CANDIDATES = ("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/*/faketime/libfaketime.so.1",
               "/usr/lib/faketime/libfaketime.so.1", "/usr/local/lib/faketime/libfaketime.so.1")


def libfaketime() -> str | None:
    for pattern in _CANDIDATES:
        found = sorted(glob.glob(pattern))
        if found:
            return found[0]
    return None


def local_moment(day: object, hour: int = 3, timezone: str = "Asia/Shanghai") -> datetime:
    """`hour` o'clock of a local day (the nightly crawl's time)."""
    return datetime.combine(day, time(hour), ZoneInfo(timezone))  # type: ignore[arg-type]


def clock_env(moment: datetime, env: Mapping[str, str], speed: int | None = None) -> dict[str, str]:
    """`env` (Settings.as_env()) for processes that start their clock at `moment` (aware) and let it run,
    `speed` times faster than real time when given (a week of probes in a minute and a half)."""
    lib = libfaketime()
    if lib is None:
        raise RuntimeError("libfaketime 未安装（Debian 软件包 faketime），无法在模拟时钟下运行")
    out = dict(env)
    out["LD_PRELOAD"] = ":".join(p for p in (lib, out.get("LD_PRELOAD", "")) if p)
    out["FAKETIME"] = "@" + moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") + (f" x{speed}" if speed else "")
    out["TZ"] = "UTC"
    out["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"  # timeouts and rate limits keep real durations
    out["FAKETIME_NO_CACHE"] = "1"
    # Chromium does not start under libfaketime: the browser gets the real clock through a wrapper
    out["FAKECLOCK_REAL_CHROMIUM"] = out.get("ZWGK_CHROMIUM_PATH", "/usr/bin/chromium")
    out["ZWGK_CHROMIUM_PATH"] = str(Path(__file__).resolve().parent / "chromium-real-clock")
    return out


def run_zwgk(moment: datetime, args: list[str], env: Mapping[str, str],
             echo: Callable[[str], None] | None = None, cwd: Path | None = None) -> int:
    """`zwgk ARGS` in a child process under a clock starting at `moment`; its output goes to `echo`."""
    proc = subprocess.Popen([sys.executable, "-m", "zwgk", *args], env=clock_env(moment, env), cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    assert proc.stdout is not None
    for line in proc.stdout:
        if echo is not None:
            echo(line.rstrip())
    return proc.wait()
