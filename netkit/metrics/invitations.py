"""Invitations and first messages: personal or templated, warm or cold, a hello or a pitch.

How a relationship starts says a lot about it. A note written for one person ("I enjoyed your
talk on data contracts, how do you handle versioning?") opens a conversation; LinkedIn's default
sentence or a copy-pasted note sent to hundreds does not; and a sales pitch a day after
connecting is the spam of professional networks. `invitation_quality` scores every invitation
both ways, `invitation_summary` gives the per-direction shares ``health_summary`` reports, and
`pitch_after_connect` finds the relationships whose first message, right after connecting,
asks for something.

The word lists are data: ``netkit/lexicons/pitch_en.txt`` (asks and sales words) and
``netkit/lexicons/personal_en.txt`` (personal hooks), both documented in the files; every
function takes your own list instead.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._distinct import first_of_each, is_in, positions_in, take_rows
from ..events import CHANNELS, utc_timestamps
from ._common import (
    CONTACT_CHANNELS,
    as_of_timestamp,
    coded_until,
    empty_frame,
    load_lexicon,
    memoized,
    record,
    rows_until,
)

if TYPE_CHECKING:
    from ..export import Export

__all__ = [
    "DEFAULT_NOTE_PATTERNS",
    "INVITATION_COLUMNS",
    "PERSONALIZATION_POINTS",
    "PITCH_COLUMNS",
    "compile_lexicon",
    "invitation_quality",
    "invitation_summary",
    "is_default_note",
    "pitch_after_connect",
]

#: LinkedIn's default invitation sentences (lower case, straight apostrophes), as regexes.
DEFAULT_NOTE_PATTERNS: tuple[str, ...] = (
    r"i(?:'d| would) like to add you to my (?:professional |linkedin )?network(?: on linkedin)?",
    r"i(?:'d| would) like to join your (?:professional |linkedin )?network(?: on linkedin)?",
    r"(?:i(?:'d| would) like you to |please )?join my (?:professional |linkedin )?network"
    r"(?: on linkedin)?",
    r"i(?:'d| would) like to connect with you on linkedin",
)

#: Points of the personalization score; the sum is clipped to 0–100.
PERSONALIZATION_POINTS: dict[str, int] = {
    "names_recipient": 20,
    "names_company": 20,
    "has_hook": 40,
    "has_question": 20,
    "has_ask": -40,
}

#: The columns of `invitation_quality` and their dtypes.
INVITATION_COLUMNS: dict[str, str] = {
    "sent_at": "datetime64[us, UTC]",
    "direction": "str",
    "person_id": "str",
    "name": "str",
    "has_note": "bool",
    "is_template": "bool",
    "personalization": "int64",
    "warm": "boolean",
    "message": "str",
    "is_default_note": "bool",
    "similar_notes": "int64",
    "names_recipient": "bool",
    "names_company": "bool",
    "has_hook": "bool",
    "has_question": "bool",
    "has_ask": "bool",
}

#: The columns of `pitch_after_connect` and their dtypes.
PITCH_COLUMNS: dict[str, str] = {
    "person_id": "str",
    "direction": "str",
    "sent_at": "datetime64[us, UTC]",
    "connected_on": "datetime64[us, UTC]",
    "is_pitch": "boolean",
    "matched_words": "object",
    "name": "str",
    "days_after_connect": "int64",
    "opening_messages": "int64",
}

#: A note that is the default sentence may add at most this many words (a greeting, a name).
_DEFAULT_NOTE_EXTRA_WORDS = 6
#: Words of a company name that do not identify it.
_COMPANY_NOISE = frozenset({
    "the", "and", "of", "&", "group", "inc", "ltd", "llc", "gmbh", "co", "company", "corp",
    "corporation", "plc", "ag", "sa", "as", "ab", "bv", "nv", "limited", "holding", "holdings",
})  # fmt: skip
_WORD = r"[^\W_]+"
#: What makes an invitation warm: an exchange before it (an earlier invitation alone does not).
_WARM_CHANNELS = tuple(channel for channel in CONTACT_CHANNELS if channel != "invitation")


# -- text helpers -----------------------------------------------------------------------------


def compile_lexicon(entries: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any entry of a word list as whole words.

    A space in an entry matches any whitespace, a straight apostrophe also matches a curly one,
    and a final ``*`` matches any word ending (``invest*``: invest, investor, investment).
    Longer entries are tried first, so ``quick call`` wins over ``call``. The pattern uses only
    syntax Python's `re` and RE2 share (``\\b``, no look-arounds), so pandas may run it in
    pyarrow; pandas itself falls back to `re` where the two would differ (non-ASCII text).
    """
    parts = []
    unique = {entry.strip().lower() for entry in entries if entry and entry.strip()}
    for entry in sorted(unique, key=lambda text: (-len(text), text)):
        prefix = entry.endswith("*")
        core = entry.rstrip("*").strip()
        if not core:
            continue
        body = r"\s+".join(re.escape(word) for word in core.split())
        body = body.replace("'", "['’]")
        left = r"\b" if re.match(r"\w", core) else ""
        right = r"\w*" if prefix else (r"\b" if re.search(r"\w$", core) else "")
        parts.append(f"{left}{body}{right}")
    if not parts:
        return re.compile(r"[^\s\S]")  # matches nothing
    return re.compile("|".join(parts), re.IGNORECASE)


