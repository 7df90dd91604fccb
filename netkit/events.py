"""The interactions event log: one row per thing that happened between the owner and a contact.

Every metric reads this table. Channels: ``connection`` (one per connection with a person id),
``message`` (one row per counterpart: an outgoing group message to three contacts is three rows;
an incoming message is one row, its sender), ``invitation``, ``endorsement`` and
``recommendation``. Drafts, sponsored messages and AI-assistant conversations are not
interactions, and the owner is never the `person_id` of a row.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import NamedTuple

import numpy as np
import pandas as pd

from ._distinct import ListColumn, factorize, positions_in, spread
from ._parallel import in_background
from .people import Owner

__all__ = [
    "CHANNELS",
    "INTERACTION_COLUMNS",
    "CodedLog",
    "build_coded_interactions",
    "build_interactions",
    "invitation_behind",
    "start_coded_interactions",
    "utc_timestamps",
]

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


class _Part(NamedTuple):
    """The rows one channel adds to the log, before they are typed, filtered and sorted."""

    channel: int  # position in CHANNELS
    timestamp: np.ndarray  # int64 microseconds since the epoch, NaT as the minimum int64
    person_id: pd.Series  # str
    direction: np.ndarray  # int8 position in _DIRECTIONS, -1 for unknown
    conversation: np.ndarray | None = None  # int64 codes into the conversation ids, -1 for none
    is_group: np.ndarray | None = None


_DIRECTIONS = ("outgoing", "incoming")
_MESSAGE = CHANNELS.index("message")


class CodedLog(NamedTuple):
    """The interactions log as integer codes, row for row: what metrics count on.

    Counting per person on codes (`numpy.bincount`, a sort of integers) instead of grouping a
    million rows of text is what keeps every metric fast at LinkedIn's cap. The loader builds
    the log from these codes, so it hands them on (`Export`); `of` codes any other log.
    """

    person: np.ndarray  # int64 position in `people`, -1 for a missing id
    people: pd.Index  # the distinct person ids the codes point into
    channel: np.ndarray  # int8 position in CHANNELS, -1 for any other value
    direction: np.ndarray  # int8 position in ("outgoing", "incoming"), -1 for unknown
    timestamp: np.ndarray  # int64 microseconds since the epoch, NaT as the minimum int64
    is_group: np.ndarray  # bool

    @classmethod
    def of(cls, events: pd.DataFrame) -> CodedLog:
        """The codes of a log (`INTERACTION_COLUMNS`) that did not come from the loader."""
        person, people = factorize(events["person_id"])
        return cls(
            person,
            people,
            _codes(events["channel"], CHANNELS),
            _codes(events["direction"], _DIRECTIONS),
            _micros(events["timestamp"]),
            events["is_group"].fillna(False).to_numpy(dtype=bool),
        )

    def head(self, rows: int) -> CodedLog:
        """The first `rows` rows (the log up to some instant, as it is in time order)."""
        return self._replace(
            **{name: getattr(self, name)[:rows] for name in self._fields if name != "people"}
        )

    def on(self, channel: str) -> np.ndarray:
        """Whether each row is of that channel."""
        return self.channel == CHANNELS.index(channel)

    def counts(self) -> np.ndarray:
        """How many rows each person has, per channel and direction: ``[person, channel,
        direction]`` (positions in `CHANNELS` and in ("outgoing", "incoming")), in one pass.
        A last row of zeros stands for code -1, as `pandas.Index.get_indexer` gives."""
        known = (self.person >= 0) & (self.channel >= 0) & (self.direction >= 0)
        width = len(CHANNELS) * 2
        key = (
            self.person[known] * width
            + self.channel[known].astype(np.int64) * 2
            + self.direction[known].astype(np.int64)
        )
        flat = np.bincount(key, minlength=(len(self.people) + 1) * width)
        return flat.reshape(len(self.people) + 1, len(CHANNELS), 2)

    @property
    def outgoing(self) -> np.ndarray:
        return self.direction == 0

    @property
    def incoming(self) -> np.ndarray:
        return self.direction == 1


def _micros(timestamps: pd.Series) -> np.ndarray:
    return timestamps.astype("datetime64[us, UTC]").array.asi8


def utc_timestamps(micros: np.ndarray, index: pd.Index | None = None) -> pd.Series:
    """Microseconds since the epoch (the minimum int64 for NaT) as UTC timestamps: the
    inverse of the codes' ``timestamp``."""
    return pd.Series(micros.view("M8[us]"), index=index).dt.tz_localize("UTC")


def _codes(values: pd.Series, names: tuple[str, ...]) -> np.ndarray:
    """Each value's position in `names` as int8, -1 for anything else or missing."""
    codes, uniques = factorize(values)
    return np.append(pd.Index(names).get_indexer(uniques), -1).astype(np.int8)[codes]


def _direction_codes(direction: pd.Series) -> np.ndarray:
    return _codes(direction, _DIRECTIONS)


def _part(channel: str, timestamp: pd.Series, person_id: pd.Series, direction: pd.Series) -> _Part:
    return _Part(
        CHANNELS.index(channel),
        _micros(timestamp),
        person_id.astype("str").reset_index(drop=True),
        _direction_codes(direction),
    )


