"""Resolve: the tables as read become the tidy tables users see.

Each table arrives with tidy column names and typed values (`netkit.read`); this stage adds what
needs the whole export: person ids, the owner, directions and flags. The order is fixed by what
depends on what: ids from URLs first, then the owner, then the name index built from every
(name, URL) pair, then the people of every table.

Messages scale to a million rows, so everything about their people is worked out once per
distinct sender or recipient text and spread back with integer codes (`netkit._distinct`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._distinct import (
    Factorized,
    ListColumn,
    count_pairs,
    factorize,
    map_distinct,
    spread,
    take_rows,
)
from ._parallel import in_background
from .people import (
    NameIndex,
    Owner,
    find_owner,
    full_names,
    normalize_names,
    person_ids,
)

__all__ = ["resolve_tables"]

MESSAGE_COLUMNS = [
    "conversation_id",
    "conversation_title",
    "sent_at",
    "direction",
    "sender_id",
    "sender_name",
    "sender_url",
    "recipient_ids",
    "recipient_names",
    "recipient_urls",
    "subject",
    "content",
    "folder",
    "is_draft",
    "is_conversation_draft",
    "is_sponsored",
    "is_group",
    "attachments",
]
_SPONSORED_TITLE = "sponsored conversation"
_DIRECTIONS = {
    "outgoing": "outgoing",
    "sent": "outgoing",
    "incoming": "incoming",
    "received": "incoming",
}


def _na(index: pd.Index, dtype: str = "str") -> pd.Series:
    return pd.Series(pd.NA if dtype == "str" else pd.NaT, index=index, dtype=dtype)


def _stated_direction(frame: pd.DataFrame) -> pd.Series | None:
    """The direction an old export states (its Direction column), or None without one."""
    if "direction_raw" not in frame or frame["direction_raw"].isna().all():
        return None
    return map_distinct(frame["direction_raw"], lambda text: _DIRECTIONS.get(text.strip().lower()))


def _flag(values: pd.Series) -> pd.Series:
    return values.fillna(False).astype(bool)


class _Recipients:
    """Who each message went to, worked out once per distinct recipient text.

    Rows with ``RECIPIENT PROFILE URLS`` are keyed by that text and split on commas (URLs never
    hold one); rows of old eras, which only name recipients, are keyed by the ``TO`` text and
    resolved once the name index exists.
    """

    def __init__(self, messages: pd.DataFrame) -> None:
        url_codes, url_texts = factorize(messages["recipient_urls"])
        name_codes, name_texts = factorize(messages["recipient_names"])
        self.names = (name_codes, name_texts)
        # Only the names of rows without URLs are resolved by name: renumber those.
        used = np.zeros(len(name_texts) + 1, dtype=bool)
        used[name_codes[url_codes < 0]] = True
        used[-1] = False
        renumber = np.cumsum(used) - 1
        name_codes = np.where(url_codes < 0, renumber[name_codes], -1)
        self.name_texts = name_texts[used[:-1]]
        self.n_url = len(url_texts)
        self.codes = np.where(
            url_codes >= 0, url_codes, np.where(name_codes >= 0, name_codes + self.n_url, -1)
        )
        self.lists: list[list[str]] = _split_url_lists(url_texts) + [[] for _ in self.name_texts]

    def resolve_names(self, names: NameIndex) -> None:
        if len(self.name_texts):
            self.lists[self.n_url :] = _ids_from_names(self.name_texts, names)

    def ids(self, index: pd.Index) -> pd.Series:
        """One list of person ids per message (shared per distinct recipient text)."""
        empty: list[str] = []
        codes = np.where(self.codes >= 0, self.codes, len(self.lists))
        array = np.empty(len(self.lists) + 1, dtype=object)
        for i, ids in enumerate(self.lists):
            array[i] = ids
        array[len(self.lists)] = empty
        return pd.Series(array[codes], index=index, dtype=object)

    def column(self) -> ListColumn:
        """`ids` as the `ListColumn` metrics read (built from the codes, not the objects)."""
        return ListColumn.from_codes(self.codes, self.lists)

    def count(self) -> np.ndarray:
        counts = np.array([len(ids) for ids in self.lists] + [0], dtype=np.int64)
        return counts[np.where(self.codes >= 0, self.codes, len(self.lists))]

    def includes(self, person_id: str | None) -> np.ndarray:
        if person_id is None:
            return np.zeros(len(self.codes), dtype=bool)
        hits = np.array([person_id in ids for ids in self.lists] + [False], dtype=bool)
        return hits[np.where(self.codes >= 0, self.codes, len(self.lists))]

    def single(self) -> Factorized:
        """The recipient's id where a message went to exactly one URL-known person, else
        missing, as codes per row and the distinct ids."""
        firsts = [ids[0] if len(ids) == 1 else None for ids in self.lists[: self.n_url]]
        firsts += [None] * (len(self.lists) - self.n_url)
        return _recode(self.codes, firsts)

    def by_conversation(self, conversations: np.ndarray) -> pd.DataFrame:
        """The distinct (conversation code, person id) pairs among recipients."""
        ok = (self.codes >= 0) & (conversations >= 0)
        width = len(self.lists) + 1
        # `numpy.unique` sorts every row; the distinct pairs are few: hash, then sort those.
        combined = np.sort(pd.unique(conversations[ok] * width + self.codes[ok]))
        texts = combined % width
        lengths = np.array([len(ids) for ids in self.lists], dtype=np.int64)[texts]
        flat = [pid for t in texts for pid in self.lists[t]]
        return pd.DataFrame(
            {
                "conversation": np.repeat(combined // width, lengths),
                "id": pd.Series(flat, dtype="str"),
            }
        )


def _recode(codes: np.ndarray, answers: Sequence[str | None] | pd.Series) -> Factorized:
    """Row codes into `answers` (one per distinct value) -> row codes into the distinct answers."""
    answer_codes, distinct = factorize(pd.Series(answers, dtype="str"))
    padded = np.append(answer_codes, -1)  # code -1 stays -1
    return padded[codes], distinct


def _split_url_lists(texts: pd.Index) -> list[list[str]]:
    """Comma-joined profile URLs -> the person ids they name, for each distinct text."""
    values = texts.tolist()
    parts = pd.Series([url for text in values for url in text.split(",")], dtype="str")
    ids = iter(person_ids(parts.str.strip()).tolist())
    lists = []
    for text in values:
        found = (next(ids) for _ in range(text.count(",") + 1))
        lists.append([pid for pid in found if isinstance(pid, str)])
    return lists


def _ids_from_names(texts: pd.Index, names: NameIndex) -> list[list[str]]:
    """Old eras: the whole ``TO`` text is one person, unless every comma-separated part is a
    known person (names themselves hold commas: ``Jane Doe, MBA``)."""
    texts = pd.Series(texts, dtype="str")
    whole = names.resolve(texts)
    parts = texts.str.split(",").explode().str.strip()
    matched = names.lookup(parts)
    several = parts.groupby(level=0).size() > 1
    all_known = matched.notna().groupby(level=0).all() & several
    listed = matched.groupby(level=0).agg(list)
    out: list[list[str]] = []
    for i in range(len(texts)):
        if all_known.iloc[i]:
            out.append(list(listed.iloc[i]))
        else:
            out.append([] if pd.isna(whole.iloc[i]) else [whole.iloc[i]])
    return out


class _MessagePeople:
    """The people of a messages table, before and after the owner is known."""

    def __init__(self, messages: pd.DataFrame) -> None:
        self.frame = messages
        self.url_codes, urls = factorize(messages["sender_url"])
        self.url_ids = person_ids(pd.Series(urls, dtype="str"))
        self.sender_url_ids = _recode(self.url_codes, self.url_ids)
        self.sender_names = factorize(messages["sender_name"])
        self.recipients = _Recipients(messages)
        self.conversation_codes, _ = factorize(messages["conversation_id"])
        if (self.conversation_codes < 0).all():  # old eras: no conversation ids, rows stand alone
            self.conversation_codes = np.arange(len(messages), dtype=np.int64)

    def named_ids(self) -> list[pd.DataFrame]:
        """(name, URL id, count) evidence: senders, and sole recipients."""
        return [
            count_pairs(self.sender_names, self.sender_url_ids, ("name", "id")),
            count_pairs(self.recipients.names, self.recipients.single(), ("name", "id")),
        ]

    def stated_senders(self) -> list[pd.DataFrame]:
        """``name, id`` of messages an old export marks as sent (its Direction column)."""
        stated = _stated_direction(self.frame)
        if stated is None:
            return []
        sent = _flag(stated == "outgoing")
        pairs = count_pairs(
            self.frame.loc[sent, "sender_name"], self.frame.loc[sent, "sender_url"], ("name", "id")
        )
        names = self.frame.loc[sent, "sender_name"].dropna()
        if pairs.empty and len(names):
            pairs = pd.DataFrame({"name": names.unique(), "id": pd.NA}).astype("str")
        return [pairs[["name", "id"]].assign(id=person_ids(pairs["id"]))]

    def conversations(self) -> pd.DataFrame:
        """The distinct (conversation, id) pairs, senders and recipients."""
        codes = self.conversation_codes
        conversations = pd.Index(np.arange(codes.max(initial=-1) + 1, dtype=np.int64))
        senders = count_pairs((codes, conversations), self.sender_url_ids, ("conversation", "id"))
        both = pd.concat(
            [
                senders[["conversation", "id"]],
                self.recipients.by_conversation(self.conversation_codes),
            ],
            ignore_index=True,
        )
        return both.drop_duplicates(ignore_index=True)

    def _sender_ids(self, names: NameIndex, sponsored: np.ndarray) -> tuple[pd.Series, np.ndarray]:
        """Each sender's id (from the URL, else the name), worked out per distinct (name, URL),
        and whether the row's sender has a real name (not empty, not ``LinkedIn Member``)."""
        name_codes, sender_names = self.sender_names
        width = len(self.url_ids) + 1
        pair_codes, pairs = pd.factorize((name_codes + 1) * width + self.url_codes + 1)
        pair_names = pd.Series(sender_names.array.take(pairs // width - 1, allow_fill=True))
        pair_url_ids = pd.Series(self.url_ids.array.take(pairs % width - 1, allow_fill=True))
        named = normalize_names(pair_names).notna().to_numpy(dtype=bool)
        ids = pair_url_ids.fillna(names.resolve(pair_names)).where(named)
        rows = np.where(sponsored, -1, pair_codes)
        return spread(ids.array, rows, self.frame.index), named[pair_codes]

    def resolve(self, owner: Owner, names: NameIndex) -> pd.DataFrame:
        out = self.frame.copy(deep=False)
        title = out["conversation_title"].str.strip().str.lower()
        # An advert's HTML, where the title does not say so; adverts come from senders without
        # a profile URL, so only their texts are read (not a million members' messages).
        anonymous = np.flatnonzero(self.url_codes < 0)
        html = np.zeros(len(out), dtype=bool)
        html[anonymous] = (
            take_rows(out[["content"]], anonymous)["content"]
            .str.contains("spinmail-quill-editor", regex=False, na=False)
            .to_numpy(dtype=bool)
        )
        sponsored = (title == _SPONSORED_TITLE).fillna(False).to_numpy(dtype=bool) | html
        out["is_sponsored"] = sponsored
        out["is_draft"] = _flag(out["is_draft"])
        out["is_conversation_draft"] = _flag(out["is_conversation_draft"])

        sender_id, named = self._sender_ids(names, sponsored)
        out["sender_id"] = sender_id
        self.recipients.resolve_names(names)
        out["recipient_ids"] = self.recipients.ids(out.index)

        # Direction as codes: 0 outgoing, 1 incoming, -1 unknown; later rules win.
        no_name = out["sender_name"].isna().to_numpy()
        code = np.full(len(out), -1, dtype=np.int8)
        code[no_name & self.recipients.includes(owner.person_id)] = 1
        code[sender_id.notna().to_numpy() | (~named & ~no_name) | sponsored] = 1
        owner_sent = (sender_id == owner.person_id).fillna(False).to_numpy(bool)
        code[owner_sent | out["is_draft"].to_numpy()] = 0
        derived = spread(["outgoing", "incoming"], code, out.index)
        stated = _stated_direction(out)
        if stated is not None:
            derived = stated.fillna(derived)
        out["direction"] = derived.astype("str")

        to_several = self.recipients.count() >= 2
        conversation = self.conversation_codes
        group_of = np.zeros(max(conversation.max(initial=-1) + 2, 1), dtype=bool)
        group_of[conversation[to_several & (conversation >= 0)]] = True
        group_of[-1] = False
        out["is_group"] = to_several | group_of[conversation]
        for column in MESSAGE_COLUMNS:
            if column not in out:
                out[column] = _na(out.index)
        rest = [c for c in out.columns if c not in MESSAGE_COLUMNS and c != "direction_raw"]
        return out[MESSAGE_COLUMNS + rest]


def _invitation_ids(invitations: pd.DataFrame) -> pd.DataFrame:
    out = invitations.copy(deep=False)
    stated = out["direction_raw"].str.strip().str.lower().map(_DIRECTIONS)
    out["direction"] = stated.astype("str")
    for role in ("inviter", "invitee"):
        column = f"{role}_url"
        out[f"{role}_id"] = person_ids(out[column]) if column in out else _na(out.index)
    return out


def _resolve_invitations(invitations: pd.DataFrame, names: NameIndex) -> pd.DataFrame:
    out = invitations
    outgoing = _flag(out["direction"] == "outgoing")
    out["name"] = out["to_name"].where(outgoing, out["from_name"]).astype("str")
    url_id = out["invitee_id"].where(outgoing, out["inviter_id"]).astype("str")
    url = out["invitee_url"].where(outgoing, out["inviter_url"]) if "invitee_url" in out else url_id
    out["person_id"] = url_id.fillna(names.resolve(out["name"])).astype("str")
    out["profile_url"] = url.where(url_id.notna()).astype("str")
    note = out["message"].str.strip()
    out["message"] = note.where(note != "").astype("str")
    out["has_note"] = out["message"].notna()
    first = [
        "sent_at", "direction", "person_id", "name", "profile_url", "message", "has_note",
        "from_name", "to_name",
    ]  # fmt: skip
    dropped = ("direction_raw", "inviter_id", "invitee_id")
    return out[first + [c for c in out.columns if c not in first and c not in dropped]]


def _resolve_named(frame: pd.DataFrame, names: NameIndex, *, first: list[str]) -> pd.DataFrame:
    """Tables keyed by first and last name, with or without a URL (endorsements,
    recommendations)."""
    out = frame.copy(deep=False)
    out["name"] = full_names(out["first_name"], out["last_name"])
    url_id = person_ids(out["profile_url"]) if "profile_url" in out else _na(out.index)
    out["person_id"] = url_id.fillna(names.resolve(out["name"])).astype("str")
    return out[first + [c for c in out.columns if c not in first]]


def resolve_tables(
    tables: dict[str, pd.DataFrame],
) -> tuple[dict[str, pd.DataFrame], Owner, ListColumn]:
    """Add person ids, directions and flags to the tables read from one export.

    Returns the tidy tables, the owner, and the messages' ``recipient_ids`` as a `ListColumn`.
    The owner's id is never a row's `person_id`: the owner is the other side of every row.
    """
    out = dict(tables)
    # The million messages are factorized in the background while the other tables are read.
    messages_read = in_background(lambda: _MessagePeople(tables["messages"]))
    connections = out["connections"].copy(deep=False)
    connections["name"] = full_names(connections["first_name"], connections["last_name"])
    connections["person_id"] = person_ids(connections["profile_url"])
    connections["is_hidden"] = connections["name"].isna() & connections["profile_url"].isna()

    invitations = _invitation_ids(out["invitations"])
    endorsements = out["endorsements"].copy(deep=False)
    endorsement_names = full_names(endorsements["first_name"], endorsements["last_name"])
    endorsement_ids = person_ids(endorsements["profile_url"])
    messages = messages_read.result()
    named_ids = [
        count_pairs(connections["name"], connections["person_id"], ("name", "id")),
        *messages.named_ids(),
        count_pairs(invitations["from_name"], invitations["inviter_id"], ("name", "id")),
        count_pairs(invitations["to_name"], invitations["invitee_id"], ("name", "id")),
        count_pairs(endorsement_names, endorsement_ids, ("name", "id")),
    ]
    profile = out["profile"]
    profile_name = None
    if len(profile):
        first_name = full_names(profile["first_name"], profile["last_name"]).iloc[0]
        profile_name = None if pd.isna(first_name) else str(first_name)
    outgoing = invitations[_flag(invitations["direction"] == "outgoing")]
    outgoing = pd.concat(
        [
            pd.DataFrame({"name": outgoing["from_name"], "id": outgoing["inviter_id"]}),
            *messages.stated_senders(),
        ],
        ignore_index=True,
    )
    owner = find_owner(
        profile_name,
        pd.concat(named_ids[1:5], ignore_index=True),  # never a connection of their own
        messages.conversations(),
        outgoing,
    )
    if owner.person_id and owner.name:
        named_ids.append(pd.DataFrame({"name": [owner.name], "id": [owner.person_id]}))
    names = NameIndex(named_ids)

    connections["person_id"] = (
        connections["person_id"].fillna(names.resolve(connections["name"])).astype("str")
    )
    first = [
        "person_id", "first_name", "last_name", "name", "profile_url", "email", "company",
        "position", "connected_on", "is_hidden",
    ]  # fmt: skip
    out["connections"] = connections[first + [c for c in connections.columns if c not in first]]
    out["messages"] = messages.resolve(owner, names)
    recipients = messages.recipients.column()
    assistant = _MessagePeople(out["assistant_messages"]).resolve(owner, names)
    if "source" not in assistant:
        assistant["source"] = _na(assistant.index)
    out["assistant_messages"] = assistant
    out["invitations"] = _resolve_invitations(invitations, names)
    out["endorsements"] = _resolve_named(
        endorsements,
        names,
        first=["endorsed_at", "direction", "person_id", "name", "profile_url", "skill", "status"],
    )
    recommendation_columns = [
        "created_at", "direction", "person_id", "name", "first_name", "last_name",
        "company", "job_title", "text", "status",
    ]  # fmt: skip
    out["recommendations"] = _resolve_named(
        out["recommendations"], names, first=recommendation_columns
    )
    contacts = out["contacts"].copy(deep=False)
    contacts["name"] = full_names(contacts["first_name"], contacts["last_name"])
    contacts["person_id"] = names.lookup(contacts["name"])
    out["contacts"] = contacts
    follows = out["member_follows"].copy(deep=False)
    follows["person_id"] = names.lookup(follows["name"])
    out["member_follows"] = follows
    positions = out["positions"].copy(deep=False)
    positions["is_current"] = positions["started_on"].notna() & positions["finished_on"].isna()
    out["positions"] = positions
    return out, owner, recipients
