# ruff: noqa: E501
"""messages.csv (and Inbox.csv / Messages.csv) in every era, with groups, drafts, sponsored, AI files.

Spec (linkedin-export.md, "messages.csv"): 2017 ``Inbox.csv`` ``From,To,Date,Content``; 2018
``Messages.csv`` with Direction/Folder; 2020 upper-case with ISO dates; 2021 ``CONVERSATION ID``
header; 2023-04 ``RECIPIENT PROFILE URLS``; late-2024 → 2026 optional trailing ``IS MESSAGE DRAFT``,
``IS CONVERSATION DRAFT``, ``ATTACHMENTS``; from ~Apr 2026 every field quoted with real newlines in
CONTENT. Direction comes from the owner. Groups: split the URLs, never the names. ``LinkedIn
Member`` = no person. Sponsored and drafts are not relationships. AI-assistant files share the
schema but are not person-to-person messaging.
"""

from __future__ import annotations

import pandas as pd
import pytest
from fixtures import OWNER_ID, PROFILE_CSV, ts

HEADER_2023 = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"


def one(frame: pd.DataFrame, **where) -> pd.Series:
    """The single row of ``frame`` matching every ``column=value``."""
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    rows = frame[mask]
    assert len(rows) == 1, f"{len(rows)} rows match {where}"
    return rows.iloc[0]


# --- eras ----------------------------------------------------------------------------------------

INBOX_2017_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Inbox.csv": (
        b"From,To,Date,Content\n"
        b'John Smith,Maria Silva,"July 5, 2017, 3:04 PM",Thanks for connecting!\n'
        b'Maria Silva,John Smith,"July 5, 2017, 4:10 PM","Likewise, John."\n'
    ),
}


def test_2017_inbox_dates_and_direction(load):
    ex = load(INBOX_2017_EXPORT)
    m = ex.messages
    incoming = one(m, content="Thanks for connecting!")
    outgoing = one(m, content="Likewise, John.")
    assert incoming["sent_at"] == ts("2017-07-05 15:04")
    assert outgoing["sent_at"] == ts("2017-07-05 16:10")
    assert incoming["direction"] == "incoming"
    assert outgoing["direction"] == "outgoing"
    assert incoming["sender_name"] == "John Smith"


def test_2017_inbox_counterpart_known_by_name(load):
    ex = load(INBOX_2017_EXPORT)
    incoming = one(ex.messages, content="Thanks for connecting!")
    assert incoming["sender_id"] == "name:john smith"
    events = ex.interactions[ex.interactions["channel"] == "message"]
    assert sorted(events["person_id"]) == ["name:john smith", "name:john smith"]
    assert sorted(events["direction"]) == ["incoming", "outgoing"]


MESSAGES_2018_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Messages.csv": (
        b"From,To,Date,Subject,Content,Direction,Folder\n"
        b'John Smith,Maria Silva,"10/16/18, 8:36 AM",Quick question,Are you hiring?,INCOMING,INBOX\n'
        b'Maria Silva,John Smith,"10/16/18, 9:02 AM",RE: Quick question,Not right now.,OUTGOING,SENT\n'
    ),
}


def test_2018_messages_dates_direction_subject(load):
    ex = load(MESSAGES_2018_EXPORT)
    incoming = one(ex.messages, content="Are you hiring?")
    outgoing = one(ex.messages, content="Not right now.")
    assert incoming["sent_at"] == ts("2018-10-16 08:36")
    assert outgoing["sent_at"] == ts("2018-10-16 09:02")
    assert incoming["direction"] == "incoming"
    assert outgoing["direction"] == "outgoing"
    assert incoming["subject"] == "Quick question"
    assert outgoing["folder"] == "SENT"


MESSAGES_2020_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": (
        b"FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER\n"
        b"John Smith,Maria Silva,2019-11-06T02:08:20,,See you at the meetup,INCOMING,INBOX\n"
        b"Maria Silva,John Smith,2019-11-06T03:00:00,,Sure!,OUTGOING,SENT\n"
    ),
}


def test_2020_upper_case_header_and_iso_dates(load):
    ex = load(MESSAGES_2020_EXPORT)
    incoming = one(ex.messages, content="See you at the meetup")
    outgoing = one(ex.messages, content="Sure!")
    assert incoming["sent_at"] == ts("2019-11-06 02:08:20")
    assert outgoing["sent_at"] == ts("2019-11-06 03:00:00")
    assert incoming["direction"] == "incoming"
    assert outgoing["direction"] == "outgoing"
    assert pd.isna(incoming["subject"])


