"""Periodic PNG reports: a one-page dashboard and one picture per chart, period after period.

`render` turns an export (or several) into the report of one calendar period, the way a monthly
cron job would::

    OUT/
      history.csv             one row of `netkit.health_summary` per period, keyed by `period`
      2026-10/
        dashboard.png         the headline figures, their trend from history.csv, key charts
        quality_vs_quantity.png, growth.png, layers.png, reconnect.png, ...

Periods are calendar months, quarters or years. Without `as_of` the report covers the last
*complete* period before the export date (an export of 16 Nov 2026 gives October 2026); a given
`as_of` picks the period holding it. A period's figures are measured at its last instant
(``2026-10-31 23:59:59.999999 UTC``), so nothing that happened later counts; a period the export
ends inside is measured at the export's own `as_of` and said to be partial.

Running the same period again replaces its row of history.csv, so a cron job can be re-run
safely; the dashboard's trend reads that file. Several exports of the same account (a
`History`) make a history run: every period from the oldest export's last complete one on is
rendered from the newest export with the messages of all of them, so the trend starts full.

Every PNG is drawn on a `matplotlib.figure.Figure` with the Agg canvas (no pyplot state), saved
without metadata (no "Software" chunk, nothing personal) and freed at once: memory stays flat
over a long history run. With ``anonymize=True`` every person in every picture is a stable keyed
pseudonym (`netkit.privacy.Pseudonyms`): metrics that read words run on the original export
and only their person columns are mapped; counting metrics, the spikes' context and the network
picture run on `netkit.anonymize`'s copy under the same key.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import re
import secrets
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib
import pandas as pd
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure, SubFigure
from matplotlib.ticker import MaxNLocator, StrMethodFormatter
from tqdm import tqdm

from . import plot
from .errors import FileUnreadableError
from .export import Export, History, load_export, load_history
from .graph import build_graph, graph_measures
from .metrics import (
    dormant_ties,
    fading_ties,
    growth,
    growth_spikes,
    health_summary,
    invitation_quality,
    layers,
    pitch_after_connect,
    quality_vs_quantity,
    reciprocity,
    tie_strength,
)
from .metrics._common import as_of_timestamp
from .metrics.activity import activity
from .metrics.summary import SUMMARY_FIELDS, period_bounds
from .privacy import Pseudonyms, mask_text
from .privacy import anonymize as anonymize_export

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "HISTORY_FILE",
    "PERIODS",
    "Period",
    "PeriodError",
    "read_history",
    "render",
    "report_periods",
]

#: The name of the history file in the output folder.
HISTORY_FILE = "history.csv"
#: The length of each kind of period.
PERIODS = {
    "month": pd.DateOffset(months=1),
    "quarter": pd.DateOffset(months=3),
    "year": pd.DateOffset(years=1),
}
#: How each kind of period is labelled (`period_bounds`): ``2026-10``, ``2026Q4``, ``2026``.
_LABELS = {
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "quarter": re.compile(r"^\d{4}Q[1-4]$"),
    "year": re.compile(r"^\d{4}$"),
}
_ANY = re.compile(r".*")
_MICROSECOND = pd.Timedelta(microseconds=1)

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
_BLUE, _VERMILLION = "#0072B2", "#D55E00"
_GREY, _INK = "#6E6E6E", "#1A1A1A"


# -- periods -------------------------------------------------------------------------------------


class PeriodError(ValueError):
    """The period asked for is one the export cannot tell anything about."""


@dataclass(frozen=True)
class Period:
    """One calendar period of a report.

    Attributes
    ----------
    label : str
        ``"2026-10"``, ``"2026Q4"`` or ``"2026"``: the folder name and the `period` key of
        history.csv.
    start, end : pandas.Timestamp
        The first and the last instant (UTC) of the calendar period.
    as_of : pandas.Timestamp
        The instant the report measures at: `end`, or the export's own `as_of` when the export
        ends inside the period (then `partial` is true).
    """

    label: str
    start: pd.Timestamp
    end: pd.Timestamp
    as_of: pd.Timestamp

    @property
    def partial(self) -> bool:
        """Whether the export ends before the period does."""
        return self.as_of < self.end


def _period(stamp: pd.Timestamp, kind: str, export_as_of: pd.Timestamp) -> Period:
    start, label = period_bounds(stamp, kind)
    end = start + PERIODS[kind] - _MICROSECOND
    return Period(label=label, start=start, end=end, as_of=min(end, export_as_of))


def report_periods(
    export_as_of: pd.Timestamp,
    *,
    as_of: object = None,
    period: str = "month",
    since: object = None,
) -> list[Period]:
    """The periods a report covers, oldest first.

    Parameters
    ----------
    export_as_of : pandas.Timestamp
        The export's `as_of` (the last instant of its export date).
    as_of : date-like, optional
        A date inside the period to report (a date alone means that whole day). Default: the
        last complete period before the export date.
    period : {"month", "quarter", "year"}
        The kind of calendar period.
    since : date-like, optional
        Also report every period from the one holding this date on (a history run).

    Returns
    -------
    list of Period
        The periods from `since`'s (if earlier) to the selected one.

    Raises
    ------
    ValueError
        For an unknown `period`; `PeriodError` for a period that starts after the export date
        (the export cannot tell anything about it).

    Examples
    --------
    >>> import pandas as pd
    >>> export_date = pd.Timestamp("2026-11-16 23:59:59.999999", tz="UTC")
    >>> [p.label for p in report_periods(export_date)]
    ['2026-10']
    >>> [p.label for p in report_periods(export_date, period="quarter", since="2026-01-15")]
    ['2026Q1', '2026Q2', '2026Q3']
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}; got {period!r}")
    if as_of is None:
        start, _ = period_bounds(export_as_of, period)
        last = _period(start - _MICROSECOND, period, export_as_of)
    else:
        stamp = _as_stamp(as_of)
        last = _period(stamp, period, export_as_of)
        if last.start > export_as_of:
            raise PeriodError(
                f"as_of {stamp:%Y-%m-%d} is after the export date ({export_as_of:%Y-%m-%d}): "
                f"the export says nothing about {last.label}"
            )
    periods = [last]
    if since is not None:
        current = _period(_as_stamp(since), period, export_as_of)
        while current.start < last.start:
            periods.insert(len(periods) - 1, current)
            current = _period(current.end + _MICROSECOND, period, export_as_of)
    return periods


