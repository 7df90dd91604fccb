# ruff: noqa: E501
"""File names inside the export: case, split parts, member-id suffixes, unknown files, sniffing.

Spec: match ``^Name(_\\d+)?\\.csv$`` case-insensitively; big files split into ``Name.csv`` +
``Name_1.csv``; 2026 Complete may carry a member-id suffix (``Comments_17529409.csv``); some files
are UTF-16LE with BOM, TAB-separated, every field quoted, despite ``.csv``: sniff first.
api.md/contract: parts are concatenated, each part is its own row of ``ex.files``; unrecognised
files are listed with kind ``"unknown"``.
"""

from __future__ import annotations

import pytest
from fixtures import PROFILE_CSV, ts, utf16

MESSAGES_HEADER = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"

CONNECTIONS_PLAIN = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,08 Nov 2023\n"
)

CASE_INSENSITIVE_EXPORT = {
    "PROFILE.CSV": PROFILE_CSV,
    "connections.csv": CONNECTIONS_PLAIN,
    "Messages.CSV": MESSAGES_HEADER
    + b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,Hi,INBOX\n",
}


def test_file_names_match_case_insensitively(load):
    ex = load(CASE_INSENSITIVE_EXPORT)
    assert ex.connections["person_id"].tolist() == ["bob-lee"]
    assert len(ex.messages) == 1
    assert ex.owner.name == "Maria Silva"
    kinds = dict(zip(ex.files["path"], ex.files["kind"], strict=True))
    assert kinds["connections.csv"] == "connections"
    assert kinds["Messages.CSV"] == "messages"


SPLIT_MESSAGES_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": MESSAGES_HEADER
    + b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,Part one row one,INBOX\n"
    + b"2-Ym9iMQ==,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Lee,https://www.linkedin.com/in/bob-lee,2025-11-07 09:15:00 UTC,,Part one row two,INBOX\n",
    "messages_1.csv": MESSAGES_HEADER
    + b"2-Y2hlbjE=,,Chen Wei,https://www.linkedin.com/in/chen-wei-7b2,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2024-01-02 08:00:00 UTC,,Part two row one,INBOX\n",
    "messages_2.csv": MESSAGES_HEADER
    + b"2-ZGFuYTE=,,Dana Kim,https://www.linkedin.com/in/dana-kim,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2023-05-06 07:00:00 UTC,,Part three row one,INBOX\n",
}


def test_split_parts_are_concatenated(load):
    ex = load(SPLIT_MESSAGES_EXPORT)
    assert sorted(ex.messages["content"].tolist()) == [
        "Part one row one",
        "Part one row two",
        "Part three row one",
        "Part two row one",
    ]


def test_each_split_part_is_its_own_files_row(load):
    ex = load(SPLIT_MESSAGES_EXPORT)
    files = ex.files.set_index("path")
    assert files.loc["messages.csv", "kind"] == "messages"
    assert files.loc["messages_1.csv", "kind"] == "messages"
    assert files.loc["messages_2.csv", "kind"] == "messages"
    assert files.loc["messages.csv", "rows_read"] == 2
    assert files.loc["messages_1.csv", "rows_read"] == 1
    assert files.loc["messages_2.csv", "rows_read"] == 1


JOB_APPLICATIONS_HEADER = b"Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n"

JOBS_SPLIT_EXPORT = {
    "Connections.csv": CONNECTIONS_PLAIN,
    "Jobs/Job Applications.csv": JOB_APPLICATIONS_HEADER
    + b'"8/27/25, 1:35 PM",maria@example.com,,Globex,Data Engineer,http://www.linkedin.com/jobs/view/4290000001,,\n',
    "Jobs/Job Applications_1.csv": JOB_APPLICATIONS_HEADER
    + b'"3/2/24, 9:05 AM",maria@example.com,,Initech,Analyst,http://www.linkedin.com/jobs/view/3850000002,,\n',
}


def test_split_parts_in_a_subfolder_are_both_listed_with_one_kind(load):
    ex = load(JOBS_SPLIT_EXPORT)
    files = ex.files.set_index("path")
    assert "Jobs/Job Applications.csv" in files.index
    assert "Jobs/Job Applications_1.csv" in files.index
    assert (
        files.loc["Jobs/Job Applications.csv", "kind"]
        == files.loc["Jobs/Job Applications_1.csv", "kind"]
    )


