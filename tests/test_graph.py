# ruff: noqa: E501
"""build_graph, graph_measures and write_graph (metrics.md, "build_graph").

Spec: nodes keyed by person_id with kind owner / contact / company (``company:<name>``);
owner→contact and contact→owner edges with per-channel counts in that direction and the
tie-strength score; contact↔contact ``co_member`` proxy edges both ways counting shared group
conversations; contact→company ``works_at`` edges (companies are nodes, never cliques);
GraphML-safe attributes; measures on contacts with interactions, labelled as proxies; nothing
after ``as_of``.
"""

from __future__ import annotations

import math
from itertools import combinations

import networkx as nx
import pandas as pd
import pytest
from fixtures import OWNER_ID, OWNER_URL, PROFILE_CSV
from hypothesis import given, settings
from hypothesis import strategies as st

import netkit as nk
from netkit.graph import build_graph, burt_constraint, graph_measures, write_graph

ANA = "https://www.linkedin.com/in/ana-gonzalez"
BOB = "https://www.linkedin.com/in/bob-lee"
CHEN = "https://www.linkedin.com/in/chen-wei-7b2"
ERIK = "https://www.linkedin.com/in/erik-berg"
HEADER_2023 = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"


def _row(*fields: str) -> bytes:
    """One messages.csv row: conversation, title, sender, sender URL, to, recipient URLs, date,
    content."""
    conv, title, sender, sender_url, to, to_urls, date, content = fields
    return f'{conv},{title},{sender},{sender_url},"{to}","{to_urls}",{date} UTC,,{content},INBOX\n'.encode()


CONNECTIONS = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonzalez,,Acme,Lead Engineer,23 Oct 2022\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,bob@example.com,Globex,Product Manager,08 Nov 2023\n"
    b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Acme,Designer,01 Feb 2024\n"
    b"Dana,Kim,https://www.linkedin.com/in/dana-kim,,Self-employed,Consultant,03 Mar 2024\n"
    b"Erik,Berg,https://www.linkedin.com/in/erik-berg,,,,05 May 2024\n"
)
LATER_CONNECTION = (
    b"Finn,Olsen,https://www.linkedin.com/in/finn-olsen,,Initech,Analyst,10 Oct 2025\n"
)

# fmt: off
MESSAGES = [
    # one-to-one with Ana: two out, one in
    _row("2-YW5h", "", "Maria Silva", OWNER_URL, "Ana González", ANA, "2025-01-10 09:00:00", "Hi Ana"),
    _row("2-YW5h", "", "Ana González", ANA, "Maria Silva", OWNER_URL, "2025-01-10 10:00:00", "Hi Maria"),
    _row("2-YW5h", "", "Maria Silva", OWNER_URL, "Ana González", ANA, "2025-01-11 09:00:00", "Coffee?"),
    # one-to-one with Bob: one in
    _row("2-Ym9i", "", "Bob Lee", BOB, "Maria Silva", OWNER_URL, "2025-02-01 08:00:00", "Hello"),
    # group 1: Maria, Ana, Bob, Chen
    _row("2-ZzE=", "Team", "Maria Silva", OWNER_URL, "Ana González,Bob Lee,Chen Wei", f"{ANA},{BOB},{CHEN}", "2025-03-01 09:00:00", "Kick-off"),
    _row("2-ZzE=", "Team", "Ana González", ANA, "Maria Silva,Bob Lee,Chen Wei", f"{OWNER_URL},{BOB},{CHEN}", "2025-03-02 09:00:00", "Works for me"),
    # group 2: Maria, Bob, Ana, Erik (the owner never writes)
    _row("2-ZzI=", "Reunion", "Bob Lee", BOB, "Maria Silva,Ana González,Erik Berg", f"{OWNER_URL},{ANA},{ERIK}", "2025-04-01 12:00:00", "Who is in?"),
]
LATER_MESSAGES = [
    # group 3, after the cut: Chen writes to Maria and Erik
    _row("2-ZzM=", "", "Chen Wei", CHEN, "Maria Silva,Erik Berg", f"{OWNER_URL},{ERIK}", "2025-09-01 12:00:00", "Lunch?"),
]
# fmt: on

