"""Anonymize an export: stable keyed pseudonyms for people and organisations, texts masked.

`anonymize` returns a copy of an `Export` that can be shared, shown in a report or attached to a
bug report without naming anybody, while every metric that counts still gives the same numbers:

- **People** get pseudonyms computed with HMAC-SHA256 under a secret key, so the same person has
  the same pseudonym in every table (`person_id`, `sender_id`, each element of
  `recipient_ids`, names, profile URLs, emails) and nobody can recompute them without the key.
  URL-based ids become slugs such as ``p-3f9a0c1d2b7e4a65``; ``name:`` ids stay ``name:`` ids,
  made of the pseudonym of the name (``name:jane doe`` -> ``name:kavoti merunasa``), so a person
  known only by name keeps the same pseudonym as their name. Profile URLs are rebuilt from the
  pseudonymous id; emails become ``<word>.<hex>@example.com``.
- **Companies, schools and job titles** get keyed pseudonyms too ("Korali Labs", "Role
  Temaso"): alone they identify nobody, together with a date they can, and keyed pseudonyms keep
  what the metrics and the graph need ("these two contacts work at the same company").
  Values that name no employer ("Self-employed", `netkit.graph.NON_EMPLOYERS`) are kept.
- **Free texts** (message content, subjects, conversation titles, invitation notes,
  recommendation texts, comments, posts, profile headline and summary, position descriptions,
  addresses, phone numbers, event names, and every column of a file netkit does not interpret)
  are *masked*, not dropped: every letter becomes ``x`` and every digit ``0``, white space and
  punctuation stay. The text keeps its length, its number of words and its lines (the
  ``words`` feature of `tie_strength` is unchanged) but says nothing. LinkedIn's default
  invitation sentence is kept as it is (it is LinkedIn's text, not the owner's).
- **Kept as they are**: timestamps, directions, flags, counts, channels, statuses, folders,
  skills, and the export's name (its date). Conversation ids, post links and member URNs become
  keyed opaque tokens, so threads still group.

Metrics that read words (the meeting and pitch lexicons, personalization) see masked text and
give different answers on an anonymized export (the tie-strength ladder and score,
`pitch_after_connect`, `invitation_quality`'s personalization): compute those on the original
and pseudonymize their columns with the same key, e.g.
``Pseudonyms(key).column(result["person_id"], "id")`` (roles as in `anonymize`: ``"id"``,
``"name"``, ``"company"``, ``"title"``...).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import re
import secrets
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._distinct import map_distinct, spread
from .graph import NON_EMPLOYERS
from .people import UNKNOWN_NAMES, Owner, fold_name, person_ids

if TYPE_CHECKING:
    from .export import Export

__all__ = ["Pseudonyms", "anonymize", "mask_text"]

PROFILE_PREFIX = "https://www.linkedin.com/in/"

#: LinkedIn's own default invitation sentences: not the owner's words, kept verbatim.
DEFAULT_NOTES = frozenset(
    {
        "i'd like to add you to my professional network on linkedin.",
        "i'd like to add you to my professional network.",
        "i’d like to add you to my professional network on linkedin.",
        "i’d like to add you to my professional network.",
    }
)

#: What to do with each column, by name (`_TABLE_ROLES` overrides per table). A text column
#: not listed is masked; a column of another type is kept.
_ROLES = {
    "person_id": "id",
    "sender_id": "id",
    "recipient_ids": "id_list",
    "name": "name",
    "sender_name": "name",
    "from_name": "name",
    "to_name": "name",
    "full_name": "name",
    "recipient_names": "name_list",
    "first_name": "first_name",
    "last_name": "last_name",
    "maiden_name": "last_name",
    "profile_url": "url",
    "sender_url": "url",
    "inviter_url": "url",
    "invitee_url": "url",
    "recipient_urls": "url_list",
    "email": "email",
    "emails": "email",
    "company": "company",
    "companies": "company",
    "organization": "company",
    "school": "company",
    "position": "title",
    "title": "title",
    "job_title": "title",
    "conversation_id": "conversation",
    "link": "link",
    "inviter_urn": "urn",
    "invitee_urn": "urn",
    "message": "note",
    "direction": "keep",
    "channel": "keep",
    "status": "keep",
    "folder": "keep",
    "source": "keep",
    "visibility": "keep",
    "type": "keep",
    "skill": "keep",
}
_TABLE_ROLES = {
    ("events", "name"): "text",  # an event's name, not a person's
    ("files", "path"): "file",
    ("files", "kind"): "keep",
    ("files", "format_version"): "keep",
    ("files", "encoding"): "keep",
    ("problems", "file"): "file",
    ("problems", "column"): "keep",
    ("problems", "reason"): "keep",
}

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_COMPANY_SUFFIXES = ("Labs", "Group", "Systems", "Partners", "Works", "Industries", "Co", "Studio")
_EMAIL = re.compile(r"[^\s,;<>()\"']+@[^\s,;<>()\"']+")
_BARE_PROFILE = re.compile(r"^(https?://)?(www\.)?linkedin\.com/in/?$", re.IGNORECASE)
_MEMBER_ID_FILE = re.compile(r"_(\d{5,})(?=\.csv$)", re.IGNORECASE)


def _ascii_table() -> np.ndarray:
    table = np.arange(256, dtype=np.uint8)
    for first, last in ((b"a", b"z"), (b"A", b"Z")):
        table[first[0] : last[0] + 1] = ord("x")
    table[ord("0") : ord("9") + 1] = ord("0")
    return table


_ASCII_MASK = _ascii_table()


def _arrow(values: pd.Series) -> pa.LargeStringArray:
    array = pa.array(values.astype("str").array)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    return array.cast(pa.large_string())


def mask_text(values: pd.Series) -> pd.Series:
    """Every letter (and combining mark) -> ``x``, every digit -> ``0``; white space and
    punctuation kept, missing stays missing.

    Vectorized: ASCII text is translated byte by byte with a lookup table over the Arrow data
    buffer; only the values holding other characters go through a (Unicode-aware) regular
    expression.
    """
    array = _arrow(values)
    if len(array) == 0:
        return values.astype("str")
    validity, offsets, data = array.buffers()
    start, end = np.frombuffer(offsets, dtype=np.int64)[[array.offset, array.offset + len(array)]]
    raw = np.frombuffer(data, dtype=np.uint8)[start:end] if data is not None else np.zeros(0)
    translated = _ASCII_MASK[raw] if raw.size else raw.astype(np.uint8)
    new_offsets = (
        np.frombuffer(offsets, dtype=np.int64)[array.offset : array.offset + len(array) + 1] - start
    )
    masked = pa.LargeStringArray.from_buffers(
        len(array),
        pa.py_buffer(np.ascontiguousarray(new_offsets)),
        pa.py_buffer(np.ascontiguousarray(translated)),
        None if validity is None else pa.py_buffer(array.is_valid().buffers()[1]),
    )
    out = pd.Series(pd.array(masked, dtype="str"), index=values.index)
    other = ~pc.fill_null(pc.string_is_ascii(array), True).to_numpy(zero_copy_only=False)
    if other.any():
        subset = pc.filter(array, pa.array(other))
        subset = pc.replace_substring_regex(subset, pattern=r"[\pL\pM]", replacement="x")
        subset = pc.replace_substring_regex(subset, pattern=r"\pN", replacement="0")
        out[other] = pd.array(subset, dtype="str")
    return out


def _mask_one(text: str) -> str:
    out = []
    for char in text:
        category = unicodedata.category(char)[0]
        out.append("x" if category in "LM" else "0" if category == "N" else char)
    return "".join(out)


class Pseudonyms:
    """Keyed, stable pseudonyms: the same value under the same key always gives the same
    pseudonym, in every table; without the key they cannot be recomputed or reversed.

    Each kind of value (person id, full name, first name, company...) is its own family:
    the HMAC-SHA256 of ``family + NUL + normalized value`` under `key` picks the pseudonym.
    Within one `Pseudonyms`, two different values never share a pseudonym (on the rare
    collision of the readable part, a few hex digits of the HMAC are appended).

    Parameters
    ----------
    key : bytes or str, optional
        The secret. None draws a random 32-byte key: the pseudonyms then differ from call to
        call and nobody, the caller included, can link them to the originals.

    Examples
    --------
    >>> p = Pseudonyms("secret")
    >>> p.person_id("ana-gonzalez") == p.person_id("ana-gonzalez")
    True
    >>> p.person_id("name:jane doe") == "name:" + p.name("Jane  Doe").casefold()
    True
    """

    def __init__(self, key: bytes | str | None = None) -> None:
        if key is None:
            key = secrets.token_bytes(32)
        if not isinstance(key, str | bytes | bytearray):
            raise TypeError(f"key must be bytes, str or None, not {type(key).__name__}")
        self._key = key.encode("utf-8") if isinstance(key, str) else bytes(key)
        self._cache: dict[str, dict[str, str]] = {}
        self._used: dict[str, set[str]] = {}

    # -- the keyed core ----------------------------------------------------------------------

    def _digest(self, family: str, value: str) -> bytes:
        message = family.encode("utf-8") + b"\0" + value.encode("utf-8")
        return hmac.new(self._key, message, hashlib.sha256).digest()

    def _pseudonym(
        self, family: str, value: str, make: Callable[[bytes], str], separator: str = " "
    ) -> str:
        cache = self._cache.setdefault(family, {})
        found = cache.get(value)
        if found is not None:
            return found
        used = self._used.setdefault(family, set())
        digest = self._digest(family, value)
        candidate = make(digest)
        if candidate in used:
            candidate = f"{candidate}{separator}{digest[-4:].hex().upper()}"
        cache[value] = candidate
        used.add(candidate)
        return candidate

    @staticmethod
    def _word(digest: bytes, start: int, syllables: int = 3) -> str:
        letters = []
        for i in range(syllables):
            byte = digest[start + i]
            letters.append(_CONSONANTS[byte % len(_CONSONANTS)])
            letters.append(_VOWELS[(byte // len(_CONSONANTS)) % len(_VOWELS)])
        return "".join(letters).capitalize()

    # -- one value ---------------------------------------------------------------------------

    def name(self, value: str) -> str:
        """A person's full name -> two pseudo-words ("Kavoti Merunasa"). ``LinkedIn Member``
        and other placeholder names are kept."""
        normalized = fold_name(value)
        if normalized in UNKNOWN_NAMES:
            return value
        return self._pseudonym(
            "name", normalized, lambda d: f"{self._word(d, 0)} {self._word(d, 3, syllables=4)}"
        )

    def first_name(self, value: str) -> str:
        """A first name -> one pseudo-word."""
        return self._pseudonym("first_name", fold_name(value), lambda d: self._word(d, 0))

    def last_name(self, value: str) -> str:
        """A last name -> one pseudo-word."""
        return self._pseudonym("last_name", fold_name(value), lambda d: self._word(d, 0))

    def person_id(self, value: str) -> str:
        """A person id -> ``p-<16 hex>``; a ``name:`` id -> ``name:`` + the name's pseudonym."""
        if value.startswith("name:"):
            return "name:" + fold_name(self.name(value[5:]))
        return self._pseudonym("person_id", value, lambda d: "p-" + d[:8].hex(), separator="")

    def profile_urls(self, values: pd.Series) -> pd.Series:
        """Profile URLs -> the canonical URL of the pseudonymous id. LinkedIn's bare ``/in``
        URL (no slug: nobody) is kept; any other URL without a profile slug becomes NA."""
        slugs = person_ids(values)
        urls = PROFILE_PREFIX + map_distinct(slugs, self.person_id)
        bare = values.str.strip().str.fullmatch(_BARE_PROFILE.pattern, case=False)
        return urls.where(slugs.notna(), values.where(bare.fillna(False).astype(bool)))

    def _url_lists(self, values: pd.Series) -> pd.Series:
        """Comma-joined profile URLs mapped element-wise, once per distinct text."""
        codes, texts = pd.factorize(values)
        parts = pd.Series(list(texts), dtype="str").str.split(",").explode()
        mapped = self.profile_urls(parts.astype("str")).fillna("")
        joined = mapped.groupby(level=0).agg(",".join).reindex(range(len(texts)))
        return spread(joined.to_numpy(dtype=object), np.asarray(codes), values.index)

    def email(self, value: str) -> str:
        """Every email address in `value` -> ``<word>.<hex>@example.com``; the rest masked."""
        parts = _EMAIL.split(value)
        found = _EMAIL.findall(value)
        out = [_mask_one(parts[0])]
        for address, rest in zip(found, parts[1:], strict=True):
            out.append(
                self._pseudonym(
                    "email",
                    address.casefold(),
                    lambda d: f"{self._word(d, 0).lower()}.{d[3:9].hex()}@example.com",
                    separator="",
                )
            )
            out.append(_mask_one(rest))
        return "".join(out)

    def company(self, value: str) -> str:
        """A company or school -> "<Word> <Suffix>"; non-employers ("Self-employed") kept."""
        normalized = fold_name(value)
        if normalized in NON_EMPLOYERS:
            return value
        return self._pseudonym(
            "company",
            normalized,
            lambda d: f"{self._word(d, 0)} {_COMPANY_SUFFIXES[d[3] % len(_COMPANY_SUFFIXES)]}",
        )

    def title(self, value: str) -> str:
        """A job title -> "Role <Word>"."""
        return self._pseudonym("title", fold_name(value), lambda d: f"Role {self._word(d, 0)}")

    def token(self, family: str, value: str) -> str:
        """An opaque keyed token ``<family>-<16 hex>`` (conversation ids, links, URNs)."""
        return self._pseudonym(family, value, lambda d: f"{family}-{d[:8].hex()}", separator="")

    # -- columns -----------------------------------------------------------------------------

    def _names_in_list(self, text: str) -> str:
        """A raw ``TO`` text: one name, or several joined by commas (names can hold commas,
        so the whole text is one name when it is a known name)."""
        if fold_name(text) in self._cache.get("name", {}):
            return self.name(text)
        pieces = re.split(r"(,\s*)", text)
        return "".join(
            piece if i % 2 else (self.name(piece) if piece.strip() else piece)
            for i, piece in enumerate(pieces)
        )

    def _file(self, path: str) -> str:
        """A member path: the owner's member id in ``Comments_12345678.csv`` replaced."""

        def replace(match: re.Match[str]) -> str:
            digits = int.from_bytes(self._digest("member_id", match.group(1))[:8], "big")
            return "_" + str(digits).zfill(len(match.group(1)))[: len(match.group(1))]

        return _MEMBER_ID_FILE.sub(replace, path)

    def _id_lists(self, values: pd.Series) -> pd.Series:
        """Lists of person ids mapped element-wise, once per distinct list."""
        keys = pd.Series(
            [tuple(v) if isinstance(v, list | tuple) else None for v in values],
            index=values.index,
            dtype=object,
        )
        codes, uniques = pd.factorize(keys)
        answers = np.empty(len(uniques), dtype=object)
        for i, ids in enumerate(uniques):
            answers[i] = [self.person_id(str(pid)) for pid in ids]
        return spread(answers, np.asarray(codes, dtype=np.int64), values.index, dtype="object")

    def column(self, values: pd.Series, role: str) -> pd.Series:
        """A whole column by its role (see `_ROLES`); every value computed once."""
        if role == "keep":
            return values
        if role == "id_list":
            return self._id_lists(values)
        if role == "url":
            return self.profile_urls(values).astype("str")
        if role == "url_list":
            return self._url_lists(values)
        if role == "text":
            return mask_text(values)
        if role == "note":
            default = values.str.strip().str.casefold().isin(DEFAULT_NOTES).fillna(False)
            return values.where(default.astype(bool), mask_text(values)).astype("str")
        one: dict[str, Callable[[str], str | None]] = {
            "id": self.person_id,
            "name": self.name,
            "name_list": self._names_in_list,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "company": self.company,
            "title": self.title,
            "conversation": lambda v: self.token("conv", v),
            "link": lambda v: self.token("link", v),
            "urn": lambda v: self.token("urn", v),
            "file": self._file,
        }
        return map_distinct(values, one[role])

    def table(self, frame: pd.DataFrame, table: str | None) -> pd.DataFrame:
        """A copy of `frame` with every column pseudonymized or masked by its role; columns
        of an unknown table (`table` None) are all masked."""
        out = frame.copy(deep=False)
        for column in frame.columns:
            values = frame[column]
            if table is None:
                role = "text"
            else:
                role = _TABLE_ROLES.get((table, column), _ROLES.get(column, "text"))
            text = pd.api.types.is_string_dtype(values.dtype) and values.dtype != object
            if role == "id_list" or text:
                out[column] = self.column(values, role)
            elif values.dtype == object:
                out[column] = self.column(values.astype("str"), "text")
        out.attrs = {}
        return out

    def owner(self, owner: Owner) -> Owner:
        """The owner with a pseudonymous name, id and URL."""
        person_id = None if owner.person_id is None else self.person_id(owner.person_id)
        url = None
        if person_id is not None and not person_id.startswith("name:"):
            url = PROFILE_PREFIX + person_id
        name = None if owner.name is None else self.name(owner.name)
        return Owner(name=name, profile_url=url, person_id=person_id)


