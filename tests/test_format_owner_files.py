# ruff: noqa: E501
"""The owner's own files: Profile, Positions, Education, Events, follows, activity, address book.

Spec (linkedin-export.md, "The owner and their activity"). Quirks covered one test each: Positions
``Jun 2018`` / ``2017`` and empty Finished On = current; Events time range in one field; Company
Follows ``Tue Oct 28 20:33:50 UTC 2025``; Reactions ``2022-09-11 02:49:29`` (no zone = UTC);
Comments.csv unquoted multi-line repair and 2026 ``\\"`` escapes; Shares.csv per-line quoting; CRLF in
activity files (2021-2024); the address book under three names; Email Addresses without final
newline.
"""

from __future__ import annotations

import pandas as pd
import pytest
from fixtures import PROFILE_CSV, ts

CONNECTIONS_CSV = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz%C3%A1lez,,Acme,Lead Engineer,23 Oct 2022\n"
)

# --- Profile -------------------------------------------------------------------------------------


def test_profile_one_row_with_raw_birth_date(load):
    ex = load({"Profile.csv": PROFILE_CSV})
    assert len(ex.profile) == 1
    row = ex.profile.iloc[0]
    assert row["first_name"] == "Maria"
    assert row["last_name"] == "Silva"
    assert row["birth_date"] == "Mar 20, 1978"
    assert row["headline"] == "Data engineer at Acme"
    assert row["geo_location"] == "Lisbon, Portugal"
    assert pd.isna(row["maiden_name"])
    assert ex.owner.name == "Maria Silva"


def test_profile_2018_extra_columns_and_short_birth_date(load):
    data = (
        b"First Name,Last Name,Maiden Name,Address,Birth Date,Contact Instructions,Headline,Summary,Industry,Country,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
        b'Maria,Silva,,,Mar 31,,Data engineer,"Building data platforms.\nPreviously analyst.",Software Development,pt,1100,"Lisbon, Portugal",,,\n'
    )
    ex = load({"Profile.csv": data})
    row = ex.profile.iloc[0]
    assert row["birth_date"] == "Mar 31"
    assert row["summary"] == "Building data platforms.\nPreviously analyst."
    assert row["zip_code"] == "1100"
    assert ex.owner.name == "Maria Silva"


# --- Positions, Education, Events ----------------------------------------------------------------

POSITIONS_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Positions.csv": (
        b"Company Name,Title,Description,Location,Started On,Finished On\n"
        b'Acme,Data Engineer,"Builds pipelines.\nOwns the warehouse.","Lisbon, Portugal",Jun 2018,\n'
        b"Globex,Analyst,,Porto,2017,May 2018\n"
    ),
}


def test_positions_month_and_year_dates_and_current_job(load):
    ex = load(POSITIONS_EXPORT)
    p = ex.positions.set_index("company")
    assert p.loc["Acme", "started_on"] == ts("2018-06-01")
    assert pd.isna(p.loc["Acme", "finished_on"])
    assert p.loc["Acme", "is_current"]
    assert p.loc["Globex", "started_on"] == ts("2017-01-01")
    assert p.loc["Globex", "finished_on"] == ts("2018-05-01")
    assert not p.loc["Globex", "is_current"]
    assert p.loc["Acme", "description"] == "Builds pipelines.\nOwns the warehouse."
    assert p.loc["Acme", "title"] == "Data Engineer"
    assert str(ex.positions["started_on"].dtype) == "datetime64[us, UTC]"
    assert ex.positions["is_current"].dtype == bool


EDUCATION_EXPORT = {
    "Education.csv": (
        b"School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
        b"University of Porto,2008,2013,,MSc Informatics,Chess club\n"
    ),
}


def test_education_year_dates(load):
    ex = load(EDUCATION_EXPORT)
    row = ex.education.iloc[0]
    assert row["school"] == "University of Porto"
    assert row["started_on"] == ts("2008-01-01")
    assert row["finished_on"] == ts("2013-01-01")
    assert row["degree"] == "MSc Informatics"
    assert pd.isna(row["notes"])


