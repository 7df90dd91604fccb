"""The relationship graph: the owner, their contacts and where those contacts work.

`build_graph` turns an export into a :class:`networkx.DiGraph` that networkx can analyse and Gephi
can open (`write_graph` saves it as GraphML or GEXF). It holds three kinds of node and three kinds
of edge:

- ``owner`` (one node), ``contact`` (keyed by `person_id`) and ``company`` (keyed
  ``company:<name>``) nodes;
- ``direct`` edges between the owner and a contact, both ways, with what flowed in that direction
  (messages, invitations, endorsements, recommendations) and the tie-strength score;
- two *proxy* edges that stand in for contact-to-contact ties the export cannot show: ``co_member``
  (two contacts in the same group conversation, stored both ways) and ``works_at`` (a contact to
  their company: a shared employer is a path through the company node, never a clique, because
  one employer with 1,000 contacts would be 500,000 edges).

`graph_measures` finds communities and brokers among the contacts the owner interacts with. A
LinkedIn export never shows who knows whom among one's contacts, so these measures rest on the
proxy ties only, and say so.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd

from ._distinct import Labels, factorize
from .metrics import ties
from .metrics._common import (
    NON_EMPLOYERS,
    as_of_timestamp,
    empty_frame,
    interactions_until,
    record,
    rows_until,
)

if TYPE_CHECKING:
    from .export import Export

__all__ = [
    "NON_EMPLOYERS",
    "PROXY_NOTE",
    "build_graph",
    "burt_constraint",
    "graph_measures",
    "write_graph",
]

#: How the communities and brokers of `graph_measures` should be read.
PROXY_NOTE = (
    "Contact-to-contact ties are proxies: two contacts are linked when they took part in the same "
    "group conversation (co_member) or work at the same company (works_at, through the company "
    "node). A LinkedIn export does not show who knows whom among one's contacts, so communities "
    "and brokers rest on these proxies only."
)

#: The node key of an owner the export does not identify.
OWNER_FALLBACK = "owner:unknown"

#: `interactions` channel -> edge attribute counting it.
_CHANNEL_COUNTS = {
    "message": "messages",
    "invitation": "invitations",
    "endorsement": "endorsements",
    "recommendation": "recommendations",
}
_PEOPLE_TEXT = ["name", "first_name", "last_name", "company", "position", "email", "profile_url"]


def _iso(values: pd.Series) -> pd.Series:
    """UTC timestamps as ISO 8601 text (to the second), missing stays missing."""
    return values.dt.strftime("%Y-%m-%dT%H:%M:%S+00:00").astype("str")


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """One attribute dict per row, Python scalars only, missing values left out (GraphML has
    no NA: an absent attribute is how GraphML and GEXF say "unknown")."""
    rows: list[dict[str, Any]] = [{} for _ in range(len(frame))]
    for column in frame.columns:
        values = frame[column]
        present = np.flatnonzero(values.notna().to_numpy(dtype=bool))
        items = values.tolist()
        for i in present:
            rows[i][column] = items[i]
    return rows


def _collapse(values: pd.Series) -> pd.Series:
    """White space collapsed and stripped; missing stays missing."""
    return values.str.replace(r"\s+", " ", regex=True).str.strip().astype("str")


def _group_members(ex: Export, as_of: pd.Timestamp) -> pd.DataFrame:
    """``conversation, person_id``: who took part in each group conversation up to `as_of`.

    The participants of a group conversation are its senders and recipients, the owner left out.
    Drafts and sponsored messages are no participation. A message without a conversation id
    (old exports) stands alone as its own conversation.
    """
    columns = ["sent_at", "conversation_id", "sender_id", "recipient_ids"]
    messages = ex.messages
    keep = messages["is_group"] & ~messages["is_draft"] & ~messages["is_sponsored"]
    group = rows_until(messages.loc[keep.to_numpy(dtype=bool), columns], "sent_at", as_of)
    standalone = pd.Series(group.index.astype(str), index=group.index, dtype="str")
    conversation = group["conversation_id"].fillna("message:" + standalone)
    senders = pd.DataFrame({"conversation": conversation, "person_id": group["sender_id"]})
    recipients = pd.DataFrame(
        {"conversation": conversation, "person_id": group["recipient_ids"]}
    ).explode("person_id")
    members = pd.concat([senders, recipients], ignore_index=True).dropna().astype("str")
    if ex.owner.person_id is not None:
        members = members[members["person_id"] != ex.owner.person_id]
    return members.drop_duplicates(ignore_index=True)


def _co_member_pairs(members: pd.DataFrame) -> pd.DataFrame:
    """``source, target, conversations``: each pair of contacts (source < target) and the number
    of group conversations they shared."""
    both = members.merge(members, on="conversation", suffixes=("_a", "_b"))
    both = both[both["person_id_a"] < both["person_id_b"]]
    pairs = both.groupby(["person_id_a", "person_id_b"]).size()
    return pd.DataFrame(
        {
            "source": pairs.index.get_level_values(0).astype("str"),
            "target": pairs.index.get_level_values(1).astype("str"),
            "conversations": pairs.to_numpy(dtype="int64"),
        }
    )


def _contacts(
    ex: Export, ids: np.ndarray, events: pd.DataFrame, as_of: pd.Timestamp
) -> pd.DataFrame:
    """The contact nodes' attributes as they stood at `as_of`, indexed by `person_id`."""
    people = ex.people.drop_duplicates("person_id")
    index = pd.Index(ids, dtype="str", name="person_id")
    at = pd.Index(people["person_id"]).get_indexer(index)
    frame = pd.DataFrame(index=index)
    for column in _PEOPLE_TEXT:
        frame[column] = people[column].array.take(at, allow_fill=True)
    channel = events["channel"]
    connected = events.loc[(channel == "connection").to_numpy(dtype=bool), "person_id"]
    frame["is_connection"] = pd.Index(connected.unique()).get_indexer(index) >= 0
    connected_on = pd.Series(people["connected_on"].array.take(at, allow_fill=True), index=index)
    frame["connected_on"] = _iso(connected_on.where(frame["is_connection"]))
    added = ex.contacts["created_at"]  # an undated address-book entry counts as known
    known = ((added <= as_of) | added.isna()).to_numpy(dtype=bool)
    in_book = pd.Index(ex.contacts.loc[known, "person_id"].dropna().unique())
    frame["in_address_book"] = in_book.get_indexer(index) >= 0
    contact = events.loc[(channel != "connection").to_numpy(dtype=bool), ["person_id", "timestamp"]]
    bounds = contact.groupby("person_id")["timestamp"].agg(["size", "min", "max"])
    frame["interactions"] = bounds["size"].reindex(index).fillna(0).astype("int64")
    frame["first_interaction"] = _iso(bounds["min"].reindex(index))
    frame["last_interaction"] = _iso(bounds["max"].reindex(index))
    frame["silent"] = frame["interactions"] == 0
    frame.insert(0, "label", frame["name"].fillna(pd.Series(index, index=index, dtype="str")))
    frame.insert(0, "kind", "contact")
    return frame


