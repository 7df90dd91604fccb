"""The synthetic export generator, ``netkit.sample``.

What it promises: the same arguments give the same bytes; the files carry the quirks of LinkedIn's
2025/2026 exports (one test per quirk); the planted stories are recorded and true to the data;
the large size reaches LinkedIn's 30,000-connection cap; and netkit's own loader reads back
exactly the truth the generator kept.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netkit as nk
from netkit import _sample_chat as chat
from netkit import _sample_names as names
from netkit.metrics._common import load_lexicon
from netkit.metrics.invitations import _contains, compile_lexicon
from netkit.metrics.ties import CONTACT_DETAILS, meeting_pattern
from netkit.sample import _SLOT, SampleExport, _chat_vocabulary, build_sample, generate_export

SAMPLE_ZIP = (
    Path(__file__).parents[1] / "data" / "sample" / "Complete_LinkedInDataExport_11-16-2026.zip"
)
ACTIVITY_STEMS = ("Comments", "Reactions", "Shares", "Member_Follows")
FIRST_NAMES = {first for _, firsts, _ in names.NAME_GROUPS.values() for first in firsts} | {
    first for first, *_ in (*names.CHINESE_SCRIPT_NAMES, *names.PLANTED_NAMES)
}


# --- fixtures ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample() -> SampleExport:
    """The committed sample: small, seed 0, 2026 style, Complete."""
    return build_sample()


@pytest.fixture(scope="module")
def folder(sample: SampleExport, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample.write(tmp_path_factory.mktemp("sample"), as_zip=False)


@pytest.fixture(scope="module")
def sample_2025() -> SampleExport:
    return build_sample(size=120, seed=3, messages_style="2025")


@pytest.fixture(scope="module")
def folder_2025(sample_2025: SampleExport, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_2025.write(tmp_path_factory.mktemp("sample2025"), as_zip=False)


def text(folder: Path, name: str) -> str:
    return (folder / name).read_bytes().decode("utf-8")


def rows(folder: Path, name: str, skip: int = 0) -> list[list[str]]:
    lines = text(folder, name).split("\n", skip)[-1] if skip else text(folder, name)
    return list(csv.reader(io.StringIO(lines, newline="")))


def column(folder: Path, name: str, header: str, skip: int = 0) -> list[str]:
    table = rows(folder, name, skip)
    index = table[0].index(header)
    return [row[index] for row in table[1:]]


def activity_name(sample: SampleExport, stem: str) -> str:
    return next(n for n in sample.file_names if n.startswith(stem))


# --- determinism ---------------------------------------------------------------------------------
def test_same_arguments_give_identical_zip_bytes(tmp_path: Path):
    first = generate_export(tmp_path / "a", size=60, seed=7)
    second = generate_export(tmp_path / "b", size=60, seed=7)
    assert first.name == "Complete_LinkedInDataExport_11-16-2026.zip"
    assert first.read_bytes() == second.read_bytes()


def test_a_different_seed_gives_a_different_export(tmp_path: Path):
    first = generate_export(tmp_path / "a", size=60, seed=7)
    second = generate_export(tmp_path / "b", size=60, seed=8)
    assert first.read_bytes() != second.read_bytes()


def test_zip_is_deflated_with_fixed_timestamps_and_matches_the_folder(
    sample: SampleExport, folder: Path, tmp_path: Path
):
    path = sample.write(tmp_path)
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        assert [info.filename for info in infos] == sample.file_names
        assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}
        assert {info.date_time for info in infos} == {(2026, 11, 16, 8, 0, 0)}
        assert not any(info.is_dir() for info in infos)
        for info in infos:
            assert archive.read(info) == (folder / info.filename).read_bytes()


def test_committed_sample_is_what_the_generator_writes(folder: Path):
    # Compared member by member, uncompressed: another zlib may deflate differently.
    with zipfile.ZipFile(SAMPLE_ZIP) as archive:
        for info in archive.infolist():
            assert archive.read(info) == (folder / info.filename).read_bytes(), info.filename
        assert sorted(archive.namelist()) == sorted(p.name for p in folder.iterdir())
    assert SAMPLE_ZIP.stat().st_size < 400_000


def test_export_date_moves_the_whole_timeline():
    sample = build_sample(size=40, seed=2, export_date="2021-03-01")
    assert sample.archive_name == "Complete_LinkedInDataExport_03-01-2021"
    end = pd.Timestamp("2021-03-01", tz="UTC")
    for name, stamp in (
        ("connections", "connected_on"),
        ("messages", "sent_at"),
        ("invitations", "sent_at"),
        ("endorsements", "endorsed_at"),
    ):
        assert (sample.tables[name][stamp] < end).all(), name


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="at least 20"):
        build_sample(size=5)
    with pytest.raises(ValueError, match="size must be"):
        build_sample(size="medium")
    with pytest.raises(ValueError, match="messages_style"):
        build_sample(size=30, messages_style="2019")
    with pytest.raises(ValueError, match="kind"):
        build_sample(size=30, kind="Partial")


# --- Connections.csv -----------------------------------------------------------------------------
def test_connections_preamble_then_header_on_line_four(folder: Path):
    lines = text(folder, "Connections.csv").split("\n")
    assert lines[0] == "Notes:"
    assert lines[1].startswith(
        '"When exporting your connection data, you may notice that some '
        "of the email addresses are missing"
    )
    assert lines[1].endswith('"')
    assert lines[2] == ""
    assert lines[3] == "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def test_connections_has_no_newline_after_the_last_row(folder: Path):
    data = (folder / "Connections.csv").read_bytes()
    assert not data.endswith(b"\n")
    assert re.search(rb"\d{2} [A-Z][a-z]{2} \d{4}$", data)


def test_connections_hidden_members_are_empty_but_for_the_date(folder: Path, sample: SampleExport):
    hidden = re.findall(r"^,,,,,,\d{2} [A-Z][a-z]{2} \d{4}$", text(folder, "Connections.csv"), re.M)
    assert len(hidden) == sample.stories["hidden_members"] >= 1
    assert 0.01 <= len(hidden) / len(sample.tables["connections"]) <= 0.03


def test_connections_emails_mostly_empty_and_names_padded(folder: Path):
    table = rows(folder, "Connections.csv", skip=3)
    header, body = table[0], table[1:]
    emails = [row[header.index("Email Address")] for row in body]
    assert 0.93 <= emails.count("") / len(emails) < 1
    padded = [row for row in body if any(value != value.strip() for value in row[:2] + row[4:5])]
    assert padded


def test_percent_encoding_only_in_connections(folder: Path, sample: SampleExport):
    encoded = sample.stories["percent_encoded_people"]
    assert "josé-núñez" in " ".join(encoded)
    connections = text(folder, "Connections.csv")
    assert "linkedin.com/in/jos%C3%A9-n%C3%BA%C3%B1ez-" in connections
    assert not re.search(r"linkedin\.com/in/[^,\n]*[^\x00-\x7f]", connections)
    for name in (
        "messages.csv",
        "Invitations.csv",
        "Endorsement_Received_Info.csv",
        "Endorsement_Given_Info.csv",
    ):
        content = text(folder, name)
        assert not re.search(r"linkedin\.com/in/[^,\n\"]*%[0-9A-F]{2}", content), name
    assert "linkedin.com/in/josé-núñez-" in text(folder, "messages.csv")
    assert "linkedin.com/in/王伟-" in text(folder, "messages.csv")


# --- messages.csv --------------------------------------------------------------------------------
MESSAGES_2026_HEADER = (
    '"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
    '"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS",'
    '"IS MESSAGE DRAFT","IS CONVERSATION DRAFT"'
)


def rewrite(table: list[list[str]], quoting: int) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=quoting).writerows(table)
    return out.getvalue()


def test_messages_2026_quotes_every_field_header_included(folder: Path):
    content = text(folder, "messages.csv")
    assert content.split("\n", 1)[0] == MESSAGES_2026_HEADER
    assert rewrite(rows(folder, "messages.csv"), csv.QUOTE_ALL) == content


def test_messages_2026_keeps_real_newlines_and_attachments(folder: Path):
    table = rows(folder, "messages.csv")
    header, body = table[0], table[1:]
    content = [row[header.index("CONTENT")] for row in body]
    attachments = [row[header.index("ATTACHMENTS")] for row in body]
    assert any("\n" in value for value in content)
    assert any(value.startswith("https://www.linkedin.com/dms/") for value in attachments)
    assert any("," in value for value in attachments)  # several attachments, comma-joined


def test_messages_2025_minimal_quoting_and_flattened_newlines(folder_2025: Path):
    content = text(folder_2025, "messages.csv")
    header = content.split("\n", 1)[0]
    assert header == (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
        "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT,"
        "IS CONVERSATION DRAFT"
    )
    table = rows(folder_2025, "messages.csv")
    assert rewrite(table, csv.QUOTE_MINIMAL) == content
    assert not any("\n" in value for row in table for value in row)


def test_messages_rows_grouped_by_conversation_newest_first(folder: Path):
    table = pd.DataFrame(rows(folder, "messages.csv")[1:], columns=rows(folder, "messages.csv")[0])
    table = table[table["CONVERSATION ID"] != ""]
    blocks = table["CONVERSATION ID"].ne(table["CONVERSATION ID"].shift()).cumsum()
    assert blocks.groupby(table["CONVERSATION ID"]).nunique().eq(1).all()  # contiguous
    dates = table["DATE"]
    newest = dates.groupby(blocks, sort=True).first()
    assert newest.is_monotonic_decreasing
    assert dates.groupby(blocks).apply(lambda d: d.is_monotonic_decreasing).all()
    assert not dates.is_monotonic_decreasing  # the file is not sorted by date overall
    assert table["CONVERSATION ID"].str.match(r"^2-[A-Za-z0-9+/]+$").all()


def test_messages_quirks_are_all_present(folder: Path, sample: SampleExport):
    table = pd.DataFrame(rows(folder, "messages.csv")[1:], columns=rows(folder, "messages.csv")[0])
    group = table[
        table["TO"].str.contains("Jane Doe, MBA", regex=False)
        & table["RECIPIENT PROFILE URLS"].str.count(",").ge(2)
    ]
    assert not group.empty
    assert not group["RECIPIENT PROFILE URLS"].str.contains(", ").any()
    member = table[
        (table["FROM"] == "LinkedIn Member")
        & (table["CONVERSATION TITLE"] != "Sponsored Conversation")
    ]
    assert not member.empty
    assert (member["SENDER PROFILE URL"] == "").all()
    assert ((table["TO"] == "LinkedIn Member") & (table["RECIPIENT PROFILE URLS"] == "")).any()
    assert ((table["FROM"] == "") & (table["SENDER PROFILE URL"] == "")).any()
    ads = table[table["CONVERSATION TITLE"] == "Sponsored Conversation"]
    assert len(ads) == sample.stories["sponsored"]["messages"]
    assert (ads["FROM"] == "LinkedIn Member").all()
    assert ads["CONTENT"].str.contains("%FIRSTNAME%").all()
    assert ads["CONTENT"].str.startswith("<p").all()
    drafts = table[table["IS MESSAGE DRAFT"] == "Yes"]
    assert len(drafts) == sample.stories["drafts"]["messages"]
    assert (drafts["CONTENT"] == "").any()
    assert (drafts["CONTENT"] != "").any()
    assert (drafts["CONVERSATION ID"] == "").sum() == sample.stories["drafts"][
        "without_conversation"
    ]
    assert ((table["CONTENT"] == "") & (table["IS MESSAGE DRAFT"] == "No")).any()
    assert table["CONTENT"].str.contains("&rsquo;").any()  # an old InMail
    assert (table["SUBJECT"] != "").any()
    assert set(table["FOLDER"]) >= {"INBOX", "ARCHIVE", "SPAM", ""}


def test_owner_writes_under_their_own_name_and_url(folder: Path, sample: SampleExport):
    table = pd.DataFrame(rows(folder, "messages.csv")[1:], columns=rows(folder, "messages.csv")[0])
    mine = table[table["FROM"] == sample.owner["name"]]
    assert (mine["SENDER PROFILE URL"] == sample.owner["profile_url"]).all()
    assert len(mine) > len(table) / 4
    profile = rows(folder, "Profile.csv")
    assert profile[1][:2] == [sample.owner["first_name"], sample.owner["last_name"]]


# --- the other files -----------------------------------------------------------------------------
ENDORSED = r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} UTC"
EVENT_TIME = r"[A-Z][a-z]{2} \d{2}, \d{4} \d{2}:\d{2} [AP]M"
DATE_PATTERNS = {
    ("Connections.csv", "Connected On"): r"\d{2} [A-Z][a-z]{2} \d{4}",
    ("messages.csv", "DATE"): r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC",
    ("Invitations.csv", "Sent At"): r"[1-9]\d?/[1-9]\d?/\d{2}, [1-9]\d?:\d{2} [AP]M",
    ("Endorsement_Received_Info.csv", "Endorsement Date"): ENDORSED,
    ("Endorsement_Given_Info.csv", "Endorsement Date"): ENDORSED,
    ("Recommendations_Received.csv", "Creation Date"): r"\d{2}/\d{2}/\d{2}, \d{2}:\d{2} [AP]M",
    ("Recommendations_Given.csv", "Creation Date"): r"\d{2}/\d{2}/\d{2}, \d{2}:\d{2} [AP]M",
    (
        "Company Follows.csv",
        "Followed On",
    ): r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}",
    ("Events.csv", "Event Time"): f"{EVENT_TIME} - {EVENT_TIME}",
    ("Positions.csv", "Started On"): r"[A-Z][a-z]{2} \d{4}",
    ("Email Addresses.csv", "Updated On"): r"[1-9]\d?/[1-9]\d?/\d{2}, [1-9]\d?:\d{2} [AP]M",
}


@pytest.mark.parametrize(("name", "header"), list(DATE_PATTERNS))
def test_dates_are_written_in_each_file_format(folder: Path, name: str, header: str):
    skip = 3 if name == "Connections.csv" else 0
    values = [v for v in column(folder, name, header, skip) if v]
    assert values
    pattern = re.compile(DATE_PATTERNS[name, header])
    assert [v for v in values if not pattern.fullmatch(v)] == []


def test_invitation_dates_are_not_zero_padded_but_recommendations_are(folder: Path):
    sent = column(folder, "Invitations.csv", "Sent At")
    assert any(re.match(r"\d/", v) for v in sent)
    created = column(folder, "Recommendations_Received.csv", "Creation Date")
    created += column(folder, "Recommendations_Given.csv", "Creation Date")
    assert any(v.startswith("0") for v in created)


def test_invitations_have_the_2024_on_header_with_real_urls(folder: Path):
    table = rows(folder, "Invitations.csv")
    assert table[0] == [
        "From",
        "To",
        "Sent At",
        "Message",
        "Direction",
        "inviterProfileUrl",
        "inviteeProfileUrl",
    ]
    assert {row[4] for row in table[1:]} == {"INCOMING", "OUTGOING"}
    urls = [u for row in table[1:] for u in row[5:]]
    assert all(re.fullmatch(r"https://www\.linkedin\.com/in/\S+", u) for u in urls)
    notes = [row[3] for row in table[1:]]
    assert "I'd like to add you to my professional network on LinkedIn." in notes
    assert "" in notes


def test_endorsement_urls_have_no_scheme(folder: Path):
    for name, header in (
        ("Endorsement_Received_Info.csv", "Endorser Public Url"),
        ("Endorsement_Given_Info.csv", "Endorsee Public Url"),
    ):
        urls = column(folder, name, header)
        assert urls
        assert all(u.startswith("www.linkedin.com/in/") for u in urls)


def test_files_that_end_without_a_newline(folder: Path, sample: SampleExport):
    unterminated = {
        "Connections.csv",
        "Company Follows.csv",
        "Email Addresses.csv",
        "LearningCoachMessages.csv",
    }
    for name in sample.file_names:
        ends = (folder / name).read_bytes().endswith(b"\n")
        assert ends is (name not in unterminated), name


def test_comments_spill_multiline_comments_into_stray_rows(folder: Path, sample: SampleExport):
    name = activity_name(sample, "Comments")
    content = text(folder, name)
    table = list(csv.reader(io.StringIO(content, newline=""), escapechar="\\"))
    stray = [row for row in table[1:] if not re.match(r"\d{4}-\d{2}-\d{2} ", row[0])]
    assert len(stray) == sample.stories["stray_comment_rows"] >= 2
    assert '\\"data contracts\\"' in content  # 2026 escapes quotes with a backslash
    assert len(table) - 1 == len(sample.tables["comments"]) + len(stray)


def test_comments_2025_double_their_quotes(folder_2025: Path):
    content = text(folder_2025, "Comments.csv")
    assert '""data contracts""' in content
    assert '\\"' not in content


def test_shares_wrap_each_line_of_a_post_in_quotes(folder: Path, sample: SampleExport):
    content = text(folder, activity_name(sample, "Shares"))
    assert 'new position as Head of Data Platform at Helio Solar!""\n""Grateful' in content
    shares = sample.tables["shares"]
    assert shares["text"].str.contains("\n").any()
    assert not shares["text"].str.contains('"').any()


def test_activity_files_carry_the_member_id_in_2026_only(
    sample: SampleExport, sample_2025: SampleExport
):
    for stem in ACTIVITY_STEMS:
        assert f"{stem}_{sample.member_id}.csv" in sample.file_names
        assert f"{stem}.csv" in sample_2025.file_names


def test_basic_export_omits_the_activity_files(tmp_path: Path):
    basic = build_sample(size=40, seed=1, kind="Basic")
    assert basic.archive_name.startswith("Basic_LinkedInDataExport_")
    assert not any(n.startswith(ACTIVITY_STEMS) for n in basic.file_names)
    assert not set(basic.tables) & {"comments", "reactions", "shares", "member_follows"}
    assert basic.write(tmp_path).name == "Basic_LinkedInDataExport_11-16-2026.zip"


def test_assistant_and_unrecognised_files(folder: Path):
    coach = rows(folder, "learning_coach_messages.csv")
    assert len(coach[0]) == 10
    assert coach[0][0] == "CONVERSATION ID"
    assert text(folder, "LearningCoachMessages.csv") == "No conversations found"
    assert rows(folder, "Registration.csv")[0] == [
        "Registered At",
        "Registration Ip",
        "Subscription Types",
    ]


def test_recommenders_are_known_by_a_unique_name(sample: SampleExport):
    connections = sample.tables["connections"].dropna(subset=["person_id"])
    names = connections["name"].str.casefold()
    recommendations = sample.tables["recommendations"]
    received = recommendations[recommendations["direction"] == "received"]
    for name, person_id in zip(received["name"], received["person_id"], strict=True):
        matches = connections.loc[names == name.casefold(), "person_id"].tolist()
        if person_id.startswith("name:"):
            assert matches == []
            assert person_id == sample.stories["recommender_not_connection"]
        else:
            assert matches == [person_id]


def test_address_book_holds_some_connections(sample: SampleExport):
    contacts = sample.tables["contacts"]
    known = set(sample.stories["address_book_connections"])
    assert known
    assert known <= set(sample.tables["connections"]["person_id"].dropna())
    assert known == set(contacts["person_id"].dropna())
    assert contacts["person_id"].isna().any()


# --- message texts -------------------------------------------------------------------------------
#: What the lexicons of netkit's metrics match, with netkit's own matchers: filler text must hold
#: none of it, or it would change the ladders, pitches and meetings the planted stories are about.
TEXT_MATCHERS = {
    "pitch": compile_lexicon(load_lexicon("pitch")),
    "personal": compile_lexicon(load_lexicon("personal")),
    "meeting": meeting_pattern(),
    "contact details": CONTACT_DETAILS,
    "email address": re.compile(r"@"),
}
#: The matchers above that look for words: a slot word without letters (a number, a time) can
#: only keep them from matching, so only slots with words in letters are tried in every place.
WORD_MATCHERS = ("pitch", "personal", "meeting")
#: Characters kept either side of a slot when its words are tried in place: as long as the
#: longest lexicon entry, so a phrase running from the template into the slot is seen whole.
CONTEXT = max(len(e) for name in ("pitch", "personal", "meeting") for e in load_lexicon(name))
#: Texts the generator plants on purpose (pitches, meetings, recruiters, adverts, drafts), whose
#: copies repeat as a copy-pasted message does: ``{first}`` and ``{email}`` match anything.
PLANTED = re.compile(
    "|".join(
        "^" + re.escape(text).replace(r"\{first\}", ".*").replace(r"\{email\}", ".*") + "$"
        for text in (
            *names.MEETINGS,
            *names.OFF_PLATFORM,
            *names.PITCHES,
            *names.PITCH_FOLLOW_UPS,
            *names.POLITE_DECLINES,
            *names.PITCH_ANSWERS,
            *names.OWNER_PITCHES,
            *names.DRAFTS,
            *(body for _, body in names.RECRUITER_INMAILS),
            *(body for _, body in names.SPONSORED_BODIES),
        )
    ),
    re.S,
)


@pytest.fixture(scope="module")
def medium() -> SampleExport:
    """About 30,000 messages: stable length quantiles, a deflate ratio close to the large size."""
    return build_sample(size=3_000, seed=1)


@pytest.fixture(scope="module")
def medium_messages_csv(medium: SampleExport, tmp_path_factory: pytest.TempPathFactory):
    with zipfile.ZipFile(medium.write(tmp_path_factory.mktemp("medium"))) as archive:
        return archive.getinfo("messages.csv")


def lexicon_hits(texts: list[str], matchers=tuple(TEXT_MATCHERS)) -> dict[str, list[str]]:
    """The texts each matcher finds something in (a few of them), for the matchers that do."""
    series = pd.Series(texts, dtype="str")
    hits = {name: series[_contains(series, TEXT_MATCHERS[name])] for name in matchers}
    return {name: sorted(set(found))[:5] for name, found in hits.items() if len(found)}


def whole_words(left: str, right: str) -> tuple[str, str]:
    """The last `CONTEXT` characters of `left` and the first of `right`, widened to whole words
    (a word cut in two could read as another: "events" as "event")."""
    start, end = max(len(left) - CONTEXT, 0), min(CONTEXT, len(right))
    while start > 0 and left[start - 1].isalnum():
        start -= 1
    while end < len(right) and right[end].isalnum():
        end += 1
    return left[start:], right[:end]


def test_message_texts_have_the_length_of_real_ones(medium: SampleExport):
    length = medium.tables["messages"]["content"].fillna("").str.len()
    assert 180 <= length.mean() <= 230
    assert 100 <= length.median() <= 150
    assert (length <= 20).mean() >= 0.12  # short replies: "Thanks!", "👍"
    assert 350 <= length.quantile(0.9) <= 700  # a sentence or a few, some long paragraphs
    assert 800 <= length.quantile(0.99) <= 2_000  # a long tail
    assert length.max() <= 2_500


def test_message_texts_rarely_repeat(medium: SampleExport):
    content = medium.tables["messages"]["content"].dropna()
    everyday = content[~content.str.match(PLANTED)]
    longer = everyday[everyday.str.len() > 60]
    assert len(content) - len(everyday) > 300  # the planted texts are recognised
    assert len(longer) > 15_000
    assert longer.nunique() / len(longer) > 0.995
    assert content.str.contains("\n\n", regex=False).mean() > 0.05  # paragraphs
    other_languages = content.str.contains(r"\b(?:Tak|Hej|Danke|Gracias|Merci|Obrigad)", regex=True)
    assert 0.005 < other_languages.mean() < 0.2


def test_messages_csv_deflates_like_real_text(medium_messages_csv: zipfile.ZipInfo):
    # The canned phrases of old deflated 17:1; English prose in this file layout, about 5:1.
    ratio = medium_messages_csv.file_size / medium_messages_csv.compress_size
    assert 3.0 <= ratio <= 5.3


def test_filler_templates_hold_no_lexicon_word():
    vocabulary = _chat_vocabulary()
    words = {**chat.SLOTS, "name": tuple(FIRST_NAMES), "token": ("kH3vQ9xT",), "hex": ("3f9a2c1",)}
    assert not lexicon_hits([w for values in words.values() for w in values])
    contexts, whole = set(), []
    for template in vocabulary.templates:
        pieces = _SLOT.split(template)
        literals, slots = pieces[::2], pieces[1::2]
        filled = [literals[0]]
        for slot, literal in zip(slots, literals[1:], strict=True):
            filled += [words[slot][0], literal]
        whole.append("".join(filled))
        for at, slot in enumerate(slots):
            left, right = "".join(filled[: 2 * at + 1]), "".join(filled[2 * at + 2 :])
            contexts.add((*whole_words(left, right), slot))
    assert len(whole) > 5_000
    assert lexicon_hits(whole) == {}
    texts = [left + word + right for left, right, slot in contexts for word in words[slot]]
    letters = re.compile(r"[^\W\d_]")
    has_letters = {slot for slot, values in words.items() if any(map(letters.search, values))}
    wordy = [
        left + word + right
        for left, right, slot in contexts
        if slot in has_letters
        for word in words[slot]
    ]
    assert len(wordy) > 100_000
    assert lexicon_hits(wordy, WORD_MATCHERS) == {}
    assert lexicon_hits(texts, ("contact details", "email address")) == {}


def test_composed_filler_holds_no_lexicon_word():
    """Whole messages as the generator joins them: no phrase forms across sentences either."""
    vocabulary = _chat_vocabulary()
    rng = np.random.default_rng(0)
    size = 60_000
    group = rng.integers(0, vocabulary.group_first.size, size)
    name = np.asarray(sorted(FIRST_NAMES), dtype=object)[rng.integers(0, len(FIRST_NAMES), size)]
    message = np.sort(rng.integers(0, size // 4, size))
    separator = rng.integers(0, 4, size)
    texts = vocabulary.compose(rng, group, name, separator, message, size // 4)
    assert lexicon_hits(list(texts)) == {}


# --- stories -------------------------------------------------------------------------------------
STORY_KEYS = {
    "spike",
    "inbound_bump",
    "job_change",
    "close_active",
    "dormant_close",
    "fading",
    "pitchers",
    "owner_pitches",
    "meeting_arranged",
    "email_exchanged",
    "default_note",
    "templated_notes",
    "personal_notes",
    "pending_invitations",
    "group_conversations",
    "sponsored",
    "drafts",
    "linkedin_member_messages",
    "empty_sender_messages",
    "attachment_messages",
    "hidden_members",
    "non_ascii_people",
    "comma_names",
    "duplicate_names",
    "percent_encoded_people",
    "recruiters",
    "former_contacts",
    "endorsers",
    "endorsed",
    "recommenders",
    "recommended",
    "recommender_not_connection",
    "address_book_connections",
    "stray_comment_rows",
    "member_id",
}


def contact_log(sample: SampleExport) -> pd.DataFrame:
    """person_id, sent_at, direction of every sent 1:1 or group message, by counterpart."""
    messages = sample.tables["messages"]
    sent = messages[~messages["is_draft"] & ~messages["is_sponsored"]]
    incoming = sent.loc[sent["direction"] == "incoming", ["sender_id", "sent_at", "direction"]]
    outgoing = sent[sent["direction"] == "outgoing"].explode("recipient_ids")
    return pd.concat(
        [
            incoming.rename(columns={"sender_id": "person_id"}),
            outgoing[["recipient_ids", "sent_at", "direction"]].rename(
                columns={"recipient_ids": "person_id"}
            ),
        ]
    ).dropna(subset=["person_id"])


def last_interaction(sample: SampleExport) -> pd.Series:
    t = sample.tables
    return (
        pd.concat(
            [
                contact_log(sample).groupby("person_id")["sent_at"].max(),
                t["invitations"].groupby("person_id")["sent_at"].max(),
                t["endorsements"].groupby("person_id")["endorsed_at"].max(),
                t["recommendations"].groupby("person_id")["created_at"].max(),
            ]
        )
        .groupby(level=0)
        .max()
    )


def test_every_story_is_recorded(sample: SampleExport):
    assert set(sample.stories) == STORY_KEYS


def test_spike_is_a_week_of_outgoing_invitations_without_notes(sample: SampleExport):
    spike = sample.stories["spike"]
    assert spike["end"] - spike["start"] <= pd.Timedelta(days=6)
    assert spike["count"] == len(spike["person_ids"]) >= 100
    invitations = sample.tables["invitations"]
    sent = invitations[invitations["person_id"].isin(spike["person_ids"])]
    assert len(sent) == spike["count"]
    assert (sent["direction"] == "outgoing").all()
    assert not sent["has_note"].any()
    connected = sample.tables["connections"]["connected_on"]
    assert connected.between(spike["start"], spike["end"]).sum() >= spike["count"]
    assert not set(spike["person_ids"]) & set(contact_log(sample)["person_id"])


def test_inbound_bump_follows_a_job_change_a_post_and_a_talk(sample: SampleExport):
    bump = sample.stories["inbound_bump"]
    for moment in ("job_change", "post", "event"):
        assert abs(bump[moment] - bump["start"]) <= pd.Timedelta(days=14), moment
    invitations = sample.tables["invitations"]
    assert (
        invitations.loc[invitations["person_id"].isin(bump["person_ids"]), "direction"]
        == "incoming"
    ).all()
    assert bump["job_change"] == sample.tables["positions"]["started_on"].max()
    assert (sample.tables["shares"]["shared_at"].dt.normalize() == bump["post"]).any()
    assert (sample.tables["events"]["starts_at"].dt.normalize() == bump["event"]).any()


def test_dormant_close_contacts_went_silent_years_ago(sample: SampleExport):
    dormant = sample.stories["dormant_close"]
    assert len(dormant) >= 2
    end = pd.Timestamp(sample.export_date, tz="UTC")
    assert (end - last_interaction(sample)[dormant] > pd.Timedelta(days=730)).all()
    log = contact_log(sample)
    mine = log[log["person_id"].isin(dormant)]
    assert mine.groupby("person_id")["direction"].nunique().eq(2).all()
    assert mine.groupby("person_id").size().min() >= 15
    assert set(dormant) <= set(sample.stories["meeting_arranged"])
    assert set(sample.stories["email_exchanged"]) & set(dormant)


def test_close_contacts_are_active_and_fading_ones_slowing(sample: SampleExport):
    end = pd.Timestamp(sample.export_date, tz="UTC")
    silent_for = end - last_interaction(sample)
    assert (silent_for[sample.stories["close_active"]] < pd.Timedelta(days=60)).all()
    fading = silent_for[sample.stories["fading"]]
    assert fading.between(pd.Timedelta(days=90), pd.Timedelta(days=310)).all()


def test_pitchers_pitch_within_days_of_connecting(sample: SampleExport):
    log = contact_log(sample).sort_values("sent_at")
    first = log.groupby("person_id").first()
    connected = sample.tables["connections"].set_index("person_id")["connected_on"]
    messages = sample.tables["messages"]
    for key, direction in (("pitchers", "incoming"), ("owner_pitches", "outgoing")):
        people = sample.stories[key]
        assert people
        assert (first.loc[people, "direction"] == direction).all()
        delay = first.loc[people, "sent_at"] - connected[people]
        assert delay.between(pd.Timedelta(0), pd.Timedelta(days=7)).all()
    pitches = messages.loc[messages["sender_id"].isin(sample.stories["pitchers"]), "content"]
    assert pitches.str.contains("call|demo", regex=True).any()


def test_counted_stories_match_the_tables(sample: SampleExport):
    stories, messages = sample.stories, sample.tables["messages"]
    assert stories["hidden_members"] == sample.tables["connections"]["is_hidden"].sum()
    assert stories["sponsored"]["messages"] == messages["is_sponsored"].sum()
    assert stories["drafts"]["messages"] == messages["is_draft"].sum()
    from_member = (messages["sender_name"] == "LinkedIn Member") & ~messages["is_sponsored"]
    assert stories["linkedin_member_messages"] == from_member.sum()
    assert stories["empty_sender_messages"] == messages["sender_name"].isna().sum()
    assert stories["attachment_messages"] == messages["attachments"].notna().sum() > 0
    groups = messages[messages["is_group"]]
    assert {g["conversation_id"] for g in stories["group_conversations"]} == set(
        groups["conversation_id"]
    )
    for group in stories["group_conversations"]:
        rows_ = messages[messages["conversation_id"] == group["conversation_id"]]
        assert len(rows_) == group["messages"]
        assert set(rows_["sender_id"]) <= {*group["member_ids"], sample.owner["person_id"]}


def test_names_are_diverse(sample: SampleExport):
    stories = sample.stories
    people = set(sample.tables["connections"]["person_id"].dropna())
    for key in ("non_ascii_people", "comma_names", "duplicate_names"):
        assert stories[key], key
    assert set(stories["non_ascii_people"]) <= people
    names = set(sample.tables["connections"]["name"].dropna())
    assert {"José Núñez", "Zoë Lefèvre", "伟 王", "Jane Doe, MBA"} <= names
    first, second = stories["duplicate_names"][0]
    by_id = sample.tables["connections"].set_index("person_id")["name"]
    assert first != second
    assert by_id[first] == by_id[second]


def test_large_size_reaches_linkedin_s_cap():
    large = build_sample(size="large")
    assert len(large.tables["connections"]) == 30_000
    assert 950_000 <= len(large.tables["messages"]) <= 1_050_000
    assert len(large.tables["invitations"]) > 10_000
    assert len(large.tables["endorsements"]) > 5_000
    messages = large.tables["messages"]
    assert messages["conversation_id"].nunique() > 10_000
    # No two rows alike (a reader drops repeated rows): one message per conversation and second.
    assert (
        not messages.dropna(subset=["conversation_id"])
        .duplicated(["conversation_id", "sent_at"])
        .any()
    )


# --- round trip through netkit's loader ----------------------------------------------------------
def person_ids(ex_or_tables, name: str) -> set[str]:
    table = ex_or_tables[name] if isinstance(ex_or_tables, dict) else getattr(ex_or_tables, name)
    if name == "messages":
        ids = set(table["sender_id"].dropna())
        return ids | {i for lst in table["recipient_ids"] for i in lst}
    return set(table["person_id"].dropna())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    size=st.integers(20, 200),
    style=st.sampled_from(["2025", "2026"]),
    kind=st.sampled_from(["Complete", "Basic"]),
)
def test_loader_reads_back_the_truth(seed: int, size: int, style: str, kind: str):
    sample = build_sample(size=size, seed=seed, messages_style=style, kind=kind)
    with tempfile.TemporaryDirectory() as out:
        ex = nk.load_export(sample.write(out))
    assert ex.owner.person_id == sample.owner["person_id"]
    assert ex.problems.empty, ex.problems
    for name, truth in sample.tables.items():
        assert len(getattr(ex, name)) == len(truth), name
    for name, stamp in (
        ("connections", "connected_on"),
        ("messages", "sent_at"),
        ("invitations", "sent_at"),
    ):
        assert getattr(ex, name)[stamp].tolist() == sample.tables[name][stamp].tolist(), name
    for name, stamp in (("endorsements", "endorsed_at"), ("recommendations", "created_at")):
        assert sorted(getattr(ex, name)[stamp]) == sorted(sample.tables[name][stamp]), name
    for name in ("connections", "messages", "invitations", "endorsements", "recommendations"):
        assert person_ids(ex, name) == person_ids(sample.tables, name), name


FULLY_CHECKED = (
    "connections",
    "messages",
    "assistant_messages",
    "invitations",
    "endorsements",
    "recommendations",
    "profile",
    "positions",
    "education",
    "events",
    "company_follows",
    "email_addresses",
    "shares",
    "comments",
    "reactions",
    "member_follows",
)


def plain(value: object) -> object:
    if isinstance(value, list):
        return tuple(value)
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


@pytest.mark.parametrize("name", FULLY_CHECKED)
def test_loader_agrees_with_every_truth_column(sample: SampleExport, folder: Path, name: str):
    ex = nk.load_export(folder)
    truth, loaded = sample.tables[name], getattr(ex, name)
    for col in truth.columns:
        assert [plain(v) for v in loaded[col].tolist()] == [
            plain(v) for v in truth[col].tolist()
        ], f"{name}.{col}"


def test_loader_parses_address_book_dates(sample: SampleExport, folder: Path):
    loaded = nk.load_export(folder).contacts["created_at"]
    assert loaded.tolist() == sample.tables["contacts"]["created_at"].tolist()