def _as_stamp(value: object) -> pd.Timestamp:
    """A date-like as a UTC timestamp; a date alone means the last instant of that day."""
    try:
        stamp = as_of_timestamp(None, value)  # type: ignore[arg-type]  # (no export needed)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a date: {value!r}") from exc
    if pd.isna(stamp):
        raise ValueError(f"not a date: {value!r}")
    return stamp


# -- history.csv ---------------------------------------------------------------------------------


def read_history(path: str | Path) -> pd.DataFrame:
    """Read a report's history.csv: one row of `netkit.health_summary` per period.

    Parameters
    ----------
    path : str or Path
        The file; a missing or empty file gives an empty history.

    Returns
    -------
    pandas.DataFrame
        The columns of `SUMMARY_FIELDS` (then any column a newer netkit added), `period` as
        text, `as_of` as UTC timestamps, sorted by `as_of` then `period`.

    Raises
    ------
    FileUnreadableError
        When the file is not a history netkit wrote (no ``period`` column, unreadable CSV).
    """
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype={"period": "str"})
    except FileNotFoundError:
        frame = pd.DataFrame(columns=list(SUMMARY_FIELDS))
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame(columns=list(SUMMARY_FIELDS))
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise FileUnreadableError(f"{path}: not a netkit history file ({exc})") from exc
    if "period" not in frame.columns:
        raise FileUnreadableError(
            f"{path}: not a netkit history file (expected a 'period' column; "
            "move it away or choose another output folder)"
        )
    return _tidy_history(frame)


def _tidy_history(frame: pd.DataFrame) -> pd.DataFrame:
    extra = [c for c in frame.columns if c not in SUMMARY_FIELDS]
    frame = frame.reindex(columns=[*SUMMARY_FIELDS, *extra]).dropna(subset=["period"])
    frame["period"] = frame["period"].astype("str")
    frame["as_of"] = pd.to_datetime(frame["as_of"], utc=True, format="ISO8601").astype(
        "datetime64[us, UTC]"
    )
    frame = frame.drop_duplicates("period", keep="last")
    return frame.sort_values(["as_of", "period"], kind="stable", ignore_index=True)


