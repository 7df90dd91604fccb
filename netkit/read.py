"""Bytes in, typed frames out: one export file at a time.

`read_file` turns the bytes of one member into a tidy, typed DataFrame following its `FileSpec`:
it sniffs the encoding (UTF-8, UTF-8 with BOM, UTF-16LE with BOM, an Excel re-save in cp1252), finds
the header line by its content (never by counting preamble lines), sniffs the separator, parses
with pyarrow's CSV reader (which keeps line breaks inside quoted values), repairs the known LinkedIn
bugs (Comments.csv, Shares.csv), and parses dates against the formats listed in `netkit.formats`.

Nothing read is lost: every record is either a row of the frame or a `problems` row, and every
value that could not be read is set to missing with a `problems` row naming file, line and column.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ._distinct import map_distinct
from .errors import FileUnreadableError, MissingColumnError
from .formats import DATE_FORMATS, FileSpec, header_key

__all__ = ["PROBLEM_COLUMNS", "FileRead", "read_file"]

PROBLEM_COLUMNS = ["file", "line", "column", "value", "reason"]

_HEAD_BYTES = 256 * 1024
_CHECK_UTF8_UP_TO = 32 * 1024**2
_HEAD_LINES = 60
_DELIMITERS = (",", "\t", ";")
_NO_DATA = re.compile(r"^\s*no [\w\s]+ found\.?\s*$", re.IGNORECASE)
_COMMENT_START = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},")


@dataclass
class FileRead:
    """What reading one file gave: the tidy frame and its accounting."""

    path: str
    spec: FileSpec | None
    frame: pd.DataFrame
    rows_read: int
    encoding: str | None
    format_version: str | None
    problems: list[dict] = field(default_factory=list)
    #: the 1-based physical line where each row of `frame` starts (computed on demand)
    line_of: Callable[[np.ndarray], np.ndarray] = field(repr=False, default=lambda rows: rows)

    @property
    def rows_kept(self) -> int:
        return len(self.frame)


# -- decoding ---------------------------------------------------------------------------------


def _decode(data: bytes, path: str) -> tuple[memoryview, str]:
    """UTF-8 bytes without BOM (a view: a 400 MB file is not copied), and the file's encoding.

    Small files are checked to be UTF-8 here (else read as cp1252, what Excel on Windows
    writes); large ones are checked by the parser, which falls back to `_text` if they are not.
    """
    if data.startswith(b"\xff\xfe"):
        return memoryview(_transcode(data[2:], "utf-16-le", path)), "utf-16"
    if data.startswith(b"\xfe\xff"):
        return memoryview(_transcode(data[2:], "utf-16-be", path)), "utf-16"
    view = memoryview(data)
    if data.startswith(b"\xef\xbb\xbf"):
        return view[3:], "utf-8-sig"
    head = data[:200]
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4:
        return memoryview(_transcode(data, "utf-16-le", path)), "utf-16"
    if b"\x00" in data[:4096]:
        raise FileUnreadableError(f"{path}: holds binary data, not CSV text.")
    if len(data) <= _CHECK_UTF8_UP_TO:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return memoryview(data.decode("cp1252", errors="replace").encode("utf-8")), "cp1252"
    return view, "utf-8"


def _text(body: memoryview, encoding: str) -> tuple[str, str]:
    """The body as text for the careful reader, with the encoding it turned out to be in."""
    try:
        return str(body, "utf-8"), encoding
    except UnicodeDecodeError:
        return str(body, "cp1252", errors="replace"), "cp1252"


def _transcode(data: bytes, codec: str, path: str) -> bytes:
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileUnreadableError(
            f"{path}: starts like {codec.upper()} text but byte {exc.start} is not valid {codec}."
        ) from exc


# -- the header -------------------------------------------------------------------------------


@dataclass
class _Header:
    fields: list[str]
    delimiter: str
    line: int  # 1-based physical line of the header
    data_offset: int  # byte offset where the first record starts


@contextmanager
def _csv_field_limit(size: int) -> Iterator[None]:
    """Let Python's csv reader take fields up to ``size`` characters for the duration.

    Its default limit (128 KiB) is a process-wide setting, far below what one field of a real
    file may hold (a field can be as long as its file), and exceeding it raises ``csv.Error``.
    """
    previous = csv.field_size_limit()
    if size < previous:
        yield
        return
    csv.field_size_limit(size + 1)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _within_field_limit(reader: Iterator[list[str]], size: int) -> Iterator[list[str]]:
    """The records of ``reader``, read with the csv field limit raised to ``size``."""
    with _csv_field_limit(size):
        yield from reader


def _split_line(line: str, delimiter: str) -> list[str]:
    try:
        with _csv_field_limit(len(line)):
            return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _find_header(data: memoryview, path: str, spec: FileSpec | None) -> _Header | None:
    """The header line, found by its content; None when the file holds no table at all.

    For a known file it is the first line holding every required column under any era's name
    (a preamble such as Connections.csv's ``Notes:`` paragraph is passed over, however long);
    for an unknown file, the first line with text.
    """
    head = str(data[:_HEAD_BYTES], "utf-8", errors="replace")
    offset = 0
    best: tuple[int, list[str]] = (-1, [])
    first_text: str | None = None
    for number, raw in enumerate(head.split("\n")[:_HEAD_LINES], start=1):
        line_end = offset + len(raw.encode("utf-8")) + 1
        offset, line = line_end, raw.rstrip("\r")
        if not line.strip(' ,;\t"'):
            continue
        if spec is None:
            delimiter = max(_DELIMITERS, key=line.count)
            fields = [f.strip() for f in _split_line(line, delimiter)]
            return _Header(fields, delimiter, number, line_end)
        first_text = first_text if first_text is not None else line
        for delimiter in _DELIMITERS:
            fields = [f.strip() for f in _split_line(line, delimiter)]
            mapped = {spec.columns.get(header_key(f)) for f in fields} - {None}
            if all(column in mapped for column in spec.required):
                return _Header(fields, delimiter, number, line_end)
            if len(mapped) > best[0]:
                best = (len(mapped), fields)
    if spec is None or first_text is None or _NO_DATA.match(first_text.strip('"')):
        return None
    expected = ", ".join(spec.header_names[column] for column in spec.required)
    found = ", ".join(f for f in best[1] if f) if best[0] > 0 else first_text[:120]
    raise MissingColumnError(
        f"{path}: no header line with the columns netkit needs. Expected at least: {expected}. "
        f"Found: {found}."
    )


# -- parsing records --------------------------------------------------------------------------


class _Invalid(Exception):
    """pyarrow met a record with the wrong number of fields: read the file the careful way."""


def _parse_fast(body: memoryview, header: _Header) -> pa.Table:
    names = [f"f{i}" for i in range(len(header.fields))]

    def refuse(row: object) -> str:
        return "error"  # read the whole file the careful way instead

    try:
        return pacsv.read_csv(
            pa.py_buffer(body),
            read_options=pacsv.ReadOptions(column_names=names, block_size=16 << 20),
            parse_options=pacsv.ParseOptions(
                delimiter=header.delimiter,
                newlines_in_values=True,
                invalid_row_handler=refuse,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()),  # pandas' own: no cast
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
                null_values=[""],
            ),
        )
    except (pa.ArrowInvalid, _Invalid) as exc:
        raise _Invalid from exc


def _record_lines(
    body: memoryview, header: _Header, n_records: int
) -> Callable[[np.ndarray], np.ndarray]:
    """A function from row positions to the physical line each record starts on.

    Records end at line breaks outside quotes: a ``\\n`` preceded by an even number of ``"``.
    Empty lines are skipped, as the parser skips them. Computed only when a line is asked for.
    A file whose quotes do not pair up that way (a stray quote inside an unquoted value) is
    counted again by Python's csv reader, which follows the same rules as the parser.
    """
    cache: dict[str, np.ndarray] = {}
    first_line = header.line + 1

    def line_of(rows: np.ndarray) -> np.ndarray:
        if "starts" not in cache:
            raw = np.frombuffer(body, dtype=np.uint8)
            newlines = np.flatnonzero(raw == 10)
            quotes = np.flatnonzero(raw == 34)
            ends = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
            starts = np.concatenate([[0], ends + 1])
            starts = starts[starts < len(raw)]
            blank = (raw[starts] == 10) | (
                (raw[starts] == 13) & (raw[np.minimum(starts + 1, len(raw) - 1)] == 10)
            )
            starts = starts[~blank]
            cache["starts"] = np.searchsorted(newlines, starts) + first_line
            if len(cache["starts"]) != n_records:
                _, cache["starts"] = _parse_careful(_text(body, "")[0], header, "", [])
        return cache["starts"][np.asarray(rows, dtype=np.int64)]

    return line_of


def _parse_careful(
    text: str, header: _Header, path: str, problems: list[dict]
) -> tuple[list[list[str | None]], np.ndarray]:
    """Python's csv reader, record by record: slow, exact about lines, forgiving about shape."""
    width = len(header.fields)
    rows: list[list[str | None]] = []
    lines: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=header.delimiter)
    previous_end = header.line
    try:
        for fields in _within_field_limit(reader, len(text)):
            start, previous_end = previous_end + 1, header.line + reader.line_num
            if not fields:
                continue
            if len(fields) > width and not any(fields[width:]):
                fields = fields[:width]  # Excel pads rows with empty trailing fields
            if len(fields) > width:
                problems.append(
                    _problem(
                        path,
                        start,
                        pd.NA,
                        ",".join(fields)[:200],
                        f"record has {len(fields)} fields, the header {width}",
                    )
                )
                continue
            if len(fields) < width:
                problems.append(
                    _problem(
                        path,
                        start,
                        header.fields[len(fields)],
                        pd.NA,
                        f"record has {len(fields)} of {width} fields; the rest are left empty",
                    )
                )
                fields = fields + [""] * (width - len(fields))
            rows.append([f if f != "" else None for f in fields])
            lines.append(start)
    except csv.Error as exc:
        raise FileUnreadableError(f"{path}, line {previous_end + 1}: {exc}.") from exc
    if lines and previous_end > lines[-1]:
        _check_open_quote(text, header, path, problems, lines[-1], len(rows[-1]))
    return rows, np.asarray(lines, dtype=np.int64)