INVITATIONS = (
    b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    b'Maria Silva,Chen Wei,"1/20/24, 10:00 AM",Loved your talk,OUTGOING,https://www.linkedin.com/in/maria-silva-42,https://www.linkedin.com/in/chen-wei-7b2\n'
    b'Dana Kim,Maria Silva,"3/1/24, 9:00 AM",,INCOMING,https://www.linkedin.com/in/dana-kim,https://www.linkedin.com/in/maria-silva-42\n'
)
ENDORSEMENTS_RECEIVED = (
    b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
    b"2024/06/26 00:52:03 UTC,Python,Ana,Gonz\xc3\xa1lez,www.linkedin.com/in/ana-gonzalez,ACCEPTED\n"
)
ENDORSEMENTS_GIVEN = (
    b"Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n"
    b"2024/07/01 08:30:00 UTC,Leadership,Bob,Lee,www.linkedin.com/in/bob-lee,ACCEPTED\n"
)
RECOMMENDATIONS_RECEIVED = (
    b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    b'Ana,Gonz\xc3\xa1lez,Acme,Lead Engineer,"Maria is rigorous.","07/15/24, 09:11 PM",VISIBLE\n'
)


def network_export(*, later: bool = True) -> dict[str, bytes]:
    """The hand-built network; ``later`` adds Finn (connected Oct 2025) and group 3 (Sep 2025)."""
    messages = MESSAGES + (LATER_MESSAGES if later else [])
    return {
        "Profile.csv": PROFILE_CSV,
        "Connections.csv": CONNECTIONS + (LATER_CONNECTION if later else b""),
        "messages.csv": HEADER_2023 + b"".join(messages),
        "Invitations.csv": INVITATIONS,
        "Endorsement_Received_Info.csv": ENDORSEMENTS_RECEIVED,
        "Endorsement_Given_Info.csv": ENDORSEMENTS_GIVEN,
        "Recommendations_Received.csv": RECOMMENDATIONS_RECEIVED,
    }


CUT = "2025-06-30"
COUNTS = ("messages", "invitations", "endorsements", "recommendations")


@pytest.fixture
def network(load):
    return load(network_export())


def counts(G: nx.DiGraph, u: str, v: str) -> tuple[int, ...]:
    return tuple(G.edges[u, v][name] for name in COUNTS)


# --- nodes ---------------------------------------------------------------------------------------


def test_node_kinds(network):
    G = build_graph(network)
    kinds = nx.get_node_attributes(G, "kind")
    assert kinds[OWNER_ID] == "owner"
    contacts = {n for n, k in kinds.items() if k == "contact"}
    assert contacts == {
        "ana-gonzalez",
        "bob-lee",
        "chen-wei-7b2",
        "dana-kim",
        "erik-berg",
        "finn-olsen",
    }
    companies = {n for n, k in kinds.items() if k == "company"}
    assert companies == {"company:Acme", "company:Globex", "company:Initech"}
    assert set(kinds.values()) == {"owner", "contact", "company"}


def test_owner_is_never_a_contact(network):
    G = build_graph(network)
    assert [n for n, k in G.nodes(data="kind") if k == "owner"] == [OWNER_ID]
    assert G.graph["owner"] == OWNER_ID
    for u, v, kind in G.edges(data="kind"):
        if OWNER_ID in (u, v):
            assert kind == "direct"


def test_contacts_carry_people_attributes(network):
    G = build_graph(network)
    bob = G.nodes["bob-lee"]
    assert bob["name"] == "Bob Lee"
    assert bob["label"] == "Bob Lee"
    assert bob["company"] == "Globex"
    assert bob["position"] == "Product Manager"
    assert bob["email"] == "bob@example.com"
    assert bob["connected_on"] == "2023-11-08T00:00:00+00:00"
    assert bob["is_connection"] is True
    assert bob["interactions"] == 4  # endorsement given, two messages in, one group message out
    assert "email" not in G.nodes["ana-gonzalez"]  # missing: left out, never NA


# --- owner edges ---------------------------------------------------------------------------------