def _plain(text: pd.Series) -> pd.Series:
    """Lower case, straight apostrophes and quotes, whitespace collapsed."""
    return (
        text.str.lower()
        .str.replace("[’‘`´]", "'", regex=True)
        .str.replace("[“”]", '"', regex=True)
        .str.replace(r"\s+", " ", regex=True)
        .str.strip()
    )


def _folded(text: pd.Series) -> pd.Series:
    """`_plain` text without accents (names are typed both ways: Søren, Soren)."""
    return (
        _plain(text)
        .str.normalize("NFKD")
        .str.replace("[\u0300-\u036f]", "", regex=True)
        .str.replace("ø", "o")
        .str.replace("æ", "ae")
        .str.replace("å", "a")
        .str.replace("ł", "l")
        .str.replace("ß", "ss")
    )


def _tokens(text: pd.Series) -> pd.DataFrame:
    """One row per word of each text: ``row`` (the text's label), ``position``, ``token``."""
    words = _folded(text).str.findall(_WORD).explode().dropna()
    frame = pd.DataFrame({"row": words.index, "token": words.to_numpy(dtype=object)})
    frame["position"] = frame.groupby("row").cumcount()
    return frame


def _contains(text: pd.Series, pattern: re.Pattern[str]) -> pd.Series:
    """Whether each text holds a match (False for missing text).

    A case-insensitive pattern whose letters are all lower-case (every lexicon's) is matched
    against the lower-cased text: the same answer, three times faster than a case-insensitive
    regular expression in Arrow. A `compile_lexicon` pattern is matched by its RE2 twin
    (`_arrow_twin`) in Arrow; other patterns go through pandas, which falls back to Python's
    `re` where RE2 would read them differently.
    """
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    letters = re.sub(r"\\.", "", pattern.pattern)  # escapes such as \S are not letters
    if ignore_case and letters == letters.lower():
        lowered = text.str.lower()
        twin = _arrow_twin(pattern.pattern)
        if twin is not None:
            return _contains_by_twin(lowered, twin, pattern.pattern)
        found = lowered.str.contains(pattern.pattern, regex=True)
    else:
        found = text.str.contains(pattern.pattern, case=not ignore_case, regex=True)
    return found.fillna(False).astype(bool)


#: Python's ``\s`` (every character for which `str.isspace` is true), spelled out for RE2,
#: whose ``\s`` knows only six ASCII characters.
_SPACE = (
    r"[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
    r"\x{202f}\x{205f}\x{3000}]"
)
_ASCII_NOT_WORD = "[^A-Za-z0-9_]"
#: The pieces `compile_lexicon` writes, for `_arrow_twin` to read.
_LEXICON_PIECE = re.compile(r"\\b|\\s\+|\\w\*|\['’\]|\\[!-/:-@\[-`{-~]|\||[^\\()\[\]{}?*+.^$|]")


@lru_cache(maxsize=64)
def _arrow_twin(pattern: str) -> str | None:
    """An RE2 pattern with a match in every text where the `compile_lexicon` pattern has one,
    and exactly there in ASCII text; None for a pattern `compile_lexicon` did not write.

    RE2 has no look-arounds and reads ``\\b`` in ASCII only. A word boundary before an
    entry becomes a character that is not an ASCII word character (or the start), after it
    one such character (or the end); ``\\w*`` after a prefix entry is dropped (it cannot
    stop a match from being found); ``\\s`` is spelled out (`_SPACE`). In ASCII text the twin
    finds exactly the same texts; next to a non-ASCII letter it may find more, and
    `_contains_by_twin` checks those texts with Python's `re`.
    """
    pieces = _LEXICON_PIECE.findall(pattern)
    if "".join(pieces) != pattern:
        return None
    alternatives: list[list[str]] = [[]]
    for piece in pieces:
        if piece == "|":
            alternatives.append([])
        else:
            alternatives[-1].append(piece)
    twins = []
    for alternative in alternatives:
        body = list(alternative)
        left = right = ""
        if body and body[0] == "\\b":
            left, body = f"(?:^|{_ASCII_NOT_WORD})", body[1:]
        if body and body[-1] == "\\b":
            right, body = f"(?:{_ASCII_NOT_WORD}|$)", body[:-1]
        elif body and body[-1] == "\\w*":
            body = body[:-1]
        if not body or "\\b" in body or "\\w*" in body:
            return None
        twins.append(left + "".join(_SPACE + "+" if p == "\\s+" else p for p in body) + right)
    return "|".join(twins)


