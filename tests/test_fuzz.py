"""Fuzzing the reader: mutated export bytes never crash ``load_export`` and never lose a row.

Every example starts from real-format bytes, either a member of the committed sample
(``data/sample/Complete_LinkedInDataExport_11-16-2026.zip``, large members cut to their first
lines) or a hand-written fixture export of the specification tests (``fixtures.collect_exports``),
applies one to three mutations to one of its files (truncation, byte flips, insertions and
deletions, two columns swapped, re-encoding as UTF-16 or cp1252, a quote left open, a giant field,
an empty file, the header alone), packs it as a zip and loads it. The properties (issue 7):

- ``nk.load_export`` returns or raises ``nk.ExportError``, never any other exception;
- it does so within ``TIME_LIMIT`` seconds (a hang fails the example instead of the CI job);
- on return, for every file in ``ex.files``:
  ``rows_read == rows_kept + (problems rows of that file with NA column)``.

The example budget is small (200 examples, 100 for the damaged zip container) and derandomized so
that CI is fast (about 25 s) and reproducible. Maintainers run
a longer, randomized campaign with::

    NETKIT_FUZZ_EXAMPLES=5000 NETKIT_FUZZ_RANDOM=1 .venv/bin/python -m pytest tests/test_fuzz.py

A failing example is shrunk, printed short, and its files are written under
``$NETKIT_FUZZ_FAILURES`` (default: ``netkit-fuzz-failures/<hash>/`` in the temporary directory).
Every crash found is kept as a named regression test, bytes inline, in
``tests/test_fuzz_regressions.py``.
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures import DEFAULT_NAME, PROFILE_CSV, collect_exports, write_zip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netkit as nk

SAMPLE = (
    Path(__file__).parent.parent / "data" / "sample" / "Complete_LinkedInDataExport_11-16-2026.zip"
)
MAX_EXAMPLES = int(os.environ.get("NETKIT_FUZZ_EXAMPLES", "200"))
DERANDOMIZE = not os.environ.get("NETKIT_FUZZ_RANDOM")
TIME_LIMIT = 20.0
FAILURES = Path(
    os.environ.get("NETKIT_FUZZ_FAILURES", Path(tempfile.gettempdir()) / "netkit-fuzz-failures")
)
BASE_BYTES = 6000  # large sample members are cut to their lines within this many bytes


def _prefix(data: bytes, limit: int = BASE_BYTES) -> bytes:
    """The whole lines of ``data`` within ``limit`` bytes (all of it when it is small)."""
    if len(data) <= limit:
        return data
    return data[: data.rfind(b"\n", 0, limit) + 1]


def _sample_members() -> dict[str, bytes]:
    with zipfile.ZipFile(SAMPLE) as archive:
        return {name: _prefix(archive.read(name)) for name in archive.namelist()}


SAMPLE_MEMBERS = _sample_members()
HAND_EXPORTS = collect_exports()

#: (label, export) pairs an example starts from: each sample member with Profile.csv, and every
#: hand fixture export.
BASES: list[tuple[str, dict[str, bytes]]] = [
    (f"sample:{name}", {name: data, "Profile.csv": SAMPLE_MEMBERS["Profile.csv"]})
    for name, data in sorted(SAMPLE_MEMBERS.items())
] + [(f"hand:{label}", dict(files)) for label, files in sorted(HAND_EXPORTS.items())]


# --- mutations: bytes -> bytes, each drawn with its parameters ------------------------------------


def _at(data: bytes, fraction: float) -> int:
    return min(len(data), int(fraction * (len(data) + 1)))


def _swap_columns(data: bytes, i: int, j: int) -> bytes:
    """Swap columns ``i`` and ``j`` on every line (naive comma split, as a careless tool would)."""
    lines = []
    for line in data.split(b"\n"):
        cells = line.split(b",")
        if max(i, j) < len(cells):
            cells[i], cells[j] = cells[j], cells[i]
        lines.append(b",".join(cells))
    return b"\n".join(lines)


def _reencode(data: bytes, encoding: str) -> bytes:
    text = data.decode("utf-8", errors="replace")
    return text.encode(encoding, errors="replace")


def _headers_only(data: bytes) -> bytes:
    end = data.find(b"\n")
    return data if end < 0 else data[: end + 1]


fraction = st.floats(0, 1, allow_nan=False)
mutation = st.one_of(
    st.builds(lambda f: ("truncate", lambda d: d[: _at(d, f)]), fraction),
    st.builds(
        lambda f, b: ("flip", lambda d: d[: _at(d, f)] + bytes([b]) + d[_at(d, f) + 1 :]),
        fraction,
        st.integers(0, 255),
    ),
    st.builds(
        lambda f, ins: ("insert", lambda d: d[: _at(d, f)] + ins + d[_at(d, f) :]),
        fraction,
        st.one_of(
            st.binary(min_size=1, max_size=8),
            st.sampled_from(
                [b'"', b",", b"\n", b"\r", b"\r\n", b'""', b"\x00", b"\xff\xfe", b"\xef\xbb\xbf"]
            ),
        ),
    ),
    st.builds(
        lambda f, n: ("delete", lambda d: d[: _at(d, f)] + d[_at(d, f) + n :]),
        fraction,
        st.integers(1, 64),
    ),
    st.builds(
        lambda i, j: ("swap-columns", lambda d: _swap_columns(d, i, j)),
        st.integers(0, 6),
        st.integers(0, 6),
    ),
    st.builds(
        lambda enc: ("reencode", lambda d: _reencode(d, enc)),
        st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "utf-8-sig"]),
    ),
    st.builds(
        # A quote opened at the start of a field and never closed.
        lambda f: (
            "open-quote",
            lambda d: d[: d.find(b",", _at(d, f)) + 1] + b'"' + d[d.find(b",", _at(d, f)) + 1 :],
        ),
        fraction,
    ),
    st.builds(
        lambda f, n, quoted: (
            "giant-field",
            lambda d: (
                d[: _at(d, f)] + (b'"' + b"x" * n + b'"' if quoted else b"y" * n) + d[_at(d, f) :]
            ),
        ),
        fraction,
        st.sampled_from([70_000, 300_000, 2_000_000]),
        st.booleans(),
    ),
    st.just(("empty", lambda d: b"")),
    st.just(("headers-only", _headers_only)),
)


class Case(tuple):
    """(label, files, mutation names), printed short: failing files are saved by ``_save``."""

    def __repr__(self) -> str:
        label, files, names = self
        sizes = {name: len(data) for name, data in files.items()}
        return f"Case({label!r}, mutations={names!r}, sizes={sizes!r})"


def _save(files: dict[str, bytes]) -> Path:
    """Write a failing example's files under FAILURES for a regression test."""
    import hashlib

    digest = hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest()[:12]
    folder = FAILURES / digest
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@st.composite
def mutated_exports(draw) -> Case:
    label, files = draw(st.sampled_from(BASES))
    files = dict(files)
    target = draw(st.sampled_from(sorted(files)))
    names = []
    data = files[target]
    for name, mutate in draw(st.lists(mutation, min_size=1, max_size=3)):
        data = mutate(data)
        names.append(name)
    files[target] = data
    return Case((f"{label} -> {target}", files, names))