def _check_open_quote(
    text: str, header: _Header, path: str, problems: list[dict], start: int, width: int
) -> None:
    """A quote opened in the last record and never closed swallows the rest of the file into
    one field: the records it swallowed are not lost silently, a problems row says so."""
    tail = "\n".join(text.split("\n")[start - header.line - 1 :])
    reader = csv.reader(io.StringIO(tail, newline=""), delimiter=header.delimiter, strict=True)
    try:
        next(_within_field_limit(reader, len(tail)), None)
    except csv.Error as exc:
        if "unexpected end of data" not in str(exc):
            return
        fields = _split_line(tail.split("\n", 1)[0], header.delimiter)
        column = header.fields[min(max(len(fields) - 1, 0), width - 1)]
        problems.append(
            _problem(
                path,
                start,
                column,
                tail[:200],
                f"a quote opened on line {start} is never closed: the rest of the file "
                f"({len(tail.rstrip(chr(10)).split(chr(10)))} lines) was read as this one value",
            )
        )


def _rows_to_table(rows: list[list[str | None]], width: int) -> pa.Table:
    names = [f"f{i}" for i in range(width)]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return pa.table(
        {
            name: pa.array(list(col), type=pa.string())
            for name, col in zip(names, columns, strict=True)
        }
    )


def _repair_comments(
    text: str, header: _Header, path: str, problems: list[dict]
) -> tuple[list[list[str | None]], np.ndarray]:
    """Comments.csv: a multi-line comment without a comma is written unquoted, so its later
    lines look like rows of their own. A record starts at a line that begins with a date; any
    other line continues the previous record's message. 2026 files escape quotes as ``\\"``."""
    escaped = '\\"' in text
    physical = text.split("\n")
    starts = [i for i, line in enumerate(physical) if _COMMENT_START.match(line)]
    rows: list[list[str | None]] = []
    lines: list[int] = []
    leading = [i for i in range(starts[0] if starts else len(physical)) if physical[i].strip()]
    for i in leading:
        problems.append(
            _problem(
                path,
                header.line + 1 + i,
                pd.NA,
                physical[i][:200],
                "line before the first dated comment: not a record",
            )
        )
    bounds = [*starts, len(physical)]
    width = len(header.fields)
    for first, stop in itertools.pairwise(bounds):
        chunk = "\n".join(physical[first:stop]).rstrip("\r\n")
        reader = csv.reader(
            io.StringIO(chunk, newline=""),
            delimiter=header.delimiter,
            escapechar="\\" if escaped else None,
            doublequote=True,
        )
        try:
            parts = list(_within_field_limit(reader, len(chunk)))
        except csv.Error as exc:
            problems.append(
                _problem(
                    path, header.line + 1 + first, pd.NA, chunk[:200], f"unreadable record: {exc}"
                )
            )
            continue
        fields = list(parts[0]) if parts else []
        extra = [",".join(p) for p in parts[1:]]
        if len(fields) > width:  # a stray comma in an unquoted message
            fields = [*fields[: width - 1], ",".join(fields[width - 1 :])]
        fields += [""] * (width - len(fields))
        if extra:
            fields[width - 1] = "\n".join([fields[width - 1], *extra])
        rows.append([f.rstrip("\r") if f else None for f in fields])
        lines.append(header.line + 1 + first)
    return rows, np.asarray(lines, dtype=np.int64)