def _contains_by_twin(text: pd.Series, twin: str, pattern: str) -> pd.Series:
    """Whether each text holds a match of `pattern`, found by its `_arrow_twin` in Arrow;
    the few texts the twin finds that hold a non-ASCII character are checked in Python."""
    values = pa.array(text.array)
    found = pc.fill_null(pc.match_substring_regex(values, pattern=twin), False)
    found = found.to_numpy(zero_copy_only=False).astype(bool)
    ascii_only = pc.fill_null(pc.string_is_ascii(values), True).to_numpy(zero_copy_only=False)
    unsure = np.flatnonzero(found & ~ascii_only)
    if unsure.size:
        check = re.compile(pattern)
        found[unsure] = [check.search(value) is not None for value in text.iloc[unsure]]
    return pd.Series(found, index=text.index)


# -- invitation quality -----------------------------------------------------------------------


def is_default_note(note: pd.Series) -> pd.Series:
    """Whether each note is LinkedIn's default sentence ("I'd like to add you to my professional
    network"), possibly with a greeting and a name around it; False for missing notes."""
    plain = _plain(note)
    sentence = re.compile("|".join(f"(?:{p})" for p in DEFAULT_NOTE_PATTERNS))
    leftover = plain.str.replace(sentence, " ", regex=True)
    extra_words = leftover.str.count(_WORD)
    return (
        _contains(plain, sentence)
        & (extra_words <= _DEFAULT_NOTE_EXTRA_WORDS).fillna(False).astype(bool)
        & ~leftover.str.contains("?", regex=False).fillna(False).astype(bool)
    )


def _recipient_names(invitations: pd.DataFrame, ex: Export) -> pd.DataFrame:
    """``row, token``: the words of the recipient's name (the contact, or the owner)."""
    outgoing = (invitations["direction"] == "outgoing").fillna(False).astype(bool)
    first_names = ex.people.drop_duplicates("person_id").set_index("person_id")["first_name"]
    owner_name = ex.owner.name or ""
    recipient = pd.Series(
        np.where(
            outgoing,
            invitations["name"].fillna("")
            + " "
            + invitations["person_id"].map(first_names).fillna(""),
            owner_name,
        ),
        index=invitations.index,
        dtype="str",
    )
    names = _tokens(recipient)
    return names.loc[names["token"].str.len() >= 2, ["row", "token"]].drop_duplicates()


def _recipient_companies(invitations: pd.DataFrame, ex: Export) -> pd.DataFrame:
    """``row, company, token``: the words of each company the recipient works or worked at.

    The contact's company as the export knows it (their current one), or every company in the
    owner's Positions for an invitation the owner received.
    """
    outgoing = (invitations["direction"] == "outgoing").fillna(False).astype(bool)
    companies = ex.people.drop_duplicates("person_id").set_index("person_id")["company"]
    theirs = invitations.loc[outgoing, "person_id"].map(companies).dropna()
    parts = [pd.DataFrame({"row": theirs.index, "company": theirs.to_numpy(dtype=object)})]
    owner_companies = ex.positions["company"].dropna().unique()
    incoming_rows = invitations.index[~outgoing]
    if len(owner_companies) and len(incoming_rows):
        parts.append(
            pd.DataFrame(
                {
                    "row": np.repeat(incoming_rows, len(owner_companies)),
                    "company": np.tile(
                        np.asarray(owner_companies, dtype=object), len(incoming_rows)
                    ),
                }
            )
        )
    pairs = pd.concat(parts, ignore_index=True)
    if pairs.empty:
        # typed like the frame below, so the merges on ``token`` work when no note has a company
        return pd.DataFrame(
            {
                "row": pd.Series(dtype="int64"),
                "company": pd.Series(dtype="int64"),
                "token": pd.Series(dtype=object),
            }
        )
    # `company` numbers each (invitation, company) pair; its words are the rows of `words`.
    words = _tokens(pairs["company"].astype("str")).rename(columns={"row": "company"})
    words["row"] = words["company"].map(pairs["row"])
    significant = ~words["token"].isin(_COMPANY_NOISE)
    # A company made only of noise words ("The Group") keeps them all.
    keep = significant | ~significant.groupby(words["company"]).transform("any")
    return words.loc[keep, ["row", "company", "token"]]


def _names_company(tokens: pd.DataFrame, companies: pd.DataFrame) -> pd.Series:
    """Rows whose note holds every significant word of one of the recipient's companies."""
    if companies.empty:
        return pd.Series(dtype=bool)
    needed = companies.drop_duplicates().groupby(["row", "company"]).size()
    present = companies.drop_duplicates().merge(
        tokens[["row", "token"]].drop_duplicates(), on=["row", "token"]
    )
    found = present.groupby(["row", "company"]).size().reindex(needed.index, fill_value=0)
    complete = (found == needed).groupby(level="row").any()
    return complete[complete]


