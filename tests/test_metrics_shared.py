"""Work shared between metrics: computed once per export and as_of, never stale, never leaked.

`health_summary`, the report and a notebook ask for the same figures many times; netkit keeps
each result per export, `as_of` and options, and hands out copies.
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netkit as nk
from netkit.metrics._common import _slice_until, interactions_until, rows_until

SAMPLE = "data/sample/Complete_LinkedInDataExport_11-16-2026.zip"


@pytest.fixture
def ex():
    return nk.load_export(SAMPLE)


def test_a_metric_asked_twice_is_computed_once(ex, monkeypatch):
    from netkit.metrics import ties

    calls = []
    compute = ties._compute_features
    monkeypatch.setattr(ties, "_compute_features", lambda *a: calls.append(1) or compute(*a))
    first = nk.tie_strength(ex)
    nk.dormant_ties(ex)
    nk.fading_ties(ex)
    again = nk.tie_strength(ex)
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first, again)


def test_changing_a_result_does_not_change_the_next_one(ex):
    first = nk.reciprocity(ex)
    expected = first.copy(deep=True)
    first["sent"] = -1
    first.attrs["params"] = None
    first.loc[first.index[0], "received"] = 10**6
    again = nk.reciprocity(ex)
    pd.testing.assert_frame_equal(again, expected)
    assert again.attrs["params"] is not None


def test_a_replaced_table_is_computed_afresh(ex):
    before = nk.reciprocity(ex)
    ex.interactions = ex.interactions[ex.interactions["channel"] != "message"]
    after = nk.reciprocity(ex)
    assert len(before) > 0
    assert after.empty


def test_each_as_of_and_option_has_its_own_result(ex):
    weekly, monthly = nk.growth(ex, freq="W"), nk.growth(ex, freq="ME")
    assert len(weekly) > len(monthly)
    earlier = nk.tie_strength(ex, as_of="2024-01-01")
    assert len(earlier) < len(nk.tie_strength(ex))
    assert earlier.attrs["params"]["as_of"] == pd.Timestamp("2024-01-01 23:59:59.999999", tz="UTC")


def test_options_that_cannot_be_hashed_still_work(ex):
    words = ["coffee", "zoom"]
    first = nk.pitch_after_connect(ex, lexicon=words)
    words.append("referral")  # a list can change between calls: never remembered
    second = nk.pitch_after_connect(ex, lexicon=words)
    assert second["is_pitch"].sum() >= first["is_pitch"].sum()
    assert "referral" not in set(first["matched_words"].explode().dropna())


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6), st.booleans())
def test_the_sliced_log_equals_the_filtered_one(offset, shuffled):
    """interactions_until slices the time-ordered log; a re-ordered log falls back to a mask."""
    rng = np.random.default_rng(offset)
    stamps = pd.to_datetime(rng.integers(0, 10**6, 200), unit="s", utc=True).sort_values()
    stamps = list(stamps.as_unit("us")) + [pd.NaT] * 5
    events = pd.DataFrame({"timestamp": pd.Series(stamps, dtype="datetime64[us, UTC]"),
                           "n": range(205)})  # fmt: skip
    if shuffled:
        events = events.sample(frac=1, random_state=offset).reset_index(drop=True)
    as_of = pd.Timestamp(offset, unit="s", tz="UTC")
    expected = rows_until(events, "timestamp", as_of)
    got = _slice_until(events, as_of)
    assert sorted(got["n"]) == sorted(expected["n"])


def test_interactions_until_is_a_slice_of_the_log(ex):
    cut = pd.Timestamp("2025-06-30 23:59:59", tz="UTC")
    part = interactions_until(ex, cut)
    assert (part["timestamp"] <= cut).all()
    assert len(part) == int((ex.interactions["timestamp"] <= cut).sum())


def test_tables_replaced_again_and_again_are_never_mistaken(ex):
    """A replaced table is freed and a new one can take its memory address (its id): results
    must follow the tables themselves, not their ids."""
    import copy

    full = ex.interactions
    for channel in ["message", "invitation", "message", "endorsement", "message"]:
        ex.interactions = full[full["channel"].isin(["connection", channel])]
        fresh = copy.copy(ex)  # another export object: nothing remembered
        pd.testing.assert_frame_equal(nk.reciprocity(ex), nk.reciprocity(fresh))
        pd.testing.assert_frame_equal(nk.tie_strength(ex), nk.tie_strength(fresh))


def test_replacing_another_table_starts_afresh(ex):
    before = nk.growth_spikes(ex)
    assert before["context"].notna().any()
    ex.positions = ex.positions.iloc[:0]
    ex.events = ex.events.iloc[:0]
    ex.shares = ex.shares.iloc[:0]
    after = nk.growth_spikes(ex)
    assert not after["context"].fillna("").str.contains("job|event|post", case=False).any()


# --- the coded log the loader hands on ----------------------------------------------------------


def _same_codes(found, expected):
    """Two `CodedLog`s say the same thing row for row (their code numbering may differ)."""
    pd.testing.assert_index_equal(
        pd.Index(found.people.take(found.person), dtype="str"),
        pd.Index(expected.people.take(expected.person), dtype="str"),
    )
    assert (found.person < 0).tolist() == (expected.person < 0).tolist()
    for name in ("channel", "direction", "timestamp", "is_group"):
        np.testing.assert_array_equal(getattr(found, name), getattr(expected, name))


def test_the_loaders_codes_are_the_interactions_row_for_row(ex):
    from netkit.events import CodedLog
    from netkit.metrics._common import coded_until

    _same_codes(coded_until(ex, ex.as_of), CodedLog.of(ex.interactions))
    cut = pd.Timestamp("2024-03-31 23:59:59.999999", tz="UTC")
    _same_codes(coded_until(ex, cut), CodedLog.of(interactions_until(ex, cut)))


def test_codes_follow_a_replaced_or_reordered_log(ex):
    from netkit.events import CodedLog
    from netkit.metrics._common import coded_until

    ex.interactions = ex.interactions[ex.interactions["channel"] != "message"]
    _same_codes(coded_until(ex, ex.as_of), CodedLog.of(ex.interactions))
    ex.interactions = ex.interactions.sample(frac=1, random_state=0)  # no longer in time order
    cut = pd.Timestamp("2024-03-31 23:59:59.999999", tz="UTC")
    _same_codes(coded_until(ex, cut), CodedLog.of(interactions_until(ex, cut)))
    assert not coded_until(ex, cut).on("message").any()