def _direct_edges(
    contacts: pd.DataFrame, events: pd.DataFrame, strength: pd.Series | None
) -> pd.DataFrame:
    """Per-channel counts of each direction for every contact that is a connection or has
    interacted, as ``person_id, direction`` rows (counted on integer codes)."""
    tied = contacts.index[contacts["is_connection"] | (contacts["interactions"] > 0)]
    channel, direction = Labels(events["channel"]), Labels(events["direction"])
    codes, people = factorize(events["person_id"])
    at = people.get_indexer(tied)
    rows = []
    for side in ("outgoing", "incoming"):
        part = pd.DataFrame({"person_id": tied, "direction": side})
        for name, column in _CHANNEL_COUNTS.items():
            mine = channel.be(name) & direction.be(side) & (codes >= 0)
            per_code = np.append(np.bincount(codes[mine], minlength=len(people)), 0)
            part[column] = per_code[at].astype("int64")
        rows.append(part)
    edges = pd.concat(rows, ignore_index=True)
    edges.insert(1, "kind", "direct")
    edges.insert(2, "proxy", False)
    edges["connected"] = edges["person_id"].map(contacts["is_connection"]).astype(bool)
    if strength is not None:
        edges["strength"] = edges["person_id"].map(strength).astype("float64")
    return edges


def _tie_scores(ex: Export, as_of: pd.Timestamp) -> pd.Series:
    """The tie-strength score (0-100) per person, NaN for silent contacts."""
    scores = ties.tie_strength(ex, as_of=as_of)
    if scores.empty or "score" not in scores:
        return pd.Series(dtype="float64")
    scores = scores.dropna(subset=["person_id"]).drop_duplicates("person_id")
    return scores.set_index("person_id")["score"].astype("float64")


