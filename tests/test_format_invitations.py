# ruff: noqa: E501
"""Invitations.csv in its four eras: base, URN columns, bare URLs, real URLs.

Spec (linkedin-export.md, "Invitations.csv"): ``From,To,Sent At,Message,Direction``; 2023-07 adds
``inviterProfileUrn,inviteeProfileUrn``; 2023-11 adds ``inviterProfileUrl,inviteeProfileUrl`` whose
every value is the bare ``https://www.linkedin.com/in`` (useless); 2024-02 on, real URLs. ``Sent At``
``"10/21/25, 10:26 PM"``. Owner is ``From`` on OUTGOING rows, ``To`` on INCOMING. ``Message`` empty
unless a note; the old default sentence is still a note.
"""

from __future__ import annotations

import pandas as pd
import pytest
from fixtures import OWNER_ID, PROFILE_CSV, ts

CONNECTIONS_CSV = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%C3%A1lez,,Acme,Lead Engineer,23 Oct 2022\n"
)

INVITATIONS_BASE_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Invitations.csv": (
        b"From,To,Sent At,Message,Direction\n"
        b'Maria Silva,Ana Gonz\xc3\xa1lez,"10/21/22, 10:26 PM",,OUTGOING\n'
        b'Bob Lee,Maria Silva,"3/2/23, 9:05 AM","Hi Maria, we met at PyCon.\nLet\'s keep in touch!",INCOMING\n'
        b'Maria Silva,Chen Wei,"1/15/23, 7:45 AM",I\'d like to add you to my professional network on LinkedIn.,OUTGOING\n'
    ),
}


def by_name(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index("name", drop=False)


def test_base_era_dates(load):
    ex = load(INVITATIONS_BASE_EXPORT)
    inv = by_name(ex.invitations)
    assert inv.loc["Ana González", "sent_at"] == ts("2022-10-21 22:26")
    assert inv.loc["Bob Lee", "sent_at"] == ts("2023-03-02 09:05")
    assert inv.loc["Chen Wei", "sent_at"] == ts("2023-01-15 07:45")


def test_base_era_direction_and_counterpart_name(load):
    ex = load(INVITATIONS_BASE_EXPORT)
    inv = by_name(ex.invitations)
    assert sorted(inv.index) == ["Ana González", "Bob Lee", "Chen Wei"]
    assert inv.loc["Ana González", "direction"] == "outgoing"
    assert inv.loc["Bob Lee", "direction"] == "incoming"
    assert inv.loc["Chen Wei", "direction"] == "outgoing"
    assert inv.loc["Bob Lee", "from_name"] == "Bob Lee"
    assert inv.loc["Bob Lee", "to_name"] == "Maria Silva"


def test_has_note_and_multi_line_note(load):
    ex = load(INVITATIONS_BASE_EXPORT)
    inv = by_name(ex.invitations)
    assert not inv.loc["Ana González", "has_note"]
    assert pd.isna(inv.loc["Ana González", "message"])
    assert inv.loc["Bob Lee", "has_note"]
    assert inv.loc["Bob Lee", "message"] == "Hi Maria, we met at PyCon.\nLet's keep in touch!"


def test_default_note_sentence_is_still_a_note(load):
    ex = load(INVITATIONS_BASE_EXPORT)
    chen = by_name(ex.invitations).loc["Chen Wei"]
    assert chen["has_note"]
    assert chen["message"] == "I'd like to add you to my professional network on LinkedIn."


def test_base_era_people_known_by_name(load):
    ex = load(INVITATIONS_BASE_EXPORT)
    inv = by_name(ex.invitations)
    assert inv.loc["Bob Lee", "person_id"] == "name:bob lee"
    assert inv.loc["Ana González", "person_id"] == "name:ana gonzález"


def test_base_era_name_matches_a_unique_connection(load):
    ex = load({**INVITATIONS_BASE_EXPORT, "Connections.csv": CONNECTIONS_CSV})
    inv = by_name(ex.invitations)
    assert inv.loc["Ana González", "person_id"] == "ana-gonzález"
    assert inv.loc["Bob Lee", "person_id"] == "name:bob lee"


def test_invitations_are_interactions_with_direction(load):
    ex = load(INVITATIONS_BASE_EXPORT)
    events = ex.interactions[ex.interactions["channel"] == "invitation"]
    assert len(events) == 3
    got = dict(zip(events["person_id"], events["direction"], strict=True))
    assert got == {
        "name:ana gonzález": "outgoing",
        "name:bob lee": "incoming",
        "name:chen wei": "outgoing",
    }
    assert sorted(events["timestamp"]) == [
        ts("2022-10-21 22:26"),
        ts("2023-01-15 07:45"),
        ts("2023-03-02 09:05"),
    ]


def test_owner_is_never_the_invitation_person(load):
    ex = load(INVITATIONS_BASE_EXPORT)
    assert "name:maria silva" not in set(ex.invitations["person_id"])
    assert "Maria Silva" not in set(ex.invitations["name"])
    assert "name:maria silva" not in set(ex.people["person_id"])


INVITATIONS_URN_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_CSV,
    "Invitations.csv": (
        b"From,To,Sent At,Message,Direction,inviterProfileUrn,inviteeProfileUrn\n"
        b'Maria Silva,Ana Gonz\xc3\xa1lez,"10/21/22, 10:26 PM",,OUTGOING,urn:li:member:123456789,urn:li:member:987654321\n'
        b'Bob Lee,Maria Silva,"8/14/23, 6:02 PM",,INCOMING,urn:li:member:555000111,urn:li:member:123456789\n'
    ),
}


