# ruff: noqa: E501
"""One person, one id: person_id across every file, the owner, counterparts, and the event log.

api.md, "Column conventions": person_id is the slug after ``/in/``, percent-decoded, NFC,
lower-cased, without scheme/host/trailing slash/query; name-only people are matched by normalized
name to a unique known person, else ``name:<normalized name>``; ``LinkedIn Member``, empty names
and sponsored senders get NA; the owner has an id but is never in ``people`` nor an interaction's
person_id. Owner: Profile.csv name, else the URL present in most conversations, else the From of
OUTGOING invitations. Message counterparts: every recipient of an outgoing message, only the
sender of an incoming one. Interactions: channels connection/message/invitation/endorsement/
recommendation, weight 1, drafts/sponsored/assistant files excluded.
"""

from __future__ import annotations

import unicodedata
import urllib.parse

import pandas as pd
import pytest
from fixtures import OWNER_ID, PROFILE_CSV, ts
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

MESSAGES_HEADER = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT\n"

IDENTITY_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b" Ana ,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%C3%A1lez,,Acme,Lead Engineer,14 Oct 2023\n"
        b"Bob,Lee,https://www.linkedin.com/in/bob-lee/,,Globex,Product Manager,08 Nov 2023\n"
        b'Jane,"Doe, MBA",https://www.linkedin.com/in/jane-doe-mba,,Umbrella,Director,02 Jan 2024\n'
        b"Chen,Wei,https://www.linkedin.com/in/chen-wei-7b2,,Initech,Analyst,03 Jan 2024\n"
        b",,,,,,14 Sep 2024\n"
    ),
    "messages.csv": MESSAGES_HEADER
    + b"2-YW5hMQ==,,Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,Coffee next week?,INBOX,No\n"
    + b'2-YW5hMQ==,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,2025-11-07 09:15:00 UTC,,"Hi Ana, are you free?",INBOX,No\n'
    + b'2-Z3JvdXAx,Project X,Maria Silva,https://www.linkedin.com/in/maria-silva-42,"Jane Doe, MBA,Bob Lee,Chen Wei","https://www.linkedin.com/in/jane-doe-mba,https://www.linkedin.com/in/bob-lee,https://www.linkedin.com/in/chen-wei-7b2",2025-03-01 09:00:00 UTC,,Kick-off on Monday,INBOX,No\n'
    + b'2-Z3JvdXAx,Project X,"Jane Doe, MBA",https://www.linkedin.com/in/jane-doe-mba,"Maria Silva,Bob Lee,Chen Wei","https://www.linkedin.com/in/maria-silva-42,https://www.linkedin.com/in/bob-lee,https://www.linkedin.com/in/chen-wei-7b2",2025-03-01 10:00:00 UTC,,Works for me,INBOX,No\n'
    + b"2-ZXJpazE=,,Erik Berg,https://www.linkedin.com/in/erik-berg,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-05-05 08:00:00 UTC,,Thanks for accepting,INBOX,No\n"
    + b"2-bG0x,,LinkedIn Member,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-06-01 12:00:00 UTC,,Hello from a hidden member,INBOX,No\n"
    + b'2-c3BvbnNvcmVk,Sponsored Conversation,LinkedIn Member,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-09-01 16:00:00 UTC,Grow your career,"<p class=""spinmail-quill-editor__spin-break"">Hi %FIRSTNAME%,</p>",INBOX,No\n'
    + b",,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,2025-11-09 07:00:00 UTC,,,,Yes\n",
    "Invitations.csv": (
        b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        b'Maria Silva,Ana Gonz\xc3\xa1lez,"10/10/23, 8:00 AM",,OUTGOING,https://www.linkedin.com/in/maria-silva-42,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez\n'
        b'Erik Berg,Maria Silva,"5/1/25, 9:00 AM","Hi Maria, loved your talk.",INCOMING,https://www.linkedin.com/in/erik-berg,https://www.linkedin.com/in/maria-silva-42\n'
    ),
    "Endorsement_Received_Info.csv": (
        b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
        b"2024/06/26 00:52:03 UTC,Python,Ana,Gonz\xc3\xa1lez,www.linkedin.com/in/ana-gonz\xc3\xa1lez,ACCEPTED\n"
    ),
    "Endorsement_Given_Info.csv": (
        b"Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n"
        b"2024/07/01 08:30:00 UTC,SQL,Bob,Lee,www.linkedin.com/in/bob-lee,ACCEPTED\n"
    ),
    "Recommendations_Received.csv": (
        b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        b'Ana,Gonz\xc3\xa1lez,Acme,Lead Engineer,"Maria is a rigorous engineer.","07/15/24, 09:11 PM",VISIBLE\n'
        b'Sam,Okafor,Hooli,CTO,"Great mentor.","01/02/25, 08:05 AM",VISIBLE\n'
    ),
}