def _with_row(history: pd.DataFrame, summary: pd.Series) -> pd.DataFrame:
    """`history` with the period of `summary` added, or replaced if it was there."""
    row = pd.DataFrame([summary.reindex(list(SUMMARY_FIELDS)).to_dict()])
    kept = history[history["period"] != summary["period"]]
    frames = [frame for frame in (kept, row) if len(frame)]
    return _tidy_history(pd.concat(frames, ignore_index=True) if frames else row)


def _write_history(history: pd.DataFrame, path: Path) -> Path:
    with _replacing(path) as partial:
        history.to_csv(partial, index=False)
    return path


# -- what the charts are given -------------------------------------------------------------------

#: How a person column of a metric's result is pseudonymized (roles of `Pseudonyms.column`).
_PERSON_ROLES = {
    "person_id": "id",
    "sender_id": "id",
    "name": "name",
    "first_name": "first_name",
    "last_name": "last_name",
    "company": "company",
    "position": "title",
    "title": "title",
    "job_title": "title",
    "profile_url": "url",
    "email": "email",
    "message": "note",
}
#: The tables `netkit.anonymize` pseudonymizes first (the order decides rare collisions).
_NAMED_FIRST = ("connections", "people", "invitations", "endorsements", "recommendations")
#: Text columns of metric results that hold no person: kept as they are.
_PLAIN_TEXT = frozenset({"direction", "ladder", "label", "channel", "status", "period"})
#: List columns of metric results holding words of netkit's lexicons: kept as they are.
_WORD_LISTS = frozenset({"matched_words"})


class _Inputs:
    """The export a report is drawn from, with the pseudonyms of an anonymized report."""

    def __init__(self, ex: Export, *, anonymize: bool, key: bytes | str | None) -> None:
        self.ex = ex
        self.anonymize = anonymize
        if anonymize and key is None:
            key = secrets.token_bytes(32)  # one key for the whole run: consistent pseudonyms
        self.key = key
        self.pseudonyms = Pseudonyms(key) if anonymize else None
        if self.pseudonyms is not None:
            # Register names in the order `anonymize` does, so both give the same pseudonyms.
            for table in _NAMED_FIRST:
                self.pseudonyms.table(getattr(ex, table), table)

    @cached_property
    def anonymous(self) -> Export:
        """The export every text of which may be shown: `netkit.anonymize`'s copy, or itself."""
        return anonymize_export(self.ex, key=self.key) if self.anonymize else self.ex

    def private(self, frame: pd.DataFrame) -> pd.DataFrame:
        """`frame` with its person columns pseudonymized and other free texts masked."""
        if self.pseudonyms is None:
            return frame
        out = frame.copy(deep=False)
        for column in frame.columns:
            values = frame[column]
            role = _PERSON_ROLES.get(column)
            if values.dtype == object:  # lists of lexicon words are netkit's; anything else masked
                if column not in _WORD_LISTS:
                    out[column] = mask_text(values.astype("str"))
            elif not pd.api.types.is_string_dtype(values.dtype):
                continue  # numbers, flags, dates, the ladder's stages
            elif role is not None:
                out[column] = self.pseudonyms.column(values, role)
            elif column == "reason":
                out[column] = self._reason(frame)
            elif column not in _PLAIN_TEXT:
                out[column] = mask_text(values)
        out.attrs = dict(frame.attrs)
        return out

    def _reason(self, frame: pd.DataFrame) -> pd.Series:
        """A reconnect reason ("Talked on 14 days over 2 years, ... now at Globex.") with the
        row's company and name pseudonymized; its other words are netkit's own."""
        assert self.pseudonyms is not None
        reasons = frame["reason"].astype("str")
        for column, role in (("company", "company"), ("name", "name")):
            if column not in frame.columns:
                continue
            originals = frame[column].astype("str")
            pseudonyms = self.pseudonyms.column(originals, role)
            reasons = pd.Series(
                [
                    reason.replace(original, pseudonym)
                    if isinstance(reason, str) and isinstance(original, str) and original
                    else reason
                    for reason, original, pseudonym in zip(
                        reasons, originals, pseudonyms, strict=True
                    )
                ],
                index=reasons.index,
                dtype="str",
            )
        return reasons

    def graph(self, as_of: pd.Timestamp) -> nx.DiGraph:
        """The relationship graph; for an anonymized report built on the anonymized copy, with
        the tie strengths of the original (they read words, which the copy has masked)."""
        if not self.anonymize:
            return build_graph(self.ex, as_of=as_of)
        G = build_graph(self.anonymous, as_of=as_of, strength=False)
        strengths = self.private(tie_strength(self.ex, as_of=as_of)[["person_id", "score"]])
        score = strengths.dropna().drop_duplicates("person_id").set_index("person_id")["score"]
        for source, target, data in G.edges(data=True):
            if data.get("kind") == "direct":
                contact = target if source == G.graph["owner"] else source
                if contact in score.index:
                    data["strength"] = float(score[contact])
        return G