def build_graph(
    ex: Export,
    *,
    as_of: object = None,
    companies: bool = True,
    non_employers: Iterable[str] = NON_EMPLOYERS,
    strength: bool = True,
) -> nx.DiGraph:
    """The owner's network as a directed graph: who they deal with, how, and proxy ties between
    contacts, ready for networkx and for Gephi.

    Nodes are keyed by `person_id` and carry ``kind``: ``"owner"``, ``"contact"`` or
    ``"company"`` (keyed ``"company:<name>"``). Edges carry ``kind`` and ``proxy``:

    - ``"direct"`` (``proxy=False``), owner → contact and contact → owner, for every contact who
      is a connection or has interacted by `as_of`: ``messages``, ``invitations``,
      ``endorsements``, ``recommendations`` count what went in that direction (the owner's
      outgoing messages on owner → contact, the contact's on contact → owner), ``connected``
      says whether they were connected, and ``strength`` is the tie-strength score of
      `netkit.tie_strength` (0-100, the same both ways). A silent contact has no ``strength``
      attribute at all: their strength is unknown, not zero.
    - ``"co_member"`` (``proxy=True``), contact ↔ contact, stored both ways: ``conversations``
      is the number of group conversations the two took part in (as senders or recipients)
      up to `as_of`.
    - ``"works_at"`` (``proxy=True``), contact → company: the company in their profile.
      Coworkers are linked through the company node, never pairwise.

    Contact nodes carry their `people` attributes (``name, first_name, last_name, company,
    position, email, profile_url``), ``label`` (the name, else the id; Gephi shows it),
    ``connected_on`` and ``first_interaction`` / ``last_interaction`` as ISO 8601 text,
    ``is_connection``, ``in_address_book``, ``interactions`` (count, any channel but the bare
    connection) and ``silent``, all as they stood at `as_of`. Every attribute is a ``str``,
    ``int``, ``float`` or ``bool``; a missing value is an absent attribute (GraphML and GEXF have
    no NA), so `networkx.write_graphml`, `networkx.write_gexf` and `write_graph` work and the
    file opens in Gephi. ``G.graph`` holds ``as_of``, ``owner`` and ``proxy_note``.

    Parameters
    ----------
    ex : Export
        A loaded export.
    as_of : str or pandas.Timestamp, optional
        Only what happened up to this instant is used (default `ex.as_of`): people who appear
        later are no nodes, later messages count nowhere.
    companies : bool, default True
        Add company nodes and ``works_at`` edges.
    non_employers : iterable of str, default `NON_EMPLOYERS`
        Company values that name no employer ("Self-employed", "Freelance"...): no node.
    strength : bool, default True
        Compute `netkit.tie_strength` for the ``strength`` edge attribute.

    Returns
    -------
    networkx.DiGraph

    Notes
    -----
    The company is the one in Connections.csv, which is the contact's company *at export
    time*: LinkedIn does not date it, so ``works_at`` is not cut at `as_of`.

    Examples
    --------
    >>> import netkit as nk
    >>> ex = nk.load_export("data/sample/Complete_LinkedInDataExport_11-16-2026.zip")
    >>> G = nk.build_graph(ex)
    >>> G.nodes[ex.owner.person_id]["kind"]
    'owner'
    >>> from netkit.graph import graph_measures, write_graph
    >>> write_graph(G, "network.gexf")  # doctest: +SKIP
    >>> graph_measures(G).head()  # doctest: +SKIP
    """
    stamp = as_of_timestamp(ex, as_of)
    owner_id = ex.owner.person_id or OWNER_FALLBACK
    events = interactions_until(ex, stamp)
    members = _group_members(ex, stamp)
    ids = pd.unique(pd.concat([events["person_id"], members["person_id"]]).dropna())
    contacts = _contacts(ex, np.asarray(ids, dtype=object), events, stamp)
    scores = _tie_scores(ex, stamp) if strength else None

    G = nx.DiGraph(as_of=stamp.isoformat(), owner=owner_id, proxy_note=PROXY_NOTE)
    owner = {"kind": "owner", "label": ex.owner.name or owner_id, "name": ex.owner.name}
    owner["profile_url"] = ex.owner.profile_url
    G.add_node(owner_id, **{k: v for k, v in owner.items() if v is not None})
    G.add_nodes_from(zip(contacts.index, _records(contacts), strict=True))

    direct = _direct_edges(contacts, events, scores)
    outgoing = (direct["direction"] == "outgoing").to_numpy()
    attributes = _records(direct.drop(columns=["person_id", "direction"]))
    G.add_edges_from(
        (owner_id, person_id, data) if is_out else (person_id, owner_id, data)
        for person_id, is_out, data in zip(
            direct["person_id"].tolist(), outgoing, attributes, strict=True
        )
    )

    pairs = _co_member_pairs(members)
    for source, target, shared in pairs.itertuples(index=False):
        data = {"kind": "co_member", "proxy": True, "conversations": int(shared)}
        G.add_edge(source, target, **data)
        G.add_edge(target, source, **data)

    if companies:
        skip = {" ".join(str(name).split()).casefold() for name in non_employers}
        company = _collapse(contacts["company"])
        employed = company.notna() & ~company.str.casefold().isin(skip).fillna(False)
        works = company[employed.astype(bool)]
        sizes = works.value_counts()
        G.add_nodes_from(
            (
                f"company:{name}",
                {"kind": "company", "label": name, "name": name, "contacts": int(n)},
            )
            for name, n in sizes.items()
        )
        G.add_edges_from(
            (person_id, f"company:{name}", {"kind": "works_at", "proxy": True})
            for person_id, name in works.items()
        )
    return G


