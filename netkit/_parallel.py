"""Run a function over consecutive slices of a long column, on every core, or in the
background while the caller goes on.

Arrow's compute kernels (regular expressions, splitting text) and numpy release the GIL, so
slices of a million messages can be matched in threads at once. Every result is in the order of
its slice.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

__all__ = ["finished", "in_background", "map_slices"]

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


def in_background(function: Callable[[], T]) -> Future[T]:
    """Start ``function()`` in a thread of its own and return its `Future`.

    For work that releases the GIL (Arrow kernels, numpy) while the caller goes on with
    something else; ``.result()`` waits for it and raises what it raised. On one core the
    work is done here and now.
    """
    if (os.cpu_count() or 1) == 1:
        try:
            return finished(function())
        except Exception as error:  # raised again by .result(), as from a thread
            failed: Future[T] = Future()
            failed.set_exception(error)
            return failed
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="netkit-background")
    try:
        return pool.submit(function)
    finally:
        pool.shutdown(wait=False)  # the thread ends when the work does


def finished(value: T) -> Future[T]:
    """A `Future` that already holds `value` (for callers that only sometimes go to a thread)."""
    done: Future[T] = Future()
    done.set_result(value)
    return done
