"""The headline figures of one period: what a monthly report, and `history.csv`, are made of."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._common import as_of_timestamp, memoized, record, rows_until
from .growth import growth_spikes, quality_vs_quantity
from .invitations import invitation_summary, pitch_after_connect
from .reciprocity import reciprocity_summary
from .ties import dormant_ties, fading_ties, start_message_text

if TYPE_CHECKING:
    from ..export import Export

__all__ = ["SUMMARY_FIELDS", "health_summary", "period_bounds"]

#: The names of `health_summary`, in order. New figures are added at the end; a name never
#: changes meaning (they are the columns of a report's history.csv).
SUMMARY_FIELDS = (
    "period",
    "as_of",
    "connections",
    "new_connections",
    "active_ties",
    "active_share",
    "hoarding_ratio",
    "dormant_ties",
    "fading_ties",
    "message_reciprocity",
    "two_way_share",
    "unanswered_inbound",
    "unanswered_outbound",
    "invitations_sent",
    "invitations_received",
    "outgoing_note_share",
    "outgoing_template_share",
    "pitches_received",
    "pitches_sent",
    "spikes",
)
_PERIODS = {"month": "M", "quarter": "Q", "year": "Y"}


def period_bounds(as_of: pd.Timestamp, period: str = "month") -> tuple[pd.Timestamp, str]:
    """The first instant of the calendar period holding `as_of`, and the period's label
    (``"2026-10"``, ``"2026Q4"``, ``"2026"``)."""
    if period not in _PERIODS:
        raise ValueError(f"period must be one of {', '.join(_PERIODS)}; got {period!r}")
    calendar = as_of.tz_convert("UTC").tz_localize(None).to_period(_PERIODS[period])
    start = calendar.start_time.tz_localize("UTC").as_unit("us")
    return start, str(calendar)


@memoized
def health_summary(ex: Export, *, as_of: object = None, period: str = "month") -> pd.Series:
    """The headline figures of the period that ends at `as_of`.

    Stocks (connections, active, dormant and fading ties, reciprocity) are measured at `as_of`;
    flows (new connections, invitations, pitches, spikes) are counted within the calendar
    `period` (``"month"``, ``"quarter"`` or ``"year"``) that holds `as_of`. Each figure comes from
    the metric of the same name, with its default thresholds.

    Parameters
    ----------
    ex
        The export.
    as_of
        The end of the period (default `ex.as_of`); nothing after it is used.
    period
        ``"month"``, ``"quarter"`` or ``"year"``.

    Returns
    -------
    pandas.Series
        Indexed by `SUMMARY_FIELDS`: ``period, as_of, connections, new_connections,
        active_ties, active_share, hoarding_ratio, dormant_ties, fading_ties,
        message_reciprocity, two_way_share, unanswered_inbound, unanswered_outbound,
        invitations_sent, invitations_received, outgoing_note_share, outgoing_template_share,
        pitches_received, pitches_sent, spikes``. Shares are in [0, 1]; a share or ratio with
        nothing to divide is NaN, and so is a figure the export cannot tell because it lacks
        the file the figure is counted from: unknown, not 0. ``connections``,
        ``new_connections`` and ``spikes`` need Connections.csv; ``dormant_ties``,
        ``fading_ties`` and the message figures a messages file; ``active_ties`` (its share
        and ratio) and the pitches both; the invitation figures Invitations.csv.

    Examples
    --------
    >>> import netkit as nk
    >>> ex = nk.load_export("data/sample/Complete_LinkedInDataExport_11-16-2026.zip")
    >>> nk.health_summary(ex, period="quarter")[["connections", "active_ties"]]  # doctest: +SKIP
    """
    stamp = as_of_timestamp(ex, as_of)
    start, label = period_bounds(stamp, period)
    start_message_text(ex)  # the tie features read it last: it is read meanwhile

    def in_period(frame: pd.DataFrame, column: str) -> pd.DataFrame:
        return frame[(frame[column] >= start).fillna(False).astype(bool)]

    connected = rows_until(ex.connections, "connected_on", stamp)
    quality = quality_vs_quantity(ex, as_of=stamp)
    last = quality.iloc[-1] if len(quality) else None
    exchanges = reciprocity_summary(ex, as_of=stamp)
    invitations = invitation_summary(ex, as_of=stamp, since=start)
    pitches = in_period(pitch_after_connect(ex, as_of=stamp), "sent_at")
    pitches = pitches[pitches["is_pitch"].fillna(False).astype(bool)]
    spikes = growth_spikes(ex, as_of=stamp)
    files = set(ex.files["kind"].dropna())

    def told(figure: object, *needed: str) -> object:
        """`figure`, or NaN when the export lacks a file it is counted from (unknown, not 0)."""
        return figure if files.issuperset(needed) else np.nan

    figures = {
        "period": label,
        "as_of": stamp,
        "connections": told(len(connected), "connections"),
        "new_connections": told(len(in_period(connected, "connected_on")), "connections"),
        "active_ties": int(last["active_ties"]) if last is not None else np.nan,
        "active_share": float(last["active_share"]) if last is not None else np.nan,
        "hoarding_ratio": float(last["hoarding_ratio"]) if last is not None else np.nan,
        "dormant_ties": told(len(dormant_ties(ex, as_of=stamp)), "messages"),
        "fading_ties": told(len(fading_ties(ex, as_of=stamp)), "messages"),
        "message_reciprocity": exchanges["message_reciprocity"],
        "two_way_share": exchanges["two_way_share"],
        "unanswered_inbound": exchanges["unanswered_inbound"],
        "unanswered_outbound": exchanges["unanswered_outbound"],
        "invitations_sent": told(invitations["invitations_sent"], "invitations"),
        "invitations_received": told(invitations["invitations_received"], "invitations"),
        "outgoing_note_share": invitations["outgoing_note_share"],
        "outgoing_template_share": invitations["outgoing_template_share"],
        "pitches_received": told(
            int((pitches["direction"] == "incoming").sum()), "messages", "connections"
        ),
        "pitches_sent": told(
            int((pitches["direction"] == "outgoing").sum()), "messages", "connections"
        ),
        "spikes": told(int((spikes["start"] >= start).sum()) if len(spikes) else 0, "connections"),
    }
    summary = pd.Series({name: figures[name] for name in SUMMARY_FIELDS}, dtype=object)
    summary.name = label
    return record(summary, stamp, period=period, period_start=start)