class _Hang(Exception):
    pass


def _load_within_limit(load: Callable[[dict[str, bytes]], object], files: dict[str, bytes]):
    """``load(files)``, failing (not hanging) when it takes more than ``TIME_LIMIT`` seconds."""

    def on_alarm(signum, frame):
        raise _Hang(f"load_export took more than {TIME_LIMIT} s")

    # pytest-timeout may be using the same timer: hand its remaining time back afterwards.
    previous = signal.signal(signal.SIGALRM, on_alarm)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
    start = time.monotonic()
    try:
        return load(files)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            remaining = outer - (time.monotonic() - start)
            signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001))


def check_load(load, files: dict[str, bytes]) -> None:
    """The fuzz properties for one export: returns or ExportError; accounting holds."""
    start = time.perf_counter()
    try:
        ex = _load_within_limit(load, files)
    except nk.ExportError:
        return
    assert time.perf_counter() - start < TIME_LIMIT
    dropped = ex.problems[ex.problems["column"].isna()].groupby("file").size()
    for row in ex.files.itertuples():
        assert row.rows_read == row.rows_kept + dropped.get(row.path, 0), (row.path, row)
        assert 0 <= row.rows_kept <= row.rows_read, row.path


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=DERANDOMIZE,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_exports())
def test_mutated_export_loads_or_raises_export_error(load_path, case):
    label, files, mutations = case
    note = f"{label}: {mutations}"
    try:
        check_load(load_path, files)
    except Exception as error:
        folder = _save(files)
        message = str(error)[:500]
        raise AssertionError(
            f"{note}: {type(error).__name__}: {message} (files in {folder})"
        ) from None