def _messages(
    messages: pd.DataFrame, conversation: np.ndarray, recipients: ListColumn
) -> list[_Part]:
    """Outgoing messages give one row per recipient, incoming ones a row for their sender."""
    real = ~(messages["is_draft"].to_numpy(dtype=bool) | messages["is_sponsored"].to_numpy(bool))
    direction = _direction_codes(messages["direction"])
    sent = np.flatnonzero(real & (direction == 0))
    got = np.flatnonzero(real & (direction == 1))
    timestamp = _micros(messages["sent_at"])
    is_group = messages["is_group"].to_numpy(dtype=bool)
    parent, to_them = recipients.explode(sent)
    to_each = sent[parent]
    senders = messages["sender_id"].iloc[got].reset_index(drop=True)
    return [
        _Part(_MESSAGE, timestamp[to_each], pd.Series(to_them, dtype="str"),
              np.zeros(len(to_each), np.int8), conversation[to_each], is_group[to_each]),
        _Part(_MESSAGE, timestamp[got], senders, np.ones(len(got), np.int8), conversation[got],
              is_group[got]),
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
    # On integer keys: (person, instant) with instants ranked over both tables, so that one
    # sorted search finds each connection's last invitation before the day after it.
    person, people = factorize(connections.loc[dated, "person_id"])
    invited = positions_in(asked["person_id"], people)
    day = 86_400_000_000
    until = _micros(connections.loc[dated, "connected_on"]) + day
    instants, rank = np.unique(
        np.concatenate([until, _micros(asked["sent_at"])]), return_inverse=True
    )
    key = person * len(instants) + rank[: len(until)]
    candidates = np.flatnonzero(invited >= 0)
    asked_key = invited[candidates] * len(instants) + rank[len(until) :][candidates]
    order = np.argsort(asked_key, kind="stable")  # equal keys keep their order: the last wins
    last = np.searchsorted(asked_key[order], key, side="left") - 1
    found = last >= 0
    found[found] = invited[candidates[order[last[found]]]] == person[found]
    picked = asked.iloc[candidates[order[last[found]]]]
    rows = connections.index[dated][found]
    for column in behind.columns:
        behind.loc[rows, column] = picked[column].to_numpy()
    return behind


def build_interactions(
    tables: dict[str, pd.DataFrame], owner: Owner, recipients: ListColumn | None = None
) -> pd.DataFrame:
    """The event log of one export's tidy tables, in time order (undated events last).

    `recipients` is the messages' ``recipient_ids`` as a `ListColumn`, when the caller has it.

    Rows are gathered as integer codes (person, channel, direction, conversation), filtered and
    sorted as integers, and turned into text columns once at the end.
    """
    return build_coded_interactions(tables, owner, recipients)[0]


def build_coded_interactions(
    tables: dict[str, pd.DataFrame], owner: Owner, recipients: ListColumn | None = None
) -> tuple[pd.DataFrame, CodedLog]:
    """`build_interactions`, and the same log as the integer codes it was built from."""
    events, coded = start_coded_interactions(tables, owner, recipients)
    return events.result(), coded


def start_coded_interactions(
    tables: dict[str, pd.DataFrame], owner: Owner, recipients: ListColumn | None = None
) -> tuple[Future[pd.DataFrame], CodedLog]:
    """`build_coded_interactions`, with the log's text columns (a million rows of ids) made in
    a background thread: the codes are ready at once, the table when ``.result()`` says so."""
    connections = tables["connections"].dropna(subset=["person_id"])
    invitations = tables["invitations"]
    endorsements = tables["endorsements"]
    recommendations = tables["recommendations"]
    conversation_codes, conversation_ids = factorize(tables["messages"]["conversation_id"])
    parts = [
        _part("connection", connections["connected_on"], connections["person_id"],
              invitation_behind(connections, invitations)["direction"]),
        *_messages(
            tables["messages"],
            conversation_codes,
            ListColumn(tables["messages"]["recipient_ids"]) if recipients is None else recipients,
        ),
        _part("invitation", invitations["sent_at"], invitations["person_id"],
              invitations["direction"]),
        _part("endorsement", endorsements["endorsed_at"], endorsements["person_id"],
              endorsements["direction"].map(_GIVEN)),
        _part("recommendation", recommendations["created_at"], recommendations["person_id"],
              recommendations["direction"].map(_GIVEN)),
    ]  # fmt: skip
    person_codes, person_ids = factorize(
        pd.concat([part.person_id for part in parts], ignore_index=True)
    )
    n = [len(part.person_id) for part in parts]
    timestamp = np.concatenate([part.timestamp for part in parts])
    channel = np.repeat(np.array([part.channel for part in parts], dtype=np.int8), n)
    direction = np.concatenate([part.direction for part in parts])
    conversation = np.concatenate(
        [
            part.conversation if part.conversation is not None else np.full(k, -1)
            for part, k in zip(parts, n, strict=True)
        ]
    )
    is_group = np.concatenate(
        [
            part.is_group if part.is_group is not None else np.zeros(k, bool)
            for part, k in zip(parts, n, strict=True)
        ]
    )
    keep = person_codes >= 0
    if owner.person_id is not None:
        owner_code = person_ids.get_indexer([owner.person_id])[0]
        keep &= person_codes != owner_code
    rows = np.flatnonzero(keep)
    undated = timestamp[rows] == np.iinfo(np.int64).min
    order = rows[np.lexsort((timestamp[rows], undated))]  # stable: equal keys keep their order
    coded = CodedLog(
        person_codes[order],
        person_ids,
        channel[order],
        direction[order],
        timestamp[order],
        is_group[order],
    )
    conversation = conversation[order]

    def table() -> pd.DataFrame:
        index = pd.RangeIndex(len(order))
        events = pd.DataFrame(
            {
                "timestamp": utc_timestamps(coded.timestamp, index),
                "person_id": spread(person_ids.array, coded.person, index),
                "channel": spread(list(CHANNELS), coded.channel, index),
                "direction": spread(list(_DIRECTIONS), coded.direction, index),
                "conversation_id": spread(conversation_ids.array, conversation, index),
                "is_group": coded.is_group,
                "weight": np.ones(len(order), dtype=np.int64),
            },
            index=index,
        )
        return events[INTERACTION_COLUMNS]

    return in_background(table), coded
