"""Run a function over consecutive slices of a long column, on every core.

Arrow's compute kernels (regular expressions, splitting text) release the GIL, so slices of a
million messages can be matched in threads at once. Every result is in the order of its slice.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

__all__ = ["map_slices"]

T = TypeVar("T")


def map_slices(function: Callable[[slice], T], length: int, *, rows: int = 131_072) -> list[T]:
    """``[function(part) for part in slices]`` over slices of `rows` covering ``range(length)``,
    run in a thread per core (in this thread when one slice or one core is all there is)."""
    parts = [slice(start, min(start + rows, length)) for start in range(0, length, rows)]
    if not parts:
        parts = [slice(0, 0)]
    workers = min(os.cpu_count() or 1, len(parts))
    if workers == 1:
        return [function(part) for part in parts]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="netkit") as pool:
        return list(pool.map(function, parts))