def burt_constraint(H: nx.Graph, nodes: Iterable[Any] | None = None) -> pd.Series:
    """Burt's constraint of `nodes` in the undirected, unweighted graph `H`, vectorized.

    Constraint is high when all of a node's contacts know each other (the node is "constrained"
    inside one group) and low when its contacts are otherwise unconnected (a broker between
    groups): c(i) = Σ_j (p_ij + Σ_q p_iq p_qj)², with p_ij = 1 / degree(i) (Burt 1992,
    *Structural Holes*). Equals `networkx.constraint` with ``weight=None`` on an undirected graph,
    but in pandas: its cost grows with the sum of the squared degrees of `nodes` only, so a
    company node with a thousand employees does not slow its employees down. Isolated nodes
    get NaN, as in networkx.
    """
    wanted = list(H.nodes) if nodes is None else list(nodes)
    labels = pd.Index(list(H.nodes))
    edges = np.array(
        [(labels.get_loc(u), labels.get_loc(v)) for u, v in H.edges() if u != v], dtype=np.int64
    ).reshape(-1, 2)
    arcs = pd.DataFrame(
        {
            "i": np.concatenate([edges[:, 0], edges[:, 1]]),
            "j": np.concatenate([edges[:, 1], edges[:, 0]]),
        }
    ).drop_duplicates()
    degree = np.bincount(arcs["i"].to_numpy(), minlength=len(labels))
    arcs["p"] = 1.0 / degree[arcs["i"].to_numpy()]
    codes = labels.get_indexer(wanted)
    mine = arcs[np.isin(arcs["i"].to_numpy(), codes)]
    via = mine.merge(arcs.rename(columns={"j": "q", "p": "p_iq"}), on="i")
    via = via[via["q"] != via["j"]]
    via = via.merge(arcs.rename(columns={"i": "q", "p": "p_qj"}), on=["q", "j"])
    indirect = (via["p_iq"] * via["p_qj"]).groupby([via["i"], via["j"]]).sum()
    mine = mine.set_index(["i", "j"])["p"]
    local = (mine + indirect.reindex(mine.index, fill_value=0.0)) ** 2
    by_node = local.groupby(level="i").sum()
    values = by_node.reindex(codes).to_numpy(dtype="float64")
    return pd.Series(values, index=pd.Index(wanted), name="constraint", dtype="float64")