MESSAGES_2021_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": (
        b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
        b"2-MjAyMWNvbnYx,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,2021-03-04 10:00:00 UTC,,Hello Maria,INBOX\n"
        b"2-MjAyMWNvbnYx,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Lee,2021-03-04 11:30:00 UTC,,Hi Bob,ARCHIVE\n"
    ),
}


def test_2021_conversation_header_without_recipient_urls(load):
    ex = load(MESSAGES_2021_EXPORT)
    incoming = one(ex.messages, content="Hello Maria")
    outgoing = one(ex.messages, content="Hi Bob")
    assert incoming["conversation_id"] == "2-MjAyMWNvbnYx"
    assert incoming["sent_at"] == ts("2021-03-04 10:00:00")
    assert incoming["direction"] == "incoming"
    assert outgoing["direction"] == "outgoing"
    assert incoming["sender_id"] == "bob-lee"
    assert outgoing["sender_id"] == OWNER_ID
    assert outgoing["folder"] == "ARCHIVE"


def test_2021_recipient_known_only_by_name_resolves_to_the_url_known_person(load):
    # No RECIPIENT PROFILE URLS yet: "Bob Lee" in TO matches exactly one URL-known person.
    ex = load(MESSAGES_2021_EXPORT)
    events = ex.interactions[ex.interactions["channel"] == "message"]
    assert events["person_id"].tolist() == ["bob-lee", "bob-lee"]
    assert sorted(events["direction"]) == ["incoming", "outgoing"]


MESSAGES_2025_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": HEADER_2023
    + b"2-YW5hMQ==,,Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,Coffee next week?,INBOX\n"
    + b'2-YW5hMQ==,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,2025-11-07 09:15:00 UTC,Catching up,"Hi Ana, are you free?",INBOX\n'
    + b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2024-02-01 18:00:00 UTC,,,SPAM\n",
}


def test_2023_recipient_urls_era(load):
    ex = load(MESSAGES_2025_EXPORT)
    m = ex.messages
    assert len(m) == 3
    incoming = one(m, content="Coffee next week?")
    outgoing = one(m, content="Hi Ana, are you free?")
    assert incoming["sent_at"] == ts("2025-11-08 14:22:10")
    assert incoming["direction"] == "incoming"
    assert incoming["sender_id"] == "ana-gonzález"
    assert incoming["sender_name"] == "Ana González"
    assert list(incoming["recipient_ids"]) == [OWNER_ID]
    assert outgoing["direction"] == "outgoing"
    assert outgoing["sender_id"] == OWNER_ID
    assert list(outgoing["recipient_ids"]) == ["ana-gonzález"]
    assert outgoing["subject"] == "Catching up"
    assert outgoing["recipient_names"] == "Ana González"
    assert not incoming["is_group"]
    assert not outgoing["is_group"]


def test_empty_content_is_missing_and_folder_kept(load):
    ex = load(MESSAGES_2025_EXPORT)
    bob = one(ex.messages, sender_id="bob-lee")
    assert pd.isna(bob["content"])
    assert bob["folder"] == "SPAM"
    assert pd.isna(bob["conversation_title"])


TAIL_COMBINATIONS = [
    (b"IS MESSAGE DRAFT", b"No"),
    (b"IS MESSAGE DRAFT,IS CONVERSATION DRAFT", b"No,No"),
    (b"ATTACHMENTS", b""),
    (b"IS MESSAGE DRAFT,IS CONVERSATION DRAFT,ATTACHMENTS", b"No,No,"),
    (b"ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT", b",No,No"),
]


@pytest.mark.parametrize(
    ("tail_header", "tail_values"), TAIL_COMBINATIONS, ids=lambda v: v.decode()
)
def test_late_2024_optional_trailing_columns(load, tail_header, tail_values):
    data = (
        HEADER_2023.rstrip(b"\n")
        + b","
        + tail_header
        + b"\n"
        + b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-01-20 07:45:00 UTC,,Happy new year,INBOX,"
        + tail_values
        + b"\n"
    )
    ex = load({"Profile.csv": PROFILE_CSV, "messages.csv": data})
    row = one(ex.messages, sender_id="bob-lee")
    assert row["content"] == "Happy new year"
    assert row["folder"] == "INBOX"
    assert row["sent_at"] == ts("2025-01-20 07:45:00")
    assert row["direction"] == "incoming"
    assert not row["is_draft"]
    assert not row["is_sponsored"]


