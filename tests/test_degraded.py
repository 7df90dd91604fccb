"""Degraded exports: every public function gives a correct result, empty or partial, with a reason.

Issue 7: "Only Connections.csv; only messages.csv; a Basic export without endorsements; an export
with every file empty but headers: every public function returns a correct, empty or partial
result with a reason, and `netkit report` still produces a report."

The four exports are cut from one generated Basic export in the real bytes (``netkit.sample``, 80
connections, seed 1, which holds a growth spike), packed as a user's zip:

- ``only_connections``: Connections.csv alone;
- ``only_messages``: messages.csv alone;
- ``no_endorsements``: the Basic export without its two endorsement files;
- ``headers_only``: every file cut to its header (Connections.csv to its preamble and header).

What is expected is computed without netkit's reader where it can be: from the CSV bytes with
Python's csv module, or from the generator's truth tables (`SampleExport.tables`). Where a
degraded export holds everything a metric reads, the metric must equal its result on the full
export. An empty result must keep the columns and dtypes of a full one and say why in
``attrs["reason"]``; a chart of it says "no data" inside the Axes instead of raising.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from fixtures import build_export
from matplotlib.axes import Axes

import netkit as nk
from netkit import plot
from netkit.cli import main
from netkit.metrics import activity
from netkit.metrics.summary import SUMMARY_FIELDS
from netkit.report import read_history
from netkit.sample import SampleExport, build_sample

SIZE, SEED = 80, 1  # a small Basic export whose connections hold one growth spike
CASES = ("only_connections", "only_messages", "no_endorsements", "headers_only")
METRICS: dict[str, Callable[..., object]] = {
    "growth": nk.growth,
    "growth_spikes": nk.growth_spikes,
    "tie_strength": nk.tie_strength,
    "layers": nk.layers,
    "dormant_ties": nk.dormant_ties,
    "fading_ties": nk.fading_ties,
    "reciprocity": nk.reciprocity,
    "quality_vs_quantity": nk.quality_vs_quantity,
    "invitation_quality": nk.invitation_quality,
    "pitch_after_connect": nk.pitch_after_connect,
}
#: (chart of nk.plot, how to make what it draws) as a report draws them.
CHARTS: dict[str, tuple[str, Callable[[nk.Export], tuple[object, dict[str, object]]]]] = {
    "quality_vs_quantity": (
        "quality_vs_quantity",
        lambda ex: (nk.quality_vs_quantity(ex), {"spikes": nk.growth_spikes(ex)}),
    ),
    "growth": ("growth", lambda ex: (nk.growth(ex, freq="ME"), {"spikes": nk.growth_spikes(ex)})),
    "layers": ("layers", lambda ex: (nk.layers(ex), {})),
    "reconnect": ("reconnect", lambda ex: (nk.dormant_ties(ex), {})),
    "reconnect_fading": ("reconnect", lambda ex: (nk.fading_ties(ex), {})),
    "reciprocity": ("reciprocity", lambda ex: (nk.reciprocity(ex), {})),
    "reply_times": ("reply_times", lambda ex: (nk.reciprocity(ex), {})),
    "ladder": ("ladder", lambda ex: (nk.tie_strength(ex), {})),
    "invitations": ("invitations", lambda ex: (nk.invitation_quality(ex), {})),
    "pitches": ("pitches", lambda ex: (nk.pitch_after_connect(ex), {})),
    "activity_calendar": ("activity_calendar", lambda ex: (activity(ex), {})),
    "network": (
        "network",
        lambda ex: (graph := nk.build_graph(ex), {"measures": nk.graph_measures(graph)}),
    ),
}
#: The charts with nothing to draw in each degraded export (all the others draw data).
EMPTY_CHARTS = {
    "only_connections": set(CHARTS) - {"growth", "ladder"},
    "only_messages": {"quality_vs_quantity", "growth", "invitations", "pitches"},
    "no_endorsements": set(),
    "headers_only": set(CHARTS),
}


# --- the exports ---------------------------------------------------------------------------------
def header_only(name: str, data: bytes) -> bytes:
    """`data` cut to its header line; Connections.csv keeps its ``Notes:`` preamble too."""
    lines = data.split(b"\n")
    keep = 4 if name == "Connections.csv" else 1
    return b"\n".join(lines[:keep]) + b"\n"


def degrade(case: str, members: dict[str, bytes]) -> dict[str, bytes]:
    if case == "only_connections":
        return {"Connections.csv": members["Connections.csv"]}
    if case == "only_messages":
        return {"messages.csv": members["messages.csv"]}
    if case == "no_endorsements":
        return {n: b for n, b in members.items() if not n.startswith("Endorsement")}
    if case == "headers_only":
        return {n: header_only(n, b) for n, b in members.items()}
    raise ValueError(case)


def records(data: bytes) -> list[dict[str, str]]:
    """The records of a CSV file as Python's csv module reads them (after the preamble)."""
    text = data.decode("utf-8")
    if text.startswith("Notes:"):
        text = text[text.index("First Name,") :]
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def sample() -> SampleExport:
    return build_sample(size=SIZE, seed=SEED, kind="Basic")