def betweenness(H: nx.Graph, *, k: int | None = None, seed: int = 0) -> dict[Any, float]:
    """Normalized betweenness of every node of the undirected, unweighted graph `H`, vectorized.

    The same numbers as `networkx.betweenness_centrality` (``normalized=True``, no weights,
    the same `k` sampled sources for the same `seed`), but Brandes' algorithm runs on all
    sources of a batch at once: a breadth-first search is a sparse sum over the edge list per
    level, so 50 sources over 20,000 nodes take a fraction of a second instead of seconds.
    """
    labels = list(H.nodes)
    n = len(labels)
    if n <= 2:
        return dict.fromkeys(labels, 0.0)
    position = {node: i for i, node in enumerate(labels)}
    pairs = np.array(
        [(position[u], position[v]) for u, v in H.edges() if u != v], dtype=np.int64
    ).reshape(-1, 2)
    tail = np.concatenate([pairs[:, 0], pairs[:, 1]])
    head = np.concatenate([pairs[:, 1], pairs[:, 0]])
    order = np.argsort(head, kind="stable")
    tail, head = tail[order], head[order]

    def neighbours_sum(values: np.ndarray) -> np.ndarray:
        """For each node, the sum of `values` over its neighbours (one column per source).

        Only edges leaving a node with a non-zero value are read: a breadth-first level
        touches a small part of the graph.
        """
        out = np.zeros_like(values)
        live = values.any(axis=1)[tail]
        if live.any():
            live_heads = head[live]
            first = np.flatnonzero(np.r_[True, live_heads[1:] != live_heads[:-1]])
            out[live_heads[first]] = np.add.reduceat(values[tail[live]], first, axis=0)
        return out

    sources = labels if k is None else random.Random(seed).sample(labels, k)
    total = np.zeros(n)
    for first in range(0, len(sources), 256):
        batch = np.array([position[s] for s in sources[first : first + 256]], dtype=np.int64)
        columns = np.arange(len(batch))
        distance = np.full((n, len(batch)), -1, dtype=np.int32)
        paths = np.zeros((n, len(batch)))
        distance[batch, columns], paths[batch, columns] = 0, 1.0
        frontier, level = paths.copy(), 0
        while True:  # breadth first: count shortest paths level by level
            reached = neighbours_sum(frontier)
            new = (distance < 0) & (reached > 0)
            if not new.any():
                break
            level += 1
            distance[new], paths[new] = level, reached[new]
            frontier = np.where(new, paths, 0.0)
        dependency = np.zeros_like(paths)
        for depth in range(level, 0, -1):  # back from the farthest level (Brandes 2001)
            at_depth = distance == depth
            share = np.where(at_depth, (1.0 + dependency) / np.where(at_depth, paths, 1.0), 0.0)
            above = distance == depth - 1
            dependency[above] += (paths * neighbours_sum(share))[above]
        dependency[batch, columns] = 0.0
        total += dependency.sum(axis=1)
    # networkx's normalization: ordered (s, t) pairs, endpoints excluded, sampled sources.
    pairs_per_source = n - 2
    if k is None:
        scale = np.full(n, 1.0 / ((n - 1) * pairs_per_source))
    else:
        scale = np.full(n, 1.0 / (k * pairs_per_source))
        sampled = np.array([position[s] for s in sources], dtype=np.int64)
        scale[sampled] = 1.0 / ((k - 1) * pairs_per_source) if k > 1 else np.nan
    return dict(zip(labels, (total * scale).tolist(), strict=True))


_MEASURE_COLUMNS = {
    "person_id": "str",
    "name": "str",
    "community": "Int64",
    "community_size": "Int64",
    "co_members": "int64",
    "coworkers": "int64",
    "proxy_ties": "int64",
    "constraint": "float64",
    "betweenness": "float64",
    "is_broker": "bool",
}


def _proxy_graph(G: nx.DiGraph, active: list[Any]) -> nx.Graph:
    """Contacts with interactions, their co_member ties, and the companies two or more of them
    work at, as one undirected graph (``weight`` = shared conversations, 1 for works_at)."""
    keep = set(active)
    H = nx.Graph()
    H.add_nodes_from(active)
    employees: dict[Any, list[Any]] = {}
    for u, v, data in G.edges(data=True):
        if u not in keep:
            continue
        kind = data.get("kind")
        if kind == "co_member" and v in keep:
            H.add_edge(u, v, weight=data.get("conversations", 1))
        elif kind == "works_at":
            employees.setdefault(v, []).append(u)
    for company, people in employees.items():
        if len(people) >= 2:
            H.add_edges_from((person, company) for person in people)
            nx.set_edge_attributes(H, {(p, company): 1 for p in people}, "weight")
    return H


