"""Bar charts drawn as SVG at build time: readable without JavaScript and by screen readers."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

WIDTH = 640
LABEL_WIDTH = 210
BAR_SPACE = 330
ROW_HEIGHT = 46
BAR_HEIGHT = 18
TOP = 8


@dataclass(frozen=True)
class Bar:
    """One bar: what it stands for, its value as written, and where the value comes from."""

    label: str
    value: float
    value_text: str
    href: str  # site-relative link for the value: a sentence anchor or a listing page
    note: str = ""  # shown under the bar: period and source
    highlight: bool = False


@dataclass(frozen=True)
class Chart:
    """A titled, described horizontal bar chart of one unit over one period."""

    id: str
    title: str
    description: str
    unit: str
    bars: list[Bar] = field(default_factory=list)
    value_class: str = "figure-value"  # figure-value (from a sentence) or count-value
    total: int = 0  # values the chart stands for, when only the largest are drawn
    selection: str = ""  # which of them are drawn, when not all are

    def svg(self, siteurl: str) -> str:
        """The chart as inline SVG markup, links prefixed with the page's SITEURL."""
        return render_svg(self, siteurl)


def _number(value: float) -> str:
    """A value for an SVG attribute: no trailing zeros, never locale-dependent."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def render_svg(chart: Chart, siteurl: str) -> str:
    """Inline SVG with <title>, <desc>, role=group (it holds links); every value is a link."""
    top = max((bar.value for bar in chart.bars), default=0) or 1
    height = TOP * 2 + ROW_HEIGHT * len(chart.bars)
    title_id, desc_id = f"{chart.id}-title", f"{chart.id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="group" '
        f'aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" font-family="sans-serif" '
        f'font-size="13">',
        f'<title id="{title_id}">{escape(chart.title)}</title>',
        f'<desc id="{desc_id}">{escape(chart.description)}</desc>',
    ]
    for row, bar in enumerate(chart.bars):
        y = TOP + row * ROW_HEIGHT
        width = max(BAR_SPACE * bar.value / top, 1)
        colour = "#b3261e" if bar.highlight else "#1f4e79"
        href = escape(f"{siteurl}/{bar.href}")
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 14}" text-anchor="end">'
            f"{escape(bar.label)}</text>",
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{_number(width)}" height="{BAR_HEIGHT}" '
            f'fill="{colour}"/>',
            f'<a href="{href}" class="{chart.value_class}">'
            f'<text x="{_number(LABEL_WIDTH + width + 6)}" y="{y + 14}" fill="#000" '
            f'text-decoration="underline">{escape(bar.value_text)}</text></a>',
        ]
        if bar.note:
            parts.append(
                f'<text class="period" x="{LABEL_WIDTH}" y="{y + BAR_HEIGHT + 16}" '
                f'font-size="11" fill="#444">{escape(bar.note)}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts)