def test_edge_counts_both_ways(network):
    G = build_graph(network)
    # (messages, invitations, endorsements, recommendations) in the edge's direction
    assert counts(G, OWNER_ID, "ana-gonzalez") == (3, 0, 0, 0)
    assert counts(G, "ana-gonzalez", OWNER_ID) == (2, 0, 1, 1)
    assert counts(G, OWNER_ID, "bob-lee") == (1, 0, 1, 0)
    assert counts(G, "bob-lee", OWNER_ID) == (2, 0, 0, 0)
    assert counts(G, OWNER_ID, "chen-wei-7b2") == (1, 1, 0, 0)
    assert counts(G, "chen-wei-7b2", OWNER_ID) == (1, 0, 0, 0)
    assert counts(G, "dana-kim", OWNER_ID) == (0, 1, 0, 0)
    assert counts(G, OWNER_ID, "dana-kim") == (0, 0, 0, 0)
    assert G.edges[OWNER_ID, "ana-gonzalez"]["kind"] == "direct"
    assert G.edges[OWNER_ID, "ana-gonzalez"]["proxy"] is False


def test_edge_counts_add_up_to_the_interactions(network):
    G = build_graph(network)
    events = network.interactions[network.interactions["channel"] != "connection"]
    total = sum(
        sum(d[name] for name in COUNTS) for _, _, d in G.edges(data=True) if d["kind"] == "direct"
    )
    assert total == len(events)


def test_strength_is_the_tie_strength_score(network):
    G = build_graph(network)
    scores = nk.tie_strength(network).set_index("person_id")["score"]
    for person_id in ("ana-gonzalez", "bob-lee", "chen-wei-7b2"):
        assert G.edges[OWNER_ID, person_id]["strength"] == pytest.approx(scores[person_id])
        assert G.edges[person_id, OWNER_ID]["strength"] == pytest.approx(scores[person_id])
        assert 0 <= G.edges[OWNER_ID, person_id]["strength"] <= 100


def test_silent_contact_has_unknown_strength_not_zero(network):
    G = build_graph(network)
    erik = G.nodes["erik-berg"]
    assert erik["silent"] is True
    assert erik["interactions"] == 0
    for edge in ((OWNER_ID, "erik-berg"), ("erik-berg", OWNER_ID)):
        assert counts(G, *edge) == (0, 0, 0, 0)
        assert G.edges[edge]["connected"] is True
        assert "strength" not in G.edges[edge]


def test_strength_can_be_left_out(network):
    G = build_graph(network, strength=False)
    assert not any("strength" in d for _, _, d in G.edges(data=True))


# --- proxy edges ---------------------------------------------------------------------------------


def test_co_member_counts_from_group_threads(network):
    G = build_graph(network)
    co_member = {
        (u, v): d["conversations"] for u, v, d in G.edges(data=True) if d["kind"] == "co_member"
    }
    expected = {
        ("ana-gonzalez", "bob-lee"): 2,  # groups 1 and 2
        ("ana-gonzalez", "chen-wei-7b2"): 1,
        ("bob-lee", "chen-wei-7b2"): 1,
        ("ana-gonzalez", "erik-berg"): 1,  # group 2: Erik never wrote, was a recipient
        ("bob-lee", "erik-berg"): 1,
        ("chen-wei-7b2", "erik-berg"): 1,  # group 3
    }
    both_ways = {**expected, **{(v, u): n for (u, v), n in expected.items()}}
    assert co_member == both_ways
    assert all(G.edges[e]["proxy"] is True for e in co_member)


def test_one_to_one_threads_make_no_co_member_edge(load):
    ex = load({"Profile.csv": PROFILE_CSV, "messages.csv": HEADER_2023 + b"".join(MESSAGES[:4])})
    G = build_graph(ex)
    assert not [e for e in G.edges(data="kind") if e[2] == "co_member"]


def test_works_at_edges_link_contacts_to_company_nodes(network):
    G = build_graph(network)
    works = sorted((u, v) for u, v, k in G.edges(data="kind") if k == "works_at")
    assert works == [
        ("ana-gonzalez", "company:Acme"),
        ("bob-lee", "company:Globex"),
        ("chen-wei-7b2", "company:Acme"),
        ("finn-olsen", "company:Initech"),
    ]  # Dana is self-employed and Erik has no company: no node for either
    acme = G.nodes["company:Acme"]
    assert acme == {"kind": "company", "label": "Acme", "name": "Acme", "contacts": 2}
    assert all(G.edges[e]["proxy"] is True for e in works)