EVENTS_EXPORT = {
    "Events.csv": (
        b"Event Name,Event Time,Status,External Url\n"
        b'PyData Lisbon,"Jul 14, 2021 03:00 PM - Jul 14, 2021 04:00 PM",ATTENDING,https://pydata.org/lisbon\n'
        b'Data Summit,"Dec 31, 2022 11:30 PM - Jan 1, 2023 01:00 AM",ATTENDING,\n'
    ),
}


def test_events_time_range_in_one_field(load):
    ex = load(EVENTS_EXPORT)
    e = ex.events.set_index("name")
    assert e.loc["PyData Lisbon", "starts_at"] == ts("2021-07-14 15:00")
    assert e.loc["PyData Lisbon", "ends_at"] == ts("2021-07-14 16:00")
    assert e.loc["Data Summit", "starts_at"] == ts("2022-12-31 23:30")
    assert e.loc["Data Summit", "ends_at"] == ts("2023-01-01 01:00")
    assert e.loc["PyData Lisbon", "url"] == "https://pydata.org/lisbon"
    assert pd.isna(e.loc["Data Summit", "url"])


# --- follows -------------------------------------------------------------------------------------

COMPANY_FOLLOWS_EXPORT = {
    "Company Follows.csv": (
        b"Organization,Followed On\n"
        b"Acme,Tue Oct 28 20:33:50 UTC 2025\n"
        b"Globex,Mon Jan 06 09:00:00 UTC 2025"
    ),
}


def test_company_follows_java_date_format_and_no_final_newline(load):
    ex = load(COMPANY_FOLLOWS_EXPORT)
    f = ex.company_follows.set_index("organization")
    assert f.loc["Acme", "followed_at"] == ts("2025-10-28 20:33:50")
    assert f.loc["Globex", "followed_at"] == ts("2025-01-06 09:00:00")


MEMBER_FOLLOWS_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_CSV,
    "Member_Follows.csv": (
        b"Date,Status,FullName\r\n"
        b"2022-09-09 01:41:08,Active,Ana Gonz\xc3\xa1lez\r\n"
        b"2022-10-01 10:00:00,Unfollow,Bob Lee\r\n"
    ),
}


def test_member_follows(load):
    ex = load(MEMBER_FOLLOWS_EXPORT)
    f = ex.member_follows.set_index("name")
    assert f.loc["Ana González", "followed_at"] == ts("2022-09-09 01:41:08")
    assert f.loc["Ana González", "status"] == "Active"
    assert f.loc["Bob Lee", "status"] == "Unfollow"
    assert f.loc["Ana González", "person_id"] == "ana-gonzález"


# --- activity: reactions, comments, shares --------------------------------------------------------

REACTIONS_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Reactions.csv": (
        b"Date,Type,Link\r\n"
        b"2022-09-11 02:49:29,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:6974537925219024896\r\n"
        b"2023-01-05 18:00:00,PRAISE,https://www.linkedin.com/feed/update/urn:li:ugcPost:7016712345678901234\r\n"
    ),
}


def test_reactions_no_zone_is_utc_and_crlf_is_stripped(load):
    ex = load(REACTIONS_EXPORT)
    r = ex.reactions
    assert r["reacted_at"].tolist() == [ts("2022-09-11 02:49:29"), ts("2023-01-05 18:00:00")]
    assert r["type"].tolist() == ["LIKE", "PRAISE"]
    assert (
        r["link"].tolist()[0]
        == "https://www.linkedin.com/feed/update/urn:li:activity:6974537925219024896"
    )
    assert str(r["reacted_at"].dtype) == "datetime64[us, UTC]"


def test_reactions_do_not_create_people_or_interactions(load):
    ex = load(REACTIONS_EXPORT)
    assert len(ex.people) == 0
    assert len(ex.interactions) == 0


