"""The interactions event log: one row per thing that happened between the owner and a contact.

Every metric reads this table. Channels: ``connection`` (one per connection with a person id),
``message`` (one row per counterpart: an outgoing group message to three contacts is three rows;
an incoming message is one row, its sender), ``invitation``, ``endorsement`` and
``recommendation``. Drafts, sponsored messages and AI-assistant conversations are not
interactions, and the owner is never the `person_id` of a row.
"""

from __future__ import annotations

import pandas as pd

from .people import Owner

__all__ = ["INTERACTION_COLUMNS", "build_interactions"]

INTERACTION_COLUMNS = [
    "timestamp", "person_id", "channel", "direction", "conversation_id", "is_group", "weight",
]
_GIVEN = {"given": "outgoing", "received": "incoming"}


def _frame(timestamp: pd.Series, person_id: pd.Series, channel: str, direction: pd.Series,
           conversation_id: pd.Series | None = None, is_group: pd.Series | None = None) -> pd.DataFrame:
    n = len(timestamp)
    return pd.DataFrame({
        "timestamp": timestamp.to_numpy(),
        "person_id": person_id.astype("str").to_numpy(),
        "channel": pd.Series([channel] * n, dtype="str").to_numpy(),
        "direction": direction.astype("str").to_numpy(),
        "conversation_id": (conversation_id.astype("str").to_numpy() if conversation_id is not None
                            else pd.Series(pd.NA, index=range(n), dtype="str").to_numpy()),
        "is_group": (is_group.to_numpy(dtype=bool) if is_group is not None
                     else pd.Series(False, index=range(n)).to_numpy()),
    })


def _message_rows(messages: pd.DataFrame) -> list[pd.DataFrame]:
    real = messages[~messages["is_draft"] & ~messages["is_sponsored"]]
    outgoing = real[real["direction"] == "outgoing"]
    per_recipient = outgoing[["sent_at", "recipient_ids", "conversation_id", "is_group"]].explode(
        "recipient_ids"
    )
    incoming = real[real["direction"] == "incoming"]
    return [
        _frame(per_recipient["sent_at"], per_recipient["recipient_ids"], "message",
               pd.Series("outgoing", index=per_recipient.index),
               per_recipient["conversation_id"], per_recipient["is_group"]),
        _frame(incoming["sent_at"], incoming["sender_id"], "message",
               pd.Series("incoming", index=incoming.index),
               incoming["conversation_id"], incoming["is_group"]),
    ]


def _connection_direction(connections: pd.DataFrame, invitations: pd.DataFrame) -> pd.Series:
    """Who asked, where Invitations tells: the direction of the latest invitation to that person."""
    latest = (
        invitations.dropna(subset=["person_id"])
        .sort_values("sent_at", na_position="first")
        .drop_duplicates("person_id", keep="last")
        .set_index("person_id")["direction"]
    )
    return connections["person_id"].map(latest).astype("str")


def build_interactions(tables: dict[str, pd.DataFrame], owner: Owner) -> pd.DataFrame:
    """The event log of one export's tidy tables, sorted by time."""
    connections = tables["connections"].dropna(subset=["person_id"])
    invitations = tables["invitations"]
    endorsements = tables["endorsements"]
    recommendations = tables["recommendations"]
    parts = [
        _frame(connections["connected_on"], connections["person_id"], "connection",
               _connection_direction(connections, invitations)),
        *_message_rows(tables["messages"]),
        _frame(invitations["sent_at"], invitations["person_id"], "invitation",
               invitations["direction"]),
        _frame(endorsements["endorsed_at"], endorsements["person_id"], "endorsement",
               endorsements["direction"].map(_GIVEN)),
        _frame(recommendations["created_at"], recommendations["person_id"], "recommendation",
               recommendations["direction"].map(_GIVEN)),
    ]
    events = pd.concat(parts, ignore_index=True)
    events["timestamp"] = events["timestamp"].astype("datetime64[us, UTC]")
    events["is_group"] = events["is_group"].astype(bool)
    keep = events["person_id"].notna()
    if owner.person_id is not None:
        keep &= events["person_id"] != owner.person_id
    events = events[keep.fillna(False).astype(bool)]
    events = events.sort_values("timestamp", kind="stable", na_position="last", ignore_index=True)
    events["weight"] = pd.Series(1, index=events.index, dtype="int64")
    for column in ("person_id", "channel", "direction", "conversation_id"):
        events[column] = events[column].astype("str")
    return events[INTERACTION_COLUMNS]
