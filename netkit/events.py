"""The interactions event log: one row per thing that happened between the owner and a contact.

Every metric reads this table. Channels: ``connection`` (one per connection with a person id),
``message`` (one row per counterpart: an outgoing group message to three contacts is three rows;
an incoming message is one row, its sender), ``invitation``, ``endorsement`` and
``recommendation``. Drafts, sponsored messages and AI-assistant conversations are not
interactions, and the owner is never the `person_id` of a row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .people import Owner

__all__ = ["CHANNELS", "INTERACTION_COLUMNS", "build_interactions", "invitation_behind"]

INTERACTION_COLUMNS = [
    "timestamp",
    "person_id",
    "channel",
    "direction",
    "conversation_id",
    "is_group",
    "weight",
]
CHANNELS = ("connection", "message", "invitation", "endorsement", "recommendation")
_GIVEN = {"given": "outgoing", "received": "incoming"}


def _part(
    channel: str,
    timestamp: pd.Series,
    person_id: pd.Series,
    direction: pd.Series | str,
    conversation_id: pd.Series | None = None,
    is_group: pd.Series | None = None,
) -> pd.DataFrame:
    part = pd.DataFrame(
        {
            "timestamp": timestamp.astype("datetime64[us, UTC]"),
            "person_id": person_id.astype("str"),
            "channel": channel,
            "direction": direction,
            "conversation_id": conversation_id if conversation_id is not None else pd.NA,
            "is_group": is_group if is_group is not None else False,
        },
        index=timestamp.index,
    )
    return part.reset_index(drop=True)


def _messages(messages: pd.DataFrame) -> list[pd.DataFrame]:
    real = ~(messages["is_draft"].to_numpy(dtype=bool) | messages["is_sponsored"].to_numpy(bool))
    direction = messages["direction"]
    sent = np.flatnonzero(real & (direction == "outgoing").fillna(False).to_numpy(dtype=bool))
    got = np.flatnonzero(real & (direction == "incoming").fillna(False).to_numpy(dtype=bool))
    outgoing = messages[["sent_at", "recipient_ids", "conversation_id", "is_group"]].iloc[sent]
    to_each = outgoing.explode("recipient_ids")
    incoming = messages[["sent_at", "sender_id", "conversation_id", "is_group"]].iloc[got]
    return [
        _part("message", to_each["sent_at"], to_each["recipient_ids"], "outgoing",
              to_each["conversation_id"], to_each["is_group"]),
        _part("message", incoming["sent_at"], incoming["sender_id"], "incoming",
              incoming["conversation_id"], incoming["is_group"]),
    ]  # fmt: skip


def invitation_behind(connections: pd.DataFrame, invitations: pd.DataFrame) -> pd.DataFrame:
    """For each connection, the invitation that led to it, where Invitations tells.

    That is the last invitation with the person sent no later than the day of the connection
    (Connected On is a date, the invitation a time on it): only the past decides, so a metric
    cut at some `as_of` never sees a later invitation (a re-invite after a removal, say).

    Returns ``direction, has_note, message`` aligned on `connections`' index (missing where no
    invitation led to the connection, and for hidden members).
    """
    behind = pd.DataFrame(
        {
            "direction": pd.Series(pd.NA, index=connections.index, dtype="str"),
            "has_note": pd.Series(pd.NA, index=connections.index, dtype="boolean"),
            "message": pd.Series(pd.NA, index=connections.index, dtype="str"),
        }
    )
    asked = invitations.dropna(subset=["person_id", "sent_at"])
    dated = (connections["connected_on"].notna() & connections["person_id"].notna()).to_numpy()
    if asked.empty or not dated.any():
        return behind
    left = pd.DataFrame(
        {
            "row": connections.index[dated],
            "person_id": connections.loc[dated, "person_id"].to_numpy(),
            "until": (connections.loc[dated, "connected_on"] + pd.Timedelta(days=1)).to_numpy(),
        }
    ).sort_values("until", kind="stable")
    right = asked[["sent_at", "person_id", "direction", "has_note", "message"]].sort_values(
        "sent_at", kind="stable"
    )
    matched = pd.merge_asof(
        left, right, left_on="until", right_on="sent_at", by="person_id", allow_exact_matches=False
    ).set_index("row")
    for column in behind.columns:
        behind[column] = behind[column].fillna(matched[column]).astype(behind[column].dtype)
    return behind


def build_interactions(tables: dict[str, pd.DataFrame], owner: Owner) -> pd.DataFrame:
    """The event log of one export's tidy tables, in time order (undated events last)."""
    connections = tables["connections"].dropna(subset=["person_id"])
    invitations = tables["invitations"]
    endorsements = tables["endorsements"]
    recommendations = tables["recommendations"]
    parts = [
        _part("connection", connections["connected_on"], connections["person_id"],
              invitation_behind(connections, invitations)["direction"]),
        *_messages(tables["messages"]),
        _part("invitation", invitations["sent_at"], invitations["person_id"],
              invitations["direction"]),
        _part("endorsement", endorsements["endorsed_at"], endorsements["person_id"],
              endorsements["direction"].map(_GIVEN)),
        _part("recommendation", recommendations["created_at"], recommendations["person_id"],
              recommendations["direction"].map(_GIVEN)),
    ]  # fmt: skip
    events = pd.concat(parts, ignore_index=True)
    keep = events["person_id"].notna()
    if owner.person_id is not None:
        keep &= (events["person_id"] != owner.person_id).fillna(True)
    events = events[keep.to_numpy(dtype=bool)]
    events = events.sort_values("timestamp", kind="stable", na_position="last", ignore_index=True)
    events = events.astype(
        {
            "timestamp": "datetime64[us, UTC]",
            "person_id": "str",
            "channel": "str",
            "direction": "str",
            "conversation_id": "str",
            "is_group": bool,
        }
    )
    events["weight"] = pd.Series(1, index=events.index, dtype="int64")
    return events[INTERACTION_COLUMNS]