def test_companies_are_never_cliques(load):
    rows = b"".join(
        f"P{i},Worker,https://www.linkedin.com/in/worker-{i},,Acme,Engineer,01 Jan 2024\n".encode()
        for i in range(40)
    )
    ex = load({"Profile.csv": PROFILE_CSV, "Connections.csv": CONNECTIONS[:70] + rows})
    G = build_graph(ex, strength=False)
    contact_pairs = [
        (u, v) for u, v in G.edges if G.nodes[u]["kind"] == G.nodes[v]["kind"] == "contact"
    ]
    assert contact_pairs == []
    assert G.in_degree("company:Acme") == 40


def test_connections_only_export_gives_a_graph(load):
    """No messages file: every contact is silent, no strength, no co_member edge, no error."""
    ex = load({"Profile.csv": PROFILE_CSV, "Connections.csv": CONNECTIONS})
    G = build_graph(ex)
    assert {n for n, k in G.nodes(data="kind") if k == "contact"} == {
        "ana-gonzalez", "bob-lee", "chen-wei-7b2", "dana-kim", "erik-berg",
    }  # fmt: skip
    assert all(G.nodes[n]["silent"] for n in G if G.nodes[n]["kind"] == "contact")
    assert not any("strength" in d for _, _, d in G.edges(data=True))
    assert graph_measures(G).empty


def test_companies_can_be_left_out(network):
    G = build_graph(network, companies=False)
    assert not [n for n, k in G.nodes(data="kind") if k == "company"]
    assert not [e for e in G.edges(data="kind") if e[2] == "works_at"]


# --- GraphML / GEXF ------------------------------------------------------------------------------

SAFE = (str, int, float, bool)


def test_attributes_are_graphml_safe(network):
    G = build_graph(network)
    every = [G.graph, *(d for _, d in G.nodes(data=True)), *(d for _, _, d in G.edges(data=True))]
    for data in every:
        for key, value in data.items():
            assert isinstance(value, SAFE), (key, value)
            assert not (isinstance(value, float) and math.isnan(value)), key
            assert value is not pd.NA


def test_sample_attributes_are_graphml_safe():
    ex = nk.load_export("data/sample/Complete_LinkedInDataExport_11-16-2026.zip")
    G = build_graph(ex)
    for data in [*(d for _, d in G.nodes(data=True)), *(d for _, _, d in G.edges(data=True))]:
        assert all(type(v) in SAFE for v in data.values()), data
        assert not any(isinstance(v, float) and math.isnan(v) for v in data.values()), data


def test_graphml_round_trip(network, tmp_path):
    G = build_graph(network)
    path = write_graph(G, tmp_path / "network.graphml")
    back = nx.read_graphml(path)
    assert isinstance(back, nx.DiGraph)
    assert dict(back.nodes(data=True)) == dict(G.nodes(data=True))
    assert {(u, v): d for u, v, d in back.edges(data=True)} == {
        (u, v): d for u, v, d in G.edges(data=True)
    }
    assert back.graph["as_of"] == G.graph["as_of"]


def test_gexf_round_trip(network, tmp_path):
    G = build_graph(network)
    path = write_graph(G, tmp_path / "network.gexf")
    back = nx.read_gexf(path)
    assert set(back.nodes) == set(G.nodes)
    assert set(back.edges) == set(G.edges)
    assert back.nodes["bob-lee"]["label"] == "Bob Lee"
    assert back.nodes["bob-lee"]["kind"] == "contact"
    assert back.edges[OWNER_ID, "ana-gonzalez"]["messages"] == 3
    assert back.edges["ana-gonzalez", "bob-lee"]["conversations"] == 2


def test_networkx_writers_work_directly(network, tmp_path):
    G = build_graph(network)
    nx.write_graphml(G, tmp_path / "a.graphml")
    nx.write_gexf(G, tmp_path / "a.gexf")
    assert nx.read_graphml(tmp_path / "a.graphml").number_of_edges() == G.number_of_edges()


