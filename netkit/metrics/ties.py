"""Tie strength, Dunbar-style layers, dormant and fading ties.

How deep is each relationship, which few are the inner circle, and which once-close ties have gone
quiet and are worth a message? Everything here reads `Export.interactions` (plus the message texts
for the relationship ladder) up to `as_of`, and nothing after it.

Words used throughout:

- *interaction*: any channel of `interactions` but the bare ``connection`` (a message, an
  invitation, an endorsement, a recommendation);
- *active day*: a calendar day (UTC) with at least one message between the owner and the contact,
  either way (a better measure of contact than the raw number of messages, which one chatty
  afternoon inflates);
- *reciprocated*: at least one one-to-one message each way. A group thread is not a
  relationship: messages in group threads count in the message counts (`messages_sent`,
  `messages_received`, `words`, `active_days`) but do not count as an exchange, so they never
  make a tie reciprocated, a ``conversation``, a layer member, dormant or fading (see
  `netkit.metrics._common.direct_until`).
"""

from __future__ import annotations

import re
from concurrent.futures import Future
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._distinct import (
    Labels,
    greatest_per_code,
    grouped_order,
    is_in,
    least_per_code,
    looked_up,
    positions_in,
    take_arrow,
)
from .._parallel import in_background, map_slices
from ..events import utc_timestamps
from ._common import (
    NON_EMPLOYERS,
    DirectMessages,
    as_of_timestamp,
    coded_until,
    direct_until,
    empty_frame,
    interactions_until,
    load_lexicon,
    memoized,
    people_by_id,
    recipient_lists,
    record,
    rows_until,
    sender_codes,
    shared,
)

if TYPE_CHECKING:
    from ..export import Export

__all__ = [
    "CONTACT_DETAILS",
    "LADDER",
    "SCORE_HALF_CREDIT",
    "SCORE_WEIGHTS",
    "dormant_ties",
    "fading_ties",
    "layers",
    "meeting_pattern",
    "strength_score",
    "tie_strength",
]

#: The stages of a relationship, from the bare connection to a recommendation. A contact's
#: `ladder` is the furthest stage reached.
LADDER = ("connected", "messaged", "conversation", "off_platform", "met", "vouched")
_LADDER_DTYPE = pd.CategoricalDtype(list(LADDER), ordered=True)
_MESSAGED, _CONVERSATION, _OFF_PLATFORM, _MET, _VOUCHED = range(1, 6)

#: How much each feature weighs in the tie-strength score (the weights add up to 1).
SCORE_WEIGHTS = {
    "recency": 0.30,
    "active_days": 0.20,
    "reciprocated": 0.15,
    "duration_days": 0.10,
    "channels": 0.10,
    "ladder": 0.10,
    "words": 0.05,
}
#: Where a feature earns half its credit: the half-life of recency in days, and the number of
#: active days, reciprocated messages, days of duration and words worth half the maximum.
SCORE_HALF_CREDIT = {
    "recency": 180.0,
    "active_days": 12.0,
    "reciprocated": 15.0,
    "duration_days": 730.0,
    "words": 1000.0,
}
#: The channels a relationship can run through (`channels` counts them).
_CHANNEL_COUNT = 5

_FEATURE_COLUMNS = {
    "person_id": "str",
    "name": "str",
    "company": "str",
    "messages_sent": "int64",
    "messages_received": "int64",
    "active_days": "int64",
    "words": "int64",
    "first_contact": "datetime64[us, UTC]",
    "last_contact": "datetime64[us, UTC]",
    "duration_days": "float64",
    "days_since_last": "float64",
    "reciprocated": "int64",
    "channels": "int64",
    "ladder": _LADDER_DTYPE,
    "silent": "bool",
    "score": "float64",
}
_RECONNECT_COLUMNS = {
    "person_id": "str",
    "name": "str",
    "company": "str",
    "last_contact": "datetime64[us, UTC]",
    "days_silent": "int64",
    "prior_strength": "float64",
    "reconnect_score": "float64",
    "reason": "str",
    "active_days": "int64",
    "ladder": _LADDER_DTYPE,
}
_LAYER_COLUMNS = {
    "person_id": "str",
    "active_days": "int64",
    "layer": "int64",
    "layer_size": "int64",
    "reference_size": "int64",
    "layer_members": "int64",
    "name": "str",
}
#: What the ladder adds to a reconnect reason.
_STAGE_NOTES = {
    "off_platform": " (you moved to email or phone)",
    "met": " (you arranged a call or a meeting)",
    "vouched": " (a recommendation between you)",
}
_DAY = pd.Timedelta(days=1)

#: A character that cannot continue an (ASCII) word. The text patterns spell out their classes
#: instead of ``\\b``, ``\\s`` or ``\\d``: those make pandas fall back from pyarrow's RE2 to
#: Python's ``re`` (50 times slower) as soon as one message holds a non-ASCII character.
_NOT_WORD = "[^A-Za-z0-9_]"
_WORD_START, _WORD_END = f"(?:^|{_NOT_WORD})", rf"(?:{_NOT_WORD}|\Z)"
#: An email address, an international phone number (``+45 20 12 34 56``) or a North American
#: one (``(555) 010-0199``): contact details that take a relationship off LinkedIn.
CONTACT_DETAILS = re.compile(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
    r"|\+[0-9]{1,3}[ .-]?\(?[0-9]{1,4}\)?(?:[ .-]?[0-9]{2,4}){2,4}"
    r"|(?:^|[^0-9])\(?[0-9]{3}\)?[ .-][0-9]{3}[ .-][0-9]{4}(?:[^0-9]|\Z)"
)
#: A word, for counting words: a run of characters other than white space.
_WORD = r"[^ \t\n\r\f\v]+"


