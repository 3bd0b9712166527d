"""Helpers shared by the benchmarks: CPU time of this process and its children, medians, one line format.

Every benchmark prints zwgk's figure, the bare engine's figure on the same input in the same run, their
ratio and the target; wall time and CPU seconds both, as the median of repeats. The machine is shared:
wall time measures the neighbours too, CPU seconds much less so, and ratios taken in one run are what
to compare across runs.
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class Timing:
    wall: float
    cpu: float  # the calling thread and every child process waited for during the call


def timed(fn: Callable[[], Any]) -> tuple[Any, Timing]:
    """Wall and CPU seconds of `fn()`. CPU counts the calling thread (not the fixture farm's server
    threads in this process) and the child processes it waited for (the crawl process, Chromium)."""

    def cpu_now() -> float:
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.thread_time() + kids.ru_utime + kids.ru_stime

    wall, cpu = time.perf_counter(), cpu_now()
    out = fn()
    return out, Timing(time.perf_counter() - wall, cpu_now() - cpu)


def median(values: list[float]) -> float:
    return statistics.median(values)


def line(figure: str, zwgk: float, bare: float, unit: str, ratio: float, target: str) -> str:
    return f"{figure:46} zwgk {zwgk:9.2f} {unit:10} bare {bare:9.2f} {unit:10} ratio {ratio:5.2f}  target {target}"
