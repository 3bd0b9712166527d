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


class PeakRSS:
    """Peak resident memory (VmHWM) of this process's descendants, sampled from /proc every `interval`
    seconds in a thread, per command name: the crawl process's peak, not the farm's or a pool worker's.
    VmHWM is the kernel's own high-water mark, so sampling only has to see a process before it exits."""

    def __init__(self, interval: float = 0.5, exclude: tuple[str, ...] = ("nginx", "redis-server", "postgres")):
        import threading

        self.interval, self.exclude = interval, exclude
        self.peaks: dict[int, tuple[str, int]] = {}  # pid -> (command line, peak kB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import os

        me = os.getpid()
        while not self._stop.is_set():
            parents: dict[int, int] = {}
            for name in os.listdir("/proc"):
                if name.isdigit():
                    try:
                        with open(f"/proc/{name}/stat", errors="replace") as f:
                            parents[int(name)] = int(f.read().rsplit(")", 1)[1].split()[1])
                    except (OSError, IndexError, ValueError):
                        pass
            for pid in parents:
                p, depth = pid, 0
                while p in parents and p != me and depth < 20:
                    p, depth = parents[p], depth + 1
                if p != me or pid == me:
                    continue
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as f:
                        cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
                    with open(f"/proc/{pid}/status", errors="replace") as f:
                        hwm = next((int(line.split()[1]) for line in f if line.startswith("VmHWM:")), 0)
                except (OSError, ValueError):  # gone meanwhile; a name that is not UTF-8
                    continue
                if any(x in cmd for x in self.exclude):
                    continue
                self.peaks[pid] = (cmd, max(hwm, self.peaks.get(pid, ("", 0))[1]))
            self._stop.wait(self.interval)

    def peak_mb(self, contains: str = "") -> float:
        """The largest peak (MB) among the processes whose command line contains `contains`."""
        return max((kb for cmd, kb in self.peaks.values() if contains in cmd), default=0) / 1024