EXPECTED_PEOPLE = [
    "ana-gonzález",
    "bob-lee",
    "chen-wei-7b2",
    "erik-berg",
    "jane-doe-mba",
    "name:sam okafor",
]


@pytest.fixture
def ex(load):
    return load(IDENTITY_EXPORT)


# --- one person, one id --------------------------------------------------------------------------


def test_one_person_id_across_every_source(ex):
    ana = "ana-gonzález"
    assert ana in set(ex.connections["person_id"])
    assert ana in set(ex.messages["sender_id"])
    assert ana in set(ex.invitations["person_id"])
    assert ana in set(ex.endorsements["person_id"])
    assert ana in set(ex.recommendations["person_id"])
    assert (ex.people["person_id"] == ana).sum() == 1


def test_people_is_exactly_the_contacts_seen(ex):
    assert sorted(ex.people["person_id"]) == EXPECTED_PEOPLE
    assert ex.people["person_id"].is_unique


def test_people_carry_connection_details(ex):
    people = ex.people.set_index("person_id")
    assert people.loc["ana-gonzález", "name"] == "Ana González"
    assert people.loc["ana-gonzález", "company"] == "Acme"
    assert people.loc["ana-gonzález", "connected_on"] == ts("2023-10-14")
    assert people.loc["ana-gonzález", "is_connection"]
    assert not people.loc["erik-berg", "is_connection"]
    assert not people.loc["name:sam okafor", "is_connection"]
    assert people.loc["erik-berg", "name"] == "Erik Berg"


def test_trailing_slash_in_connections_url(ex):
    assert "bob-lee" in set(ex.connections["person_id"])


# --- the owner -----------------------------------------------------------------------------------


def test_owner_from_profile_name_with_url_from_messages(ex):
    assert ex.owner.name == "Maria Silva"
    assert ex.owner.person_id == OWNER_ID
    assert ex.owner.profile_url.rstrip("/").endswith("linkedin.com/in/maria-silva-42")


def test_owner_is_never_a_person_nor_an_interaction(ex):
    assert OWNER_ID not in set(ex.people["person_id"])
    assert "name:maria silva" not in set(ex.people["person_id"])
    assert OWNER_ID not in set(ex.interactions["person_id"])
    assert "Maria Silva" not in set(ex.people["name"].dropna())


def test_owner_messages_carry_the_owner_id(ex):
    outgoing = ex.messages[ex.messages["direction"] == "outgoing"]
    assert (outgoing["sender_id"] == OWNER_ID).all()


def test_owner_from_most_conversations_without_profile(load):
    files = {name: data for name, data in IDENTITY_EXPORT.items() if name != "Profile.csv"}
    ex = load(files)
    assert ex.owner.person_id == OWNER_ID
    assert ex.owner.name == "Maria Silva"
    assert OWNER_ID not in set(ex.people["person_id"])
    assert sorted(ex.people["person_id"]) == EXPECTED_PEOPLE


def test_owner_from_outgoing_invitations_with_urls(load):
    ex = load({"Invitations.csv": IDENTITY_EXPORT["Invitations.csv"]})
    assert ex.owner.name == "Maria Silva"
    assert ex.owner.person_id == OWNER_ID
    assert sorted(ex.people["person_id"]) == ["ana-gonzález", "erik-berg"]


