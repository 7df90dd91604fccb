"""Growth, growth spikes, and quality versus quantity.

Quantity is how many connections the owner has; quality is how many of them are live
relationships. A network that jumps from 100 to 600 connections in a week has been hoarded, not
grown; a network whose connections keep climbing while the number of people the owner actually
talks with stays flat is getting wider, not deeper. These three metrics put numbers on both:

- :func:`growth`: new connections per calendar period, and who asked (owner or other side);
- :func:`growth_spikes`: the periods of improbably fast growth, with what happened around them
  and a label (``hoarding-like`` or ``earned``);
- :func:`quality_vs_quantity`: cumulative connections beside active (two-way) ties over time;
  a tie is active on one-to-one messages only (group threads do not count as an exchange).

Periods are calendar periods named by pandas 3 aliases (``"D"``, ``"W"``, ``"ME"``, ``"QE"``,
``"YE"``, multiples such as ``"2W"`` too). Rows are keyed by ``period_end``, the last instant
of the period (``2025-03-31 23:59:59.999999+00:00``), which is also the `as_of` a report for that
period uses; the last period ends at `as_of` itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from pandas.tseries.frequencies import to_offset

from .._distinct import grouped_order, positions_in
from ..events import invitation_behind
from ._common import (
    as_of_timestamp,
    coded_until,
    direct_until,
    empty_frame,
    memoized,
    record,
    rows_until,
    shared,
)
from .invitations import is_default_note

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..export import Export

__all__ = ["growth", "growth_spikes", "quality_vs_quantity"]

GROWTH_COLUMNS = {
    "period_start": "datetime64[us, UTC]",
    "period_end": "datetime64[us, UTC]",
    "new_connections": "int64",
    "cumulative": "int64",
    "outgoing": "int64",
    "incoming": "int64",
    "unknown": "int64",
}
SPIKE_COLUMNS = {
    "start": "datetime64[us, UTC]",
    "end": "datetime64[us, UTC]",
    "count": "int64",
    "baseline": "float64",
    "ratio": "float64",
    "p_value": "float64",
    "outgoing_share": "float64",
    "known_share": "float64",
    "note_share": "float64",
    "followed_up_share": "float64",
    "label": "str",
    "context": "str",
}
QUALITY_COLUMNS = {
    "period_end": "datetime64[us, UTC]",
    "connections": "int64",
    "active_ties": "int64",
    "active_share": "float64",
    "hoarding_ratio": "float64",
}

#: LinkedIn's default invitation sentence: a note nobody wrote (``has_note`` is still true).
#: Calendar periods that end on a date (``"MS"`` or ``"h"`` would not make a period end).
_PERIOD_END_OFFSETS = (
    pd.offsets.Day,
    pd.offsets.Week,
    pd.offsets.MonthEnd,
    pd.offsets.QuarterEnd,
    pd.offsets.YearEnd,
)
_DAY = pd.Timedelta(days=1)
_TICK = pd.Timedelta(microseconds=1)
_TRIM = 0.1  # share of the trailing periods cut from each end by the trimmed mean

_CONNECTIONS_REASON = "no connections on or before as_of (Connections.csv missing or empty)"


# ---------------------------------------------------------------------------------------------
# growth
# ---------------------------------------------------------------------------------------------
@memoized
def growth(ex: Export, *, freq: str = "W", as_of: object = None) -> pd.DataFrame:
    """New connections per calendar period, and who sent the invitation.

    Every connection in Connections.csv counts, hidden members included: they are connections
    that happened, even if LinkedIn no longer shows who they are. Where Invitations.csv holds
    the invitation (LinkedIn keeps only recent ones), the connection is ``outgoing`` (the owner
    asked) or ``incoming`` (the other side asked); otherwise it is ``unknown``, never a guess.
    Every period from the first connection's to `as_of` has a row, quiet ones included.

    Parameters
    ----------
    ex : Export
        The export.
    freq : str, default "W"
        Calendar period, as a pandas 3 alias ending on a date: ``"D"``, ``"W"`` (weeks ending on
        Sunday; ``"W-MON"``...), ``"ME"``, ``"QE"``, ``"YE"``, or a multiple such as ``"2W"``.
    as_of : date-like, optional
        Ignore everything after this instant (default ``ex.as_of``; a date alone means the end
        of that day).

    Returns
    -------
    pandas.DataFrame
        One row per period, indexed by ``period_end`` (a `DatetimeIndex`, also a column):

        ``period_start``, ``period_end``
            First and last instant of the period (UTC); the last period ends at `as_of`.
        ``new_connections``
            Connections dated in the period.
        ``cumulative``
            Connections dated up to the end of the period.
        ``outgoing``, ``incoming``, ``unknown``
            ``new_connections`` split by who asked: the direction of the latest invitation
            exchanged with that person up to `as_of`, ``unknown`` when Invitations.csv does not
            hold one or the member is hidden.

        ``attrs["params"]`` records `freq` and `as_of`; an export without connections up to
        `as_of` gives an empty frame with ``attrs["reason"]``.

    Raises
    ------
    ValueError
        If `freq` is not a calendar period that ends on a date.

    Examples
    --------
    >>> weekly = nk.growth(ex)  # doctest: +SKIP
    >>> weekly[["new_connections", "outgoing"]].tail()  # doctest: +SKIP
    """
    as_of = as_of_timestamp(ex, as_of)
    offset = _period_offset(freq)
    connections = _connections_until(ex, as_of)
    if connections.empty:
        return record(_indexed(empty_frame(GROWTH_COLUMNS, _CONNECTIONS_REASON)), as_of, freq=freq)
    periods = _periods(connections["connected_on"].min(), as_of, offset)
    slot = _slot(periods, connections["connected_on"])
    size = len(periods)

    def per_period(mask: np.ndarray | None = None) -> np.ndarray:
        chosen = slot if mask is None else slot[mask]
        return np.bincount(chosen, minlength=size).astype("int64")

    who = connections["who_asked"].to_numpy()
    result = periods.assign(
        new_connections=per_period(),
        outgoing=per_period(who == "outgoing"),
        incoming=per_period(who == "incoming"),
        unknown=per_period(who == "unknown"),
    )
    result["cumulative"] = result["new_connections"].cumsum()
    result = _indexed(result[list(GROWTH_COLUMNS)].astype(GROWTH_COLUMNS))
    return record(result, as_of, freq=freq)


# ---------------------------------------------------------------------------------------------
# growth_spikes
# ---------------------------------------------------------------------------------------------
@memoized
def growth_spikes(
    ex: Export,
    *,
    freq: str = "D",
    as_of: object = None,
    baseline_window: str = "90D",
    baseline: Literal["trimmed_mean", "median"] = "trimmed_mean",
    baseline_floor: float = 0.2,
    alpha: float = 0.01,
    correction: Literal["bh", "bonferroni"] = "bh",
    min_ratio: float = 2.0,
    max_gap: str = "2D",
    driven_share: float = 0.75,
    min_known_share: float = 0.5,
    max_note_share: float = 0.1,
    max_followed_up_share: float = 0.1,
    follow_up: str = "30D",
    context_window: str = "14D",
) -> pd.DataFrame:
    """Bursts of new connections far above the owner's own recent rate, explained.

    A spike is a run of periods in which the owner gained improbably many connections compared
    with their own recent past. Most days bring no new connection at all, so an average and a
    standard deviation (a z-score) would call every ordinary day with two connections unusual;
    instead each period's count is compared with what a steady rate would plausibly produce:

    1. *Baseline*: the typical count per period over the trailing `baseline_window` (the
       period itself excluded), as a 10 % trimmed mean (the highest and lowest tenth of the
       trailing periods are left out, so an earlier burst does not raise the bar) or, with
       ``baseline="median"``, the median. It is never below `baseline_floor` connections a day,
       so a run of empty days does not make every single connection a spike.
    2. *Test*: the probability that a steady (Poisson) stream at the baseline rate gives at
       least the observed count: the upper tail of the Poisson distribution.
    3. *Correction*: many periods are tested, so some would look improbable by chance alone.
       The p-values are adjusted for the number of periods tested, by Benjamini & Hochberg
       (1995, "Controlling the false discovery rate", *J. R. Stat. Soc. B* 57:289-300) or by
       Bonferroni, and a period is flagged when its adjusted p-value is at most `alpha` and
       its count is at least `min_ratio` times the baseline (improbable *and* large).
    4. Flagged periods closer than `max_gap` merge into one spike window.

    Periods in the first `baseline_window` of the history have no baseline yet and are not
    tested. Each spike is then labelled from what the export says about it:

    - ``"hoarding-like"``: outgoing-driven (the owner sent the invitations of at least
      `driven_share` of the burst's connections whose direction is known, and the direction
      is known for at least `min_known_share` of them), with almost no invitation notes (at
      most `max_note_share` of the owner's invitations carried one; LinkedIn's default sentence
      is no note) and almost no follow-up (at most `max_followed_up_share` of the new
      connections exchanged a message within `follow_up` of connecting);
    - ``"earned"``: inbound-driven (the other side asked for at least `driven_share`), after a
      new job (Positions), an event (Events) or a post of the owner's (Shares) dated from
      `context_window` before the spike to its end;
    - missing otherwise: the export cannot tell.

    Parameters
    ----------
    ex : Export
        The export.
    freq : str, default "D"
        Calendar period tested, as in :func:`growth`.
    as_of : date-like, optional
        Ignore everything after this instant (default ``ex.as_of``).
    baseline_window : str, default "90D"
        How far back the baseline looks.
    baseline : {"trimmed_mean", "median"}, default "trimmed_mean"
        Robust statistic of the trailing counts. The median is the most robust but moves in
        whole numbers, which under-states rates between 0 and 1 a day (the median of a quiet
        stream of 0.6 a day is 0); the trimmed mean follows such rates.
    baseline_floor : float, default 0.2
        Lowest baseline, in connections per day (scaled to the period's length).
    alpha : float, default 0.01
        Largest adjusted p-value flagged: with ``"bh"``, at most this share of the flagged
        periods is expected to be chance.
    correction : {"bh", "bonferroni"}, default "bh"
        Benjamini-Hochberg (false discovery rate) or Bonferroni (family-wise error).
    min_ratio : float, default 2.0
        Smallest count / baseline ratio flagged.
    max_gap : str, default "2D"
        Flagged periods separated by at most this much unflagged time (a weekend) form one
        spike; adjacent flagged periods always merge.
    driven_share, min_known_share : float, default 0.75 and 0.5
        When a spike counts as outgoing- or inbound-driven (see above).
    max_note_share, max_followed_up_share : float, default 0.1
        "No notes" and "no follow-up", allowing a stray exception.
    follow_up : str, default "30D"
        How soon after connecting a message counts as a follow-up.
    context_window : str, default "14D"
        How far before and after a spike job changes, events and posts are reported in
        ``context`` (and, before the spike, count as its cause for ``earned``).

    Returns
    -------
    pandas.DataFrame
        One row per spike, oldest first:

        ``start``, ``end``
            First instant of its first period and last instant of its last period (UTC).
        ``count``
            New connections from ``start`` to ``end``, hidden members included.
        ``baseline``
            The connections the baseline rate expects over the same periods.
        ``ratio``
            ``count / baseline``.
        ``p_value``
            The smallest adjusted p-value of its periods.
        ``outgoing_share``
            Of the connections whose direction Invitations.csv tells, the share the owner
            asked for (NaN when none is known).
        ``known_share``
            Share of the spike's connections whose direction is known.
        ``note_share``
            Share of the owner's invitations to them that carried a written note (NaN
            without any).
        ``followed_up_share``
            Share of them (hidden members aside) with a message either way within
            `follow_up` of connecting, up to `as_of` (NaN without a messages file).
        ``label``
            ``"hoarding-like"``, ``"earned"`` or missing.
        ``context``
            What happened within `context_window` of the spike: job changes, events and the
            owner's posts, dated, separated by ``"; "`` (missing when nothing did).

        ``attrs["params"]`` records every threshold, ``attrs["periods_tested"]`` the number
        of periods tested; ``attrs["reason"]`` says why a result is empty when nothing could be
        tested (no connections, or a history shorter than `baseline_window`). An empty
        result with no reason means no spike.

    Raises
    ------
    ValueError
        If `freq`, `baseline` or `correction` is not one of the accepted values.
    """
    as_of = as_of_timestamp(ex, as_of)
    if baseline not in ("trimmed_mean", "median"):
        raise ValueError(f"baseline={baseline!r}: use 'trimmed_mean' or 'median'")
    if correction not in ("bh", "bonferroni"):
        raise ValueError(f"correction={correction!r}: use 'bh' or 'bonferroni'")
    params = {
        "freq": freq,
        "baseline_window": baseline_window,
        "baseline": baseline,
        "baseline_floor": baseline_floor,
        "alpha": alpha,
        "correction": correction,
        "min_ratio": min_ratio,
        "max_gap": max_gap,
        "driven_share": driven_share,
        "min_known_share": min_known_share,
        "max_note_share": max_note_share,
        "max_followed_up_share": max_followed_up_share,
        "follow_up": follow_up,
        "context_window": context_window,
    }
    series = growth(ex, freq=freq, as_of=as_of)
    if series.empty:
        return _no_spikes(as_of, params, series.attrs["reason"], tested=0)
    windows, tested = _find_spikes(
        series,
        baseline_window=pd.Timedelta(baseline_window),
        baseline=baseline,
        baseline_floor=baseline_floor,
        alpha=alpha,
        correction=correction,
        min_ratio=min_ratio,
        max_gap=pd.Timedelta(max_gap),
    )
    if tested == 0:
        reason = (
            f"no period has baseline_window={baseline_window} of history before it: the "
            "history is too short (or freq too long for the window), nothing was tested"
        )
        return _no_spikes(as_of, params, reason, tested=0)
    if windows.empty:
        return _no_spikes(as_of, params, None, tested=tested)
    windows = windows.join(_window_profile(ex, windows, as_of, follow_up=pd.Timedelta(follow_up)))
    happenings = _happenings(ex, as_of)
    around = pd.Timedelta(context_window)
    windows["context"] = _context(windows, happenings, around)
    inbound_driven = (1 - windows["outgoing_share"]) >= driven_share
    outgoing_driven = windows["outgoing_share"] >= driven_share
    known = windows["known_share"] >= min_known_share
    hoarding = (
        known
        & outgoing_driven
        & (windows["note_share"].fillna(0) <= max_note_share)
        & (windows["followed_up_share"].fillna(0) <= max_followed_up_share)
    )
    earned = known & inbound_driven & _has_cause(windows, happenings, around)
    windows["label"] = pd.Series(
        np.select([hoarding, earned], ["hoarding-like", "earned"], ""), index=windows.index
    ).replace("", pd.NA)
    result = windows[list(SPIKE_COLUMNS)].astype(SPIKE_COLUMNS).reset_index(drop=True)
    result = record(result, as_of, **params)
    result.attrs["periods_tested"] = tested
    return result


# ---------------------------------------------------------------------------------------------
# quality_vs_quantity
# ---------------------------------------------------------------------------------------------
@memoized
def quality_vs_quantity(
    ex: Export, *, freq: str = "ME", window: str = "365D", as_of: object = None
) -> pd.DataFrame:
    """Connections (quantity) beside active two-way relationships (quality), over time.

    Relationships wither without contact (Roberts & Dunbar 2011, "The costs of family and
    friends: an 18-month longitudinal study of relationship maintenance and decay", *Evolution
    and Human Behavior* 32:186-197), and people keep up only a few dozen close ones, online as
    offline (Dunbar et al. 2015, "The structure of online social networks mirrors those in the
    offline world", *Social Networks* 43:39-47). So at the end of every period this counts the
    connections the owner has, and the *active ties*: contacts with at least one one-to-one
    message each way within the trailing `window` (a group thread is not a relationship: group
    threads do not count as an exchange). A growing ``hoarding_ratio`` means the network is getting
    wider, not deeper.

    Parameters
    ----------
    ex : Export
        The export.
    freq : str, default "ME"
        Calendar period, as in :func:`growth`.
    window : str, default "365D"
        How far back a message keeps a tie active: a contact is active at a period's end when
        both a one-to-one message from the owner and one from them fall within this window
        before it.
    as_of : date-like, optional
        Ignore everything after this instant (default ``ex.as_of``); the last period ends here.

    Returns
    -------
    pandas.DataFrame
        One row per period from the first connection's to `as_of`, indexed by ``period_end``
        (a `DatetimeIndex`, also a column):

        ``period_end``
            Last instant of the period (UTC); the last row is `as_of`.
        ``connections``
            Connections dated up to then (hidden members included).
        ``active_ties``
            Contacts (connected or not: a relationship is what counts) with at least one
            one-to-one message each way in the `window` ending then. Group threads do not
            count as an exchange: two members who both wrote in one are not an active tie.
        ``active_share``
            ``active_ties / connections``.
        ``hoarding_ratio``
            ``connections / active_ties``: connections per live relationship; NaN when there
            is no active tie (``active_share`` 0 tells that story).

        ``attrs["params"]`` records `freq`, `window` and `as_of`. Without connections, or
        without a messages file (active ties cannot be told), the frame is empty with
        ``attrs["reason"]``.

    Raises
    ------
    ValueError
        If `freq` is not a calendar period that ends on a date.
    """
    as_of = as_of_timestamp(ex, as_of)
    offset = _period_offset(freq)
    span = pd.Timedelta(window)
    params = {"freq": freq, "window": window}
    if "messages" not in set(ex.files["kind"].dropna()):
        reason = "no messages file: whether ties are active cannot be told"
        return record(_indexed(empty_frame(QUALITY_COLUMNS, reason)), as_of, **params)
    connected = rows_until(ex.connections, "connected_on", as_of)["connected_on"]
    if connected.empty:
        return record(_indexed(empty_frame(QUALITY_COLUMNS, _CONNECTIONS_REASON)), as_of, **params)
    periods = _periods(connected.min(), as_of, offset)
    ends = _micros(periods["period_end"])
    connections = np.searchsorted(np.sort(_micros(connected)), ends, side="right")
    direct = direct_until(ex, as_of)
    active = _active_tie_counts(
        direct.person, direct.direction == 0, direct.timestamp, ends, _micros_of(span)
    )
    result = pd.DataFrame(
        {
            "period_end": periods["period_end"].to_numpy(),
            "connections": connections.astype("int64"),
            "active_ties": active.astype("int64"),
        }
    )
    result["active_share"] = result["active_ties"] / result["connections"]
    result["hoarding_ratio"] = result["connections"] / result["active_ties"].where(
        result["active_ties"] > 0
    )
    result = _indexed(result.astype(QUALITY_COLUMNS))
    return record(result, as_of, **params)


# ---------------------------------------------------------------------------------------------
# periods
# ---------------------------------------------------------------------------------------------
def _period_offset(freq: str) -> pd.DateOffset:
    """The pandas offset of `freq`, checked to be a calendar period that ends on a date."""
    try:
        offset = to_offset(freq)
    except ValueError:
        offset = None
    week_without_day = isinstance(offset, pd.offsets.Week) and offset.weekday is None
    if not isinstance(offset, _PERIOD_END_OFFSETS) or week_without_day:
        raise ValueError(
            f"freq={freq!r}: use a calendar period that ends on a date, such as "
            "'D', 'W', 'ME', 'QE' or 'YE'"
        )
    return offset


def _periods(first: pd.Timestamp, as_of: pd.Timestamp, offset: pd.DateOffset) -> pd.DataFrame:
    """The calendar periods from the one holding `first` to the one holding `as_of`.

    The index holds each period's label, the midnight of its last day (pandas' convention);
    ``period_start`` and ``period_end`` are its first and last instants, the last period ending
    at `as_of`.
    """
    first_day, last_day = first.normalize(), as_of.normalize()
    labels = pd.date_range(first_day, last_day + offset, freq=offset, unit="us")
    labels = labels[: labels.searchsorted(last_day, side="left") + 1]
    starts = labels[:-1] + _DAY
    starts = starts.insert(0, labels[0] - offset + _DAY)
    ends = labels + _DAY - _TICK
    ends = ends.where(ends <= as_of, as_of)
    return pd.DataFrame({"period_start": starts, "period_end": ends}, index=labels)


def _slot(periods: pd.DataFrame, timestamps: pd.Series) -> np.ndarray:
    """The position in `periods` of each timestamp's period."""
    return periods.index.searchsorted(timestamps.dt.normalize(), side="left")


