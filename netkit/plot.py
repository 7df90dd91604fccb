"""Charts: what a metric returned, drawn on one matplotlib Axes.

Every chart is ``chart(data, *, ax=None, ...) -> Axes``: `data` is what the metric of the same
name returned (computed once, drawn as often as needed), `ax` the Axes to draw on (by default a
new :class:`~matplotlib.figure.Figure` made without pyplot), and the Axes drawn on comes back.
A chart computes nothing beyond trivial reshaping (a sum, a count per stage, the last row); it
never calls ``plt.show()`` and never changes the layout of a figure it did not create. An empty
result draws a "no data" message inside the Axes saying why (``data.attrs["reason"]``).

Titles say what to conclude ("18 active ties among 420 connections"); colours are the
Okabe & Ito (2008) colour-blind-safe palette, and each series also differs by marker, hatch,
line style or lightness, so a chart printed in grey still reads.

=====================  ==========================================================
chart                  data
=====================  ==========================================================
`quality_vs_quantity`  ``nk.quality_vs_quantity(ex)``, spikes ``nk.growth_spikes(ex)``
`growth`               ``nk.growth(ex, freq="W")``, spikes ``nk.growth_spikes(ex)``
`layers`               ``nk.layers(ex)``
`reconnect`            ``nk.dormant_ties(ex)`` or ``nk.fading_ties(ex)``
`reciprocity`          ``nk.reciprocity(ex)``
`reply_times`          ``nk.reciprocity(ex)``
`ladder`               ``nk.tie_strength(ex)``
`invitations`          ``nk.invitation_quality(ex)``
`pitches`              ``nk.pitch_after_connect(ex)``
`activity_calendar`    ``netkit.metrics.activity(ex)``
`network`              ``nk.build_graph(ex)``, measures ``nk.graph_measures(G)``
=====================  ==========================================================

`CHARTS` lists them in this order, with a short title each, for reports.

Examples
--------
>>> import netkit as nk
>>> ex = nk.load_export("data/sample/Complete_LinkedInDataExport_11-16-2026.zip")
>>> ax = nk.plot.quality_vs_quantity(nk.quality_vs_quantity(ex), spikes=nk.growth_spikes(ex))
>>> ax.figure.savefig("headline.png", dpi=100)  # doctest: +SKIP
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import matplotlib.dates as mdates
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Patch
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator, NullFormatter

from .metrics.ties import LADDER

__all__ = [
    "CHARTS",
    "OKABE_ITO",
    "activity_calendar",
    "growth",
    "invitations",
    "ladder",
    "layers",
    "network",
    "pitches",
    "quality_vs_quantity",
    "reciprocity",
    "reconnect",
    "reply_times",
]

#: The Okabe & Ito (2008) palette, distinguishable with every common colour-vision deficiency.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
_BLUE, _ORANGE = OKABE_ITO["blue"], OKABE_ITO["orange"]
_VERMILLION, _GREEN = OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"]
_SKY, _PURPLE = OKABE_ITO["sky_blue"], OKABE_ITO["reddish_purple"]
#: Missing or unknown: a light grey, lighter than every palette colour but yellow.
_GREY = "#BBBBBB"
_DARK_GREY = "#555555"
_TITLE_SIZE = 12
_SMALL = 8.5

_Func = TypeVar("_Func", bound=Callable[..., Any])

#: Fonts with the scripts matplotlib's default font lacks (Chinese, Japanese, Korean...), tried
#: after it for people's names and free text when the machine has them.
_FALLBACK_FONTS = (
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK KR",
    "Source Han Sans",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans",
    "Yu Gothic",
    "Malgun Gothic",
    "Noto Sans",
    "Arial Unicode MS",
)


@functools.cache
def _installed_fallback_fonts() -> tuple[str, ...]:
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return tuple(name for name in _FALLBACK_FONTS if name in installed)


def _name_font() -> dict[str, Any]:
    """Text options for names and free text: the default family first, then the fallback
    fonts installed here (matplotlib draws each character with the first font that has it), so
    王芳 is not drawn as boxes. Nothing to add on a machine without such fonts."""
    from matplotlib import rcParams

    extra = _installed_fallback_fonts()
    return {"fontfamily": [*rcParams["font.family"], *extra]} if extra else {}


# --- shared docstring text (numpydoc), seaborn's way ----------------------------------------
_DOCS = {
    "ax": """\
ax : matplotlib.axes.Axes, optional
        The Axes to draw on. By default a new :class:`~matplotlib.figure.Figure` (no pyplot
        state, constrained layout) with one Axes, sized for this chart.""",
    "spikes": """\
spikes : pandas.DataFrame, optional
        What ``nk.growth_spikes(ex)`` returned: each spike window is marked with its size and
        label. By default no spike is marked (the chart computes nothing).""",
    "returns": """\
Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on (`ax` when given).""",
    "empty": """\
An empty `data` (a metric's typed empty result) draws a "no data" message inside the Axes,
    with the metric's reason (``data.attrs["reason"]``) when it gives one.""",
}


def _shared_doc(func: _Func) -> _Func:
    """Fill ``{ax}``, ``{spikes}``, ``{returns}`` and ``{empty}`` in `func`'s docstring."""
    func.__doc__ = (func.__doc__ or "").format(**_DOCS)
    return func


# --- helpers ---------------------------------------------------------------------------------
def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """`ax`, or the one Axes of a new Figure (constrained layout, no pyplot)."""
    if ax is not None:
        return ax
    return Figure(figsize=figsize, layout="constrained").add_subplot()


def _chars_fitting(ax: Axes, fontsize: float, share: float = 1.0) -> int:
    """About how many characters of `fontsize` fit across `share` of the Axes' width."""
    width_points = ax.bbox.width / ax.figure.dpi * 72 * share
    return max(int(width_points / (0.55 * fontsize)), 20)


def _sentence(reason: object, width: int) -> str:
    """A metric's ``attrs["reason"]`` as a wrapped sentence a reader understands."""
    text = str(reason).replace("as_of", "the cut-off date")
    return _wrap(f"{text[0].upper()}{text[1:]}.", width)


def _wrap(text: str, width: int, max_lines: int | None = None) -> str:
    """`text` wrapped to `width` characters, cut with "…" after `max_lines` lines."""
    lines = textwrap.wrap(text, width, break_on_hyphens=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + "…"
    return "\n".join(lines)


def _title(ax: Axes, text: str) -> None:
    """A title saying what to conclude, wrapped to the Axes' width."""
    ax.set_title(_wrap(text, _chars_fitting(ax, _TITLE_SIZE)), fontsize=_TITLE_SIZE, loc="left")


def _no_data(
    ax: Axes, data: Any, title: str, xlabel: str, ylabel: str, nothing: str | None = None
) -> Axes:
    """Say inside the Axes that there is nothing to draw, and why: the metric's reason, or
    `nothing` when the metric gives none (an empty result can be the answer: no dormant tie)."""
    reason = getattr(data, "attrs", {}).get("reason") if data is not None else None
    if not reason and nothing:
        message, title = _wrap(nothing, 60), f"{title}: none"
    else:
        message, title = "No data", f"{title}: no data"
    if reason:
        message += "\n" + _sentence(reason, 60)
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=11,
        color=_DARK_GREY,
        gid="no-data",
    )
    ax.set_xticks([])
    ax.set_yticks([])
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def _naive_utc(values: Iterable[Any]) -> np.ndarray:
    """UTC timestamps as naive ``datetime64[us]`` (what matplotlib's date axis reads)."""
    stamps = pd.DatetimeIndex(values)
    if stamps.tz is not None:
        stamps = stamps.tz_convert("UTC").tz_localize(None)
    return stamps.as_unit("us").to_numpy()


def _date_numbers(values: Iterable[Any]) -> np.ndarray:
    """UTC timestamps as matplotlib date numbers (days)."""
    return mdates.date2num(_naive_utc(values))


