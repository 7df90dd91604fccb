"""Zip or folder in, named members out.

`open_archive` accepts what a person has on disk after downloading their export: the zip as
LinkedIn names it (browsers may add `` (1)``), the folder it was extracted to, or a folder that
holds one such folder (or one such zip). Member names are only ever used as keys, never as paths
to write to, and a member is refused before it is inflated if it declares more bytes than any real
export holds.
"""

from __future__ import annotations

import datetime
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import Future, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ._parallel import finished, in_background
from .errors import ArchiveRefusedError, NotAnExportError

try:  # Intel's ISA-L inflates deflate streams about three times as fast as zlib.
    from isal import isal_zlib as _inflate
except ImportError:  # pragma: no cover - platforms without an isal wheel
    _inflate = zlib  # type: ignore[assignment]

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Archive", "Member", "export_date_from_name", "open_archive"]

#: A member may inflate to at most this many bytes (the largest real messages.csv is a few
#: hundred MB; LinkedIn caps an account at 30,000 connections).
MAX_MEMBER_BYTES = 2 * 1024**3
#: All members together may inflate to at most this many bytes.
MAX_TOTAL_BYTES = 4 * 1024**3
#: A member this large must not be compressed more than this ratio (real CSVs stay under ~20).
MAX_RATIO, RATIO_CHECK_FROM = 200, 10 * 1024**2
#: A CSV member at least this large is inflated ahead, in a thread of its own, while the
#: others are read (`Archive.inflate_largest_ahead`).
INFLATE_AHEAD_BYTES = 16 * 1024**2

_DATE_IN_NAME = re.compile(r"(\d{2})-(\d{2})-(\d{4})")


@dataclass(frozen=True)
class Member:
    """One file of the export: its path inside the archive (POSIX, relative) and size in bytes."""

    path: str
    size: int
    stored: str = ""  #: the name inside the zip (or the path under the folder), when it differs

    def __post_init__(self) -> None:
        if not self.stored:
            object.__setattr__(self, "stored", self.path)


@dataclass
class Archive:
    """The files of one export, read on demand."""

    source: Path
    members: list[Member]
    name: str  #: the innermost zip or folder name (it carries the export date)
    _zip: zipfile.ZipFile | None = field(default=None, repr=False)
    _root: Path | None = field(default=None, repr=False)
    _ahead: tuple[Member, Future[bytes] | None] | None = field(default=None, repr=False)

    def read(self, member: Member) -> bytes:
        """The bytes of one member (those inflated ahead, if it is the member being inflated)."""
        if self._ahead is not None and self._ahead[0] == member and self._ahead[1] is not None:
            data = self._ahead[1].result()
            self._ahead = (member, None)  # handed over: the archive keeps no copy
            return data
        return self.start_reading(member, background=False).result()

    def start_reading(self, member: Member, *, background: bool = True) -> Future[bytes]:
        """The bytes of one member, inflated in a thread of its own (ISA-L and zlib release
        the GIL) while the caller reads other members; ``.result()`` raises what `read` would.

        The compressed bytes are read here, so the thread never touches the zip file.
        """
        if self._zip is None:
            assert self._root is not None  # one of the two is always set by open_archive
            return finished((self._root / member.stored).read_bytes())
        return _start_zip_member(self._zip, member.stored, self.source, background)

    def inflate_largest_ahead(self) -> Member | None:
        """Start inflating the largest CSV member in the background, if it holds at least
        `INFLATE_AHEAD_BYTES` (messages.csv: hundreds of MB at LinkedIn's cap); `read` of it
        later gets those bytes. Returns that member (the same on every call), else None.

        `netkit.export` calls this before reading the other members; the command line calls it
        as soon as the export is opened, so that inflating overlaps importing pandas.
        """
        if self._ahead is None:
            csvs = [m for m in self.members if m.path.lower().endswith(".csv")]
            largest = max(csvs, key=lambda m: m.size, default=None)
            if largest is None or largest.size < INFLATE_AHEAD_BYTES:
                return None
            self._ahead = (largest, self.start_reading(largest))
        return self._ahead[0]

    def close(self) -> None:
        """Close the zip. A member still inflating ahead is waited for and its bytes dropped:
        when reading the export failed before it was needed, nothing of it goes on behind the
        caller's back."""
        if self._ahead is not None and self._ahead[1] is not None:
            wait([self._ahead[1]])
            self._ahead = (self._ahead[0], None)
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def export_date_from_name(name: str) -> pd.Timestamp | None:
    """The export date LinkedIn puts in the zip name (``..._MM-DD-YYYY.zip``), as a UTC date."""
    date = _date_in_name(name)
    if date is None:
        return None
    import pandas as pd  # here: opening an archive does not need pandas (see `netkit.cli`)

    return pd.Timestamp(year=date.year, month=date.month, day=date.day, tz="UTC")


