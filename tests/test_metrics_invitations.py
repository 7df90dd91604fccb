# ruff: noqa: E501
"""invitation_quality, invitation_summary and pitch_after_connect (metrics.md).

Spec: one row per invitation, both directions: ``has_note`` (any non-empty note, the default
sentence included), ``is_template`` (LinkedIn's default sentence, or a note nearly repeating 3+
of the same sender's other notes), ``personalization`` 0–100 (names the recipient or their
company, a specific hook, a question, not an ask), ``warm`` (an interaction before the
invitation); incoming, no note, never interacted = "who are you?". pitch_after_connect: one row
per relationship whose first message came within ``within`` of connecting, ``is_pitch`` and
``matched_words`` from a word list that is data; both directions. Thresholds in ``attrs``,
nothing after ``as_of``, empty typed results with a reason when the export cannot tell.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
import pytest
from fixtures import OWNER_URL, PROFILE_CSV, export_as_of, ts
from hypothesis import given, settings
from hypothesis import strategies as st

import netkit as nk
from netkit.metrics._common import load_lexicon
from netkit.metrics.invitations import (
    INVITATION_COLUMNS,
    PITCH_COLUMNS,
    compile_lexicon,
    invitation_summary,
)

IN = "https://www.linkedin.com/in/"


def csv_bytes(header: str, rows: list[tuple]) -> bytes:
    """CSV as LinkedIn writes it: minimal quoting, LF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header.split(","))
    writer.writerows(rows)
    return out.getvalue().encode()


def connections(*people: tuple[str, str, str, str]) -> bytes:
    """Connections.csv rows from (first, last, company, connected on)."""
    rows = [
        (first, last, f"{IN}{first.lower()}-{last.lower()}", "", company, "Engineer", day)
        for first, last, company, day in people
    ]
    return csv_bytes("First Name,Last Name,URL,Email Address,Company,Position,Connected On", rows)


def invitations(*rows: tuple[str, str, str, str]) -> bytes:
    """Invitations.csv (2024+ with URLs) from (direction, "First Last", sent at, note)."""
    lines = []
    for direction, name, sent, note in rows:
        url = IN + name.lower().replace(" ", "-")
        if direction == "OUTGOING":
            lines.append(("Maria Silva", name, sent, note, direction, OWNER_URL, url))
        else:
            lines.append((name, "Maria Silva", sent, note, direction, url, OWNER_URL))
    return csv_bytes("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl", lines)


def messages(*rows: tuple[str, str, str, str]) -> bytes:
    """messages.csv (2023 header) from (direction, "First Last", sent at, content)."""
    lines = []
    for direction, name, sent, content in rows:
        url = IN + name.lower().replace(" ", "-")
        conversation = "2-" + name.lower().replace(" ", "")
        if direction == "OUTGOING":
            who = ("Maria Silva", OWNER_URL, name, url)
        else:
            who = (name, url, "Maria Silva", OWNER_URL)
        lines.append((conversation, "", *who, sent, "", content, "INBOX"))
    return csv_bytes(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER",
        lines,
    )


POSITIONS_CSV = (
    b"Company Name,Title,Description,Location,Started On,Finished On\n"
    b"Acme Analytics,Data Engineer,,Lisbon,Jun 2018,\n"
    b"Globex,Analyst,,Porto,2017,May 2018\n"
)

TEMPLATE = "I'm growing my network of data people and would love to connect"