class _PeriodData:
    """Every metric a period's charts draw, each computed once, on first use."""

    def __init__(self, inputs: _Inputs, as_of: pd.Timestamp) -> None:
        self.inputs = inputs
        self.as_of = as_of
        self._given: dict[str, dict[str, Any]] = {}

    def given(self, chart: _Chart) -> dict[str, Any]:
        """What `chart` draws (computed once: the dashboard draws some charts again)."""
        if chart.file not in self._given:
            self._given[chart.file] = chart.data(self)
        return self._given[chart.file]

    def _original(self, metric: Callable[..., pd.DataFrame], **options: Any) -> pd.DataFrame:
        return self.inputs.private(metric(self.inputs.ex, as_of=self.as_of, **options))

    @cached_property
    def spikes(self) -> pd.DataFrame:
        return growth_spikes(self.inputs.anonymous, as_of=self.as_of)

    @cached_property
    def reciprocity(self) -> pd.DataFrame:
        return self._original(reciprocity)

    @cached_property
    def graph(self) -> nx.DiGraph:
        return self.inputs.graph(self.as_of)


@dataclass(frozen=True)
class _Chart:
    """One picture of a report: its file name, the `netkit.plot` function, what it is given."""

    file: str
    chart: str
    data: Callable[[_PeriodData], dict[str, Any]]
    figsize: tuple[float, float] = (9.0, 5.5)


#: The pictures of a report, in order; every chart of `netkit.plot.CHARTS` appears.
CHARTS: tuple[_Chart, ...] = (
    _Chart(
        "quality_vs_quantity",
        "quality_vs_quantity",
        lambda d: {"data": d._original(quality_vs_quantity), "spikes": d.spikes},
        (10.0, 5.5),
    ),
    _Chart(
        "growth",
        "growth",
        # Months, not weeks: a week's bar is a hairline over a decade of connections.
        lambda d: {"data": d._original(growth, freq="ME"), "spikes": d.spikes},
        (10.0, 5.5),
    ),
    _Chart("layers", "layers", lambda d: {"data": d._original(layers)}),
    _Chart("reconnect", "reconnect", lambda d: {"data": d._original(dormant_ties)}, (10.0, 6.5)),
    _Chart(
        "reconnect_fading", "reconnect", lambda d: {"data": d._original(fading_ties)}, (10.0, 6.5)
    ),
    _Chart("reciprocity", "reciprocity", lambda d: {"data": d.reciprocity}, (7.5, 7.0)),
    _Chart("reply_times", "reply_times", lambda d: {"data": d.reciprocity}),
    _Chart("ladder", "ladder", lambda d: {"data": d._original(tie_strength)}),
    _Chart("invitations", "invitations", lambda d: {"data": d._original(invitation_quality)}),
    _Chart("pitches", "pitches", lambda d: {"data": d._original(pitch_after_connect)}),
    _Chart(
        "activity_calendar",
        "activity_calendar",
        lambda d: {"data": d._original(activity)},
        (12.0, 3.6),
    ),
    _Chart(
        "network",
        "network",
        lambda d: {"data": d.graph, "measures": graph_measures(d.graph)},
        (9.0, 9.0),
    ),
)
#: The key charts of the dashboard (file names of `CHARTS`): the headline beside the trend,
#: then who to reconnect with and how deep the relationships go. Two to a row: at a third of
#: the page the ladder's labels and the reconnect reasons do not fit.
DASHBOARD_CHARTS = ("quality_vs_quantity", "reconnect", "ladder")
#: Options of the dashboard's smaller copies: the top 8 ties leave room for two-line reasons.
_DASHBOARD_OPTIONS: dict[str, dict[str, Any]] = {"reconnect": {"top": 8}}