@pytest.fixture(scope="module")
def members(sample: SampleExport, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = sample.write(tmp_path_factory.mktemp("full"), as_zip=False)
    return {name: (folder / name).read_bytes() for name in sample.file_names}


@pytest.fixture(scope="module")
def paths(
    sample: SampleExport, members: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("degraded")
    made = {"full": build_export(root / "full", members, name=sample.archive_name)}
    for case in CASES:
        made[case] = build_export(root / case, degrade(case, members), name=sample.archive_name)
    return made


@pytest.fixture(scope="module")
def exports(paths: dict[str, Path]) -> dict[str, nk.Export]:
    return {case: nk.load_export(path) for case, path in paths.items()}


@pytest.fixture(scope="module")
def run(exports: dict[str, nk.Export]) -> Callable[[str, str], pd.DataFrame]:
    """``run(case, metric)``: the metric on that export, computed once."""
    done: dict[tuple[str, str], pd.DataFrame] = {}

    def result(case: str, metric: str) -> pd.DataFrame:
        if (case, metric) not in done:
            done[case, metric] = METRICS[metric](exports[case])
        return done[case, metric]

    return result


def connection_dates(members: dict[str, bytes]) -> pd.Series:
    """The ``Connected On`` dates of Connections.csv (hidden members included), read with csv."""
    dates = [
        datetime.strptime(row["Connected On"], "%d %b %Y")
        for row in records(members["Connections.csv"])
    ]
    return pd.Series(pd.to_datetime(dates).tz_localize("UTC"))


def message_log(sample: SampleExport) -> pd.DataFrame:
    """``person_id, sent_at, direction, is_group`` per counterpart, from the generator's truth:
    an outgoing message counts for every recipient, an incoming one for its sender; drafts and
    sponsored messages are not interactions."""
    truth = sample.tables["messages"]
    real = truth[~truth["is_draft"] & ~truth["is_sponsored"]]
    outgoing = real[real["direction"] == "outgoing"].explode("recipient_ids")
    incoming = real[real["direction"] == "incoming"]
    log = pd.concat(
        [
            outgoing.assign(person_id=outgoing["recipient_ids"]),
            incoming.assign(person_id=incoming["sender_id"]),
        ]
    )
    log = log.dropna(subset=["person_id"])
    return log[["person_id", "sent_at", "direction", "is_group"]]


def assert_same_dtypes(result: pd.DataFrame, full: pd.DataFrame) -> None:
    assert list(result.columns) == list(full.columns)
    assert result.dtypes.astype(str).to_dict() == full.dtypes.astype(str).to_dict()


def words(text: object) -> str:
    """Lower-case text with white space collapsed (chart texts are wrapped)."""
    return " ".join(str(text).lower().replace("as_of", "the cut-off date").split())


# --- what each export holds ----------------------------------------------------------------------
@pytest.mark.parametrize("case", CASES)
def test_the_files_listed_are_the_files_given_with_their_record_counts(case, members, exports):
    given = degrade(case, members)
    files = exports[case].files.set_index("path")
    assert sorted(files.index) == sorted(given)
    for name, data in given.items():
        expected = 0 if case == "headers_only" else len(records(data))
        assert files.loc[name, "rows_read"] == expected, name
        assert files.loc[name, "rows_kept"] == expected, name
    assert exports[case].problems.empty


def test_headers_only_gives_every_table_empty_with_its_columns(exports):
    full, empty = exports["full"], exports["headers_only"]
    for table in ("connections", "messages", "invitations", "endorsements", "recommendations"):
        assert len(getattr(empty, table)) == 0, table
        assert_same_dtypes(getattr(empty, table), getattr(full, table))
    assert empty.people.empty
    assert empty.interactions.empty


def test_without_endorsement_files_nothing_is_an_endorsement(exports):
    ex = exports["no_endorsements"]
    assert ex.endorsements.empty
    assert_same_dtypes(ex.endorsements, exports["full"].endorsements)
    assert "endorsement" not in set(ex.interactions["channel"])
    assert (exports["full"].interactions["channel"] == "endorsement").any()


# --- growth and spikes ---------------------------------------------------------------------------
def test_only_connections_growth_counts_every_connection_row_by_month(members, exports):
    dates = connection_dates(members)
    result = nk.growth(exports["only_connections"], freq="ME")
    per_month = dates.dt.strftime("%Y-%m").value_counts().sort_index()
    counted = result.set_index(result["period_end"].dt.strftime("%Y-%m"))["new_connections"]
    assert counted[counted > 0].to_dict() == per_month.to_dict()
    assert result["cumulative"].iloc[-1] == len(dates)
    # Nobody can tell who asked without Invitations.csv: every connection is "unknown".
    assert (result["unknown"] == result["new_connections"]).all()
    assert (result[["outgoing", "incoming"]] == 0).all().all()
    assert result.attrs["reason"] is None


def test_only_connections_growth_equals_the_full_exports_counts(run):
    columns = ["period_end", "new_connections", "cumulative"]
    pd.testing.assert_frame_equal(
        run("only_connections", "growth")[columns], run("full", "growth")[columns]
    )


def test_only_connections_finds_the_spike_but_cannot_label_it(run):
    spikes, full = run("only_connections", "growth_spikes"), run("full", "growth_spikes")
    assert len(full) == 1
    assert full["label"].iloc[0] == "hoarding-like"
    columns = ["start", "end", "count", "baseline"]
    pd.testing.assert_frame_equal(spikes[columns], full[columns])
    assert spikes["label"].isna().all()  # who asked is unknown without Invitations.csv
    assert spikes["known_share"].iloc[0] == 0
    assert np.isnan(spikes["outgoing_share"].iloc[0])
    assert np.isnan(spikes["followed_up_share"].iloc[0])  # no messages file: unknown, not 0


@pytest.mark.parametrize("metric", ["growth", "growth_spikes", "quality_vs_quantity"])
def test_only_messages_has_no_growth_and_says_connections_are_missing(run, metric):
    result = run("only_messages", metric)
    assert result.empty
    assert "Connections.csv" in result.attrs["reason"]
    assert_same_dtypes(result, run("full", metric))


# --- tie strength, layers, dormant and fading ties -----------------------------------------------
def test_only_connections_ties_are_one_silent_row_per_person(sample, run):
    ties = run("only_connections", "tie_strength")
    people = sample.tables["connections"]["person_id"].dropna()
    assert len(ties) == len(people)
    assert set(ties["person_id"]) == set(people)
    assert ties["silent"].all()
    assert ties["score"].isna().all()  # unknown strength, not weak
    assert (ties["ladder"] == "connected").all()
    assert (ties[["messages_sent", "messages_received", "active_days"]] == 0).all().all()
    assert "no messages" in ties.attrs["reason"]


@pytest.mark.parametrize(
    ("metric", "reason"),
    [
        ("layers", "no messages"),
        ("dormant_ties", "cannot tell which ties were reciprocated"),
        ("fading_ties", "cannot tell which ties have a rhythm"),
        ("reciprocity", "no messages file"),
        ("quality_vs_quantity", "no messages file"),
        ("invitation_quality", "Invitations.csv"),
        ("pitch_after_connect", "no messages file"),
    ],
)
def test_only_connections_gives_typed_empty_results_with_a_reason(run, metric, reason):
    result = run("only_connections", metric)
    assert result.empty
    assert reason in result.attrs["reason"]
    assert_same_dtypes(result, run("full", metric))


def message_participants(sample: SampleExport) -> set[str]:
    """Everyone a non-sponsored message names, drafts included, the owner left out: the
    people an export of messages.csv alone knows."""
    truth = sample.tables["messages"]
    seen = truth[~truth["is_sponsored"]]
    ids = pd.concat([seen["sender_id"], seen["recipient_ids"].explode()]).dropna()
    return set(ids) - {sample.owner["person_id"]}


def test_only_messages_ties_count_the_messages_as_the_full_export_does(sample, run):
    ties = run("only_messages", "tie_strength").set_index("person_id")
    full = run("full", "tie_strength").set_index("person_id").loc[ties.index]
    assert set(ties.index) == message_participants(sample)
    columns = ["messages_sent", "messages_received", "active_days", "words", "reciprocated"]
    pd.testing.assert_frame_equal(ties[columns], full[columns])
    # Named only in a draft or in someone else's group message: known, but never talked to.
    talked = set(message_log(sample)["person_id"])
    assert set(ties.index[~ties["silent"]]) == talked
    assert ties.loc[ties["silent"], "score"].isna().all()
    assert ties.loc[~ties["silent"], "score"].notna().all()
    assert ties.attrs["reason"] is None


def test_only_messages_layers_equal_the_full_exports(run):
    pd.testing.assert_frame_equal(run("only_messages", "layers"), run("full", "layers"))


def test_only_messages_dormant_ties_are_the_reciprocated_ones_silent_for_a_year(
    sample, exports, run
):
    log = message_log(sample)
    direct = log[~log["is_group"]]
    ways = direct.groupby("person_id")["direction"].nunique()
    last = log.groupby("person_id")["sent_at"].max()
    silence = exports["only_messages"].as_of - last
    expected = set(ways.index[ways == 2]) & set(silence.index[silence > pd.Timedelta("365D")])
    dormant = run("only_messages", "dormant_ties")
    assert expected  # the sample plants dormant ties
    assert set(dormant["person_id"]) == expected
    assert (dormant["last_contact"] == dormant["person_id"].map(last)).all()
    # No company is known without Connections.csv: every reason ends without one.
    assert dormant["company"].isna().all()
    assert dormant["reason"].str.endswith(".").all()
    assert not dormant["reason"].str.contains("now at").any()


def test_only_messages_fading_ties_are_reciprocated_recent_and_overdue(sample, exports, run):
    log = message_log(sample)
    direct = log[~log["is_group"]]
    reciprocated = direct.groupby("person_id")["direction"].nunique() == 2
    fading = run("only_messages", "fading_ties")
    assert len(fading) >= 1
    assert reciprocated.reindex(fading["person_id"]).fillna(False).all()
    assert fading["days_silent"].between(61, 365).all()
    assert (fading["days_silent"] > 3 * fading["median_gap_days"]).all()
    assert not set(fading["person_id"]) & set(run("only_messages", "dormant_ties")["person_id"])


# --- reciprocity ---------------------------------------------------------------------------------
def test_only_messages_reciprocity_counts_every_message_each_way(sample, run):
    mutual = run("only_messages", "reciprocity").set_index("person_id")
    log = message_log(sample)
    counts = log.groupby(["person_id", "direction"]).size().unstack(fill_value=0)
    assert mutual["sent"].to_dict() == counts["outgoing"].reindex(mutual.index).to_dict()
    assert mutual["received"].to_dict() == counts["incoming"].reindex(mutual.index).to_dict()
    assert set(mutual.index) == set(counts.index)
    assert mutual.attrs["reason"] is None


def test_only_messages_reciprocity_equals_the_full_export_on_messages(run):
    mutual = run("only_messages", "reciprocity").set_index("person_id").sort_index()
    full = run("full", "reciprocity").set_index("person_id").sort_index()
    given = [c for c in full.columns if c.startswith(("endorsements_", "recommendations_"))]
    pd.testing.assert_frame_equal(mutual.drop(columns=given), full.drop(columns=given))
    assert (mutual[given] == 0).all().all()  # no endorsement or recommendation file


def test_only_messages_has_no_invitations_and_no_pitches_with_reasons(run):
    invitations = run("only_messages", "invitation_quality")
    assert invitations.empty
    assert "Invitations.csv" in invitations.attrs["reason"]
    pitches = run("only_messages", "pitch_after_connect")
    assert pitches.empty
    assert "Connections.csv" in pitches.attrs["reason"]
    assert_same_dtypes(pitches, run("full", "pitch_after_connect"))


# --- without endorsements ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "metric",
    [
        "growth",
        "growth_spikes",
        "layers",
        "quality_vs_quantity",
        "invitation_quality",
        "pitch_after_connect",
    ],
)
def test_without_endorsements_the_metrics_that_ignore_them_are_unchanged(run, metric):
    pd.testing.assert_frame_equal(run("no_endorsements", metric), run("full", metric))


def test_without_endorsements_reciprocity_counts_none(run):
    mutual = run("no_endorsements", "reciprocity").set_index("person_id").sort_index()
    full = run("full", "reciprocity").set_index("person_id").sort_index()
    endorsed = ["endorsements_given", "endorsements_received"]
    assert full[endorsed].to_numpy().sum() > 0
    assert (mutual[endorsed] == 0).all().all()
    pd.testing.assert_frame_equal(mutual.drop(columns=endorsed), full.drop(columns=endorsed))


def test_without_endorsements_only_endorsed_peoples_ties_change(exports, run):
    ties = run("no_endorsements", "tie_strength").set_index("person_id").sort_index()
    full = run("full", "tie_strength").set_index("person_id").sort_index()
    assert list(ties.index) == list(full.index)
    endorsed = full.index.isin(exports["full"].endorsements["person_id"].dropna())
    pd.testing.assert_frame_equal(ties[~endorsed], full[~endorsed])
    messages = ["messages_sent", "messages_received", "active_days", "words", "ladder"]
    pd.testing.assert_frame_equal(ties.loc[endorsed, messages], full.loc[endorsed, messages])
    lost = full.loc[endorsed, "channels"] - ties.loc[endorsed, "channels"]
    assert set(lost) <= {0, 1}
    assert lost.sum() > 0


def test_without_endorsements_dormant_ties_keep_their_silence(exports, run):
    dormant = run("no_endorsements", "dormant_ties").set_index("person_id").sort_index()
    full = run("full", "dormant_ties").set_index("person_id").sort_index()
    columns = ["last_contact", "days_silent", "active_days", "reason"]
    pd.testing.assert_frame_equal(dormant[columns], full[columns])
    endorsed = full.index.isin(exports["full"].endorsements["person_id"].dropna())
    assert (dormant.loc[~endorsed, "prior_strength"] == full.loc[~endorsed, "prior_strength"]).all()


def test_without_endorsements_the_summary_is_unchanged(exports):
    summary = nk.health_summary(exports["no_endorsements"])
    full = nk.health_summary(exports["full"])
    pd.testing.assert_series_equal(summary, full)


# --- headers only --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("metric", "reason"),
    [
        ("growth", "Connections.csv missing or empty"),
        ("growth_spikes", "Connections.csv missing or empty"),
        ("tie_strength", "no contacts"),
        ("layers", "no messages"),
        ("dormant_ties", "no messages"),
        ("fading_ties", "no messages"),
        ("reciprocity", "no message between the owner and a contact"),
        ("quality_vs_quantity", "Connections.csv missing or empty"),
        ("invitation_quality", "no invitation"),
        ("pitch_after_connect", None),  # both files are there and nobody wrote: no pitch
    ],
)
def test_headers_only_gives_typed_empty_results_with_a_reason(run, metric, reason):
    result = run("headers_only", metric)
    assert result.empty
    assert_same_dtypes(result, run("full", metric))
    if reason is None:
        assert result.attrs["reason"] is None
    else:
        assert reason in result.attrs["reason"]