INVITATIONS_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Positions.csv": POSITIONS_CSV,
    "Connections.csv": connections(
        ("Bob", "Lee", "Globex", "02 Feb 2025"),
        ("Chen", "Wei", "Initech", "02 Feb 2025"),
        ("Dana", "Ray", "Acme", "02 Feb 2025"),
        ("Kim", "Park", "Hooli", "02 Mar 2025"),
    ),
    "Invitations.csv": invitations(
        # A personal note: name, company, a hook, a question.
        (
            "OUTGOING",
            "Bob Lee",
            "2/1/25, 10:00 AM",
            "Hi Bob, loved your talk at PyData about data contracts at Globex. How do you version them?",
        ),
        # LinkedIn's default sentence: curly apostrophe, trailing name.
        (
            "OUTGOING",
            "Chen Wei",
            "2/1/25, 10:05 AM",
            "I’d like to add you to my professional network on LinkedIn.\n\n- Maria Silva",
        ),
        (
            "OUTGOING",
            "Dana Ray",
            "2/1/25, 10:10 AM",
            "Hi Dana, I'd like you to join my LinkedIn network.",
        ),
        # The same note, lightly edited, to four people: each repeats 3 others.
        ("OUTGOING", "Gus Hale", "3/1/25, 9:00 AM", f"Hi Gus, {TEMPLATE}!"),
        ("OUTGOING", "Hana Ito", "3/2/25, 9:00 AM", f"Hello Hana, {TEMPLATE}."),
        ("OUTGOING", "Ivan Petrov", "3/3/25, 9:00 AM", f"Hi Ivan! {TEMPLATE}!"),
        ("OUTGOING", "Jon Snow", "3/4/25, 9:00 AM", f"Hi Jon, {TEMPLATE} :)"),
        # The default sentence with a real message after it is not the default note.
        (
            "OUTGOING",
            "Omar Diaz",
            "3/5/25, 9:00 AM",
            "I'd like to add you to my professional network. We met at PyCon after your Dask tutorial and I would love to hear how the rollout went.",
        ),
        # A note without anything personal.
        ("OUTGOING", "Pia Lund", "3/6/25, 9:00 AM", "Let's connect."),
        # No note.
        ("OUTGOING", "Rui Costa", "3/7/25, 9:00 AM", ""),
        # Incoming: an ask, the default sentence, identical short notes from four senders.
        (
            "INCOMING",
            "Eve Moss",
            "4/1/25, 8:00 AM",
            "Hi Maria, are you free for a quick call to see our platform?",
        ),
        (
            "INCOMING",
            "Lea Roth",
            "4/2/25, 8:00 AM",
            "I'd like to add you to my professional network.",
        ),
        ("INCOMING", "Max Bauer", "4/3/25, 8:00 AM", "Hi Maria, great to connect with you!"),
        ("INCOMING", "Nia Obi", "4/3/25, 9:00 AM", "Hi Maria, great to connect with you!"),
        ("INCOMING", "Ola Berg", "4/3/25, 10:00 AM", "Hi Maria, great to connect with you!"),
        ("INCOMING", "Sol Vega", "4/3/25, 11:00 AM", "Hi Maria, great to connect with you!"),
        # Incoming: the owner's company and news.
        (
            "INCOMING",
            "Tom Hill",
            "4/4/25, 8:00 AM",
            "Maria, congrats on the new role at Acme Analytics!",
        ),
        # Incoming without a note: a stranger, and someone the owner already talks to.
        ("INCOMING", "Finn Wolf", "4/5/25, 8:00 AM", ""),
        ("INCOMING", "Kim Park", "3/1/25, 8:00 AM", ""),
    ),
    "messages.csv": messages(
        ("OUTGOING", "Kim Park", "2025-01-10 09:00:00 UTC", "Great meeting you at the meetup!"),
        ("INCOMING", "Kim Park", "2025-01-10 10:00:00 UTC", "Likewise!"),
    ),
}


@pytest.fixture(scope="module")
def export(load_path) -> nk.Export:
    return load_path(INVITATIONS_EXPORT)


@pytest.fixture(scope="module")
def scored(export) -> pd.DataFrame:
    return nk.invitation_quality(export).set_index("name")


# --- invitation_quality ------------------------------------------------------------------------


def test_one_row_per_invitation_both_directions(scored):
    assert len(scored) == 19
    assert (scored["direction"] == "outgoing").sum() == 10
    assert (scored["direction"] == "incoming").sum() == 9
    assert scored.loc["Bob Lee", "person_id"] == "bob-lee"
    assert scored["sent_at"].is_monotonic_increasing