def _date_axis(ax: Axes) -> None:
    """Readable dates on the x axis: as few ticks as fit, written concisely."""
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))


def _count_text(value: float) -> str:
    return f"{value:,.0f}"


def _share_text(part: float, whole: float) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def _hours_text(hours: float) -> str:
    """A duration in the unit that reads best: "40 s", "33 min", "5.2 h", "3 days"."""
    if not np.isfinite(hours):
        return "–"
    if hours < 1 / 60:
        return f"{hours * 3600:.0f} s"
    if hours < 1:
        return f"{hours * 60:.0f} min"
    if hours < 24:
        return f"{hours:.1f} h" if hours < 10 else f"{hours:.0f} h"
    days = hours / 24
    return f"{days:.1f} days" if days < 10 else f"{days:.0f} days"


def _period_word(data: pd.DataFrame, default: str = "period") -> str:
    """ "week", "month"...: the period of a growth-like result, from ``attrs["params"]``."""
    freq = str(data.attrs.get("params", {}).get("freq", ""))
    words = {"D": "day", "W": "week", "ME": "month", "M": "month", "QE": "quarter", "YE": "year"}
    base = freq.split("-")[0].lstrip("0123456789")
    word = words.get(base, default)
    multiple = freq.split("-")[0][: len(freq.split("-")[0]) - len(base)]
    return f"{multiple} {word}s" if multiple not in ("", "1") else word


def _spike_phrase(spike: pd.Series) -> str:
    """ "+139 in 7 days (Apr 2022), hoarding-like"."""
    days = max(round((spike["end"] - spike["start"]) / pd.Timedelta(days=1)), 1)
    text = f"+{int(spike['count']):,} in {_plural(days, 'day')} ({spike['start']:%b %Y})"
    label = spike.get("label")
    return f"{text}, {label}" if isinstance(label, str) and label else text


def _window_text(data: pd.DataFrame, default: str = "365D") -> str:
    """ "the past year", or "the past 90 days": the window of ``attrs["params"]["window"]``."""
    window = data.attrs.get("params", {}).get("window", default)
    try:
        days = pd.Timedelta(window).days
    except ValueError:
        return f"the past {window}"
    return "the past year" if days == 365 else f"the past {_plural(days, 'day')}"


def _spike_rows(spikes: pd.DataFrame | None) -> pd.DataFrame:
    if spikes is None or len(spikes) == 0:
        return pd.DataFrame(columns=["start", "end", "count", "label", "context"])
    return spikes


