"""Work once per distinct value, then spread the answer back with integer codes.

A million messages hold some 30,000 distinct senders: normalizing a URL or a name, or looking it
up, is done on the distinct values only (`pandas.factorize`), and the answers are taken back to
every row with an array `take`, which stays in C.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["count_pairs", "factorize", "map_distinct", "spread"]


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


def map_distinct(
    values: pd.Series, function: Callable[[Any], Any], dtype: str = "str"
) -> pd.Series:
    """``values.map(function)`` computed once per distinct value; missing stays missing."""
    codes, uniques = factorize(values)
    answers = [function(value) for value in uniques.tolist()]
    return spread(answers, codes, values.index, dtype)


def count_pairs(left: pd.Series, right: pd.Series, names: tuple[str, str]) -> pd.DataFrame:
    """The distinct (left, right) pairs where both are present, with how often each occurs."""
    left_codes, left_uniques = factorize(left)
    right_codes, right_uniques = factorize(right)
    both = (left_codes >= 0) & (right_codes >= 0)
    width = max(len(right_uniques), 1)
    combined, counts = np.unique(left_codes[both] * width + right_codes[both], return_counts=True)
    return pd.DataFrame(
        {
            names[0]: pd.Series(left_uniques.take(combined // width), dtype=left.dtype),
            names[1]: pd.Series(right_uniques.take(combined % width), dtype=right.dtype),
            "n": counts.astype("int64"),
        }
    )