def test_has_note_includes_the_default_sentence(scored):
    assert scored.loc["Chen Wei", "has_note"]
    assert scored.loc["Lea Roth", "has_note"]
    assert not scored.loc["Rui Costa", "has_note"]
    assert not scored.loc["Finn Wolf", "has_note"]


@pytest.mark.parametrize("name", ["Chen Wei", "Dana Ray", "Lea Roth"])
def test_default_sentence_is_a_template(scored, name):
    assert scored.loc[name, "is_default_note"]
    assert scored.loc[name, "is_template"]


def test_default_sentence_followed_by_a_real_message_is_not_the_default(scored):
    omar = scored.loc["Omar Diaz"]
    assert not omar["is_default_note"]
    assert not omar["is_template"]
    assert omar["has_hook"]


DEFAULT_NOTE_VARIANTS = [
    "I'd like to add you to my professional network on LinkedIn.",
    "I’d like to add you to my professional network on LinkedIn.",
    "I'd like to add you to my professional network on LinkedIn. - Maria Silva",
    "I would like to add you to my professional network",
    "Hi Zoe, I'd like to add you to my professional network.",
    "I'd like to join your LinkedIn network.",
    "Please join my network on LinkedIn.",
    "I'd like to connect with you on LinkedIn.",
    "  I’D LIKE TO ADD YOU TO MY PROFESSIONAL NETWORK ON LINKEDIN.\n\nMaria  ",
]


@pytest.fixture(scope="module")
def variants(load_path) -> pd.DataFrame:
    sent = [
        ("OUTGOING", f"Zoe {chr(65 + i)}", f"3/{i + 1}/25, 9:00 AM", note)
        for i, note in enumerate(DEFAULT_NOTE_VARIANTS)
    ]
    ex = load_path({"Profile.csv": PROFILE_CSV, "Invitations.csv": invitations(*sent)})
    return nk.invitation_quality(ex).set_index("name")


@pytest.mark.parametrize(("index", "note"), list(enumerate(DEFAULT_NOTE_VARIANTS)))
def test_default_sentence_variants(variants, index, note):
    row = variants.loc[f"Zoe {chr(65 + index)}"]
    assert row["message"] == note.strip()
    assert row["is_default_note"]
    assert row["is_template"]


def test_notes_repeated_by_the_owner_are_templates(scored):
    for name in ["Gus Hale", "Hana Ito", "Ivan Petrov", "Jon Snow"]:
        assert scored.loc[name, "is_template"], name
        assert scored.loc[name, "similar_notes"] == 3, name
        assert not scored.loc[name, "is_default_note"], name


def test_template_repeats_is_a_keyword(export):
    ex = export
    strict = nk.invitation_quality(ex, template_repeats=4).set_index("name")
    assert not strict.loc["Gus Hale", "is_template"]
    assert strict.attrs["params"]["template_repeats"] == 4


def test_template_similarity_is_a_keyword(export):
    ex = export
    exact = nk.invitation_quality(ex, template_similarity=1.0).set_index("name")
    # At similarity 1 only identical notes (names and punctuation aside) repeat each other:
    # Gus, Ivan and Jon got the same words (two others each), Hana's starts with "Hello".
    assert exact.loc["Gus Hale", "similar_notes"] == 2
    assert exact.loc["Hana Ito", "similar_notes"] == 0
    assert not exact.loc[["Gus Hale", "Hana Ito", "Ivan Petrov", "Jon Snow"], "is_template"].any()
    assert exact.attrs["params"]["template_similarity"] == 1.0


def test_identical_incoming_notes_from_different_senders_are_not_templates(scored):
    for name in ["Max Bauer", "Nia Obi", "Ola Berg", "Sol Vega"]:
        assert not scored.loc[name, "is_template"], name
        assert scored.loc[name, "similar_notes"] == 0