# --- quality vs quantity ---------------------------------------------------------------------
@_shared_doc
def quality_vs_quantity(
    data: pd.DataFrame, *, spikes: pd.DataFrame | None = None, ax: Axes | None = None
) -> Axes:
    """The headline: connections (quantity) beside active two-way ties (quality), over time.

    Both lines share one logarithmic scale, so the vertical gap between them is the hoarding
    ratio (connections per active tie), annotated at the end; a widening gap is a network
    getting wider, not deeper. The lines are labelled at their ends (no legend to cover them).
    Spike windows are shaded (at least a few pixels wide, so a one-week burst in a 15-year
    history stays visible) and labelled with their size and label.

    Parameters
    ----------
    data : pandas.DataFrame
        What ``nk.quality_vs_quantity(ex)`` returned.
    {spikes}
    {ax}

    {returns}

    Notes
    -----
    {empty} Periods without any active tie leave a gap in the active-ties line (zero has no
    place on a logarithmic scale).
    """
    ax = _axes(ax, (10, 5))
    xlabel = f"date (end of each {_period_word(data, 'period')})"
    ylabel = "people (logarithmic scale)"
    if len(data) == 0:
        return _no_data(ax, data, "Connections vs active ties", xlabel, ylabel)
    window_text = _window_text(data)
    when = _date_numbers(data["period_end"])
    connections = data["connections"].to_numpy(dtype="float64")
    active = data["active_ties"].to_numpy(dtype="float64")
    ax.set_yscale("log")
    ax.plot(
        when,
        np.where(connections > 0, connections, np.nan),
        color=_BLUE,
        linewidth=2.2,
        label="connections (all you ever made)",
    )
    ax.plot(
        when,
        np.where(active > 0, active, np.nan),
        color=_VERMILLION,
        linewidth=2.2,
        linestyle="--",
        label=f"active ties (one-to-one messages both ways in {window_text})",
    )
    last = data.iloc[-1]
    span = when[-1] - when[0] if len(when) > 1 else 30.0
    ax.set_xlim(when[0] - 0.01 * span, when[-1] + 0.02 * span)
    top = max(float(np.nanmax(connections)), 1.0)
    lowest = float(np.nanmin(np.concatenate([connections[connections > 0], active[active > 0]])))
    ax.set_ylim(max(lowest / 2, 0.8) if lowest > 2 else 0.8, top * 12)
    end_connections, end_active = int(last["connections"]), int(last["active_ties"])
    ends = {"textcoords": "offset points", "ha": "right", "fontweight": "bold"}
    ax.annotate(
        _plural(end_connections, "connection"),
        (when[-1], max(end_connections, 1)),
        xytext=(-4, 7),
        va="bottom",
        color=_BLUE,
        **ends,
    )
    if end_active > 0:
        # the lines are labelled at their ends (no legend to cover them); the active-ties
        # label goes under its line, or over it when the line runs along the bottom
        bottom, _ = ax.get_ylim()
        low = np.log(end_active / bottom) < 0.2 * np.log(top * 12 / bottom)
        ax.annotate(
            _plural(end_active, "active tie"),
            (when[-1], end_active),
            xytext=(-4, 24 if low else -9),
            va="bottom" if low else "top",
            color=_VERMILLION,
            **ends,
        )
        ax.annotate(
            f"one-to-one messages both ways\nin {window_text}",
            (when[-1], end_active),
            xytext=(-4, 7 if low else -23),
            textcoords="offset points",
            ha="right",
            va="bottom" if low else "top",
            fontsize=_SMALL,
            color=_VERMILLION,
            gid="active-definition",
        )
        ratio = float(last["hoarding_ratio"])
        ax.annotate(
            "",
            xy=(when[-1], end_active * 1.12),
            xytext=(when[-1], end_connections / 1.12),
            arrowprops={"arrowstyle": "<->", "color": _DARK_GREY, "linewidth": 1.2},
        )
        ax.annotate(
            f"×{ratio:.1f}: hoarding ratio\n(connections per active tie)",
            (when[-1], float(np.sqrt(end_connections * end_active))),
            xytext=(-6, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=_SMALL,
            color=_DARK_GREY,
            gid="hoarding-ratio",
        )
        title = (
            f"{_plural(end_active, 'active tie')} among {_plural(end_connections, 'connection')}:"
            f" {_plural(round(ratio), 'connection')} for every live relationship"
        )
    else:
        title = (
            f"No active tie among {_plural(end_connections, 'connection')}: nobody exchanged a"
            f" message each way with you in {window_text}"
        )
    _mark_spikes(ax, _spike_rows(spikes), span)
    _date_axis(ax)
    ticks = [m * 10**e for e in range(int(np.log10(top)) + 2) for m in (1, 2, 5)]
    ax.yaxis.set_major_locator(FixedLocator([t for t in ticks if t <= top * 2.5]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: _count_text(value)))
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def _mark_spikes(ax: Axes, spikes: pd.DataFrame, span: float) -> None:
    """Shade each spike window (at least 0.4 % of the x span wide) and label it at the top,
    labels side by side (never on top of each other), each joined to its window."""
    if len(spikes) == 0:
        return
    starts = _date_numbers(spikes["start"])
    ends = _date_numbers(spikes["end"])
    middles = (starts + ends) / 2
    half = np.maximum(ends - starts, 0.004 * span) / 2
    left, right = ax.get_xlim()
    centres = _spread((middles - left) / (right - left), min(0.12, 0.98 / len(spikes)))
    for middle, wide, centre, count, label in zip(
        middles, half, centres, spikes["count"], spikes["label"], strict=True
    ):
        ax.axvspan(middle - wide, middle + wide, color=_ORANGE, alpha=0.35, linewidth=0)
        text = f"spike +{int(count)}"
        if isinstance(label, str) and label:
            text += f"\n{label}"
        ax.annotate(
            text,
            xy=(middle, 0.86),
            xycoords=("data", "axes fraction"),
            xytext=(centre, 0.97),
            textcoords="axes fraction",
            ha="center",
            va="top",
            fontsize=_SMALL,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": _ORANGE},
            arrowprops={"arrowstyle": "-", "color": _ORANGE, "linewidth": 1},
            gid="spike-label",
        )


# --- growth ----------------------------------------------------------------------------------
_WHO_ASKED = (
    ("outgoing", _BLUE, "you asked"),
    ("incoming", _ORANGE, "they asked"),
    ("unknown", _GREY, "unknown (invitation not in the export)"),
)


@_shared_doc
def growth(
    data: pd.DataFrame, *, spikes: pd.DataFrame | None = None, ax: Axes | None = None
) -> Axes:
    """New connections per period, stacked by who asked, with the growth spikes explained.

    Each period is a step of the stacked areas: the owner's invitations at the bottom (blue),
    the other side's above (orange), connections whose invitation the export no longer holds
    on top (light grey). Each spike gets a note in the space above the bars, with an arrow to
    its peak: its size, its label (``hoarding-like`` or ``earned``), what the label rests on
    (who asked, notes, follow-up) and what happened around it (a new job, an event, a post).

    Parameters
    ----------
    data : pandas.DataFrame
        What ``nk.growth(ex, freq=...)`` returned: weeks show a burst sharply, months read
        better over a decade.
    {spikes}
    {ax}

    {returns}

    Notes
    -----
    {empty}
    """
    ax = _axes(ax, (10, 5))
    per = _period_word(data)
    xlabel, ylabel = "date", f"new connections per {per}"
    if len(data) == 0:
        return _no_data(ax, data, "New connections", xlabel, ylabel)
    edges = _date_numbers(
        pd.concat([data["period_start"], data["period_end"].iloc[-1:]], ignore_index=True)
    )
    bottom = np.zeros(len(data))
    for column, colour, label in _WHO_ASKED:
        values = data[column].to_numpy(dtype="float64")
        ax.stairs(
            bottom + values, edges, baseline=bottom.copy(), fill=True, color=colour, label=label
        )
        bottom = bottom + values
    span = edges[-1] - edges[0]
    highest = max(float(bottom.max()), 1.0)
    rows = _spike_rows(spikes)
    ax.set_xlim(edges[0] - 0.01 * span, edges[-1] + 0.01 * span)
    # headroom: the spike notes above the bars, or the legend alone
    headroom = 2.1 if len(rows) else 1.2
    ax.set_ylim(0, highest * headroom)
    _annotate_spikes(ax, rows, data, edges, span)
    _date_axis(ax)
    ticks = MaxNLocator(nbins=6, integer=True).tick_values(0, highest)
    ax.yaxis.set_major_locator(FixedLocator(ticks[ticks <= highest * 1.1]))
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0 / headroom + 0.01),
        ncols=3,
        frameon=False,
        fontsize=9,
    )
    total = int(data["new_connections"].sum())
    since = pd.Timestamp(data["period_start"].iloc[0]).year
    title = f"{_plural(total, 'connection')} since {since}"
    if len(rows):
        biggest = rows.loc[rows["count"].idxmax()]
        title += f"; biggest burst: {_spike_phrase(biggest)}"
    elif spikes is not None:
        title += "; no growth spike (no burst far above your usual rate)"
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def _annotate_spikes(
    ax: Axes, spikes: pd.DataFrame, data: pd.DataFrame, edges: np.ndarray, span: float
) -> None:
    """A text box (size, label, context) in the headroom above the bars, with an arrow to each
    spike's peak; boxes keep the spikes' order and never overlap."""
    if len(spikes) == 0:
        return
    starts, ends = _date_numbers(spikes["start"]), _date_numbers(spikes["end"])
    totals = data["new_connections"].to_numpy()
    box = min(0.98 / len(spikes), 0.45)  # share of the width each box may take
    width = min(_chars_fitting(ax, _SMALL, share=box * 0.92), 52)
    wanted = ((starts + ends) / 2 - ax.get_xlim()[0]) / np.diff(ax.get_xlim())[0]
    centres = _spread(wanted, box)
    for number, (start, end) in enumerate(zip(starts, ends, strict=True)):
        spike = spikes.iloc[number]
        inside = (edges[1:] > start) & (edges[:-1] <= end)
        peak = float(totals[inside].max()) if inside.any() else 0.0
        context = spike.get("context")
        lines = [_wrap(_spike_phrase(spike), width)]
        evidence = _spike_evidence(spike)
        if evidence:
            lines.append(_wrap(evidence, width))
        if isinstance(context, str) and context:
            lines.append(_wrap(context, width, max_lines=3))
        ax.annotate(
            "\n".join(lines),
            xy=((start + end) / 2, peak),
            xytext=(centres[number], 0.97),
            textcoords="axes fraction",
            ha="center",
            va="top",
            fontsize=_SMALL,
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": _DARK_GREY},
            arrowprops={"arrowstyle": "->", "color": _DARK_GREY, "linewidth": 1},
            gid="spike-label",
            **_name_font(),
        )


def _spike_evidence(spike: pd.Series) -> str:
    """What the label rests on: "you asked 100% · notes 0% · followed up 0%"."""
    parts = (
        ("outgoing_share", "you asked"),
        ("note_share", "with a note"),
        ("followed_up_share", "followed up"),
    )
    shares = [(label, spike.get(column)) for column, label in parts]
    return " · ".join(
        f"{label} {float(share):.0%}"
        for label, share in shares
        if share is not None and share == share
    )


def _spread(wanted: np.ndarray, width: float) -> np.ndarray:
    """Centres in [0, 1], in the order of `wanted` and as close to it as they can be, at least
    `width` apart and `width / 2` from the edges (`width` at most 1 / their number)."""
    centres = np.clip(np.asarray(wanted, dtype="float64"), width / 2, 1 - width / 2)
    for k in range(1, len(centres)):  # push right, then pull back from the right edge
        centres[k] = max(centres[k], centres[k - 1] + width)
    centres[-1] = min(centres[-1], 1 - width / 2)
    for k in range(len(centres) - 2, -1, -1):
        centres[k] = min(centres[k], centres[k + 1] - width)
    return centres


# --- layers ----------------------------------------------------------------------------------
_LAYER_NAMES = ("support clique", "sympathy group", "affinity group", "active network")