#: The days a `pandas.Timestamp` can hold.
_TIMESTAMP_DAYS = (datetime.date(1677, 9, 22), datetime.date(2262, 4, 11))


def _date_in_name(name: str) -> datetime.date | None:
    """The ``MM-DD-YYYY`` date in `name`, if it is a real day a timestamp can hold."""
    match = _DATE_IN_NAME.search(name)
    if match is None:
        return None
    month, day, year = (int(g) for g in match.groups())
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None
    return date if _TIMESTAMP_DAYS[0] <= date <= _TIMESTAMP_DAYS[1] else None


def _safe_member_path(name: str) -> str | None:
    """The member name as a relative POSIX path, or None when it is unsafe or a directory."""
    if name.endswith("/") or not name:
        return None
    posix = name.replace("\\", "/")
    if posix.startswith("/") or re.match(r"^[A-Za-z]:", posix):
        return None
    parts = PurePosixPath(posix).parts
    if any(part in ("..", "") for part in parts):
        return None
    return "/".join(part for part in parts if part != ".")


def _read_zip_member(zf: zipfile.ZipFile, path: str, source: Path) -> bytes:
    return _start_zip_member(zf, path, source, background=False).result()


def _start_zip_member(
    zf: zipfile.ZipFile, path: str, source: Path, background: bool
) -> Future[bytes]:
    """`Archive.start_reading` of a zip member (the compressed bytes are read here)."""
    info = zf.getinfo(path)
    limit = min(info.file_size, MAX_MEMBER_BYTES)
    with _refusing(source, path):
        if info.compress_type != zipfile.ZIP_DEFLATED or zf.fp is None:
            with zf.open(info) as stream:
                return finished(_checked(stream.read(limit + 1), info, limit, source))
        compressed = _compressed_member(zf, info)

    def inflate() -> bytes:
        with _refusing(source, path):
            data = _inflate_member(compressed, info, limit)
        return _checked(data, info, limit, source)

    return in_background(inflate) if background else finished(inflate())


@contextmanager
def _refusing(source: Path, path: str) -> Iterator[None]:
    """A member that cannot be inflated is an `ArchiveRefusedError` naming it."""
    try:
        yield
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        zlib.error,
        _inflate.error,
        NotImplementedError,
    ) as exc:
        raise ArchiveRefusedError(
            f"{source}: member {path!r} could not be inflated ({exc})."
        ) from exc


def _checked(data: bytes, info: zipfile.ZipInfo, limit: int, source: Path) -> bytes:
    """`data`, unless the member inflated to more than it declares."""
    if len(data) > limit:
        raise ArchiveRefusedError(
            f"{source}: member {info.filename!r} inflates to more than the "
            f"{info.file_size:,} bytes it declares."
        )
    return data


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")


def _compressed_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A deflated member's raw bytes, after the same check of its local header as `zipfile`."""
    fp = zf.fp
    assert fp is not None  # checked by the caller
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local file header")
    name_length, extra_length = _LOCAL_HEADER.unpack(header)[-2:]
    fp.seek(info.header_offset + _LOCAL_HEADER.size + name_length + extra_length)
    compressed = fp.read(info.compress_size)
    if len(compressed) != info.compress_size:
        raise EOFError("the zip ends inside this member")
    return compressed