@cache
def meeting_pattern(language: str = "en") -> re.Pattern[str]:
    """One case-insensitive regular expression for the meeting lexicon, whole words only.

    The entries of ``netkit/lexicons/meeting_<language>.txt``. A word ends at any character other
    than an ASCII letter, digit or underscore; a space in an entry matches any run of spaces,
    tabs, line breaks or hyphens ("catch up" matches "catch-up").
    """
    entries = sorted(load_lexicon("meeting", language), key=len, reverse=True)
    alternatives = (r"[ \t\n\r-]+".join(map(re.escape, entry.split())) for entry in entries)
    return re.compile(_WORD_START + "(?:" + "|".join(alternatives) + ")" + _WORD_END, re.IGNORECASE)


# --- the score ----------------------------------------------------------------------------------
def strength_score(features: pd.DataFrame) -> pd.Series:
    """The tie-strength score, 0 to 100, of each row of a feature table.

    A weighted sum of seven credits, each between 0 and 1 and each rising with its feature, so
    the score can only go up when a relationship is more recent, more reciprocated, older, runs
    through more channels, has more active days, more words or a further ladder stage:

    ========================  =======  ==============================================
    credit                    weight   formula
    ========================  =======  ==============================================
    recency                   0.30     ``0.5 ** (days_since_last / 180)``
    active days               0.20     ``active_days / (active_days + 12)``
    reciprocated messages     0.15     ``reciprocated / (reciprocated + 15)``
    duration                  0.10     ``duration_days / (duration_days + 730)``
    channels                  0.10     ``channels / 5``
    ladder stage              0.10     ``stage / 5`` (connected 0 … vouched 5)
    words                     0.05     ``words / (words + 1000)``
    ========================  =======  ==============================================

    Recency weighs most because days since the last communication was the strongest single
    predictor of tie strength in Gilbert & Karahalios (2009); the other features follow their
    intensity, duration, reciprocity and multiplexity dimensions. Weights and half-credit points
    are `SCORE_WEIGHTS` and `SCORE_HALF_CREDIT`.

    Parameters
    ----------
    features
        Columns ``days_since_last, active_days, reciprocated, duration_days, channels, ladder,
        words`` (as `tie_strength` returns them; `ladder` a stage name or its code 0-5).

    Returns
    -------
    pandas.Series
        float64, rounded to 0.1, NaN where `days_since_last` is NaN (no interaction at all:
        the strength is unknown, not weak).
    """
    half = SCORE_HALF_CREDIT
    ladder = features["ladder"]
    if isinstance(ladder.dtype, pd.CategoricalDtype) or ladder.dtype.kind not in "iuf":
        stage = pd.Series(pd.Categorical(ladder, dtype=_LADDER_DTYPE).codes, index=ladder.index)
    else:
        stage = ladder

    def saturating(column: str) -> pd.Series:
        value = features[column].astype("float64").clip(lower=0)
        return value / (value + half[column])

    credits = {
        "recency": 0.5
        ** (features["days_since_last"].astype("float64").clip(lower=0) / half["recency"]),
        "active_days": saturating("active_days"),
        "reciprocated": saturating("reciprocated"),
        "duration_days": saturating("duration_days"),
        "channels": features["channels"].astype("float64").clip(0, _CHANNEL_COUNT) / _CHANNEL_COUNT,
        "ladder": stage.astype("float64").clip(0, len(LADDER) - 1) / (len(LADDER) - 1),
        "words": saturating("words"),
    }
    total = sum(SCORE_WEIGHTS[name] * credit for name, credit in credits.items())
    return (100 * total).round(1).astype("float64").rename("score")


# --- features -----------------------------------------------------------------------------------


#: Eight bytes that each hold 0 or 1, multiplied by this, carry their sum in the top byte.
_BYTE_SUM = np.uint64(0x0101010101010101)
#: ``_FIRST_BYTES[r]`` keeps the first `r` bytes of a little-endian 64-bit word.
_FIRST_BYTES = np.array([(1 << (8 * r)) - 1 for r in range(8)], dtype=np.uint64)


#: Texts per batch of `_count_words` (about 3 MB of message text).
_WORD_BATCH = 16_384


def _count_words(texts: pa.Array | pa.ChunkedArray, *, batch: int = _WORD_BATCH) -> np.ndarray:
    """How many runs of non-space characters (`_WORD`) each Arrow text holds; 0 for missing.

    Counted on the text bytes in numpy, without splitting: a byte starts a word when it is not
    ASCII white space and the byte before it (in the same text) is. The starts are summed eight
    bytes at a time, and each text's count is the difference of the running sums at its two
    ends: a third of the time of Arrow's white-space split over a million messages. Texts are
    read `batch` at a time, so that the work arrays stay small and are reused.
    """
    chunks = texts.chunks if isinstance(texts, pa.ChunkedArray) else [texts]
    batches = [
        chunk.slice(start, batch) for chunk in chunks for start in range(0, len(chunk), batch)
    ]
    return np.concatenate([np.zeros(0, np.int64), *map(_count_words_in, batches)])


