# ruff: noqa: E501
"""Several snapshots over time: removed connections and messages merged once.

Spec: "Users analyse several snapshots over time: the diff of two Connections.csv is the only
record of removed connections." api.md: ``nk.load_history([old, new])`` (oldest to newest);
``history.latest`` is the newest snapshot with the messages of all snapshots merged once;
``history.removed_connections`` has ``person_id, name, company, last_seen_as_of`` (the as_of of
the last snapshot holding them).
"""

from __future__ import annotations

import pandas as pd
import pytest
from fixtures import OWNER_ID, PROFILE_CSV, ts

import netkit as nk

CONNECTIONS_HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ANA = b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%C3%A1lez,,Acme,Lead Engineer,14 Oct 2023\n"
BOB = b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
CHEN = b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,02 Jan 2024\n"
DANA = b"Dana,Kim,https://www.linkedin.com/in/dana-kim,,Hooli,CTO,03 Mar 2025\n"

MESSAGES_HEADER = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
MESSAGE_A = b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2024-12-01 10:00:00 UTC,,Congrats on the new role,INBOX\n"
MESSAGE_B = b"2-YW5hMQ==,,Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-01-10 09:00:00 UTC,,Coffee next week?,INBOX\n"
MESSAGE_C = b"2-YW5hMQ==,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,2025-11-07 09:15:00 UTC,,Long time no see,INBOX\n"

OLD_NAME = "Basic_LinkedInDataExport_01-15-2025"
NEW_NAME = "Basic_LinkedInDataExport_12-05-2025"
OLD_AS_OF = ts("2025-01-15 23:59:59.999999")
NEW_AS_OF = ts("2025-12-05 23:59:59.999999")

OLD_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_HEADER + ANA + BOB + CHEN,
    "messages.csv": MESSAGES_HEADER + MESSAGE_B + MESSAGE_A,
}
NEW_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_HEADER + ANA + CHEN + DANA,
    "messages.csv": MESSAGES_HEADER + MESSAGE_C + MESSAGE_B,
}


@pytest.fixture
def history(make_export):
    old = make_export(OLD_EXPORT, name=OLD_NAME)
    new = make_export(NEW_EXPORT, name=NEW_NAME)
    return nk.load_history([old, new])


def test_snapshots_in_order(history):
    assert len(history.snapshots) == 2
    assert [snapshot.as_of for snapshot in history.snapshots] == [OLD_AS_OF, NEW_AS_OF]
    assert history.latest.as_of == NEW_AS_OF


def test_removed_connection_with_last_seen_as_of(history):
    removed = history.removed_connections
    assert removed["person_id"].tolist() == ["bob-lee"]
    row = removed.iloc[0]
    assert row["name"] == "Bob Lee"
    assert row["company"] == "Globex"
    assert row["last_seen_as_of"] == OLD_AS_OF


def test_new_and_kept_connections_are_not_removed(history):
    removed = set(history.removed_connections["person_id"])
    assert "dana-kim" not in removed
    assert "ana-gonzález" not in removed
    assert "chen-wei-7b2" not in removed


def test_removed_connections_types(history):
    removed = history.removed_connections
    assert str(removed["last_seen_as_of"].dtype) == "datetime64[us, UTC]"
    assert isinstance(removed["person_id"].dtype, pd.StringDtype)


def test_messages_of_all_snapshots_merged_once(history):
    messages = history.latest.messages
    assert sorted(messages["content"]) == [
        "Coffee next week?",
        "Congrats on the new role",
        "Long time no see",
    ]


def test_latest_keeps_the_newest_connections(history):
    assert sorted(history.latest.connections["person_id"]) == [
        "ana-gonzález",
        "chen-wei-7b2",
        "dana-kim",
    ]
    assert history.latest.owner.person_id == OWNER_ID


def test_merged_messages_feed_the_latest_interactions(history):
    events = history.latest.interactions
    messages = events[events["channel"] == "message"]
    assert sorted(messages["person_id"]) == ["ana-gonzález", "ana-gonzález", "bob-lee"]