#: Tables whose names register first, so the whole-name test of ``TO`` texts knows them.
_NAMED_FIRST = ("connections", "people", "invitations", "endorsements", "recommendations")
_EXPORT_NAME = re.compile(
    r"^(Basic|Complete)?_?LinkedIn_?Data_?Export[_\d-]*(\.zip)?$", re.IGNORECASE
)


def anonymize(ex: Export, key: bytes | str | None = None) -> Export:
    """A copy of the export with stable keyed pseudonyms for people, companies and titles, and
    every free text masked; the input is left untouched.

    The same person gets the same pseudonym in every table, so identity survives: the rows, the
    `person_id` joins between tables, the owner (never a contact), every count and timestamp
    are those of the original, and the counting metrics (`growth`, `reciprocity`,
    `quality_vs_quantity`, `build_graph`'s counts...) give the same numbers with the ids
    mapped. What each column becomes is described in the module docstring: in short, names,
    ids, profile URLs, emails, companies and titles become keyed pseudonyms (HMAC-SHA256 under
    `key`), texts are masked letter by letter (``x``) and digit by digit (``0``), keeping
    their length and words.

    Parameters
    ----------
    ex : Export
        A loaded export.
    key : bytes or str, optional
        The secret behind the pseudonyms. Give the same key to get the same pseudonyms again
        (for example in two monthly reports); None (the default) draws a random key, so two
        calls give different pseudonyms and nothing links them to the original.

    Returns
    -------
    Export
        A new export; ``owner``, every table, ``problems``, ``files`` and the uninterpreted
        files in ``other`` anonymized. ``source`` becomes the export's file name when it is
        LinkedIn's (``Complete_LinkedInDataExport_11-16-2026.zip``), else ``anonymized-export``.

    Examples
    --------
    >>> import netkit as nk
    >>> ex = nk.load_export("data/sample/Complete_LinkedInDataExport_11-16-2026.zip")
    >>> shared = nk.anonymize(ex, key="my secret")
    >>> len(shared.messages) == len(ex.messages)
    True
    >>> "Maya" in shared.owner.name
    False
    """
    pseudonyms = Pseudonyms(key)
    out = copy.copy(ex)
    tables = ex.tables
    order = [t for t in _NAMED_FIRST if t in tables] + [t for t in tables if t not in _NAMED_FIRST]
    for table in order:
        setattr(out, table, pseudonyms.table(tables[table], table))
    out.problems = pseudonyms.table(ex.problems, "problems")
    out.files = pseudonyms.table(ex.files, "files")
    out.other = {pseudonyms._file(path): pseudonyms.table(f, None) for path, f in ex.other.items()}
    out.owner = pseudonyms.owner(ex.owner)
    name = str(ex.name)
    out.name = name if _EXPORT_NAME.match(name) else "anonymized-export"
    out.source = Path(out.name)
    return out