def test_owner_from_outgoing_invitations_by_name(load):
    data = (
        b"From,To,Sent At,Message,Direction\n"
        b'Maria Silva,Ana Gonz\xc3\xa1lez,"10/21/22, 10:26 PM",,OUTGOING\n'
        b'Bob Lee,Maria Silva,"3/2/23, 9:05 AM",,INCOMING\n'
    )
    ex = load({"Invitations.csv": data})
    assert ex.owner.name == "Maria Silva"
    assert sorted(ex.people["person_id"]) == ["name:ana gonzález", "name:bob lee"]
    assert sorted(ex.invitations["name"]) == ["Ana González", "Bob Lee"]


# --- messages: counterparts and no-person rows ----------------------------------------------------


def test_outgoing_group_message_counts_every_recipient(ex):
    events = ex.interactions[
        (ex.interactions["channel"] == "message")
        & (ex.interactions["timestamp"] == ts("2025-03-01 09:00:00"))
    ]
    assert sorted(events["person_id"]) == ["bob-lee", "chen-wei-7b2", "jane-doe-mba"]
    assert (events["direction"] == "outgoing").all()
    assert (events["conversation_id"] == "2-Z3JvdXAx").all()
    assert events["is_group"].all()


def test_incoming_group_message_counts_the_sender_only(ex):
    events = ex.interactions[
        (ex.interactions["channel"] == "message")
        & (ex.interactions["timestamp"] == ts("2025-03-01 10:00:00"))
    ]
    assert events["person_id"].tolist() == ["jane-doe-mba"]
    assert events["direction"].tolist() == ["incoming"]
    assert events["is_group"].tolist() == [True]


def test_no_person_rows_get_na_ids(ex):
    m = ex.messages
    member = m[m["content"] == "Hello from a hidden member"].iloc[0]
    sponsored = m[m["is_sponsored"]].iloc[0]
    assert pd.isna(member["sender_id"])
    assert pd.isna(sponsored["sender_id"])
    assert "LinkedIn Member" not in set(ex.people["name"].dropna())


def test_empty_name_gets_no_id(load):
    data = (
        b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        b',,Acme,Lead Engineer,"Anonymous praise.","07/15/24, 09:11 PM",VISIBLE\n'
    )
    ex = load({"Profile.csv": PROFILE_CSV, "Recommendations_Received.csv": data})
    assert ex.recommendations["person_id"].isna().all()
    assert len(ex.people) == 0
    assert len(ex.interactions) == 0


# --- the event log -------------------------------------------------------------------------------


def test_interaction_counts_per_channel(ex):
    counts = ex.interactions["channel"].value_counts().to_dict()
    assert counts == {
        "message": 7,
        "connection": 4,
        "invitation": 2,
        "endorsement": 2,
        "recommendation": 2,
    }


def test_connection_events_one_per_connection_with_an_id(ex):
    events = ex.interactions[ex.interactions["channel"] == "connection"]
    assert sorted(events["person_id"]) == [
        "ana-gonzález",
        "bob-lee",
        "chen-wei-7b2",
        "jane-doe-mba",
    ]
    got = dict(zip(events["person_id"], events["timestamp"], strict=True))
    assert got["bob-lee"] == ts("2023-11-08")


def test_message_events_per_person_and_direction(ex):
    events = ex.interactions[ex.interactions["channel"] == "message"]
    pairs = sorted(zip(events["person_id"], events["direction"], strict=True))
    assert pairs == [
        ("ana-gonzález", "incoming"),
        ("ana-gonzález", "outgoing"),
        ("bob-lee", "outgoing"),
        ("chen-wei-7b2", "outgoing"),
        ("erik-berg", "incoming"),
        ("jane-doe-mba", "incoming"),
        ("jane-doe-mba", "outgoing"),
    ]


def test_message_event_timestamps_and_conversation(ex):
    events = ex.interactions[
        (ex.interactions["channel"] == "message") & (ex.interactions["person_id"] == "ana-gonzález")
    ].sort_values("timestamp")
    assert events["timestamp"].tolist() == [ts("2025-11-07 09:15:00"), ts("2025-11-08 14:22:10")]
    assert (events["conversation_id"] == "2-YW5hMQ==").all()
    assert not events["is_group"].any()


