"""netkit: how healthy is your professional network?

Read a LinkedIn data export into tidy pandas tables, one `person_id` per person, and measure
relationships rather than contacts.

>>> import netkit as nk
>>> ex = nk.load_export("Complete_LinkedInDataExport_11-16-2026.zip")  # doctest: +SKIP
>>> ex.connections.head()  # doctest: +SKIP
"""

from typing import TYPE_CHECKING

from .anonymize import anonymize
from .errors import (
    ArchiveRefusedError,
    ExportError,
    FileUnreadableError,
    MissingColumnError,
    NotAnExportError,
)
from .export import Export, History, load_export, load_history
from .graph import build_graph, graph_measures, write_graph
from .metrics import (
    dormant_ties,
    fading_ties,
    growth,
    growth_spikes,
    health_summary,
    invitation_quality,
    layers,
    pitch_after_connect,
    quality_vs_quantity,
    reciprocity,
    tie_strength,
)
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
    "anonymize",
    "build_graph",
    "dormant_ties",
    "fading_ties",
    "graph_measures",
    "growth",
    "growth_spikes",
    "health_summary",
    "invitation_quality",
    "layers",
    "load_export",
    "load_history",
    "pitch_after_connect",
    "quality_vs_quantity",
    "reciprocity",
    "tie_strength",
    "write_graph",
]

__version__ = "0.1.0.dev0"

#: Submodules imported on first access (``nk.plot``, ``nk.report``), so that ``import netkit``
#: does not import matplotlib.
_LAZY_SUBMODULES = ("plot", "report")

if TYPE_CHECKING:
    from . import plot as plot
    from . import report as report


def __getattr__(name: str) -> object:
    if name in _LAZY_SUBMODULES:
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY_SUBMODULES])
