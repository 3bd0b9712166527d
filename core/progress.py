"""Progress of a long phase with counts and time left, for the terminal and the log.

    progress = Progress("链接", total=len(targets), echo=echo, every=2.0)
    for … : progress.step()
    progress.finish()

A line is written at most every `every` seconds (and once at the end), so a phase of a million steps
costs a few hundred lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} 秒"
    if seconds < 3600:
        return f"{seconds // 60} 分 {seconds % 60} 秒"
    return f"{seconds // 3600} 小时 {seconds % 3600 // 60} 分"


class Progress:
    def __init__(self, label: str, total: int, echo: Callable[[str], None], every: float = 2.0,
                 clock: Callable[[], float] = time.monotonic):
        self.label, self.total, self.echo, self.every, self.clock = label, total, echo, every, clock
        self.done = 0
        self.started = clock()
        self.last = self.started

    def line(self) -> str:
        elapsed = self.clock() - self.started
        share = self.done / self.total if self.total else 1.0
        text = f"[{self.label}] {self.done}/{self.total}（{share:.0%}），已用 {_duration(elapsed)}"
        if 0 < self.done < self.total:
            text += f"，预计还需 {_duration(elapsed / self.done * (self.total - self.done))}"
        return text

    def step(self, count: int = 1) -> None:
        self.done += count
        now = self.clock()
        if now - self.last >= self.every and self.done < self.total:
            self.last = now
            self.echo(self.line())

    def finish(self) -> None:
        self.echo(self.line())
