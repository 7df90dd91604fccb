"""netkit.plot and the activity metric (issue 4, notes/charts-contract.md).

Spec: every chart is ``chart(data, *, ax=None, ...) -> Axes``; it draws on the Axes it is given
and returns it, or on the one Axes of a new ``Figure`` (never pyplot); it draws what the metric
returned (asserted on the artists: bars, points, lines, their heights and offsets, label texts),
says "no data" inside the Axes for an empty result (with the metric's reason), and always has a
title and axis labels. ``import netkit`` does not import matplotlib; ``nk.plot`` does, lazily.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from fixtures import PROFILE_CSV, build_export
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection, QuadMesh
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle, StepPatch

import netkit as nk
from netkit import plot
from netkit.metrics import activity
from netkit.metrics.ties import LADDER

SAMPLE = Path(__file__).parents[1] / "data/sample/Complete_LinkedInDataExport_11-16-2026.zip"
CHART_NAMES = [
    "quality_vs_quantity",
    "growth",
    "layers",
    "reconnect",
    "reciprocity",
    "reply_times",
    "ladder",
    "invitations",
    "pitches",
    "activity_calendar",
    "network",
]


# --- fixtures --------------------------------------------------------------------------------
def _inputs(ex: nk.Export) -> dict[str, tuple[object, dict[str, object]]]:
    """Each chart's data and options, computed once from `ex` as a report would."""
    spikes = nk.growth_spikes(ex)
    mutual = nk.reciprocity(ex)
    graph = nk.build_graph(ex)
    return {
        "quality_vs_quantity": (nk.quality_vs_quantity(ex), {"spikes": spikes}),
        "growth": (nk.growth(ex, freq="W"), {"spikes": spikes}),
        "layers": (nk.layers(ex), {}),
        "reconnect": (nk.dormant_ties(ex), {}),
        "reciprocity": (mutual, {}),
        "reply_times": (mutual, {}),
        "ladder": (nk.tie_strength(ex), {}),
        "invitations": (nk.invitation_quality(ex), {}),
        "pitches": (nk.pitch_after_connect(ex), {}),
        "activity_calendar": (activity(ex), {}),
        "network": (graph, {"measures": nk.graph_measures(graph)}),
    }


@pytest.fixture(scope="module")
def sample() -> nk.Export:
    return nk.load_export(SAMPLE)


@pytest.fixture(scope="module")
def inputs(sample: nk.Export) -> dict[str, tuple[object, dict[str, object]]]:
    return _inputs(sample)


@pytest.fixture(scope="module")
def empty_inputs(tmp_path_factory: pytest.TempPathFactory):
    """Every metric on an export holding a profile and an empty Connections.csv."""
    files = {
        "Profile.csv": PROFILE_CSV,
        "Connections.csv": b"First Name,Last Name,URL,Email Address,Company,Position,"
        b"Connected On\n",
    }
    ex = nk.load_export(build_export(tmp_path_factory.mktemp("empty"), files))
    return _inputs(ex)


@pytest.fixture(autouse=True)
def no_pyplot_figures():
    """Charts never open pyplot figures."""
    yield
    open_figures = plt.get_fignums()
    plt.close("all")
    assert open_figures == []


def draw(name: str, data: object, **options: object) -> Axes:
    function, _ = plot.CHARTS[name]
    return function(data, **options)


def texts(ax: Axes) -> list[str]:
    """Every text drawn in the Axes (annotations included), line breaks as spaces."""
    return [text.get_text().replace("\n", " ") for text in ax.texts]


def gid_texts(ax: Axes, gid: str) -> list[str]:
    return [text.get_text() for text in ax.texts if text.get_gid() == gid]


def bar_containers(ax: Axes) -> list[BarContainer]:
    return [c for c in ax.containers if isinstance(c, BarContainer)]


# --- every chart -----------------------------------------------------------------------------
def test_charts_lists_every_chart_in_report_order():
    assert list(plot.CHARTS) == CHART_NAMES
    for name, (function, title) in plot.CHARTS.items():
        assert function is getattr(plot, name)
        assert name in plot.__all__
        assert isinstance(title, str)
        assert title


