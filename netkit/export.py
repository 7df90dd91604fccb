"""`load_export` and `load_history`: the whole pipeline behind one call.

read (archive → files → typed frames) → resolve (people, owner, directions) → events
(`interactions`) → `people`. The result is an `Export`: tidy tables as attributes, plus `problems`
and `files`, which account for every record read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ._distinct import ListColumn, count_pairs, factorize, is_in, looked_up, positions_in, take_rows
from .archive import Archive, export_date_from_name, open_archive
from .errors import NotAnExportError
from .events import CHANNELS, CodedLog, start_coded_interactions, utc_timestamps
from .formats import FILE_SPECS, match_spec
from .people import Owner, profile_urls
from .read import PROBLEM_COLUMNS, FileRead, read_file
from .tidy import resolve_tables

__all__ = ["Export", "History", "load_export", "load_history"]

FILE_COLUMNS = ["path", "kind", "rows_read", "rows_kept", "format_version", "encoding"]
_TABLES = tuple(dict.fromkeys(spec.table for spec in FILE_SPECS))
_SPECS_BY_TABLE = {table: [s for s in FILE_SPECS if s.table == table] for table in _TABLES}
#: the timestamp column of each table that says when something happened (for `as_of`)
_WHEN = {
    "connections": "connected_on",
    "messages": "sent_at",
    "invitations": "sent_at",
    "endorsements": "endorsed_at",
    "recommendations": "created_at",
    "shares": "shared_at",
    "comments": "commented_at",
    "reactions": "reacted_at",
}


class Export:
    """One LinkedIn data export, read into tidy pandas tables.

    Attributes
    ----------
    owner : Owner
        Whose export it is: ``name``, ``profile_url``, ``person_id``.
    as_of : pandas.Timestamp
        The last instant (UTC) of the export date in the file name, or the newest timestamp in
        the data if that is later or no name carries a date.
    connections, messages, invitations, endorsements, recommendations : pandas.DataFrame
        One row per record of those files (see the column conventions in the README).
    people : pandas.DataFrame
        One row per contact seen anywhere (never the owner).
    interactions : pandas.DataFrame
        The event log every metric reads.
    problems, files : pandas.DataFrame
        Every record or value that could not be read as-is, and every file with its accounting.
    profile, positions, education, events, shares, comments, reactions, contacts,
    company_follows, member_follows, email_addresses, assistant_messages : pandas.DataFrame
        The other files, empty (with their columns) when the export has none.
    other : dict[str, pandas.DataFrame]
        Files netkit does not interpret, read as plain CSV, by path.
    """

    owner: Owner
    as_of: pd.Timestamp
    connections: pd.DataFrame
    messages: pd.DataFrame
    assistant_messages: pd.DataFrame
    invitations: pd.DataFrame
    endorsements: pd.DataFrame
    recommendations: pd.DataFrame
    profile: pd.DataFrame
    positions: pd.DataFrame
    education: pd.DataFrame
    events: pd.DataFrame
    shares: pd.DataFrame
    comments: pd.DataFrame
    reactions: pd.DataFrame
    contacts: pd.DataFrame
    company_follows: pd.DataFrame
    member_follows: pd.DataFrame
    email_addresses: pd.DataFrame
    people: pd.DataFrame
    interactions: pd.DataFrame
    problems: pd.DataFrame
    files: pd.DataFrame

    def __init__(
        self,
        *,
        source: Path,
        name: str,
        tables: dict[str, pd.DataFrame],
        owner: Owner,
        as_of: pd.Timestamp,
        people: pd.DataFrame,
        interactions: pd.DataFrame,
        problems: pd.DataFrame,
        files: pd.DataFrame,
        other: dict[str, pd.DataFrame],
    ) -> None:
        self.source = source
        self.name = name
        for table, frame in tables.items():
            setattr(self, table, frame)
        self.owner = owner
        self.as_of = as_of
        self.people = people
        self.interactions = interactions
        self.problems = problems
        self.files = files
        self.other = other
        #: What the loader derived on the way, for the metrics: name -> (source table, value).
        self._derived: dict[str, tuple[pd.DataFrame, object]] = {}

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every tidy table by name (the export's files, then `people` and `interactions`)."""
        named = {table: getattr(self, table) for table in _TABLES}
        return {**named, "people": self.people, "interactions": self.interactions}

    def summary(self) -> str:
        """A few lines saying what is in the export (used by ``netkit summary``)."""
        counts = ", ".join(
            f"{len(frame):,} {table.replace('_', ' ')}"
            for table, frame in self.tables.items()
            if len(frame) and table not in ("people", "interactions", "profile")
        )
        known = self.files[self.files["kind"] != "unknown"]
        lines = [
            f"LinkedIn export {self.name} (as of {self.as_of:%Y-%m-%d})",
            f"owner: {self.owner.name or 'unknown'} ({self.owner.person_id or 'no profile URL'})",
            f"{len(known)} files read ({len(self.files) - len(known)} not interpreted): {counts}",
            f"{len(self.people):,} people, {len(self.interactions):,} interactions, "
            f"{len(self.problems):,} problems",
        ]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<Export {self.name}: {len(self.connections)} connections, "
            f"{len(self.messages)} messages, owner {self.owner.person_id!r}>"
        )