def test_personalization_points(scored):
    bob = scored.loc["Bob Lee"]
    assert bob["names_recipient"]
    assert bob["names_company"]
    assert bob["has_hook"]
    assert bob["has_question"]
    assert not bob["has_ask"]
    assert bob["personalization"] == 100
    # A greeting alone: 20.
    assert scored.loc["Gus Hale", "personalization"] == 20
    # Nothing personal, no note: 0.
    assert scored.loc["Pia Lund", "personalization"] == 0
    assert scored.loc["Rui Costa", "personalization"] == 0
    assert scored.loc["Chen Wei", "personalization"] == 0


def test_an_ask_costs_points(scored):
    eve = scored.loc["Eve Moss"]
    assert eve["has_ask"]
    assert eve["names_recipient"]
    assert eve["has_question"]
    assert eve["personalization"] == 0  # 20 + 20 - 40


def test_incoming_note_naming_the_owner_and_their_company(scored):
    tom = scored.loc["Tom Hill"]
    assert tom["names_recipient"]
    assert tom["names_company"]  # Acme Analytics, the owner's company in Positions
    assert tom["has_hook"]  # congratulations on their news
    assert tom["personalization"] == 80


def test_personalization_is_between_0_and_100(scored):
    assert scored["personalization"].between(0, 100).all()


def test_warm_means_an_interaction_before_the_invitation(scored):
    assert scored.loc["Kim Park", "warm"]
    assert not scored.loc["Finn Wolf", "warm"]
    assert not scored.loc["Bob Lee", "warm"]


def test_columns_and_dtypes(scored):
    frame = scored.reset_index()
    assert set(frame.columns) == set(INVITATION_COLUMNS)
    assert frame[list(INVITATION_COLUMNS)].dtypes.astype(str).to_dict() == INVITATION_COLUMNS
    assert list(INVITATION_COLUMNS)[:8] == [
        "sent_at", "direction", "person_id", "name", "has_note", "is_template",
        "personalization", "warm",
    ]  # fmt: skip


def test_thresholds_in_attrs(export):
    result = nk.invitation_quality(export)
    params = result.attrs["params"]
    assert params["template_similarity"] == 0.6
    assert params["template_repeats"] == 3
    assert params["shingle_size"] == 3
    assert params["personalization_points"]["has_ask"] == -40
    assert result.attrs["reason"] is None


def test_as_of_cuts_later_invitations_and_interactions(export):
    ex = export
    early = nk.invitation_quality(ex, as_of="2025-03-02").set_index("name")
    assert early["sent_at"].max() <= ts("2025-03-02 23:59:59.999999")
    assert "Eve Moss" not in early.index
    # With only two of the four copies sent by then, the note is not a template yet.
    assert not early.loc["Gus Hale", "is_template"]
    assert early.loc["Gus Hale", "similar_notes"] == 1
    assert early.loc["Kim Park", "warm"]


def test_no_invitations_file_gives_an_empty_typed_result_with_a_reason(load):
    ex = load({"Profile.csv": PROFILE_CSV})
    result = nk.invitation_quality(ex)
    assert result.empty
    assert result.dtypes.astype(str).to_dict() == INVITATION_COLUMNS
    assert "Invitations.csv" in result.attrs["reason"]
    summary = invitation_summary(ex)
    assert summary["invitations_sent"] == 0
    assert np.isnan(summary["outgoing_note_share"])


def test_invitations_without_any_note_are_scored(load):
    # Found by notebooks/ on the sample cut at 2013: two invitations up to as_of, neither with a
    # note, made the company-word merge fail on an untyped empty frame.
    ex = load(
        {
            "Profile.csv": PROFILE_CSV,
            "Invitations.csv": invitations(
                ("OUTGOING", "Ann Lee", "1/22/12, 11:51 PM", ""),
                ("INCOMING", "Bob Ray", "3/24/12, 5:09 PM", ""),
            ),
        }
    )
    result = nk.invitation_quality(ex)
    assert len(result) == 2
    assert not result["has_note"].any()
    assert (result["personalization"] == 0).all()
    assert invitation_summary(ex)["outgoing_note_share"] == 0


