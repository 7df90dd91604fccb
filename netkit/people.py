"""People: one `person_id` per person across every file, and the owner of the export.

A profile URL is the only reliable key LinkedIn gives, and it is spelled differently from file to
file (percent-encoded in Connections.csv, raw Unicode in messages.csv, without a scheme in the
endorsement files). `person_ids` reduces every spelling to the same id. People known only by name
(old files, recommendations) are matched to the one URL-known person with that normalized name,
else they get a ``name:`` id. The owner is found once (`find_owner`) and is never a contact.

All the work here runs on unique values (a million messages hold some 30,000 distinct people),
then maps back with vectorized pandas.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import unquote

import numpy as np
import pandas as pd

__all__ = [
    "UNKNOWN_NAMES",
    "NameIndex",
    "Owner",
    "find_owner",
    "full_names",
    "normalize_names",
    "person_ids",
    "profile_urls",
]

#: Names that stand for nobody in particular: never a person.
UNKNOWN_NAMES = frozenset({"linkedin member", "linkedin user", ""})

_SLUG = r"/in/([^/?#\s]+)"


class Owner(NamedTuple):
    """The person whose export it is."""

    name: str | None
    profile_url: str | None
    person_id: str | None


def _on_unique(values: pd.Series, function) -> pd.Series:  # noqa: ANN001
    """Apply a Python function to each distinct non-missing value only, then map back."""
    present = values.dropna()
    if present.empty:
        return pd.Series(pd.NA, index=values.index, dtype="str")
    uniques = pd.unique(present)
    mapping = {value: function(value) for value in uniques}
    return values.map(mapping).astype("str")


def _slug_id(url: str) -> str | None:
    import re

    match = re.search(_SLUG, url)
    if match is None:
        return None
    slug = unicodedata.normalize("NFC", unquote(match.group(1))).strip().lower()
    return slug or None


def person_ids(urls: pd.Series) -> pd.Series:
    """Profile URLs -> person ids: the slug after ``/in/``, percent-decoded, NFC, lower-cased.

    ``https://www.linkedin.com/in/gonz%C3%A1lez/``, ``www.linkedin.com/in/González`` and
    ``https://www.linkedin.com/in/gonzález?trk=x`` all give ``"gonzález"``. A URL without a slug
    (2023's bare ``https://www.linkedin.com/in``) gives NA.
    """
    return _on_unique(urls, _slug_id)


def profile_urls(ids: pd.Series) -> pd.Series:
    """Person ids -> a canonical profile URL (NA for ``name:`` ids)."""
    is_url_id = ids.notna() & ~ids.str.startswith("name:").fillna(False).astype(bool)
    out = "https://www.linkedin.com/in/" + ids
    return out.where(is_url_id).astype("str")


def _normalize(name: str) -> str | None:
    folded = unicodedata.normalize("NFC", " ".join(name.split())).casefold()
    return None if folded in UNKNOWN_NAMES else folded


def normalize_names(names: pd.Series) -> pd.Series:
    """Whitespace collapsed, NFC, casefolded; NA for missing names and for ``LinkedIn Member``."""
    return _on_unique(names, _normalize)


def full_names(first: pd.Series, last: pd.Series) -> pd.Series:
    """``" ".join(f"{first} {last}".split())``, NA when both parts are empty."""
    joined = first.fillna("").str.cat(last.fillna(""), sep=" ")
    collapsed = joined.str.split().str.join(" ")
    return collapsed.where(collapsed != "").astype("str")


class NameIndex:
    """Normalized name -> the one URL-known person carrying it.

    Built from every (name, id) pair the export shows; a name carried by two different people
    matches nobody (they keep ``name:`` ids rather than being merged by a guess).
    """

    def __init__(self, pairs: Iterable[tuple[pd.Series, pd.Series]]) -> None:
        frames = [
            pd.DataFrame({"name": normalize_names(names).to_numpy(), "id": ids.to_numpy()})
            for names, ids in pairs
        ]
        known = pd.concat(frames, ignore_index=True).dropna() if frames else pd.DataFrame()
        if known.empty:
            self._index: dict[str, str] = {}
            return
        known = known.drop_duplicates()
        counts = known.groupby("name")["id"].transform("size")
        unique = known[counts == 1]
        self._index = dict(zip(unique["name"], unique["id"], strict=True))

    def lookup(self, names: pd.Series) -> pd.Series:
        """The matching person id, or NA."""
        return normalize_names(names).map(self._index).astype("str")

    def resolve(self, names: pd.Series) -> pd.Series:
        """The matching person id, else ``name:<normalized name>``; NA for unknown names."""
        normalized = normalize_names(names)
        matched = normalized.map(self._index)
        return matched.fillna("name:" + normalized).astype("str")


def _most_common(values: pd.Series) -> str | None:
    values = values.dropna()
    if values.empty:
        return None
    counts = values.value_counts(sort=False)
    # Ties break by the value itself, so the answer does not depend on row order.
    top = counts[counts == counts.max()].index
    return str(sorted(top)[0])


def find_owner(
    profile: pd.DataFrame | None,
    messages: pd.DataFrame | None,
    invitations: pd.DataFrame | None,
) -> Owner:
    """Who the export belongs to.

    The name comes from Profile.csv. The URL is the one that appears with that name in the
    messages or invitations; without Profile.csv, the URL present in most conversations, else
    the ``From`` of outgoing invitations. The id is URL-based whenever any URL is known.

    `messages` and `invitations` carry the columns ``sender_name, sender_id, recipient_ids``
    and ``from_name, inviter_id, to_name, invitee_id, direction`` here.
    """
    name = None
    if profile is not None and len(profile):
        name = full_names(profile["first_name"], profile["last_name"]).iloc[0]
        name = None if pd.isna(name) else name
    pairs: list[pd.DataFrame] = []
    if messages is not None and len(messages):
        pairs.append(pd.DataFrame({"name": messages["sender_name"], "id": messages["sender_id"]}))
    if invitations is not None and len(invitations):
        pairs.append(pd.DataFrame({"name": invitations["from_name"], "id": invitations["inviter_id"]}))
        pairs.append(pd.DataFrame({"name": invitations["to_name"], "id": invitations["invitee_id"]}))
    seen = pd.concat(pairs, ignore_index=True) if pairs else pd.DataFrame({"name": [], "id": []})
    seen = seen.astype("str")

    owner_id: str | None = None
    if name is not None and len(seen):
        same_name = normalize_names(seen["name"]) == _normalize(name)
        owner_id = _most_common(seen.loc[same_name.fillna(False).astype(bool), "id"])
    if owner_id is None and messages is not None and len(messages):
        owner_id = _most_conversations(messages)
    if owner_id is None and invitations is not None and len(invitations):
        outgoing = invitations[invitations["direction"] == "outgoing"]
        owner_id = _most_common(outgoing["inviter_id"])
        if owner_id is None and name is None:
            name = _most_common(outgoing["from_name"])
    if name is None and owner_id is not None and len(seen):
        name = _most_common(seen.loc[(seen["id"] == owner_id).fillna(False).astype(bool), "name"])
    if owner_id is None and name is not None:
        owner_id = "name:" + str(_normalize(name))
    url = None
    if owner_id is not None and not owner_id.startswith("name:"):
        url = "https://www.linkedin.com/in/" + owner_id
    return Owner(name=name, profile_url=url, person_id=owner_id)


def _most_conversations(messages: pd.DataFrame) -> str | None:
    """The person id present in the most conversations (as sender or recipient)."""
    conversation = messages["conversation_id"]
    if conversation.isna().all():
        conversation = pd.Series(np.arange(len(messages)), index=messages.index).astype("str")
    senders = pd.DataFrame({"conversation": conversation, "id": messages["sender_id"]})
    recipients = pd.DataFrame({"conversation": conversation, "id": messages["recipient_ids"]})
    recipients = recipients.explode("id")
    both = pd.concat([senders, recipients], ignore_index=True).dropna().drop_duplicates()
    if both.empty:
        return None
    counts = both["id"].value_counts()
    top = counts[counts == counts.max()].index
    return str(sorted(top)[0])