def _similar_notes(
    tokens: pd.DataFrame,
    names: pd.DataFrame,
    companies: pd.DataFrame,
    *,
    similarity: float,
    shingle_size: int,
) -> pd.Series:
    """For each note (rows of `tokens`), how many of the other notes nearly repeat it.

    Names, companies and numbers are replaced by placeholders, each note becomes its set of
    `shingle_size`-word shingles, and two notes are near-repeats when the Jaccard similarity of
    their shingle sets (shared / all) is at least `similarity`. Identical notes are compared
    once (as one distinct form with its count).
    """
    words = tokens.copy()
    name_hit = words.merge(names.assign(_name=True), on=["row", "token"], how="left")["_name"]
    company_hit = words.merge(
        companies[["row", "token"]].drop_duplicates().assign(_company=True),
        on=["row", "token"],
        how="left",
    )["_company"]
    words["token"] = np.select(
        [
            name_hit.notna().to_numpy(),
            company_hit.notna().to_numpy(),
            words["token"].str.fullmatch(r"\d+").to_numpy(dtype=bool),
        ],
        ["<name>", "<company>", "<number>"],
        words["token"].to_numpy(dtype=object),
    )
    # Shingles: the k words starting at each position; a note shorter than k is one shingle.
    words = words.sort_values(["row", "position"], kind="stable")
    grouped = words.groupby("row")["token"]
    shingle = words["token"].astype(object)
    complete = pd.Series(True, index=words.index)
    for step in range(1, shingle_size):
        following = grouped.shift(-step)
        complete &= following.notna()
        shingle = shingle + " " + following.fillna("").astype(object)
    length = grouped.transform("size")
    whole = words["row"].map(grouped.agg(" ".join))
    keep = complete | ((length < shingle_size) & (words["position"] == 0))
    shingles = pd.DataFrame(
        {
            "row": words.loc[keep, "row"],
            "shingle": np.where(length[keep] < shingle_size, whole[keep], shingle[keep]),
        }
    ).drop_duplicates()
    if shingles.empty:
        return pd.Series(0, index=pd.Index([], dtype="int64"), dtype="int64")

    # Distinct forms: identical normalized notes are one form with a count.
    form_text = whole.groupby(words["row"]).first()
    form_of_row, forms = pd.factorize(form_text)
    form_of_row = pd.Series(form_of_row, index=form_text.index)
    copies = np.bincount(form_of_row.to_numpy(), minlength=len(forms))
    form_shingles = (
        pd.DataFrame({"form": shingles["row"].map(form_of_row), "shingle": shingles["shingle"]})
        .drop_duplicates()
        .reset_index(drop=True)
    )
    size = form_shingles.groupby("form").size()
    pairs = form_shingles.merge(form_shingles, on="shingle", suffixes=("_a", "_b"))
    pairs = pairs[pairs["form_a"] != pairs["form_b"]]
    shared = pairs.groupby(["form_a", "form_b"]).size().rename("shared").reset_index()
    union = (
        shared["form_a"].map(size).to_numpy()
        + shared["form_b"].map(size).to_numpy()
        - shared["shared"].to_numpy()
    )
    near = shared[shared["shared"].to_numpy() / union >= similarity]
    near_copies = (
        pd.Series(copies[near["form_b"].to_numpy()]).groupby(near["form_a"].to_numpy()).sum()
    )
    others = pd.Series(copies - 1, dtype="int64").add(near_copies, fill_value=0).astype("int64")
    return form_of_row.map(others).astype("int64")


def _no_invitations_reason(ex: Export, as_of: pd.Timestamp) -> str:
    if not (ex.files["kind"] == "invitations").any():
        return "the export holds no Invitations.csv, so invitations cannot be scored"
    return f"no invitation up to {as_of:%Y-%m-%d %H:%M} UTC"