# --- health_summary ------------------------------------------------------------------------------
def test_only_connections_summary_counts_connections_and_nothing_it_cannot_tell(
    members, exports, run
):
    spike = run("full", "growth_spikes").iloc[0]
    month_end = (spike["start"] + pd.offsets.MonthEnd(0)).strftime("%Y-%m-%d")
    summary = nk.health_summary(exports["only_connections"], as_of=month_end)
    dates = connection_dates(members)
    as_of = summary["as_of"]
    assert summary["connections"] == (dates <= as_of).sum()
    assert summary["new_connections"] == (dates.dt.strftime("%Y-%m") == month_end[:7]).sum()
    assert summary["spikes"] == 1
    told = ("period", "as_of", "connections", "new_connections", "spikes")
    unknown = [field for field in SUMMARY_FIELDS if field not in told]
    assert summary[unknown].isna().all(), summary[unknown]


def test_only_messages_summary_measures_messages_and_leaves_connections_unknown(exports, run):
    summary = nk.health_summary(exports["only_messages"])
    full = nk.health_summary(exports["full"])
    assert summary["dormant_ties"] == len(run("only_messages", "dormant_ties")) > 0
    assert summary["fading_ties"] == len(run("only_messages", "fading_ties"))
    for name in ("message_reciprocity", "two_way_share"):
        assert summary[name] == pytest.approx(full[name])
    for name in ("unanswered_inbound", "unanswered_outbound", "dormant_ties", "fading_ties"):
        assert summary[name] == full[name]
    unknown = [
        "connections",
        "new_connections",
        "active_share",
        "hoarding_ratio",
        "invitations_sent",
        "invitations_received",
        "pitches_received",
        "pitches_sent",
        "spikes",
    ]
    assert summary[unknown].isna().all(), summary[unknown]


