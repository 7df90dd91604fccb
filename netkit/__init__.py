"""netkit: how healthy is your professional network?

Read a LinkedIn data export into tidy pandas tables, one `person_id` per person, and measure
relationships rather than contacts.

>>> import netkit as nk
>>> ex = nk.load_export("Complete_LinkedInDataExport_11-16-2026.zip")  # doctest: +SKIP
>>> ex.connections.head()  # doctest: +SKIP
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import metrics as metrics
    from . import plot as plot
    from . import report as report
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
    from .privacy import anonymize

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

#: Where each public name lives. Nothing is imported until a name is first used: ``import
#: netkit`` costs nothing, and the command line can start inflating an export before pandas is
#: even imported (`netkit.cli`).
_HOMES = {
    **dict.fromkeys(
        [
            "ArchiveRefusedError",
            "ExportError",
            "FileUnreadableError",
            "MissingColumnError",
            "NotAnExportError",
        ],
        "errors",
    ),
    **dict.fromkeys(["Export", "History", "load_export", "load_history"], "export"),
    **dict.fromkeys(["build_graph", "graph_measures", "write_graph"], "graph"),
    **dict.fromkeys(
        [
            "dormant_ties",
            "fading_ties",
            "growth",
            "growth_spikes",
            "health_summary",
            "invitation_quality",
            "layers",
            "pitch_after_connect",
            "quality_vs_quantity",
            "reciprocity",
            "tie_strength",
        ],
        "metrics",
    ),
    "Owner": "people",
    "anonymize": "privacy",
}
#: Submodules reachable as attributes (``nk.plot``, ``nk.report``, ``nk.metrics``...).
_SUBMODULES = ("errors", "export", "graph", "metrics", "people", "plot", "privacy", "report")


def __getattr__(name: str) -> object:
    if name in _HOMES:
        value = getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # found once; later uses are plain attribute lookups
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES, *_SUBMODULES})