byte_mutation = st.one_of(
    st.builds(lambda f: ("truncate", lambda d: d[: _at(d, f)]), fraction),
    st.builds(
        lambda f, b: ("flip", lambda d: d[: _at(d, f)] + bytes([b]) + d[_at(d, f) + 1 :]),
        fraction,
        st.integers(0, 255),
    ),
    st.builds(
        lambda f, ins: ("insert", lambda d: d[: _at(d, f)] + ins + d[_at(d, f) :]),
        fraction,
        st.binary(min_size=1, max_size=8),
    ),
    st.builds(
        lambda f, n: ("delete", lambda d: d[: _at(d, f)] + d[_at(d, f) + n :]),
        fraction,
        st.integers(1, 64),
    ),
)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
@settings(
    max_examples=max(MAX_EXAMPLES // 2, 1),
    deadline=None,
    derandomize=DERANDOMIZE,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.sampled_from(BASES), st.lists(byte_mutation, min_size=1, max_size=3))
def test_mutated_zip_container_loads_or_raises_export_error(tmp_path_factory, base, mutations):
    """The same properties when the zip file itself is damaged (a half download, a bad disk)."""
    label, files = base
    root = tmp_path_factory.mktemp("zip")
    data = write_zip(root / "source.zip", files).read_bytes()
    for _, mutate in mutations:
        data = mutate(data)
    path = root / f"{DEFAULT_NAME}.zip"
    path.write_bytes(data)
    names = [name for name, _ in mutations]
    try:
        check_load(lambda _: nk.load_export(path), files)
    except Exception as error:
        saved = _save({path.name: data})
        message = str(error)[:500]
        raise AssertionError(
            f"{label} zip {names}: {type(error).__name__}: {message} (zip in {saved})"
        ) from None


@pytest.mark.parametrize(
    "name",
    ["empty", "headers-only"],
)
def test_every_sample_member_empty_or_header_only(load_path, name):
    """The two degenerate files, for every member of the sample, deterministically."""
    for member, data in SAMPLE_MEMBERS.items():
        files = {
            "Profile.csv": PROFILE_CSV,
            member: b"" if name == "empty" else _headers_only(data),
        }
        try:
            check_load(load_path, files)
        except Exception as error:
            raise AssertionError(f"{member} {name}: {type(error).__name__}: {error}") from error


# --- the README's "bad input" table, row by row, on one small Connections.csv ---------------------

CONNECTIONS = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Ana,Lopes,https://www.linkedin.com/in/ana-lopes,,Acme,Engineer,14 Sep 2024\n"
    b"Rui,Costa,https://www.linkedin.com/in/rui-costa,,Beta,Dev,15 Sep 2024\n"
)


@pytest.mark.parametrize(
    ("label", "data", "kept", "reason"),
    [
        (
            "too many fields",
            CONNECTIONS.replace(b"Engineer,", b"Engineer,x,"),
            1,
            "fields, the header",
        ),
        (
            "too few fields",
            CONNECTIONS.replace(b"Acme,Engineer,", b""),
            2,
            "the rest are left empty",
        ),
        ("truncated mid-record", CONNECTIONS[:-25], 2, "the rest are left empty"),
        ("columns swapped", CONNECTIONS.replace(b"Company,Position", b"Position,Company"), 2, None),
        ("utf-16 without BOM", CONNECTIONS.decode().encode("utf-16-le"), 2, None),
        ("utf-16 with BOM", CONNECTIONS.decode().encode("utf-16"), 2, None),
        ("cp1252", CONNECTIONS.replace(b"Lopes", "Löpes".encode("cp1252")), 2, None),
    ],
)
def test_bad_input_table(load_path, label, data, kept, reason):
    files = {"Connections.csv": data, "Profile.csv": PROFILE_CSV}
    check_load(load_path, files)
    ex = load_path(files)
    assert len(ex.connections) == kept, label
    reasons = ex.problems.loc[ex.problems["file"] == "Connections.csv", "reason"]
    if reason is None:
        assert reasons.empty, label
    else:
        assert reasons.str.contains(reason, regex=False).any(), label