@memoized
def invitation_quality(
    ex: Export,
    *,
    as_of: object = None,
    template_similarity: float = 0.6,
    template_repeats: int = 3,
    shingle_size: int = 3,
    lexicon: Iterable[str] | None = None,
    hooks: Iterable[str] | None = None,
) -> pd.DataFrame:
    """How personal each invitation was, both ways: a note, a template, a hook, a prior contact.

    A connection request with a note written for one person starts a relationship; LinkedIn's
    default sentence, or the same note pasted to hundreds, starts nothing. Cold, templated
    requests at volume are the hoarding pattern; requests to people one already talks to, with
    a personal note, are networking. One row per invitation up to `as_of`, sent or received.

    - **has_note**: any non-empty note, LinkedIn's default sentence included.
    - **is_template**: LinkedIn's default sentence ("I'd like to add you to my professional
      network on LinkedIn", the "join my network" variants, curly apostrophes, with a greeting
      or a trailing name of up to 6 words), or, for the owner's own notes, a note that nearly
      repeats `template_repeats` or more of the owner's other notes. Near-repeats: names,
      companies and numbers are replaced by placeholders, each note becomes its set of
      `shingle_size`-word sequences, and two notes are near-repeats when they share at least
      `template_similarity` of them (Jaccard similarity). Received notes come from different
      senders, so only the default-sentence rule applies to them.
    - **personalization** (0–100): points for what shows the note was written for this
      person, clipped to 0–100 (``PERSONALIZATION_POINTS``): it names the recipient (first or
      last name, +20) or their company (+20; the contact's company, or any company in the
      owner's Positions for a received note), it has a personal hook (a talk, post, article,
      event, shared group or school, a mutual contact: the ``personal`` word list, +40), it asks
      a question (+20); an ask or a sales pitch (the ``pitch`` word list) costs 40. No note
      scores 0.
    - **warm**: a message, endorsement or recommendation either way before the invitation (an
      earlier invitation alone does not make it warm); NA when the person is unknown.
      Received invitations without a note from people never interacted with are the "who are
      you?" requests (`invitation_summary`).

    Parameters
    ----------
    ex : Export
        A loaded export.
    as_of : str or Timestamp, optional
        Only invitations and interactions up to this instant count (default ``ex.as_of``).
    template_similarity : float, default 0.6
        Jaccard similarity of two notes' shingle sets from which they are near-repeats.
    template_repeats : int, default 3
        Near-repeats of the owner's other notes that make a note a template.
    shingle_size : int, default 3
        Words per shingle.
    lexicon : iterable of str, optional
        Ask and pitch words (default: ``netkit/lexicons/pitch_en.txt``).
    hooks : iterable of str, optional
        Personal hook words (default: ``netkit/lexicons/personal_en.txt``).

    Returns
    -------
    pandas.DataFrame
        One row per invitation, oldest first: ``sent_at, direction, person_id, name,
        has_note, is_template, personalization, warm``, then the evidence: ``message`` (the
        note), ``is_default_note``, ``similar_notes`` (near-repeats among the owner's other
        notes; 0 for received ones), and the parts of the score ``names_recipient,
        names_company, has_hook, has_question, has_ask``. ``attrs["params"]`` holds the
        thresholds, ``attrs["reason"]`` why the result is empty (no Invitations.csv, or no
        invitation up to `as_of`).

    See Also
    --------
    invitation_summary : the per-direction shares.
    """
    cut = as_of_timestamp(ex, as_of)
    params = {
        "template_similarity": template_similarity,
        "template_repeats": template_repeats,
        "shingle_size": shingle_size,
        "lexicon": "pitch_en" if lexicon is None else tuple(lexicon),
        "hooks": "personal_en" if hooks is None else tuple(hooks),
        "personalization_points": dict(PERSONALIZATION_POINTS),
    }
    asks = compile_lexicon(load_lexicon("pitch") if lexicon is None else params["lexicon"])
    hook_words = compile_lexicon(load_lexicon("personal") if hooks is None else params["hooks"])
    invitations = rows_until(ex.invitations, "sent_at", cut)
    if invitations.empty:
        reason = _no_invitations_reason(ex, cut)
        return record(empty_frame(INVITATION_COLUMNS, reason), cut, **params)
    invitations = invitations.sort_values("sent_at", kind="stable", ignore_index=True)

    written = (invitations["message"].str.strip() != "").fillna(False).astype(bool)
    note = invitations["message"].where(written)
    has_note = note.notna().to_numpy(dtype=bool)
    noted = invitations[has_note]
    outgoing = (invitations["direction"] == "outgoing").fillna(False).to_numpy(dtype=bool)

    tokens = _tokens(note[has_note])
    names = _recipient_names(noted, ex)
    companies = _recipient_companies(noted, ex)
    named = tokens.merge(names, on=["row", "token"])["row"].unique()
    names_recipient = invitations.index.isin(named)
    names_company = invitations.index.isin(_names_company(tokens, companies).index)
    is_default = is_default_note(note).to_numpy(dtype=bool)

    own = tokens[tokens["row"].isin(invitations.index[outgoing & has_note])]
    similar = _similar_notes(
        own, names, companies, similarity=template_similarity, shingle_size=shingle_size
    )
    similar_notes = similar.reindex(invitations.index, fill_value=0).to_numpy(dtype="int64")
    is_template = is_default | (outgoing & (similar_notes >= template_repeats))

    has_hook = _contains(note, hook_words).to_numpy()
    has_question = note.str.contains("?", regex=False).fillna(False).to_numpy(dtype=bool)
    has_ask = _contains(note, asks).to_numpy()
    parts = {
        "names_recipient": names_recipient,
        "names_company": names_company,
        "has_hook": has_hook,
        "has_question": has_question,
        "has_ask": has_ask,
    }
    points = sum(
        PERSONALIZATION_POINTS[part] * flags.astype("int64") for part, flags in parts.items()
    )
    personalization = np.where(has_note, np.clip(points, 0, 100), 0)

    # The log is in time order: a person's first warm row is their first exchange.
    log = coded_until(ex, cut)
    warm_rows = np.flatnonzero(np.isin(log.channel, [CHANNELS.index(c) for c in _WARM_CHANNELS]))
    firsts = warm_rows[first_of_each(log.person[warm_rows])]
    first_exchange = np.full(len(log.people) + 1, np.iinfo(np.int64).max)
    first_exchange[log.person[firsts]] = log.timestamp[firsts]
    first_exchange[-1] = np.iinfo(np.int64).max  # no id, or a person never seen
    invited = positions_in(invitations["person_id"], log.people)
    before = first_exchange[invited] < invitations["sent_at"].array.asi8
    warm = pd.array(before, dtype="boolean")
    warm[invitations["person_id"].isna().to_numpy()] = pd.NA

    result = pd.DataFrame(
        {
            "sent_at": invitations["sent_at"],
            "direction": invitations["direction"],
            "person_id": invitations["person_id"],
            "name": invitations["name"],
            "has_note": has_note,
            "is_template": is_template,
            "personalization": personalization,
            "warm": warm,
            "message": invitations["message"],
            "is_default_note": is_default,
            "similar_notes": similar_notes,
            **parts,
        }
    ).astype(INVITATION_COLUMNS)
    return record(result, cut, **params)


