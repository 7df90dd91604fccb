# ruff: noqa: E501
"""Endorsement_Received_Info.csv / Endorsement_Given_Info.csv and the 2022 UTF-16 twin.

Spec (linkedin-export.md, "Endorsements and recommendations"): header
``Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status``
(URL absent before 2024; ``Endorsee`` in the given file); dates ``2024/06/26 00:52:03 UTC``; URLs
without scheme ``www.linkedin.com/in/<slug>``; statuses ACCEPTED, PENDING, Redacted. The 2022
Complete ``Endorsement Received Info.csv`` (spaces) is UTF-16LE+BOM, TAB-separated, all quoted;
api.md: beside ``Endorsement_Received_Info.csv`` each endorsement is counted once.
"""

from __future__ import annotations

import pandas as pd
from fixtures import PROFILE_CSV, ts, utf16

CONNECTIONS_CSV = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%C3%A1lez,,Acme,Lead Engineer,23 Oct 2022\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
)

ENDORSEMENTS_2024_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_CSV,
    "Endorsement_Received_Info.csv": (
        b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
        b"2024/06/26 00:52:03 UTC,Python,Ana,Gonz\xc3\xa1lez,www.linkedin.com/in/ana-gonz\xc3\xa1lez,ACCEPTED\n"
        b"2024/01/10 12:00:00 UTC,Data Analysis,Bob,Lee,www.linkedin.com/in/bob-lee,ACCEPTED\n"
    ),
    "Endorsement_Given_Info.csv": (
        b"Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n"
        b"2024/07/01 08:30:00 UTC,SQL,Ana,Gonz\xc3\xa1lez,www.linkedin.com/in/ana-gonz\xc3\xa1lez,ACCEPTED\n"
        b"2024/07/02 09:00:00 UTC,Leadership,Chen,Wei,www.linkedin.com/in/chen-wei-7b2,PENDING\n"
    ),
}


def test_received_and_given_directions_and_dates(load):
    ex = load(ENDORSEMENTS_2024_EXPORT)
    e = ex.endorsements.set_index("skill")
    assert sorted(e.index) == ["Data Analysis", "Leadership", "Python", "SQL"]
    assert e.loc["Python", "direction"] == "received"
    assert e.loc["Data Analysis", "direction"] == "received"
    assert e.loc["SQL", "direction"] == "given"
    assert e.loc["Leadership", "direction"] == "given"
    assert e.loc["Python", "endorsed_at"] == ts("2024-06-26 00:52:03")
    assert e.loc["Leadership", "endorsed_at"] == ts("2024-07-02 09:00:00")


def test_schemeless_urls_meet_the_https_connection_ids(load):
    ex = load(ENDORSEMENTS_2024_EXPORT)
    e = ex.endorsements.set_index("skill")
    assert e.loc["Python", "person_id"] == "ana-gonzález"
    assert e.loc["SQL", "person_id"] == "ana-gonzález"
    assert e.loc["Data Analysis", "person_id"] == "bob-lee"
    assert e.loc["Leadership", "person_id"] == "chen-wei-7b2"
    assert sorted(ex.people["person_id"]) == ["ana-gonzález", "bob-lee", "chen-wei-7b2"]


def test_names_and_status(load):
    ex = load(ENDORSEMENTS_2024_EXPORT)
    e = ex.endorsements.set_index("skill")
    assert e.loc["Python", "name"] == "Ana González"
    assert e.loc["Leadership", "name"] == "Chen Wei"
    assert e.loc["Leadership", "status"] == "PENDING"
    assert e.loc["Python", "status"] == "ACCEPTED"


def test_endorsements_become_interactions(load):
    ex = load(ENDORSEMENTS_2024_EXPORT)
    events = ex.interactions[ex.interactions["channel"] == "endorsement"]
    assert len(events) == 4
    pairs = sorted(zip(events["person_id"], events["direction"], strict=True))
    assert pairs == [
        ("ana-gonzález", "incoming"),
        ("ana-gonzález", "outgoing"),
        ("bob-lee", "incoming"),
        ("chen-wei-7b2", "outgoing"),
    ]
    assert (events["weight"] == 1).all()


ENDORSEMENTS_2022_EXPORT = {
    "Connections.csv": CONNECTIONS_CSV,
    "Endorsement_Received_Info.csv": (
        b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorsement Status\n"
        b"2022/03/14 18:05:11 UTC,Python,Ana,Gonz\xc3\xa1lez,ACCEPTED\n"
        b"2022/05/01 07:00:00 UTC,Statistics,Erik,Berg,ACCEPTED\n"
    ),
}


def test_before_2024_without_url_people_are_matched_by_name(load):
    ex = load(ENDORSEMENTS_2022_EXPORT)
    e = ex.endorsements.set_index("skill")
    assert e.loc["Python", "person_id"] == "ana-gonzález"
    assert e.loc["Statistics", "person_id"] == "name:erik berg"
    assert e.loc["Python", "endorsed_at"] == ts("2022-03-14 18:05:11")


# The 2022 Complete twin: UTF-16LE with BOM, TAB-separated, every field quoted, CRLF.
UTF16_RECEIVED = utf16(
    '"Endorsement Date"\t"Skill Name"\t"Endorser First Name"\t"Endorser Last Name"\t"Endorsement Status"\r\n'
    '"2022/03/14 18:05:11 UTC"\t"Python"\t"Ana"\t"González"\t"Redacted"\r\n'
    '"2022/05/01 07:00:00 UTC"\t"Statistics"\t"Erik"\t"Berg"\t"Redacted"\r\n'
)

ENDORSEMENTS_UTF16_EXPORT = {
    "Connections.csv": CONNECTIONS_CSV,
    "Endorsement Received Info.csv": UTF16_RECEIVED,
}


def test_utf16_tab_separated_received_file_is_read(load):
    ex = load(ENDORSEMENTS_UTF16_EXPORT)
    e = ex.endorsements.set_index("skill")
    assert sorted(e.index) == ["Python", "Statistics"]
    assert e.loc["Python", "name"] == "Ana González"
    assert e.loc["Python", "person_id"] == "ana-gonzález"
    assert e.loc["Python", "endorsed_at"] == ts("2022-03-14 18:05:11")
    assert e.loc["Python", "status"] == "Redacted"
    assert (e["direction"] == "received").all()
    files = ex.files.set_index("path")
    assert files.loc["Endorsement Received Info.csv", "encoding"] == "utf-16"
    assert files.loc["Endorsement Received Info.csv", "kind"] == "endorsements"


ENDORSEMENTS_TWINS_EXPORT = {
    **ENDORSEMENTS_2022_EXPORT,
    "Endorsement Received Info.csv": UTF16_RECEIVED,
}


def test_twin_received_files_count_each_endorsement_once(load):
    ex = load(ENDORSEMENTS_TWINS_EXPORT)
    assert sorted(ex.endorsements["skill"]) == ["Python", "Statistics"]
    events = ex.interactions[ex.interactions["channel"] == "endorsement"]
    assert len(events) == 2
    paths = set(ex.files["path"])
    assert {"Endorsement Received Info.csv", "Endorsement_Received_Info.csv"} <= paths


def test_endorsement_types(load):
    ex = load(ENDORSEMENTS_2024_EXPORT)
    e = ex.endorsements
    for column in ["direction", "person_id", "name", "skill", "status"]:
        assert isinstance(e[column].dtype, pd.StringDtype), column
    assert str(e["endorsed_at"].dtype) == "datetime64[us, UTC]"