MESSAGES_DRAFTS_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": (
        b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT,IS CONVERSATION DRAFT\n"
        b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2024-11-02 10:00:00 UTC,,Hello!,INBOX,No,No\n"
        b"2-Ym9iMQ==,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Lee,https://www.linkedin.com/in/bob-lee,2024-11-03 08:00:00 UTC,,Half-written repl,INBOX,Yes,No\n"
        b",,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Chen Wei,https://www.linkedin.com/in/chen-wei-7b2,2024-11-04 08:00:00 UTC,,,,Yes,Yes\n"
    ),
}


def test_drafts_are_flagged_outgoing_and_kept(load):
    ex = load(MESSAGES_DRAFTS_EXPORT)
    m = ex.messages
    assert len(m) == 3
    assert m["is_draft"].tolist() == [False, True, True]
    drafts = m[m["is_draft"]]
    assert (drafts["direction"] == "outgoing").all()


def test_draft_with_empty_conversation_id_and_content(load):
    ex = load(MESSAGES_DRAFTS_EXPORT)
    draft = one(ex.messages, sent_at=ts("2024-11-04 08:00:00"))
    assert draft["is_draft"]
    assert pd.isna(draft["conversation_id"])
    assert pd.isna(draft["content"])
    assert draft["is_conversation_draft"]


def test_drafts_are_not_interactions(load):
    ex = load(MESSAGES_DRAFTS_EXPORT)
    events = ex.interactions[ex.interactions["channel"] == "message"]
    assert events["person_id"].tolist() == ["bob-lee"]
    assert events["direction"].tolist() == ["incoming"]
    assert "chen-wei-7b2" not in set(ex.interactions["person_id"])


def test_attachments_only_message(load):
    data = (
        HEADER_2023.rstrip(b"\n")
        + b",ATTACHMENTS\n"
        + b'2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-20 07:45:00 UTC,,,INBOX,"https://media.licdn.com/dms/a1?e=1764000000,https://media.licdn.com/dms/a2?e=1764000000"\n'
    )
    ex = load({"Profile.csv": PROFILE_CSV, "messages.csv": data})
    row = ex.messages.iloc[0]
    assert pd.isna(row["content"])
    assert "media.licdn.com/dms/a1" in row["attachments"]
    assert "media.licdn.com/dms/a2" in row["attachments"]


MESSAGES_2026_QUOTED_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": (
        b'"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS","IS MESSAGE DRAFT","IS CONVERSATION DRAFT"\n'
        b'"2-YW5hMjAyNg==","","Ana Gonz\xc3\xa1lez","https://www.linkedin.com/in/ana-gonz\xc3\xa1lez","Maria Silva","https://www.linkedin.com/in/maria-silva-42","2026-04-10 08:00:00 UTC","","Hi Maria,\nSee you Monday.\n\nAna","INBOX","","No","No"\n'
        b'"2-YW5hMjAyNg==","","Maria Silva","https://www.linkedin.com/in/maria-silva-42","Ana Gonz\xc3\xa1lez","https://www.linkedin.com/in/ana-gonz\xc3\xa1lez","2026-04-09 19:30:00 UTC","","Great, ""Monday"" it is","INBOX","","No","No"\n'
    ),
}


def test_2026_every_field_quoted_content_keeps_newlines(load):
    ex = load(MESSAGES_2026_QUOTED_EXPORT)
    m = ex.messages
    assert len(m) == 2
    first = one(m, direction="incoming")
    assert first["content"] == "Hi Maria,\nSee you Monday.\n\nAna"
    assert first["sent_at"] == ts("2026-04-10 08:00:00")
    assert first["sender_id"] == "ana-gonzález"
    second = one(m, direction="outgoing")
    assert second["content"] == 'Great, "Monday" it is'


def test_2026_quoted_empty_fields_are_missing(load):
    ex = load(MESSAGES_2026_QUOTED_EXPORT)
    m = ex.messages
    assert m["subject"].isna().all()
    assert m["conversation_title"].isna().all()
    assert m["attachments"].isna().all()
    assert m["is_draft"].tolist() == [False, False]


# --- groups --------------------------------------------------------------------------------------