def test_no_invitation_before_as_of_is_empty_with_a_reason(export):
    result = nk.invitation_quality(export, as_of="2020-01-01")
    assert result.empty
    assert "no invitation" in result.attrs["reason"]


# --- invitation_summary ------------------------------------------------------------------------


def test_summary_per_direction(export):
    summary = invitation_summary(export)
    assert summary["invitations_sent"] == 10
    assert summary["invitations_received"] == 9
    assert summary["outgoing_note_share"] == pytest.approx(9 / 10)
    # Chen and Dana (default sentence) and the four copies.
    assert summary["outgoing_template_share"] == pytest.approx(6 / 10)
    # Finn: no note, never interacted. Kim has no note but talked with the owner before.
    assert summary["incoming_who_are_you_share"] == pytest.approx(1 / 9)
    assert summary["incoming_note_share"] == pytest.approx(7 / 9)


def test_summary_since(export):
    summary = invitation_summary(export, since="2025-03-31")
    assert summary["invitations_sent"] == 0
    assert summary["invitations_received"] == 8
    assert summary.attrs["params"]["since"] == "2025-03-31"


# --- the sample's planted invitations ----------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from netkit.sample import build_sample

    built = build_sample(size="small")
    path = built.write(tmp_path_factory.mktemp("sample"), as_zip=True)
    return built, nk.load_export(path)


def planted(scored: pd.DataFrame, people: list[str]) -> pd.DataFrame:
    rows = scored[scored["person_id"].isin(people)]
    assert rows["person_id"].nunique() == len(set(people))
    return rows


def test_sample_default_notes_are_templates(sample):
    built, ex = sample
    rows = planted(nk.invitation_quality(ex), built.stories["default_note"])
    assert rows["has_note"].all()
    assert rows["is_default_note"].all()
    assert rows["is_template"].all()
    assert (rows["personalization"] == 0).all()


def test_sample_copy_pasted_notes_are_templates(sample):
    built, ex = sample
    rows = planted(nk.invitation_quality(ex), built.stories["templated_notes"])
    assert (rows["direction"] == "outgoing").all()
    assert rows["is_template"].all()
    assert not rows["is_default_note"].any()
    assert (rows["similar_notes"] >= 3).all()


def test_sample_personal_notes_are_personal(sample):
    built, ex = sample
    scored = nk.invitation_quality(ex)
    rows = planted(scored, built.stories["personal_notes"])
    assert not rows["is_template"].any()
    assert (rows["personalization"] >= 60).all()
    assert rows["has_hook"].all()
    templated = planted(scored, built.stories["templated_notes"])
    assert rows["personalization"].min() > templated["personalization"].max()


def test_sample_no_other_note_is_a_template(sample):
    built, ex = sample
    scored = nk.invitation_quality(ex)
    expected = set(built.stories["default_note"]) | set(built.stories["templated_notes"])
    assert set(scored.loc[scored["is_template"], "person_id"]) == expected


# --- pitch_after_connect -----------------------------------------------------------------------