def test_headers_only_summary_counts_zero_where_the_files_say_so(exports):
    summary = nk.health_summary(exports["headers_only"])
    zero = [
        "connections",
        "new_connections",
        "dormant_ties",
        "fading_ties",
        "unanswered_inbound",
        "unanswered_outbound",
        "invitations_sent",
        "invitations_received",
        "pitches_received",
        "pitches_sent",
        "spikes",
    ]
    assert (summary[zero] == 0).all(), summary[zero]
    nothing_to_divide = ["active_share", "hoarding_ratio", "two_way_share", "outgoing_note_share"]
    assert summary[nothing_to_divide].isna().all()


# --- the graph -----------------------------------------------------------------------------------
def contacts(graph: nx.DiGraph) -> set[str]:
    return {node for node, kind in graph.nodes(data="kind") if kind == "contact"}


def test_only_connections_graph_has_every_person_and_no_exchange(sample, exports):
    graph = nk.build_graph(exports["only_connections"])
    owner = graph.graph["owner"]
    people = set(sample.tables["connections"]["person_id"].dropna())
    assert contacts(graph) == people
    for person in people:
        for edge in (graph.edges[owner, person], graph.edges[person, owner]):
            assert edge["messages"] == edge["endorsements"] == edge["recommendations"] == 0
    assert not any(kind == "co_member" for *_, kind in graph.edges(data="kind"))
    measures = nk.graph_measures(graph)
    assert measures.empty
    assert "no contact has any interaction" in measures.attrs["reason"]