_SHARE_LINE_QUOTES = re.compile(r'"?\n"?')


def _repair_shares(frame: pd.DataFrame) -> None:
    """Shares.csv wraps each line of a multi-line post in its own quotes: undo it."""
    for column in ("text",):
        if column in frame:
            values = frame[column]
            wrapped = values.str.contains('"\n', regex=False) | values.str.contains(
                '\n"', regex=False
            )
            wrapped = wrapped.fillna(False).astype(bool)
            if wrapped.any():
                frame.loc[wrapped, column] = values[wrapped].str.replace(
                    _SHARE_LINE_QUOTES, "\n", regex=True
                )


# -- typing values ----------------------------------------------------------------------------


def _problem(path: str, line: object, column: object, value: object, reason: str) -> dict:
    return {"file": path, "line": line, "column": column, "value": value, "reason": reason}


def parse_dates(values: pd.Series, preferred: tuple[str, ...] = ()) -> pd.Series:
    """Text -> ``datetime64[us, UTC]``, trying `preferred` then every known format in turn.

    Values that match no format become NaT (the caller reports them). Formats are tried on the
    whole column in C++ (pyarrow), each only on what earlier formats left unparsed.
    """
    text = pa.array(values, type=pa.large_string()) if len(values) else pa.array([], pa.string())
    result = pa.nulls(len(text), pa.timestamp("us"))
    todo = pc.is_valid(text)
    trimmed = pc.utf8_trim_whitespace(text)
    for fmt in dict.fromkeys((*preferred, *DATE_FORMATS)):
        if not pc.any(todo).as_py():
            break
        parsed = pc.strptime(trimmed, format=fmt, unit="us", error_is_null=True)
        result = pc.coalesce(result, _without_rolled_over_days(trimmed, parsed, fmt))
        todo = pc.and_(pc.is_valid(text), pc.is_null(result))
    stamps = result.cast(pa.timestamp("us", tz="UTC"))
    return pd.Series(pd.array(stamps.to_pandas(), dtype="datetime64[us, UTC]"), index=values.index)