PITCH_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": connections(
        ("Pat", "Kerr", "Cloudly", "01 Mar 2025"),
        ("Quinn", "Ash", "Helio", "01 Mar 2025"),
        ("Ray", "Fox", "Initech", "01 Mar 2025"),
        ("Sam", "Orr", "Leadz", "01 Mar 2025"),
        ("Tess", "Nye", "Globex", "01 Mar 2025"),
        ("Uma", "Roy", "Acme", "01 Jan 2025"),
        ("Val", "Ide", "Trialz", "01 Mar 2025"),
        ("Wes", "Ong", "Blank", "01 Mar 2025"),
        ("Xena", "Poe", "Derby", "01 Mar 2025"),
        ("Yan", "Li", "Quiet", "01 Mar 2025"),
    ),
    "messages.csv": messages(
        # An incoming pitch the day after connecting.
        (
            "INCOMING",
            "Pat Kerr",
            "2025-03-02 09:00:00 UTC",
            "Hi Maria, thanks for connecting! Do you have 15 minutes for a quick call to show you our platform?",
        ),
        # The owner pitching (curly apostrophe).
        (
            "OUTGOING",
            "Quinn Ash",
            "2025-03-03 10:00:00 UTC",
            "Hi Quinn, we’re hiring a data engineer. Would you be open to a quick call?",
        ),
        ("INCOMING", "Quinn Ash", "2025-03-03 12:00:00 UTC", "Not interested, thanks."),
        # A friendly hello on the day of connecting.
        (
            "INCOMING",
            "Ray Fox",
            "2025-03-01 18:00:00 UTC",
            "Thanks for connecting! Loved your talk, let's stay in touch.",
        ),
        ("OUTGOING", "Ray Fox", "2025-03-01 19:00:00 UTC", "Thank you, likewise!"),
        # A hello, then the pitch an hour later, before any answer: the opening is a pitch.
        ("INCOMING", "Sam Orr", "2025-03-02 09:00:00 UTC", "Thanks for connecting!"),
        (
            "INCOMING",
            "Sam Orr",
            "2025-03-02 10:00:00 UTC",
            "We help teams like yours cut costs. Worth a 20 minute DEMO?",
        ),
        # First message 19 days after connecting: outside 7 days.
        ("INCOMING", "Tess Nye", "2025-03-20 09:00:00 UTC", "Can I book a demo with you?"),
        # First message before connecting: not "after connect".
        ("INCOMING", "Uma Roy", "2024-12-20 09:00:00 UTC", "Quick call about our platform?"),
        # The owner opens; Val's pitch is an answer, not the opening.
        ("OUTGOING", "Val Ide", "2025-03-02 09:00:00 UTC", "Hi Val, nice to connect."),
        (
            "INCOMING",
            "Val Ide",
            "2025-03-02 10:00:00 UTC",
            "We're offering a free trial this month!",
        ),
        # An empty message: nobody can tell.
        ("INCOMING", "Wes Ong", "2025-03-02 09:00:00 UTC", ""),
        # Whole words only: "demolition" is not "demo".
        ("INCOMING", "Xena Poe", "2025-03-04 09:00:00 UTC", "Loved your demolition derby photos!"),
        # After as_of tests' cut.
        (
            "OUTGOING",
            "Yan Li",
            "2025-03-06 09:00:00 UTC",
            "Could you refer me to your hiring manager?",
        ),
    ),
}


@pytest.fixture(scope="module")
def pitch_export(load_path) -> nk.Export:
    return load_path(PITCH_EXPORT)


@pytest.fixture(scope="module")
def pitches(pitch_export) -> pd.DataFrame:
    return nk.pitch_after_connect(pitch_export).set_index("person_id")


def test_one_row_per_relationship_opened_within_the_window(pitches):
    assert sorted(pitches.index) == [
        "pat-kerr", "quinn-ash", "ray-fox", "sam-orr", "val-ide", "wes-ong", "xena-poe",
        "yan-li",
    ]  # fmt: skip
    assert pitches.loc["pat-kerr", "connected_on"] == ts("2025-03-01")
    assert pitches.loc["pat-kerr", "sent_at"] == ts("2025-03-02 09:00")
    assert pitches.loc["pat-kerr", "days_after_connect"] == 1


def test_incoming_pitch_with_matched_words(pitches):
    pat = pitches.loc["pat-kerr"]
    assert pat["direction"] == "incoming"
    assert pat["is_pitch"]
    assert pat["matched_words"] == ["quick call", "our platform"]