def test_last_seen_is_the_last_snapshot_holding_the_person(make_export):
    first = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA + BOB},
        name="Basic_LinkedInDataExport_01-31-2024",
    )
    second = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA + BOB},
        name="Basic_LinkedInDataExport_06-30-2024",
    )
    third = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA}, name="Basic_LinkedInDataExport_12-31-2024"
    )
    history = nk.load_history([first, second, third])
    removed = history.removed_connections
    assert removed["person_id"].tolist() == ["bob-lee"]
    assert removed["last_seen_as_of"].tolist() == [ts("2024-06-30 23:59:59.999999")]


def test_same_message_in_two_format_eras_counts_once(make_export):
    # The old snapshot predates ATTACHMENTS; the new one (2026) quotes every field.
    old = make_export(OLD_EXPORT, name=OLD_NAME)
    new_messages = (
        b'"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS","IS MESSAGE DRAFT","IS CONVERSATION DRAFT"\n'
        b'"2-YW5hMQ==","","Ana Gonz\xc3\xa1lez","https://www.linkedin.com/in/ana-gonz\xc3\xa1lez","Maria Silva","https://www.linkedin.com/in/maria-silva-42","2025-01-10 09:00:00 UTC","","Coffee next week?","INBOX","","No","No"\n'
    )
    new = make_export(
        {**NEW_EXPORT, "messages.csv": new_messages}, name="Complete_LinkedInDataExport_04-30-2026"
    )
    history = nk.load_history([old, new])
    contents = history.latest.messages["content"].tolist()
    assert contents.count("Coffee next week?") == 1
    assert sorted(contents) == ["Coffee next week?", "Congrats on the new role"]


def test_single_snapshot_history(make_export):
    only = make_export(NEW_EXPORT, name=NEW_NAME)
    history = nk.load_history([only])
    assert len(history.snapshots) == 1
    assert len(history.removed_connections) == 0
    assert sorted(history.latest.messages["content"]) == ["Coffee next week?", "Long time no see"]


def test_a_connection_back_in_the_latest_snapshot_is_not_removed(make_export):
    first = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA + BOB},
        name="Basic_LinkedInDataExport_01-31-2024",
    )
    second = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA}, name="Basic_LinkedInDataExport_06-30-2024"
    )
    third = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA + BOB},
        name="Basic_LinkedInDataExport_12-31-2024",
    )
    history = nk.load_history([first, second, third])
    assert "bob-lee" not in set(history.removed_connections["person_id"])


def test_removed_long_ago_keeps_its_last_sighting(make_export):
    first = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA + BOB},
        name="Basic_LinkedInDataExport_01-31-2024",
    )
    second = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA}, name="Basic_LinkedInDataExport_06-30-2024"
    )
    third = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA + CHEN},
        name="Basic_LinkedInDataExport_12-31-2024",
    )
    history = nk.load_history([first, second, third])
    removed = history.removed_connections.set_index("person_id")
    assert list(removed.index) == ["bob-lee"]
    assert removed.loc["bob-lee", "last_seen_as_of"] == ts("2024-01-31 23:59:59.999999")


def test_snapshots_are_ordered_by_as_of_whatever_the_argument_order(make_export):
    # sorted() of MM-DD-YYYY names puts 01-15-2025 before 12-05-2024: users will pass that order.
    old = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA + BOB},
        name="Basic_LinkedInDataExport_12-05-2024",
    )
    new = make_export(
        {"Connections.csv": CONNECTIONS_HEADER + ANA}, name="Basic_LinkedInDataExport_01-15-2025"
    )
    history = nk.load_history([new, old])
    assert [s.as_of for s in history.snapshots] == [
        ts("2024-12-05 23:59:59.999999"),
        ts("2025-01-15 23:59:59.999999"),
    ]
    assert history.latest.as_of == ts("2025-01-15 23:59:59.999999")
    assert history.removed_connections["person_id"].tolist() == ["bob-lee"]