def _indexed(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` indexed by its ``period_end`` column (kept as a column too)."""
    frame.index = pd.DatetimeIndex(frame["period_end"]).rename(None)
    return frame


def _micros(values: pd.Series | pd.Index) -> np.ndarray:
    """UTC timestamps as int64 microseconds since the epoch."""
    return pd.DatetimeIndex(values).as_unit("us").asi8


def _micros_of(span: pd.Timedelta) -> int:
    return int(span / _TICK)


# ---------------------------------------------------------------------------------------------
# connections and who asked
# ---------------------------------------------------------------------------------------------
def _connections_until(ex: Export, as_of: pd.Timestamp) -> pd.DataFrame:
    """Connections dated up to `as_of` with ``who_asked`` and ``noted``.

    ``who_asked`` is the direction of the invitation that led to the connection (the last one
    with that person sent by the day of the connection, see `netkit.events.invitation_behind`;
    ``unknown`` without one, or for a hidden member); ``noted`` is whether it carried a written
    note (LinkedIn's default sentence is not one).
    """

    def compute() -> pd.DataFrame:
        columns = ["person_id", "connected_on"]
        connections = rows_until(ex.connections, "connected_on", as_of)[columns]
        behind = invitation_behind(connections, rows_until(ex.invitations, "sent_at", as_of))
        noted = behind["has_note"].fillna(False).astype(bool) & ~is_default_note(behind["message"])
        return connections.assign(who_asked=behind["direction"].fillna("unknown"), noted=noted)

    # growth and growth_spikes both read it
    return shared(ex, ("connections_until",), as_of, compute).copy(deep=False)


# ---------------------------------------------------------------------------------------------
# the spike test
# ---------------------------------------------------------------------------------------------
def _find_spikes(
    series: pd.DataFrame,
    *,
    baseline_window: pd.Timedelta,
    baseline: str,
    baseline_floor: float,
    alpha: float,
    correction: str,
    min_ratio: float,
    max_gap: pd.Timedelta,
) -> tuple[pd.DataFrame, int]:
    """The spike windows of a :func:`growth` table, and the number of periods tested."""
    tests = _test_periods(
        series,
        window=baseline_window,
        statistic=baseline,
        floor=baseline_floor,
        correction=correction,
    )
    flagged = (
        tests["tested"]
        & (tests["p_adjusted"] <= alpha)
        & (tests["count"] >= min_ratio * tests["expected"])
    )
    windows = _spike_windows(tests, flagged.to_numpy(), max_gap=max_gap)
    return windows, int(tests["tested"].sum())


def _test_periods(
    series: pd.DataFrame,
    *,
    window: pd.Timedelta,
    statistic: str,
    floor: float,
    correction: str,
) -> pd.DataFrame:
    """Each period's count, expected count, raw and adjusted p-value, and whether it is tested.

    The expected count is the trailing robust statistic over the periods starting within
    `window` before this one, scaled to the share of the period up to `as_of` (the last period
    can be cut short), and at least `floor` a day.
    """
    starts = pd.DatetimeIndex(series["period_start"])
    counts = pd.Series(series["new_connections"].to_numpy(dtype="float64"), index=starts)
    if statistic == "median":
        typical = counts.rolling(window, closed="left").median()
    else:
        typical = pd.Series(_trailing_trimmed_mean(_micros(starts), counts.to_numpy(), window))
    covered = (series["period_end"] - series["period_start"] + _TICK).to_numpy() / _DAY
    labels = pd.DatetimeIndex(series["period_end"]).normalize()
    full = (labels + _DAY - starts).to_numpy() / _DAY
    expected = np.fmax(typical.to_numpy() * covered / full, floor * covered)
    tested = (starts >= starts[0] + window) & ~np.isnan(typical.to_numpy())
    count = series["new_connections"].to_numpy()
    p_value = np.ones(len(series))
    p_value[tested] = _poisson_upper_tail(count[tested], expected[tested])
    p_adjusted = np.ones(len(series))
    p_adjusted[tested] = _adjust(p_value[tested], correction)
    return pd.DataFrame(
        {
            "start": _micros(series["period_start"]),
            "end": _micros(series["period_end"]),
            "count": count,
            "expected": expected,
            "p_value": p_value,
            "p_adjusted": p_adjusted,
            "tested": tested,
        }
    )


def _trimmed_mean(values: np.ndarray) -> float:
    """The mean of `values` without the highest and lowest tenth (scipy's ``trim_mean``)."""
    ordered = np.sort(values)
    cut = int(_TRIM * ordered.size)
    return float(ordered[cut : ordered.size - cut].mean())


def _trailing_trimmed_mean(
    starts: np.ndarray, values: np.ndarray, window: pd.Timedelta
) -> np.ndarray:
    """`_trimmed_mean` of the `values` whose start (sorted microseconds) falls within `window`
    before each one's, that one left out; NaN where there is none.

    What ``rolling(window, closed="left").apply(_trimmed_mean)`` gives, to the last bit, without
    a Python call per period: the windows of each length are sorted together, as rows of one
    array (a daily series over ten years has a handful of lengths).
    """
    first = np.searchsorted(starts, starts - _micros_of(window), side="left")
    size = np.arange(len(values)) - first
    typical = np.full(len(values), np.nan)
    for length in np.unique(size[size > 0]).tolist():
        rows = np.flatnonzero(size == length)
        ordered = np.sort(values[first[rows, None] + np.arange(length)], axis=1)
        cut = int(_TRIM * length)
        typical[rows] = ordered[:, cut : length - cut].mean(axis=1)
    return typical


def _poisson_upper_tail(count: np.ndarray, rate: np.ndarray) -> np.ndarray:
    """P(X >= count) for X ~ Poisson(rate), elementwise, accurate far into the tail.

    Above the mean the tail is a sum of probabilities that shrink geometrically from
    P(X = count) and is summed directly (no cancellation, so a p-value of 1e-40 is exact to
    about 1e-12 relative); at or below the mean it is one minus the sum of the probabilities
    below `count`, which is not small. Pure numpy: netkit does not depend on scipy
    (``scipy.stats.poisson.sf(count - 1, rate)`` gives the same numbers).
    """
    count = np.asarray(count, dtype="int64")
    rate = np.asarray(rate, dtype="float64")
    count, rate = np.broadcast_arrays(count, rate)
    tail = np.ones(count.shape)
    above = (count > rate) & (count > 0)
    below = ~above & (count > 0)
    log_factorial = np.concatenate(
        [[0.0], np.cumsum(np.log(np.arange(1, max(int(count.max(initial=0)), 1) + 1)))]
    )
    with np.errstate(divide="ignore"):
        k, lam = count[above], rate[above]
        log_pmf = k * np.log(lam) - lam - log_factorial[k]
        # P(X >= k) = P(X = k) * (1 + lam/(k+1) + lam²/((k+1)(k+2)) + ...)
        tail[above] = np.exp(log_pmf) * _ratio_series(lambda n: lam / (k + n), k.shape)
        k, lam = count[below], rate[below]
        log_pmf = (k - 1) * np.log(lam) - lam - log_factorial[k - 1]
        # P(X < k) = P(X = k-1) * (1 + (k-1)/lam + (k-1)(k-2)/lam² + ...)
        tail[below] = 1.0 - np.exp(log_pmf) * _ratio_series(
            lambda n: np.maximum(k - n, 0) / lam, k.shape
        )
    return np.clip(tail, 0.0, 1.0)


def _ratio_series(ratio: Callable[[int], np.ndarray], shape: tuple[int, ...]) -> np.ndarray:
    """``1 + r(1) + r(1)r(2) + ...`` elementwise, until the terms stop mattering.

    `ratio(n)` gives the n-th factor for every element; factors are below 1 and shrinking, so
    the sum converges, in a few times the square root of the rate terms at worst.
    """
    total = np.ones(shape)
    term = np.ones(shape)
    n = 0
    while np.any(term > 1e-17 * total):
        n += 1
        term = term * ratio(n)
        total += term
    return total


def _adjust(p_value: np.ndarray, correction: str) -> np.ndarray:
    """P-values adjusted for the number tested (Bonferroni, or Benjamini-Hochberg q-values)."""
    m = p_value.size
    if correction == "bonferroni":
        return np.minimum(p_value * m, 1.0)
    order = np.argsort(p_value, kind="stable")
    scaled = p_value[order] * m / np.arange(1, m + 1)
    q_value = np.minimum.accumulate(scaled[::-1])[::-1]
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(q_value, 1.0)
    return adjusted


def _spike_windows(
    tests: pd.DataFrame, flagged: np.ndarray, *, max_gap: pd.Timedelta
) -> pd.DataFrame:
    """Flagged periods merged into windows: ``start, end, count, baseline, ratio, p_value``.

    Two flagged periods fall in one window when the unflagged time between them is at most
    `max_gap`; a window's count and baseline cover every period from its first to its last.
    """
    position = np.flatnonzero(flagged)
    if position.size == 0:
        columns = ["start", "end", "count", "baseline", "ratio", "p_value"]
        return empty_frame({name: SPIKE_COLUMNS[name] for name in columns}, "no spike")
    starts = tests["start"].to_numpy()[position]
    ends = tests["end"].to_numpy()[position]
    quiet = starts[1:] - (ends[:-1] + 1)
    window = np.concatenate([[0], np.cumsum(quiet > _micros_of(max_gap))])
    spans = (
        pd.DataFrame(
            {
                "window": window,
                "position": position,
                "p_value": tests["p_adjusted"].to_numpy()[position],
            }
        )
        .groupby("window")
        .agg(first=("position", "min"), last=("position", "max"), p_value=("p_value", "min"))
    )
    first, last = spans["first"].to_numpy(), spans["last"].to_numpy()
    count = np.concatenate([[0], np.cumsum(tests["count"].to_numpy())])
    expected = np.concatenate([[0.0], np.cumsum(tests["expected"].to_numpy())])
    spans["start"] = pd.to_datetime(tests["start"].to_numpy()[first], unit="us", utc=True)
    spans["end"] = pd.to_datetime(tests["end"].to_numpy()[last], unit="us", utc=True)
    spans["count"] = count[last + 1] - count[first]
    spans["baseline"] = expected[last + 1] - expected[first]
    spans["ratio"] = spans["count"] / spans["baseline"]
    return spans.reset_index(drop=True).drop(columns=["first", "last"])


# ---------------------------------------------------------------------------------------------
# what a spike is made of, and what happened around it
# ---------------------------------------------------------------------------------------------
def _window_profile(
    ex: Export, windows: pd.DataFrame, as_of: pd.Timestamp, *, follow_up: pd.Timedelta
) -> pd.DataFrame:
    """Per window: ``outgoing_share``, ``known_share``, ``note_share``, ``followed_up_share``."""
    connections = _connections_until(ex, as_of)
    connected = _micros(connections["connected_on"])
    at = np.searchsorted(_micros(windows["start"]), connected, side="right") - 1
    inside = at >= 0
    inside[inside] = connected[inside] <= _micros(windows["end"])[at[inside]]
    members = connections[inside].assign(window=at[inside])
    members["followed_up"] = _followed_up(ex, members, as_of, follow_up)
    who = members["who_asked"]
    outgoing = who == "outgoing"
    members = members.assign(
        outgoing=outgoing,
        known=who != "unknown",
        outgoing_noted=outgoing & members["noted"],
        visible=members["person_id"].notna(),
    )
    sums = members.groupby("window")[
        ["outgoing", "known", "outgoing_noted", "followed_up", "visible"]
    ].sum()
    size = members.groupby("window").size()
    sums = sums.reindex(windows.index, fill_value=0)
    size = size.reindex(windows.index, fill_value=0)
    known = sums["known"].where(sums["known"] > 0)
    followed_up = sums["followed_up"] / sums["visible"].where(sums["visible"] > 0)
    if not (ex.files["kind"] == "messages").any():  # no messages file: unknown, not 0
        followed_up[:] = np.nan
    return pd.DataFrame(
        {
            "outgoing_share": sums["outgoing"] / known,
            "known_share": sums["known"] / size.where(size > 0),
            "note_share": sums["outgoing_noted"] / sums["outgoing"].where(sums["outgoing"] > 0),
            "followed_up_share": followed_up,
        },
        index=windows.index,
    ).astype("float64")


def _followed_up(
    ex: Export, members: pd.DataFrame, as_of: pd.Timestamp, follow_up: pd.Timedelta
) -> np.ndarray:
    """Whether each new connection exchanged a message within `follow_up` of connecting."""
    log = coded_until(ex, as_of)
    person = positions_in(members["person_id"], log.people)  # -1: no id, or never in the log
    wanted = np.zeros(len(log.people) + 1, dtype=bool)  # the last slot answers code -1
    wanted[person[person >= 0]] = True
    rows = np.flatnonzero(log.on("message") & wanted[log.person])
    pairs = pd.DataFrame(
        {
            "member": np.arange(len(members)),
            "person": person,
            "since": _micros(members["connected_on"]),
        }
    ).merge(pd.DataFrame({"person": log.person[rows], "at": log.timestamp[rows]}), on="person")
    since = pairs["since"].to_numpy()
    at = pairs["at"].to_numpy()
    soon = (at >= since) & (at <= since + _micros_of(follow_up))
    followed = np.zeros(len(members), dtype=bool)
    followed[pairs["member"].to_numpy()[soon]] = True
    return followed


def _happenings(ex: Export, as_of: pd.Timestamp) -> pd.DataFrame:
    """The owner's job changes, events and posts up to `as_of`: ``when, kind, text``.

    ``kind`` is ``job`` (a position started), ``left`` (a position finished), ``event`` or
    ``post``; ``text`` reads on its own ("started Head of Data at Helio Solar (Sep 2023)").
    """
    started = rows_until(ex.positions, "started_on", as_of)
    finished = rows_until(ex.positions, "finished_on", as_of)
    events = rows_until(ex.events, "starts_at", as_of)
    shares = rows_until(ex.shares, "shared_at", as_of)
    snippet = shares["text"].str.replace(r"\s+", " ", regex=True).str.strip()
    snippet = snippet.where(snippet.str.len() <= 60, snippet.str.slice(0, 59) + "…")
    parts = [
        pd.DataFrame(
            {
                "when": started["started_on"],
                "kind": "job",
                "text": "started "
                + started["title"].fillna("a position")
                + " at "
                + started["company"].fillna("an unnamed company")
                + " ("
                + started["started_on"].dt.strftime("%b %Y")
                + ")",
            }
        ),
        pd.DataFrame(
            {
                "when": finished["finished_on"],
                "kind": "left",
                "text": "left "
                + finished["company"].fillna("a position")
                + " ("
                + finished["finished_on"].dt.strftime("%b %Y")
                + ")",
            }
        ),
        pd.DataFrame(
            {
                "when": events["starts_at"],
                "kind": "event",
                "text": "event "
                + events["name"].fillna("(unnamed)")
                + " ("
                + events["starts_at"].dt.strftime("%Y-%m-%d")
                + ")",
            }
        ),
        pd.DataFrame(
            {
                "when": shares["shared_at"],
                "kind": "post",
                "text": "post ("
                + shares["shared_at"].dt.strftime("%Y-%m-%d")
                + ")"
                + (": “" + snippet + "”").fillna(""),
            }
        ),
    ]
    happenings = pd.concat(
        [
            part.astype({"when": "datetime64[us, UTC]", "kind": "str", "text": "str"})
            for part in parts
        ],
        ignore_index=True,
    )
    return happenings.sort_values("when", kind="stable", ignore_index=True)


def _near(
    windows: pd.DataFrame, happenings: pd.DataFrame, before: pd.Timedelta, after: pd.Timedelta
) -> pd.DataFrame:
    """Pairs (window position, happening) with the happening from `before` the start of the
    window to `after` its end."""
    pairs = windows[["start", "end"]].reset_index(names="window").merge(happenings, how="cross")
    close = (pairs["when"] >= pairs["start"] - before) & (pairs["when"] <= pairs["end"] + after)
    return pairs[close.to_numpy(dtype=bool)]


def _context(windows: pd.DataFrame, happenings: pd.DataFrame, around: pd.Timedelta) -> pd.Series:
    """The job changes, events and posts within `around` of each window, as one string."""
    near = _near(windows, happenings, around, around)
    joined = near.groupby("window")["text"].agg("; ".join)
    return joined.reindex(windows.index).astype("str")


def _has_cause(windows: pd.DataFrame, happenings: pd.DataFrame, around: pd.Timedelta) -> pd.Series:
    """Whether a new job, an event or a post came up to `around` before the window, or in it."""
    causes = happenings[happenings["kind"].isin(["job", "event", "post"]).to_numpy(dtype=bool)]
    near = _near(windows, causes, around, pd.Timedelta(0))
    return pd.Series(windows.index.isin(near["window"].unique()), index=windows.index)


def _no_spikes(
    as_of: pd.Timestamp, params: dict, reason: str | None, *, tested: int
) -> pd.DataFrame:
    result = empty_frame(SPIKE_COLUMNS, reason or "")
    result.attrs["reason"] = reason
    result = record(result, as_of, **params)
    result.attrs["periods_tested"] = tested
    return result


# ---------------------------------------------------------------------------------------------
# active ties
# ---------------------------------------------------------------------------------------------
def _ascending(values: np.ndarray) -> bool:
    return bool(np.all(values[1:] >= values[:-1]))


def _active_tie_counts(
    person: np.ndarray, outgoing: np.ndarray, time: np.ndarray, ends: np.ndarray, window: int
) -> np.ndarray:
    """How many contacts had a message each way within `window` before each instant of `ends`.

    The messages to count are given as arrays (a code per contact, whether the owner sent it,
    its time): `quality_vs_quantity` passes the one-to-one messages (`direct_until`), so a
    group thread never makes a tie active.

    All times are int64 microseconds. A message at time m keeps its (contact, direction) live
    over ``[m, m + window)``: exactly the instants t whose window ``(t - window, t]`` holds it.
    Each (contact, direction)'s messages merge into disjoint live intervals; a sweep over each
    contact's interval starts (+1) and ends (-1) finds where both directions are live (level 2),
    and the number of such intervals covering an instant is the number of active ties then.
    One sort of the messages, no loop over periods or people.
    """
    if not len(person):
        return np.zeros(len(ends), dtype="int64")
    way = outgoing.astype("int64")
    order = np.arange(len(time)) if _ascending(time) else np.argsort(time, kind="stable")
    order = order[grouped_order(person[order] * 2 + way[order])]  # by contact, way, then time
    person, way, time = person[order], way[order], time[order]
    same_stream = (person[1:] == person[:-1]) & (way[1:] == way[:-1])
    opens = np.concatenate([[True], ~same_stream | (time[1:] - time[:-1] >= window)])
    closes = np.concatenate([opens[1:], [True]])
    live_person = person[opens]
    sweep_person = np.concatenate([live_person, live_person])
    sweep_time = np.concatenate([time[opens], time[closes] + window])
    sweep_step = np.repeat(np.array([1, -1], dtype="int64"), live_person.size)
    # by contact, then time; at one instant an interval ends before the next one starts
    order = np.lexsort((sweep_step, sweep_time, sweep_person))
    sweep_time, sweep_step = sweep_time[order], sweep_step[order]
    level = np.cumsum(sweep_step)
    both = np.flatnonzero(level == 2)
    active_from = np.sort(sweep_time[both])
    active_until = np.sort(sweep_time[both + 1])
    started = np.searchsorted(active_from, ends, side="right")
    ended = np.searchsorted(active_until, ends, side="right")
    return (started - ended).astype("int64")