def test_write_graph_refuses_unknown_suffix(network, tmp_path):
    with pytest.raises(ValueError, match=r"\.graphml or \.gexf"):
        write_graph(build_graph(network), tmp_path / "network.json")


# --- as_of ---------------------------------------------------------------------------------------


def snapshot(G: nx.DiGraph) -> tuple[dict, dict, dict]:
    return dict(G.graph), dict(G.nodes(data=True)), {(u, v): d for u, v, d in G.edges(data=True)}


def test_as_of_cuts_later_data(network):
    G = build_graph(network, as_of=CUT)
    assert "finn-olsen" not in G  # connected after the cut
    assert "company:Initech" not in G
    assert ("chen-wei-7b2", "erik-berg") not in G.edges  # group 3 came later
    assert counts(G, "chen-wei-7b2", OWNER_ID) == (0, 0, 0, 0)
    assert G.nodes["chen-wei-7b2"]["last_interaction"] == "2025-03-01T09:00:00+00:00"
    assert G.graph["as_of"] == "2025-06-30T23:59:59.999999+00:00"


def test_as_of_result_identical_without_later_data(load):
    with_later = build_graph(load(network_export(later=True)), as_of=CUT)
    without = build_graph(load(network_export(later=False)), as_of=CUT)
    assert snapshot(with_later) == snapshot(without)


# --- graph measures ------------------------------------------------------------------------------


def hand_graph() -> nx.DiGraph:
    """Two closed groups of four, joined by one contact who knows one person in each."""
    G = nx.DiGraph(as_of="2025-12-05T23:59:59.999999+00:00")
    G.add_node("me", kind="owner")
    people = ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4", "bridge", "quiet", "solo"]
    for p in people:
        G.add_node(p, kind="contact", name=p.upper(), interactions=0 if p == "quiet" else 3)
        G.add_edge("me", p, kind="direct")
    ties = [*combinations(["a1", "a2", "a3", "a4"], 2), *combinations(["b1", "b2", "b3", "b4"], 2)]
    ties += [("bridge", "a1"), ("bridge", "b1"), ("quiet", "a2"), ("quiet", "b2")]
    for u, v in ties:
        G.add_edge(u, v, kind="co_member", conversations=1)
        G.add_edge(v, u, kind="co_member", conversations=1)
    return G


def test_measures_cover_contacts_with_interactions_only():
    result = graph_measures(hand_graph())
    assert set(result["person_id"]) == {
        "a1",
        "a2",
        "a3",
        "a4",
        "b1",
        "b2",
        "b3",
        "b4",
        "bridge",
        "solo",
    }
    assert list(result.columns) == [
        "person_id", "name", "community", "community_size", "co_members", "coworkers",
        "proxy_ties", "constraint", "betweenness", "is_broker",
    ]  # fmt: skip


def test_measures_find_the_two_groups():
    result = graph_measures(hand_graph()).set_index("person_id")
    a = set(result.loc[["a1", "a2", "a3", "a4"], "community"])
    b = set(result.loc[["b1", "b2", "b3", "b4"], "community"])
    assert len(a) == len(b) == 1
    assert a != b
    assert pd.isna(result.loc["solo", "community"])  # no proxy tie, no community


def test_measures_find_the_broker():
    result = graph_measures(hand_graph(), broker_share=0.1)
    assert result.loc[result["is_broker"], "person_id"].tolist() == ["bridge"]
    assert result.iloc[0]["person_id"] == "bridge"  # brokers first
    by_id = result.set_index("person_id")
    assert by_id.loc["bridge", "constraint"] == pytest.approx(0.5)
    assert by_id.loc["bridge", "betweenness"] == by_id["betweenness"].max()
    assert math.isnan(by_id.loc["solo", "constraint"])


def test_measures_are_labelled_as_proxy_based():
    result = graph_measures(hand_graph())
    assert result.attrs["basis"] == "proxy"
    assert "proxies" in result.attrs["note"]
    assert result.attrs["params"]["seed"] == 0
    assert result.attrs["params"]["broker_share"] == 0.05