def test_only_messages_graph_edges_carry_the_message_counts(exports, run):
    graph = nk.build_graph(exports["only_messages"])
    owner = graph.graph["owner"]
    mutual = run("only_messages", "reciprocity").set_index("person_id")
    assert contacts(graph) == set(mutual.index)
    for person, row in mutual.iterrows():
        assert graph.edges[owner, person]["messages"] == row["sent"]
        assert graph.edges[person, owner]["messages"] == row["received"]
    assert set(nk.graph_measures(graph)["person_id"]) == set(mutual.index)


def test_without_endorsements_the_graph_loses_only_endorsement_counts(exports):
    graph = nk.build_graph(exports["no_endorsements"])
    full = nk.build_graph(exports["full"])
    assert set(graph.nodes) == set(full.nodes)
    assert set(graph.edges) == set(full.edges)
    for u, v, data in graph.edges(data=True):
        before = dict(full.edges[u, v])
        if "endorsements" in data:
            assert data["endorsements"] == 0
            before["endorsements"] = 0
        assert {k: w for k, w in data.items() if k != "strength"} == {
            k: w for k, w in before.items() if k != "strength"
        }


def test_headers_only_graph_is_the_owner_alone(exports):
    graph = nk.build_graph(exports["headers_only"])
    assert graph.number_of_nodes() == 1
    assert graph.number_of_edges() == 0
    assert nk.graph_measures(graph).empty


