"""Resolve: the read tables become the tidy tables users see.

Each function here takes the frame the reader produced for one table (tidy column names, typed
values) and adds what needs the whole export: person ids, the owner, directions, flags. The
order is fixed by what depends on what: URL ids first, then the owner, then the name index, then
every table's people.
"""

from __future__ import annotations

import pandas as pd

from .people import NameIndex, Owner, find_owner, full_names, normalize_names, person_ids

__all__ = ["resolve_tables"]

_MESSAGE_COLUMNS = [
    "conversation_id", "conversation_title", "sent_at", "direction", "sender_id", "sender_name",
    "sender_url", "recipient_ids", "recipient_names", "recipient_urls", "subject", "content",
    "folder", "is_draft", "is_conversation_draft", "is_sponsored", "is_group", "attachments",
]
_SPONSORED_TITLE = "sponsored conversation"


def _str(values: object, index: pd.Index) -> pd.Series:
    return pd.Series(values, index=index, dtype="str")


def _bool(values: pd.Series) -> pd.Series:
    return values.fillna(False).astype(bool)


def _split_ids(urls: pd.Series) -> pd.Series:
    """Comma-joined profile URLs -> a list of person ids per row (computed per distinct text)."""
    present = urls.dropna()
    mapping: dict[str, list[str]] = {}
    if not present.empty:
        uniques = pd.Series(pd.unique(present), dtype="str")
        parts = uniques.str.split(",").explode()
        ids = person_ids(parts.str.strip())
        grouped = ids.groupby(level=0).agg(lambda s: [v for v in s if isinstance(v, str)])
        mapping = dict(zip(uniques, grouped.reindex(range(len(uniques))), strict=True))
    empty: list[str] = []
    mapped = urls.map(mapping)
    return mapped.where(mapped.notna(), pd.Series([empty] * len(urls), index=urls.index))


def _message_ids(messages: pd.DataFrame) -> pd.DataFrame:
    """URL-based sender and recipient ids (names come later, once the index exists)."""
    out = messages.copy()
    out["sender_id"] = person_ids(out["sender_url"]) if "sender_url" in out else _str(pd.NA, out.index)
    out["recipient_ids"] = _split_ids(out["recipient_urls"]) if "recipient_urls" in out else (
        pd.Series([[] for _ in range(len(out))], index=out.index, dtype=object)
    )
    return out


def _invitation_ids(invitations: pd.DataFrame) -> pd.DataFrame:
    out = invitations.copy()
    raw = out["direction_raw"].str.strip().str.lower()
    out["direction"] = raw.map({"outgoing": "outgoing", "incoming": "incoming"}).astype("str")
    for role in ("inviter", "invitee"):
        column = f"{role}_url"
        out[f"{role}_id"] = person_ids(out[column]) if column in out else _str(pd.NA, out.index)
    return out


def _resolve_message_people(
    messages: pd.DataFrame, owner: Owner, names: NameIndex
) -> pd.DataFrame:
    out = messages
    title = out["conversation_title"].str.strip().str.lower()
    content = out["content"].fillna("")
    out["is_sponsored"] = _bool(title == _SPONSORED_TITLE) | content.str.contains(
        "spinmail-quill-editor", regex=False
    )
    out["is_draft"] = _bool(out["is_draft"])
    out["is_conversation_draft"] = _bool(out["is_conversation_draft"])

    sender_name = normalize_names(out["sender_name"])
    nobody = sender_name.isna() | out["is_sponsored"]
    by_name = names.resolve(out["sender_name"])
    out["sender_id"] = out["sender_id"].fillna(by_name).where(~nobody).astype("str")

    # Old eras name recipients without URLs: the whole TO is one person unless every
    # comma-separated part is a known person (names themselves hold commas: "Jane Doe, MBA").
    no_urls = out["recipient_urls"].isna() & out["recipient_names"].notna()
    if no_urls.any():
        out.loc[no_urls, "recipient_ids"] = _ids_from_names(out.loc[no_urls, "recipient_names"], names)

    owner_id = owner.person_id
    n_recipients = out["recipient_ids"].str.len().fillna(0).astype("int64")
    owner_is_sender = _bool(out["sender_id"] == owner_id) if owner_id else _bool(
        sender_name == (normalize_names(pd.Series([owner.name], dtype="str")).iloc[0])
    )
    owner_is_recipient = (
        out["recipient_ids"].explode().eq(owner_id).groupby(level=0).any().reindex(out.index)
        if owner_id and len(out) else pd.Series(False, index=out.index)
    )
    raw = (
        out["direction_raw"].str.strip().str.lower().map(
            {"outgoing": "outgoing", "sent": "outgoing", "incoming": "incoming",
             "received": "incoming", "inbox": "incoming"}
        )
        if "direction_raw" in out
        else _str(pd.NA, out.index)
    )
    derived = pd.Series(pd.NA, index=out.index, dtype="str")
    derived = derived.mask(out["sender_name"].isna() & owner_is_recipient.astype(bool), "incoming")
    derived = derived.mask(out["sender_id"].notna() | nobody & out["sender_name"].notna(), "incoming")
    derived = derived.mask(owner_is_sender | out["is_draft"], "outgoing")
    out["direction"] = raw.fillna(derived).astype("str")

    conversation = out["conversation_id"]
    group_rows = n_recipients >= 2
    in_group = group_rows.groupby(conversation.fillna("")).transform("max")
    out["is_group"] = (group_rows | (in_group & conversation.notna())).astype(bool)
    for column in _MESSAGE_COLUMNS:
        if column not in out:
            out[column] = _str(pd.NA, out.index)
    return out[_MESSAGE_COLUMNS + [c for c in out.columns if c not in _MESSAGE_COLUMNS
                                   and c != "direction_raw"]]


