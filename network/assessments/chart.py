"""Geometry of the result's bar chart, computed here so the SVG template only draws.

Each part gets a bar per stage (the earlier stages first, the current one last); every
bar carries its value as text, so the chart does not rely on colour, and the page shows
the same numbers in a table.
"""

from dataclasses import dataclass

from network.assessments import numbers
from network.assessments.summary import HIGHEST

LABEL_WIDTH = 260
PLOT_WIDTH = 300
BAR_HEIGHT = 18
BAR_GAP = 4
GROUP_GAP = 18


@dataclass
class Bar:
    y: int
    width: int
    value: str
    stage: str
    current: bool


@dataclass
class Group:
    label: str
    label_y: int
    bars: list


def bar_chart(summaries, current_stage):
    groups, y = [], 0
    for item in summaries:
        series = [(stage, mean) for stage, mean, _change in item.earlier]
        series.append((current_stage, item.mean))
        bars = []
        for index, (stage, mean) in enumerate(series):
            width = round(PLOT_WIDTH * (mean or 0) / HIGHEST)
            current = index == len(series) - 1
            bars.append(
                Bar(y + index * (BAR_HEIGHT + BAR_GAP), width, numbers.mean(mean), stage, current)
            )
        height = len(series) * (BAR_HEIGHT + BAR_GAP)
        groups.append(Group(item.area.name, y + height // 2, bars))
        y += height + GROUP_GAP
    return {
        "groups": groups,
        "height": y,
        "width": LABEL_WIDTH + PLOT_WIDTH + 120,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "ticks": [(r, LABEL_WIDTH + round(PLOT_WIDTH * r / HIGHEST)) for r in range(HIGHEST + 1)],
    }
