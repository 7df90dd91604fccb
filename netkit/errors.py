"""The errors netkit raises for a user's input.

Every error names the file (and the line, where there is one) and says what was expected, so that
a person can fix their input without reading a traceback.
"""

from __future__ import annotations

__all__ = [
    "ArchiveRefusedError",
    "ExportError",
    "FileUnreadableError",
    "MissingColumnError",
    "NotAnExportError",
]


class ExportError(Exception):
    """Base class: the input could not be read as a LinkedIn data export."""


class NotAnExportError(ExportError):
    """The path is not a LinkedIn export (not a zip, an empty folder, no known file inside)."""


class FileUnreadableError(ExportError):
    """A file of the export could not be read at all (encoding, structure)."""


class MissingColumnError(ExportError):
    """A recognised file lacks a column netkit needs to read it."""


class ArchiveRefusedError(ExportError):
    """The archive is refused for safety: encrypted, corrupt, or far larger than any real export."""