#: The months a day past the end of the month before rolls into (30 Feb -> 1 or 2 Mar).
_AFTER_SHORT_MONTHS = pa.array([3, 5, 7, 10, 12], pa.int64())
_LEADING_ZEROS = r"(^|[^0-9])0+([0-9])"


def _without_rolled_over_days(text: pa.Array, parsed: pa.Array, fmt: str) -> pa.Array:
    """`parsed`, except the dates of days their month does not have, which become null.

    Arrow's ``strptime`` reads ``30 Feb 2024`` as 1 March. Only the first three days of a month
    that follows a shorter one, written with a 29, 30 or 31, can come from such a day: those
    few are written back in `fmt` and compared with their text (numbers without leading zeros,
    case ignored).
    """
    early = pc.fill_null(pc.less_equal(pc.day(parsed), 3), False)
    rows = np.flatnonzero(early.to_numpy(zero_copy_only=False))
    if rows.size:
        texts = text.take(pa.array(rows))
        suspect = pc.and_(
            pc.is_in(pc.month(parsed.take(pa.array(rows))), value_set=_AFTER_SHORT_MONTHS),
            pc.match_substring_regex(texts, "29|30|31"),
        )
        keep = pc.fill_null(suspect, False).to_numpy(zero_copy_only=False)
        rows, texts = rows[keep], texts.filter(pa.array(keep))
    if not rows.size:
        return parsed
    seconds = pc.cast(parsed.take(pa.array(rows)), pa.timestamp("s"), safe=False)

    def plain(values: pa.Array) -> pa.Array:
        return pc.utf8_lower(pc.replace_substring_regex(values, _LEADING_ZEROS, r"\1\2"))

    same = pc.equal(plain(pc.strftime(seconds, format=fmt)), plain(texts))
    wrong = rows[~same.to_numpy(zero_copy_only=False)]
    if not wrong.size:
        return parsed
    mask = np.zeros(len(parsed), dtype=bool)
    mask[wrong] = True
    return pc.if_else(pa.array(mask), pa.scalar(None, parsed.type), parsed)