def _empty_table(table: str) -> pd.DataFrame:
    spec = _SPECS_BY_TABLE[table][0]
    return read_file(f"({table})", b"", spec).frame


def _sort_key(read: FileRead) -> tuple:
    # Parts in order (Name.csv, Name_1.csv, ...); the 2022 UTF-16 duplicates of a file last,
    # so the rows kept are those of the richer UTF-8 file.
    return (read.encoding == "utf-16", read.path.lower())


def _combine(table: str, reads: list[FileRead], problems: list[dict]) -> tuple[pd.DataFrame, dict]:
    """One table from its files; repeated records (by the spec's key) dropped and accounted."""
    reads = sorted(reads, key=_sort_key)
    if not reads:
        return _empty_table(table), {}
    frames = [r.frame for r in reads]
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    kept = {r.path: len(r.frame) for r in reads}
    spec = _SPECS_BY_TABLE[table][0]
    if spec.dedupe and len(frame):
        repeated = _repeated(frame, spec.dedupe, first_date=next(iter(spec.dates), None))
        if repeated.any():
            bounds = np.cumsum([0, *(len(f) for f in frames)])
            for i, read in enumerate(reads):
                local = np.flatnonzero(repeated[bounds[i] : bounds[i + 1]])
                for line in read.line_of(local):
                    problems.append(
                        {
                            "file": read.path,
                            "line": int(line),
                            "column": pd.NA,
                            "value": pd.NA,
                            "reason": "duplicate",
                        }
                    )
                kept[read.path] -= len(local)
            frame = frame[~repeated].reset_index(drop=True)
    return frame, kept


def _repeated(frame: pd.DataFrame, key: tuple[str, ...], first_date: str | None) -> np.ndarray:
    """Rows repeating an earlier row on `key` (``("*",)``: every column).

    Rows are first compared on their date alone (one cheap integer column); only rows sharing
    a date with another row are compared in full.
    """
    subset = list(frame.columns) if key == ("*",) else [c for c in key if c in frame]
    subset = [c for c in subset if frame[c].dtype != object]  # lists are derived, never keys
    candidates = np.ones(len(frame), dtype=bool)
    if first_date in subset:
        candidates = frame[first_date].duplicated(keep=False).to_numpy()
    repeated = np.zeros(len(frame), dtype=bool)
    if candidates.any():
        rows = np.flatnonzero(candidates)
        repeated[rows] = take_rows(frame[subset], rows).duplicated(keep="first").to_numpy()
    return repeated


def _as_of(name: str, tables: dict[str, pd.DataFrame]) -> pd.Timestamp:
    newest = [tables[t][c].max() for t, c in _WHEN.items() if t in tables and len(tables[t])]
    newest = [t for t in newest if pd.notna(t)]
    data_max = max(newest) if newest else None
    date = export_date_from_name(name)
    end = None if date is None else date + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
    candidates = [t for t in (end, data_max) if t is not None]
    if not candidates:
        return pd.Timestamp.now(tz="UTC").floor("D") + pd.Timedelta(days=1, microseconds=-1)
    return max(candidates).as_unit("us")


def _take(values: pd.Series, positions: np.ndarray) -> pd.Series:
    """``values`` at `positions` (-1 gives a missing value), typed like `values`."""
    return pd.Series(values.array.take(positions, allow_fill=True), dtype=values.dtype)


_COUNT_COLUMNS = {
    ("message", "outgoing"): "messages_sent",
    ("message", "incoming"): "messages_received",
    ("invitation", "outgoing"): "invitations_sent",
    ("invitation", "incoming"): "invitations_received",
    ("endorsement", "outgoing"): "endorsements_given",
    ("endorsement", "incoming"): "endorsements_received",
    ("recommendation", "outgoing"): "recommendations_given",
    ("recommendation", "incoming"): "recommendations_received",
}