def test_urn_era_urns_are_not_ids(load):
    ex = load(INVITATIONS_URN_EXPORT)
    inv = by_name(ex.invitations)
    assert inv.loc["Ana González", "person_id"] == "ana-gonzález"
    assert inv.loc["Bob Lee", "person_id"] == "name:bob lee"
    assert inv.loc["Bob Lee", "sent_at"] == ts("2023-08-14 18:02")
    assert not ex.invitations["person_id"].str.contains("urn:li", regex=False).any()


INVITATIONS_BARE_URL_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_CSV,
    "Invitations.csv": (
        b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        b'Maria Silva,Ana Gonz\xc3\xa1lez,"11/21/23, 10:26 PM",,OUTGOING,https://www.linkedin.com/in,https://www.linkedin.com/in\n'
        b'Bob Lee,Maria Silva,"12/2/23, 9:05 AM",,INCOMING,https://www.linkedin.com/in,https://www.linkedin.com/in\n'
        b'Dana Kim,Maria Silva,"12/3/23, 9:05 AM",,INCOMING,https://www.linkedin.com/in,https://www.linkedin.com/in\n'
    ),
}


def test_bare_url_era_never_becomes_an_id(load):
    ex = load(INVITATIONS_BARE_URL_EXPORT)
    inv = by_name(ex.invitations)
    assert inv.loc["Ana González", "person_id"] == "ana-gonzález"
    assert inv.loc["Bob Lee", "person_id"] == "name:bob lee"
    assert inv.loc["Dana Kim", "person_id"] == "name:dana kim"


def test_bare_url_era_does_not_merge_different_people(load):
    ex = load(INVITATIONS_BARE_URL_EXPORT)
    assert ex.invitations["person_id"].nunique() == 3
    assert len(ex.people) == 3


INVITATIONS_URL_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_CSV,
    "Invitations.csv": (
        b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        b'Maria Silva,Ana Gonz\xc3\xa1lez,"10/21/25, 10:26 PM",,OUTGOING,https://www.linkedin.com/in/maria-silva-42,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez\n'
        b'Chen Wei,Maria Silva,"2/29/24, 11:59 PM",Hello!,INCOMING,https://www.linkedin.com/in/chen-wei-7b2,https://www.linkedin.com/in/maria-silva-42\n'
    ),
}


def test_url_era_ids_come_from_the_counterpart_url(load):
    ex = load(INVITATIONS_URL_EXPORT)
    inv = by_name(ex.invitations)
    assert inv.loc["Ana González", "person_id"] == "ana-gonzález"
    assert inv.loc["Chen Wei", "person_id"] == "chen-wei-7b2"
    assert inv.loc["Chen Wei", "sent_at"] == ts("2024-02-29 23:59")
    assert inv.loc["Ana González", "sent_at"] == ts("2025-10-21 22:26")
    assert inv.loc["Chen Wei", "profile_url"].rstrip("/").endswith("/in/chen-wei-7b2")


def test_url_era_owner_url_comes_from_outgoing_inviter(load):
    ex = load(INVITATIONS_URL_EXPORT)
    assert ex.owner.person_id == OWNER_ID
    assert OWNER_ID not in set(ex.invitations["person_id"])


@pytest.mark.parametrize("text", ["10/21/25, 10:26 PM", "1/5/24, 1:05 AM", "12/31/23, 12:00 PM"])
def test_sent_at_without_zero_padding(load, text):
    data = (
        b"From,To,Sent At,Message,Direction\n"
        b'Bob Lee,Maria Silva,"' + text.encode() + b'",,INCOMING\n'
    )
    ex = load({"Profile.csv": PROFILE_CSV, "Invitations.csv": data})
    expected = pd.to_datetime(text, format="%m/%d/%y, %I:%M %p").tz_localize("UTC")
    assert ex.invitations["sent_at"].tolist() == [expected]


def test_invitation_types(load):
    ex = load(INVITATIONS_URL_EXPORT)
    inv = ex.invitations
    for column in ["direction", "person_id", "name", "message", "from_name", "to_name"]:
        assert isinstance(inv[column].dtype, pd.StringDtype), column
    assert str(inv["sent_at"].dtype) == "datetime64[us, UTC]"
    assert inv["has_note"].dtype == bool
    assert inv["has_note"].tolist() == [False, True]