_FLAGS = {"yes": True, "true": True, "y": True, "1": True,
          "no": False, "false": False, "n": False, "0": False}  # fmt: skip


def _to_flag(values: pd.Series) -> pd.Series:
    """Yes/No text -> nullable booleans (anything else is unknown)."""
    return map_distinct(values, lambda v: _FLAGS.get(v.strip().lower()), "boolean")


# -- one file ---------------------------------------------------------------------------------


def _tidy_names(fields: list[str], spec: FileSpec | None) -> list[str]:
    names: list[str] = []
    for i, header in enumerate(fields):
        key = header_key(header)
        if spec is not None and key in spec.columns:
            name = spec.columns[key]
        else:
            name = (
                re.sub(r"[^0-9a-z]+", "_", header.strip().lower()).strip("_") or f"column_{i + 1}"
            )
        while name in names:
            name += "_"
        names.append(name)
    return names


def read_file(path: str, data: bytes, spec: FileSpec | None) -> FileRead:
    """Read one member of the export into a tidy frame with its accounting.

    Parameters
    ----------
    path
        The member's path inside the export, used in problems and errors.
    data
        Its bytes, as stored.
    spec
        Its `FileSpec`, or None for a file netkit does not know (read as plain CSV).
    """
    problems: list[dict] = []
    body_bytes, encoding = _decode(data, path)
    header = _find_header(body_bytes, path, spec)
    if header is None:
        columns = [c for c in spec.tidy_columns if c not in spec.legacy] if spec else []
        empty = pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
        if spec is not None:
            empty = _finish(empty, spec, path, problems, lambda rows: rows)
        return FileRead(path, spec, empty, 0, encoding, spec.eras[0][0] if spec else None)

    body = body_bytes[header.data_offset :]
    width = len(header.fields)
    line_of: Callable[[np.ndarray], np.ndarray]
    if spec is not None and spec.repair == "comments":
        text, encoding = _text(body, encoding)
        rows, lines = _repair_comments(text, header, path, problems)
        table, line_of = _rows_to_table(rows, width), _lines_from(lines)
    else:
        try:
            table = _parse_fast(body, header)
            line_of = _record_lines(body, header, table.num_rows)
        except _Invalid:
            text, encoding = _text(body, encoding)
            rows, lines = _parse_careful(text, header, path, problems)
            table, line_of = _rows_to_table(rows, width), _lines_from(lines)
    dropped = sum(1 for p in problems if p["column"] is pd.NA)

    names = _tidy_names(header.fields, spec)
    frame = table.rename_columns(names).to_pandas()
    frame.index = pd.RangeIndex(len(frame))
    rows_read = len(frame) + dropped

    # A record whose every field is empty carries nothing: account for it and drop it.
    blank = frame.isna().all(axis=1).to_numpy() if len(frame.columns) else np.zeros(0, bool)
    if blank.any():
        positions = np.flatnonzero(blank)
        for line in line_of(positions):
            problems.append(_problem(path, int(line), pd.NA, pd.NA, "empty record"))
        keep = np.flatnonzero(~blank)
        frame = frame.iloc[keep].reset_index(drop=True)
        line_of = _compose(line_of, keep)

    if spec is None:
        return FileRead(path, None, frame, rows_read, encoding, None, problems, line_of)
    if spec.repair == "shares":
        _repair_shares(frame)
    frame = _finish(frame, spec, path, problems, line_of)
    era = spec.era(set(names))
    return FileRead(path, spec, frame, rows_read, encoding, era, problems, line_of)