def graph_measures(
    G: nx.DiGraph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    broker_share: float = 0.05,
    exact_up_to: int = 2_000,
    betweenness_samples: int = 50,
) -> pd.DataFrame:
    """Communities and brokers among the contacts the owner interacts with, on proxy ties.

    Who knows whom among one's contacts is invisible in a LinkedIn export, so the graph measured
    here links two contacts when they shared a group conversation (``co_member``) or an employer
    (through the company node, for companies where two or more of these contacts work). Only
    contacts with at least one interaction by the graph's `as_of` are measured. Every number
    rests on these proxies (``attrs["basis"] == "proxy"``, ``attrs["note"]``).

    - A *community* is a group of contacts more tied to each other than to the rest (Louvain
      modularity, Blondel et al. 2008, with a fixed seed so the answer is the same every time,
      in every process). A contact with a single proxy tie joins its neighbour's community;
      Louvain runs on the others.
    - A *broker* links people who are not otherwise linked, and so sits on a "structural hole"
      (Burt 1992, *Structural Holes*). ``constraint`` is Burt's constraint: near 1 when all of
      a contact's ties are to one closed group, low when their ties lead to groups that are
      apart. ``is_broker`` marks the `broker_share` of contacts with at least two proxy ties
      that have the lowest constraint. ``betweenness`` is the share of shortest paths through
      the contact (Freeman 1977): exact up to `exact_up_to` nodes, above that estimated from
      `betweenness_samples` seeded random sources (Brandes & Pich 2007), so a 30,000-contact
      network takes seconds; ``attrs["exact_betweenness"]`` says which.

    Parameters
    ----------
    G : networkx.DiGraph
        A graph from `build_graph`.
    seed : int, default 0
        Seed of the Louvain method and of the betweenness sampling.
    resolution : float, default 1.0
        Louvain resolution: above 1 gives more, smaller communities.
    broker_share : float, default 0.05
        Share of the contacts with two or more proxy ties flagged ``is_broker``.
    exact_up_to : int, default 2000
        Largest proxy graph (contacts and companies) whose betweenness is computed exactly.
    betweenness_samples : int, default 50
        Sampled sources for betweenness above `exact_up_to` nodes.

    Returns
    -------
    pandas.DataFrame
        One row per contact with interactions, brokers first, then by constraint: ``person_id,
        name, community`` (1 = the largest; NA without proxy ties), ``community_size``
        (contacts in it), ``co_members`` (contacts they shared a group conversation with),
        ``coworkers`` (other such contacts at the same company), ``proxy_ties`` (their degree in
        the proxy graph: co-members plus their company), ``constraint`` (NaN without proxy
        ties), ``betweenness`` (0-1), ``is_broker``. Empty, with ``attrs["reason"]``, when no
        contact has interactions. ``attrs["params"]`` holds the thresholds and `as_of`.
    """
    as_of = pd.Timestamp(G.graph["as_of"]) if "as_of" in G.graph else pd.NaT
    params = {
        "seed": seed,
        "resolution": resolution,
        "broker_share": broker_share,
        "exact_up_to": exact_up_to,
        "betweenness_samples": betweenness_samples,
    }
    active = [
        n for n, d in G.nodes(data=True) if d.get("kind") == "contact" and d.get("interactions")
    ]
    if not active:
        result = empty_frame(_MEASURE_COLUMNS, "no contact has any interaction by as_of")
        result.attrs.update(basis="proxy", note=PROXY_NOTE, exact_betweenness=True)
        return record(result, as_of, **params)

    H = _proxy_graph(G, active)
    contacts = pd.Index(active, dtype="str")
    community, community_size = _communities(H, contacts, resolution=resolution, seed=seed)
    exact = H.number_of_nodes() <= exact_up_to
    samples = None if exact else min(betweenness_samples, H.number_of_nodes())
    between = betweenness(H, k=samples, seed=seed)

    is_company = {n: G.nodes[n].get("kind") == "company" for n in H}
    co_members = [sum(not is_company[v] for v in H[n]) for n in active]
    coworkers = [sum(H.degree(v) - 1 for v in H[n] if is_company[v]) for n in active]
    result = pd.DataFrame(
        {
            "person_id": contacts,
            "name": pd.Series([G.nodes[n].get("name") for n in active], dtype="str").to_numpy(),
            "community": community.to_numpy(),
            "community_size": community_size.to_numpy(),
            "co_members": co_members,
            "coworkers": coworkers,
            "proxy_ties": [H.degree(n) for n in active],
            "constraint": burt_constraint(H, active).to_numpy(),
            "betweenness": [between[n] for n in active],
        }
    ).astype({k: v for k, v in _MEASURE_COLUMNS.items() if k != "is_broker"})
    candidates = result[result["proxy_ties"] >= 2].sort_values(
        ["constraint", "person_id"], kind="stable"
    )
    n_brokers = math.ceil(broker_share * len(candidates))
    result["is_broker"] = result.index.isin(candidates.index[:n_brokers])
    result = result.sort_values(
        ["is_broker", "constraint", "person_id"],
        ascending=[False, True, True],
        na_position="last",
        ignore_index=True,
    )
    result.attrs.update(basis="proxy", note=PROXY_NOTE, exact_betweenness=exact)
    return record(result, as_of, **params)