@pytest.mark.parametrize("name", CHART_NAMES)
def test_draws_on_the_given_axes_and_returns_it(name, inputs):
    data, options = inputs[name]
    figure = Figure()
    ax = figure.add_subplot()
    assert draw(name, data, ax=ax, **options) is ax
    assert figure.axes == [ax]  # no twin or extra Axes
    assert figure.get_layout_engine() is None  # the layout of someone else's figure is theirs
    FigureCanvasAgg(figure).draw()  # renders without error


@pytest.mark.parametrize("name", CHART_NAMES)
def test_without_ax_draws_on_a_new_figure(name, inputs):
    data, options = inputs[name]
    ax = draw(name, data, **options)
    assert isinstance(ax, Axes)
    assert isinstance(ax.figure, Figure)
    assert ax.figure.axes == [ax]


@pytest.mark.parametrize("name", CHART_NAMES)
def test_titles_and_axis_labels_are_written(name, inputs):
    data, options = inputs[name]
    ax = draw(name, data, **options)
    assert ax.get_title(loc="left").strip()
    assert ax.get_xlabel().strip()
    if name != "network":  # a picture without a y axis: the x label is its caption
        assert ax.get_ylabel().strip()


@pytest.mark.parametrize("name", CHART_NAMES)
def test_empty_result_says_no_data_and_why(name, empty_inputs):
    data, options = empty_inputs[name]
    if name != "network":
        assert len(data) == 0
        assert data.attrs["reason"]
    ax = draw(name, data, **options)
    message = " ".join(gid_texts(ax, "no-data")).replace("\n", " ")
    assert message.startswith("No data")
    if name != "network":
        first_words = " ".join(
            data.attrs["reason"].replace("as_of", "the cut-off date").split()[:3]
        )
        assert first_words.lower() in message.lower()
    assert ax.get_title(loc="left").endswith("no data")
    assert ax.get_xlabel().strip()
    FigureCanvasAgg(ax.figure).draw()


@pytest.mark.parametrize("name", CHART_NAMES)
def test_docstrings_share_the_parameter_text(name):
    doc = getattr(plot, name).__doc__
    assert "{" not in doc
    assert "ax : matplotlib.axes.Axes, optional" in doc
    assert "Returns\n    -------\n    matplotlib.axes.Axes" in doc
    assert '"no data"' in doc


# --- what each chart draws -------------------------------------------------------------------
def line(ax: Axes, label_start: str):
    (found,) = [ln for ln in ax.lines if ln.get_label().startswith(label_start)]
    return found


def test_quality_vs_quantity_draws_both_lines_the_ratio_and_the_spikes(inputs):
    (data, options) = inputs["quality_vs_quantity"]
    spikes = options["spikes"]
    ax = draw("quality_vs_quantity", data, **options)
    connections = line(ax, "connections").get_ydata()
    active = line(ax, "active ties").get_ydata()
    positive = data["active_ties"].to_numpy() > 0
    np.testing.assert_array_equal(connections, data["connections"].to_numpy(dtype=float))
    np.testing.assert_array_equal(active[positive], data["active_ties"][positive])
    assert np.isnan(active[~positive]).all()  # no zero on a logarithmic scale
    assert ax.get_yscale() == "log"
    last = data.iloc[-1]
    assert f"{last['active_ties']} active ties among {last['connections']} connections" in (
        ax.get_title(loc="left").replace("\n", " ")
    )
    (ratio,) = gid_texts(ax, "hoarding-ratio")
    assert ratio.startswith(f"×{last['hoarding_ratio']:.1f}")
    shaded = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(shaded) == len(spikes) == 2
    labels = gid_texts(ax, "spike-label")
    assert [label.split("\n")[0] for label in labels] == [f"spike +{n}" for n in spikes["count"]]
    assert "hoarding-like" in labels[0]
    assert "earned" in labels[1]


def test_quality_vs_quantity_without_spikes_shades_nothing(inputs):
    data, _ = inputs["quality_vs_quantity"]
    ax = draw("quality_vs_quantity", data)
    assert not [p for p in ax.patches if isinstance(p, Rectangle)]
    assert gid_texts(ax, "spike-label") == []


