# ruff: noqa: E501
"""Every date format of the spec, for any instant (hypothesis), in the file where it appears.

Spec, "Date formats a reader must accept (at least)": ``08 Nov 2023`` · ``1/8/18, 6:14 PM`` ·
``07/15/18, 09:11 PM`` · ``2025-11-08 14:22:10 UTC`` · ``2022-09-11 02:49:29`` ·
``2024/06/26 00:52:03 UTC`` · ``Tue Oct 28 20:33:50 UTC 2025`` · ``2019-11-06T02:08:20`` ·
``July 5, 2017, 3:04 PM`` · ``Jun 2018`` / ``2017`` · Excel ``9-Sep-22``. Times without a zone are
UTC. The 12-hour formats are where readers slip (12:xx AM is just after midnight, 12:xx PM noon).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import pytest
from fixtures import PROFILE_CSV
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def h12(dt: datetime) -> str:
    return f"{dt.hour % 12 or 12}:{dt:%M} {'AM' if dt.hour < 12 else 'PM'}"


def minute(dt: datetime) -> datetime:
    return dt.replace(second=0, microsecond=0)


def second(dt: datetime) -> datetime:
    return dt.replace(microsecond=0)


def day(dt: datetime) -> datetime:
    return dt.replace(hour=0, minute=0, second=0, microsecond=0)


def month(dt: datetime) -> datetime:
    return day(dt).replace(day=1)


def field(text: str) -> bytes:
    data = text.encode()
    return b'"' + data + b'"' if b"," in data else data


@dataclass(frozen=True)
class Case:
    file: str
    header: bytes
    row: Callable[[bytes], bytes]
    table: str
    column: str
    render: Callable[[datetime], str]
    expected: Callable[[datetime], datetime]


MESSAGES_2023 = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"

CASES = {
    "connections 08 Nov 2023": Case(
        "Connections.csv",
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
        lambda d: b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,PM," + d + b"\n",
        "connections",
        "connected_on",
        lambda dt: f"{dt:%d %b %Y}",
        day,
    ),
    "connections 1/8/18, 6:14 PM": Case(
        "Connections.csv",
        b"First Name,Last Name,Address,Email Address,Company,Position,Connected On,Websites,Instant Messengers\n",
        lambda d: b"Bob,Lee,,,Globex,PM," + d + b",,\n",
        "connections",
        "connected_on",
        lambda dt: f"{dt.month}/{dt.day}/{dt:%y}, {h12(dt)}",
        minute,
    ),
    "connections Excel 9-Sep-22": Case(
        "Connections.csv",
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
        lambda d: b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,PM," + d + b"\n",
        "connections",
        "connected_on",
        lambda dt: f"{dt.day}-{dt:%b}-{dt:%y}",
        day,
    ),
    "messages 2025-11-08 14:22:10 UTC": Case(
        "messages.csv",
        MESSAGES_2023,
        lambda d: (
            b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,"
            + d
            + b",,Hi,INBOX\n"
        ),
        "messages",
        "sent_at",
        lambda dt: f"{dt:%Y-%m-%d %H:%M:%S} UTC",
        second,
    ),
    "messages 2019-11-06T02:08:20": Case(
        "messages.csv",
        b"FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER\n",
        lambda d: b"Bob Lee,Maria Silva," + d + b",,Hi,INCOMING,INBOX\n",
        "messages",
        "sent_at",
        lambda dt: f"{dt:%Y-%m-%dT%H:%M:%S}",
        second,
    ),
    "inbox July 5, 2017, 3:04 PM": Case(
        "Inbox.csv",
        b"From,To,Date,Content\n",
        lambda d: b"Bob Lee,Maria Silva," + d + b",Hi\n",
        "messages",
        "sent_at",
        lambda dt: f"{dt:%B} {dt.day}, {dt.year}, {h12(dt)}",
        minute,
    ),
    "messages 10/16/18, 8:36 AM": Case(
        "Messages.csv",
        b"From,To,Date,Subject,Content,Direction,Folder\n",
        lambda d: b"Bob Lee,Maria Silva," + d + b",,Hi,INCOMING,INBOX\n",
        "messages",
        "sent_at",
        lambda dt: f"{dt.month}/{dt.day}/{dt:%y}, {h12(dt)}",
        minute,
    ),
    "invitations 10/21/25, 10:26 PM": Case(
        "Invitations.csv",
        b"From,To,Sent At,Message,Direction\n",
        lambda d: b"Bob Lee,Maria Silva," + d + b",,INCOMING\n",
        "invitations",
        "sent_at",
        lambda dt: f"{dt.month}/{dt.day}/{dt:%y}, {h12(dt)}",
        minute,
    ),
    "recommendations 07/15/18, 09:11 PM": Case(
        "Recommendations_Received.csv",
        b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n",
        lambda d: b"Bob,Lee,Globex,PM,Great colleague.," + d + b",VISIBLE\n",
        "recommendations",
        "created_at",
        lambda dt: f"{dt:%m/%d/%y, %I:%M %p}",
        minute,
    ),
    "endorsements 2024/06/26 00:52:03 UTC": Case(
        "Endorsement_Received_Info.csv",
        b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n",
        lambda d: d + b",Python,Bob,Lee,www.linkedin.com/in/bob-lee,ACCEPTED\n",
        "endorsements",
        "endorsed_at",
        lambda dt: f"{dt:%Y/%m/%d %H:%M:%S} UTC",
        second,
    ),
    "company follows Tue Oct 28 20:33:50 UTC 2025": Case(
        "Company Follows.csv",
        b"Organization,Followed On\n",
        lambda d: b"Acme," + d + b"\n",
        "company_follows",
        "followed_at",
        lambda dt: f"{dt:%a %b %d %H:%M:%S} UTC {dt.year}",
        second,
    ),
    "reactions 2022-09-11 02:49:29": Case(
        "Reactions.csv",
        b"Date,Type,Link\r\n",
        lambda d: (
            d
            + b",LIKE,https://www.linkedin.com/feed/update/urn:li:activity:6974537925219024896\r\n"
        ),
        "reactions",
        "reacted_at",
        lambda dt: f"{dt:%Y-%m-%d %H:%M:%S}",
        second,
    ),
    "positions Jun 2018": Case(
        "Positions.csv",
        b"Company Name,Title,Description,Location,Started On,Finished On\n",
        lambda d: b"Acme,Engineer,,Lisbon," + d + b",\n",
        "positions",
        "started_on",
        lambda dt: f"{dt:%b %Y}",
        month,
    ),
    "email addresses 8/22/22, 10:24 AM": Case(
        "Email Addresses.csv",
        b"Email Address,Confirmed,Primary,Updated On\n",
        lambda d: b"maria@example.com,Yes,Yes," + d,
        "email_addresses",
        "updated_on",
        lambda dt: f"{dt.month}/{dt.day}/{dt:%y}, {h12(dt)}",
        minute,
    ),
}

INSTANTS = st.datetimes(
    min_value=datetime(2003, 1, 1), max_value=datetime(2030, 12, 31, 23, 59, 59)
)
EDGE_INSTANTS = [
    datetime(2024, 1, 1, 0, 5, 0),  # 12:05 AM
    datetime(2024, 2, 29, 12, 0, 0),  # 12:00 PM on a leap day
    datetime(2023, 12, 31, 23, 59, 59),
    datetime(2023, 3, 1, 0, 0, 7),  # the first days after a short month: real, kept
    datetime(2025, 12, 3, 12, 30, 0),
]


def check(load_files, case: Case, instant: datetime) -> None:
    files = {
        "Profile.csv": PROFILE_CSV,
        case.file: case.header + case.row(field(case.render(instant))),
    }
    ex = load_files(files)
    values = getattr(ex, case.table)[case.column].tolist()
    expected = pd.Timestamp(case.expected(instant), tz="UTC")
    assert values == [expected], (case.render(instant), values)


@pytest.mark.parametrize("case_id", list(CASES))
@pytest.mark.parametrize("instant", EDGE_INSTANTS, ids=str)
def test_date_format_edge_instants(load, case_id, instant):
    check(load, CASES[case_id], instant)


@pytest.mark.parametrize("case_id", list(CASES))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instant=INSTANTS)
def test_date_format_any_instant(load_path, case_id, instant):
    check(load_path, CASES[case_id], instant)


@pytest.mark.parametrize(
    "case_id", [c for c, case in CASES.items() if "28" in case.render(datetime(2023, 2, 28))]
)
@pytest.mark.parametrize("day_of_month", [29, 30, 31])
def test_a_day_the_month_does_not_have_is_a_problem_not_the_next_month(load, case_id, day_of_month):
    """Arrow's strptime reads 30 Feb as 2 March: such a date is reported, never shifted."""
    case = CASES[case_id]
    text = case.render(datetime(2023, 2, 28, 10, 26, 33)).replace("28", str(day_of_month))
    ex = load({"Profile.csv": PROFILE_CSV, case.file: case.header + case.row(field(text))})
    assert getattr(ex, case.table)[case.column].isna().tolist() == [True]
    problem = ex.problems[ex.problems["value"] == text]
    assert problem[["file", "line", "column"]].values.tolist() == [[case.file, 2, case.column]]
    assert problem["reason"].str.startswith("not a date").all()