def test_drafts_sponsored_and_hidden_members_are_not_interactions(ex):
    times = set(ex.interactions["timestamp"])
    assert ts("2025-11-09 07:00:00") not in times  # draft
    assert ts("2025-09-01 16:00:00") not in times  # sponsored
    assert ts("2025-06-01 12:00:00") not in times  # LinkedIn Member
    assert ts("2024-09-14") not in times  # hidden connection


def test_endorsement_and_recommendation_directions_map_to_outgoing_incoming(ex):
    i = ex.interactions
    endorsements = i[i["channel"] == "endorsement"]
    assert sorted(zip(endorsements["person_id"], endorsements["direction"], strict=True)) == [
        ("ana-gonzález", "incoming"),
        ("bob-lee", "outgoing"),
    ]
    recommendations = i[i["channel"] == "recommendation"]
    assert set(recommendations["direction"]) == {"incoming"}
    assert sorted(recommendations["person_id"]) == ["ana-gonzález", "name:sam okafor"]


def test_invitation_events(ex):
    events = ex.interactions[ex.interactions["channel"] == "invitation"]
    assert sorted(zip(events["person_id"], events["direction"], strict=True)) == [
        ("ana-gonzález", "outgoing"),
        ("erik-berg", "incoming"),
    ]


def test_interactions_weight_and_types(ex):
    i = ex.interactions
    assert (i["weight"] == 1).all()
    assert i["person_id"].notna().all()
    assert str(i["timestamp"].dtype) == "datetime64[us, UTC]"
    assert set(i["direction"].dropna()) <= {"incoming", "outgoing"}
    assert i.loc[i["channel"] != "connection", "direction"].notna().all()
    assert isinstance(i["person_id"].dtype, pd.StringDtype)
    assert isinstance(i["channel"].dtype, pd.StringDtype)


def test_every_interaction_person_is_in_people(ex):
    assert set(ex.interactions["person_id"]) <= set(ex.people["person_id"])


# --- URL normalization ---------------------------------------------------------------------------

BOB_CONNECTION = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
)


@pytest.mark.parametrize(
    "url",
    [
        b"https://www.linkedin.com/in/bob-lee/",
        b"https://www.linkedin.com/in/Bob-Lee",
        b"http://linkedin.com/in/bob-lee",
        b"https://www.linkedin.com/in/bob-lee?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB",
        b"https://www.linkedin.com/in/bob-lee/?locale=en_US",
        b"https://pt.linkedin.com/in/bob-lee",
        b"www.linkedin.com/in/bob-lee",
    ],
    ids=lambda url: url.decode(),
)
def test_url_variants_give_one_person_id(load, url):
    data = MESSAGES_HEADER + (
        b"2-Ym9iMQ==,,Bob Lee,"
        + url
        + b",Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-10-01 10:00:00 UTC,,Hi Maria,INBOX,No\n"
    )
    ex = load({"Profile.csv": PROFILE_CSV, "Connections.csv": BOB_CONNECTION, "messages.csv": data})
    assert ex.messages["sender_id"].tolist() == ["bob-lee"]
    assert ex.people["person_id"].tolist() == ["bob-lee"]


def test_decomposed_unicode_url_is_nfc_normalized(load):
    connections = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%C3%A1lez,,Acme,Lead Engineer,14 Oct 2023\n"
    )
    data = MESSAGES_HEADER + (
        b"2-YW5hMQ==,,Ana Gonza\xcc\x81lez,https://www.linkedin.com/in/ana-gonza\xcc\x81lez,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,Coffee?,INBOX,No\n"
    )
    ex = load({"Profile.csv": PROFILE_CSV, "Connections.csv": connections, "messages.csv": data})
    assert ex.messages["sender_id"].tolist() == ["ana-gonzález"]
    assert ex.people["person_id"].tolist() == ["ana-gonzález"]


# --- properties ----------------------------------------------------------------------------------