def test_growth_stacks_who_asked_and_explains_the_spikes(inputs):
    data, options = inputs["growth"]
    spikes = options["spikes"]
    ax = draw("growth", data, **options)
    steps = [p for p in ax.patches if isinstance(p, StepPatch)]
    assert [p.get_label() for p in steps][:2] == ["you asked", "they asked"]
    bottom = np.zeros(len(data))
    for step, column in zip(steps, ["outgoing", "incoming", "unknown"], strict=True):
        values, edges, baseline = step.get_data()
        np.testing.assert_array_equal(baseline, bottom)
        np.testing.assert_array_equal(values - baseline, data[column].to_numpy(dtype=float))
        assert len(edges) == len(data) + 1
        bottom = values
    np.testing.assert_array_equal(bottom, data["new_connections"].to_numpy(dtype=float))
    notes = gid_texts(ax, "spike-label")
    assert len(notes) == len(spikes)
    assert "+139 in 7 days (Apr 2022), hoarding-like" in notes[0]
    assert "earned" in notes[1]
    assert "Helio Solar" in notes[1].replace("\n", " ")
    assert "biggest burst: +139" in ax.get_title(loc="left").replace("\n", " ")
    assert ax.get_ylabel() == "new connections per week"


def test_layers_draws_each_layer_beside_the_reference(inputs):
    data, _ = inputs["layers"]
    ax = draw("layers", data)
    mine, reference = bar_containers(ax)
    per_layer = data.drop_duplicates("layer").sort_values("layer")["layer_size"]
    assert [bar.get_height() for bar in mine] == per_layer.tolist()
    assert [bar.get_height() for bar in reference] == [5, 15, 50, 150]
    assert reference.patches[0].get_hatch() == "//"  # tells the two apart in grey
    ticks = [tick.get_text() for tick in ax.get_xticklabels()]
    low, high = data.attrs["layer_bounds"][1]
    assert ticks[0] == f"support clique\n{low}–{high} days"
    assert f"Inner circle of {per_layer.iloc[0]}" in ax.get_title(loc="left")


@pytest.mark.parametrize("top", [12, 5])
def test_reconnect_ranks_ties_with_their_reason(inputs, top):
    data, _ = inputs["reconnect"]
    ax = draw("reconnect", data, top=top)
    (bars,) = bar_containers(ax)
    shown = data.head(top)
    assert [bar.get_width() for bar in bars] == shown["reconnect_score"].tolist()
    assert [tick.get_text() for tick in ax.get_yticklabels()] == shown["name"].tolist()
    reasons = [" ".join(text.split()) for text in gid_texts(ax, "reason")]
    assert reasons == [" ".join(reason.split()) for reason in shown["reason"]]
    assert f"{len(data)} dormant ties" in ax.get_title(loc="left")
    assert f"(top {top})" in ax.get_title(loc="left")


def test_reconnect_draws_fading_ties_and_an_empty_answer(sample):
    fading = nk.fading_ties(sample)
    ax = draw("reconnect", fading)
    (bars,) = bar_containers(ax)
    assert len(bars) == len(fading) == 4
    assert "losing their rhythm" in ax.get_title(loc="left")
    none = nk.dormant_ties(sample, after="100000D")  # a valid answer: nobody is dormant
    assert len(none) == 0
    assert none.attrs["reason"] is None
    ax = draw("reconnect", none)
    (message,) = gid_texts(ax, "no-data")
    assert " ".join(message.split()) == (
        "No dormant tie: nobody you once talked with both ways has gone quiet."
    )
    assert ax.get_title(loc="left") == "Dormant ties: none"


def test_reciprocity_plots_every_contact_by_sent_and_received(inputs):
    data, _ = inputs["reciprocity"]
    ax = draw("reciprocity", data)
    groups = {
        c.get_label().split(" (")[0]: c for c in ax.collections if isinstance(c, PathCollection)
    }
    assert set(groups) == {"both of you wrote", "only you wrote", "only they wrote"}
    points = np.concatenate([c.get_offsets() for c in groups.values()])
    areas = np.concatenate([c.get_sizes() for c in groups.values()])
    pairs = data.groupby(["sent", "received"]).size()
    assert len(points) == len(pairs)
    drawn = pd.Series(areas, index=pd.MultiIndex.from_arrays(points.T.astype(int).tolist()))
    drawn = drawn.sort_index()
    assert drawn.index.equals(pairs.sort_index().index)
    # marker area in proportion to the contacts sharing the pair (24 points² each here)
    np.testing.assert_allclose(drawn.to_numpy(), 24 * pairs.sort_index().to_numpy())
    only_you = groups["only you wrote"].get_offsets()
    assert (only_you[:, 1] == 0).all()
    assert (only_you[:, 0] > 0).all()
    assert ax.get_xscale() == ax.get_yscale() == "symlog"
    diagonal = line(ax, "as many each way")
    np.testing.assert_array_equal(diagonal.get_xdata(), diagonal.get_ydata())
    both = int(((data["sent"] > 0) & (data["received"] > 0)).sum())
    assert ax.get_title(loc="left").startswith(f"{both} of {len(data)} contacts wrote both ways")