# --- anonymize -----------------------------------------------------------------------------------
@pytest.mark.parametrize("case", CASES)
def test_anonymize_keeps_every_row_and_no_name(case, exports):
    ex = exports[case]
    private = nk.anonymize(ex, key="degraded")
    for table in ("connections", "messages", "people", "interactions"):
        assert len(getattr(private, table)) == len(getattr(ex, table)), table
    names = set(ex.people["name"].dropna()) | set(ex.connections["name"].dropna())
    shown = set(private.people["name"].dropna()) | set(private.connections["name"].dropna())
    assert not names & shown
    assert private.people["person_id"].nunique() == ex.people["person_id"].nunique()


# --- charts --------------------------------------------------------------------------------------
def no_data_texts(ax: Axes) -> list[str]:
    return [text.get_text() for text in ax.texts if text.get_gid() == "no-data"]


@pytest.mark.parametrize("chart", sorted(CHARTS))
@pytest.mark.parametrize("case", CASES)
def test_every_chart_draws_data_or_says_why_there_is_none(case, chart, exports):
    function, make = CHARTS[chart]
    data, options = make(exports[case])
    ax = getattr(plot, function)(data, **options)
    assert isinstance(ax, Axes)
    assert ax.get_title(loc="left")
    message = no_data_texts(ax)
    if chart in EMPTY_CHARTS[case]:
        assert len(message) == 1, message
        reason = getattr(data, "attrs", {}).get("reason")
        if reason:
            assert message[0].startswith("No data")
            assert words(reason) in words(message[0])
        else:
            assert words(message[0])  # an empty answer, e.g. "Nobody wrote first..."
        assert ax.get_title(loc="left").endswith((": no data", ": none"))
    else:
        assert message == []
        assert ax.patches or ax.lines or ax.collections


