"""Small server-side SVG charts (no library, no CDN): horizontal bars, stacked bars, lines, a day grid.

Every label is escaped; colours are presentation attributes, so the UI's CSP needs no inline styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from markupsafe import Markup, escape

PALETTE = ("#3b6fb6", "#e08a2e", "#4f9d69", "#c2504b", "#8a6bbf", "#7f7f7f", "#c9a227", "#3aa3a3")
GRADE_COLOURS = {"优秀": "#4f9d69", "良好": "#3b6fb6", "合格": "#c9a227", "一般": "#c9a227", "不合格": "#c2504b"}


def _n(value: Decimal | float | int | None) -> float:
    return float(value or 0)


def _fmt(value: Decimal | float | int | None) -> str:
    v = _n(value)
    return f"{v:.0f}" if v == int(v) else f"{v:.2f}".rstrip("0")


def bars(rows: Sequence[tuple[str, Decimal | float | int, str | None]], *, title: str, maximum: float | None = None,
         width: int = 640, label_width: int = 170) -> Markup:
    """One horizontal bar per (label, value, colour)."""
    height = 24 * len(rows) + 34
    top = max([_n(v) for _, v, _ in rows] + [maximum or 0, 1e-9])
    span = width - label_width - 60
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<text x="0" y="16" class="chart-title">{escape(title)}</text>']
    for i, (label, value, colour) in enumerate(rows):
        y = 30 + 24 * i
        w = max(0.0, _n(value) / top * span)
        parts.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end" class="chart-label">{escape(label)}</text>'
                     f'<rect x="{label_width}" y="{y + 2}" width="{w:.1f}" height="16" fill="{colour or PALETTE[0]}">'
                     f'<title>{escape(label)}：{_fmt(value)}</title></rect>'
                     f'<text x="{label_width + w + 4:.1f}" y="{y + 14}" class="chart-value">{_fmt(value)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked(rows: Sequence[tuple[str, Sequence[Decimal | float]]], series: Sequence[str], *, title: str,
            width: int = 640, label_width: int = 170) -> Markup:
    """One horizontal bar per row, split into the series (e.g. deductions per category), with a legend."""
    legend_rows = (len(series) + 3) // 4
    height = 24 * len(rows) + 40 + 18 * legend_rows
    top = max([sum(_n(v) for v in values) for _, values in rows] + [1e-9])
    span = width - label_width - 60
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<text x="0" y="16" class="chart-title">{escape(title)}</text>']
    for j, name in enumerate(series):
        lx, ly = (j % 4) * 150, 28 + 18 * (j // 4)
        parts.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{PALETTE[j % len(PALETTE)]}"/>'
                     f'<text x="{lx + 16}" y="{ly + 11}" class="chart-label">{escape(name)}</text>')
    base = 34 + 18 * legend_rows
    for i, (label, values) in enumerate(rows):
        y = base + 24 * i
        x = float(label_width)
        parts.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end" class="chart-label">{escape(label)}</text>')
        for j, value in enumerate(values):
            w = _n(value) / top * span
            if w > 0:
                parts.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{w:.1f}" height="16" fill="{PALETTE[j % len(PALETTE)]}">'
                             f'<title>{escape(label)} {escape(series[j])}：{_fmt(value)}</title></rect>')
                x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 14}" class="chart-value">{_fmt(sum(_n(v) for v in values))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def lines(points: Sequence[str], series: Sequence[tuple[str, Sequence[Decimal | float | None]]], *, title: str,
          low: float = 0, high: float = 100, width: int = 640, height: int = 240) -> Markup:
    """A line per series over the labelled points (quarters); None leaves a gap."""
    left, right, top, bottom = 40, 150, 28, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(points) - 1)

    def y_of(v: float) -> float:
        return top + plot_h - (min(max(v, low), high) - low) / (high - low or 1) * plot_h

    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<text x="0" y="16" class="chart-title">{escape(title)}</text>']
    for tick in (low, (low + high) / 2, high):
        y = y_of(tick)
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" class="chart-grid"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" class="chart-label">{_fmt(tick)}</text>')
    for i, label in enumerate(points):
        parts.append(f'<text x="{left + i * step:.1f}" y="{height - 10}" text-anchor="middle" class="chart-label">'
                     f'{escape(label)}</text>')
    for j, (name, values) in enumerate(series):
        colour = PALETTE[j % len(PALETTE)]
        coords = [(left + i * step, y_of(_n(v))) for i, v in enumerate(values) if v is not None]
        if len(coords) > 1:
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="'
                         + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords) + '"/>')
        for (x, y), v in zip(coords, [v for v in values if v is not None], strict=True):
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                         f'<title>{escape(name)}：{_fmt(v)}</title></circle>')
        parts.append(f'<rect x="{width - right + 10}" y="{top + 18 * j}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{width - right + 26}" y="{top + 18 * j + 11}" class="chart-label">{escape(name[:10])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def day_grid(rows: Sequence[tuple[str, Sequence[float | None]]], days: Sequence[str], *, title: str,
             label_width: int = 170) -> Markup:
    """Availability per row and day: a cell per day, green to red by the share of successful probes."""
    cell = 28
    width = label_width + cell * len(days) + 10
    height = 44 + 22 * len(rows)
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<text x="0" y="16" class="chart-title">{escape(title)}</text>']
    for i, d in enumerate(days):
        parts.append(f'<text x="{label_width + i * cell + cell / 2:.0f}" y="36" text-anchor="middle" class="chart-label">'
                     f'{escape(d)}</text>')
    for r, (label, shares) in enumerate(rows):
        y = 42 + 22 * r
        parts.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end" class="chart-label">{escape(label)}</text>')
        for i, share in enumerate(shares):
            if share is None:
                colour, text = "#e5e5e5", "无探测"
            else:
                colour = "#4f9d69" if share >= 0.95 else "#c9a227" if share >= 0.8 else "#c2504b"
                text = f"可访问 {share * 100:.0f}%"
            parts.append(f'<rect x="{label_width + i * cell + 2}" y="{y + 2}" width="{cell - 4}" height="16" rx="2" '
                         f'fill="{colour}"><title>{escape(label)} {escape(days[i])}：{text}</title></rect>')
    parts.append("</svg>")
    return Markup("".join(parts))
