# ruff: noqa: E501
"""Recommendations_Received.csv / Recommendations_Given.csv: no URL, people matched by name.

Spec: ``First Name,Last Name,Company,Job Title,Text,Creation Date,Status``; dates zero-padded
``07/15/18, 09:11 PM``; Status VISIBLE / HIDDEN or empty. api.md: a person seen only by name is
matched by normalized name to a unique known person, else gets ``name:<normalized name>``
(``" ".join(f"{first} {last}".split())``, NFC, casefolded, accents and ``, MBA`` kept).
"""

from __future__ import annotations

import pandas as pd
from fixtures import PROFILE_CSV, ts

CONNECTIONS_CSV = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%C3%A1lez,,Acme,Lead Engineer,23 Oct 2017\n"
    b"Sam,Taylor,https://www.linkedin.com/in/sam-taylor-1,,Globex,Designer,08 Nov 2019\n"
    b"Sam,Taylor,https://www.linkedin.com/in/sam-taylor-2,,Initech,Accountant,09 Nov 2019\n"
)

RECOMMENDATIONS_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_CSV,
    "Recommendations_Received.csv": (
        b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        b'Ana,Gonz\xc3\xa1lez,Acme,Lead Engineer,"Maria is a rigorous engineer.\nShe mentored our whole team.","07/15/18, 09:11 PM",VISIBLE\n'
        b'Sam,Taylor,Globex,Designer,"Great to work with.","01/02/20, 08:05 AM",HIDDEN\n'
        b'Jane,"Doe, MBA",Umbrella,Director,"A strong, kind leader.","11/30/21, 12:00 PM",\n'
    ),
    "Recommendations_Given.csv": (
        b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        b'  Jo\xc3\xa3o , Pereira ,Acme,Intern,"Jo\xc3\xa3o learns fast.","03/04/19, 10:30 AM",VISIBLE\n'
        b'ana,GONZ\xc3\x81LEZ,Acme,Lead Engineer,"Ana sets the bar.","03/05/19, 10:30 AM",VISIBLE\n'
    ),
}


def by_text(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index("text", drop=False)


def test_zero_padded_dates(load):
    ex = load(RECOMMENDATIONS_EXPORT)
    r = by_text(ex.recommendations)
    assert r.loc["Maria is a rigorous engineer.\nShe mentored our whole team.", "created_at"] == ts(
        "2018-07-15 21:11"
    )
    assert r.loc["Great to work with.", "created_at"] == ts("2020-01-02 08:05")
    assert r.loc["A strong, kind leader.", "created_at"] == ts("2021-11-30 12:00")
    assert r.loc["João learns fast.", "created_at"] == ts("2019-03-04 10:30")


def test_directions(load):
    ex = load(RECOMMENDATIONS_EXPORT)
    r = by_text(ex.recommendations)
    assert r.loc["Great to work with.", "direction"] == "received"
    assert r.loc["João learns fast.", "direction"] == "given"
    assert sorted(ex.recommendations["direction"]) == [
        "given",
        "given",
        "received",
        "received",
        "received",
    ]


def test_name_matched_to_a_unique_connection(load):
    ex = load(RECOMMENDATIONS_EXPORT)
    r = by_text(ex.recommendations)
    assert (
        r.loc["Maria is a rigorous engineer.\nShe mentored our whole team.", "person_id"]
        == "ana-gonzález"
    )


def test_name_match_is_case_insensitive(load):
    # "ana GONZÁLEZ" normalizes (casefold) to the same name as the connection "Ana González".
    ex = load(RECOMMENDATIONS_EXPORT)
    assert by_text(ex.recommendations).loc["Ana sets the bar.", "person_id"] == "ana-gonzález"


def test_two_connections_with_the_same_name_give_a_name_id(load):
    ex = load(RECOMMENDATIONS_EXPORT)
    assert by_text(ex.recommendations).loc["Great to work with.", "person_id"] == "name:sam taylor"


def test_unknown_person_gets_normalized_name_id(load):
    ex = load(RECOMMENDATIONS_EXPORT)
    r = by_text(ex.recommendations)
    assert r.loc["A strong, kind leader.", "person_id"] == "name:jane doe, mba"
    assert r.loc["João learns fast.", "person_id"] == "name:joão pereira"
    assert r.loc["João learns fast.", "name"] == "João Pereira"


def test_company_job_title_status(load):
    ex = load(RECOMMENDATIONS_EXPORT)
    r = by_text(ex.recommendations)
    assert r.loc["Great to work with.", "company"] == "Globex"
    assert r.loc["Great to work with.", "job_title"] == "Designer"
    assert r.loc["Great to work with.", "status"] == "HIDDEN"
    assert pd.isna(r.loc["A strong, kind leader.", "status"])


def test_recommendations_are_interactions(load):
    ex = load(RECOMMENDATIONS_EXPORT)
    events = ex.interactions[ex.interactions["channel"] == "recommendation"]
    assert len(events) == 5
    pairs = sorted(zip(events["person_id"], events["direction"], strict=True))
    assert pairs == [
        ("ana-gonzález", "incoming"),
        ("ana-gonzález", "outgoing"),
        ("name:jane doe, mba", "incoming"),
        ("name:joão pereira", "outgoing"),
        ("name:sam taylor", "incoming"),
    ]


def test_name_only_people_join_the_people_table(load):
    ex = load(RECOMMENDATIONS_EXPORT)
    ids = set(ex.people["person_id"])
    assert {"name:jane doe, mba", "name:joão pereira", "name:sam taylor"} <= ids
    assert {"ana-gonzález", "sam-taylor-1", "sam-taylor-2"} <= ids
    assert ex.people["person_id"].is_unique


def test_decomposed_accents_match_the_composed_name(load):
    # "Joa\u0303o" (NFD) and "João" (NFC) are one normalized name.
    data = (
        b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        b'Joa\xcc\x83o,Pereira,Acme,Intern,"First.","03/04/19, 10:30 AM",VISIBLE\n'
        b'Jo\xc3\xa3o,Pereira,Acme,Intern,"Second.","03/05/19, 10:30 AM",VISIBLE\n'
    )
    ex = load({"Profile.csv": PROFILE_CSV, "Recommendations_Given.csv": data})
    assert ex.recommendations["person_id"].tolist() == ["name:joão pereira", "name:joão pereira"]


def test_name_matched_to_a_person_known_from_messages(load):
    # "a unique known person" is anyone with a URL, not only connections.
    messages = (
        b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        b"2-ZXJpazE=,,Erik Berg,https://www.linkedin.com/in/erik-berg,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-05-05 08:00:00 UTC,,Thanks,INBOX\n"
    )
    recommendations = (
        b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
        b'Erik,Berg,Hooli,CTO,"Great mentor.","01/02/25, 08:05 AM",VISIBLE\n'
    )
    ex = load(
        {
            "Profile.csv": PROFILE_CSV,
            "messages.csv": messages,
            "Recommendations_Received.csv": recommendations,
        }
    )
    assert ex.recommendations["person_id"].tolist() == ["erik-berg"]
    assert ex.people["person_id"].tolist() == ["erik-berg"]