SLUG_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-áéíóúãçñüøÁÉÖ李"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    slug=st.text(alphabet=SLUG_ALPHABET, min_size=3, max_size=20).filter(
        lambda s: s.strip("-") == s
    )
)
def test_property_percent_encoded_and_raw_urls_meet(load_path, slug):
    assume(slug.lower() != OWNER_ID)
    encoded = urllib.parse.quote(slug, safe="-").encode()
    raw = slug.encode()
    connections = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        b"Pat,Doe,https://www.linkedin.com/in/" + encoded + b",,Acme,Engineer,14 Oct 2023\n"
    )
    messages = MESSAGES_HEADER + (
        b"2-cHJvcDE=,,Pat Doe,https://www.linkedin.com/in/"
        + raw
        + b",Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,Hi,INBOX,No\n"
    )
    ex = load_path(
        {"Profile.csv": PROFILE_CSV, "Connections.csv": connections, "messages.csv": messages}
    )
    expected = unicodedata.normalize("NFC", slug).lower()
    assert ex.connections["person_id"].tolist() == [expected]
    assert ex.messages["sender_id"].tolist() == [expected]
    assert ex.people["person_id"].tolist() == [expected]


NAME_ALPHABET = st.characters(
    whitelist_categories=("Lu", "Ll"), max_codepoint=0x24F
) | st.sampled_from([" ", " ", "-", "'", ".", "\u0301"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    first=st.text(alphabet=NAME_ALPHABET, max_size=12),
    last=st.text(alphabet=NAME_ALPHABET, max_size=12),
)
def test_property_name_only_id_is_the_normalized_name(load_path, first, last):
    normalized = unicodedata.normalize("NFC", " ".join(f"{first} {last}".split())).casefold()
    assume(normalized and normalized[0].isalpha() and normalized != "maria silva")
    assume(normalized not in {"linkedin member"})
    data = (
        b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        + b'"'
        + first.encode()
        + b'","'
        + last.encode()
        + b'",Acme,CTO,"Great mentor.","01/02/25, 08:05 AM",VISIBLE\n'
    )
    ex = load_path({"Profile.csv": PROFILE_CSV, "Recommendations_Received.csv": data})
    assert ex.recommendations["person_id"].tolist() == ["name:" + normalized]


# --- names of people seen only as recipients -----------------------------------------------------


def test_people_name_of_a_url_person_seen_only_as_a_one_to_one_recipient(load):
    # A 1:1 message has exactly one name in TO and one URL: that name is the person's.
    data = MESSAGES_HEADER + (
        b"2-YW5hbDE=,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Ana Lopes,https://www.linkedin.com/in/ana-lopes,2025-10-01 10:00:00 UTC,,Welcome!,INBOX,No\n"
    )
    ex = load({"Profile.csv": PROFILE_CSV, "messages.csv": data})
    people = ex.people.set_index("person_id")
    assert list(people.index) == ["ana-lopes"]
    assert people.loc["ana-lopes", "name"] == "Ana Lopes"


def test_people_name_of_a_name_only_recipient(load):
    # The id itself comes from the name: the people row must carry that name.
    data = b'From,To,Date,Content\nMaria Silva,Ana Lopes,"July 6, 2017, 4:10 PM",Hi Ana\n'
    ex = load({"Profile.csv": PROFILE_CSV, "Inbox.csv": data})
    people = ex.people.set_index("person_id")
    assert list(people.index) == ["name:ana lopes"]
    assert people.loc["name:ana lopes", "name"] == "Ana Lopes"


def test_owner_from_outgoing_rows_of_2018_messages_without_profile(load):
    # The 2018 file says who sent what (Direction); the From of OUTGOING rows is the owner,
    # as for invitations. The owner must not become a contact.
    data = (
        b"From,To,Date,Subject,Content,Direction,Folder\n"
        b'John Smith,Maria Silva,"10/16/18, 8:36 AM",Quick question,Are you hiring?,INCOMING,INBOX\n'
        b'Maria Silva,John Smith,"10/16/18, 9:02 AM",RE: Quick question,Not right now.,OUTGOING,SENT\n'
    )
    ex = load({"Messages.csv": data})
    assert ex.owner.name == "Maria Silva"
    assert ex.people["person_id"].tolist() == ["name:john smith"]
    assert "Maria Silva" not in set(ex.people["name"].dropna())
