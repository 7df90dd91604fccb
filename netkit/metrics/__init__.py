"""Network-health metrics: an `Export` in, pandas out, no plotting.

Every metric takes the export first and keyword-only options after, `as_of=None` among them;
thresholds and the reason for an empty result are recorded in ``result.attrs``.
"""

from .activity import activity
from .growth import growth, growth_spikes, quality_vs_quantity
from .invitations import invitation_quality, invitation_summary, pitch_after_connect
from .reciprocity import reciprocity, reciprocity_summary
from .summary import health_summary
from .ties import dormant_ties, fading_ties, layers, tie_strength

__all__ = [
    "activity",
    "dormant_ties",
    "fading_ties",
    "growth",
    "growth_spikes",
    "health_summary",
    "invitation_quality",
    "invitation_summary",
    "layers",
    "pitch_after_connect",
    "quality_vs_quantity",
    "reciprocity",
    "reciprocity_summary",
    "tie_strength",
]