MESSAGES_GROUP_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": HEADER_2023
    + b'2-Z3JvdXAx,Project X,Maria Silva,https://www.linkedin.com/in/maria-silva-42,"Jane Doe, MBA,Bob Lee,Chen Wei","https://www.linkedin.com/in/jane-doe-mba,https://www.linkedin.com/in/bob-lee,https://www.linkedin.com/in/chen-wei-7b2",2025-03-01 09:00:00 UTC,,Kick-off on Monday,INBOX\n'
    + b'2-Z3JvdXAx,Project X,"Jane Doe, MBA",https://www.linkedin.com/in/jane-doe-mba,"Maria Silva,Bob Lee,Chen Wei","https://www.linkedin.com/in/maria-silva-42,https://www.linkedin.com/in/bob-lee,https://www.linkedin.com/in/chen-wei-7b2",2025-03-01 10:00:00 UTC,,Works for me,INBOX\n',
}


def test_group_recipient_ids_come_from_urls_not_names(load):
    ex = load(MESSAGES_GROUP_EXPORT)
    outgoing = one(ex.messages, direction="outgoing")
    assert list(outgoing["recipient_ids"]) == ["jane-doe-mba", "bob-lee", "chen-wei-7b2"]
    assert outgoing["recipient_names"] == "Jane Doe, MBA,Bob Lee,Chen Wei"
    assert outgoing["is_group"]
    assert outgoing["conversation_title"] == "Project X"


def test_incoming_group_message_sender_with_comma_in_name(load):
    ex = load(MESSAGES_GROUP_EXPORT)
    incoming = one(ex.messages, direction="incoming")
    assert incoming["sender_name"] == "Jane Doe, MBA"
    assert incoming["sender_id"] == "jane-doe-mba"
    assert list(incoming["recipient_ids"]) == [OWNER_ID, "bob-lee", "chen-wei-7b2"]
    assert incoming["is_group"]


def test_recipient_ids_explode_to_one_id_per_row(load):
    ex = load(MESSAGES_GROUP_EXPORT)
    exploded = ex.messages.explode("recipient_ids")
    assert len(exploded) == 6
    assert exploded["recipient_ids"].map(type).eq(str).all()
    assert sorted(exploded["recipient_ids"]) == sorted(
        ["jane-doe-mba", "bob-lee", "chen-wei-7b2", OWNER_ID, "bob-lee", "chen-wei-7b2"]
    )


# --- no person: LinkedIn Member, empty sender, sponsored -----------------------------------------

MESSAGES_NO_PERSON_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": HEADER_2023
    + b"2-bG0x,,LinkedIn Member,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-06-01 12:00:00 UTC,,Hello from a hidden member,INBOX\n"
    + b"2-ZW1wdHkx,,,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-06-02 12:00:00 UTC,,Hello from nobody,INBOX\n"
    + b"2-ZW1wdHky,,,,Bob Lee,https://www.linkedin.com/in/bob-lee,2025-06-03 12:00:00 UTC,,Not to the owner,INBOX\n"
    + b'2-c3BvbnNvcmVk,Sponsored Conversation,LinkedIn Member,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-09-01 16:00:00 UTC,Grow your career,"<p class=""spinmail-quill-editor__spin-break"">Hi %FIRSTNAME%,</p>",INBOX\n'
    + b"2-c3BvbnNvcmVkMg==,Sponsored Conversation,Acme Talent Team,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-09-02 16:00:00 UTC,We are hiring,Hi Maria&nbsp;we&rsquo;re hiring,INBOX\n"
    + b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-06-04 12:00:00 UTC,,A real message,INBOX\n"
    + b"2-Ym9iMQ==,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Lee,https://www.linkedin.com/in/bob-lee,2025-06-04 13:00:00 UTC,,A real reply,INBOX\n",
}


def test_linkedin_member_has_no_id_and_is_incoming(load):
    ex = load(MESSAGES_NO_PERSON_EXPORT)
    row = one(ex.messages, content="Hello from a hidden member")
    assert pd.isna(row["sender_id"])
    assert row["sender_name"] == "LinkedIn Member"
    assert row["direction"] == "incoming"
    assert not row["is_sponsored"]


def test_empty_sender_to_the_owner_is_incoming(load):
    ex = load(MESSAGES_NO_PERSON_EXPORT)
    row = one(ex.messages, content="Hello from nobody")
    assert pd.isna(row["sender_id"])
    assert pd.isna(row["sender_name"])
    assert row["direction"] == "incoming"


def test_empty_sender_not_to_the_owner_has_unknown_direction(load):
    ex = load(MESSAGES_NO_PERSON_EXPORT)
    row = one(ex.messages, content="Not to the owner")
    assert pd.isna(row["direction"])