COMMENTS_MEMBER_ID_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Comments_17529409.csv": (
        b"Date,Link,Message\n"
        b"2026-03-01 09:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001,Congratulations on the launch\n"
    ),
}


def test_member_id_suffix_is_not_a_split_part(load):
    ex = load(COMMENTS_MEMBER_ID_EXPORT)
    assert ex.comments["text"].tolist() == ["Congratulations on the launch"]
    assert ex.comments["commented_at"].tolist() == [ts("2026-03-01 09:00:00")]
    kinds = dict(zip(ex.files["path"], ex.files["kind"], strict=True))
    assert kinds["Comments_17529409.csv"] == "comments"


UNKNOWN_FILES_EXPORT = {
    "Connections.csv": CONNECTIONS_PLAIN,
    "Ad_Targeting.csv": (
        b"Member Age,Company Names,Degrees,Member Gender\n"
        b"25 to 34,Acme; Globex,Master of Science,Female\n"
    ),
    "Verifications/Verifications.csv": (
        b"First name,Last name,Verification type,Verification version,Verified date\n"
        b"Maria,Silva,Workplace,1,2024-02-01\n"
    ),
}


def test_unrecognised_files_are_listed_with_kind_unknown(load):
    ex = load(UNKNOWN_FILES_EXPORT)
    kinds = dict(zip(ex.files["path"], ex.files["kind"], strict=True))
    assert kinds["Ad_Targeting.csv"] == "unknown"
    assert kinds["Verifications/Verifications.csv"] == "unknown"
    assert kinds["Connections.csv"] == "connections"
    assert ex.files.loc[ex.files["kind"] == "unknown", "format_version"].isna().all()


# Connections.csv re-encoded like the 2018 Complete files: UTF-16LE + BOM, TAB, every field quoted.
UTF16_CONNECTIONS_EXPORT = {
    "Connections.csv": utf16(
        '"First Name"\t"Last Name"\t"Email Address"\t"Company"\t"Position"\t"Connected On"\r\n'
        '"Ana"\t"González"\t""\t"Acme, Inc."\t"Engineer"\t"08 Nov 2019"\r\n'
        '"Bob"\t"Lee"\t"bob@example.com"\t"Globex"\t"Product Manager"\t"12 Mar 2020"\r\n'
    ),
}


def test_utf16_tab_file_of_any_kind_is_sniffed(load):
    ex = load(UTF16_CONNECTIONS_EXPORT)
    connections = ex.connections.sort_values("connected_on").reset_index(drop=True)
    assert connections["first_name"].tolist() == ["Ana", "Bob"]
    assert connections["last_name"].tolist() == ["González", "Lee"]
    assert connections["company"].tolist() == ["Acme, Inc.", "Globex"]
    assert connections["connected_on"].tolist() == [ts("2019-11-08"), ts("2020-03-12")]
    assert connections["email"].isna().tolist() == [True, False]
    files = ex.files.set_index("path")
    assert files.loc["Connections.csv", "encoding"] == "utf-16"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CONNECTIONS_PLAIN, "utf-8"),
        (b"\xef\xbb\xbf" + CONNECTIONS_PLAIN, "utf-8-sig"),
    ],
    ids=["plain", "bom"],
)
def test_files_encoding_column(load, data, encoding):
    ex = load({"Connections.csv": data})
    assert ex.files.set_index("path").loc["Connections.csv", "encoding"] == encoding
    assert ex.connections["first_name"].tolist() == ["Bob"]


@pytest.mark.parametrize("name", ["Inbox.csv", "Messages.csv", "messages.csv"])
def test_every_messages_file_name_of_every_era_is_kind_messages(load, name):
    data = b'From,To,Date,Content\nBob Lee,Maria Silva,"July 5, 2017, 3:04 PM",Hello\n'
    if name != "Inbox.csv":
        data = (
            MESSAGES_HEADER
            + b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,Hello,INBOX\n"
        )
    ex = load({"Profile.csv": PROFILE_CSV, name: data})
    assert ex.files.set_index("path").loc[name, "kind"] == "messages"
    assert ex.messages["content"].tolist() == ["Hello"]
