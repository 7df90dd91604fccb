"""Activity: how many messages the owner sent and received, day by day.

The raw rhythm of the inbox, for a GitHub-style calendar (`netkit.plot.activity_calendar`): a
quiet year shows as a pale calendar whatever the number of connections.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._common import as_of_timestamp, empty_frame, memoized, record

if TYPE_CHECKING:
    from ..export import Export

__all__ = ["ACTIVITY_COLUMNS", "activity"]

#: The columns of `activity` and their dtypes.
ACTIVITY_COLUMNS: dict[str, str] = {
    "day": "datetime64[us, UTC]",
    "messages_sent": "int64",
    "messages_received": "int64",
}


#: Microseconds per day: messages are counted on the UTC day of their timestamp.
_DAY_US = 86_400_000_000


@memoized
def activity(ex: Export, *, as_of: object = None) -> pd.DataFrame:
    """Messages sent and received per calendar day (UTC), quiet days included.

    A message counts once, however many people it went to: a message to a group thread is one
    message sent, a member's message in it one message received. Drafts and sponsored messages
    (LinkedIn's adverts) are not messages anyone exchanged and do not count; neither do the
    rare messages whose direction the export cannot tell.

    Parameters
    ----------
    ex : Export
        A loaded export.
    as_of : str or Timestamp, optional
        Only messages up to this instant count (default ``ex.as_of``; a date alone means the
        end of that day).

    Returns
    -------
    pandas.DataFrame
        One row per day from the day of the first message to the day of `as_of`, oldest first:

        ``day``
            Midnight (UTC) starting the day.
        ``messages_sent``, ``messages_received``
            Messages the owner sent that day, and messages they received.

        ``attrs["params"]`` holds `as_of`; ``attrs["reason"]`` says why the result is empty (no
        messages file, or no message up to `as_of`).

    Examples
    --------
    >>> import netkit as nk
    >>> from netkit.metrics import activity
    >>> ex = nk.load_export("data/sample/Complete_LinkedInDataExport_11-16-2026.zip")
    >>> activity(ex).tail(3).columns.tolist()
    ['day', 'messages_sent', 'messages_received']
    """
    cut = as_of_timestamp(ex, as_of)
    if not (ex.files["kind"] == "messages").any():
        reason = "the export holds no messages file, so there is no activity to show"
        return record(empty_frame(ACTIVITY_COLUMNS, reason), cut)
    messages = ex.messages
    sent_at = messages["sent_at"]
    real = np.flatnonzero(
        ~messages["is_draft"].to_numpy(dtype=bool)
        & ~messages["is_sponsored"].to_numpy(dtype=bool)
        & (sent_at <= cut).fillna(False).to_numpy(dtype=bool)
    )
    if not real.size:
        reason = f"no message up to {cut:%Y-%m-%d %H:%M} UTC"
        return record(empty_frame(ACTIVITY_COLUMNS, reason), cut)
    day = sent_at.array.as_unit("us").asi8[real] // _DAY_US  # days since the epoch, UTC
    first = int(day.min())
    days = pd.date_range(
        pd.Timestamp(first * _DAY_US, unit="us", tz="UTC"),
        cut.floor("D"),
        freq="D",
        unit="us",
        name="day",
    )
    slot = day - first
    direction = messages["direction"]

    def per_day(which: str) -> np.ndarray:
        mine = (direction == which).fillna(False).to_numpy(dtype=bool)[real]
        return np.bincount(slot[mine], minlength=len(days)).astype("int64")

    result = pd.DataFrame(
        {
            "day": days,
            "messages_sent": per_day("outgoing"),
            "messages_received": per_day("incoming"),
        }
    ).astype(ACTIVITY_COLUMNS)
    return record(result, cut)