def test_sponsored_messages_are_flagged_incoming_without_person(load):
    ex = load(MESSAGES_NO_PERSON_EXPORT)
    sponsored = ex.messages[ex.messages["is_sponsored"]]
    assert len(sponsored) == 2
    assert sponsored["sender_id"].isna().all()
    assert (sponsored["direction"] == "incoming").all()
    assert set(sponsored["conversation_title"]) == {"Sponsored Conversation"}
    html = one(ex.messages, conversation_id="2-c3BvbnNvcmVk")["content"]
    assert html == '<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%,</p>'


ADVERT_WITHOUT_TITLE_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "messages.csv": HEADER_2023
    + b'2-YWR2ZXJ0,,LinkedIn Member,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-09-03 16:00:00 UTC,Grow your career,"<p class=""spinmail-quill-editor__spin-break"">Hi %FIRSTNAME%,</p>",INBOX\n'
    + b'2-Ym9iMg==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-09-04 12:00:00 UTC,,"How do I undo <p class=""spinmail-quill-editor__spin-break""> in our mails?",INBOX\n',
}


def test_advert_html_from_a_sender_without_url_is_sponsored_without_the_title(load):
    """LinkedIn's advert HTML marks an advert when the title does not; a member who quotes
    that HTML in a message is still a member writing (adverts come without a profile URL)."""
    ex = load(ADVERT_WITHOUT_TITLE_EXPORT)
    assert one(ex.messages, conversation_id="2-YWR2ZXJ0")["is_sponsored"]
    quoted = one(ex.messages, conversation_id="2-Ym9iMg==")
    assert not quoted["is_sponsored"]
    assert quoted["sender_id"] == "bob-lee"


def test_no_person_rows_are_neither_people_nor_interactions(load):
    ex = load(MESSAGES_NO_PERSON_EXPORT)
    assert ex.people["person_id"].tolist() == ["bob-lee"]
    events = ex.interactions[ex.interactions["channel"] == "message"]
    assert events["person_id"].tolist() == ["bob-lee", "bob-lee"]
    assert sorted(events["direction"]) == ["incoming", "outgoing"]
    assert not ex.people["name"].isin(["LinkedIn Member", "Acme Talent Team"]).any()


# --- the owner decides direction -----------------------------------------------------------------

MESSAGES_NO_PROFILE_EXPORT = {
    "messages.csv": HEADER_2023
    + b"2-YW5hMQ==,,Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-11-08 14:22:10 UTC,,Coffee?,INBOX\n"
    + b"2-YW5hMQ==,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Ana Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonz\xc3\xa1lez,2025-11-07 09:15:00 UTC,,Hi Ana,INBOX\n"
    + b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-10-01 10:00:00 UTC,,Hi Maria,INBOX\n"
    + b"2-Y2hlbjE=,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Chen Wei,https://www.linkedin.com/in/chen-wei-7b2,2025-09-01 10:00:00 UTC,,Welcome aboard,INBOX\n",
}


def test_without_profile_direction_comes_from_the_most_common_url(load):
    ex = load(MESSAGES_NO_PROFILE_EXPORT)
    assert ex.owner.person_id == OWNER_ID
    m = ex.messages
    assert one(m, content="Coffee?")["direction"] == "incoming"
    assert one(m, content="Hi Ana")["direction"] == "outgoing"
    assert one(m, content="Hi Maria")["direction"] == "incoming"
    assert one(m, content="Welcome aboard")["direction"] == "outgoing"


def test_profile_name_finds_the_owner_even_in_one_conversation(load):
    # One conversation only: both URLs appear once; Profile.csv's name decides.
    data = HEADER_2023 + (
        b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-10-01 10:00:00 UTC,,Hi Maria,INBOX\n"
    )
    ex = load({"Profile.csv": PROFILE_CSV, "messages.csv": data})
    assert ex.owner.person_id == OWNER_ID
    assert ex.messages["direction"].tolist() == ["incoming"]


# --- AI assistants -------------------------------------------------------------------------------

ASSISTANT_CSV = HEADER_2023 + (
    b"2-Y29hY2gx,,LinkedIn Learning Coach,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-02-01 10:00:00 UTC,,How can I help you today?,INBOX\n"
    b"2-Y29hY2gx,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,LinkedIn Learning Coach,,2025-02-01 10:01:00 UTC,,Teach me pandas,INBOX\n"
)

