"""Progress lines: counts, share, time used and time left, at most one line per interval."""

from core.progress import Progress


def test_lines_are_spaced_and_estimate_time_left() -> None:
    now = [0.0]
    lines: list[str] = []
    progress = Progress("链接", total=100, echo=lines.append, every=2.0, clock=lambda: now[0])
    for _ in range(50):
        now[0] += 0.1
        progress.step()
    assert lines == ["[链接] 20/100（20%），已用 2 秒，预计还需 8 秒", "[链接] 40/100（40%），已用 4 秒，预计还需 6 秒"]
    now[0] += 3600
    progress.step(50)
    progress.finish()
    assert lines[-1] == "[链接] 100/100（100%），已用 1 小时 0 分"
