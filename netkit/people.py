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

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import NamedTuple
from urllib.parse import unquote

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._distinct import factorize, map_distinct, spread

__all__ = [
    "UNKNOWN_NAMES",
    "NameIndex",
    "Owner",
    "find_owner",
    "fold_name",
    "full_names",
    "normalize_names",
    "person_ids",
    "profile_urls",
]

#: Names that stand for nobody in particular: never a person.
UNKNOWN_NAMES = frozenset({"linkedin member", "linkedin user", ""})

_SLUG = r"/in/([^/?#\s]+)"
_SLUG_GROUP = r"/in/(?P<slug>[^/?#\s]+)"
_SLUG_PATTERN = re.compile(_SLUG)


class Owner(NamedTuple):
    """The person whose export it is."""

    name: str | None
    profile_url: str | None
    person_id: str | None


def _on_unique(values: pd.Series, function: Callable[[str], str | None]) -> pd.Series:
    """Apply a Python function to each distinct non-missing value only, then spread back."""
    return map_distinct(values, function, "str")


def _slug_id(url: str) -> str | None:
    match = _SLUG_PATTERN.search(url)
    if match is None:
        return None
    slug = unicodedata.normalize("NFC", unquote(match.group(1))).strip().lower()
    return slug or None


def person_ids(urls: pd.Series) -> pd.Series:
    """Profile URLs -> person ids: the slug after ``/in/``, percent-decoded, NFC, lower-cased.

    ``https://www.linkedin.com/in/gonz%C3%A1lez/``, ``www.linkedin.com/in/González`` and
    ``https://www.linkedin.com/in/gonzález?trk=x`` all give ``"gonzález"``. A URL without a slug
    (2023's bare ``https://www.linkedin.com/in``) gives NA.

    Runs once per distinct URL: plain ASCII URLs in Arrow, the others (percent-encoded or
    non-ASCII, which need decoding and Unicode normalization) one by one in Python.
    """
    codes, uniques = factorize(urls)
    if not len(uniques):
        return spread([], codes, urls.index)
    texts = pa.array(uniques.array, type=pa.large_string())
    slugs = pc.struct_field(pc.extract_regex(texts, _SLUG_GROUP), [0])
    slugs = pc.utf8_lower(slugs)
    plain = pc.and_(pc.string_is_ascii(texts), pc.invert(pc.match_substring(texts, "%")))
    answers = slugs.to_pylist()
    unusual = np.flatnonzero(~plain.to_numpy(zero_copy_only=False))
    for i, url in zip(unusual.tolist(), texts.take(pa.array(unusual)).to_pylist(), strict=True):
        answers[i] = _slug_id(url)
    return spread([a or None for a in answers], codes, urls.index)


def profile_urls(ids: pd.Series) -> pd.Series:
    """Person ids -> a canonical profile URL (NA for ``name:`` ids)."""
    is_url_id = ids.notna() & ~ids.str.startswith("name:").fillna(False).astype(bool)
    out = "https://www.linkedin.com/in/" + ids
    return out.where(is_url_id).astype("str")


def fold_name(name: str) -> str:
    """One name's normalized form: white space collapsed, NFC, casefolded (``name:`` ids)."""
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


def _normalize(name: str) -> str | None:
    folded = fold_name(name)
    return None if folded in UNKNOWN_NAMES else folded


def normalize_names(names: pd.Series) -> pd.Series:
    """Whitespace collapsed, NFC, casefolded; NA for missing names and for ``LinkedIn Member``."""
    return _on_unique(names, _normalize)


def full_names(first: pd.Series, last: pd.Series) -> pd.Series:
    """``" ".join(f"{first} {last}".split())``, NA when both parts are empty."""
    joined = first.fillna("").str.cat(last.fillna(""), sep=" ")
    # Once per distinct name, in Python: pandas would make a list object per row.
    collapsed = map_distinct(joined, lambda text: " ".join(text.split())).rename(joined.name)
    return collapsed.where(collapsed != "").astype("str")


class NameIndex:
    """Normalized name -> the one URL-known person carrying it.

    Built from the (name, id) pairs the export shows; a name carried by two different people
    matches nobody (they keep ``name:`` ids rather than being merged by a guess).

    Parameters
    ----------
    pairs
        Frames with ``name`` and ``id`` columns (more columns are ignored).
    """

    def __init__(self, pairs: Iterable[pd.DataFrame]) -> None:
        frames = [frame[["name", "id"]].astype("str") for frame in pairs]
        known = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        self._index: dict[str, str] = {}
        if known.empty:
            return
        known["name"] = normalize_names(known["name"])
        known = known.dropna().drop_duplicates()
        counts = known.groupby("name")["id"].transform("size")
        unique = known[counts == 1]
        self._index = dict(zip(unique["name"], unique["id"], strict=True))

    def lookup(self, names: pd.Series) -> pd.Series:
        """The matching person id, or NA."""
        return map_distinct(names, lambda name: self._index.get(_normalize(name) or ""))

    def resolve(self, names: pd.Series) -> pd.Series:
        """The matching person id, else ``name:<normalized name>``; NA for unknown names."""
        return map_distinct(names, self._resolve_one)

    def _resolve_one(self, name: str) -> str | None:
        normalized = _normalize(name)
        if normalized is None:
            return None
        return self._index.get(normalized, "name:" + normalized)


def _top(counts: pd.Series) -> str | None:
    """The most frequent value; ties break by the value, so row order never matters."""
    counts = counts[counts.index.notna()] if len(counts) else counts
    if counts.empty:
        return None
    top = counts[counts == counts.max()].index
    return str(sorted(top)[0])


def find_owner(
    profile_name: str | None,
    named_ids: pd.DataFrame,
    conversations: pd.DataFrame,
    outgoing: pd.DataFrame,
) -> Owner:
    """Who the export belongs to.

    The name comes from Profile.csv. The URL is the one seen most often with that name in the
    messages or invitations; without Profile.csv (or when the name never shows with a URL), the
    URL present in most conversations, else the sender of outgoing invitations (and of the
    messages old exports mark as sent). The id is URL-based whenever any URL is known.

    Parameters
    ----------
    profile_name
        The owner's name from Profile.csv, if there is one.
    named_ids
        ``name, id, n``: how often each name was seen with each URL-based id.
    conversations
        ``conversation, id``: the distinct people taking part in each conversation.
    outgoing
        ``name, id`` of the sender of each outgoing invitation, and of each message an old
        export marks as sent (id NA without URLs).
    """
    name = profile_name
    owner_id: str | None = None
    if name is not None and len(named_ids):
        same = (normalize_names(named_ids["name"]) == _normalize(name)).fillna(False)
        owner_id = _top(named_ids[same.astype(bool)].groupby("id")["n"].sum())
    if owner_id is None and len(conversations):
        owner_id = _top(conversations["id"].value_counts())
    if owner_id is None and len(outgoing):
        owner_id = _top(outgoing["id"].value_counts())
        if owner_id is None and name is None:
            name = _top(outgoing["name"].value_counts())
    if name is None and owner_id is not None and len(named_ids):
        mine = named_ids[(named_ids["id"] == owner_id).fillna(False).astype(bool)]
        name = _top(mine.groupby("name")["n"].sum())
    if owner_id is None and name is not None:
        owner_id = "name:" + str(_normalize(name))
    url = None
    if owner_id is not None and not owner_id.startswith("name:"):
        url = "https://www.linkedin.com/in/" + owner_id
    return Owner(name=name, profile_url=url, person_id=owner_id)
