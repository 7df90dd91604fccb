"""netkit: how healthy is your professional network?

Read a LinkedIn data export into tidy pandas tables, one `person_id` per person, and measure
relationships rather than contacts.

>>> import netkit as nk
>>> ex = nk.load_export("Complete_LinkedInDataExport_11-16-2026.zip")  # doctest: +SKIP
>>> ex.connections.head()  # doctest: +SKIP
"""

from .errors import (
    ArchiveRefusedError,
    ExportError,
    FileUnreadableError,
    MissingColumnError,
    NotAnExportError,
)
from .export import Export, History, load_export, load_history
from .people import Owner

__all__ = [
    "ArchiveRefusedError",
    "Export",
    "ExportError",
    "FileUnreadableError",
    "History",
    "MissingColumnError",
    "NotAnExportError",
    "Owner",
    "load_export",
    "load_history",
]

__version__ = "0.1.0.dev0"
