"""Build LinkedIn data exports from literal bytes for the specification tests.

The specification tests write every export file as the exact bytes LinkedIn produces (``b"..."``
literals in the test modules), so that a misreading shared by the reader and the synthetic
generator (``netkit.sample``) cannot hide. This module only packs those bytes the ways a user
hands them to netkit:

- ``"zip"``: ``Basic_LinkedInDataExport_MM-DD-YYYY.zip`` with every member deflated at the root
  (sub-folders such as ``Jobs/`` appear only in member names, no directory entries);
- ``"folder"``: the zip extracted into a folder of the same name;
- ``"wrapped"``: a folder (``wrapper``) that holds the extracted folder, as some unzip tools do.

Conventions shared by the tests: the owner is Maria Silva (``OWNER_URL``, ``OWNER_ID``), the
default archive name is dated 12-05-2025 (``DEFAULT_AS_OF``). Module-level constants whose names
end in ``_EXPORT`` are ``{member name: bytes}`` dicts; ``test_accounting.py`` loads every one of
them and checks the accounting of every file.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import pandas as pd

__all__ = [
    "DEFAULT_AS_OF",
    "DEFAULT_NAME",
    "OWNER_ID",
    "OWNER_URL",
    "PROFILE_CSV",
    "build_export",
    "collect_exports",
    "ts",
    "utf16",
]

DEFAULT_NAME = "Basic_LinkedInDataExport_12-05-2025"
DEFAULT_AS_OF = pd.Timestamp("2025-12-05 23:59:59.999999", tz="UTC")

OWNER_URL = "https://www.linkedin.com/in/maria-silva-42"
OWNER_ID = "maria-silva-42"

# Profile.csv as LinkedIn writes it (2019+ header, LF, final newline).
PROFILE_CSV = (
    b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    b"Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    b'Maria,Silva,,,"Mar 20, 1978",Data engineer at Acme,,Software Development,,'
    b'"Lisbon, Portugal",,,\n'
)

Layout = Literal["zip", "folder", "wrapped"]


def utf16(text: str) -> bytes:
    """Encode ``text`` the way 2018/2022 Complete exports wrote some files: UTF-16LE with BOM."""
    return b"\xff\xfe" + text.encode("utf-16-le")


def ts(text: str) -> pd.Timestamp:
    """A UTC timestamp, for readable expected values."""
    return pd.Timestamp(text, tz="UTC")


def write_zip(path: Path, files: Mapping[str, bytes]) -> Path:
    """Write ``files`` into a zip at ``path``: members deflated, no directory entries."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in files.items():
            info = zipfile.ZipInfo(member, date_time=(2025, 12, 5, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


def write_folder(path: Path, files: Mapping[str, bytes]) -> Path:
    """Write ``files`` as an extracted export folder at ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    for member, data in files.items():
        target = path / member
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return path


def build_export(
    root: Path,
    files: Mapping[str, bytes],
    *,
    name: str = DEFAULT_NAME,
    layout: Layout = "zip",
    wrapper: str = "my-linkedin-data",
) -> Path:
    """Pack ``files`` under ``root`` and return the path a user would pass to ``load_export``.

    ``name`` is the archive's stem (``.zip`` is added for the zip layout) or the folder's name.
    """
    root.mkdir(parents=True, exist_ok=True)
    if layout == "zip":
        return write_zip(root / f"{name}.zip", files)
    if layout == "folder":
        return write_folder(root / name, files)
    if layout == "wrapped":
        write_folder(root / wrapper / name, files)
        return root / wrapper
    raise ValueError(f"unknown layout {layout!r}")


def collect_exports() -> dict[str, dict[str, bytes]]:
    """Every ``*_EXPORT`` fixture of the specification test modules, keyed ``module.NAME``.

    Used by the accounting and typing tests, which check every file of every fixture.
    """
    import importlib

    here = Path(__file__).parent
    modules = sorted(path.stem for path in here.glob("test_format_*.py"))
    modules += ["test_identity", "test_errors", "test_history"]
    exports: dict[str, dict[str, bytes]] = {}
    for module_name in modules:
        if module_name == "test_format_types" or not (here / f"{module_name}.py").exists():
            continue
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if name.endswith("_EXPORT") and isinstance(value, dict):
                exports[f"{module_name}.{name}"] = value
    return exports


#: The dated column of every table a metric may read.
DATED_COLUMNS = {
    "connections": "connected_on",
    "messages": "sent_at",
    "invitations": "sent_at",
    "endorsements": "endorsed_at",
    "recommendations": "created_at",
    "contacts": "created_at",
    "positions": "started_on",
    "events": "starts_at",
    "shares": "shared_at",
    "interactions": "timestamp",
}


def export_as_of(ex, as_of: pd.Timestamp):
    """A copy of `ex` holding only what an export made at `as_of` could have held: every row
    dated after it removed (undated rows kept). Metrics at `as_of` must not tell the two apart."""
    import copy

    earlier = copy.copy(ex)
    for table, column in DATED_COLUMNS.items():
        frame = getattr(ex, table)
        setattr(earlier, table, frame[(frame[column] <= as_of).fillna(True).to_numpy(bool)])
    return earlier
