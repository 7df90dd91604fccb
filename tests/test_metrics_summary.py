"""health_summary: the headline figures of one period, with stable names."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from fixtures import PROFILE_CSV, export_as_of

import netkit as nk
from netkit.metrics.summary import SUMMARY_FIELDS, period_bounds

SAMPLE = (
    Path(__file__).parent.parent / "data" / "sample" / "Complete_LinkedInDataExport_11-16-2026.zip"
)


@pytest.fixture(scope="module")
def ex():
    return nk.load_export(SAMPLE)


def test_names_are_the_documented_ones_in_order(ex):
    summary = nk.health_summary(ex)
    assert list(summary.index) == [
        "period", "as_of", "connections", "new_connections", "active_ties", "active_share",
        "hoarding_ratio", "dormant_ties", "fading_ties", "message_reciprocity", "two_way_share",
        "unanswered_inbound", "unanswered_outbound", "invitations_sent", "invitations_received",
        "outgoing_note_share", "outgoing_template_share", "pitches_received", "pitches_sent",
        "spikes",
    ]  # fmt: skip
    assert tuple(summary.index) == SUMMARY_FIELDS


@pytest.mark.parametrize(
    ("as_of", "period", "label", "start"),
    [
        ("2022-04-30", "month", "2022-04", "2022-04-01"),
        ("2022-04-30", "quarter", "2022Q2", "2022-04-01"),
        ("2022-04-30", "year", "2022", "2022-01-01"),
    ],
)
def test_period_label_and_start(as_of, period, label, start):
    stamp = pd.Timestamp(as_of, tz="UTC") + pd.Timedelta(days=1, microseconds=-1)
    assert period_bounds(stamp, period) == (pd.Timestamp(start, tz="UTC"), label)


def test_an_unknown_period_is_refused(ex):
    with pytest.raises(ValueError, match="month, quarter, year"):
        nk.health_summary(ex, period="week")


def test_stocks_at_as_of_and_flows_within_the_period(ex):
    summary = nk.health_summary(ex, as_of="2022-04-30", period="quarter")
    as_of = pd.Timestamp("2022-04-30 23:59:59.999999", tz="UTC")
    connected = ex.connections["connected_on"]
    assert summary["as_of"] == as_of
    assert summary["connections"] == int((connected <= as_of).sum())
    in_quarter = (connected >= pd.Timestamp("2022-04-01", tz="UTC")) & (connected <= as_of)
    assert summary["new_connections"] == int(in_quarter.sum())
    sent = ex.invitations[
        (ex.invitations["direction"] == "outgoing")
        & (ex.invitations["sent_at"] >= pd.Timestamp("2022-04-01", tz="UTC"))
        & (ex.invitations["sent_at"] <= as_of)
    ]
    assert summary["invitations_sent"] == len(sent)


def test_the_planted_burst_is_one_spike_of_its_month(ex):
    from netkit.sample import build_sample

    spike = build_sample(size="small", seed=0).stories["spike"]
    month_end = (pd.Timestamp(spike["start"]) + pd.offsets.MonthEnd(0)).strftime("%Y-%m-%d")
    assert nk.health_summary(ex, as_of=month_end)["spikes"] == 1
    assert nk.health_summary(ex, as_of="2026-10-31")["spikes"] == 0


def test_figures_agree_with_the_metrics_they_come_from(ex):
    summary = nk.health_summary(ex)
    quality = nk.quality_vs_quantity(ex).iloc[-1]
    assert summary["active_ties"] == quality["active_ties"]
    assert summary["hoarding_ratio"] == pytest.approx(quality["hoarding_ratio"])
    assert summary["dormant_ties"] == len(nk.dormant_ties(ex))
    assert summary["fading_ties"] == len(nk.fading_ties(ex))


@pytest.mark.parametrize("as_of", ["2022-04-30", "2023-12-31"])
def test_nothing_after_as_of_changes_the_summary(ex, as_of):
    stamp = pd.Timestamp(as_of, tz="UTC") + pd.Timedelta(days=1, microseconds=-1)
    now = nk.health_summary(ex, as_of=as_of, period="quarter")
    then = nk.health_summary(export_as_of(ex, stamp), as_of=as_of, period="quarter")
    pd.testing.assert_series_equal(now, then)
    assert now["connections"] < len(ex.connections)


def test_an_export_with_only_connections_still_summarises(load):
    ex = load(
        {
            "Profile.csv": PROFILE_CSV,
            "Connections.csv": (
                b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,PM,21 Oct 2025\n"
                b",,,,,,14 Nov 2025"
            ),
        }
    )
    summary = nk.health_summary(ex, as_of="2025-11-30")
    assert summary["connections"] == 2
    assert summary["new_connections"] == 1
    assert np.isnan(summary["active_ties"])  # no messages file: unknown, not zero
    assert np.isnan(summary["outgoing_note_share"])
    assert np.isnan(summary["pitches_received"])  # nor can pitches be read
    assert np.isnan(summary["dormant_ties"])
    assert summary.attrs["params"]["period"] == "month"