MESSAGES_WITH_ASSISTANT_EXPORT = {
    **MESSAGES_2025_EXPORT,
    "learning_coach_messages.csv": ASSISTANT_CSV,
}


@pytest.mark.parametrize(
    "file_name",
    [
        "coach_messages.csv",
        "learning_coach_messages.csv",
        "learning_role_play_messages.csv",
        "guide_messages.csv",
    ],
)
def test_ai_assistant_files_go_to_assistant_messages(load, file_name):
    ex = load({**MESSAGES_2025_EXPORT, file_name: ASSISTANT_CSV})
    assert len(ex.messages) == 3
    assistant = ex.assistant_messages
    assert len(assistant) == 2
    assert set(assistant["source"]) == {file_name.removesuffix(".csv")}
    assert set(assistant["content"]) == {"How can I help you today?", "Teach me pandas"}
    assert ex.files.set_index("path").loc[file_name, "kind"] == "assistant_messages"


def test_ai_assistant_messages_are_not_people_nor_interactions(load):
    ex = load(MESSAGES_WITH_ASSISTANT_EXPORT)
    assert not ex.messages["content"].isin(["Teach me pandas", "How can I help you today?"]).any()
    assert sorted(ex.people["person_id"]) == ["ana-gonzález", "bob-lee"]
    assert not ex.interactions["conversation_id"].isin(["2-Y29hY2gx"]).any()
    assert "LinkedIn Learning Coach" not in set(ex.people["name"].dropna())


@pytest.mark.parametrize(
    "data", [b"No conversations found\n", b"No conversations found"], ids=["lf", "no-newline"]
)
def test_learning_coach_file_with_no_conversations(load, data):
    ex = load({**MESSAGES_2025_EXPORT, "LearningCoachMessages.csv": data})
    assert len(ex.messages) == 3
    assert len(ex.assistant_messages) == 0
    files = ex.files.set_index("path")
    assert files.loc["LearningCoachMessages.csv", "rows_kept"] == 0
    assert not (ex.problems["value"] == "No conversations found").any()


def test_pre_2023_group_recipients_are_never_split_by_name(load):
    # No RECIPIENT PROFILE URLS before 2023-04: "Jane Doe, MBA,Bob Lee" cannot be split safely.
    data = (
        b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
        b'2-Z3JwMjAyMg==,Team,Maria Silva,https://www.linkedin.com/in/maria-silva-42,"Jane Doe, MBA,Bob Lee",2022-05-01 09:00:00 UTC,,Hello team,INBOX\n'
    )
    ex = load({"Profile.csv": PROFILE_CSV, "messages.csv": data})
    ids = list(ex.messages["recipient_ids"].iloc[0])
    assert "name:mba" not in ids
    assert "name:jane doe" not in ids
    assert "name:mba bob lee" not in ids
    assert ex.messages["recipient_names"].iloc[0] == "Jane Doe, MBA,Bob Lee"
    assert "name:mba" not in set(ex.people["person_id"])


def test_outgoing_message_to_a_linkedin_member_has_no_counterpart(load):
    data = HEADER_2023 + (
        b"2-bG0y,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,LinkedIn Member,,2025-06-05 12:00:00 UTC,,Are you still there?,INBOX\n"
    )
    ex = load({"Profile.csv": PROFILE_CSV, "messages.csv": data})
    row = ex.messages.iloc[0]
    assert row["direction"] == "outgoing"
    assert list(row["recipient_ids"]) == []
    assert len(ex.interactions) == 0
    assert len(ex.people) == 0


def test_header_only_messages_file_is_empty_not_an_error(load):
    ex = load({"Profile.csv": PROFILE_CSV, "messages.csv": HEADER_2023})
    assert len(ex.messages) == 0
    assert ex.files.set_index("path").loc["messages.csv", "rows_read"] == 0


def test_profile_name_with_stray_spaces_still_finds_the_owner(load):
    profile = (
        b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
        b"Geo Location,Twitter Handles,Websites,Instant Messengers\n"
        b"Maria ,Silva ,,,,,,,,,,,\n"
    )
    data = HEADER_2023 + (
        b"2-Ym9iMQ==,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-10-01 10:00:00 UTC,,Hi Maria,INBOX\n"
    )
    ex = load({"Profile.csv": profile, "messages.csv": data})
    assert ex.owner.name == "Maria Silva"
    assert ex.owner.person_id == OWNER_ID
    assert ex.messages["direction"].tolist() == ["incoming"]
