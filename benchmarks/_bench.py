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
from typing import Any, Self


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


class Sampler:
    """Samples something in a thread every `interval` seconds while the `with` block runs (`sample`)."""

    def __init__(self, interval: float):
        import threading

        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)


def processes() -> dict[int, tuple[int, float]]:
    """Every process now: pid -> (parent pid, CPU seconds: utime+stime+cutime+cstime; a reaped child's time
    is in its parent's cutime only), from /proc/<pid>/stat."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    out: dict[int, tuple[int, float]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", errors="replace") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                out[int(name)] = (int(fields[1]), sum(int(x) for x in fields[11:15]) / tick)
            except (OSError, IndexError, ValueError):  # gone meanwhile
                pass
    return out


class PeakRSS(Sampler):
    """Peak resident memory (VmHWM) of this process's descendants, sampled from /proc every `interval`
    seconds in a thread, per command name: the crawl process's peak, not the farm's or a pool worker's.
    VmHWM is the kernel's own high-water mark, so sampling only has to see a process before it exits."""

    def __init__(self, interval: float = 0.5, exclude: tuple[str, ...] = ("nginx", "redis-server", "postgres")):
        import os

        super().__init__(interval)
        self.exclude = exclude
        self.me = os.getpid()
        self.peaks: dict[int, tuple[str, int]] = {}  # pid -> (command line, peak kB)
        self.followed: dict[int, int] = {}  # pid -> peak kB, for `follow`

    def follow(self, pid: int) -> None:
        """Sample this process by its pid as well, without the walk over every process: `zwgk check`'s peak
        came out as 0 in some long benchmark runs (the walk never saw the child; cause not found)."""
        self.followed[pid] = 0

    def sample(self) -> None:
        for pid in self.followed:
            try:
                with open(f"/proc/{pid}/status", errors="replace") as f:
                    hwm = next((int(line.split()[1]) for line in f if line.startswith("VmHWM:")), 0)
            except (OSError, ValueError):  # exited
                continue
            self.followed[pid] = max(self.followed[pid], hwm)
        parents = {pid: parent for pid, (parent, _) in processes().items()}
        for pid in parents:
            p, depth = pid, 0
            while p in parents and p != self.me and depth < 20:
                p, depth = parents[p], depth + 1
            if p != self.me or pid == self.me:
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

    def peak_mb(self, contains: str = "") -> float:
        """The largest peak (MB) among the processes whose command line contains `contains`."""
        walked = (kb for cmd, kb in self.peaks.values() if contains in cmd)
        return max([*walked, *self.followed.values()], default=0) / 1024