def invitation_summary(
    ex: Export, *, as_of: object = None, since: object = None, **thresholds: object
) -> pd.Series:
    """The invitation figures of ``health_summary``, per direction.

    Parameters
    ----------
    ex : Export
        A loaded export.
    as_of : str or Timestamp, optional
        Only invitations up to this instant count (default ``ex.as_of``).
    since : str or Timestamp, optional
        Only invitations after this instant count, for one period's figures: pass the
        previous period's `as_of` (a date alone means the end of that day). Default: all.
    **thresholds
        Passed to `invitation_quality` (``template_similarity``, ``template_repeats``...).

    Returns
    -------
    pandas.Series
        ``invitations_sent``, ``invitations_received``
            Numbers of invitations each way.
        ``outgoing_note_share``
            Share of sent invitations with a note (the default sentence included).
        ``outgoing_template_share``
            Share of sent invitations whose note is a template (of all sent invitations, so
            it is at most ``outgoing_note_share``).
        ``outgoing_warm_share``
            Share of sent invitations to people the owner had interacted with before.
        ``outgoing_mean_personalization``
            Mean personalization (0–100) of the sent invitations.
        ``incoming_note_share``
            Share of received invitations with a note.
        ``incoming_who_are_you_share``
            Share of received invitations with no note from people the owner had never
            interacted with: "who are you?" requests.

        Shares are NaN when there is no invitation that way. ``attrs`` as in
        `invitation_quality`.
    """
    scored = invitation_quality(ex, as_of=as_of, **thresholds)
    if since is not None:
        scored = scored[scored["sent_at"] > as_of_timestamp(ex, since)]
    sent = scored[scored["direction"] == "outgoing"]
    received = scored[scored["direction"] == "incoming"]
    cold = ~received["warm"].fillna(False).astype(bool)

    def share(flags: pd.Series, total: int) -> float:
        return float(flags.sum() / total) if total else np.nan

    summary = pd.Series(
        {
            "invitations_sent": len(sent),
            "invitations_received": len(received),
            "outgoing_note_share": share(sent["has_note"], len(sent)),
            "outgoing_template_share": share(sent["is_template"], len(sent)),
            "outgoing_warm_share": share(sent["warm"].fillna(False), len(sent)),
            "outgoing_mean_personalization": (
                float(sent["personalization"].mean()) if len(sent) else np.nan
            ),
            "incoming_note_share": share(received["has_note"], len(received)),
            "incoming_who_are_you_share": share(~received["has_note"] & cold, len(received)),
        },
        dtype=object,
        name="invitations",
    )
    summary.attrs = dict(scored.attrs)
    summary.attrs["params"] = {**scored.attrs.get("params", {}), "since": since}
    return summary


# -- pitch after connect ----------------------------------------------------------------------


def _no_pitch_reason(ex: Export, as_of: pd.Timestamp) -> str | None:
    kinds = set(ex.files["kind"])
    if "messages" not in kinds:
        return "the export holds no messages file, so first messages cannot be read"
    if "connections" not in kinds:
        return "the export holds no Connections.csv, so connection dates are unknown"
    return None


def _message_texts(ex: Export, openings: pd.DataFrame) -> pd.DataFrame:
    """``person_id, timestamp, direction, text`` of the opening messages, from ``ex.messages``.

    `openings` rows come from ``ex.interactions`` (one per counterpart); the texts are found
    by time first, so only the few messages sent at those instants are exploded.
    """
    messages = ex.messages
    keep = (
        ~messages["is_draft"].fillna(False).astype(bool)
        & ~messages["is_sponsored"].fillna(False).astype(bool)
        & messages["sent_at"].isin(openings["timestamp"].unique())
    )
    columns = ["sent_at", "direction", "sender_id", "recipient_ids", "subject", "content"]
    real = take_rows(messages[columns], np.flatnonzero(keep.to_numpy(dtype=bool)))
    text = (real["subject"].fillna("") + "\n" + real["content"].fillna("")).str.strip()
    real = real.assign(text=text)
    outgoing = real[real["direction"] == "outgoing"].explode("recipient_ids")
    rows = pd.concat(
        [
            pd.DataFrame(
                {
                    "person_id": outgoing["recipient_ids"].astype("str"),
                    "timestamp": outgoing["sent_at"],
                    "direction": "outgoing",
                    "text": outgoing["text"],
                }
            ),
            pd.DataFrame(
                {
                    "person_id": real.loc[real["direction"] == "incoming", "sender_id"],
                    "timestamp": real.loc[real["direction"] == "incoming", "sent_at"],
                    "direction": "incoming",
                    "text": real.loc[real["direction"] == "incoming", "text"],
                }
            ),
        ],
        ignore_index=True,
    )
    return rows.dropna(subset=["person_id"]).astype({"direction": "str", "text": "str"})