def _lines_from(lines: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    return lambda rows: lines[np.asarray(rows, dtype=np.int64)]


def _compose(
    line_of: Callable[[np.ndarray], np.ndarray], keep: np.ndarray
) -> Callable[[np.ndarray], np.ndarray]:
    return lambda rows: line_of(keep[np.asarray(rows, dtype=np.int64)])


def _finish(
    frame: pd.DataFrame,
    spec: FileSpec,
    path: str,
    problems: list[dict],
    line_of: Callable[[np.ndarray], np.ndarray],
) -> pd.DataFrame:
    """Give the frame its tidy columns and types: strip, split ranges, dates, flags, constants."""
    for column in spec.tidy_columns:
        if column not in frame and column not in spec.constants and column not in spec.legacy:
            if column in spec.dates:
                frame[column] = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[us, UTC]")
            else:
                frame[column] = pd.Series(pd.NA, index=frame.index, dtype="str")
    for column in spec.strip:
        if column in frame and frame[column].dtype == "str":
            stripped = frame[column].str.strip()
            frame[column] = stripped.where(stripped != "")
    for column, (start, end) in spec.ranges.items():
        if column in frame and frame[column].dtype == "str":
            parts = frame[column].str.split(" - ", n=1, expand=True, regex=False)
            frame[start] = (
                parts[0] if 0 in parts else pd.Series(pd.NA, index=frame.index, dtype="str")
            )
            frame[end] = (
                parts[1] if 1 in parts else pd.Series(pd.NA, index=frame.index, dtype="str")
            )
            frame = frame.drop(columns=column)
    for column, preferred in spec.dates.items():
        if column not in frame or frame[column].dtype != "str":
            continue
        raw = frame[column]
        parsed = parse_dates(raw, preferred)
        failed = np.flatnonzero((parsed.isna() & raw.notna()).to_numpy())
        if len(failed):
            for row, line in zip(failed, line_of(failed), strict=True):
                problems.append(
                    _problem(
                        path,
                        int(line),
                        column,
                        raw.iloc[row],
                        "not a date in any known format (such as 08 Nov 2023)",
                    )
                )
        frame[column] = parsed
    for column in spec.flags:
        if column in frame and frame[column].dtype == "str":
            frame[column] = _to_flag(frame[column])
    for column, value in spec.constants.items():
        frame[column] = pd.Series(value, index=frame.index, dtype="str")
    ordered = [c for c in spec.tidy_columns if c in frame]
    return frame[ordered + [c for c in frame.columns if c not in ordered]]
