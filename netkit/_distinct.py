"""Work once per distinct value, then spread the answer back with integer codes.

A million messages hold some 30,000 distinct senders: normalizing a URL or a name, or looking it
up, is done on the distinct values only (`pandas.factorize`), and the answers are taken back to
every row with an array `take`, which stays in C.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "Labels",
    "ListColumn",
    "count_pairs",
    "factorize",
    "first_of_each",
    "greatest_per_code",
    "grouped_order",
    "is_in",
    "least_per_code",
    "looked_up",
    "map_distinct",
    "positions_in",
    "spread",
    "take_arrow",
    "take_rows",
]


def factorize(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes per row (-1 for missing) and the distinct values."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return np.asarray(codes, dtype=np.int64), uniques


def spread(
    answers: Sequence[Any] | pd.api.extensions.ExtensionArray | np.ndarray,
    codes: np.ndarray,
    index: pd.Index,
    dtype: str = "str",
) -> pd.Series:
    """Row values from one answer per distinct value; code -1 gives a missing value."""
    array = pd.array(answers, dtype=dtype) if dtype != "object" else np.asarray(answers, object)
    if dtype == "object":
        padded = np.empty(len(array) + 1, dtype=object)
        padded[:-1] = array
        padded[-1] = None
        return pd.Series(padded[codes], index=index, dtype=object)
    return pd.Series(array.take(codes, allow_fill=True), index=index)


def positions_in(values: pd.Series | pd.Index, index: pd.Index) -> np.ndarray:
    """Each value's position in `index` (unique), -1 where absent or missing.

    Text on both sides is looked up in Arrow (``pyarrow.compute.index_in``), on the UTF-8 bytes:
    pandas' ``index.get_indexer(values)`` makes a Python string of every value on both sides
    first, five times the time for 30,000 people. Anything else looks up the distinct values
    only (a million rows hold some 30,000 people) and spreads the answer back with the codes.
    """
    wanted, keys = _arrow_text(values), _arrow_text(index)
    if wanted is not None and keys is not None:
        found = pc.index_in(wanted, value_set=keys.combine_chunks(), skip_nulls=True)
        return np.asarray(pc.fill_null(found, -1), dtype=np.int64)
    codes, uniques = factorize(pd.Series(values))
    return np.append(index.get_indexer(uniques), -1)[codes]


def _arrow_text(values: pd.Series | pd.Index) -> pa.ChunkedArray | None:
    """The Arrow large_string data behind pandas text, None for anything else."""
    dtype = values.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return None
    data = pa.chunked_array(pa.array(values.array))
    return data if data.type == pa.large_string() else None


def looked_up(values: pd.Series | pd.Index, mapping: pd.Series) -> pd.Series:
    """``values.map(mapping)`` for a `mapping` with a unique index, as a Series aligned on
    `values` (missing where a value is missing or not in the index), through `positions_in`.

    The result has the mapping's type even when the mapping is empty (``map`` gives float64
    there)."""
    found = mapping.array.take(positions_in(values, mapping.index), allow_fill=True)
    index = values.index if isinstance(values, pd.Series) else None
    return pd.Series(found, index=index, name=values.name)


def is_in(values: pd.Series | pd.Index, candidates: Iterable[Any]) -> np.ndarray:
    """Whether each value is one of `candidates` (False for missing values).

    ``isin`` through a hash lookup of the distinct values (`positions_in`): on Arrow text,
    pandas' ``isin`` builds an Arrow value set on every call and is many times slower.
    """
    if isinstance(candidates, (set, frozenset)):
        candidates = list(candidates)
    wanted = pd.Index(candidates).dropna().unique()
    return positions_in(pd.Series(values), wanted) >= 0


def first_of_each(codes: np.ndarray) -> np.ndarray:
    """The position of the first occurrence of each distinct value of `codes`, in order.

    For integer codes from -1 up (what `factorize` gives), the least position of each code is
    found in one pass (`numpy.minimum.at`) instead of hashing every row.
    """
    codes = np.asarray(codes)
    n = len(codes)
    if n == 0 or codes.dtype.kind not in "iu" or codes.min() < -1 or codes.max() > 4 * n:
        return pd.Series(codes).drop_duplicates().index.to_numpy()
    shifted = codes.astype(np.int64) + 1
    first = np.full(int(shifted.max()) + 1, n, dtype=np.int64)
    np.minimum.at(first, shifted, np.arange(n, dtype=np.int64))
    return np.sort(first[first < n])


def least_per_code(codes: np.ndarray, values: np.ndarray, size: int, missing: int) -> np.ndarray:
    """For each code in ``range(size)``, the least of its int64 `values` (one
    `numpy.minimum.at` pass, no sort or hash); `missing` for a code without any."""
    out = np.full(size, np.iinfo(np.int64).max)
    np.minimum.at(out, codes, values)
    out[np.bincount(codes, minlength=size) == 0] = missing
    return out


def greatest_per_code(codes: np.ndarray, values: np.ndarray, size: int, missing: int) -> np.ndarray:
    """For each code in ``range(size)``, the greatest of its int64 `values`; `missing` for a
    code without any."""
    out = np.full(size, np.iinfo(np.int64).min)
    np.maximum.at(out, codes, values)
    out[np.bincount(codes, minlength=size) == 0] = missing
    return out


def grouped_order(codes: np.ndarray) -> np.ndarray:
    """``np.argsort(codes, kind="stable")`` for non-negative integer codes: the positions
    grouped by code, each group in its original order.

    Sorted as the narrowest unsigned type that holds the codes: numpy sorts 16-bit integers
    by radix, eight times faster than a 64-bit sort of a million codes (and a time-ordered log
    grouped this way is ordered by person, then time, like a `numpy.lexsort` of both).
    """
    top = int(codes.max(initial=0))
    narrow = np.uint16 if top < 2**16 else np.uint32 if top < 2**32 else np.uint64
    return np.argsort(codes.astype(narrow, copy=False), kind="stable")


def take_rows(frame: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    """``frame.iloc[rows]`` (index reset), each Arrow column taken chunk by chunk
    (`take_arrow`)."""
    rows = np.asarray(rows, dtype=np.int64)
    columns = {}
    for name in frame.columns:
        values = frame[name]
        if isinstance(values.dtype, pd.StringDtype):
            picked = take_arrow(pa.array(values.array), rows)
            columns[name] = pd.Series(pd.array(picked, dtype=values.dtype))
        else:
            columns[name] = values.iloc[rows].reset_index(drop=True)
    return pd.DataFrame(columns)


def take_arrow(values: pa.Array | pa.ChunkedArray, rows: np.ndarray) -> pa.Array:
    """``values.take(rows)``, taken chunk by chunk.

    Arrow takes from a column of many chunks by first joining them into one: picking a few
    thousand messages would copy every text of a million. Taking from each chunk and joining
    the small results copies only what is picked.
    """
    rows = np.asarray(rows, dtype=np.int64)
    if isinstance(values, pa.ChunkedArray) and values.num_chunks == 1:
        values = values.chunk(0)
    if not isinstance(values, pa.ChunkedArray):
        return values.take(pa.array(rows))
    ends = np.cumsum([len(chunk) for chunk in values.chunks])
    order = np.argsort(rows, kind="stable")
    chunk_of = np.searchsorted(ends, rows[order], side="right")
    starts = np.concatenate([[0], ends[:-1]])
    parts = [
        values.chunk(c).take(pa.array(rows[order][chunk_of == c] - starts[c]))
        for c in np.unique(chunk_of)
    ]
    picked = pa.concat_arrays(parts) if parts else pa.array([], values.type)
    return picked.take(pa.array(np.argsort(order, kind="stable")))


def map_distinct(
    values: pd.Series, function: Callable[[Any], Any], dtype: str = "str"
) -> pd.Series:
    """``values.map(function)`` computed once per distinct value; missing stays missing."""
    codes, uniques = factorize(values)
    answers = [function(value) for value in uniques.tolist()]
    return spread(answers, codes, values.index, dtype)


Factorized = tuple[np.ndarray, pd.Index]


def count_pairs(
    left: pd.Series | Factorized, right: pd.Series | Factorized, names: tuple[str, str]
) -> pd.DataFrame:
    """The distinct (left, right) pairs where both are present, with how often each occurs.

    Either side may be given already factorized, as ``(codes, uniques)``.
    """
    left_codes, left_uniques = left if isinstance(left, tuple) else factorize(left)
    right_codes, right_uniques = right if isinstance(right, tuple) else factorize(right)
    both = (left_codes >= 0) & (right_codes >= 0)
    width = max(len(right_uniques), 1)
    # ``numpy.unique(..., return_counts=True)`` sorts every row; a million rows hold a few
    # thousand pairs: hash them, count on codes, and sort only the distinct pairs.
    pair_codes, pairs = pd.factorize(left_codes[both] * width + right_codes[both])
    order = np.argsort(pairs)
    combined = pairs[order]
    counts = np.bincount(pair_codes, minlength=len(pairs))[order]
    return pd.DataFrame(
        {
            names[0]: pd.Series(left_uniques.take(combined // width), dtype=left_uniques.dtype),
            names[1]: pd.Series(right_uniques.take(combined % width), dtype=right_uniques.dtype),
            "n": counts.astype("int64"),
        }
    )


class ListColumn:
    """A column of lists (``recipient_ids``) worked on once per distinct list.

    `netkit.tidy` shares one list object between every message with the same recipient text, so a
    million rows hold a few thousand distinct lists: they are told apart by identity, walked once,
    and rows are expanded with integer arithmetic instead of ``Series.explode`` (whose object
    round trip dominates at a million rows). Lists that are not shared are still right, just
    slower. Anything that is not a list counts as an empty list.
    """

    def __init__(self, values: pd.Series) -> None:
        array = values.to_numpy(dtype=object)
        identity = np.fromiter(map(id, array), dtype=np.uint64, count=len(array))
        codes, _ = pd.factorize(identity)
        # codes are numbered in order of first appearance: the k-th first occurrence is code k
        first = first_of_each(codes)
        lists = [value if isinstance(value, list) else [] for value in array[first].tolist()]
        self._set(np.asarray(codes, dtype=np.int64), lists)

    @classmethod
    def from_codes(cls, codes: np.ndarray, lists: Sequence[list[str]]) -> ListColumn:
        """The `ListColumn` of the column whose row ``i`` holds ``lists[codes[i]]`` (an empty
        list where the code is -1), each list of `lists` a distinct object: what
        ``ListColumn(column)`` finds, without looking at a million objects."""
        codes = np.where(codes >= 0, codes, len(lists))
        renumbered, order = pd.factorize(codes)  # in order of first appearance, as above
        everything = [*lists, []]
        column = cls.__new__(cls)
        column._set(np.asarray(renumbered, dtype=np.int64), [everything[k] for k in order])
        return column

    def _set(self, codes: np.ndarray, lists: list[list[str]]) -> None:
        self.codes = codes
        self.lists: list[list[str]] = lists
        self.lengths = np.fromiter(map(len, self.lists), dtype=np.int64, count=len(self.lists))
        self.offsets = np.concatenate([[0], np.cumsum(self.lengths)])
        flat = [item for items in self.lists for item in items]
        self.items = pd.array(flat, dtype="str")

    def explode(
        self, rows: np.ndarray | None = None
    ) -> tuple[np.ndarray, pd.api.extensions.ExtensionArray]:
        """The row position (into `rows`, or the whole column) and the value of each list item."""
        parent, positions = self.explode_positions(rows)
        return parent, self.items.take(positions)

    def explode_positions(self, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """`explode` with each item as its position in `items` (look values up once there)."""
        codes = self.codes if rows is None else self.codes[rows]
        per_row = self.lengths[codes]
        total = int(per_row.sum())
        parent = np.repeat(np.arange(len(codes), dtype=np.int64), per_row)
        row_start = np.cumsum(per_row) - per_row
        within = np.arange(total, dtype=np.int64) - np.repeat(row_start, per_row)
        positions = np.repeat(self.offsets[:-1][codes], per_row) + within
        return parent, positions

    def distinct_items(self, rows: np.ndarray | None = None) -> pd.Series:
        """Every value found in the lists of `rows` (the whole column by default), once."""
        used = np.zeros(len(self.lists), dtype=bool)
        used[self.codes if rows is None else self.codes[rows]] = True
        mask = np.repeat(used, self.lengths)
        return pd.Series(self.items[mask], dtype="str").drop_duplicates(ignore_index=True)


class Labels:
    """A text column with few distinct values (channel, direction), compared as integer codes."""

    def __init__(self, values: pd.Series) -> None:
        self.codes, self.names = factorize(values)

    def be(self, name: str) -> np.ndarray:
        """Whether each row holds `name` (False for missing)."""
        code = self.names.get_indexer([name])[0]
        return self.codes == code if code >= 0 else np.zeros(len(self.codes), dtype=bool)