def test_reply_times_shows_both_distributions(inputs):
    data, _ = inputs["reply_times"]
    ax = draw("reply_times", data)
    points = {c.get_label(): c.get_offsets() for c in ax.collections if c.get_label()}
    for label, column in [
        ("you reply to them", "owner_median_reply_hours"),
        ("they reply to you", "their_median_reply_hours"),
    ]:
        hours = np.maximum(data[column].dropna().to_numpy(), 1 / 120)
        np.testing.assert_allclose(np.sort(points[label][:, 0]), np.sort(hours))
    medians = [text for text in texts(ax) if text.startswith("median")]
    owner = data["owner_median_reply_hours"].median() * 60
    assert medians[0] == f"median {owner:.0f} min"
    assert ax.get_xscale() == "log"
    assert "1 h" in [tick.get_text() for tick in ax.get_xticklabels()]


def test_ladder_counts_contacts_reaching_each_stage(inputs):
    data, _ = inputs["ladder"]
    ax = draw("ladder", data)
    (bars,) = bar_containers(ax)
    widths = [bar.get_width() for bar in bars]
    stage = data["ladder"].astype(str).map({s: k for k, s in enumerate(LADDER)})
    assert widths == [int((stage >= k).sum()) for k in range(len(LADDER))]
    assert widths[0] == len(data)
    assert widths == sorted(widths, reverse=True)
    labels = [tick.get_text().split("\n")[0] for tick in ax.get_yticklabels()]
    assert labels == ["connected", "messaged", "conversation", "off-platform", "met", "vouched"]
    assert gid_texts(ax, "stage-count")[0] == f"{len(data)}"


def test_invitations_split_by_direction_warmth_and_note(inputs):
    data, _ = inputs["invitations"]
    ax = draw("invitations", data)
    personal, template, none = bar_containers(ax)
    rows = [tick.get_text().replace("\n", " ") for tick in ax.get_yticklabels()]
    assert rows[:4] == ["you sent warm", "you sent cold", "you received warm", "you received cold"]
    totals = np.sum([[bar.get_width() for bar in c] for c in (personal, template, none)], axis=0)
    sent = data["direction"] == "outgoing"
    assert totals[:2].sum() == sent.sum()
    assert totals.sum() == len(data)
    warm_sent = (sent & data["warm"].fillna(False)).sum()
    assert totals[0] == warm_sent
    no_note = int((~data["has_note"]).sum())
    assert sum(bar.get_width() for bar in none) == no_note
    assert none.patches[0].get_hatch() == ".."
    assert ax.get_title(loc="left").startswith(f"Invitations: {sent.sum()} sent")


def test_pitches_received_and_sent_with_their_words(inputs):
    data, _ = inputs["pitches"]
    ax = draw("pitches", data)
    pitch_bars = bar_containers(ax)[0]
    is_pitch = data["is_pitch"].fillna(False).astype(bool)
    expected = [
        int((is_pitch & (data["direction"] == way)).sum()) for way in ("incoming", "outgoing")
    ]
    assert [bar.get_width() for bar in pitch_bars] == expected
    received_words = gid_texts(ax, "pitch-words")[0].replace("\n", " ")
    top_word = (
        data.loc[is_pitch & (data["direction"] == "incoming"), "matched_words"]
        .explode()
        .value_counts()
    )
    assert f"{top_word.index[0]} ({top_word.iloc[0]})" in received_words
    assert ax.get_title(loc="left").startswith(f"Pitched right after connecting: {expected[0]} of")