def _inflate_member(compressed: bytes, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A deflated member in one call (ISA-L when installed), never more than `limit` + 1
    bytes, with the CRC-32 of what came out checked as `zipfile` does."""
    inflater = _inflate.decompressobj(-15)
    data = inflater.decompress(compressed, limit + 1)
    if len(data) <= limit and _inflate.crc32(data) != info.CRC:
        raise zipfile.BadZipFile("CRC-32 does not match: the member is damaged")
    return data


def _open_zip(path: Path) -> Archive:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise NotAnExportError(
            f"{path}: not a zip file. Expected the LinkedIn data export as downloaded "
            "(Basic_ or Complete_LinkedInDataExport_MM-DD-YYYY.zip) or the folder it was "
            "extracted to."
        ) from exc
    return _zip_archive(zf, path, path.name)


def _zip_members(zf: zipfile.ZipFile, source: Path) -> list[Member]:
    """The zip's files, after refusing encrypted and implausibly large members."""
    members: list[Member] = []
    total = 0
    for info in zf.infolist():
        member_path = _safe_member_path(info.filename)
        if member_path is None:
            continue
        if info.flag_bits & 0x1:
            raise ArchiveRefusedError(
                f"{source}: member {info.filename!r} is encrypted; netkit reads the export as "
                "LinkedIn ships it, unencrypted."
            )
        ratio = info.file_size / max(info.compress_size, 1)
        too_big = info.file_size > MAX_MEMBER_BYTES
        if too_big or (info.file_size > RATIO_CHECK_FROM and ratio > MAX_RATIO):
            raise ArchiveRefusedError(
                f"{source}: member {info.filename!r} declares {info.file_size:,} bytes "
                f"({ratio:,.0f}x its compressed size): far more than a real export holds."
            )
        total += info.file_size
        members.append(Member(member_path, info.file_size, info.filename))
    if total > MAX_TOTAL_BYTES:
        raise ArchiveRefusedError(
            f"{source}: the archive declares {total:,} bytes in all, more than any real export."
        )
    return members


def _zip_archive(zf: zipfile.ZipFile, source: Path, name: str, depth: int = 0) -> Archive:
    try:
        members = _zip_members(zf, source)
    except ArchiveRefusedError:
        zf.close()
        raise
    nested = [m for m in members if m.path.lower().endswith(".zip")]
    has_csv = any(m.path.lower().endswith(".csv") for m in members)
    if len(nested) == 1 and not has_csv and depth < 2:
        # A re-packed export: the real zip sits inside another one.
        inner = _read_zip_member(zf, nested[0].stored, source)
        zf.close()
        try:
            inner_zip = zipfile.ZipFile(io.BytesIO(inner))
        except zipfile.BadZipFile as exc:
            raise NotAnExportError(f"{source}: {nested[0].path} inside is not a zip.") from exc
        return _zip_archive(inner_zip, source, PurePosixPath(nested[0].path).name, depth + 1)
    members, folders = _unwrap(members)
    return Archive(source=source, members=members, name=_dated([name, *folders]), _zip=zf)


def _unwrap(members: list[Member]) -> tuple[list[Member], list[str]]:
    """Strip folders that only wrap the export (a re-zipped extracted folder)."""
    folders: list[str] = []
    while members and all("/" in m.path for m in members):
        tops = {m.path.split("/", 1)[0] for m in members}
        if len(tops) != 1:
            break
        folders.append(tops.pop())
        members = [Member(m.path.split("/", 1)[1], m.size, m.stored) for m in members]
    return members, folders


def _dated(names: list[str]) -> str:
    """The innermost name that carries an export date, else the innermost name."""
    dated = [n for n in names if _date_in_name(n) is not None]
    return dated[-1] if dated else names[-1]


def _open_folder(path: Path) -> Archive:
    root = path
    names = [path.name]
    # A folder that only wraps the real export (one folder, or one zip) is looked through.
    while True:
        entries = [e for e in root.iterdir() if not e.name.startswith(".")]
        has_csv = any(e.is_file() and e.suffix.lower() == ".csv" for e in entries)
        if has_csv:
            break
        dirs = [e for e in entries if e.is_dir()]
        zips = [e for e in entries if e.is_file() and e.suffix.lower() == ".zip"]
        if len(dirs) == 1 and not zips:
            root = dirs[0]
            names.append(root.name)
            continue
        if len(zips) == 1 and not dirs:
            return _open_zip(zips[0])
        break
    members = []
    for file in sorted(root.rglob("*")):
        if file.is_file() and not file.is_symlink() and not file.name.startswith("."):
            members.append(Member(file.relative_to(root).as_posix(), file.stat().st_size))
    if not members:
        raise NotAnExportError(
            f"{path}: the folder is empty. Expected the LinkedIn data export: a zip named "
            "Basic_ or Complete_LinkedInDataExport_MM-DD-YYYY.zip, or the folder it was extracted "
            "to, holding Connections.csv, messages.csv and the like."
        )
    return Archive(source=path, members=members, name=_dated(names), _root=root)


def open_archive(path: str | Path) -> Archive:
    """Open an export given as a zip, an extracted folder, or a folder wrapping one.

    Raises
    ------
    NotAnExportError
        The path does not exist, is not a zip, or is an empty folder.
    ArchiveRefusedError
        The zip is encrypted, corrupt, or declares far more bytes than a real export.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise NotAnExportError(f"{path}: no such file or folder.")
    if path.is_dir():
        return _open_folder(path)
    if not zipfile.is_zipfile(path):
        with path.open("rb") as stream:
            start = stream.read(4)
        if start == b"PK\x03\x04":  # a zip's first member, but no readable end: cut short
            raise NotAnExportError(
                f"{path}: a zip file cut short or damaged (its list of files is unreadable). "
                "Download the export again."
            )
        what = "an empty file" if not start else "not a zip file or folder"
        raise NotAnExportError(
            f"{path}: {what}. Expected the LinkedIn data export as downloaded "
            "(Basic_ or Complete_LinkedInDataExport_MM-DD-YYYY.zip) or the folder it was "
            "extracted to."
        )
    return _open_zip(path)