@_shared_doc
def layers(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Contacts per Dunbar-style layer, beside the 5 / 15 / 50 / 150 reference.

    For each layer, the solid bar is the number of contacts in it and every layer inside it
    (the way Dunbar's sizes count), the hatched bar the reference size. Tick labels give the
    layer's range of reciprocated active days in the window.

    Parameters
    ----------
    data : pandas.DataFrame
        What ``nk.layers(ex)`` returned.
    {ax}

    {returns}

    Notes
    -----
    {empty}
    """
    ax = _axes(ax, (8, 5))
    xlabel = f"layer (by reciprocated active days in {_window_text(data)})"
    ylabel = "contacts in this layer and those inside it"
    if len(data) == 0:
        return _no_data(ax, data, "Dunbar layers", xlabel, ylabel)
    sizes = tuple(data.attrs.get("params", {}).get("reference_sizes", ()))
    per_layer = data.drop_duplicates("layer").set_index("layer").sort_index()
    if not sizes:
        sizes = tuple(per_layer["reference_size"].astype(int))
    bounds = data.attrs.get("layer_bounds", {})
    numbers = np.arange(1, len(sizes) + 1)
    yours = per_layer["layer_size"].reindex(numbers).to_numpy(dtype="float64")
    names = _LAYER_NAMES if len(sizes) == len(_LAYER_NAMES) else ()
    labels = []
    for number in numbers:
        name = names[number - 1] if names else f"layer {number}"
        low, high = bounds.get(int(number), (None, None))
        if low is None:
            labels.append(f"{name}\n(nobody)")
        elif low == high:
            labels.append(f"{name}\n{_plural(low, 'day')}")
        else:
            labels.append(f"{name}\n{low}–{high} days")
    x = np.arange(len(sizes))
    mine = ax.bar(
        x - 0.2,
        np.nan_to_num(yours),
        0.38,
        color=_BLUE,
        label="your contacts",
        edgecolor=_BLUE,
    )
    reference = ax.bar(
        x + 0.2,
        sizes,
        0.38,
        facecolor="white",
        edgecolor="black",
        hatch="//",
        label="Dunbar's reference",
    )
    ax.bar_label(mine, labels=[_count_text(v) if v == v else "–" for v in yours], padding=2)
    ax.bar_label(reference, labels=[_count_text(v) for v in sizes], padding=2)
    ax.set_xticks(x, labels)
    ax.set_ylim(0, max(max(sizes), float(np.nanmax(yours))) * 1.12)
    ax.legend(loc="upper left", frameon=False)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    inner = int(np.nan_to_num(yours[0]))
    total = int(np.nanmax(yours))
    _title(
        ax,
        f"Inner circle of {inner} (Dunbar: ~{sizes[0]}); {_plural(total, 'tie')} kept up in all"
        f" (Dunbar: ~{sizes[-1]})",
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


# --- reconnect -------------------------------------------------------------------------------
@_shared_doc
def reconnect(data: pd.DataFrame, *, top: int = 12, ax: Axes | None = None) -> Axes:
    """Dormant or fading ties worth a message: a ranked list with the reason for each.

    One row per tie, best first: a bar of the reconnect score (0-100) labelled with the
    contact's name, and under it the metric's reason ("Talked on 27 days over 10 years, last
    in January 2024, now at Soylent Foods.").

    Parameters
    ----------
    data : pandas.DataFrame
        What ``nk.dormant_ties(ex)`` or ``nk.fading_ties(ex)`` returned (fading ties have a
        ``median_gap_days`` column).
    top : int, default 12
        How many ties to list at most.
    {ax}

    {returns}

    Notes
    -----
    {empty}
    """
    fading = "median_gap_days" in data.columns
    kind = "fading ties" if fading else "dormant ties"
    shown = data.head(top)
    ax = _axes(ax, (10, 1.2 + 0.62 * max(len(shown), 3)))
    xlabel = "reconnect score (0–100: a stronger tie silent for longer scores higher)"
    ylabel = "contact"
    if len(data) == 0:
        nothing = (
            "No tie is losing its rhythm: everyone you talk with regularly wrote recently."
            if fading
            else "No dormant tie: nobody you once talked with both ways has gone quiet."
        )
        return _no_data(ax, data, kind.capitalize(), xlabel, ylabel, nothing)
    y = np.arange(len(shown), dtype="float64")
    scores = shown["reconnect_score"].to_numpy(dtype="float64")
    bars = ax.barh(y - 0.17, scores, 0.34, color=_VERMILLION if fading else _BLUE)
    ax.bar_label(bars, labels=[f"{s:.0f}" for s in scores], padding=3, fontsize=_SMALL)
    width = _chars_fitting(ax, _SMALL, share=0.9)
    row_points = ax.bbox.height / ax.figure.dpi * 72 / (len(shown) + 0.2)
    lines = 2 if row_points * 0.6 >= 2 * 1.25 * _SMALL else 1  # what fits under a bar
    for row, reason in zip(y, shown["reason"].fillna(""), strict=True):
        ax.text(
            0.5,
            row + 0.04,
            _wrap(str(reason), width, max_lines=lines),
            va="top",
            ha="left",
            fontsize=_SMALL,
            color=_DARK_GREY,
            gid="reason",
            **_name_font(),
        )
    names = shown["name"].fillna(shown["person_id"]).fillna("(unknown)").astype(str)
    ax.set_yticks(y - 0.17, list(names), **_name_font())
    ax.set_ylim(len(shown) - 0.45, -0.6)
    ax.set_xlim(0, 100)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if fading:
        title = f"{_plural(len(data), 'tie')} losing their rhythm: write before they go dormant"
    else:
        title = f"{_plural(len(data), 'dormant tie')} worth reconnecting with"
    if len(data) > len(shown):
        title += f" (top {len(shown)})"
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


# --- reciprocity -----------------------------------------------------------------------------
#: Marker areas (points²) of `reciprocity`: per contact, at most, and at least (to stay
#: visible when thousands of contacts share the largest marker).
_AREA_PER_CONTACT, _MOST_AREA, _LEAST_AREA = 24.0, 500.0, 5.0
_WHO_WROTE = (
    ("both", "both of you wrote", _GREEN, "o"),
    ("you", "only you wrote", _VERMILLION, ">"),
    ("them", "only they wrote", _BLUE, "^"),
)


@_shared_doc
def reciprocity(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Messages sent against messages received, one marker per distinct pair of counts.

    Both axes are symmetric-logarithmic (linear from 0 to 1, logarithmic above), so one-sided
    relationships (0 messages one way) sit on the axes. The dashed diagonal is "as many each
    way"; below it the owner writes more, above it the contact does. Contacts with the same
    counts share one marker whose area grows with their number (in proportion, but never
    smaller than a dot nor larger than a large marker); colour and marker shape say who wrote
    at all.

    Parameters
    ----------
    data : pandas.DataFrame
        What ``nk.reciprocity(ex)`` returned.
    {ax}

    {returns}

    Notes
    -----
    {empty}
    """
    ax = _axes(ax, (7, 6.5))
    xlabel = "messages you sent them (symmetric log scale)"
    ylabel = "messages they sent you (symmetric log scale)"
    if len(data) == 0:
        return _no_data(ax, data, "Who writes to whom", xlabel, ylabel)
    counts = data.groupby(["sent", "received"], sort=True).size().rename("contacts").reset_index()
    sent, received = counts["sent"].to_numpy(), counts["received"].to_numpy()
    group = np.select([(sent > 0) & (received > 0), received == 0], ["both", "you"], "them")
    highest = max(int(data["sent"].max()), int(data["received"].max()), 1)
    line = np.concatenate([[0.0], np.geomspace(1, highest * 2, 50)])
    ax.plot(line, line, color=_DARK_GREY, linestyle="--", linewidth=1, label="as many each way")
    most = int(counts["contacts"].max())
    per_contact = min(_AREA_PER_CONTACT, _MOST_AREA / most)

    def area(contacts: np.ndarray | int) -> np.ndarray:
        return np.maximum(np.asarray(contacts) * per_contact, _LEAST_AREA)

    tally = {}
    for key, label, colour, marker in _WHO_WROTE:
        chosen = group == key
        tally[key] = int(counts.loc[chosen, "contacts"].sum())
        ax.scatter(
            sent[chosen],
            received[chosen],
            s=area(counts.loc[chosen, "contacts"].to_numpy()),
            color=colour,
            marker=marker,
            alpha=0.75,
            edgecolor="white",
            linewidth=0.5,
            label=f"{label} ({tally[key]:,})",
        )
    ax.set_xscale("symlog", linthresh=1, linscale=0.5)
    ax.set_yscale("symlog", linthresh=1, linscale=0.5)
    limit = (-0.3, highest * 2)
    ax.set_xlim(limit)
    ax.set_ylim(limit)
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(FuncFormatter(lambda value, _: _count_text(value)))
    ax.set_aspect("equal", adjustable="box")
    ax.grid(color="#EEEEEE", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.text(0.97, 0.04, "you write more →", transform=ax.transAxes, ha="right", fontsize=_SMALL)
    ax.text(
        0.03,
        0.97,
        "↑ they write more",
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=_SMALL,
    )
    handles = [Line2D([], [], color=_DARK_GREY, linestyle="--", label="as many each way")]
    handles += [
        Line2D([], [], color=colour, marker=marker, linestyle="", markersize=7, label=label)
        for (key, label, colour, marker) in _WHO_WROTE
        for label in [f"{label} ({tally[key]:,})"]
    ]
    handles += [
        Line2D(
            [],
            [],
            color=_GREY,
            marker="o",
            linestyle="",
            markersize=float(np.sqrt(area(n))),
            label=_plural(n, "contact"),
        )
        for n in sorted({1, most})
    ]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, 0.93),
        frameon=False,
        fontsize=_SMALL,
        labelspacing=0.9,
    )
    total = len(data)
    _title(
        ax,
        f"{tally['both']:,} of {_plural(total, 'contact')} wrote both ways;"
        f" {tally['you']:,} never wrote back to you, you never wrote to {tally['them']:,}",
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


# --- reply times -----------------------------------------------------------------------------
_DURATION_TICKS = (
    (1 / 60, "1 min"),
    (5 / 60, "5 min"),
    (15 / 60, "15 min"),
    (1.0, "1 h"),
    (3.0, "3 h"),
    (12.0, "12 h"),
    (24.0, "1 day"),
    (72.0, "3 days"),
    (168.0, "1 week"),
)
#: Replies faster than this are drawn at it (a logarithmic axis has no zero).
_FASTEST_DRAWN_HOURS = 1 / 120


@_shared_doc
def reply_times(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """How fast the owner answers, and how fast their contacts answer: two distributions.

    One row per direction; each point is one contact's median reply time (hours, on a
    logarithmic axis), over a box of the middle half with the median marked and whiskers from
    the 5th to the 95th percentile. Points are spread
    vertically with a fixed seed, so the chart is the same every time. Replies under 30
    seconds are drawn at 30 seconds.

    Parameters
    ----------
    data : pandas.DataFrame
        What ``nk.reciprocity(ex)`` returned (``owner_median_reply_hours`` and
        ``their_median_reply_hours``).
    {ax}

    {returns}

    Notes
    -----
    {empty}
    """
    ax = _axes(ax, (9, 4))
    xlabel = "median reply time per contact (logarithmic scale)"
    ylabel = "who replies"
    columns = (
        ("owner_median_reply_hours", "you reply\nto them", _BLUE, "o"),
        ("their_median_reply_hours", "they reply\nto you", _ORANGE, "s"),
    )
    values = [
        data[column].dropna().to_numpy(dtype="float64") if column in data else np.array([])
        for column, *_ in columns
    ]
    if len(data) == 0 or not any(len(v) for v in values):
        return _no_data(ax, data, "Reply times", xlabel, ylabel)
    rng = np.random.default_rng(0)
    medians = []
    for row, ((_, label, colour, marker), hours) in enumerate(zip(columns, values, strict=True)):
        shown = np.maximum(hours, _FASTEST_DRAWN_HOURS)
        medians.append(float(np.median(hours)) if len(hours) else np.nan)
        if len(hours) == 0:
            ax.text(1, row, "no timed reply", va="center", fontsize=_SMALL, color=_DARK_GREY)
            continue
        ax.boxplot(
            shown,
            positions=[row],
            widths=0.6,
            orientation="horizontal",
            showfliers=False,
            whis=(5, 95),
            medianprops={"color": "black", "linewidth": 2.5},
            boxprops={"color": "black", "linewidth": 1.3},
            whiskerprops={"color": "black", "linewidth": 1.3},
            capprops={"color": "black", "linewidth": 1.3},
            zorder=4,
        )
        crowd = len(shown)
        ax.scatter(
            shown,
            row + rng.uniform(-0.22, 0.22, crowd),
            s=14 if crowd < 1000 else 6,
            color=colour,
            marker=marker,
            alpha=float(np.clip(0.6 * np.sqrt(200 / crowd), 0.08, 0.6)),
            linewidth=0,
            label=label.replace("\n", " "),
            zorder=3,
        )
        ax.annotate(
            f"median {_hours_text(medians[-1])}",
            (float(np.median(shown)), row - 0.3),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=_SMALL,
            fontweight="bold",
        )
    drawn = np.concatenate([np.maximum(v, _FASTEST_DRAWN_HOURS) for v in values if len(v)])
    low, high = float(drawn.min()) / 2, float(drawn.max()) * 2
    ax.set_xscale("log")
    ax.set_xlim(low, high)
    ticks = [(value, text) for value, text in _DURATION_TICKS if low <= value <= high]
    ax.set_xticks([value for value, _ in ticks], [text for _, text in ticks])
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_yticks([0, 1], [label for _, label, *_ in columns])
    ax.set_ylim(1.6, -0.6)
    ax.grid(axis="x", color="#EEEEEE", linewidth=0.6)
    ax.set_axisbelow(True)
    mine, theirs = medians
    if np.isfinite(mine) and np.isfinite(theirs):
        faster = (
            "faster than"
            if mine < theirs * 0.8
            else "slower than"
            if mine > theirs * 1.25
            else "about as fast as"
        )
        title = (
            f"You answer {faster} your contacts: typically in {_hours_text(mine)}, they in"
            f" {_hours_text(theirs)}"
        )
    elif np.isfinite(mine):
        title = f"You answer in {_hours_text(mine)} for a typical contact"
    else:
        title = f"Your contacts answer in {_hours_text(theirs)} for a typical contact"
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


# --- ladder ----------------------------------------------------------------------------------
_STAGE_LABELS = {
    "connected": "connected",
    "messaged": "messaged",
    "conversation": "conversation\n(both ways)",
    "off_platform": "off-platform\n(email, phone)",
    "met": "met\n(call, meeting)",
    "vouched": "vouched\n(recommendation)",
}


@_shared_doc
def ladder(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """The relationship ladder as a funnel: contacts reaching at least each stage.

    connected → messaged → conversation → off-platform → met → vouched. Each bar counts the
    contacts whose furthest stage is that one or beyond, centred like a funnel, labelled with
    the count, its share of everyone and the share of the stage before that made it this far.

    When the metric says why the depth is unknown (``data.attrs["reason"]``: no messages),
    the reason is written in the Axes: the stages past "connected" are unknown, not empty.

    Parameters
    ----------
    data : pandas.DataFrame
        What ``nk.tie_strength(ex)`` returned (its ``ladder`` column).
    {ax}

    {returns}

    Notes
    -----
    {empty}
    """
    ax = _axes(ax, (9, 5))
    xlabel = "contacts reaching at least this stage"
    ylabel = "relationship stage"
    if len(data) == 0:
        return _no_data(ax, data, "Relationship ladder", xlabel, ylabel)
    stages = list(LADDER)
    codes = pd.Categorical(data["ladder"], categories=stages, ordered=True).codes
    reached = np.array([(codes >= k).sum() for k in range(len(stages))], dtype="int64")
    everyone = int(reached[0])
    y = np.arange(len(stages))
    shades = ["#0B3C5D", _BLUE, "#3A8FC4", _SKY, "#9FD4F2", "#CFE9F8"]
    ax.barh(y, reached, 0.72, color=shades[: len(stages)], edgecolor=_BLUE, label="contacts")
    for k, count in enumerate(reached):
        text = f"{count:,}"
        if k == 1:
            text += f"  ({_share_text(count, everyone)} of all)"
        elif k > 1:
            text += f"  ({_share_text(count, everyone)} of all,"
            text += f" {_share_text(count, reached[k - 1])} of the stage above)"
        inside = count > 0.6 * everyone
        ax.text(
            count - everyone * 0.01 if inside else count + everyone * 0.01,
            k,
            text,
            va="center",
            ha="right" if inside else "left",
            fontsize=9,
            color="white" if inside and k < 3 else "black",
            gid="stage-count",
        )
    ax.set_yticks(y, [_STAGE_LABELS.get(stage, stage) for stage in stages])
    ax.set_ylim(len(stages) - 0.5, -0.5)
    ax.set_xlim(0, max(everyone, 1) * 1.02)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", color="#EEEEEE", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    messaged, met, vouched = reached[1], reached[4], reached[5]
    reason = data.attrs.get("reason")
    if reason:  # e.g. no messages file: the stages past "connected" are unknown, not empty
        ax.text(
            0.98,
            0.04,
            _sentence(reason, 50),
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=9,
            color=_DARK_GREY,
            gid="reason",
        )
    _title(
        ax,
        f"Of {_plural(everyone, 'contact')}, {messaged:,} ever messaged, {met:,} met,"
        f" {vouched:,} vouched for",
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


# --- invitations -----------------------------------------------------------------------------
_NOTE_KINDS = (
    ("personal", "personal note", _GREEN, ""),
    ("template", "template or LinkedIn's default", _ORANGE, "//"),
    ("none", "no note", "#DDDDDD", ".."),
)


def _stacked_bars(
    ax: Axes,
    table: pd.DataFrame,
    kinds: tuple[tuple[str, str, str, str], ...],
    y: np.ndarray,
    height: float,
) -> None:
    """One horizontal stacked bar per row of `table` (a column per kind: key, label, colour,
    hatch), counts inside the segments wide enough to hold them, and at each bar's end its
    total with the segments too narrow to be labelled."""
    widest = max(float(table.to_numpy().sum(axis=1).max()), 1.0)
    left = np.zeros(len(table))
    narrow: list[list[str]] = [[] for _ in range(len(table))]
    for key, label, colour, hatch in kinds:
        counts = table[key].to_numpy(dtype="float64")
        bars = ax.barh(
            y,
            counts,
            height,
            left=left,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            linewidth=0.8,
            label=label,
        )
        wide = counts >= 0.06 * widest
        ax.bar_label(
            bars,
            labels=[f"{c:,.0f}" if w else "" for c, w in zip(counts, wide, strict=True)],
            label_type="center",
            fontsize=_SMALL,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        )
        for row in np.flatnonzero(~wide & (counts > 0)):
            narrow[row].append(f"{label} {counts[row]:,.0f}")
        left = left + counts
    for row, total in enumerate(left):
        text = f"{total:,.0f}" + (f"  ({', '.join(narrow[row])})" if narrow[row] else "")
        ax.text(total + widest * 0.01, y[row], text, va="center", fontsize=_SMALL, gid="bar-total")
    ax.set_xlim(0, widest * 1.25)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", ncols=len(kinds), frameon=False, fontsize=_SMALL)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


@_shared_doc
def invitations(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Invitations both ways: with a personal note, a template or none; warm or cold.

    One bar per direction and warmth (warm: the two of you had exchanged a message, an
    endorsement or a recommendation before; cold: you had not; unknown: the person is not
    identified, shown only when there are such invitations), split by the note: personal
    (green), a template or LinkedIn's default sentence (orange, hatched), none (light grey,
    dotted).

    Parameters
    ----------
    data : pandas.DataFrame
        What ``nk.invitation_quality(ex)`` returned.
    {ax}

    {returns}

    Notes
    -----
    {empty}
    """
    ax = _axes(ax, (9, 4.8))
    xlabel = "invitations"
    ylabel = "who sent it, and whether you had talked before"
    if len(data) == 0:
        return _no_data(ax, data, "Invitations", xlabel, ylabel)
    note = np.select(
        [~data["has_note"].to_numpy(dtype=bool), data["is_template"].to_numpy(dtype=bool)],
        ["none", "template"],
        "personal",
    )
    warm = data["warm"]
    warmth = np.select(
        [warm.isna().to_numpy(), warm.fillna(False).to_numpy(dtype=bool)],
        ["unknown", "warm"],
        "cold",
    )
    direction = data["direction"].to_numpy(dtype=object)
    table = pd.crosstab([direction, warmth], note).reindex(
        columns=[kind for kind, *_ in _NOTE_KINDS], fill_value=0
    )
    rows = [
        (way, warmth_)
        for way in ("outgoing", "incoming")
        for warmth_ in ("warm", "cold", "unknown")
        if warmth_ != "unknown" or (way, warmth_) in table.index
    ]
    table = table.reindex(pd.MultiIndex.from_tuples(rows), fill_value=0)
    y = np.arange(len(rows), dtype="float64")
    _stacked_bars(ax, table, _NOTE_KINDS, y, 0.66)
    sender = {"outgoing": "you sent", "incoming": "you received"}
    ax.set_yticks(y, [f"{sender[way]}\n{warmth_}" for way, warmth_ in rows])
    ax.set_ylim(len(rows) - 0.5, -1.1)

    def summary(way: str, verb: str) -> str:
        mine = direction == way
        if not mine.any():
            return f"none {verb}"
        personal = int((note[mine] == "personal").sum())
        cold = int((warmth[mine] == "cold").sum())
        return (
            f"{int(mine.sum()):,} {verb}, {_share_text(personal, mine.sum())} with a personal"
            f" note, {_share_text(cold, mine.sum())} cold"
        )

    _title(ax, f"Invitations: {summary('outgoing', 'sent')}; {summary('incoming', 'received')}")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


# --- pitches ---------------------------------------------------------------------------------
_OPENING_KINDS = (
    ("pitch", "a pitch", _VERMILLION, "xx"),
    ("friendly", "no pitch", _GREEN, ""),
    ("unknown", "text lost", "#DDDDDD", ".."),
)


@_shared_doc
def pitches(data: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Pitches right after connecting, received and sent, with the words that made them.

    One bar per direction of the first message after connecting (they wrote first, you wrote
    first), split into pitches (vermillion, cross-hatched), openings without a pitch (green)
    and openings whose text the export lost (light grey, dotted). Under each bar, the pitch
    words found most often, with the number of openings holding each.

    Parameters
    ----------
    data : pandas.DataFrame
        What ``nk.pitch_after_connect(ex)`` returned.
    {ax}

    {returns}

    Notes
    -----
    {empty}
    """
    ax = _axes(ax, (9, 3.8))
    within = str(data.attrs.get("params", {}).get("within", "7D"))
    soon = "a week" if within in ("7D", "7 days") else within
    xlabel = f"first messages within {soon} of connecting"
    ylabel = "who wrote first"
    if len(data) == 0:
        nothing = f"Nobody wrote first within {soon} of connecting, either way."
        return _no_data(ax, data, "Pitches after connecting", xlabel, ylabel, nothing)
    directions = (("incoming", "they wrote\nfirst"), ("outgoing", "you wrote\nfirst"))
    pitch = data["is_pitch"]
    kind = np.select(
        [pitch.isna().to_numpy(), pitch.fillna(False).to_numpy(dtype=bool)],
        ["unknown", "pitch"],
        "friendly",
    )
    kinds = tuple(k for k in _OPENING_KINDS if k[0] != "unknown" or (kind == "unknown").any())
    table = (
        pd.crosstab(data["direction"].to_numpy(dtype=object), kind)
        .reindex(index=[way for way, _ in directions], columns=[k for k, *_ in kinds])
        .fillna(0)
        .astype("int64")
    )
    y = np.arange(len(directions), dtype="float64")
    _stacked_bars(ax, table, kinds, y - 0.12, 0.45)
    width = _chars_fitting(ax, _SMALL, share=0.95)
    for row, (way, _) in enumerate(directions):
        chosen = (data["direction"] == way).to_numpy(dtype=bool) & (kind == "pitch")
        words = data.loc[chosen, "matched_words"].explode().dropna().value_counts()
        if words.empty:
            text = "no pitch words"
        else:
            listed = ", ".join(f"{word} ({n})" for word, n in words.head(12).items())
            text = f"pitch words: {listed}"
        ax.text(
            0,
            row + 0.3,
            _wrap(text, width, max_lines=2),
            va="center",
            ha="left",
            fontsize=_SMALL,
            style="italic",
            color=_DARK_GREY,
            gid="pitch-words",
        )
    ax.set_yticks(y - 0.12, [label for _, label in directions])
    ax.set_ylim(len(directions) - 0.4, -1.0)
    received, sent = (int(table.loc[way, "pitch"]) for way, _ in directions)
    opened_received, opened_sent = (int(table.loc[way].sum()) for way, _ in directions)
    _title(
        ax,
        f"Pitched right after connecting: {received:,} of {opened_received:,} openings to you,"
        f" {sent:,} of {opened_sent:,} of yours",
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


# --- activity calendar -----------------------------------------------------------------------
_CALENDAR_COLOURS = ("#EBEDF0", "#B7E4D4", "#5FC2A0", _GREEN, "#005C43")


@_shared_doc
def activity_calendar(data: pd.DataFrame, *, days: int = 365, ax: Axes | None = None) -> Axes:
    """Messages per day, GitHub-style: one square per day, one column per week.

    Rows are the days of the week (Monday on top), columns the weeks of the last `days` days
    of `data`; the darker the square, the more messages sent and received that day (levels:
    none, then the quartiles of the busy days' counts). Months are marked along the top.

    Parameters
    ----------
    data : pandas.DataFrame
        What ``netkit.metrics.activity(ex)`` returned.
    days : int, default 365
        How many days, up to the last day of `data`, to show.
    {ax}

    {returns}

    Notes
    -----
    {empty}
    """
    ax = _axes(ax, (11, 2.9))
    xlabel, ylabel = "week", "day of week"
    if len(data) == 0:
        return _no_data(ax, data, "Messages per day", xlabel, ylabel)
    day = pd.DatetimeIndex(_naive_utc(data["day"]))
    last = day.max()
    first = last - pd.Timedelta(days=days - 1)
    shown = np.asarray(day >= first)
    day = day[shown]
    sent = data["messages_sent"].to_numpy(dtype="int64")[shown]
    received = data["messages_received"].to_numpy(dtype="int64")[shown]
    total = sent + received
    monday = first - pd.Timedelta(days=first.weekday())
    week = ((day - monday).days // 7).to_numpy()
    weekday = day.day_of_week.to_numpy()
    weeks = int(((last - monday).days // 7) + 1)
    grid = np.full((7, weeks), np.nan)
    grid[weekday, week] = total
    busy = total[total > 0]
    quartiles = np.ceil(np.quantile(busy, [0.25, 0.5, 0.75])) if len(busy) else np.array([])
    lows = np.unique(np.concatenate([[1], quartiles + 1]))
    lows = lows[lows <= max(int(total.max()), 1)]
    bounds = np.concatenate([[0], lows, [max(int(total.max()), 1) + 1]])
    colours = [_CALENDAR_COLOURS[0], *_CALENDAR_COLOURS[len(_CALENDAR_COLOURS) - len(lows) :]]
    cmap = ListedColormap(colours)
    norm = BoundaryNorm(bounds, cmap.N)
    ax.pcolormesh(
        np.arange(weeks + 1),
        np.arange(8),
        np.ma.masked_invalid(grid),
        cmap=cmap,
        norm=norm,
        edgecolors="white",
        linewidth=1.5,
    )
    ax.set_aspect("equal")
    ax.set_ylim(7, 0)
    ax.set_xlim(0, weeks)
    ax.set_yticks([0.5, 2.5, 4.5, 6.5], ["Mon", "Wed", "Fri", "Sun"])
    month_starts = pd.date_range(first.normalize(), last, freq="MS")
    if first.day == 1:
        month_starts = month_starts.union([first.normalize()])
    positions = ((month_starts - monday).days // 7).to_numpy() + 0.5
    labels = [
        f"{m:%b}\n{m:%Y}" if m.month == 1 or i == 0 else f"{m:%b}"
        for i, m in enumerate(month_starts)
    ]
    ax.set_xticks(positions, labels, fontsize=_SMALL)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("bottom")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    handles = []
    for k, colour in enumerate(colours):
        low, high = int(bounds[k]), int(bounds[k + 1]) - 1
        text = "none" if k == 0 else f"{low}" if high == low else f"{low}–{high}"
        handles.append(Patch(facecolor=colour, edgecolor=_DARK_GREY, linewidth=0.3, label=text))
    ax.legend(
        handles=handles,
        title="messages a day",
        title_fontsize=_SMALL,
        fontsize=_SMALL,
        loc="upper left",
        bbox_to_anchor=(0.0, -0.02),
        ncols=len(handles),
        frameon=False,
        handlelength=1.0,
        handleheight=1.0,
        columnspacing=1.0,
    )
    active_days = int((total > 0).sum())
    span = f"the last {days} days" if days != 365 else "the last year"
    if active_days:
        busiest = int(np.argmax(total))
        title = (
            f"{int(total.sum()):,} messages in {span} ({int(sent.sum()):,} sent,"
            f" {int(received.sum()):,} received) on {_plural(active_days, 'day')};"
            f" busiest {day[busiest].day} {day[busiest]:%b %Y} ({int(total[busiest])})"
        )
    else:
        title = f"No message in {span}"
    _title(ax, title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


# --- network ---------------------------------------------------------------------------------
_COMMUNITY_STYLES = (
    (_BLUE, "o"),
    (_ORANGE, "s"),
    (_GREEN, "^"),
    (_VERMILLION, "D"),
    (_SKY, "v"),
    (_PURPLE, "P"),
    ("#000000", "X"),
)
#: Distance from the owner of the strongest contact drawn (the weakest sits at 1).
_INNER_RADIUS = 0.15
#: How many of the strongest contacts are named.
_NAMED = 10
#: Marker area (points²) of a contact: a base plus so much per point of tie strength.
_AREA_BASE, _AREA_PER_POINT = 6.0, 1.6


def _tie_strengths(G: nx.DiGraph, owner: Any) -> pd.Series:
    """The ``strength`` of each owner → contact direct edge that has one."""
    if owner is None or owner not in G:
        return pd.Series(dtype="float64")
    found = {
        contact: attributes["strength"]
        for _, contact, attributes in G.out_edges(owner, data=True)
        if attributes.get("kind") == "direct" and attributes.get("strength") is not None
    }
    return pd.Series(found, dtype="float64").dropna()


@_shared_doc
def network(
    data: nx.DiGraph,
    *,
    measures: pd.DataFrame | None = None,
    top: int = 150,
    ax: Axes | None = None,
) -> Axes:
    """The owner's strongest ties: the owner at the centre, the stronger the closer.

    At most `top` contacts (Dunbar's 150 by default), the strongest by tie-strength score;
    contacts whose strength is unknown (nothing but the connection) are left out. Each contact
    sits at a distance from the centre that falls as the score rises, from the strongest drawn
    (nearest) to the weakest drawn (on the outer circle), dotted rings marking round scores in
    between; its marker's area grows with the score. Contacts of one community (from
    `measures`: the 7 largest among those drawn, with two members or more) share a sector, a
    colour and a marker shape; the others are grey. Thin grey lines join contacts who shared a
    group conversation (a proxy tie); the ten strongest are named beside the circle. The
    layout is computed, not simulated: the same every time, and quick at any size.

    Parameters
    ----------
    data : networkx.DiGraph
        What ``nk.build_graph(ex)`` returned.
    measures : pandas.DataFrame, optional
        What ``nk.graph_measures(data)`` returned, for the communities. By default every
        contact is drawn alike.
    top : int, default 150
        Most contacts drawn.
    {ax}

    {returns}

    Notes
    -----
    {empty} Here that is a graph without any contact of known strength.
    """
    ax = _axes(ax, (9, 8))
    xlabel = "closer to the centre: a stronger tie · same colour and sector: same community"
    owner = data.graph.get("owner")
    if owner not in data:
        owner = next((n for n, d in data.nodes(data=True) if d.get("kind") == "owner"), None)
    known = _tie_strengths(data, owner)
    if known.empty:
        reason = pd.DataFrame()
        reason.attrs["reason"] = "no contact with a known tie strength (only bare connections)"
        return _no_data(ax, reason, "Your strongest ties", xlabel, "")
    strength = known.sort_index().sort_values(ascending=False, kind="stable").head(top)
    chosen = strength.index
    community = pd.Series(pd.NA, index=chosen, dtype="Int64")
    if measures is not None and len(measures):
        labels = measures.drop_duplicates("person_id").set_index("person_id")["community"]
        community = labels.reindex(chosen).astype("Int64")
    drawn = community.value_counts().sort_index().sort_values(ascending=False, kind="stable")
    styled = sorted(drawn[drawn >= 2].index[: len(_COMMUNITY_STYLES)])
    group = community.map({c: k for k, c in enumerate(styled)}).fillna(len(styled))
    order = (
        pd.DataFrame({"group": group.astype("int64"), "strength": strength})
        .rename_axis("contact")
        .sort_values(["group", "contact"], kind="stable")
    )
    groups = order["group"].to_numpy()
    slot = np.arange(len(order)) + np.concatenate([[0], np.cumsum(np.diff(groups) != 0)])
    slots = slot[-1] + 1 + (1 if groups[0] != groups[-1] else 0)
    angle = np.pi / 2 + 2 * np.pi * slot / slots
    strongest, weakest = float(strength.max()), float(strength.min())
    spread = strongest - weakest

    def radius_of(score: np.ndarray | float) -> np.ndarray:
        if spread == 0:
            return np.full(np.shape(score), 0.6)
        return _INNER_RADIUS + (1 - _INNER_RADIUS) * (strongest - np.asarray(score)) / spread

    radius = radius_of(order["strength"].to_numpy())
    x, y = radius * np.cos(angle), radius * np.sin(angle)
    position = pd.DataFrame({"x": x, "y": y}, index=order.index)

    rings = MaxNLocator(nbins=4).tick_values(weakest, strongest) if spread else []
    for score in [r for r in rings if weakest < r < strongest]:
        ring = float(radius_of(score))
        ax.add_patch(Circle((0, 0), ring, fill=False, edgecolor="#CCCCCC", linestyle=":"))
        ax.text(
            ring * np.cos(np.pi / 4),
            -ring * np.sin(np.pi / 4),
            f"score {score:g}",
            fontsize=7,
            color="#888888",
            ha="center",
            va="center",
            rotation=45,
            bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none"},
            zorder=3.5,
            gid="score-ring",
        )
    spokes = np.stack([np.zeros((len(x), 2)), np.column_stack([x, y])], axis=1)
    ax.add_collection(LineCollection(spokes, colors="#E3E3E3", linewidths=0.5, zorder=1))
    proxy = [
        (position.loc[u].to_numpy(), position.loc[v].to_numpy())
        for u, v, kind in data.subgraph(chosen).edges(data="kind")
        if kind == "co_member" and str(u) < str(v)
    ]
    if proxy:
        ax.add_collection(
            LineCollection(proxy, colors="#8A8A8A", linewidths=0.6, alpha=0.6, zorder=1)
        )
    sizes = _AREA_BASE + _AREA_PER_POINT * order["strength"].to_numpy()
    handles = []
    for k in range(len(styled) + 1):
        members = groups == k
        if not members.any():
            continue
        if k < len(styled):
            colour, marker = _COMMUNITY_STYLES[k]
            label = f"community {int(styled[k])} ({members.sum()})"
        else:
            colour, marker = _GREY, "o"
            label = f"{'other or none' if styled else 'contacts'} ({members.sum()})"
        ax.scatter(
            x[members],
            y[members],
            s=sizes[members],
            color=colour,
            marker=marker,
            edgecolor="white",
            linewidth=0.5,
            zorder=3,
            label=label,
        )
        handles.append(
            Line2D([], [], color=colour, marker=marker, linestyle="", markersize=6, label=label)
        )
    ax.scatter([0], [0], s=280, color="black", marker="*", zorder=4, label="you")
    ax.annotate(
        "you",
        (0, 0),
        xytext=(0, -10),
        textcoords="offset points",
        ha="center",
        va="top",
        fontsize=9,
        fontweight="bold",
        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        zorder=4,
    )
    _name_strongest(ax, data, position, order["strength"])
    ax.legend(
        handles=handles,
        loc="lower right",
        ncols=2,
        fontsize=7.5,
        frameon=False,
        columnspacing=0.8,
        handletextpad=0.3,
    )
    ax.set_xlim(-1.45, 1.45)
    ax.set_ylim(-1.4, 1.12)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    title = f"Your {_plural(len(chosen), 'strongest tie')}"
    if len(known) > len(chosen):
        title += f" (of {len(known):,} with a known strength)"
    if styled:
        grouped = int((groups < len(styled)).sum())
        title += (
            f": {grouped:,} in {_plural(len(styled), 'community', 'communities')} linked by"
            " group threads or a shared employer"
        )
    _title(ax, title)
    ax.set_xlabel(xlabel, fontsize=_SMALL)
    return ax


def _name_strongest(ax: Axes, G: nx.DiGraph, position: pd.DataFrame, strength: pd.Series) -> None:
    """Names of the strongest contacts in two columns beside the circle, with leader lines,
    at least a line apart."""
    named = strength.sort_values(ascending=False, kind="stable").index[:_NAMED]
    spots = position.loc[named]
    gap = 0.085
    for side in (1, -1):
        these = spots[(np.sign(spots["x"]) >= 0) == (side > 0)].sort_values("y", ascending=False)
        wanted = these["y"].to_numpy()
        placed = wanted.copy()
        for k in range(1, len(placed)):
            placed[k] = min(placed[k], placed[k - 1] - gap)
        shift = max(-1.05 - placed.min(), 0) if len(placed) else 0
        placed = placed + shift
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = max(placed[k], placed[k + 1] + gap)
        for (contact, spot), label_y in zip(these.iterrows(), placed, strict=True):
            node = G.nodes[contact]
            name = node.get("name") or node.get("label") or str(contact)
            ax.annotate(
                name,
                (spot["x"], spot["y"]),
                xytext=(side * 1.08, label_y),
                ha="left" if side > 0 else "right",
                va="center",
                fontsize=7.5,
                arrowprops={
                    "arrowstyle": "-",
                    "color": "#AAAAAA",
                    "linewidth": 0.6,
                    "shrinkA": 0,
                    "shrinkB": 3,
                },
                gid="contact-name",
                zorder=5,
                **_name_font(),
            )


#: Every chart, in report order: name -> (function, short title).
CHARTS: dict[str, tuple[Callable[..., Axes], str]] = {
    "quality_vs_quantity": (quality_vs_quantity, "Connections vs active ties"),
    "growth": (growth, "New connections and growth spikes"),
    "layers": (layers, "Dunbar layers"),
    "reconnect": (reconnect, "Ties worth reconnecting with"),
    "reciprocity": (reciprocity, "Who writes to whom"),
    "reply_times": (reply_times, "Reply times"),
    "ladder": (ladder, "Relationship ladder"),
    "invitations": (invitations, "Invitation quality"),
    "pitches": (pitches, "Pitches after connecting"),
    "activity_calendar": (activity_calendar, "Messages per day"),
    "network": (network, "Strongest ties"),
}
