"""What every metric shares: the `as_of` cut, thresholds recorded in ``attrs``, empty results.

Every metric takes the `Export` first, keyword-only options after, `as_of=None` among them
(default `ex.as_of`); nothing after `as_of` is used, so last quarter's numbers can be recomputed
today. A result records its thresholds and `as_of` in ``result.attrs["params"]``, and the reason
for an empty result in ``result.attrs["reason"]``.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, ParamSpec, TypeVar, cast

import numpy as np
import pandas as pd

from .._distinct import ListColumn, factorize
from ..events import CodedLog, utc_timestamps

if TYPE_CHECKING:
    from ..export import Export

__all__ = [
    "CONTACT_CHANNELS",
    "NON_EMPLOYERS",
    "DirectMessages",
    "as_of_timestamp",
    "coded_until",
    "derived",
    "direct_until",
    "empty_frame",
    "interactions_until",
    "load_lexicon",
    "memoized",
    "recipient_lists",
    "record",
    "rows_until",
    "sender_codes",
    "shared",
]

T = TypeVar("T")
P = ParamSpec("P")

#: Company values that name no employer (compared lower-cased, white space collapsed): no
#: company node in the graph, no "now at ..." in a reason.
NON_EMPLOYERS = frozenset(
    {
        "self-employed",
        "self employed",
        "freelance",
        "freelancer",
        "independent",
        "retired",
        "unemployed",
        "student",
        "stealth",
        "stealth mode",
        "stealth startup",
        "confidential",
        "none",
        "n/a",
        "-",
    }
)

#: "Interacted" means any channel but the bare connection.
CONTACT_CHANNELS = ("message", "invitation", "endorsement", "recommendation")


def as_of_timestamp(ex: Export, as_of: object = None) -> pd.Timestamp:
    """`as_of` as a UTC timestamp; a date alone means the last instant of that day."""
    if as_of is None:
        return ex.as_of
    stamp = pd.Timestamp(as_of)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    if stamp == stamp.normalize() and isinstance(as_of, str) and len(as_of.strip()) <= 10:
        stamp = stamp + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
    return stamp.as_unit("us")


def rows_until(frame: pd.DataFrame, column: str, as_of: pd.Timestamp) -> pd.DataFrame:
    """The rows of `frame` whose `column` is at or before `as_of` (undated rows are left out)."""
    return frame[(frame[column] <= as_of).fillna(False).astype(bool)]


def derived(ex: Export, name: str, table: pd.DataFrame, compute: Callable[[], T]) -> T:
    """What the loader derived from `table` on its way (``ex._derived``), else ``compute()``
    once per export (`shared`). A table replaced since the load is derived afresh."""
    found = getattr(ex, "_derived", {}).get(name)
    if found is not None and found[0] is table:
        return cast("T", found[1])
    return shared(ex, (name,), None, compute)


def recipient_lists(ex: Export) -> ListColumn:
    """``ex.messages["recipient_ids"]`` as a `ListColumn`, once per export."""
    messages = ex.messages
    return derived(ex, "recipient_lists", messages, lambda: ListColumn(messages["recipient_ids"]))


def sender_codes(ex: Export) -> tuple[np.ndarray, pd.Index]:
    """``ex.messages["sender_id"]`` factorized (-1 for missing), once per export."""
    messages = ex.messages
    return derived(ex, "sender_codes", messages, lambda: factorize(messages["sender_id"]))


def people_by_id(ex: Export) -> pd.DataFrame:
    """`ex.people` indexed by `person_id`, the first row of each, once per export.

    Every metric that names people (``looked_up(ids, people_by_id(ex)["name"])``) reads the
    same table, so it is deduplicated and indexed once, not once per metric.
    """
    people = ex.people
    return derived(
        ex,
        "people_by_id",
        people,
        lambda: people.drop_duplicates("person_id").set_index("person_id"),
    )


def coded_until(ex: Export, as_of: pd.Timestamp) -> CodedLog:
    """`interactions_until` as integer codes (`netkit.events.CodedLog`), row for row."""
    events = interactions_until(ex, as_of)
    whole = derived(ex, "coded_log", ex.interactions, lambda: CodedLog.of(ex.interactions))
    if _is_head(events, ex.interactions):
        return whole.head(len(events))
    return shared(ex, ("coded_until",), as_of, lambda: CodedLog.of(events))


def _is_head(part: pd.DataFrame, whole: pd.DataFrame) -> bool:
    """Whether `part` is the first rows of `whole` (what `interactions_until` slices)."""
    return len(part) <= len(whole) and part.index.equals(whole.index[: len(part)])


def interactions_until(ex: Export, as_of: pd.Timestamp) -> pd.DataFrame:
    """`ex.interactions` up to `as_of`, in time order.

    The log is in time order (undated rows last), so this is a slice of it, not a copy.
    Metrics rely on the order: a person's first row is their first contact.
    """
    return shared(ex, ("interactions_until",), as_of, lambda: _slice_until(ex.interactions, as_of))


def _slice_until(events: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    stamps = events["timestamp"]
    dated = int(stamps.notna().sum())
    head = stamps.iloc[:dated]
    if not (head.notna().all() and head.is_monotonic_increasing):
        # A log someone re-ordered: metrics rely on time order (first row = first contact).
        return rows_until(events, "timestamp", as_of).sort_values("timestamp", kind="stable")
    return events.iloc[: int(head.searchsorted(as_of, side="right"))]


class DirectMessages(NamedTuple):
    """The one-to-one messages (see `direct_until`) up to some instant, in time order, as
    integer codes of the log (`netkit.events.CodedLog`)."""

    person: np.ndarray  # position in `people`
    people: pd.Index
    direction: np.ndarray  # int8: 0 outgoing, 1 incoming, -1 unknown
    timestamp: np.ndarray  # int64 microseconds since the epoch

    def frame(self, rows: np.ndarray | slice = slice(None)) -> pd.DataFrame:
        """``timestamp, person_id, direction`` of `rows` (all by default), as text."""
        directions = np.array(["outgoing", "incoming", None], dtype=object)
        stamps = self.timestamp[rows]
        return pd.DataFrame(
            {
                "timestamp": utc_timestamps(stamps),
                "person_id": pd.Series(self.people.take(self.person[rows]), dtype="str"),
                "direction": pd.Series(directions[self.direction[rows]], dtype="str"),
            }
        )


def direct_until(ex: Export, as_of: pd.Timestamp) -> DirectMessages:
    """The one-to-one messages up to `as_of`, in time order, as codes; computed once per
    export and `as_of`.

    One-to-one messages are the ``message`` rows of `interactions` that are not `is_group`.

    A group thread is not a relationship: the owner's message to a group is an outgoing row to
    every member, and a member's message to the group an incoming row from them, yet neither
    says the two of them exchanged anything. So every metric that judges whether a relationship
    goes both ways (reciprocated, a message each way, a two-way exchange, an active tie, a
    reciprocated active day, dormant and fading ties, unanswered contacts) reads these rows only;
    group threads do not count as an exchange. Plain message counts may still include them.
    """

    def compute() -> DirectMessages:
        log = coded_until(ex, as_of)
        rows = np.flatnonzero(log.on("message") & ~log.is_group & (log.person >= 0))
        return DirectMessages(
            log.person[rows], log.people, log.direction[rows], log.timestamp[rows]
        )

    return shared(ex, ("direct_until",), as_of, compute)


class _Store:
    """What has been computed for one export, and the tables it was computed from."""

    def __init__(self, inputs: tuple[object, ...]) -> None:
        self.inputs = inputs  # held, so no other object can take their ids while they are here
        self.values: dict[tuple, Any] = {}

    def fits(self, inputs: tuple[object, ...]) -> bool:
        return len(inputs) == len(self.inputs) and all(
            mine is theirs for mine, theirs in zip(self.inputs, inputs, strict=True)
        )


#: Work shared between metrics, per export.
_SHARED: weakref.WeakKeyDictionary[Export, _Store] = weakref.WeakKeyDictionary()


def shared(ex: Export, key: tuple, as_of: pd.Timestamp | None, compute: Callable[[], T]) -> T:
    """``compute()`` once per export, `key` and `as_of`; later calls get the same object.

    What metrics share (the interactions up to `as_of`, the tie-strength features, a metric's
    whole result that `health_summary` reads again) is computed on first use and kept while the
    export lives. An export is read-only to netkit: replacing any of its tables, its files or
    its owner (``ex.messages = ...``) starts afresh, but changing a table in place is not
    noticed. Only one `as_of` is kept at a time, so a report over 24 periods does not hoard
    memory.
    """
    inputs = (*ex.tables.values(), ex.files, ex.owner)
    store = _SHARED.get(ex)
    if store is None or not store.fits(inputs):
        store = _SHARED[ex] = _Store(inputs)
    values = store.values
    if (key, as_of) not in values:
        if as_of is not None:
            for stale in [k for k in values if k[1] is not None and k[1] != as_of]:
                del values[stale]
        values[(key, as_of)] = compute()
    return values[(key, as_of)]


def memoized(metric: Callable[P, T]) -> Callable[P, T]:
    """Remember a metric's result per export, `as_of` and options (see `shared`).

    Callers get a shallow copy (pandas' copy-on-write keeps the remembered one intact), so
    `health_summary`, the report and a notebook can ask for the same figure twice for free.
    Options that cannot be hashed (a list of words) are computed afresh each time.
    """

    @functools.wraps(metric)
    def wrapper(ex: Export, *, as_of: object = None, **options: Any) -> T:
        cut = as_of_timestamp(ex, as_of)
        try:
            key = (metric.__qualname__, tuple(sorted(options.items())))
            hash(key)
        except TypeError:
            return metric(ex, as_of=cut, **options)  # type: ignore[arg-type]
        result = shared(ex, key, cut, lambda: metric(ex, as_of=cut, **options))  # type: ignore[arg-type]
        return result.copy(deep=False) if hasattr(result, "copy") else result

    return cast("Callable[P, T]", wrapper)  # the metric's own signature, for type checkers


def empty_frame(columns: dict[str, str], reason: str) -> pd.DataFrame:
    """An empty, correctly typed result that says why it is empty."""
    frame = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})
    frame.attrs["reason"] = reason
    return frame


def record(result: pd.DataFrame | pd.Series, as_of: pd.Timestamp, **params: Any) -> Any:
    """Store the thresholds used and `as_of` in ``result.attrs["params"]``; returns `result`."""
    result.attrs["params"] = {"as_of": as_of, **params}
    result.attrs.setdefault("reason", None)
    return result


def load_lexicon(name: str, language: str = "en") -> tuple[str, ...]:
    """A word list shipped in ``netkit/lexicons/<name>_<language>.txt``: one entry a line,
    ``#`` starts a comment. Entries are lower-case words or phrases."""
    from importlib.resources import files

    text = files("netkit.lexicons").joinpath(f"{name}_{language}.txt").read_text("utf-8")
    entries = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return tuple(entry for entry in entries if entry)