def test_outgoing_pitch_curly_apostrophe(pitches):
    quinn = pitches.loc["quinn-ash"]
    assert quinn["direction"] == "outgoing"
    assert quinn["is_pitch"]
    assert quinn["matched_words"] == ["we're hiring", "quick call"]
    assert quinn["opening_messages"] == 1


def test_thanks_for_connecting_is_not_a_pitch(pitches):
    ray = pitches.loc["ray-fox"]
    assert not ray["is_pitch"]
    assert ray["matched_words"] == []


def test_the_opening_includes_a_pitch_after_a_hello(pitches):
    sam = pitches.loc["sam-orr"]
    assert sam["is_pitch"]
    assert sam["opening_messages"] == 2
    assert sam["matched_words"] == ["we help", "cut costs", "minute demo"]


def test_an_answer_is_not_part_of_the_opening(pitches):
    val = pitches.loc["val-ide"]
    assert val["direction"] == "outgoing"
    assert not val["is_pitch"]


def test_empty_message_is_unknown_not_false(pitches):
    assert pd.isna(pitches.loc["wes-ong", "is_pitch"])
    assert pitches.loc["wes-ong", "matched_words"] == []


def test_whole_words_only(pitches):
    assert not pitches.loc["xena-poe", "is_pitch"]


def test_within_is_a_keyword(pitch_export):
    ex = pitch_export
    wide = nk.pitch_after_connect(ex, within="30D").set_index("person_id")
    assert wide.loc["tess-nye", "is_pitch"]
    assert wide.loc["tess-nye", "matched_words"] == ["book a demo"]
    assert wide.attrs["params"]["within"] == "30D"
    narrow = nk.pitch_after_connect(ex, within="0D")
    assert sorted(narrow["person_id"]) == ["ray-fox"]


def test_users_can_pass_their_own_lexicon(pitch_export):
    ex = pitch_export
    own = nk.pitch_after_connect(ex, lexicon=["derby", "photo*"]).set_index("person_id")
    assert own.loc["xena-poe", "is_pitch"]
    assert own.loc["xena-poe", "matched_words"] == ["derby", "photos"]
    assert not own.loc["pat-kerr", "is_pitch"]
    assert own.attrs["params"]["lexicon"] == ("derby", "photo*")


def test_pitch_columns_and_dtypes(pitches):
    frame = pitches.reset_index()
    assert list(frame.columns) == list(PITCH_COLUMNS)
    assert frame.dtypes.astype(str).to_dict() == PITCH_COLUMNS
    assert all(isinstance(words, list) for words in frame["matched_words"])


def test_pitch_as_of_cut(pitch_export):
    ex = pitch_export
    early = nk.pitch_after_connect(ex, as_of="2025-03-02 09:30").set_index("person_id")
    assert sorted(early.index) == ["pat-kerr", "ray-fox", "sam-orr", "val-ide", "wes-ong"]
    # Sam's pitch came at 10:00: by 09:30 only the hello was sent.
    assert not early.loc["sam-orr", "is_pitch"]
    assert early.attrs["params"]["as_of"] == ts("2025-03-02 09:30")


def test_pitch_without_messages_or_connections_is_empty_with_a_reason(load):
    no_messages = nk.pitch_after_connect(
        load({"Profile.csv": PROFILE_CSV, "Connections.csv": PITCH_EXPORT["Connections.csv"]})
    )
    assert no_messages.empty
    assert no_messages.dtypes.astype(str).to_dict() == PITCH_COLUMNS
    assert "messages" in no_messages.attrs["reason"]
    no_connections = nk.pitch_after_connect(
        load({"Profile.csv": PROFILE_CSV, "messages.csv": PITCH_EXPORT["messages.csv"]})
    )
    assert no_connections.empty
    assert "Connections.csv" in no_connections.attrs["reason"]


# --- the lexicon -------------------------------------------------------------------------------