COMMENTS_REPAIR_EXPORT = {
    "Comments.csv": (
        b"Date,Link,Message\n"
        b"2023-02-01 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7026000000000000001,Great talk\n"
        b"Thanks everyone for coming\n"
        b'2023-02-02 11:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7026000000000000002,"Agreed, well said"\n'
    ),
}


def test_comments_stray_rows_join_the_previous_message(load):
    ex = load(COMMENTS_REPAIR_EXPORT)
    c = ex.comments
    assert c["text"].tolist() == ["Great talk\nThanks everyone for coming", "Agreed, well said"]
    assert c["commented_at"].tolist() == [ts("2023-02-01 10:00:00"), ts("2023-02-02 11:00:00")]
    assert (
        c["link"].tolist()[1]
        == "https://www.linkedin.com/feed/update/urn:li:activity:7026000000000000002"
    )


def test_comments_repaired_comment_is_one_record_read(load):
    ex = load(COMMENTS_REPAIR_EXPORT)
    files = ex.files.set_index("path")
    assert files.loc["Comments.csv", "rows_read"] == 2
    assert files.loc["Comments.csv", "rows_kept"] == 2


def test_comments_blank_line_inside_an_unquoted_comment(load):
    # A comment without a comma is written unquoted; a blank line between its paragraphs is a
    # stray (empty) row that still belongs to the Message and is kept as an empty line.
    data = (
        b"Date,Link,Message\n"
        b"2023-03-01 08:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7036000000000000001,First paragraph\n"
        b"\n"
        b"Second paragraph\n"
        b"2023-03-02 08:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7036000000000000002,Next\n"
    )
    ex = load({"Comments.csv": data})
    assert ex.comments["text"].tolist() == ["First paragraph\n\nSecond paragraph", "Next"]


def test_comments_crlf_repair(load):
    data = (
        b"Date,Link,Message\r\n"
        b"2022-06-01 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:6936000000000000001,Line one\r\n"
        b"Line two\r\n"
        b"2022-06-02 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:6936000000000000002,Single\r\n"
    )
    ex = load({"Comments.csv": data})
    assert ex.comments["text"].tolist() == ["Line one\nLine two", "Single"]


def test_comments_2026_backslash_quote_escapes(load):
    data = (
        b"Date,Link,Message\n"
        b'2026-03-01 09:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001,"He said \\"ship it\\", and we did"\n'
        b"2026-03-02 09:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000002,Plain one\n"
    )
    ex = load({"Comments.csv": data})
    assert ex.comments["text"].tolist() == ['He said "ship it", and we did', "Plain one"]


SHARES_EXPORT = {
    "Shares.csv": (
        b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        b'2024-08-01 09:15:42,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7224000000000000001,"First line.""\n""""\n""Second.",,,MEMBER_NETWORK\n'
        b'2024-08-03 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7225000000000000002,"Just shipped v2, thanks all",https://example.com/v2,,MEMBER_NETWORK\n'
    ),
}


def test_shares_per_line_quoting_is_undone(load):
    ex = load(SHARES_EXPORT)
    s = ex.shares
    assert s["text"].tolist()[0] == "First line.\n\nSecond."
    assert s["text"].tolist()[1] == "Just shipped v2, thanks all"
    assert s["shared_at"].tolist() == [ts("2024-08-01 09:15:42"), ts("2024-08-03 10:00:00")]


def test_shares_urls_and_visibility(load):
    ex = load(SHARES_EXPORT)
    s = ex.shares
    assert s["shared_url"].tolist()[1] == "https://example.com/v2"
    assert s["shared_url"].isna().tolist() == [True, False]
    assert s["media_url"].isna().all()
    assert (s["visibility"] == "MEMBER_NETWORK").all()
    assert s["link"].tolist()[0].endswith("7224000000000000001")