# -- saving --------------------------------------------------------------------------------------


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` that replaces it when the block succeeds, so a report
    interrupted half-way never leaves a truncated file (the block creates the file: its mode
    follows the umask, as for any file)."""
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


#: Fonts tried, in order, for a character DejaVu Sans lacks (names in Chinese, Japanese, Korean,
#: Arabic, Hebrew, Devanagari, Thai...): whichever of them are installed.
_FALLBACK_FONTS = (
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK KR",
    "Source Han Sans",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Microsoft YaHei",
    "Yu Gothic",
    "Malgun Gothic",
    "PingFang SC",
    "Hiragino Sans",
    "Arial Unicode MS",
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Devanagari",
    "Noto Sans Thai",
)


def _fonts() -> dict[str, Any]:
    """The rcParams of a report: DejaVu Sans, then the installed fallback fonts."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    fallback = [name for name in _FALLBACK_FONTS if name in installed]
    order = ["DejaVu Sans", *fallback, *matplotlib.rcParams["font.sans-serif"]]
    return {"font.sans-serif": list(dict.fromkeys(order))}


def _new_figure(figsize: tuple[float, float], dpi: float) -> Figure:
    """A figure of our own, on the Agg canvas, outside pyplot (nothing keeps it alive)."""
    figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _save(figure: Figure, path: Path, dpi: float) -> Path:
    """Save `figure` as a PNG without metadata (no "Software" text chunk, nothing personal),
    then free it."""
    try:
        with _replacing(path) as partial, warnings.catch_warnings():
            # A chart with a single tiny data point can leave constrained layout nothing to
            # lay out (reply_times with one contact); matplotlib then keeps the plain layout,
            # which reads fine, and says so on stderr, which a cron job's reader does not need.
            warnings.filterwarnings("ignore", "constrained_layout not applied", UserWarning)
            # A name in a script no installed font has (see `_FALLBACK_FONTS`) shows as boxes;
            # one warning per glyph per picture would bury the report's one-line summary.
            warnings.filterwarnings("ignore", r"Glyph \d+ .* missing from font", UserWarning)
            figure.savefig(
                partial,
                format="png",
                dpi=dpi,
                metadata={"Software": None},
                pil_kwargs={"compress_level": 1},  # flat colours: level 1 is 2 % larger, faster
            )
    finally:
        figure.clear()
    return path


def _draw(chart: _Chart, data: _PeriodData, ax: Axes, **options: Any) -> Axes:
    """Draw `chart` of the period's `data` on `ax` with the `netkit.plot` function."""
    return getattr(plot, chart.chart)(ax=ax, **data.given(chart), **options)


# -- the dashboard -------------------------------------------------------------------------------

#: The dashboard's big numbers: (summary field, label, format, whether up is good).
_HEADLINES = (
    ("connections", "connections", "{:,.0f}", None),
    ("active_ties", "active ties\n(a message each way in 12 months)", "{:,.0f}", True),
    ("hoarding_ratio", "connections per active tie", "{:,.1f}", False),
    ("two_way_share", "of people you message\nwrite back and forth", "{:.0%}", True),
    ("dormant_ties", "dormant ties\n(close once, silent > 1 year)", "{:,.0f}", False),
    ("fading_ties", "fading ties\n(quieter than their rhythm)", "{:,.0f}", False),
    ("unanswered_inbound", "people who wrote to you\nand got no reply", "{:,.0f}", False),
    ("new_connections", "new connections\nthis period", "{:,.0f}", None),
)
#: The trend panels: (history column, label, colour, marker).
_TRENDS = (
    ("connections", "connections", _GREY, "s"),
    ("active_ties", "active ties", _BLUE, "o"),
    ("hoarding_ratio", "connections per active tie", _VERMILLION, "^"),
)


def _number(value: object, fmt: str) -> str:
    """A headline figure as shown; a dash when there was nothing to count or divide."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "–"
    return fmt.format(float(value))


def _change(now: object, before: object, fmt: str, up_is_good: bool | None) -> tuple[str, str]:
    """The change of a headline figure since the previous report, and its colour."""
    if pd.isna(now) or pd.isna(before):
        return "", _GREY
    delta = float(now) - float(before)  # type: ignore[arg-type]
    if delta == 0:
        return "no change", _GREY
    shown = f"{abs(delta) * 100:.0f} pts" if fmt.endswith("%}") else fmt.format(abs(delta))
    colour = _GREY if up_is_good is None else _BLUE if (delta > 0) == up_is_good else _VERMILLION
    return f"{'▲ +' if delta > 0 else '▼ −'}{shown}", colour


def _headlines(panel: SubFigure, summary: pd.Series, previous: pd.Series | None) -> None:
    """The big numbers: one figure of `summary` per column, its label below, and above it the
    change since the `previous` report (blue when it went the good way, vermillion when not)."""
    axes = panel.subplots(1, len(_HEADLINES))
    for ax, (field, label, fmt, up_is_good) in zip(axes, _HEADLINES, strict=True):
        ax.set_axis_off()
        value = summary[field]
        ax.text(
            0.5,
            0.62,
            _number(value, fmt),
            ha="center",
            va="baseline",
            fontsize=30,
            fontweight="bold",
            color=_INK,
            transform=ax.transAxes,
        )
        ax.text(
            0.5,
            0.50,
            label,
            ha="center",
            va="top",
            fontsize=10.5,
            color=_INK,
            linespacing=1.25,
            transform=ax.transAxes,
        )
        if previous is not None and field != "new_connections":
            change, colour = _change(value, previous[field], fmt, up_is_good)
            if change and change != "no change":
                change += f" since {previous['period']}"
            ax.text(
                0.5,
                0.97,
                change,
                ha="center",
                va="top",
                fontsize=10,
                color=colour,
                transform=ax.transAxes,
            )


def _trend(panel: SubFigure, history: pd.DataFrame) -> None:
    """Connections, active ties and the hoarding ratio of every report so far, one above the
    other on a shared time axis, the latest value written at the end of each line."""
    axes = panel.subplots(len(_TRENDS), 1, sharex=True)
    reports = f"{len(history)} report{'s' if len(history) != 1 else ''}"
    note = "it grows by one point with every period rendered" if len(history) < 3 else ""
    axes[0].set_title(
        f"Trend over {reports} (history.csv)" + (f"\n{note}" if note else ""),
        loc="left",
        fontsize=12,
        color=_INK,
    )
    when = history["as_of"].dt.tz_convert(None)
    for ax, (column, label, colour, marker) in zip(axes, _TRENDS, strict=True):
        values = pd.to_numeric(history[column], errors="coerce")
        ax.plot(when, values, color=colour, marker=marker, linewidth=2, markersize=7)
        ax.set_ylabel(label.replace(" per ", " per\n"), fontsize=10)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(labelsize=9.5)
        counts = column != "hoarding_ratio"
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=counts))
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}" if counts else "{x:,.1f}"))
        if values.notna().any():
            low, high = values.min(), values.max()
            if low == high:  # one value: a range around it, whole numbers for counts
                pad = max(1.0, abs(high) * 0.05)
                ax.set_ylim(low - pad, high + pad)
            last = values.last_valid_index()
            shown = f"{values[last]:,.1f}" if column == "hoarding_ratio" else f"{values[last]:,.0f}"
            ax.annotate(
                shown,
                (when[last], values[last]),
                xytext=(8, 0),
                textcoords="offset points",
                va="center",
                fontsize=10.5,
                color=colour,
                fontweight="bold",
            )
        else:
            ax.set_yticks([])
            ax.text(
                0.5,
                0.5,
                "no data yet",
                ha="center",
                va="center",
                color=_GREY,
                transform=ax.transAxes,
            )
    _period_ticks(axes[-1], history)


def _period_ticks(ax: Axes, history: pd.DataFrame) -> None:
    """Period labels as ticks when they fit (the date locator's choice otherwise), and some
    room on either side of a lone point."""
    when = history["as_of"].dt.tz_convert(None)
    if len(history) <= 12:
        ax.set_xticks(list(when), list(history["period"]))
        ax.tick_params(axis="x", labelrotation=30 if len(history) > 6 else 0)
    if len(history):
        margin = max((when.max() - when.min()) * 0.08, pd.Timedelta(days=20))
        ax.set_xlim(when.min() - margin, when.max() + margin * 2)


def _dashboard(
    data: _PeriodData,
    period: Period,
    summary: pd.Series,
    history: pd.DataFrame,
    dpi: float,
) -> Figure:
    """The one-page dashboard: the title and the big numbers (with their change since the
    previous report of the same kind), the headline chart beside the trend of history.csv up
    to this period, then the other key charts."""
    figure = _new_figure((18.0, 14.0), dpi)
    header, middle, bottom = figure.subfigures(3, 1, height_ratios=[1.3, 4.4, 4.6])
    kind = _kind(period.label)
    measured = f"{period.as_of:%d %b %Y}"
    subtitle = (
        f"measured on {measured}: a partial {kind}, the export ends before the {kind} does"
        if period.partial
        else f"measured at the end of the {kind}, {measured}"
    )
    header.suptitle(
        f"Network health, {_long_label(period.label, kind)}  ·  {subtitle}",
        x=0.01,
        ha="left",
        fontsize=16,
        color=_INK,
        fontweight="bold",
    )
    same_kind = history[history["period"].str.match(_LABELS.get(kind, _ANY).pattern)]
    shown = same_kind[same_kind["as_of"] <= summary["as_of"]]
    earlier = shown[shown["period"] != summary["period"]]
    _headlines(header, summary, earlier.iloc[-1] if len(earlier) else None)

    headline, trend = middle.subfigures(1, 2, width_ratios=[1.8, 1])
    charts = {chart.file: chart for chart in CHARTS}
    _draw(charts[DASHBOARD_CHARTS[0]], data, headline.subplots())
    _trend(trend, shown)
    panels = bottom.subfigures(1, 2, width_ratios=[1.15, 1])
    for panel, name in zip(panels, DASHBOARD_CHARTS[1:], strict=True):
        _draw(charts[name], data, panel.subplots(), **_DASHBOARD_OPTIONS.get(name, {}))
    return figure


def _kind(label: str) -> str:
    """``"month"``, ``"quarter"`` or ``"year"``, from a period label."""
    return next((kind for kind, pattern in _LABELS.items() if pattern.match(label)), "period")


def _long_label(label: str, kind: str) -> str:
    """``"October 2026"``, ``"Q4 2026"``, ``"2026"``."""
    if kind == "month":
        return f"{pd.Timestamp(label + '-01'):%B %Y}"
    if kind == "quarter":
        return f"{label[-2:]} {label[:4]}"
    return label


# -- render --------------------------------------------------------------------------------------


def _is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _source(
    source: Export | History | str | Path | Sequence[str | Path],
) -> tuple[Export, pd.Timestamp | None]:
    """The export to report on, and for a history the oldest snapshot's export date."""
    if isinstance(source, Export):
        return source, None
    if isinstance(source, History):
        oldest = source.snapshots[0].as_of if len(source.snapshots) > 1 else None
        return source.latest, oldest
    if isinstance(source, str | os.PathLike):
        return load_export(source), None
    paths = list(source)
    if len(paths) == 1:
        return load_export(paths[0]), None
    return _source(load_history(paths))


def render(
    source: Export | History | str | Path | Sequence[str | Path],
    out_dir: str | Path,
    *,
    as_of: object = None,
    period: str = "month",
    anonymize: bool = False,
    key: bytes | str | None = None,
    progress: bool | None = None,
    since: object = None,
    dpi: float = 100,
) -> list[Path]:
    """Render the PNG report of a calendar period and record it in history.csv.

    Writes ``OUT/<period>/dashboard.png`` (the headline figures of `netkit.health_summary`,
    their trend from history.csv, and the key charts), one PNG per chart of `netkit.plot`
    (``OUT/<period>/<chart>.png``), and adds the period's row to ``OUT/history.csv``,
    replacing the row of the same period if there is one.

    Parameters
    ----------
    source : Export, History, path or list of paths
        The export; several paths are read with `netkit.load_history` (any order) and, like a
        `History`, make a history run: every period from the last complete one before the
        oldest export's date to the selected one is rendered, from the newest export with the
        messages of all of them.
    out_dir : str or Path
        The report folder (created if needed).
    as_of : date-like, optional
        A date inside the period to report. Default: the last complete period before the
        export date. A period is measured at its last instant, or at the export's `as_of` if
        the export ends inside it.
    period : {"month", "quarter", "year"}, default "month"
        Calendar months (``2026-10``), quarters (``2026Q4``) or years (``2026``).
    anonymize : bool, default False
        Show every person as a stable keyed pseudonym (`netkit.anonymize`): no name, email,
        profile URL or slug in any file written.
    key : bytes or str, optional
        The secret behind the pseudonyms; give the same key every month to keep the same
        pseudonyms. None draws a random key for this run. Only with ``anonymize=True``.
    progress : bool, optional
        Show a progress bar on stderr; default: only when stderr is a terminal.
    since : date-like, optional
        Also render every period from the one holding this date on (a history run from one
        export). Default: none for an export; for a history, the last complete period before
        the oldest snapshot's date.
    dpi : float, default 100
        Resolution of the PNGs (the dashboard is 18 x 14 inches).

    Returns
    -------
    list of Path
        Every file written: each period's PNGs (its dashboard first), then history.csv.

    Raises
    ------
    ExportError
        When the export cannot be read, or OUT/history.csv is not a history file.
    OSError
        When `out_dir` cannot be written.
    PeriodError
        For an `as_of` after the export date (a `ValueError`).
    ValueError
        For an unknown `period`, or a `key` without ``anonymize=True``.

    Examples
    --------
    >>> import netkit as nk
    >>> paths = nk.report.render(
    ...     "data/sample/Complete_LinkedInDataExport_11-16-2026.zip", "netkit-report"
    ... )  # doctest: +SKIP
    >>> paths[0]  # doctest: +SKIP
    PosixPath('netkit-report/2026-10/dashboard.png')
    """
    if key is not None and not anonymize:
        raise ValueError("key is only used with anonymize=True")
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}; got {period!r}")
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder (a file has that name)", out_dir)
    ex, oldest = _source(source)
    if since is None and oldest is not None:
        since = report_periods(oldest, period=period)[0].end
    periods = report_periods(ex.as_of, as_of=as_of, period=period, since=since)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    history_path = out / HISTORY_FILE
    history = read_history(history_path)
    inputs = _Inputs(ex, anonymize=anonymize, key=key)
    show = _is_terminal(sys.stderr) if progress is None else progress
    written: list[Path] = []
    steps = len(periods) * (len(CHARTS) + 2)
    with (
        matplotlib.rc_context(_fonts()),
        tqdm(total=steps, disable=not show, file=sys.stderr, unit="step", leave=False) as bar,
    ):
        for current in periods:
            folder = out / current.label
            folder.mkdir(exist_ok=True)
            bar.set_description(f"{current.label} summary")
            summary = health_summary(ex, as_of=current.as_of, period=period)
            history = _with_row(history, summary)
            bar.update()
            data = _PeriodData(inputs, current.as_of)
            pictures = []
            for chart in CHARTS:
                bar.set_description(f"{current.label} {chart.file}")
                figure = _new_figure(chart.figsize, dpi)
                _draw(chart, data, figure.add_subplot())
                pictures.append(_save(figure, folder / f"{chart.file}.png", dpi))
                bar.update()
            bar.set_description(f"{current.label} dashboard")
            dashboard = _dashboard(data, current, summary, history, dpi)
            written.append(_save(dashboard, folder / "dashboard.png", dpi))
            written.extend(pictures)
            _write_history(history, history_path)
            bar.update()
    written.append(history_path)
    return written