def test_the_ladder_of_silent_contacts_says_their_depth_is_unknown(run):
    data = run("only_connections", "tie_strength")
    ax = plot.ladder(data)
    (note,) = [text.get_text() for text in ax.texts if text.get_gid() == "reason"]
    assert words(data.attrs["reason"]) in words(note)
    known = plot.ladder(run("full", "tie_strength"))
    assert not [text for text in known.texts if text.get_gid() == "reason"]


# --- the report ----------------------------------------------------------------------------------
@pytest.mark.parametrize("case", CASES)
def test_netkit_report_writes_the_dashboard_and_a_history_row(case, paths, exports, tmp_path):
    out = tmp_path / "report"
    assert main(["report", str(paths[case]), "--out", str(out), "--dpi", "30"]) == 0
    assert (out / "2026-10" / "dashboard.png").stat().st_size > 0
    assert len(list((out / "2026-10").glob("*.png"))) == len(CHARTS) + 1
    history = read_history(out / "history.csv")
    assert history["period"].tolist() == ["2026-10"]
    expected = nk.health_summary(exports[case], as_of="2026-10-31")
    for name in ("connections", "dormant_ties", "invitations_sent", "unanswered_inbound"):
        value = history[name].iloc[0]
        assert (pd.isna(value) and pd.isna(expected[name])) or value == expected[name], name