def _listed_words(
    text: pd.Series, person_id: pd.Series, pattern: re.Pattern[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Each match of `pattern` in each text, in order, `_plain` (lower case), with the
    text's `person_id`: two object arrays, one row per match.

    The matches are listed with Python's `re` once per distinct text (openings repeat their
    templates) and spread back to the texts.
    """
    form, forms = pd.factorize(text)
    listed = [pattern.findall(value) for value in forms]
    per_form = np.fromiter(map(len, listed), dtype=np.int64, count=len(listed))
    flat = [word for words in listed for word in words]
    plain = _plain(pd.Series(flat, dtype="str")).to_numpy(dtype=object)
    starts = np.cumsum(per_form) - per_form
    per_row = per_form[form]
    within = np.arange(per_row.sum()) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    at = np.repeat(starts[form], per_row) + within
    return np.repeat(person_id.to_numpy(dtype=object), per_row), plain[at]


def _lists_by_key(keys: np.ndarray, values: np.ndarray) -> pd.Series:
    """Each key's distinct values as a list in order of appearance, keys in order of first
    appearance (``groupby(sort=False).agg(list)`` of the distinct pairs)."""
    pairs = pd.DataFrame({"key": keys, "value": values}).drop_duplicates()
    if pairs.empty:
        return pd.Series([], index=pd.Index([], dtype=object), dtype=object)
    code, distinct = pd.factorize(pairs["key"])
    order = np.argsort(code, kind="stable")
    ends = np.cumsum(np.bincount(code, minlength=len(distinct)))
    lists = np.split(pairs["value"].to_numpy(dtype=object)[order], ends[:-1])
    return pd.Series([part.tolist() for part in lists], index=pd.Index(distinct), dtype=object)


@memoized
def pitch_after_connect(
    ex: Export,
    *,
    within: str | pd.Timedelta = "7D",
    as_of: object = None,
    lexicon: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Relationships opened by a message right after connecting, and whether it was a pitch.

    Connecting and, a day later, asking for a sale, a demo, a job, a referral or money is the
    spam of professional networks: it treats the connection as a lead, not a relationship
    (the opposite of the slow, reciprocal exchanges that build a tie; Granovetter 1973). Both
    directions, so the owner sees the pitches they receive and the ones they send.

    One row per contact whose first message (either way) came on the day of connecting
    (``connected_on`` in Connections.csv, a date) or at most `within` after it. The text
    checked is the *opening*: the first sender's messages until the other side first answers,
    within `within` of connecting ("Thanks for connecting!" then, an hour later, the pitch,
    is a pitch). It is a pitch when it holds a word of the lexicon (default:
    ``netkit/lexicons/pitch_en.txt``, documented there): case-insensitive, whole words. A
    friendly "thanks for connecting, loved your talk" holds none.

    Parameters
    ----------
    ex : Export
        A loaded export.
    within : str or Timedelta, default "7D"
        How long after the day of connecting a first message still counts (compared day by
        day: with "7D", up to the 7th day after ``connected_on``).
    as_of : str or Timestamp, optional
        Only connections and messages up to this instant count (default ``ex.as_of``).
    lexicon : iterable of str, optional
        Your own pitch words and phrases (same syntax as the file: a final ``*`` matches any
        word ending).

    Returns
    -------
    pandas.DataFrame
        ``person_id``; ``direction`` of the first message (``outgoing``: the owner wrote
        first); ``sent_at`` of the first message; ``connected_on``; ``is_pitch`` (NA when
        every message of the opening is empty: the export lost its text, so nobody can
        tell); ``matched_words`` (a list of the pitch words found, lower case, in order, ``[]`` when
        none); then ``name``, ``days_after_connect`` and ``opening_messages`` (messages in the
        opening). Sorted by ``sent_at``. ``attrs["params"]`` holds `within` and the lexicon,
        ``attrs["reason"]`` why the result is empty (no messages file or no Connections.csv).
    """
    cut = as_of_timestamp(ex, as_of)
    window = pd.Timedelta(within)
    params = {"within": within, "lexicon": "pitch_en" if lexicon is None else tuple(lexicon)}
    reason = _no_pitch_reason(ex, cut)
    if reason is not None:
        return record(empty_frame(PITCH_COLUMNS, reason), cut, **params)
    pattern = compile_lexicon(load_lexicon("pitch") if lexicon is None else params["lexicon"])

    connections = rows_until(ex.connections.dropna(subset=["person_id"]), "connected_on", cut)
    connected_on = connections.groupby("person_id")["connected_on"].min()
    # On the log's integer codes; the log is in time order, so a person's first message row
    # is their first message.
    log = coded_until(ex, cut)
    nat = np.iinfo(np.int64).min
    day = 86_400_000_000  # microseconds
    connected_day = np.full(len(log.people) + 1, nat)
    connected_day[positions_in(connected_on.index.to_series(), log.people)] = (
        connected_on.array.asi8 // day * day
    )
    connected_day[-1] = nat  # no id, or a person never in the log
    rows = np.flatnonzero(log.on("message"))
    rows = rows[connected_day[log.person[rows]] != nat]
    first_rows = rows[first_of_each(log.person[rows])]
    first_person = log.person[first_rows]
    days_after = log.timestamp[first_rows] // day * day - connected_day[first_person]
    window_us = window // pd.Timedelta(microseconds=1)
    soon = (days_after >= 0) & (days_after <= window_us)
    if not soon.any():
        result = empty_frame(PITCH_COLUMNS, None)  # a valid answer: no such relationship
        return record(result, cut, **params)
    opener = np.full(len(log.people) + 1, -1, dtype=np.int8)
    opener[first_person[soon]] = log.direction[first_rows[soon]]

    # The opening: the first sender's messages before the other side answers, within the window.
    thread = rows[opener[log.person[rows]] >= 0]
    person = log.person[thread]
    stamps = log.timestamp[thread]
    theirs = log.direction[thread] != opener[person]
    answered = pd.Series(stamps[theirs]).groupby(person[theirs]).min()
    answered_at = np.full(len(log.people) + 1, np.iinfo(np.int64).max)
    answered_at[answered.index.to_numpy()] = answered.to_numpy()
    last_day = connected_day[person] + window_us + day
    in_opening = ~theirs & (stamps < answered_at[person]) & (stamps < last_day)
    directions = np.array(["outgoing", "incoming"], dtype=object)
    opening = pd.DataFrame(
        {
            "person_id": pd.Series(log.people.take(person[in_opening]), dtype="str"),
            "timestamp": utc_timestamps(stamps[in_opening]),
            "direction": pd.Series(directions[log.direction[thread][in_opening]], dtype="str"),
        }
    )
    chosen = first_person[soon]
    first = pd.DataFrame(
        {
            "timestamp": utc_timestamps(log.timestamp[first_rows[soon]]).to_numpy(),
            "direction": pd.array(directions[opener[chosen]], dtype="str"),
        },
        index=pd.Index(log.people.take(chosen), dtype="str", name="person_id"),
    ).sort_index()
    days_after = pd.Series(
        pd.to_timedelta(days_after[soon], unit="us"), index=log.people.take(chosen)
    )
    texts = (
        _message_texts(ex, opening)
        .merge(
            opening[["person_id", "timestamp", "direction"]].drop_duplicates(),
            on=["person_id", "timestamp", "direction"],
        )
        .sort_values(["person_id", "timestamp"], kind="stable", ignore_index=True)
    )
    text = texts["text"].astype("str")
    escaped = text.str.contains("&", regex=False).fillna(False).to_numpy(dtype=bool)
    text[escaped] = text[escaped].map(html.unescape)  # old InMails carry &nbsp; and the like
    readable = texts.loc[(text.str.strip() != "").fillna(False).astype(bool), "person_id"]
    holds = _contains(text, pattern).to_numpy()  # in Arrow; words are listed in Python
    person, words = _listed_words(text[holds], texts.loc[holds, "person_id"], pattern)
    matched = _lists_by_key(person, words)

    people = first.index
    names = ex.people.drop_duplicates("person_id").set_index("person_id")["name"]
    is_pitch = pd.array(is_in(people, matched.index), dtype="boolean")
    is_pitch[~is_in(people, readable)] = pd.NA  # no text to read: unknown
    matched_words = [words if isinstance(words, list) else [] for words in matched.reindex(people)]
    result = pd.DataFrame(
        {
            "person_id": people,
            "direction": first["direction"].to_numpy(),
            "sent_at": first["timestamp"].to_numpy(),
            "connected_on": people.map(connected_on),
            "is_pitch": is_pitch,
            "matched_words": pd.Series(matched_words, index=people, dtype=object),
            "name": people.map(names),
            "days_after_connect": days_after[people].dt.days.to_numpy(),
            "opening_messages": opening.groupby("person_id").size().reindex(people).to_numpy(),
        }
    ).astype(PITCH_COLUMNS)
    result = result.reset_index(drop=True).sort_values(
        ["sent_at", "person_id"], kind="stable", ignore_index=True
    )
    return record(result, cut, **params)