@pytest.mark.parametrize("days", [365, 30])
def test_activity_calendar_has_a_square_per_day(inputs, days):
    data, _ = inputs["activity_calendar"]
    ax = draw("activity_calendar", data, days=days)
    (mesh,) = [c for c in ax.collections if isinstance(c, QuadMesh)]
    values = np.ma.masked_invalid(mesh.get_array())
    last = data.tail(days)
    assert values.count() == days
    assert values.sum() == (last["messages_sent"] + last["messages_received"]).sum()
    assert mesh.get_array().shape[0] == 7  # Monday to Sunday
    assert "Mon" in [tick.get_text() for tick in ax.get_yticklabels()]
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend[0] == "none"


@pytest.mark.parametrize("top", [150, 20])
def test_network_draws_the_strongest_contacts_at_most(inputs, top):
    graph, options = inputs["network"]
    ax = draw("network", graph, top=top, **options)
    owner = graph.graph["owner"]
    strength = sorted(
        (d["strength"] for _, _, d in graph.out_edges(owner, data=True) if "strength" in d),
        reverse=True,
    )
    contacts = [
        c for c in ax.collections if isinstance(c, PathCollection) and c.get_label() != "you"
    ]
    areas = np.sort(np.concatenate([c.get_sizes() for c in contacts]))[::-1]
    assert len(areas) == min(top, len(strength))
    # the strongest, each marker's area rising with the score: area = a + b × score, b > 0
    slope, intercept = np.polyfit(strength[:top], areas, 1)
    assert slope > 0
    np.testing.assert_allclose(intercept + slope * np.array(strength[:top]), areas)
    (you,) = [c for c in ax.collections if c.get_label() == "you"]
    np.testing.assert_array_equal(you.get_offsets(), [[0, 0]])
    names = gid_texts(ax, "contact-name")
    assert len(names) == min(10, top)
    assert f"Your {min(top, len(strength))} strongest ties" in ax.get_title(loc="left")


def test_network_without_measures_draws_one_group(inputs):
    graph, _ = inputs["network"]
    ax = draw("network", graph, top=30)
    labels = [c.get_label() for c in ax.collections if isinstance(c, PathCollection)]
    assert labels == ["contacts (30)", "you"]


# --- the activity metric ---------------------------------------------------------------------
def test_activity_counts_each_message_once_per_day(sample):
    result = activity(sample)
    assert list(result.columns) == ["day", "messages_sent", "messages_received"]
    assert str(result["day"].dtype) == "datetime64[us, UTC]"
    assert result["messages_sent"].dtype == "int64"
    days = result["day"]
    assert (days.diff().dropna() == pd.Timedelta(days=1)).all()  # quiet days included
    assert days.iloc[-1] == sample.as_of.floor("D")
    messages = sample.messages[~sample.messages["is_draft"] & ~sample.messages["is_sponsored"]]
    assert result["messages_sent"].sum() == (messages["direction"] == "outgoing").sum()
    assert result["messages_received"].sum() == (messages["direction"] == "incoming").sum()
    assert days.iloc[0] == messages["sent_at"].min().floor("D")
    assert result.attrs["reason"] is None
    assert result.attrs["params"]["as_of"] == sample.as_of


def test_activity_uses_nothing_after_as_of(sample):
    result = activity(sample, as_of="2024-06-30")
    assert result["day"].iloc[-1] == pd.Timestamp("2024-06-30", tz="UTC")
    full = activity(sample).set_index("day").loc[:"2024-06-30"]
    assert result.set_index("day").equals(full)


def test_activity_without_messages_is_empty_with_a_reason(empty_inputs):
    result, _ = empty_inputs["activity_calendar"]
    assert len(result) == 0
    assert str(result["day"].dtype) == "datetime64[us, UTC]"
    assert "no messages file" in result.attrs["reason"]


# --- the import --------------------------------------------------------------------------------
def test_import_netkit_does_not_import_matplotlib():
    code = textwrap.dedent(
        """
        import sys
        import netkit as nk
        assert "matplotlib" not in sys.modules, "import netkit imported matplotlib"
        import netkit.metrics
        assert "matplotlib" not in sys.modules, "netkit.metrics imported matplotlib"
        assert nk.plot.quality_vs_quantity is not None
        assert "matplotlib" in sys.modules
        import matplotlib.pyplot  # noqa: F401  (only to see that nothing opened a figure)
        try:
            nk.no_such_thing
        except AttributeError:
            pass
        else:
            raise SystemExit("nk.no_such_thing did not raise AttributeError")
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
