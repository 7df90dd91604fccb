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
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._distinct import factorize, first_of_each, is_in, looked_up, positions_in, take_rows
from ..events import CHANNELS, utc_timestamps
from ._common import (
    CONTACT_CHANNELS,
    as_of_timestamp,
    coded_until,
    empty_frame,
    load_lexicon,
    memoized,
    people_by_id,
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
    network"), possibly with a greeting and a name around it; False for missing notes.

    Judged once per distinct note (a template repeats).
    """
    codes, distinct = factorize(note)
    judged = _is_default_text(pd.Series(distinct, dtype="str")).to_numpy(dtype=bool)
    return pd.Series(np.append(judged, False)[codes], index=note.index, dtype=bool)


def _is_default_text(note: pd.Series) -> pd.Series:
    """`is_default_note` of each text."""
    plain = _plain(note)
    sentence = re.compile("|".join(f"(?:{p})" for p in DEFAULT_NOTE_PATTERNS))
    leftover = plain.str.replace(sentence, " ", regex=True)
    extra_words = leftover.str.count(_WORD)
    return (
        _contains(plain, sentence)
        & (extra_words <= _DEFAULT_NOTE_EXTRA_WORDS).fillna(False).astype(bool)
        & ~leftover.str.contains("?", regex=False).fillna(False).astype(bool)
    )


class _WordLists(NamedTuple):
    """The words of distinct texts as integer codes (of one vocabulary), text after text.

    Text ``t`` holds ``words[start[t] : start[t] + count[t]]``: in reading order for notes, each
    word once for names and companies.
    """

    words: np.ndarray
    start: np.ndarray
    count: np.ndarray

    def expand(self, texts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every word of each of `texts` (codes, repeats allowed), text after text: the position
        in `texts` it belongs to, and its word code."""
        per_text = self.count[texts]
        parent = np.repeat(np.arange(len(texts), dtype=np.int64), per_text)
        text_start = np.cumsum(per_text) - per_text
        within = np.arange(len(parent), dtype=np.int64) - text_start[parent]
        return parent, self.words[self.start[texts][parent] + within]

    def holds(self, texts: np.ndarray, words: np.ndarray) -> np.ndarray:
        """Whether text ``texts[i]`` holds word ``words[i]``, for each ``i``."""
        # a (text, word) pair as one integer, so the test is one sorted lookup in C
        width = max(int(self.words.max(initial=0)), int(words.max(initial=0))) + 1
        text_of_word = np.repeat(np.arange(len(self.count), dtype=np.int64), self.count)
        return np.isin(texts * width + words, text_of_word * width + self.words)


class _InvitationWords(NamedTuple):
    """The words the scores compare, as integer codes: text is folded and split once per
    distinct note, recipient name and company, not once per invitation.

    Per invitation (position in the sorted invitations; -1 for none): ``note_of_row``,
    ``recipient_of_row`` (invitations with a note only) and ``company_of_row`` (the contact's
    company, sent invitations with a note only); ``owner_companies``, the codes of the owner's
    companies (when the owner received a note). Per distinct text its words, in the shared
    ``vocabulary``.
    """

    note_texts: pd.Series
    note_of_row: np.ndarray
    recipient_of_row: np.ndarray
    company_of_row: np.ndarray
    owner_companies: np.ndarray
    notes: _WordLists
    names: _WordLists
    companies: _WordLists
    vocabulary: pd.Index


def _recipient_names(invitations: pd.DataFrame, ex: Export) -> tuple[np.ndarray, pd.DataFrame, int]:
    """The recipient's name (the contact, or the owner) and its words.

    Returns each invitation's name as a code, ``row, token``: the words of two letters or more
    of each distinct name (``row`` is its code), and the number of distinct names.
    """
    outgoing = (invitations["direction"] == "outgoing").fillna(False).astype(bool)
    first_names = people_by_id(ex)["first_name"]
    owner_name = ex.owner.name or ""
    recipient = pd.Series(
        np.where(
            outgoing,
            invitations["name"].fillna("")
            + " "
            + looked_up(invitations["person_id"], first_names).fillna(""),
            owner_name,
        ),
        index=invitations.index,
        dtype="str",
    )
    codes, distinct = factorize(recipient)
    names = _tokens(pd.Series(distinct, dtype="str"))
    names = names.loc[names["token"].str.len() >= 2, ["row", "token"]].drop_duplicates()
    return codes, names, len(distinct)


def _recipient_companies(
    invitations: pd.DataFrame, ex: Export
) -> tuple[np.ndarray, np.ndarray, pd.DataFrame, int]:
    """The companies the recipient works or worked at, as codes, and their words.

    The contact's company as the export knows it (their current one), or every company in the
    owner's Positions for an invitation the owner received. Returns the contact's company per
    invitation (-1 when unknown or received), the owner's companies (none when no invitation
    was received), ``row, token``: the words that identify each distinct company (``row`` is
    its code), and the number of distinct companies.
    """
    outgoing = (invitations["direction"] == "outgoing").fillna(False).to_numpy(dtype=bool)
    companies = people_by_id(ex)["company"]
    theirs = looked_up(invitations.loc[outgoing, "person_id"], companies)
    owners = ex.positions["company"].dropna().unique() if (~outgoing).any() else []
    codes, distinct = factorize(pd.concat([theirs, pd.Series(owners)], ignore_index=True))
    company_of_row = np.full(len(invitations), -1, dtype=np.int64)
    company_of_row[outgoing] = codes[: len(theirs)]
    words = _tokens(pd.Series(distinct, dtype="str"))
    significant = ~words["token"].isin(_COMPANY_NOISE)
    # A company made only of noise words ("The Group") keeps them all.
    keep = significant | ~significant.groupby(words["row"]).transform("any")
    words = words.loc[keep, ["row", "token"]].drop_duplicates()
    return company_of_row, codes[len(theirs) :], words, len(distinct)


def _word_lists(*texts: tuple[pd.DataFrame, int]) -> tuple[list[_WordLists], pd.Index]:
    """`_tokens`-like frames (``row``: the text's code; rows text after text), each with its
    number of texts, as `_WordLists` of one shared vocabulary, and the vocabulary."""
    tokens = pd.concat([frame["token"].astype(object) for frame, _ in texts], ignore_index=True)
    codes, vocabulary = pd.factorize(tokens)
    ends = np.cumsum([len(frame) for frame, _ in texts])
    lists = []
    for (frame, n_texts), words in zip(texts, np.split(codes, ends[:-1]), strict=True):
        count = np.bincount(frame["row"].to_numpy(dtype=np.int64), minlength=n_texts)
        lists.append(_WordLists(words.astype(np.int64), np.cumsum(count) - count, count))
    return lists, vocabulary


def _invitation_words(invitations: pd.DataFrame, note: pd.Series, ex: Export) -> _InvitationWords:
    """The `_InvitationWords` of `invitations` (sorted, index 0..n-1), `note` their notes."""
    note_of_row, distinct_notes = factorize(note)
    note_texts = pd.Series(distinct_notes, dtype="str")
    noted = np.flatnonzero(note_of_row >= 0)
    # only the columns the recipients are read from: a take copies every column it is given
    noted_invitations = invitations[["direction", "person_id", "name"]].iloc[noted]
    recipients, name_words, n_names = _recipient_names(noted_invitations, ex)
    contact_companies, owner_companies, company_words, n_companies = _recipient_companies(
        noted_invitations, ex
    )
    (notes, names, companies), vocabulary = _word_lists(
        (_tokens(note_texts), len(note_texts)),
        (name_words, n_names),
        (company_words, n_companies),
    )
    recipient_of_row = np.full(len(invitations), -1, dtype=np.int64)
    recipient_of_row[noted] = recipients
    company_of_row = np.full(len(invitations), -1, dtype=np.int64)
    company_of_row[noted] = contact_companies
    return _InvitationWords(
        note_texts,
        note_of_row,
        recipient_of_row,
        company_of_row,
        owner_companies,
        notes,
        names,
        companies,
        vocabulary,
    )


def _on_rows(flags: pd.Series, codes: np.ndarray) -> np.ndarray:
    """Per-row flags from one flag per distinct value; code -1 (no value) gives False."""
    return np.append(flags.fillna(False).to_numpy(dtype=bool), False)[codes]


def _names_recipient(words: _InvitationWords) -> np.ndarray:
    """Whether each invitation's note holds a word of the recipient's name."""
    noted = np.flatnonzero(words.recipient_of_row >= 0)
    parent, name_word = words.names.expand(words.recipient_of_row[noted])
    found = words.notes.holds(words.note_of_row[noted][parent], name_word)
    named = np.zeros(len(words.note_of_row), dtype=bool)
    named[noted[parent[found]]] = True
    return named


def _names_company(words: _InvitationWords, outgoing: np.ndarray) -> np.ndarray:
    """Whether each invitation's note holds every word of one of the recipient's companies."""
    # (invitation, company) pairs: the contact's company, or each of the owner's companies
    contact = np.flatnonzero(words.company_of_row >= 0)
    received = np.flatnonzero(~outgoing & (words.note_of_row >= 0))
    pair_row = np.concatenate([contact, np.repeat(received, len(words.owner_companies))])
    pair_company = np.concatenate(
        [words.company_of_row[contact], np.tile(words.owner_companies, len(received))]
    )
    parent, company_word = words.companies.expand(pair_company)
    present = words.notes.holds(words.note_of_row[pair_row][parent], company_word)
    found = np.bincount(parent[present], minlength=len(pair_row))
    needed = words.companies.count[pair_company]
    named = np.zeros(len(words.note_of_row), dtype=bool)
    named[pair_row[(found == needed) & (needed > 0)]] = True
    return named


def _note_symbols(words: _InvitationWords, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The words of the notes of `rows`, row after row, with the recipient's name, their
    company and numbers replaced by placeholders: the position in `rows` of each word, and its
    symbol (a word code, or ``len(vocabulary)`` + 0, 1, 2 for ``<name>, <company>, <number>``).
    """
    parent, word = words.notes.expand(words.note_of_row[rows])
    is_name = words.names.holds(words.recipient_of_row[rows][parent], word)
    company = words.company_of_row[rows][parent]
    known = company >= 0
    is_company = np.zeros(len(word), dtype=bool)
    is_company[known] = words.companies.holds(company[known], word[known])
    used, word_of_used = np.unique(word, return_inverse=True)
    spelled = pd.Series(words.vocabulary.take(used), dtype="str")
    is_number = spelled.str.fullmatch(r"\d+").to_numpy(dtype=bool)[word_of_used]
    placeholder = len(words.vocabulary) + np.arange(3)
    symbol = np.select([is_name, is_company, is_number], list(placeholder), word)
    return parent, symbol


def _similar_notes(
    words: _InvitationWords, rows: np.ndarray, *, similarity: float, shingle_size: int
) -> np.ndarray:
    """For each of `rows` (invitations with a note), how many of the other `rows` nearly repeat
    its note; 0 for every other invitation.

    Names, companies and numbers are replaced by placeholders, each note becomes its set of
    `shingle_size`-word shingles, and two notes are near-repeats when the Jaccard similarity of
    their shingle sets (shared / all) is at least `similarity`. Identical notes are compared
    once (as one distinct form with its count). A note without a word has no shingle.
    """
    similar = np.zeros(len(words.note_of_row), dtype=np.int64)
    rows = rows[words.notes.count[words.note_of_row[rows]] > 0]
    if not len(rows):
        return similar
    parent, symbol = _note_symbols(words, rows)
    length = np.bincount(parent, minlength=len(rows))

    # Distinct forms: identical normalized notes (the same symbols in the same order) are one
    # form with a count; a form is told by its text, symbols spelled out and joined by spaces.
    spelling = pa.array(
        [*words.vocabulary.tolist(), "<name>", "<company>", "<number>"], type=pa.string()
    )
    offsets = pa.array(np.concatenate([[0], np.cumsum(length)]), type=pa.int64())
    whole = pc.binary_join(
        pa.LargeListArray.from_arrays(offsets, spelling.take(pa.array(symbol))), " "
    )
    form = pc.dictionary_encode(whole).indices.to_numpy(zero_copy_only=False).astype(np.int64)
    n_forms = int(form.max()) + 1
    copies = np.bincount(form, minlength=n_forms)

    # Shingles of one row per form: the k symbols starting at each position, numbered by
    # pairing codes step by step; a note shorter than k is one shingle of its own.
    first = np.zeros(len(rows), dtype=bool)
    first[first_of_each(form)] = True
    kept = first[parent]
    form_of_symbol = form[parent[kept]]
    note_length = length[parent[kept]]
    sequence = symbol[kept]
    position = np.arange(len(parent)) - (np.cumsum(length) - length)[parent]
    position = position[kept]
    starts = np.flatnonzero(position + shingle_size <= note_length)
    shingle = sequence[starts]
    n_symbols = len(words.vocabulary) + 3
    for step in range(1, shingle_size):
        pair = shingle * n_symbols + sequence[starts + step]
        _, shingle = np.unique(pair, return_inverse=True)
    short = np.flatnonzero((position == 0) & (note_length < shingle_size))
    form_shingles = pd.DataFrame(
        {
            "form": np.concatenate([form_of_symbol[starts], form_of_symbol[short]]),
            "shingle": np.concatenate(
                [shingle, int(shingle.max(initial=-1)) + 1 + form_of_symbol[short]]
            ),
        }
    ).drop_duplicates(ignore_index=True)

    size = np.bincount(form_shingles["form"].to_numpy(), minlength=n_forms)
    pairs = form_shingles.merge(form_shingles, on="shingle", suffixes=("_a", "_b"))
    pairs = pairs[pairs["form_a"] != pairs["form_b"]]
    shared = pairs.groupby(["form_a", "form_b"]).size().rename("shared").reset_index()
    form_a = shared["form_a"].to_numpy()
    form_b = shared["form_b"].to_numpy()
    union = size[form_a] + size[form_b] - shared["shared"].to_numpy()
    near = shared["shared"].to_numpy() / union >= similarity
    # float weights, exact: counts of invitations are far below 2**53
    near_copies = np.bincount(form_a[near], weights=copies[form_b[near]], minlength=n_forms)
    others = copies - 1 + near_copies.astype(np.int64)
    similar[rows] = others[form]
    return similar


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
    outgoing = (invitations["direction"] == "outgoing").fillna(False).to_numpy(dtype=bool)

    # Text is read once per distinct note (a few hundred templates repeat at the cap), and the
    # answers are spread back to the invitations with the note's code.
    words = _invitation_words(invitations, note, ex)
    names_recipient = _names_recipient(words)
    names_company = _names_company(words, outgoing)
    is_default = _on_rows(is_default_note(words.note_texts), words.note_of_row)

    similar_notes = _similar_notes(
        words,
        np.flatnonzero(outgoing & has_note),
        similarity=template_similarity,
        shingle_size=shingle_size,
    )
    is_template = is_default | (outgoing & (similar_notes >= template_repeats))

    has_hook = _on_rows(_contains(words.note_texts, hook_words), words.note_of_row)
    has_question = _on_rows(words.note_texts.str.contains("?", regex=False), words.note_of_row)
    has_ask = _on_rows(_contains(words.note_texts, asks), words.note_of_row)
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
            "timestamp": utc_timestamps(log.timestamp[first_rows[soon]]).array,
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
    names = people_by_id(ex)["name"]
    is_pitch = pd.array(is_in(people, matched.index), dtype="boolean")
    is_pitch[~is_in(people, readable)] = pd.NA  # no text to read: unknown
    matched_words = [words if isinstance(words, list) else [] for words in matched.reindex(people)]
    result = pd.DataFrame(
        {
            "person_id": people,
            "direction": first["direction"].to_numpy(),
            "sent_at": first["timestamp"].array,
            "connected_on": looked_up(people, connected_on).array,
            "is_pitch": is_pitch,
            "matched_words": pd.Series(matched_words, index=people, dtype=object),
            "name": looked_up(people, names).array,
            "days_after_connect": days_after[people].dt.days.to_numpy(),
            "opening_messages": opening.groupby("person_id").size().reindex(people).to_numpy(),
        }
    ).astype(PITCH_COLUMNS)
    result = result.reset_index(drop=True).sort_values(
        ["sent_at", "person_id"], kind="stable", ignore_index=True
    )
    return record(result, cut, **params)
