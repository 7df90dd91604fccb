"""What every metric shares: the `as_of` cut, thresholds recorded in ``attrs``, empty results.

Every metric takes the `Export` first, keyword-only options after, `as_of=None` among them
(default `ex.as_of`); nothing after `as_of` is used, so last quarter's numbers can be recomputed
today. A result records its thresholds and `as_of` in ``result.attrs["params"]``, and the reason
for an empty result in ``result.attrs["reason"]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from ..export import Export

__all__ = [
    "CONTACT_CHANNELS",
    "NON_EMPLOYERS",
    "as_of_timestamp",
    "direct_messages",
    "empty_frame",
    "interactions_until",
    "load_lexicon",
    "record",
    "rows_until",
]

#: Company values that name no employer (compared lower-cased, white space collapsed): no
#: company node in the graph, no "now at ..." in a reason.
NON_EMPLOYERS = frozenset(
    {
        "self-employed",
        "self employed",
        "freelance",
        "freelancer",
        "independent",
        "retired",
        "unemployed",
        "student",
        "stealth",
        "stealth mode",
        "stealth startup",
        "confidential",
        "none",
        "n/a",
        "-",
    }
)

#: "Interacted" means any channel but the bare connection.
CONTACT_CHANNELS = ("message", "invitation", "endorsement", "recommendation")


def as_of_timestamp(ex: Export, as_of: object = None) -> pd.Timestamp:
    """`as_of` as a UTC timestamp; a date alone means the last instant of that day."""
    if as_of is None:
        return ex.as_of
    stamp = pd.Timestamp(as_of)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    if stamp == stamp.normalize() and isinstance(as_of, str) and len(as_of.strip()) <= 10:
        stamp = stamp + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
    return stamp.as_unit("us")


def rows_until(frame: pd.DataFrame, column: str, as_of: pd.Timestamp) -> pd.DataFrame:
    """The rows of `frame` whose `column` is at or before `as_of` (undated rows are left out)."""
    return frame[(frame[column] <= as_of).fillna(False).astype(bool)]


def interactions_until(ex: Export, as_of: pd.Timestamp) -> pd.DataFrame:
    """`ex.interactions` up to `as_of`."""
    return rows_until(ex.interactions, "timestamp", as_of)


def direct_messages(interactions: pd.DataFrame) -> pd.DataFrame:
    """The one-to-one messages of `interactions`: ``channel == "message"`` and not `is_group`.

    A group thread is not a relationship: the owner's message to a group is an outgoing row to
    every member, and a member's message to the group an incoming row from them, yet neither
    says the two of them exchanged anything. So every metric that judges whether a relationship
    goes both ways (reciprocated, a message each way, a two-way exchange, an active tie, a
    reciprocated active day, dormant and fading ties, unanswered contacts) reads these rows only;
    group threads do not count as an exchange. Plain message counts may still include them.
    """
    one_to_one = (interactions["channel"] == "message") & ~interactions["is_group"].astype(bool)
    return interactions[one_to_one.fillna(False).to_numpy(dtype=bool)]


def empty_frame(columns: dict[str, str], reason: str) -> pd.DataFrame:
    """An empty, correctly typed result that says why it is empty."""
    frame = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})
    frame.attrs["reason"] = reason
    return frame


def record(result: pd.DataFrame | pd.Series, as_of: pd.Timestamp, **params: Any) -> Any:
    """Store the thresholds used and `as_of` in ``result.attrs["params"]``; returns `result`."""
    result.attrs["params"] = {"as_of": as_of, **params}
    result.attrs.setdefault("reason", None)
    return result


def load_lexicon(name: str, language: str = "en") -> tuple[str, ...]:
    """A word list shipped in ``netkit/lexicons/<name>_<language>.txt``: one entry a line,
    ``#`` starts a comment. Entries are lower-case words or phrases."""
    from importlib.resources import files

    text = files("netkit.lexicons").joinpath(f"{name}_{language}.txt").read_text("utf-8")
    entries = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return tuple(entry for entry in entries if entry)