def test_measures_count_coworkers_through_company_nodes():
    G = nx.DiGraph(as_of="2025-12-05T00:00:00+00:00")
    for p in ("x", "y", "z"):
        G.add_node(p, kind="contact", interactions=1)
    G.add_node("company:Acme", kind="company")
    G.add_node("company:Solo", kind="company")
    G.add_edges_from(
        [("x", "company:Acme"), ("y", "company:Acme"), ("z", "company:Solo")], kind="works_at"
    )
    result = graph_measures(G).set_index("person_id")
    assert result.loc["x", "coworkers"] == 1
    assert result.loc["z", "coworkers"] == 0  # a company with one such contact is no tie
    assert result.loc["z", "proxy_ties"] == 0
    assert result.loc["x", "community"] == result.loc["y", "community"]


def test_measures_empty_without_interactions():
    G = nx.DiGraph(as_of="2025-12-05T00:00:00+00:00")
    G.add_node("a", kind="contact", interactions=0)
    result = graph_measures(G)
    assert result.empty
    assert result.attrs["reason"]
    assert str(result["constraint"].dtype) == "float64"
    assert str(result["community"].dtype) == "Int64"


def test_sampled_betweenness_is_seeded():
    G = hand_graph()
    first = graph_measures(G, exact_up_to=3, betweenness_samples=4, seed=7)
    second = graph_measures(G, exact_up_to=3, betweenness_samples=4, seed=7)
    assert first.attrs["exact_betweenness"] is False
    pd.testing.assert_frame_equal(first, second)


def test_measures_on_a_built_graph(network):
    result = graph_measures(build_graph(network))
    # Erik never interacted: not measured; Ana, Bob and Chen share group threads
    assert "erik-berg" not in set(result["person_id"])
    by_id = result.set_index("person_id")
    assert by_id.loc["ana-gonzalez", "co_members"] == 2  # Bob and Chen (Erik is silent)
    assert by_id.loc["ana-gonzalez", "coworkers"] == 1  # Chen at Acme


def test_sample_group_conversations_become_co_member_edges():
    from netkit.sample import build_sample

    sample = build_sample()
    ex = nk.load_export("data/sample/Complete_LinkedInDataExport_11-16-2026.zip")
    G = build_graph(ex)
    for group in sample.stories["group_conversations"]:
        for u, v in combinations(group["member_ids"], 2):
            assert G.edges[u, v]["kind"] == "co_member"
            assert G.edges[v, u]["conversations"] >= 1


# --- Burt's constraint ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=30))
def test_constraint_matches_networkx(edges):
    H = nx.Graph()
    H.add_nodes_from(range(10))
    H.add_edges_from((u, v) for u, v in edges if u != v)
    expected = nx.constraint(H)
    found = burt_constraint(H)
    for node in H:
        if math.isnan(expected[node]):
            assert math.isnan(found[node])
        else:
            assert found[node] == pytest.approx(expected[node])


# --- co_member counting --------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sets(st.sampled_from("abcdefg"), max_size=6), max_size=8))
def test_co_member_pairs_count_shared_conversations(groups):
    from netkit.graph import _co_member_pairs

    members = pd.DataFrame(
        [(f"c{i}", p) for i, group in enumerate(groups) for p in group],
        columns=["conversation", "person_id"],
    ).astype("str")
    found = {(s, t): n for s, t, n in _co_member_pairs(members).itertuples(index=False)}
    expected: dict[tuple[str, str], int] = {}
    for group in groups:
        for pair in combinations(sorted(group), 2):
            expected[pair] = expected.get(pair, 0) + 1
    assert found == expected


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 40),
    st.lists(st.tuples(st.integers(0, 39), st.integers(0, 39)), max_size=120),
    st.one_of(st.none(), st.integers(1, 12)),
    st.integers(0, 3),
)
def test_vectorized_betweenness_equals_networkx(n, edges, k, seed):
    """Exact and sampled (same seed, same sources), isolated nodes, self-loops, components."""
    from netkit.graph import betweenness

    H = nx.Graph()
    H.add_nodes_from(f"p{i}" for i in range(n))
    H.add_edges_from((f"p{u % n}", f"p{v % n}") for u, v in edges)
    k = None if k is None else min(k, n)
    expected = nx.betweenness_centrality(H, k=k, seed=seed, normalized=True)
    got = betweenness(H, k=k, seed=seed)
    assert got.keys() == expected.keys()
    for node, value in expected.items():
        assert got[node] == pytest.approx(value, rel=1e-9, abs=1e-12, nan_ok=True), node


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=14),
    st.lists(st.integers(0, 7), max_size=25),
    st.integers(0, 3),
    st.integers(0, 3),
    st.one_of(st.none(), st.integers(1, 20)),
    st.integers(0, 3),
)
def test_betweenness_with_many_leaves_equals_networkx(core, leaves, pairs, alone, k, seed):
    """The shape of the proxy graph at scale: a small core, most nodes leaves hanging off it
    (employees of one company), lone pairs and isolated contacts; sampled leaves included."""
    from netkit.graph import betweenness

    H = nx.Graph()
    H.add_edges_from((f"c{u}", f"c{v}") for u, v in core)
    H.add_edges_from((f"c{hub}", f"leaf{i}") for i, hub in enumerate(leaves))
    H.add_edges_from((f"a{i}", f"b{i}") for i in range(pairs))
    H.add_nodes_from(f"alone{i}" for i in range(alone))
    k = None if k is None else min(k, H.number_of_nodes())
    expected = nx.betweenness_centrality(H, k=k, seed=seed, normalized=True)
    got = betweenness(H, k=k, seed=seed)
    assert got.keys() == expected.keys()
    for node, value in expected.items():
        assert got[node] == pytest.approx(value, rel=1e-9, abs=1e-12, nan_ok=True), node