def _distinct(codes: np.ndarray, uniques: pd.Index, rows: np.ndarray) -> pd.Series:
    """The distinct non-missing values at positions `rows`, from factorized codes."""
    used = np.zeros(len(uniques) + 1, dtype=bool)
    used[codes[rows]] = True  # code -1 marks the spare last slot
    return pd.Series(uniques[used[:-1]], dtype="str")


def _recipient_names(messages: pd.DataFrame, recipients: ListColumn) -> pd.DataFrame:
    """``person_id, name`` of each distinct (``TO`` text, recipient list) with one recipient."""
    name_codes, names = factorize(messages["recipient_names"])
    width = len(recipients.lists) + 1
    both = name_codes >= 0
    pairs = pd.unique(name_codes[both] * width + recipients.codes[both])
    lists = pairs % width
    one = recipients.lengths[lists] == 1
    return pd.DataFrame(
        {
            "person_id": pd.Series(recipients.items.take(recipients.offsets[lists[one]])),
            "name": pd.Series(names.take(pairs[one] // width), dtype="str"),
        }
    )


def _per_person(log: CodedLog) -> dict[str, pd.Series]:
    """Counts per channel and direction, and first and last interaction, per person code of
    the coded interactions `log`.

    Each Series has one more row than there are people: the last one is for code -1 (a person
    in `people` but never in `interactions`), so ``values.take(row)`` works for
    any row of `people`.
    """
    n_people = len(log.people)
    width = 3  # outgoing, incoming, unknown
    cells = len(CHANNELS) * width
    known = (log.person >= 0) & (log.channel >= 0)
    cell = log.channel.astype(np.int64) * width + np.where(log.direction >= 0, log.direction, 2)
    counts = np.bincount(
        log.person[known] * cells + cell[known], minlength=(n_people + 1) * cells
    ).reshape(n_people + 1, cells)
    out: dict[str, pd.Series] = {}
    for (channel, direction), column in _COUNT_COLUMNS.items():
        found = counts[
            :, CHANNELS.index(channel) * width + ("outgoing", "incoming").index(direction)
        ]
        out[column] = pd.Series(found, dtype="int64")
    contact = ~log.on("connection") & (log.person >= 0) & (log.timestamp != np.iinfo(np.int64).min)
    bounds = pd.Series(log.timestamp[contact]).groupby(log.person[contact]).agg(["min", "max"])
    for name, column in (("min", "first_interaction"), ("max", "last_interaction")):
        micros = np.full(n_people + 1, np.iinfo(np.int64).min)
        micros[bounds.index.to_numpy()] = bounds[name].to_numpy()
        out[column] = utc_timestamps(micros)
    return out


def _people(
    tables: dict[str, pd.DataFrame],
    log: CodedLog,
    owner: Owner,
    recipients: ListColumn,
    senders: tuple[np.ndarray, pd.Index],
) -> pd.DataFrame:
    """One row per contact seen anywhere: the join of every source.

    `log` is the interactions as codes, `recipients` the messages' recipient lists and
    `senders` their factorized ``sender_id``, as the loader built them.
    """
    messages = tables["messages"]
    real = np.flatnonzero(~messages["is_sponsored"].to_numpy(dtype=bool))
    in_log = log.people.take(pd.unique(log.person[log.person >= 0]))  # in order of appearance
    ids = pd.concat(
        [
            tables["connections"]["person_id"],
            pd.Series(in_log, dtype="str"),
            _distinct(*senders, real),
            recipients.distinct_items(real),
        ],
        ignore_index=True,
    ).dropna()
    ids = pd.unique(ids[ids != owner.person_id]) if owner.person_id else pd.unique(ids)
    people = pd.DataFrame({"person_id": pd.Series(ids, dtype="str")})

    connections = (
        tables["connections"]
        .dropna(subset=["person_id"])
        .sort_values("connected_on", na_position="last", kind="stable")
    )
    first = connections.drop_duplicates("person_id")
    at = positions_in(people["person_id"], pd.Index(first["person_id"]))
    for column in ("name", "first_name", "last_name", "company", "position", "email"):
        people[column] = _take(first[column], at)
    people["profile_url"] = profile_urls(people["person_id"])
    people["connected_on"] = _take(first["connected_on"], at)
    people["is_connection"] = at >= 0

    seen_names = pd.concat(
        [
            count_pairs(senders, messages["sender_name"], ("person_id", "name")),
            _recipient_names(messages, recipients),
            tables["invitations"][["person_id", "name"]],
            tables["endorsements"][["person_id", "name"]],
            tables["recommendations"][["person_id", "name"]],
        ],
        ignore_index=True,
    ).dropna(subset=["person_id", "name"])
    if len(seen_names):
        weight = seen_names["n"].fillna(1).astype("int64") if "n" in seen_names else 1
        common = seen_names.assign(n=weight).groupby(["person_id", "name"])["n"].sum().reset_index()
        common = (
            common.sort_values(["n", "name"], ascending=[False, True])
            .drop_duplicates("person_id")
            .set_index("person_id")["name"]
        )
        people["name"] = people["name"].fillna(looked_up(people["person_id"], common)).astype("str")

    row = positions_in(people["person_id"], log.people)
    for column, values in _per_person(log).items():
        people[column] = values.take(row).set_axis(people.index)
    people["in_address_book"] = is_in(people["person_id"], tables["contacts"]["person_id"])
    return people


def _assemble(
    source: Path,
    name: str,
    reads: list[FileRead],
    other_files: list[dict],
    messages_extra: list[pd.DataFrame] | None = None,
) -> Export:
    problems: list[dict] = []
    for read in reads:
        problems.extend(read.problems)
    by_table: dict[str, list[FileRead]] = {t: [] for t in _TABLES}
    other: dict[str, pd.DataFrame] = {}
    for read in reads:
        if read.spec is None:
            other[read.path] = read.frame
        else:
            if read.spec.table == "assistant_messages":
                read.frame["source"] = pd.Series(
                    Path(read.path).stem, index=read.frame.index, dtype="str"
                )
            by_table[read.spec.table].append(read)
    tables: dict[str, pd.DataFrame] = {}
    kept: dict[str, int] = {}
    for table, table_reads in by_table.items():
        tables[table], table_kept = _combine(table, table_reads, problems)
        kept.update(table_kept)
    if messages_extra:
        merged = pd.concat([tables["messages"], *messages_extra], ignore_index=True)
        key = ["conversation_id", "sent_at", "sender_name", "sender_url", "content"]
        tables["messages"] = merged.drop_duplicates(
            subset=[c for c in key if c in merged], keep="first", ignore_index=True
        )

    tables, owner, recipients = resolve_tables(tables)  # recipients: read by both below
    senders = factorize(tables["messages"]["sender_id"])
    # The log's text columns are made in the background while `people` is worked out.
    log_table, coded = start_coded_interactions(tables, owner, recipients)
    people = _people(tables, coded, owner, recipients, senders)
    interactions = log_table.result()

    files = pd.DataFrame(
        [
            {
                "path": r.path,
                "kind": r.spec.table if r.spec else "unknown",
                "rows_read": r.rows_read,
                "rows_kept": kept.get(r.path, r.rows_kept),
                "format_version": r.format_version,
                "encoding": r.encoding,
            }
            for r in reads
        ]
        + other_files,
        columns=FILE_COLUMNS,
    )
    files = files.astype(
        {
            "path": "str",
            "kind": "str",
            "rows_read": "int64",
            "rows_kept": "int64",
            "format_version": "str",
            "encoding": "str",
        }
    )
    files = files.sort_values("path", ignore_index=True)
    problem_frame = pd.DataFrame(problems, columns=PROBLEM_COLUMNS).astype(
        {"file": "str", "line": "Int64", "column": "str", "value": "str", "reason": "str"}
    )
    ex = Export(
        source=source,
        name=name,
        tables=tables,
        owner=owner,
        as_of=_as_of(name, tables),
        people=people,
        interactions=interactions,
        problems=problem_frame,
        files=files,
        other=other,
    )
    # Kept for the metrics, with the table each was derived from (a replaced table voids it).
    ex._derived = {
        "coded_log": (interactions, coded),
        "recipient_lists": (tables["messages"], recipients),
        "sender_codes": (tables["messages"], senders),
    }
    return ex


def _read_all(path: str | Path | Archive) -> tuple[Path, str, list[FileRead], list[dict]]:
    """Every CSV member read (`read_file`), in the archive's order, and the other members.

    The largest member (messages.csv, hundreds of MB at LinkedIn's cap) is inflated in a
    thread of its own while the other files are read (`Archive.inflate_largest_ahead`), then
    read last. An `Archive` given is read, then closed.
    """
    other_files: list[dict] = []
    with path if isinstance(path, Archive) else open_archive(path) as archive:
        ahead = archive.inflate_largest_ahead()
        csvs = [m for m in archive.members if m.path.lower().endswith(".csv")]
        for member in archive.members:
            if not member.path.lower().endswith(".csv"):
                other_files.append(
                    {
                        "path": member.path,
                        "kind": "unknown",
                        "rows_read": 0,
                        "rows_kept": 0,
                        "format_version": pd.NA,
                        "encoding": pd.NA,
                    }
                )
        # The member inflating ahead is read last; the reads keep the archive's order.
        last = [i for i, member in enumerate(csvs) if member == ahead]
        by_position: dict[int, FileRead] = {}
        for i in [i for i in range(len(csvs)) if i not in last] + last:
            member = csvs[i]
            by_position[i] = read_file(member.path, archive.read(member), match_spec(member.path))
        reads = [by_position[i] for i in range(len(csvs))]
        source, name = archive.source, archive.name
    if not any(r.spec is not None for r in reads):
        found = ", ".join(r.path for r in reads[:5]) or "no CSV files"
        raise NotAnExportError(
            f"{source}: no LinkedIn export file inside (found: {found}). Expected files such as "
            "Connections.csv, messages.csv, Invitations.csv, Profile.csv."
        )
    return source, name, reads, other_files


def load_export(path: str | Path) -> Export:
    """Read a LinkedIn data export into tidy, typed pandas tables.

    Parameters
    ----------
    path
        The zip as downloaded (``Basic_LinkedInDataExport_MM-DD-YYYY.zip`` or ``Complete_...``),
        the folder it was extracted to, or a folder holding that folder. Every export format
        LinkedIn has shipped since 2017 is read; every file is optional.

    Returns
    -------
    Export
        The tables, with `problems` and `files` accounting for every record read.

    Raises
    ------
    ExportError
        `NotAnExportError` when the path is no export, `ArchiveRefusedError` for an encrypted,
        corrupt or oversized zip, `MissingColumnError` when a known file lacks a column it needs,
        `FileUnreadableError` when a file cannot be decoded. Each message names the file.

    Examples
    --------
    >>> import netkit as nk
    >>> ex = nk.load_export("data/sample/Complete_LinkedInDataExport_11-16-2026.zip")
    >>> ex.connections[["name", "company", "connected_on"]].head()  # doctest: +SKIP
    """
    return load_archive(open_archive(path))


def load_archive(archive: Archive) -> Export:
    """`load_export` of an export already opened with `netkit.archive.open_archive` (and
    closed once read). The command line opens the export and starts inflating it before it
    imports pandas (`Archive.inflate_largest_ahead`)."""
    source, name, reads, other_files = _read_all(archive)
    return _assemble(source, name, reads, other_files)


@dataclass
class History:
    """Several snapshots of one person's export, oldest to newest."""

    snapshots: list[Export]
    latest: Export
    removed_connections: pd.DataFrame


def load_history(paths: Iterable[str | Path | Archive]) -> History:
    """Read several exports of the same person, oldest to newest.

    Each is a path, as `load_export` takes, or an export already opened with
    `netkit.archive.open_archive` (as `load_archive` takes).

    Connections present in a snapshot but missing from the newest one are reported in
    `History.removed_connections` (``person_id, name, company, last_seen_as_of``: the as-of
    date of the last snapshot that still had them). `History.latest` is the newest export with
    the messages of every snapshot merged, each message counted once.
    """
    paths = list(paths)
    if not paths:
        raise NotAnExportError("load_history needs at least one export path.")
    raw = [_read_all(p) for p in paths]
    snapshots = [_assemble(*parts) for parts in raw]
    # Oldest to newest, whatever order the paths came in (file names sort months first).
    order = sorted(range(len(raw)), key=lambda i: snapshots[i].as_of)
    raw, snapshots = [raw[i] for i in order], [snapshots[i] for i in order]
    older_messages = [
        r.frame
        for _, _, reads, _ in raw[:-1]
        for r in reads
        if r.spec is not None and r.spec.table == "messages"
    ]
    latest = _assemble(*raw[-1], messages_extra=older_messages) if older_messages else snapshots[-1]
    return History(snapshots=snapshots, latest=latest, removed_connections=_removed(snapshots))


def _removed(snapshots: Sequence[Export]) -> pd.DataFrame:
    columns = ["person_id", "name", "company", "last_seen_as_of"]
    seen = []
    for snapshot in snapshots:
        rows = snapshot.connections.dropna(subset=["person_id"])[["person_id", "name", "company"]]
        seen.append(rows.assign(last_seen_as_of=snapshot.as_of))
    if not seen:
        return pd.DataFrame(columns=columns)
    every = pd.concat(seen, ignore_index=True).sort_values("last_seen_as_of", kind="stable")
    last = every.drop_duplicates("person_id", keep="last")
    current = set(snapshots[-1].connections["person_id"].dropna())
    removed = last[~last["person_id"].isin(current)].reset_index(drop=True)
    removed["last_seen_as_of"] = removed["last_seen_as_of"].astype("datetime64[us, UTC]")
    return removed[columns]