def test_pitch_lexicon_is_data_with_the_asks():
    words = set(load_lexicon("pitch"))
    for entry in ["quick call", "our platform", "demo", "referral*", "invest*", "we're hiring"]:
        assert entry in words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Worth a quick\ncall?", ["quick\ncall"]),
        ("Our investors love it", ["investors"]),
        ("Great job on the talk!", []),
        ("Thanks for the intro to the Helio team.", []),
        ("Congrats on the new role!", []),
        ("Thanks for connecting!", []),
        ("A referral would help", ["referral"]),
        ("Book a DEMO", ["book a demo"]),
        ("Is this a demo?", ["demo"]),
    ],
)
def test_lexicon_matching(text, expected):
    found = compile_lexicon(load_lexicon("pitch")).findall(text)
    assert [word.lower() for word in found] == expected


@settings(max_examples=50, deadline=None)
@given(
    st.text(alphabet=st.characters(categories=["L", "Nd"]), min_size=1, max_size=8),
    st.sampled_from(load_lexicon("pitch")),
)
def test_property_an_entry_never_matches_inside_a_longer_word(letters, entry):
    pattern = compile_lexicon([entry])
    word = entry.rstrip("*")
    assert pattern.search(f"{letters}{word}") is None
    if not entry.endswith("*"):
        assert pattern.search(f"{word}{letters}") is None
    assert pattern.search(f"({word}) {letters}") is not None


PIECES = st.sampled_from(
    [*load_lexicon("pitch")[:40], "hello", "thanks", "the", "call", "job", "’", "'", "\n", "!", "?"]
)


@settings(max_examples=50, deadline=None)
@given(st.lists(PIECES, max_size=8))
def test_property_column_and_python_matching_agree(pieces):
    # pandas runs the pattern in pyarrow (RE2) on whole columns; pitch words come from
    # Python's re. Both must see the same matches.
    from netkit.metrics.invitations import _contains

    text = " ".join(piece.rstrip("*") for piece in pieces)
    pattern = compile_lexicon(load_lexicon("pitch"))
    in_column = _contains(pd.Series([text], dtype="str"), pattern).iloc[0]
    assert in_column == bool(pattern.findall(text))


def test_sample_pitchers_are_incoming_pitches(sample):
    built, ex = sample
    rows = nk.pitch_after_connect(ex).set_index("person_id")
    pitchers = rows.loc[built.stories["pitchers"]]
    assert (pitchers["direction"] == "incoming").all()
    assert pitchers["is_pitch"].all()


def test_sample_owner_pitches_are_outgoing_pitches(sample):
    built, ex = sample
    rows = nk.pitch_after_connect(ex).set_index("person_id")
    owner = rows.loc[built.stories["owner_pitches"]]
    assert (owner["direction"] == "outgoing").all()
    assert owner["is_pitch"].all()


def test_sample_friendly_openings_are_not_pitches(sample):
    built, ex = sample
    rows = nk.pitch_after_connect(ex)
    expected = set(built.stories["pitchers"]) | set(built.stories["owner_pitches"])
    assert set(rows.loc[rows["is_pitch"].fillna(False), "person_id"]) == expected
    assert (~rows["is_pitch"].fillna(True)).sum() >= 10


# --- as_of on the sample: nothing after it leaks -----------------------------------------------


@pytest.mark.parametrize("as_of", ["2021-06-30 23:59:59.999999", "2024-03-31 23:59:59.999999"])
def test_as_of_results_are_the_same_without_later_data(sample, as_of):
    _, ex = sample
    as_of = ts(as_of)
    before = export_as_of(ex, as_of)
    full = nk.invitation_quality(ex, as_of=as_of)
    assert len(full) > 10
    pd.testing.assert_frame_equal(full, nk.invitation_quality(before, as_of=as_of))
    full_pitches = nk.pitch_after_connect(ex, as_of=as_of)
    assert len(full_pitches) > 5
    pd.testing.assert_frame_equal(full_pitches, nk.pitch_after_connect(before, as_of=as_of))
    pd.testing.assert_series_equal(
        invitation_summary(ex, as_of=as_of), invitation_summary(before, as_of=as_of)
    )