def _communities(
    H: nx.Graph, contacts: pd.Index, *, resolution: float, seed: int
) -> tuple[pd.Series, pd.Series]:
    """Louvain community of each contact (1 = the most contacts) and its size in contacts;
    NA for contacts without proxy ties."""
    groups = _louvain(H, resolution=resolution, seed=seed)
    members = [sorted(str(n) for n in c if n in contacts) for c in groups]
    members = sorted((m for m in members if m), key=lambda m: (-len(m), m[0]))
    labels: dict[str, int] = {}
    sizes: dict[str, int] = {}
    for number, group in enumerate(members, start=1):
        for person_id in group:
            labels[person_id] = number
            sizes[person_id] = len(group)
    community = pd.Series(contacts.map(labels), index=contacts).astype("Int64")
    size = pd.Series(contacts.map(sizes), index=contacts).astype("Int64")
    return community, size


def _louvain(H: nx.Graph, *, resolution: float, seed: int) -> list[set[Any]]:
    """Louvain communities of the nodes of `H` that have ties, leaves folded in first.

    Most contacts hang off one company and nothing else. A node with a single tie belongs with
    its neighbour (anywhere else it only lowers modularity), so Louvain runs on the nodes with
    two or more ties, each leaf's tie kept as a self-loop weight of its neighbour, and the
    leaves join their neighbour's community afterwards (two leaves tied only to each other
    make one). At LinkedIn's cap that is a tenth of the nodes and a third of the time, with
    the same modularity.
    """
    degree = dict(H.degree())
    leaves = [n for n in H if degree[n] == 1]
    core = H.subgraph(n for n in H if degree[n] >= 2).copy()
    for leaf in leaves:
        ((neighbour, data),) = H[leaf].items()
        if neighbour in core:
            loop = core.get_edge_data(neighbour, neighbour, {"weight": 0})["weight"]
            core.add_edge(neighbour, neighbour, weight=loop + data.get("weight", 1))
    found = _seeded_louvain(core, resolution=resolution, seed=seed)
    community_of = {n: i for i, group in enumerate(found) for n in group}
    groups = [set(group) for group in found]
    for leaf in leaves:
        (neighbour,) = H[leaf]
        if neighbour in community_of:
            groups[community_of[neighbour]].add(leaf)
        elif neighbour not in community_of and leaf not in community_of:  # a lone pair
            community_of[leaf] = community_of[neighbour] = len(groups)
            groups.append({leaf, neighbour})
    return groups


def _seeded_louvain(G: nx.Graph, *, resolution: float, seed: int) -> list[set[Any]]:
    """`networkx`'s Louvain communities, the same in every process for the same `seed`.

    networkx keeps nodes in sets, whose order follows the hash of the node: for text keys
    that hash changes from one Python process to the next, and so would the communities. The
    nodes are numbered in sorted order first, so only the seed decides.
    """
    if not G.number_of_edges():
        return [{n} for n in G]
    nodes = sorted(G, key=str)
    number = {node: i for i, node in enumerate(nodes)}
    numbered = nx.Graph()
    numbered.add_nodes_from(range(len(nodes)))
    numbered.add_weighted_edges_from(
        sorted(
            (*sorted((number[u], number[v])), w) for u, v, w in G.edges(data="weight", default=1)
        )
    )
    found = nx.community.louvain_communities(
        numbered, weight="weight", resolution=resolution, seed=seed
    )
    return [{nodes[i] for i in group} for group in found]


def write_graph(G: nx.Graph, path: str | Path) -> Path:
    """Save `G` as GraphML (``.graphml``) or GEXF (``.gexf``), chosen by the file suffix.

    Both open in Gephi; GraphML keeps every attribute type, GEXF is Gephi's own format.
    Returns the path written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        nx.write_graphml(G, path)
    elif suffix == ".gexf":
        nx.write_gexf(G, path)
    else:
        raise ValueError(f"{path}: unknown graph format {suffix!r}; use .graphml or .gexf")
    return path