def test_shares_before_mid_2024_header_spelling(load):
    data = (
        b"Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility\r\n"
        b"2022-04-01 12:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A6916000000000000001,Hello world,https://example.com/post,https://media.licdn.com/img1,MEMBER_NETWORK\r\n"
    )
    ex = load({"Shares.csv": data})
    row = ex.shares.iloc[0]
    assert row["text"] == "Hello world"
    assert row["shared_url"] == "https://example.com/post"
    assert row["media_url"] == "https://media.licdn.com/img1"
    assert row["visibility"] == "MEMBER_NETWORK"


def test_shares_three_line_post_without_blank_line(load):
    data = (
        b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        b'2024-09-01 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7236000000000000001,"Big news:""\n""we are hiring""\n""Apply now!",,,PUBLIC\n'
    )
    ex = load({"Shares.csv": data})
    assert ex.shares["text"].tolist() == ["Big news:\nwe are hiring\nApply now!"]


# --- address book and emails ---------------------------------------------------------------------

CONTACTS_CSV = (
    b"Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,Sites,InstantMessageHandles,FullName,Birthday,Location,BookmarkedAt,Profiles\n"
    b'GOOGLE_CONTACTS,Ana,Gonz\xc3\xa1lez,Acme,Lead Engineer,ana@example.com,+351 912 345 678,"10/22/15, 4:48 AM",,,,Ana Gonz\xc3\xa1lez,,,,\n'
    b'MOBILE,Tom,Baker,,,tom@example.org,,"1/3/19, 7:02 PM",,,,Tom Baker,,,,\n'
)


@pytest.mark.parametrize(
    "file_name", ["ImportedContacts.csv", "Contacts.csv", "Imported Contacts.csv"]
)
def test_address_book_under_every_name(load, file_name):
    ex = load(
        {"Profile.csv": PROFILE_CSV, "Connections.csv": CONNECTIONS_CSV, file_name: CONTACTS_CSV}
    )
    c = ex.contacts.set_index("first_name")
    assert sorted(c.index) == ["Ana", "Tom"]
    assert c.loc["Ana", "emails"] == "ana@example.com"
    assert c.loc["Ana", "source"] == "GOOGLE_CONTACTS"
    assert c.loc["Ana", "name"] == "Ana González"
    assert ex.files.set_index("path").loc[file_name, "kind"] == "contacts"


def test_address_book_entry_matches_a_connection_by_name(load):
    ex = load(
        {
            "Profile.csv": PROFILE_CSV,
            "Connections.csv": CONNECTIONS_CSV,
            "ImportedContacts.csv": CONTACTS_CSV,
        }
    )
    c = ex.contacts.set_index("first_name")
    assert c.loc["Ana", "person_id"] == "ana-gonzález"


EMAIL_ADDRESSES_EXPORT = {
    "Email Addresses.csv": (
        b"Email Address,Confirmed,Primary,Updated On\n"
        b'maria@example.com,Yes,Yes,"8/22/22, 10:24 AM"\n'
        b'maria.old@example.org,No,No,"1/3/19, 7:02 PM"'
    ),
}


def test_email_addresses_flags_dates_and_no_final_newline(load):
    ex = load(EMAIL_ADDRESSES_EXPORT)
    e = ex.email_addresses
    assert e["email"].tolist() == ["maria@example.com", "maria.old@example.org"]
    assert e["confirmed"].tolist() == [True, False]
    assert e["primary"].tolist() == [True, False]
    assert e["updated_on"].tolist() == [ts("2022-08-22 10:24"), ts("2019-01-03 19:02")]


def test_shares_single_line_text_with_its_own_quotes_is_kept(load):
    # Only multi-line posts carry the per-line quoting; a one-line post keeps its quotes.
    data = (
        b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        b'2024-09-02 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7236000000000000002,"""Ship it"" is a mindset",,,PUBLIC\n'
    )
    ex = load({"Shares.csv": data})
    assert ex.shares["text"].tolist() == ['"Ship it" is a mindset']