def _count_words_in(texts: pa.Array) -> np.ndarray:
    """`_count_words` of one Arrow string array (32- or 64-bit offsets)."""
    n = len(texts)
    validity, offsets, data = texts.buffers()
    width = np.int64 if pa.types.is_large_string(texts.type) else np.int32
    ends = np.frombuffer(offsets, width, count=n + 1, offset=texts.offset * width().itemsize)
    ends = ends.astype(np.int64)
    first, size = int(ends[0]), int(ends[-1] - ends[0])
    if size == 0:
        return np.zeros(n, np.int64)
    text = np.frombuffer(data, np.uint8, count=size, offset=first)
    space = np.subtract(text, 9, dtype=np.uint8)  # \t \n \v \f \r become 0-4
    space = np.less_equal(space, 4, out=space.view(bool))
    space |= text == 32
    starts = np.zeros(size // 8 * 8 + 8, np.uint8)  # whole 8-byte blocks, one spare
    np.greater(space[:-1], space[1:], out=starts[1:size].view(bool))  # a space, then not
    begins = ends[:-1] - first
    begins = begins[begins < size]
    starts[begins] = ~space[begins]  # a text's first byte follows no byte of its own
    blocks = starts.view(np.uint64)
    sums = np.multiply(blocks, _BYTE_SUM)
    np.right_shift(sums, np.uint64(56), out=sums)
    running = np.zeros(len(blocks) + 1, np.int64)  # word starts before each block
    # Summed as int64 (each block's sum is at most 8): a uint64 sum into int64 would cast every
    # element in numpy's buffered loop, three times the time of the rest of the count.
    np.cumsum(sums.view(np.int64), out=running[1:])
    position = ends - first
    block, within = position >> 3, position & 7
    partial = (blocks[block] & _FIRST_BYTES[within]) * _BYTE_SUM >> np.uint64(56)
    counts = np.diff(running[block] + partial.astype(np.int64))
    if validity is not None and texts.null_count:
        counts[texts.is_null().to_numpy(zero_copy_only=False)] = 0
    return counts


def _re2(pattern: re.Pattern[str]) -> dict[str, Any]:
    """`pattern` as Arrow's RE2 takes it (Python's ``\\Z`` is RE2's ``\\z``); the pattern
    must use only syntax both engines read the same (no ``\\s``, ``\\w``, ``\\b``,
    look-arounds)."""
    text = re.sub(r"(?<!\\)((?:\\\\)*)\\Z", r"\1\\z", pattern.pattern)
    return {"pattern": text, "ignore_case": bool(pattern.flags & re.IGNORECASE)}


def _matches(texts: pa.Array | pa.ChunkedArray, re2: dict[str, Any]) -> np.ndarray:
    """Whether each text holds a match of the `_re2` pattern (False for missing text)."""
    found = pc.fill_null(pc.match_substring_regex(texts, **re2), False)
    return found.to_numpy(zero_copy_only=False).astype(bool)


def _match_each(
    texts: pa.Array | pa.ChunkedArray, patterns: list[dict[str, Any]]
) -> list[np.ndarray]:
    """`_matches` of each `_re2` pattern, in one pass over the texts for all of them.

    Few messages hold an email address or a meeting word: the patterns are matched together
    first, and one by one only on the texts that hold a match of any.
    """
    either = "|".join(
        f"(?i:{p['pattern']})" if p["ignore_case"] else f"(?:{p['pattern']})" for p in patterns
    )
    hits = np.flatnonzero(_matches(texts, {"pattern": either, "ignore_case": False}))
    found = [np.zeros(len(texts), dtype=bool) for _ in patterns]
    if hits.size:
        some = take_arrow(texts, hits)
        for each, pattern in zip(found, patterns, strict=True):
            each[hits] = _matches(some, pattern)
    return found


def _message_text(ex: Export) -> pd.DataFrame:
    """What the text of each message says, once per export (any `as_of` reads it).

    Aligned on the positions of `ex.messages`: ``words`` (runs of non-space characters),
    and for one-to-one messages that were sent (no drafts, no adverts, no group threads)
    ``has_details`` (an email address or phone number) and ``has_meeting`` (a word of the
    meeting lexicon). Each is matched in Arrow, on slices of the column in a thread per core;
    `start_message_text` starts that early.
    """
    return start_message_text(ex).result()


def start_message_text(ex: Export) -> Future[pd.DataFrame]:
    """Start `_message_text` in the background, once per export.

    Reading the text is the largest part of the tie features, and it needs nothing else they
    compute: `_compute_features` starts it first and counts on codes in the meantime, and
    `health_summary`, which always needs them, starts it before its other figures. The
    columns are taken from the table here; the thread sees only Arrow and numpy arrays.
    """

    def start() -> Future[pd.DataFrame]:
        messages = ex.messages
        content = pa.array(messages["content"].array)
        flags = ["is_group", "is_draft", "is_sponsored"]
        direct = ~messages[flags].to_numpy(dtype=bool).any(axis=1)
        return in_background(lambda: _read_texts(content, direct))

    return shared(ex, ("message_text",), None, start)


def _read_texts(content: pa.ChunkedArray | pa.Array, direct: np.ndarray) -> pd.DataFrame:
    """`_message_text` of the message texts `content`; `direct` marks the one-to-one sent
    messages (the only ones whose contact details and meeting words count)."""
    patterns = [_re2(CONTACT_DETAILS), _re2(meeting_pattern())]

    def read(rows: slice) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        part = content.slice(rows.start, rows.stop - rows.start)
        return _count_words(part), *_match_each(part, patterns)

    words, has_details, has_meeting = (
        np.concatenate(column) for column in zip(*map_slices(read, len(content)), strict=True)
    )
    return pd.DataFrame(
        {
            "words": words,
            "has_details": has_details & direct,
            "has_meeting": has_meeting & direct,
        }
    )


class _MessageRows(NamedTuple):
    """Messages up to some `as_of`, one row per message and counterpart, as codes."""

    person: np.ndarray  # the counterpart's code among the log's people
    message: np.ndarray  # the position of the message in `ex.messages`
    sent_at: np.ndarray  # int64 microseconds since the epoch
    outgoing: np.ndarray  # bool
    is_group: np.ndarray  # bool


def _message_rows(
    ex: Export, as_of: pd.Timestamp, people: pd.Index
) -> tuple[_MessageRows, pd.Index]:
    """Messages up to `as_of`, one row per message and counterpart, and everyone who took part.

    The rows follow `interactions` (drafts and sponsored messages left out; an outgoing message
    has a row per recipient, an incoming one a row for its sender; the owner and people missing
    from `people` left out) and carry the position of the message in `ex.messages`, to read its
    text. The participants (drafts included, as in `people`) tell who had appeared by `as_of`.
    Everything is taken on integer codes: recipients are looked up once per distinct list.
    """
    messages = ex.messages
    until = (messages["sent_at"] <= as_of).fillna(False).to_numpy(dtype=bool)
    real = np.flatnonzero(until & ~messages["is_sponsored"].to_numpy(dtype=bool))
    recipients = recipient_lists(ex)
    codes, senders = sender_codes(ex)
    used = np.zeros(len(senders) + 1, dtype=bool)
    used[codes[real]] = True
    participants = pd.Index(
        pd.concat(
            [pd.Series(senders[used[:-1]], dtype="str"), recipients.distinct_items(real)]
        ).unique()
    )
    sent = real[~messages["is_draft"].to_numpy(dtype=bool)[real]]
    direction = Labels(messages["direction"])
    outgoing = sent[direction.be("outgoing")[sent]]
    incoming = sent[direction.be("incoming")[sent]]
    parent, items = recipients.explode_positions(outgoing)
    item_person = positions_in(pd.Series(recipients.items, dtype="str"), people)
    sender_person = np.append(positions_in(senders, people), -1)[codes]
    person = np.concatenate([item_person[items], sender_person[incoming]])
    position = np.concatenate([outgoing[parent], incoming])
    keep = person >= 0
    if ex.owner.person_id is not None and ex.owner.person_id in people:
        keep &= person != people.get_loc(ex.owner.person_id)
    position = position[keep]
    is_outgoing = np.zeros(len(keep), dtype=bool)
    is_outgoing[: len(items)] = True  # the recipients of outgoing messages come first
    rows = _MessageRows(
        person[keep],
        position,
        messages["sent_at"].array.asi8[position],
        is_outgoing[keep],
        messages["is_group"].to_numpy(dtype=bool)[position],
    )
    return rows, participants


def _climbed(ex: Export, rows: _MessageRows, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Per person code, whether their two-way messages held contact details, and a meeting.

    Only one-to-one messages count (a line in a group thread says little about one member), and
    only those sent once both sides had written to each other, so that a cold pitch asking for
    "a quick call" does not count as a meeting arranged. The text of every message is matched
    once per export (`_message_text`).
    """
    one_to_one = ~rows.is_group
    person, stamps = rows.person[one_to_one], rows.sent_at[one_to_one]
    outgoing = rows.outgoing[one_to_one]
    since = np.full(size, np.iinfo(np.int64).min)  # both sides had written by then
    for side in (outgoing, ~outgoing):
        # each side's first message; a side that never wrote, never
        wrote = least_per_code(person[side], stamps[side], size, np.iinfo(np.int64).max)
        since = np.maximum(since, wrote)
    talk = stamps >= since[person]
    text = _message_text(ex)
    message = rows.message[one_to_one]
    details = talk & text["has_details"].to_numpy()[message]
    meeting = talk & text["has_meeting"].to_numpy()[message]
    return (
        np.bincount(person[details], minlength=size) > 0,
        np.bincount(person[meeting], minlength=size) > 0,
    )


def _counts(codes: np.ndarray, mask: np.ndarray, size: int, weights=None) -> np.ndarray:
    """Per person code, how many rows (or how much `weights`) `mask` selects."""
    chosen = codes[mask]
    return np.bincount(
        chosen, weights=None if weights is None else weights[mask], minlength=size
    ).astype("int64")


def _features(ex: Export, as_of: pd.Timestamp) -> pd.DataFrame:
    """The feature table of `_compute_features`, computed once per export and `as_of`
    (`health_summary` reads it three times: tie strength, dormant and fading ties)."""
    return shared(ex, ("tie_features",), as_of, lambda: _compute_features(ex, as_of)).copy(
        deep=False
    )


def _compute_features(ex: Export, as_of: pd.Timestamp) -> pd.DataFrame:
    """The tie-strength table (see `tie_strength`), as it stood at `as_of`.

    Every count is taken on integer person codes of the interactions up to `as_of` (one
    factorization), then laid out on the contacts present by `as_of`.
    """
    start_message_text(ex)  # read in the background while the rest is counted
    log = coded_until(ex, as_of)
    rows, participants = _message_rows(ex, as_of, log.people)
    codes, seen = log.person, log.people
    n = len(seen)
    contact = ~log.on("connection")
    message = log.on("message")
    outgoing, incoming = log.outgoing, log.incoming
    direct = message & ~log.is_group
    stamps = log.timestamp
    dated = contact & (codes >= 0) & (stamps != np.iinfo(np.int64).min)

    connected = rows_until(ex.connections, "connected_on", as_of)["person_id"]
    appears = np.bincount(codes[codes >= 0], minlength=n) > 0
    present = pd.Index(
        pd.concat([pd.Series(seen[appears], dtype="str"), connected, participants.to_series()])
        .dropna()
        .unique()
    )
    people = ex.people[["person_id", "name", "company"]]
    people = people[positions_in(people["person_id"], present) >= 0].reset_index(drop=True)
    ids = people["person_id"]
    at = positions_in(ids, seen)  # -1: present without any interaction

    def laid_out(per_code: np.ndarray, missing: object = 0) -> np.ndarray:
        padded = np.append(per_code, np.asarray([missing], dtype=per_code.dtype))
        return padded[at]

    days = stamps[message & dated] // 86_400_000_000
    days = days - days.min(initial=0)
    span = int(days.max(initial=0)) + 1
    day_pairs = pd.unique(codes[message & dated] * span + days)
    active = np.bincount(day_pairs // span, minlength=n)
    # A person's first and last contact: the least and the greatest of their dated stamps.
    never = np.iinfo(np.int64).min
    first = least_per_code(codes[dated], stamps[dated], n, never)
    last = greatest_per_code(codes[dated], stamps[dated], n, never)
    valid = codes >= 0
    table = people.assign(
        messages_sent=laid_out(_counts(codes, valid & message & outgoing, n)),
        messages_received=laid_out(_counts(codes, valid & message & incoming, n)),
        active_days=laid_out(np.asarray(active, dtype=np.int64)),
        first_contact=utc_timestamps(laid_out(first, never)),
        last_contact=utc_timestamps(laid_out(last, never)),
    )
    table["duration_days"] = (table["last_contact"] - table["first_contact"]) / _DAY
    table["days_since_last"] = (as_of - table["last_contact"]) / _DAY
    # Only one-to-one messages make an exchange: a group thread is not a relationship.
    table["reciprocated"] = np.minimum(
        laid_out(_counts(codes, valid & direct & outgoing, n)),
        laid_out(_counts(codes, valid & direct & incoming, n)),
    )

    endorsed = laid_out(_counts(codes, valid & log.on("endorsement"), n)) > 0
    vouched = laid_out(_counts(codes, valid & log.on("recommendation"), n)) > 0
    invitations = rows_until(ex.invitations, "sent_at", as_of)
    noted = invitations.loc[invitations["has_note"].to_numpy(dtype=bool), "person_id"].dropna()
    address_book = rows_until(ex.contacts, "created_at", as_of)["person_id"].dropna()
    messaged = ((table["messages_sent"] + table["messages_received"]) > 0).to_numpy()
    in_book = is_in(ids, address_book)
    with_note = is_in(ids, noted)
    table["channels"] = (
        messaged.astype("int64")
        + with_note.astype("int64")
        + endorsed.astype("int64")
        + vouched.astype("int64")
        + in_book.astype("int64")
    )

    # What the texts say, last: `start_message_text` has been reading them meanwhile.
    words = np.bincount(
        rows.person, weights=_message_text(ex)["words"].to_numpy()[rows.message], minlength=n
    )
    table["words"] = laid_out(words.astype("int64"))
    details, meetings = _climbed(ex, rows, n)
    two_way = (table["reciprocated"] > 0).to_numpy()
    stage = np.select(
        [
            vouched,
            two_way & laid_out(meetings, False),
            (two_way & laid_out(details, False)) | in_book,
            two_way,
            messaged,
        ],
        [_VOUCHED, _MET, _OFF_PLATFORM, _CONVERSATION, _MESSAGED],
        0,
    )
    table["silent"] = table["last_contact"].isna().to_numpy(dtype=bool)
    stage[table["silent"].to_numpy()] = 0
    table["ladder"] = pd.Categorical.from_codes(stage, dtype=_LADDER_DTYPE)
    table["score"] = strength_score(table)
    table = table.sort_values(
        ["score", "person_id"], ascending=[False, True], na_position="last", kind="stable"
    )
    return table[list(_FEATURE_COLUMNS)].astype(_FEATURE_COLUMNS).reset_index(drop=True)


def tie_strength(ex: Export, *, as_of: object = None) -> pd.DataFrame:
    """How deep each relationship is: interaction features, a ladder stage and a 0-100 score.

    One row per contact in `people` who had appeared by `as_of` (connected, interacted or in a
    conversation), strongest first. The features follow Gilbert & Karahalios (2009), "Predicting
    tie strength with social media", whose strongest single predictor was the number of days
    since the last communication. The score (`strength_score`) is a documented weighted sum that
    only rises when a relationship is more recent, more reciprocated, older, runs through more
    channels or has more active days.

    A contact with no interaction at all (nothing but the connection) is `silent`: `score` is NaN
    and `ladder` is ``connected``. Their strength is unknown, not weak: people can be close and
    never write on LinkedIn.

    Parameters
    ----------
    ex
        The export.
    as_of
        Use nothing after this instant (default `ex.as_of`; a date alone means the end of it).

    Returns
    -------
    pandas.DataFrame
        ``person_id, name, company`` (from `people`);
        ``messages_sent, messages_received`` (from the owner's side, group messages included);
        ``active_days`` (distinct UTC days with a message either way); ``words`` (in those
        messages, both ways); ``first_contact, last_contact`` (first and last interaction);
        ``duration_days`` (between them); ``days_since_last`` (from the last interaction to
        `as_of`); ``reciprocated`` (the smaller of one-to-one messages sent and received:
        group threads do not count as an exchange); ``channels`` (0-5: how
        many of message, invitation with a note, endorsement, recommendation and the owner's
        address book the relationship runs through); ``ladder`` (ordered categorical, the
        furthest stage reached, see below); ``silent`` (bool); ``score`` (0-100, NaN when
        silent). ``attrs["params"]`` holds `as_of`; ``attrs["reason"]`` says why every contact
        is silent when the export holds no messages.

    Notes
    -----
    The ladder, each stage counting when its condition holds, whatever the stages below:

    1. ``connected``: nothing more (also the stage of every silent contact);
    2. ``messaged``: a message one way, or only group threads shared (however both wrote in
       them: a group thread is not a relationship);
    3. ``conversation``: one-to-one messages both ways;
    4. ``off_platform``: an email address or phone number in a one-to-one message of a two-way
       exchange, or the person is in the owner's imported address book (`ex.contacts` entries
       dated up to `as_of`);
    5. ``met``: a call or meeting arranged, i.e. a word of the meeting lexicon
       (``netkit/lexicons/meeting_en.txt``: coffee, lunch, call, zoom, meet, catch up...) in a
       one-to-one message of a two-way exchange;
    6. ``vouched``: a recommendation either way.

    Text only counts in messages sent once both sides had written to each other, so a cold pitch
    asking for "a quick call", or an email address in a recruiter's signature, climbs nothing.

    Examples
    --------
    >>> import netkit as nk
    >>> ex = nk.load_export("data/sample/Complete_LinkedInDataExport_11-16-2026.zip")
    >>> nk.tie_strength(ex)[["name", "active_days", "ladder", "score"]].head()  # doctest: +SKIP
    """
    as_of = as_of_timestamp(ex, as_of)
    if ex.people.empty:
        return record(empty_frame(_FEATURE_COLUMNS, "the export names no contacts"), as_of)
    result = _features(ex, as_of)
    record(result, as_of)
    if _no_messages(ex, as_of):
        result.attrs["reason"] = (
            "no messages up to as_of: contacts without another interaction are silent "
            "(strength unknown)"
        )
    return result


# --- layers -------------------------------------------------------------------------------------
def _natural_breaks(values: np.ndarray, classes: int) -> np.ndarray:
    """Jenks natural breaks (exact 1-D k-means): the class of each value, 0 = lowest.

    Dynamic programming over the distinct values, weighted by how often each occurs, minimising
    the within-class sum of squared deviations; ties go to the earliest break, so the result is
    deterministic.
    """
    distinct, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    size = distinct.size
    classes = min(classes, size)
    weight = np.concatenate([[0.0], np.cumsum(counts, dtype="float64")])
    first = np.concatenate([[0.0], np.cumsum(counts * distinct)])
    second = np.concatenate([[0.0], np.cumsum(counts * distinct**2)])
    cost = np.full((classes + 1, size + 1), np.inf)
    cost[0, 0] = 0.0
    start = np.zeros((classes + 1, size + 1), dtype="int64")
    for k in range(1, classes + 1):
        for end in range(k, size + 1):
            begin = np.arange(k - 1, end)
            n = weight[end] - weight[begin]
            total = first[end] - first[begin]
            spread = second[end] - second[begin] - total * total / n
            candidate = cost[k - 1, begin] + spread
            best = int(np.argmin(candidate))
            cost[k, end], start[k, end] = candidate[best], begin[best]
    breaks, end = [], size
    for k in range(classes, 0, -1):
        end = int(start[k, end])
        breaks.append(end)
    class_of_distinct = np.searchsorted(np.array(breaks[::-1][1:]), np.arange(size), "right")
    return class_of_distinct[inverse]


def _answered(direct: DirectMessages, rows: slice, reply_within: pd.Timedelta) -> np.ndarray:
    """Whether each of the one-to-one messages at `rows` has a message the other way, same
    contact, within `reply_within` before or after it (on the log's integer codes)."""
    person, direction = direct.person[rows], direct.direction[rows]
    stamps = direct.timestamp[rows]  # in time order
    tolerance = int(reply_within / pd.Timedelta(microseconds=1))
    answered = np.zeros(len(person), dtype=bool)
    for code, other in ((0, 1), (1, 0)):  # outgoing, incoming
        mine, theirs = np.flatnonzero(direction == code), np.flatnonzero(direction == other)
        if not mine.size or not theirs.size:
            continue
        matched = pd.merge_asof(
            pd.DataFrame({"timestamp": stamps[mine], "person": person[mine], "row": mine}),
            pd.DataFrame({"timestamp": stamps[theirs], "person": person[theirs], "other": 1}),
            on="timestamp",
            by="person",
            direction="nearest",
            tolerance=tolerance,
        )
        answered[matched["row"].to_numpy()] = matched["other"].notna().to_numpy()
    return answered


@memoized
def layers(
    ex: Export,
    *,
    window: str | pd.Timedelta = "365D",
    as_of: object = None,
    reply_within: str | pd.Timedelta = "7D",
    reference_sizes: tuple[int, ...] = (5, 15, 50, 150),
) -> pd.DataFrame:
    """Dunbar-style layers: the inner circle and the rings around it, from contact frequency.

    People keep a few very close ties, more less close ones, and so on, in layers of about 5, 15,
    50 and 150 people, each about three times the one inside it (Zhou, Sornette, Hill & Dunbar
    2005, "Discrete hierarchical organization of social group sizes"); Dunbar, Arnaboldi, Conti &
    Passarella (2015, "The structure of online social networks mirrors those in the offline
    world") found the same layers in online contact frequencies. Here each contact's frequency is
    their number of *reciprocated active days* in the window, and the contacts are split into as
    many layers as there are reference sizes by 1-D clustering (Jenks natural breaks, i.e. exact
    one-dimensional k-means, computed with numpy and deterministic) on the logarithm of that
    number, since successive layers differ by a factor rather than by a fixed amount.

    A *reciprocated active day* is a calendar day (UTC) in the window with a one-to-one message
    between the owner and the contact that was answered or was itself an answer: a one-to-one
    message the other way, between the same two people, within `reply_within` before or after
    it. Group threads do not count as an exchange (a group thread is not a relationship), and
    unanswered messages (a pitch and its reminders, a congratulation nobody acknowledged) make
    no active day.

    Parameters
    ----------
    ex
        The export.
    window
        How far back from `as_of` to count (default ``"365D"``).
    as_of
        Use nothing after this instant (default `ex.as_of`).
    reply_within
        How close in time a message the other way must be (default ``"7D"``).
    reference_sizes
        Dunbar's cumulative layer sizes, innermost first; their number is the number of layers.

    Returns
    -------
    pandas.DataFrame
        One row per contact with at least one reciprocated active day in the window, innermost
        layer first: ``person_id``, ``active_days`` (reciprocated active days in the window),
        ``layer`` (1 = innermost), ``layer_size`` (contacts in this layer and every layer inside
        it, the way Dunbar's sizes count), ``reference_size`` (5, 15, 50, 150), ``layer_members``
        (contacts in this layer alone), ``name``. Fewer distinct values than layers give fewer
        layers. ``attrs["params"]`` holds the options; ``attrs["layer_bounds"]`` maps each
        layer to its (fewest, most) active days; ``attrs["reason"]`` says why a result is empty.
    """
    as_of = as_of_timestamp(ex, as_of)
    span, reply = pd.Timedelta(window), pd.Timedelta(reply_within)
    params = {"window": window, "reply_within": reply_within, "reference_sizes": reference_sizes}
    events = interactions_until(ex, as_of)
    direct = direct_until(ex, as_of)
    since = (as_of - span - reply - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(microseconds=1)
    recent = slice(int(np.searchsorted(direct.timestamp, since, "right")), None)
    messages = direct.frame(recent)
    in_window = (messages["timestamp"] > as_of - span).to_numpy()
    counted = messages[_answered(direct, recent, reply) & in_window]
    if counted.empty:
        reason = (
            "no messages up to as_of"
            if not (events["channel"] == "message").any()
            else f"no reciprocated one-to-one messages in the {window} before as_of"
        )
        result = empty_frame(_LAYER_COLUMNS, reason)
        result.attrs["layer_bounds"] = {}
        return record(result, as_of, **params)

    days = pd.DataFrame(
        {"person_id": counted["person_id"], "day": counted["timestamp"].dt.floor("D")}
    ).drop_duplicates()
    active = days["person_id"].value_counts().sort_index()
    classes = _natural_breaks(np.log(active.to_numpy(dtype="float64")), len(reference_sizes))
    layer = classes.max() - classes + 1
    result = pd.DataFrame(
        {"person_id": active.index, "active_days": active.to_numpy(), "layer": layer}
    )
    members = result["layer"].value_counts().sort_index()
    result["layer_members"] = result["layer"].map(members)
    result["layer_size"] = result["layer"].map(members.cumsum())
    result["reference_size"] = result["layer"].map(dict(enumerate(reference_sizes, start=1)))
    result["name"] = looked_up(result["person_id"], people_by_id(ex)["name"])
    result = result.sort_values(
        ["layer", "active_days", "person_id"], ascending=[True, False, True], kind="stable"
    )
    result = result[list(_LAYER_COLUMNS)].astype(_LAYER_COLUMNS).reset_index(drop=True)
    bounds = result.groupby("layer")["active_days"].agg(["min", "max"])
    record(result, as_of, **params)
    result.attrs["layer_bounds"] = {
        int(k): (int(low), int(high)) for k, (low, high) in bounds.iterrows()
    }
    return result


# --- dormant and fading ties --------------------------------------------------------------------
def _span_text(duration_days: pd.Series) -> np.ndarray:
    """How long a relationship lasted, as in "over 2 years" (empty for a day or two)."""
    days = duration_days.fillna(0).to_numpy(dtype="float64")

    def phrase(count: np.ndarray, unit: str) -> np.ndarray:
        return (" over " + pd.Series(count.astype("int64")).astype("str") + f" {unit}").to_numpy(
            dtype=object
        )

    return np.select(
        [days < 1.5, days < 60, days < 730],
        [
            np.full(days.size, "", dtype=object),
            phrase(np.round(days), "days"),
            phrase(np.round(days / 30.44), "months"),
        ],
        phrase(np.round(days / 365.25), "years"),
    )


def _talked(ties: pd.DataFrame) -> pd.Series:
    """The start of a reason: "Talked on 14 days over 2 years (you arranged a call...)"."""
    active = ties["active_days"]
    days = np.where(active == 1, " day", " days")
    stage = ties["ladder"].astype("str").map(_STAGE_NOTES).fillna("")
    return "Talked on " + active.astype("str") + days + _span_text(ties["duration_days"]) + stage


def _now_at(ties: pd.DataFrame) -> pd.Series:
    """The end of a reason: ", now at Globex.", ", now self-employed." for a company field that
    names no employer, just "." where the company is unknown."""
    company = ties["company"]
    # astype(object): when every company is missing, pandas types the split float64 (no .str)
    plain = company.str.lower().str.split().astype(object).str.join(" ")
    named = company.str.rstrip(".")  # "Globex, Inc." ends the sentence once
    at = (", now at " + named + ".").where(company.notna() & ~plain.isin(NON_EMPLOYERS), ".")
    status = plain.map(_STATUS)
    return at.mask(status.notna(), ", now " + status + ".")


#: What a company field that names no employer says about the person, for a reason's ending.
_STATUS = {
    "self-employed": "self-employed",
    "self employed": "self-employed",
    "freelance": "freelance",
    "freelancer": "freelance",
    "independent": "independent",
    "retired": "retired",
    "student": "a student",
}


def _month(stamps: pd.Series) -> pd.Series:
    return stamps.dt.month_name() + " " + stamps.dt.year.astype("str")


def _reconnect(ties: pd.DataFrame, as_of: pd.Timestamp, reason: pd.Series) -> pd.DataFrame:
    """The ranked reconnect table for the chosen `ties` (see `dormant_ties`)."""
    days_silent = ((as_of - ties["last_contact"]) // _DAY).astype("int64")
    prior = strength_score(ties.assign(days_since_last=0.0))
    reconnect = (prior * (0.5 + 0.5 * days_silent / (days_silent + 365))).round(1)
    result = pd.DataFrame(
        {
            "person_id": ties["person_id"],
            "name": ties["name"],
            "company": ties["company"],
            "last_contact": ties["last_contact"],
            "days_silent": days_silent,
            "prior_strength": prior,
            "reconnect_score": reconnect,
            "reason": reason,
            "active_days": ties["active_days"],
            "ladder": ties["ladder"],
        }
    )
    result = result.sort_values(
        ["reconnect_score", "prior_strength", "person_id"],
        ascending=[False, False, True],
        kind="stable",
    )
    return result.astype(_RECONNECT_COLUMNS).reset_index(drop=True)


def _no_messages(ex: Export, as_of: pd.Timestamp) -> bool:
    """Whether the export holds no message up to `as_of` (reciprocity is then unknown)."""
    events = ex.interactions
    return not ((events["channel"] == "message") & (events["timestamp"] <= as_of)).any()


@memoized
def dormant_ties(
    ex: Export, *, as_of: object = None, after: str | pd.Timedelta = "365D"
) -> pd.DataFrame:
    """Relationships that were real and have gone quiet: who to reconnect with, best first.

    A dormant tie is a contact with at least one reciprocated exchange ever (a one-to-one message
    each way: group threads do not count as an exchange) whose last interaction (any channel but
    the bare connection) is more than `after` before `as_of`. Levin, Walter & Murnighan (2011),
    "Dormant ties: the value of reconnecting", found that reconnecting with dormant ties gives
    more novel, useful advice than current ties, the more so the stronger the tie was and the
    longer it has been dormant; the ranking follows them:
    ``reconnect_score = prior_strength × (0.5 + 0.5 × days_silent / (days_silent + 365))``,
    which rises with both.

    Parameters
    ----------
    ex
        The export.
    as_of
        Use nothing after this instant (default `ex.as_of`).
    after
        Silence longer than this makes a tie dormant (default ``"365D"``).

    Returns
    -------
    pandas.DataFrame
        One row per dormant tie, best to reconnect with first: ``person_id, name, company``,
        ``last_contact`` (last interaction), ``days_silent`` (whole days since, to `as_of`),
        ``prior_strength`` (the tie-strength score as it stood at the last contact: the same
        features, 0 days since the last contact), ``reconnect_score`` (0-100), ``reason`` (a
        sentence to act on: "Talked on 14 days over 2 years, last in March 2023, now at
        Globex."), ``active_days``, ``ladder``. ``attrs["params"]`` holds the options;
        ``attrs["reason"]`` says why a result is empty when the export cannot tell.
    """
    as_of = as_of_timestamp(ex, as_of)
    if _no_messages(ex, as_of):
        reason = "no messages up to as_of: the export cannot tell which ties were reciprocated"
        return record(empty_frame(_RECONNECT_COLUMNS, reason), as_of, after=after)
    ties = _features(ex, as_of)
    silence = as_of - ties["last_contact"]
    ties = ties[((ties["reciprocated"] > 0) & (silence > pd.Timedelta(after))).to_numpy(bool)]
    reason = _talked(ties) + ", last in " + _month(ties["last_contact"]) + _now_at(ties)
    return record(_reconnect(ties, as_of, reason), as_of, after=after)


def _median_gap_days(ex: Export, as_of: pd.Timestamp) -> pd.Series:
    """Each contact's median number of days between consecutive days with a one-to-one message
    (NaN for one such day): the rhythm of the relationship, which group threads do not set."""
    direct = direct_until(ex, as_of)
    order = grouped_order(direct.person)  # the messages are in time order: so is each contact
    person = direct.person[order]
    day = np.floor_divide(direct.timestamp[order], 86_400_000_000)
    same_person = np.zeros(len(person), dtype=bool)
    same_person[1:] = person[1:] == person[:-1]
    new_day = ~same_person
    new_day[1:] |= day[1:] != day[:-1]
    person, day, same_person = person[new_day], day[new_day], same_person[new_day]
    gaps = np.full(len(day), np.nan)
    gaps[1:] = day[1:] - day[:-1]
    gaps[~same_person] = np.nan  # a contact's first day has no gap before it
    medians = pd.Series(gaps).groupby(person).median().astype("float64")
    return pd.Series(medians.to_numpy(), index=direct.people.take(medians.index), dtype="float64")


@memoized
def fading_ties(
    ex: Export,
    *,
    as_of: object = None,
    after: str | pd.Timedelta = "365D",
    gap_multiple: float = 3.0,
    min_silence: str | pd.Timedelta = "60D",
) -> pd.DataFrame:
    """Relationships losing their rhythm: quiet for much longer than usual, not yet dormant.

    Each relationship has its own pace: some people talk weekly, others twice a year. A fading
    tie is a reciprocated contact (a one-to-one message each way) that is not yet dormant
    (silent for at most `after`, see `dormant_ties`) but has been silent for more than
    `gap_multiple` times their own median gap between days with a one-to-one message, and for
    more than `min_silence`. Group threads do not count as an exchange and set no rhythm; a
    contact with a single day of one-to-one messages has no rhythm yet and is never fading.
    Ranked like `dormant_ties` (Levin, Walter & Murnighan 2011): formerly stronger ties, silent
    longer, first.

    Parameters
    ----------
    ex
        The export.
    as_of
        Use nothing after this instant (default `ex.as_of`).
    after
        The dormancy threshold (default ``"365D"``); longer silences belong to `dormant_ties`.
    gap_multiple
        How many of the contact's usual gaps the silence must exceed (default 3).
    min_silence
        The silence must also be longer than this (default ``"60D"``).

    Returns
    -------
    pandas.DataFrame
        The columns of `dormant_ties` (the reason reads "Talked on 20 days over 2 years, usually
        every 18 days, but not since June 2026, now at Globex."), plus ``median_gap_days``.
    """
    as_of = as_of_timestamp(ex, as_of)
    params = {"after": after, "gap_multiple": gap_multiple, "min_silence": min_silence}
    columns = {**_RECONNECT_COLUMNS, "median_gap_days": "float64"}
    if _no_messages(ex, as_of):
        reason = "no messages up to as_of: the export cannot tell which ties have a rhythm"
        return record(empty_frame(columns, reason), as_of, **params)
    ties = _features(ex, as_of)
    gap = looked_up(ties["person_id"], _median_gap_days(ex, as_of)).astype("float64")
    silence = as_of - ties["last_contact"]
    chosen = (
        (ties["reciprocated"] > 0)
        & (silence <= pd.Timedelta(after))
        & (silence > pd.Timedelta(min_silence))
        & (silence / _DAY > gap_multiple * gap)
    ).to_numpy(dtype=bool)
    ties, gap = ties[chosen], gap[chosen]
    every = gap.round().astype("int64")
    rhythm = (", usually every " + every.astype("str") + " days").where(
        every > 1, ", usually every day"
    )
    reason = (
        _talked(ties) + rhythm + ", but not since " + _month(ties["last_contact"]) + _now_at(ties)
    )
    result = _reconnect(ties, as_of, reason)
    result["median_gap_days"] = looked_up(result["person_id"], gap.set_axis(ties["person_id"]))
    return record(result.astype(columns), as_of, **params)