def _ids_from_names(to_names: pd.Series, names: NameIndex) -> pd.Series:
    uniques = pd.Series(pd.unique(to_names), dtype="str")
    whole = names.resolve(uniques)
    parts = uniques.str.split(",").explode().str.strip()
    matched = names.lookup(parts)
    all_known = matched.notna().groupby(level=0).all() & (parts.groupby(level=0).size() > 1)
    listed = matched.groupby(level=0).agg(list)
    mapping = {}
    for i, text in enumerate(uniques):
        if all_known.iloc[i]:
            mapping[text] = list(listed.iloc[i])
        else:
            mapping[text] = [] if pd.isna(whole.iloc[i]) else [whole.iloc[i]]
    return to_names.map(mapping)


def _resolve_invitations(invitations: pd.DataFrame, names: NameIndex) -> pd.DataFrame:
    out = invitations
    outgoing = _bool(out["direction"] == "outgoing")
    out["name"] = out["to_name"].where(outgoing, out["from_name"]).astype("str")
    url_id = out["invitee_id"].where(outgoing, out["inviter_id"]).astype("str")
    url = out["invitee_url"].where(outgoing, out["inviter_url"]) if "invitee_url" in out else url_id
    out["person_id"] = url_id.fillna(names.resolve(out["name"])).astype("str")
    out["profile_url"] = url.where(url_id.notna()).astype("str")
    note = out["message"].str.strip()
    out["message"] = note.where(note != "").astype("str")
    out["has_note"] = out["message"].notna()
    first = ["sent_at", "direction", "person_id", "name", "profile_url", "message", "has_note",
             "from_name", "to_name"]
    rest = [c for c in out.columns if c not in first and c not in
            ("direction_raw", "inviter_id", "invitee_id")]
    return out[first + rest]


def _resolve_named(frame: pd.DataFrame, names: NameIndex, *, first: list[str]) -> pd.DataFrame:
    """Tables keyed by first/last name, with or without a URL (endorsements, recommendations)."""
    out = frame.copy()
    out["name"] = full_names(out["first_name"], out["last_name"])
    url_id = person_ids(out["profile_url"]) if "profile_url" in out else _str(pd.NA, out.index)
    out["person_id"] = url_id.fillna(names.resolve(out["name"])).astype("str")
    return out[first + [c for c in out.columns if c not in first]]


def resolve_tables(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], Owner]:
    """Add person ids, directions and flags to the tables read from one export.

    Returns the tidy tables and the owner. The owner's id is never the `person_id` of a row:
    they are the other side of every row.
    """
    out = dict(tables)
    connections = out["connections"].copy()
    connections["name"] = full_names(connections["first_name"], connections["last_name"])
    connections["person_id"] = person_ids(connections["profile_url"])
    connections["is_hidden"] = connections["name"].isna() & connections["profile_url"].isna()

    messages = _message_ids(out["messages"])
    assistant = _message_ids(out["assistant_messages"])
    invitations = _invitation_ids(out["invitations"])
    owner = find_owner(out["profile"], messages, invitations)

    endorsements = out["endorsements"].copy()
    endorsements["url_id"] = person_ids(endorsements["profile_url"])
    pairs = [
        (connections["name"], connections["person_id"]),
        (messages["sender_name"], messages["sender_id"]),
        (invitations["from_name"], invitations["inviter_id"]),
        (invitations["to_name"], invitations["invitee_id"]),
        (full_names(endorsements["first_name"], endorsements["last_name"]), endorsements["url_id"]),
    ]
    single = messages["recipient_ids"].str.len() == 1
    pairs.append((messages.loc[single, "recipient_names"],
                  messages.loc[single, "recipient_ids"].str[0].astype("str")))
    if owner.person_id and owner.name:
        pairs.append((pd.Series([owner.name], dtype="str"), pd.Series([owner.person_id], dtype="str")))
    names = NameIndex(pairs)

    by_name = names.resolve(connections["name"])
    connections["person_id"] = connections["person_id"].fillna(by_name).astype("str")
    first = ["person_id", "first_name", "last_name", "name", "profile_url", "email", "company",
             "position", "connected_on", "is_hidden"]
    out["connections"] = connections[first + [c for c in connections.columns if c not in first]]

    out["messages"] = _resolve_message_people(messages, owner, names)
    out["assistant_messages"] = _resolve_message_people(assistant, owner, names)
    out["assistant_messages"]["source"] = out["assistant_messages"]["source"].astype("str") if (
        "source" in out["assistant_messages"]) else _str(pd.NA, out["assistant_messages"].index)
    out["invitations"] = _resolve_invitations(invitations, names)
    out["endorsements"] = _resolve_named(
        endorsements.drop(columns="url_id"), names,
        first=["endorsed_at", "direction", "person_id", "name", "profile_url", "skill", "status"],
    )
    out["recommendations"] = _resolve_named(
        out["recommendations"], names,
        first=["created_at", "direction", "person_id", "name", "first_name", "last_name",
               "company", "job_title", "text", "status"],
    )
    contacts = out["contacts"].copy()
    contacts["name"] = full_names(contacts["first_name"], contacts["last_name"])
    contacts["person_id"] = names.lookup(contacts["name"])
    out["contacts"] = contacts
    follows = out["member_follows"].copy()
    follows["person_id"] = names.lookup(follows["name"])
    out["member_follows"] = follows
    positions = out["positions"].copy()
    positions["is_current"] = positions["started_on"].notna() & positions["finished_on"].isna()
    out["positions"] = positions
    return out, owner
