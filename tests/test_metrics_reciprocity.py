# ruff: noqa: E501
"""reciprocity and reciprocity_summary (metrics.md, "reciprocity").

Spec: one row per contact with at least one message either way: ``sent, received`` (a group
message to three counts once per recipient), ``balance = (sent - received) / (sent +
received)``, threads started by each side (a thread restarts after 30 days of silence),
``owner_replied_share`` / ``they_replied_share`` (answered within 7 days), median reply hours
both ways, endorsements and recommendations both ways. Network level: networkx reciprocity of
the message graph, two-way share, unanswered inbound / outbound, give/receive ratios. A group
thread is not a relationship: threads, answers, reply times and every network figure are
judged on one-to-one messages only (the lead's rule; ``sent`` / ``received`` still count group
messages). Every
threshold a keyword recorded in ``attrs``; nothing after ``as_of`` counts; no messages file →
an empty, typed result with a reason.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from fixtures import OWNER_URL, PROFILE_CSV, export_as_of, ts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netkit as nk
from netkit.metrics.reciprocity import RECIPROCITY_COLUMNS, reciprocity_summary

HEADER = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
BOB = "https://www.linkedin.com/in/bob-lee"
CHEN = "https://www.linkedin.com/in/chen-wei-7b2"
DANA = "https://www.linkedin.com/in/dana-ray"
EVE = "https://www.linkedin.com/in/eve-moss"

CONNECTIONS_CSV = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
    b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,02 Jan 2024\n"
    b"Dana,Ray,https://www.linkedin.com/in/dana-ray,,Acme,Designer,03 Jan 2024\n"
    b"Eve,Moss,https://www.linkedin.com/in/eve-moss,,Umbrella,Engineer,04 Jan 2024\n"
)

# Bob: a two-message burst answered once (both answered), a new thread by the owner after 59
# days of silence, an answer that comes too late (19 days), a new thread by Bob never answered.
# Chen and Dana: one group message from the owner to both; Chen answers in the group an hour
# later (a group thread: counted in sent / received, not an exchange). Eve: writes two days before the export date (the answer may still come).
MESSAGES_CSV = HEADER + (
    b"2-Ym9i,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-01-01 10:00:00 UTC,,Hi!,INBOX\n"
    b"2-Ym9i,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-01-01 10:01:00 UTC,,Are you free Tuesday?,INBOX\n"
    b"2-Ym9i,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Lee,https://www.linkedin.com/in/bob-lee,2025-01-01 12:01:00 UTC,,Yes!,INBOX\n"
    b"2-Ym9i,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Lee,https://www.linkedin.com/in/bob-lee,2025-03-01 09:00:00 UTC,,How did it go?,INBOX\n"
    b"2-Ym9i,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-03-20 09:00:00 UTC,,Great,INBOX\n"
    b"2-Ym9i,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-06-01 09:00:00 UTC,,Hello again,INBOX\n"
    b'2-Z3Jw,Lunch,Maria Silva,https://www.linkedin.com/in/maria-silva-42,"Chen Wei,Dana Ray","https://www.linkedin.com/in/chen-wei-7b2,https://www.linkedin.com/in/dana-ray",2025-02-01 12:00:00 UTC,,Lunch?,INBOX\n'
    b'2-Z3Jw,Lunch,Chen Wei,https://www.linkedin.com/in/chen-wei-7b2,"Maria Silva,Dana Ray","https://www.linkedin.com/in/maria-silva-42,https://www.linkedin.com/in/dana-ray",2025-02-01 13:00:00 UTC,,Yes please,INBOX\n'
    b"2-ZXZl,,Eve Moss,https://www.linkedin.com/in/eve-moss,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-12-03 09:00:00 UTC,,Quick question,INBOX\n"
)

ENDORSEMENTS_RECEIVED = (
    b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
    b"2024/06/26 00:52:03 UTC,Python,Bob,Lee,www.linkedin.com/in/bob-lee,ACCEPTED\n"
    b"2024/07/26 00:52:03 UTC,SQL,Bob,Lee,www.linkedin.com/in/bob-lee,ACCEPTED\n"
)
ENDORSEMENTS_GIVEN = (
    b"Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n"
    b"2024/07/01 08:30:00 UTC,SQL,Chen,Wei,www.linkedin.com/in/chen-wei-7b2,ACCEPTED\n"
)
RECOMMENDATIONS_RECEIVED = (
    b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    b'Bob,Lee,Globex,Product Manager,"Maria is great.","07/15/24, 09:11 PM",VISIBLE\n'
)

RECIPROCITY_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_CSV,
    "messages.csv": MESSAGES_CSV,
    "Endorsement_Received_Info.csv": ENDORSEMENTS_RECEIVED,
    "Endorsement_Given_Info.csv": ENDORSEMENTS_GIVEN,
    "Recommendations_Received.csv": RECOMMENDATIONS_RECEIVED,
}


@pytest.fixture(scope="module")
def export(load_path) -> nk.Export:
    return load_path(RECIPROCITY_EXPORT)


@pytest.fixture(scope="module")
def rows(export) -> pd.DataFrame:
    return nk.reciprocity(export).set_index("person_id")


# --- per contact -------------------------------------------------------------------------------


def test_one_row_per_messaged_contact(rows):
    assert sorted(rows.index) == ["bob-lee", "chen-wei-7b2", "dana-ray", "eve-moss"]
    assert rows.loc["bob-lee", "name"] == "Bob Lee"


def test_sent_received_and_balance(rows):
    bob = rows.loc["bob-lee"]
    assert (bob["sent"], bob["received"]) == (2, 4)
    assert bob["balance"] == pytest.approx((2 - 4) / 6)
    assert rows.loc["eve-moss", "balance"] == -1
    assert rows.loc["dana-ray", "balance"] == 1


def test_group_message_counts_once_per_recipient(rows):
    # One group message to Chen and Dana: one message sent to each.
    assert rows.loc["chen-wei-7b2", "sent"] == 1
    assert rows.loc["dana-ray", "sent"] == 1
    # Chen's answer to the group is Chen's message to the owner, not Dana's.
    assert rows.loc["chen-wei-7b2", "received"] == 1
    assert rows.loc["dana-ray", "received"] == 0


def test_thread_restarts_after_30_days_of_silence(rows):
    bob = rows.loc["bob-lee"]
    # Jan 1 (Bob), Mar 1 after 59 days (owner), Jun 1 after 73 days (Bob); Mar 20 is 19 days
    # after Mar 1: same thread.
    assert bob["threads_started_by_them"] == 2
    assert bob["threads_started_by_owner"] == 1


def test_thread_gap_is_a_keyword(export):
    ex = export
    bob = nk.reciprocity(ex, thread_gap="10D").set_index("person_id").loc["bob-lee"]
    # With 10 days, Mar 20 (19 days after Mar 1) starts a thread too.
    assert bob["threads_started_by_them"] == 3
    assert bob["threads_started_by_owner"] == 1


def test_a_burst_answered_once_counts_every_message_answered(rows):
    # Bob's "Hi!" and "Are you free Tuesday?" both got the owner's "Yes!" within 7 days; his
    # Mar 20 and Jun 1 messages got no answer: 2 of 4.
    assert rows.loc["bob-lee", "owner_replied_share"] == pytest.approx(0.5)


def test_an_answer_after_the_window_is_not_an_answer(rows):
    # The owner's Jan 1 message got Bob's next message 78 days later, Mar 1 got one 19 days
    # later: neither within 7 days.
    assert rows.loc["bob-lee", "they_replied_share"] == 0
    # Chen's answer in the group thread is no answer to judge: group threads do not count as
    # an exchange, and neither Chen nor Dana has a one-to-one message.
    assert np.isnan(rows.loc["chen-wei-7b2", "they_replied_share"])
    assert np.isnan(rows.loc["dana-ray", "they_replied_share"])


def test_reply_window_is_a_keyword(export):
    ex = export
    bob = nk.reciprocity(ex, reply_window="30D").set_index("person_id").loc["bob-lee"]
    # Bob's Mar 20 answer to the owner's Mar 1 message is within 30 days.
    assert bob["they_replied_share"] == pytest.approx(0.5)


def test_shares_are_nan_without_a_message_to_judge(rows):
    # Eve wrote two days before as_of: the owner's 7 days are not over, so no verdict yet.
    assert np.isnan(rows.loc["eve-moss", "owner_replied_share"])
    # The owner never wrote to Eve.
    assert np.isnan(rows.loc["eve-moss", "they_replied_share"])


def test_median_reply_hours_both_ways(rows):
    # The owner answered Bob's burst 2 hours after its last message; Bob's only later message
    # came after the window, so it is not a timed reply.
    assert rows.loc["bob-lee", "owner_median_reply_hours"] == pytest.approx(2.0)
    assert np.isnan(rows.loc["bob-lee", "their_median_reply_hours"])
    # Chen's answer an hour later came in the group thread: not a timed reply.
    assert np.isnan(rows.loc["chen-wei-7b2", "their_median_reply_hours"])
    assert np.isnan(rows.loc["chen-wei-7b2", "owner_median_reply_hours"])


def test_endorsements_and_recommendations_both_ways(rows):
    bob = rows.loc["bob-lee"]
    assert (bob["endorsements_received"], bob["endorsements_given"]) == (2, 0)
    assert (bob["recommendations_received"], bob["recommendations_given"]) == (1, 0)
    chen = rows.loc["chen-wei-7b2"]
    assert (chen["endorsements_received"], chen["endorsements_given"]) == (0, 1)


def test_columns_and_dtypes(rows):
    frame = rows.reset_index()
    assert list(frame.columns) == list(RECIPROCITY_COLUMNS)
    assert frame.dtypes.astype(str).to_dict() == RECIPROCITY_COLUMNS


def test_thresholds_in_attrs(export):
    ex = export
    result = nk.reciprocity(ex, thread_gap="14D")
    assert result.attrs["params"]["thread_gap"] == "14D"
    assert result.attrs["params"]["reply_window"] == "7D"
    assert result.attrs["params"]["as_of"] == ex.as_of
    assert result.attrs["reason"] is None


def test_as_of_cuts_later_messages(export):
    ex = export
    early = nk.reciprocity(ex, as_of="2025-01-31").set_index("person_id")
    assert list(early.index) == ["bob-lee"]
    assert (early.loc["bob-lee", "sent"], early.loc["bob-lee", "received"]) == (1, 2)
    # The endorsements of 2024 count; nothing after January 2025 does.
    assert early.loc["bob-lee", "endorsements_received"] == 2


def test_answer_after_as_of_does_not_count(export):
    ex = export
    # On Jan 1 at 11:00 Bob's burst is unanswered and its window still open: no verdict.
    at_eleven = nk.reciprocity(ex, as_of="2025-01-01 11:00").set_index("person_id")
    assert np.isnan(at_eleven.loc["bob-lee", "owner_replied_share"])
    assert np.isnan(at_eleven.loc["bob-lee", "owner_median_reply_hours"])


# --- network level -----------------------------------------------------------------------------


def test_summary_figures(export):
    ex = export
    summary = reciprocity_summary(ex)
    # One-to-one edges: owner<->Bob, Eve->owner: 2 of 3 edges reciprocated. Chen and Dana
    # only share a group thread with the owner: no edge, not messaged one-to-one.
    assert summary["message_reciprocity"] == pytest.approx(2 / 3)
    assert summary["two_way_share"] == pytest.approx(1 / 2)  # Bob, of Bob and Eve
    assert summary["unanswered_inbound"] == 1  # Eve
    assert summary["unanswered_outbound"] == 0  # Dana's only message was to the group
    assert summary["messaged_contacts"] == 2
    assert summary["endorsement_give_receive_ratio"] == pytest.approx(1 / 2)
    assert summary["recommendation_give_receive_ratio"] == 0  # 0 given / 1 received
    assert summary["recommendations_received"] == 1


def test_summary_reciprocity_is_networkx_reciprocity(export):
    ex = export
    events = ex.interactions
    direct = events[(events["channel"] == "message") & ~events["is_group"]]
    graph = nx.DiGraph()
    for row in direct.itertuples():
        graph.add_edge(
            *(("me", row.person_id) if row.direction == "outgoing" else (row.person_id, "me"))
        )
    assert reciprocity_summary(ex)["message_reciprocity"] == pytest.approx(nx.reciprocity(graph))


def test_summary_pooled_reply_shares(export):
    summary = reciprocity_summary(export)
    # Judged incoming one-to-one: Bob's 4 (2 answered); Chen's group message is not judged.
    assert summary["owner_replied_share"] == pytest.approx(2 / 4)
    # Judged outgoing one-to-one: Bob's 2 (0); the group message to Chen and Dana is not.
    assert summary["they_replied_share"] == 0


# --- group threads are not relationships --------------------------------------------------------

GIA = "https://www.linkedin.com/in/gia-lund"
HAL = "https://www.linkedin.com/in/hal-berg"
KAI = "https://www.linkedin.com/in/kai-ross"
LEA = "https://www.linkedin.com/in/lea-moss"
ME = f"Maria Silva,{OWNER_URL}"

# Gia: she and the owner both wrote in a group thread (with Hal, who never did). Kai: the same
# day, one-to-one each way. Lea: the owner wrote to her one-to-one; she answered in the group.
GROUP_MESSAGES_CSV = (
    HEADER
    + (
        f'2-Z3Jw,Book club,{ME},"Gia Lund,Hal Berg,Lea Moss","{GIA},{HAL},{LEA}",2025-03-01 09:00:00 UTC,,Who is in?,INBOX\n'
        f'2-Z3Jw,Book club,Gia Lund,{GIA},"Maria Silva,Hal Berg,Lea Moss","{OWNER_URL},{HAL},{LEA}",2025-03-01 10:00:00 UTC,,Me!,INBOX\n'
        f'2-Z3Jw,Book club,Lea Moss,{LEA},"Maria Silva,Gia Lund,Hal Berg","{OWNER_URL},{GIA},{HAL}",2025-03-01 11:00:00 UTC,,Me too,INBOX\n'
        f"2-a2Fp,,{ME},Kai Ross,{KAI},2025-03-01 09:30:00 UTC,,Hi Kai,INBOX\n"
        f"2-a2Fp,,Kai Ross,{KAI},{ME},2025-03-01 10:30:00 UTC,,Hi!,INBOX\n"
        f"2-bGVh,,{ME},Lea Moss,{LEA},2025-03-01 08:00:00 UTC,,Hi Lea,INBOX\n"
    ).encode()
)


def test_a_group_thread_is_not_an_exchange(load):
    ex = load({"Profile.csv": PROFILE_CSV, "messages.csv": GROUP_MESSAGES_CSV})
    rows = nk.reciprocity(ex).set_index("person_id")
    gia = rows.loc["gia-lund"]
    # Her messages still count; the thread, the answer and the reply time do not.
    assert (gia["sent"], gia["received"]) == (1, 1)
    assert gia["threads_started_by_owner"] + gia["threads_started_by_them"] == 0
    assert np.isnan(gia["they_replied_share"])
    assert np.isnan(gia["their_median_reply_hours"])
    kai = rows.loc["kai-ross"]
    assert (kai["threads_started_by_owner"], kai["they_replied_share"]) == (1, 1)
    assert kai["their_median_reply_hours"] == pytest.approx(1.0)
    assert rows.loc["lea-moss", "they_replied_share"] == 0  # her answer came in the group
    summary = reciprocity_summary(ex)
    # One-to-one: Kai both ways, Lea only from the owner; Gia and Hal are not messaged.
    assert summary["messaged_contacts"] == 2
    assert summary["two_way_share"] == pytest.approx(1 / 2)
    assert summary["unanswered_outbound"] == 1  # Lea
    assert summary["unanswered_inbound"] == 0
    assert summary["message_reciprocity"] == pytest.approx(2 / 3)  # owner<->Kai, owner->Lea


def test_only_group_threads_make_no_network_figures(load):
    # The owner and Gia wrote in the group thread; nobody wrote one-to-one.
    group_only = b"".join(GROUP_MESSAGES_CSV.splitlines(keepends=True)[1:3])
    ex = load({"Profile.csv": PROFILE_CSV, "messages.csv": HEADER + group_only})
    rows = nk.reciprocity(ex)
    assert list(rows["person_id"]) == ["gia-lund", "hal-berg", "lea-moss"]  # most messages first
    assert (rows["threads_started_by_owner"] + rows["threads_started_by_them"] == 0).all()
    summary = reciprocity_summary(ex)
    assert summary["messaged_contacts"] == 0
    assert (summary["unanswered_inbound"], summary["unanswered_outbound"]) == (0, 0)
    assert np.isnan(summary["two_way_share"])
    assert np.isnan(summary["message_reciprocity"])


# --- the export cannot tell --------------------------------------------------------------------


def test_no_messages_file_gives_an_empty_typed_result_with_a_reason(load):
    ex = load({"Profile.csv": PROFILE_CSV, "Connections.csv": CONNECTIONS_CSV})
    result = nk.reciprocity(ex)
    assert result.empty
    assert result.dtypes.astype(str).to_dict() == RECIPROCITY_COLUMNS
    assert "no messages file" in result.attrs["reason"]
    summary = reciprocity_summary(ex)
    assert np.isnan(summary["message_reciprocity"])
    assert np.isnan(summary["unanswered_inbound"])  # unknown, not 0
    assert summary.attrs["reason"] == result.attrs["reason"]


def test_no_message_before_as_of_gives_an_empty_result_with_a_reason(export):
    ex = export
    result = nk.reciprocity(ex, as_of="2024-12-31")
    assert result.empty
    assert list(result.columns) == list(RECIPROCITY_COLUMNS)
    assert "no message" in result.attrs["reason"]
    summary = reciprocity_summary(ex, as_of="2024-12-31")
    assert summary["unanswered_inbound"] == 0
    assert summary["endorsements_received"] == 2


# --- on the sample -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from netkit.sample import build_sample

    built = build_sample(size="small")
    path = built.write(tmp_path_factory.mktemp("sample"), as_zip=True)
    return built, nk.load_export(path)


def test_as_of_result_is_the_same_without_later_data(sample):
    _, ex = sample
    as_of = ts("2024-03-31 23:59:59.999999")
    full = nk.reciprocity(ex, as_of=as_of)
    assert len(full) > 10
    pd.testing.assert_frame_equal(full, nk.reciprocity(export_as_of(ex, as_of), as_of=as_of))
    pd.testing.assert_series_equal(
        reciprocity_summary(ex, as_of=as_of),
        reciprocity_summary(export_as_of(ex, as_of), as_of=as_of),
    )


def test_pitchers_are_one_way_inbound_on_the_sample(sample):
    built, ex = sample
    rows = nk.reciprocity(ex).set_index("person_id")
    pitchers = rows.loc[rows.index.intersection(built.stories["pitchers"])]
    assert len(pitchers) == len(built.stories["pitchers"])
    # A pitcher writes first, every time; the owner rarely answers.
    assert (pitchers["threads_started_by_them"] >= 1).all()
    assert (pitchers["threads_started_by_owner"] == 0).all()
    assert (pitchers["balance"] < 0).all()


def test_close_contacts_are_reciprocal_on_the_sample(sample):
    built, ex = sample
    rows = nk.reciprocity(ex).set_index("person_id")
    close = rows.loc[built.stories["close_active"]]
    assert (close["balance"].abs() < 0.5).all()
    assert (close["threads_started_by_owner"] + close["threads_started_by_them"] >= 1).all()
    assert close["owner_replied_share"].median() > 0.3


def test_sample_totals_match_interactions(sample):
    _, ex = sample
    rows = nk.reciprocity(ex)
    messages = ex.interactions[ex.interactions["channel"] == "message"]
    assert rows["sent"].sum() == (messages["direction"] == "outgoing").sum()
    assert rows["received"].sum() == (messages["direction"] == "incoming").sum()


# --- properties --------------------------------------------------------------------------------

STEP = st.tuples(st.booleans(), st.integers(min_value=1, max_value=60 * 24 * 40))


def _export_from(steps: list[tuple[bool, int]]) -> dict[str, bytes]:
    """One relationship: each step is (owner writes?, minutes since the previous message)."""
    start = pd.Timestamp("2024-01-01 08:00", tz="UTC")
    lines = []
    minutes = 0
    for owner_writes, gap in steps:
        minutes += gap
        when = (start + pd.Timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M:%S UTC")
        if owner_writes:
            who = f"Maria Silva,{OWNER_URL},Bob Lee,{BOB}"
        else:
            who = f"Bob Lee,{BOB},Maria Silva,{OWNER_URL}"
        lines.append(f"2-Ym9i,,{who},{when},,hello,INBOX\n")
    return {
        "Profile.csv": PROFILE_CSV,
        "messages.csv": HEADER + "".join(lines).encode(),
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(STEP, min_size=1, max_size=12))
def test_property_counts_shares_and_balance_are_consistent(load_path, steps):
    ex = load_path(_export_from(steps))
    row = nk.reciprocity(ex, as_of="2030-01-01").iloc[0]
    sent = sum(owner for owner, _ in steps)
    assert (row["sent"], row["received"]) == (sent, len(steps) - sent)
    assert -1 <= row["balance"] <= 1
    assert row["threads_started_by_owner"] + row["threads_started_by_them"] >= 1
    assert row["threads_started_by_owner"] + row["threads_started_by_them"] <= len(steps)
    # The first message always starts a thread, by whoever wrote it.
    first_owner = steps[0][0]
    assert row["threads_started_by_owner" if first_owner else "threads_started_by_them"] >= 1
    for share in ("owner_replied_share", "they_replied_share"):
        assert np.isnan(row[share]) or 0 <= row[share] <= 1
    # A one-sided relationship has no answers at all.
    if row["received"] == 0 or row["sent"] == 0:
        assert np.isnan(row["owner_median_reply_hours"])
        assert np.isnan(row["their_median_reply_hours"])
    # Timed replies are within the window.
    for hours in ("owner_median_reply_hours", "their_median_reply_hours"):
        assert np.isnan(row[hours]) or 0 < row[hours] <= 7 * 24