def _louvain_groups(H: nx.Graph) -> list[set]:
    """`netkit.graph._louvain`'s communities of `H`, as sets of nodes."""
    from netkit.graph import _louvain, _Proxy

    proxy = _Proxy.from_networkx(H)
    group = _louvain(proxy, resolution=1.0, seed=0)
    found: dict[int, set] = {}
    for node, number in zip(proxy.labels, group.tolist(), strict=True):
        if number >= 0:
            found.setdefault(number, set()).add(node)
    return list(found.values())


def test_louvain_folds_leaves_into_their_neighbours_community():
    """Two triangles joined by one edge, each with leaves; a lone pair of leaves apart."""
    H = nx.Graph()
    H.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x")])
    H.add_edge("c", "x")
    H.add_edges_from([("a", "a1"), ("a", "a2"), ("z", "z1")])
    H.add_edge("p", "q")
    groups = sorted(sorted(g) for g in _louvain_groups(H))
    assert groups == [["a", "a1", "a2", "b", "c"], ["p", "q"], ["x", "y", "z", "z1"]]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=60))
def test_louvain_partitions_every_tied_node_once(edges):
    H = nx.Graph()
    H.add_edges_from((f"n{u}", f"n{v}") for u, v in edges if u != v)
    groups = _louvain_groups(H)
    seen = [n for g in groups for n in g]
    assert sorted(seen) == sorted(n for n in H if H.degree(n) > 0)
    for leaf in (n for n in H if H.degree(n) == 1):
        (neighbour,) = H[leaf]
        assert any(leaf in g and neighbour in g for g in groups)


def test_communities_are_the_same_in_every_process():
    """String hashes change from one Python process to the next; communities must not."""
    import json
    import os
    import subprocess
    import sys

    script = (
        "import json, netkit as nk\n"
        "ex = nk.load_export('data/sample/Complete_LinkedInDataExport_11-16-2026.zip')\n"
        "m = nk.graph_measures(nk.build_graph(ex))\n"
        "print(json.dumps(m[['person_id', 'community', 'betweenness']].astype(str).values.tolist()))"
    )
    runs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
        )
        runs.append(json.loads(out.stdout))
    assert runs[0] == runs[1]
    assert any(row[1] != "<NA>" for row in runs[0])


def test_the_cycle_collector_is_paused_only_while_the_graph_is_built(network):
    """`build_graph` and `graph_measures` pause Python's cycle collector while they make
    their many small dicts, and leave it as they found it, on an error too."""
    import gc

    from netkit.graph import _without_cycle_collection

    seen = []
    watch = _without_cycle_collection(lambda: seen.append(gc.isenabled()))
    watch()
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        watch()
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()

    def fail() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        _without_cycle_collection(fail)()
    assert gc.isenabled()
    build_graph(network)
    assert gc.isenabled()
