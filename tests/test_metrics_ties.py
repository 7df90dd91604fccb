# ruff: noqa: E501
"""Tie strength, Dunbar-style layers, dormant and fading ties (metrics.md, issue 3).

Spec: `tie_strength` has one row per contact of `people` as of `as_of`, the Gilbert & Karahalios
features, a ladder (connected → messaged → conversation → off_platform → met → vouched) and a
score in [0, 100], monotone in each feature; a contact with no interaction is silent (score NaN,
ladder connected). `layers` clusters reciprocated active days into Dunbar-style layers beside
5 / 15 / 50 / 150. `dormant_ties`: reciprocated once, silent for more than `after`; `fading_ties`:
not dormant, silent for more than 3× their own median gap and more than 60 days; both ranked
formerly-stronger and longer-silent first, with a reason a person can act on. Every metric takes
`as_of` and uses nothing after it; thresholds are recorded in ``attrs``; an export that cannot
tell gives an empty typed result with a reason.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from fixtures import OWNER_URL, PROFILE_CSV, build_export, export_as_of, ts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netkit as nk
from netkit.metrics.ties import (
    LADDER,
    _natural_breaks,
    meeting_pattern,
    strength_score,
)
from netkit.sample import build_sample

SAMPLE_ZIP = (
    Path(__file__).parents[1] / "data" / "sample" / "Complete_LinkedInDataExport_11-16-2026.zip"
)
T = "2025-06-30"  # an as_of before the export date 12-05-2025, for the as_of tests
HEADER_2023 = b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
CONNECTIONS_HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"

# --- one export with a contact at every stage of the ladder -------------------------------------
# Ana: close and current (invitation note, messages both ways, coffee and an email address).
# Bob: dormant (talked in 2022-2024). Chen: a cold pitch asking for a call, never answered.
# Dana: connected, nothing else (silent). Erik: recommended the owner, never wrote.
# Gus: talked in 2019 and gave his phone number; the owner endorsed him in July 2025.
# Hana: in the owner's address book, endorsed the owner. Ivy: only a group thread ("lunch").
# Fay: connected, invited, wrote, was recommended and entered the address book, all after T.
# Rows dated after T are kept apart, for the as_of tests.
CONNECTIONS_EARLY = (
    b"Ana,Costa,https://www.linkedin.com/in/ana-costa,,Acme,Data Lead,10 Jan 2023\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,Product Manager,05 Mar 2020\n"
    b"Chen,Wei,https://www.linkedin.com/in/chen-wei,,Initech,Sales,01 Feb 2024\n"
    b"Dana,Kim,https://www.linkedin.com/in/dana-kim,,Umbrella,Engineer,12 Jun 2021\n"
    b"Erik,Berg,https://www.linkedin.com/in/erik-berg,,Hooli,CTO,20 Aug 2019\n"
    b"Gus,Hale,https://www.linkedin.com/in/gus-hale,,,Consultant,14 Nov 2018\n"
    b"Hana,Ito,https://www.linkedin.com/in/hana-ito,,Stark,Analyst,03 Mar 2020\n"
    b"Ivy,Park,https://www.linkedin.com/in/ivy-park,,Wayne,Designer,07 Jul 2024\n"
)
CONNECTIONS_LATE = b"Fay,Wong,https://www.linkedin.com/in/fay-wong,,Oscorp,Researcher,15 Sep 2025\n"
MESSAGES_EARLY = (
    b'2-Ym9i,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2022-05-10 10:00:00 UTC,,"Hello Maria, are you hiring?",INBOX\n'
    b'2-Ym9i,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Lee,https://www.linkedin.com/in/bob-lee,2022-05-10 11:00:00 UTC,,"Not right now, let\'s talk in the autumn.",INBOX\n'
    b"2-Ym9i,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Bob Lee,https://www.linkedin.com/in/bob-lee,2023-01-20 09:00:00 UTC,,Happy new year Bob!,INBOX\n"
    b'2-Ym9i,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2023-01-21 09:00:00 UTC,,"Thanks, you too!",INBOX\n'
    b"2-Ym9i,,Bob Lee,https://www.linkedin.com/in/bob-lee,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2024-03-14 16:00:00 UTC,,Congrats on the new role!,INBOX\n"
    b'2-Y2hl,,Chen Wei,https://www.linkedin.com/in/chen-wei,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2024-02-03 10:00:00 UTC,,"Hi Maria, do you have 15 minutes for a quick call? Email me at chen@initech.example",INBOX\n'
    b"2-Y2hl,,Chen Wei,https://www.linkedin.com/in/chen-wei,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2024-02-10 10:00:00 UTC,,Just bumping this up.,INBOX\n"
    b'2-R3Vz,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Gus Hale,https://www.linkedin.com/in/gus-hale,2019-01-05 10:00:00 UTC,,"Hi Gus, thanks for the talk.",INBOX\n'
    b"2-R3Vz,,Gus Hale,https://www.linkedin.com/in/gus-hale,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2019-01-06 10:00:00 UTC,,My number is +351 912 345 678 if you want to chat.,INBOX\n"
    b'2-R3JwMQ,Reading group,Maria Silva,https://www.linkedin.com/in/maria-silva-42,"Ivy Park,Dana Kim","https://www.linkedin.com/in/ivy-park,https://www.linkedin.com/in/dana-kim",2025-02-01 09:00:00 UTC,,Lunch next week?,INBOX\n'
    b'2-R3JwMQ,Reading group,Ivy Park,https://www.linkedin.com/in/ivy-park,"Maria Silva,Dana Kim","https://www.linkedin.com/in/maria-silva-42,https://www.linkedin.com/in/dana-kim",2025-02-01 13:00:00 UTC,,"Yes, lunch works!",INBOX\n'
)
MESSAGES_LATE = (
    b'2-YW5h,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Ana Costa,https://www.linkedin.com/in/ana-costa,2025-09-01 09:00:00 UTC,,"Hi Ana, great meeting you at PyCon!",INBOX\n'
    b"2-YW5h,,Ana Costa,https://www.linkedin.com/in/ana-costa,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-09-01 12:00:00 UTC,,Likewise! Let's stay in touch.,INBOX\n"
    b"2-YW5h,,Ana Costa,https://www.linkedin.com/in/ana-costa,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-10-15 08:30:00 UTC,,Coffee on Friday? My email is ana@acme.example,INBOX\n"
    b'2-YW5h,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Ana Costa,https://www.linkedin.com/in/ana-costa,2025-10-15 09:10:00 UTC,,"Perfect, see you then.",INBOX\n'
    b"2-YW5h,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,Ana Costa,https://www.linkedin.com/in/ana-costa,2025-11-20 18:00:00 UTC,,Thanks for the intro to the data team.,INBOX\n"
    b"2-ZmF5,,Fay Wong,https://www.linkedin.com/in/fay-wong,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-09-16 08:00:00 UTC,,Thanks for connecting!,INBOX\n"
)
INVITATIONS_CSV = (
    b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    b'Ana Costa,Maria Silva,"1/9/23, 8:00 PM","Hi Maria, we met at PyCon.",INCOMING,https://www.linkedin.com/in/ana-costa,https://www.linkedin.com/in/maria-silva-42\n'
)
RECOMMENDATIONS_CSV = (
    b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    b'Erik,Berg,Hooli,CTO,"Maria is a rigorous engineer.","04/02/24, 10:00 AM",VISIBLE\n'
)
ENDORSEMENTS_RECEIVED_CSV = (
    b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
    b"2024/06/26 00:52:03 UTC,Python,Hana,Ito,www.linkedin.com/in/hana-ito,ACCEPTED\n"
)
ENDORSEMENTS_GIVEN_LATE = (
    b"Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n"
    b"2025/07/15 08:30:00 UTC,Consulting,Gus,Hale,www.linkedin.com/in/gus-hale,ACCEPTED\n"
)
CONTACTS_CSV = (
    b"Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,Sites,InstantMessageHandles,FullName,Birthday,Location,BookmarkedAt,Profiles\n"
    b'GOOGLE_CONTACTS,Hana,Ito,Stark,Analyst,hana@stark.example,,"3/1/20, 9:00 AM",,,,Hana Ito,,,,\n'
)
CONTACTS_LATE = b'GOOGLE_CONTACTS,Fay,Wong,Oscorp,Researcher,fay@oscorp.example,,"10/1/25, 9:00 AM",,,,Fay Wong,,,,\n'
INVITATIONS_LATE = b'Maria Silva,Fay Wong,"9/14/25, 6:00 PM","Hi Fay, loved your talk on graphs.",OUTGOING,https://www.linkedin.com/in/maria-silva-42,https://www.linkedin.com/in/fay-wong\n'
RECOMMENDATIONS_GIVEN_LATE = (
    b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    b'Fay,Wong,Oscorp,Researcher,"Fay is a brilliant researcher.","10/20/25, 10:00 AM",VISIBLE\n'
)

LADDER_EARLY_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_HEADER + CONNECTIONS_EARLY,
    "messages.csv": HEADER_2023 + MESSAGES_EARLY,
    "Invitations.csv": INVITATIONS_CSV,
    "Recommendations_Received.csv": RECOMMENDATIONS_CSV,
    "Endorsement_Received_Info.csv": ENDORSEMENTS_RECEIVED_CSV,
    "ImportedContacts.csv": CONTACTS_CSV,
}
LADDER_EXPORT = {
    **LADDER_EARLY_EXPORT,
    "Connections.csv": CONNECTIONS_HEADER + CONNECTIONS_EARLY + CONNECTIONS_LATE,
    "messages.csv": HEADER_2023 + MESSAGES_EARLY + MESSAGES_LATE,
    "Endorsement_Given_Info.csv": ENDORSEMENTS_GIVEN_LATE,
    "Invitations.csv": INVITATIONS_CSV + INVITATIONS_LATE,
    "Recommendations_Given.csv": RECOMMENDATIONS_GIVEN_LATE,
    "ImportedContacts.csv": CONTACTS_CSV + CONTACTS_LATE,
}
NO_MESSAGES_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": CONNECTIONS_HEADER + CONNECTIONS_EARLY,
    "Endorsement_Received_Info.csv": ENDORSEMENTS_RECEIVED_CSV,
}


@pytest.fixture(scope="module")
def ladder_export(tmp_path_factory):
    return nk.load_export(build_export(tmp_path_factory.mktemp("ladder"), LADDER_EXPORT))


@pytest.fixture(scope="module")
def strength(ladder_export) -> pd.DataFrame:
    return nk.tie_strength(ladder_export).set_index("person_id")


@pytest.fixture(scope="module")
def sample():
    return build_sample()


@pytest.fixture(scope="module")
def sample_export():
    """The committed sample: what ``build_sample()`` writes (tests/test_sample.py checks it)."""
    return nk.load_export(SAMPLE_ZIP)


# --- a builder for generated exports (rhythms, property tests) ----------------------------------
def name_of(slug: str) -> str:
    return " ".join(part.capitalize() for part in slug.split("-"))


def messages_csv(rows: list[tuple[str, str, str, str]]) -> bytes:
    """``(slug, "2025-01-02 10:00:00", "outgoing"|"incoming", text)`` → messages.csv bytes, 1:1."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for slug, when, direction, text in rows:
        them = (name_of(slug), f"https://www.linkedin.com/in/{slug}")
        me = ("Maria Silva", OWNER_URL)
        sender, recipient = (me, them) if direction == "outgoing" else (them, me)
        writer.writerow([f"2-{slug}", "", *sender, *recipient, f"{when} UTC", "", text, "INBOX"])
    return HEADER_2023 + out.getvalue().encode()


def connections_csv(slugs: list[str], connected_on: str = "01 Jan 2020") -> bytes:
    lines = [
        f"{name_of(s).split()[0]},{name_of(s).split()[1]},https://www.linkedin.com/in/{s},,Acme,Engineer,{connected_on}\n"
        for s in slugs
    ]
    return CONNECTIONS_HEADER + "".join(lines).encode()


def exchanges(slug: str, first: str, every_days: int, count: int) -> list[tuple]:
    """`count` days `every_days` apart from `first`: the owner writes, the contact answers."""
    days = pd.date_range(first, periods=count, freq=f"{every_days}D")
    return [
        row
        for day in days
        for row in (
            (slug, f"{day:%Y-%m-%d} 10:00:00", "outgoing", "How are things?"),
            (slug, f"{day:%Y-%m-%d} 11:00:00", "incoming", "All good, thanks!"),
        )
    ]


# Kai: every 10 days until 2025-08-30 (silent 97 days > 3 × 10 and > 60): fading.
# Lea: every 30 days until 2025-09-21 (silent 75 days < 3 × 30): not fading with the defaults.
# Max: every 5 days until 2025-10-16 (silent 50 days < 60): not fading with the defaults.
# Noa: a single active day in May: no rhythm yet. Ole: every 10 days, silent 400 days: dormant.
RHYTHM_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": connections_csv(
        ["kai-ross", "lea-moss", "max-bell", "noa-fink", "ole-dahl"]
    ),
    "messages.csv": messages_csv(
        exchanges("kai-ross", "2025-01-02", 10, 25)
        + exchanges("lea-moss", "2024-06-28", 30, 16)
        + exchanges("max-bell", "2025-06-03", 5, 28)
        + exchanges("noa-fink", "2025-05-01", 1, 1)
        + exchanges("ole-dahl", "2024-01-01", 10, 19)
    ),
}


@pytest.fixture(scope="module")
def rhythm_export(tmp_path_factory):
    return nk.load_export(build_export(tmp_path_factory.mktemp("rhythm"), RHYTHM_EXPORT))


def column_types(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """Column names and dtype names, in order."""
    return [(column, str(dtype)) for column, dtype in frame.dtypes.items()]


# === tie_strength ================================================================================
FEATURE_COLUMNS = {
    "person_id": "str",
    "name": "str",
    "company": "str",
    "messages_sent": "int64",
    "messages_received": "int64",
    "active_days": "int64",
    "words": "int64",
    "first_contact": "datetime64[us, UTC]",
    "last_contact": "datetime64[us, UTC]",
    "duration_days": "float64",
    "days_since_last": "float64",
    "reciprocated": "int64",
    "channels": "int64",
    "ladder": "category",
    "silent": "bool",
    "score": "float64",
}


def test_tie_strength_has_one_row_per_contact_in_people(sample_export):
    result = nk.tie_strength(sample_export)
    assert sorted(result["person_id"]) == sorted(sample_export.people["person_id"])
    assert result["person_id"].is_unique
    assert column_types(result) == list(FEATURE_COLUMNS.items())


def test_people_who_appear_after_as_of_are_not_there(ladder_export):
    ids = set(nk.tie_strength(ladder_export, as_of=T)["person_id"])
    assert "fay-wong" not in ids  # connected and wrote in September 2025
    assert {"ana-costa", "bob-lee", "dana-kim", "ivy-park"} <= ids
    assert "fay-wong" in set(nk.tie_strength(ladder_export)["person_id"])


def test_features_of_a_conversation(strength):
    ana = strength.loc["ana-costa"]
    assert ana["messages_sent"] == 3
    assert ana["messages_received"] == 2
    assert ana["active_days"] == 3  # 2025-09-01 (two messages), 2025-10-15 (two), 2025-11-20
    # "Hi Ana, great meeting you at PyCon!" 7 + "Likewise! Let's stay in touch." 5 +
    # "Coffee on Friday? My email is ana@acme.example" 7 + "Perfect, see you then." 4 +
    # "Thanks for the intro to the data team." 8
    assert ana["words"] == 31
    assert ana["first_contact"] == ts("2023-01-09 20:00")  # the invitation with a note
    assert ana["last_contact"] == ts("2025-11-20 18:00")
    assert ana["duration_days"] == pytest.approx(
        (ts("2025-11-20 18:00") - ts("2023-01-09 20:00")) / pd.Timedelta(days=1)
    )
    as_of = ts("2025-12-05 23:59:59.999999")
    assert ana["days_since_last"] == pytest.approx(
        (as_of - ts("2025-11-20 18:00")) / pd.Timedelta(days=1)
    )
    assert ana["reciprocated"] == 2
    assert ana["channels"] == 2  # message, invitation note
    assert not ana["silent"]


def test_channels_count_message_note_endorsement_recommendation_and_address_book(strength):
    assert strength.loc["hana-ito", "channels"] == 2  # endorsement + address book
    assert strength.loc["erik-berg", "channels"] == 1  # recommendation
    assert strength.loc["gus-hale", "channels"] == 2  # message + endorsement (July 2025)
    assert strength.loc["dana-kim", "channels"] == 1  # a group message reached her


def test_ladder_reaches_the_furthest_stage(strength):
    assert strength["ladder"].dtype == pd.CategoricalDtype(list(LADDER), ordered=True)
    expected = {
        "ana-costa": "met",  # coffee arranged (and an email address) in a two-way exchange
        "bob-lee": "conversation",
        "chen-wei": "messaged",
        "dana-kim": "messaged",  # in a group thread the owner wrote to; she never wrote
        "erik-berg": "vouched",  # a recommendation, without a single message
        "gus-hale": "off_platform",  # a phone number
        "hana-ito": "off_platform",  # in the address book
        # Both wrote in the group thread, but a group thread is not a relationship (and its
        # "lunch" arranges nothing with her).
        "ivy-park": "messaged",
    }
    assert strength.loc[list(expected), "ladder"].astype("str").to_dict() == expected
    assert (strength["ladder"].loc[["ana-costa"]] > "off_platform").all()  # ordered stages


def test_a_cold_pitch_asking_for_a_call_climbs_nothing(strength):
    # Chen asked for "a quick call" and gave an email address, but nobody answered.
    assert strength.loc["chen-wei", "ladder"] == "messaged"


def test_silent_contacts_score_nan_with_ladder_connected(ladder_export):
    result = nk.tie_strength(ladder_export, as_of="2024-12-31").set_index("person_id")
    # Dana's only message (the group thread) is from 2025: at the end of 2024 she is silent.
    dana = result.loc["dana-kim"]
    assert dana["silent"]
    assert np.isnan(dana["score"])
    assert dana["ladder"] == "connected"
    assert pd.isna(dana["last_contact"])
    # Silent is exactly "no interaction", and only silent contacts have no score.
    assert (result["silent"] == result["last_contact"].isna()).all()
    assert (result["silent"] == result["score"].isna()).all()
    assert (result.loc[result["silent"], "ladder"] == "connected").all()


def test_score_is_between_0_and_100_and_strongest_first(sample_export):
    result = nk.tie_strength(sample_export)
    scored = result["score"].dropna()
    assert scored.between(0, 100).all()
    assert scored.is_monotonic_decreasing
    assert result["score"].isna().sum() == result["silent"].sum() > 0


def test_tie_strength_orders_the_planted_relationships(sample, sample_export):
    result = nk.tie_strength(sample_export).set_index("person_id")
    stories = sample.stories
    close = result.loc[stories["close_active"], "score"]
    pitchers = result.loc[stories["pitchers"], "score"]
    assert close.min() > pitchers.max()
    assert (result.loc[stories["pitchers"], "ladder"] == "messaged").all()
    assert (result.loc[stories["meeting_arranged"], "ladder"] >= "met").all()
    assert (result.loc[stories["email_exchanged"], "ladder"] >= "off_platform").all()
    assert (result.loc[stories["address_book_connections"], "ladder"] >= "off_platform").all()
    assert (result.loc[stories["recommenders"], "ladder"] == "vouched").all()


def test_tie_strength_without_messages_says_why(load):
    ex = load(NO_MESSAGES_EXPORT)
    result = nk.tie_strength(ex).set_index("person_id")
    assert "no messages" in result.attrs["reason"]
    assert result.drop(index="hana-ito")["silent"].all()
    assert result.loc["hana-ito", "ladder"] == "connected"  # endorsed, in no address book here
    assert result.loc["hana-ito", "score"] >= 0
    assert (result["messages_sent"] == 0).all()


# --- the score is monotone ----------------------------------------------------------------------
FEATURES = st.fixed_dictionaries(
    {
        "days_since_last": st.floats(0, 10_000),
        "active_days": st.integers(0, 5_000),
        "reciprocated": st.integers(0, 50_000),
        "duration_days": st.floats(0, 10_000),
        "channels": st.integers(0, 5),
        "ladder": st.sampled_from(LADDER),
        "words": st.integers(0, 1_000_000),
    }
)


def better(features: dict, feature: str, step: float) -> dict:
    """The same relationship, better on one feature by `step`."""
    changed = dict(features)
    if feature == "ladder":
        changed["ladder"] = LADDER[min(LADDER.index(features["ladder"]) + int(step), 5)]
    elif feature == "days_since_last":
        changed["days_since_last"] = max(features["days_since_last"] - step, 0.0)
    elif feature == "channels":
        changed["channels"] = min(features["channels"] + int(step), 5)
    else:
        changed[feature] = features[feature] + (int(step) if feature != "duration_days" else step)
    return changed


@settings(max_examples=300, deadline=None)
@given(
    features=FEATURES,
    feature=st.sampled_from(
        [
            "days_since_last",
            "active_days",
            "reciprocated",
            "duration_days",
            "channels",
            "ladder",
            "words",
        ]
    ),
    step=st.floats(0, 5_000),
)
def test_score_is_monotone_in_each_feature(features, feature, step):
    rows = pd.DataFrame([features, better(features, feature, step)])
    before, after = strength_score(rows)
    assert 0 <= before <= after <= 100


@settings(max_examples=50, deadline=None)
@given(features=st.lists(FEATURES, min_size=1, max_size=30))
def test_score_of_a_frame_is_the_score_of_each_row(features):
    frame = pd.DataFrame(features)
    whole = strength_score(frame)
    each = [strength_score(frame.iloc[[i]]).iloc[0] for i in range(len(frame))]
    assert whole.tolist() == each
    assert whole.between(0, 100).all()


def test_score_is_nan_without_any_contact():
    frame = pd.DataFrame(
        [{"days_since_last": np.nan, "active_days": 0, "reciprocated": 0, "duration_days": np.nan,
          "channels": 1, "ladder": "connected", "words": 0}]
    )  # fmt: skip
    assert np.isnan(strength_score(frame).iloc[0])


TEXTS = st.sampled_from(
    ["Hello!", "Thanks, all good.", "Coffee next week?", "Mail me: a@b.example", "Sure"]
)
MESSAGE = st.tuples(st.integers(0, 2_000), st.sampled_from(["outgoing", "incoming"]), TEXTS)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=st.lists(MESSAGE, min_size=0, max_size=6), extra=MESSAGE)
def test_one_more_message_never_weakens_a_tie(load_path, history, extra):
    """Whole exports: any message added to a relationship leaves its score equal or higher."""

    def score(messages):
        rows = [
            (
                "zoe-hart",
                f"{ts('2020-01-01') + pd.Timedelta(days=day):%Y-%m-%d} 10:{i % 60:02d}:00",
                direction,
                text,
            )
            for i, (day, direction, text) in enumerate(messages)
        ]
        files = {
            "Profile.csv": PROFILE_CSV,
            "Connections.csv": connections_csv(["zoe-hart"], "01 Jan 2019"),
        }
        if rows:
            files["messages.csv"] = messages_csv(rows)
        result = nk.tie_strength(load_path(files)).set_index("person_id")
        return result.loc["zoe-hart", "score"], result.loc["zoe-hart", "ladder"]

    before, ladder_before = score(history)
    after, ladder_after = score([*history, extra])
    assert not np.isnan(after)
    assert np.isnan(before) or after >= before
    assert LADDER.index(ladder_after) >= LADDER.index(ladder_before)


# --- text matching ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "arranges"),
    [
        ("Coffee next week?", True),
        ("Shall we jump on a call on Thursday?", True),
        ("Let's CATCH-UP soon", True),
        ("Here's a Zoom link: https://zoom.us/j/5550100", True),
        ("Great to meet you, Zoë!", True),
        ("Are you going to the meetup next week?", False),
        ("I recall the slide on data contracts", False),
        ("We help data teams cut cloud costs", False),
        ("She called yesterday", False),
    ],
)
def test_meeting_lexicon_matches_whole_words(text, arranges):
    assert bool(meeting_pattern().search(text)) is arranges
    assert bool(pd.Series([text], dtype="str").str.contains(meeting_pattern()).iloc[0]) is arranges


# === layers =====================================================================================
LAYER_COLUMNS = {
    "person_id": "str",
    "active_days": "int64",
    "layer": "int64",
    "layer_size": "int64",
    "reference_size": "int64",
    "layer_members": "int64",
    "name": "str",
}


def test_layers_count_only_reciprocated_active_days_in_the_window(ladder_export, rhythm_export):
    result = nk.layers(ladder_export).set_index("person_id")
    assert column_types(result.reset_index()) == list(LAYER_COLUMNS.items())
    # Ana: two days with an answered message (her 20 November thank-you got no answer). Ivy
    # answered the owner in the group thread of February 2025: group threads do not count as
    # an exchange. Bob wrote in 2024 (outside the window), Chen was never answered, Dana never
    # wrote.
    assert result["active_days"].to_dict() == {"ana-costa": 2}
    # A 60-day window starts on 6 October: only 15 October is left.
    assert nk.layers(ladder_export, window="60D")["active_days"].to_dict() == {0: 1}
    rhythm = nk.layers(rhythm_export, as_of="2025-06-30").set_index("person_id")
    assert rhythm.loc["kai-ross", "active_days"] == 18  # every 10 days from 2 January
    assert rhythm.loc["max-bell", "active_days"] == 6  # 3 June to 28 June
    assert "ole-dahl" not in rhythm.index  # last exchange 2024-06-29, a day before the window


def test_an_unanswered_message_makes_no_active_day(load):
    ex = load(
        {
            "Profile.csv": PROFILE_CSV,
            "Connections.csv": connections_csv(["kai-ross", "lea-moss"]),
            "messages.csv": messages_csv(
                [
                    ("kai-ross", "2025-05-01 10:00:00", "outgoing", "Hello?"),
                    ("kai-ross", "2025-05-20 10:00:00", "incoming", "Sorry!"),  # 19 days on
                    ("lea-moss", "2025-05-01 10:00:00", "incoming", "Hi!"),
                    ("lea-moss", "2025-05-07 10:00:00", "outgoing", "Hi Lea"),  # 6 days on
                ]
            ),
        }
    )
    result = nk.layers(ex).set_index("person_id")
    assert result["active_days"].to_dict() == {"lea-moss": 2}
    assert nk.layers(ex, reply_within="30D").set_index("person_id")["active_days"].to_dict() == {
        "kai-ross": 2,
        "lea-moss": 2,
    }


def test_layers_nest_like_dunbar_on_the_sample(sample, sample_export):
    result = nk.layers(sample_export)
    assert column_types(result) == list(LAYER_COLUMNS.items())
    assert result["layer"].between(1, 4).all()
    assert sorted(result["layer"].unique()) == list(range(1, result["layer"].max() + 1))
    # More reciprocated active days never puts a contact in an outer layer.
    by_days = result.sort_values("active_days")
    assert by_days["layer"].is_monotonic_decreasing
    # Sizes count this layer and the inner ones, beside Dunbar's 5 / 15 / 50 / 150.
    per_layer = result.groupby("layer").agg(
        members=("person_id", "size"), size=("layer_size", "first"), ref=("reference_size", "first")
    )
    assert per_layer["size"].tolist() == per_layer["members"].cumsum().tolist()
    assert per_layer["ref"].tolist() == [5, 15, 50, 150][: len(per_layer)]
    assert (result["layer_members"] == result["layer"].map(per_layer["members"])).all()
    # Close contacts still in touch are in the inner layers more than anyone else.
    close = result[result["person_id"].isin(sample.stories["close_active"])]
    assert close["layer"].mean() < result["layer"].mean()
    assert result.attrs["params"]["window"] == "365D"
    assert result.attrs["params"]["reference_sizes"] == (5, 15, 50, 150)
    assert set(result.attrs["layer_bounds"]) == set(per_layer.index)


def test_layers_are_deterministic(sample_export):
    pd.testing.assert_frame_equal(nk.layers(sample_export), nk.layers(sample_export))


def test_natural_breaks_finds_obvious_groups():
    values = np.array([1, 1, 2, 10, 11, 12, 50, 52, 200, 210], dtype=float)
    assert _natural_breaks(values, 4).tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 3, 3]
    assert _natural_breaks(np.array([3.0, 3.0, 7.0]), 4).tolist() == [0, 0, 1]
    assert _natural_breaks(np.array([5.0]), 4).tolist() == [0]


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.integers(1, 400), min_size=1, max_size=200),
    classes=st.integers(1, 6),
)
def test_natural_breaks_are_ordered_contiguous_classes(values, classes):
    array = np.log(np.array(values, dtype=float))
    labels = _natural_breaks(array, classes)
    order = np.argsort(array, kind="stable")
    assert (np.diff(labels[order]) >= 0).all()  # a larger value never in a lower class
    assert len(set(labels)) == min(classes, len(set(values)))
    assert set(labels) == set(range(len(set(labels))))
    # Equal values share a class.
    frame = pd.DataFrame({"v": values, "c": labels})
    assert (frame.groupby("v")["c"].nunique() == 1).all()
    assert _natural_breaks(array, classes).tolist() == labels.tolist()


# === dormant and fading ties ====================================================================
RECONNECT_COLUMNS = {
    "person_id": "str",
    "name": "str",
    "company": "str",
    "last_contact": "datetime64[us, UTC]",
    "days_silent": "int64",
    "prior_strength": "float64",
    "reconnect_score": "float64",
    "reason": "str",
    "active_days": "int64",
    "ladder": "category",
}


def test_dormant_close_contacts_are_at_the_top_and_close_active_are_not(sample, sample_export):
    dormant = nk.dormant_ties(sample_export)
    assert column_types(dormant) == list(RECONNECT_COLUMNS.items())
    planted = sample.stories["dormant_close"]
    top = set(dormant["person_id"].head(len(planted) + 2))
    assert set(planted) <= top
    assert not dormant["person_id"].isin(sample.stories["close_active"]).any()
    assert dormant["reconnect_score"].is_monotonic_decreasing


def test_fading_contacts_are_found_and_close_active_are_not(sample, sample_export):
    fading = nk.fading_ties(sample_export)
    assert column_types(fading) == [*RECONNECT_COLUMNS.items(), ("median_gap_days", "float64")]
    assert set(sample.stories["fading"]) <= set(fading["person_id"])
    assert not fading["person_id"].isin(sample.stories["close_active"]).any()
    assert not fading["person_id"].isin(nk.dormant_ties(sample_export)["person_id"]).any()


def test_dormant_needs_a_reciprocated_exchange_and_the_silence(ladder_export):
    dormant = nk.dormant_ties(ladder_export).set_index("person_id")
    # Bob: both ways, last in March 2024. Chen: one way. Gus: both ways in 2019, but the owner
    # endorsed him in July 2025 (any channel but the connection ends a silence). Erik: a
    # recommendation, never a message.
    assert list(dormant.index) == ["bob-lee"]
    bob = dormant.loc["bob-lee"]
    assert bob["last_contact"] == ts("2024-03-14 16:00")
    assert bob["days_silent"] == 631
    # The threshold is a keyword argument, recorded in attrs.
    assert dormant.attrs["params"]["after"] == "365D"
    assert "bob-lee" not in set(nk.dormant_ties(ladder_export, after="700D")["person_id"])
    assert nk.dormant_ties(ladder_export, after="700D").attrs["params"]["after"] == "700D"
    before_endorsement = nk.dormant_ties(ladder_export, as_of=T)
    assert set(before_endorsement["person_id"]) == {"gus-hale", "bob-lee"}


def test_dormant_reason_is_a_sentence_to_act_on(ladder_export):
    bob = nk.dormant_ties(ladder_export).set_index("person_id").loc["bob-lee"]
    assert bob["reason"] == "Talked on 4 days over 22 months, last in March 2024, now at Globex."
    gus = nk.dormant_ties(ladder_export, as_of=T).set_index("person_id").loc["gus-hale"]
    # Two consecutive days: no span to speak of; no company known; the phone number shows.
    assert gus["reason"] == "Talked on 2 days (you moved to email or phone), last in January 2019."


def test_prior_strength_is_the_strength_at_the_last_contact(ladder_export):
    dormant = nk.dormant_ties(ladder_export).set_index("person_id")
    at_last = nk.tie_strength(ladder_export, as_of=ts("2024-03-14 16:00")).set_index("person_id")
    assert dormant.loc["bob-lee", "prior_strength"] == at_last.loc["bob-lee", "score"]
    now = nk.tie_strength(ladder_export).set_index("person_id")
    assert dormant.loc["bob-lee", "prior_strength"] > now.loc["bob-lee", "score"]


def test_formerly_stronger_ties_dormant_longer_rank_higher(sample_export):
    dormant = nk.dormant_ties(sample_export)
    prior = dormant["prior_strength"].to_numpy()
    silent = dormant["days_silent"].to_numpy()
    score = dormant["reconnect_score"].to_numpy()
    dominates = (prior[:, None] >= prior[None, :]) & (silent[:, None] >= silent[None, :])
    assert (score[:, None] >= score[None, :])[dominates].all()
    assert len(dormant) > 10


def test_fading_follows_each_relationships_own_rhythm(rhythm_export):
    fading = nk.fading_ties(rhythm_export).set_index("person_id")
    assert list(fading.index) == ["kai-ross"]
    kai = fading.loc["kai-ross"]
    assert kai["median_gap_days"] == 10
    assert kai["days_silent"] == 97  # last exchange 2025-08-30
    assert kai["reason"] == (
        "Talked on 25 days over 8 months, usually every 10 days, but not since August 2025, now at Acme."
    )
    assert set(nk.dormant_ties(rhythm_export)["person_id"]) == {"ole-dahl"}
    # Both thresholds are keyword arguments, recorded in attrs.
    assert fading.attrs["params"] == {
        "as_of": ts("2025-12-05 23:59:59.999999"),
        "after": "365D",
        "gap_multiple": 3.0,
        "min_silence": "60D",
    }
    looser = nk.fading_ties(rhythm_export, gap_multiple=2)
    assert set(looser["person_id"]) == {"kai-ross", "lea-moss"}
    shorter = nk.fading_ties(rhythm_export, min_silence="30D")
    assert set(shorter["person_id"]) == {"kai-ross", "max-bell"}


# === group threads are not relationships =========================================================
def group_rows(conversation: str, members: list[str], rows: list[tuple[str, str, str]]) -> bytes:
    """messages.csv rows (no header) of one group thread of the owner and `members`, from
    ``(sender slug or "me", "2025-01-02 10:00:00", text)``: each goes to everyone else."""
    people = {"me": ("Maria Silva", OWNER_URL)}
    people |= {slug: (name_of(slug), f"https://www.linkedin.com/in/{slug}") for slug in members}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for sender, when, text in rows:
        others = [people[slug] for slug in people if slug != sender]
        to_names, to_urls = (",".join(column) for column in zip(*others, strict=True))
        writer.writerow(
            [
                conversation,
                "Book club",
                *people[sender],
                to_names,
                to_urls,
                f"{when} UTC",
                "",
                text,
                "INBOX",
            ]
        )
    return out.getvalue().encode()


def group_exchanges(slug: str, first: str, every_days: int, count: int) -> list[tuple]:
    """`exchanges`, in a group thread: the owner writes to the group, `slug` answers there."""
    return [
        ("me" if direction == "outgoing" else who, when, text)
        for who, when, direction, text in exchanges(slug, first, every_days, count)
    ]


# Gia and Ida only share group threads with the owner, with Hal (who never writes): both sides
# wrote in them, in the rhythm of Kai (fading) and Ole (dormant), who write one-to-one.
GROUP_EXPORT = {
    "Profile.csv": PROFILE_CSV,
    "Connections.csv": connections_csv(["gia-lund", "ida-moe", "hal-berg", "kai-ross", "ole-dahl"]),
    "messages.csv": messages_csv(
        exchanges("kai-ross", "2025-01-02", 10, 25) + exchanges("ole-dahl", "2024-01-01", 10, 19)
    )
    + group_rows(
        "2-Z2lh", ["gia-lund", "hal-berg"], group_exchanges("gia-lund", "2025-01-02", 10, 25)
    )
    + group_rows(
        "2-aWRh", ["ida-moe", "hal-berg"], group_exchanges("ida-moe", "2024-01-01", 10, 19)
    ),
}


@pytest.fixture(scope="module")
def group_export(tmp_path_factory):
    return nk.load_export(build_export(tmp_path_factory.mktemp("group"), GROUP_EXPORT))


def test_a_group_thread_is_not_a_relationship(group_export):
    gia_messages = group_export.interactions.query(
        "person_id == 'gia-lund' and channel == 'message'"
    )
    assert len(gia_messages) == 50
    assert gia_messages["is_group"].all()
    strength = nk.tie_strength(group_export).set_index("person_id")
    gia, kai = strength.loc["gia-lund"], strength.loc["kai-ross"]
    # Message counts keep the group messages; the exchange needs one-to-one messages.
    assert (gia["messages_sent"], gia["messages_received"], gia["active_days"]) == (25, 25, 25)
    assert gia["reciprocated"] == 0
    assert gia["ladder"] == "messaged"
    assert strength.loc["ida-moe", "reciprocated"] == 0
    assert (kai["reciprocated"], kai["ladder"]) == (25, "conversation")
    assert strength.loc["ole-dahl", "reciprocated"] == 19
    # Not a layer member, not dormant, not fading; their one-to-one twins still are.
    assert set(nk.layers(group_export)["person_id"]) == {"kai-ross"}
    assert set(nk.dormant_ties(group_export)["person_id"]) == {"ole-dahl"}
    assert set(nk.fading_ties(group_export)["person_id"]) == {"kai-ross"}


def test_a_group_thread_sets_no_rhythm(load):
    # Lea and the owner wrote one-to-one on a single day, then every 10 days in a group thread:
    # one day of one-to-one messages is no rhythm, so she is never fading.
    files = {
        "Profile.csv": PROFILE_CSV,
        "Connections.csv": connections_csv(["lea-moss", "hal-berg"]),
        "messages.csv": messages_csv(exchanges("lea-moss", "2025-01-02", 1, 1))
        + group_rows(
            "2-bGVh", ["lea-moss", "hal-berg"], group_exchanges("lea-moss", "2025-01-12", 10, 24)
        ),
    }
    ex = load(files)
    # Silent since 30 August: 97 days, over 3 × the 10-day gap of the group thread.
    assert nk.fading_ties(ex).empty
    assert nk.tie_strength(ex).set_index("person_id").loc["lea-moss", "reciprocated"] == 1


def test_dormant_and_fading_ties_on_the_sample_wrote_one_to_one_both_ways(sample_export):
    events = sample_export.interactions
    direct = events[(events["channel"] == "message") & ~events["is_group"]]
    both_ways = direct.groupby("person_id")["direction"].nunique() == 2
    two_way = set(both_ways[both_ways].index)
    messages = events[events["channel"] == "message"]
    group_only = set(messages["person_id"]) - set(direct["person_id"])
    assert group_only  # the sample has members met only in group threads
    for result in (nk.dormant_ties(sample_export), nk.fading_ties(sample_export)):
        assert len(result) > 0
        assert set(result["person_id"]) <= two_way
    strength = nk.tie_strength(sample_export).set_index("person_id")
    assert (strength.loc[list(group_only), "reciprocated"] == 0).all()
    assert (strength.loc[list(group_only), "ladder"] <= "messaged").all()


# === as_of and exports that cannot tell ==========================================================
@pytest.mark.parametrize("metric", ["tie_strength", "layers", "dormant_ties", "fading_ties"])
def test_nothing_after_as_of_leaks(load, metric):
    early = getattr(nk, metric)(load(LADDER_EARLY_EXPORT), as_of=T)
    full = getattr(nk, metric)(load(LADDER_EXPORT), as_of=T)
    pd.testing.assert_frame_equal(early, full)
    assert early.attrs["params"]["as_of"] == ts("2025-06-30 23:59:59.999999")


@pytest.mark.parametrize("metric", ["tie_strength", "layers", "dormant_ties", "fading_ties"])
def test_nothing_after_as_of_leaks_on_the_sample(sample_export, metric):
    as_of = ts("2024-06-30 23:59:59.999999")
    then = getattr(nk, metric)(export_as_of(sample_export, as_of), as_of=as_of)
    now = getattr(nk, metric)(sample_export, as_of=as_of)
    assert len(now) > 0
    pd.testing.assert_frame_equal(then, now)
    for column in ("last_contact", "first_contact"):
        if column in now:
            assert (now[column].dropna() <= as_of).all()


@pytest.mark.parametrize(
    ("metric", "columns"),
    [
        ("layers", LAYER_COLUMNS),
        ("dormant_ties", RECONNECT_COLUMNS),
        ("fading_ties", {**RECONNECT_COLUMNS, "median_gap_days": "float64"}),
    ],
)
def test_without_messages_results_are_empty_typed_and_say_why(load, metric, columns):
    result = getattr(nk, metric)(load(NO_MESSAGES_EXPORT))
    assert result.empty
    assert column_types(result) == list(columns.items())
    assert "no messages" in result.attrs["reason"]
    assert result.attrs["params"]["as_of"] == ts("2025-12-05 23:59:59.999999")


def test_thresholds_are_recorded(ladder_export):
    assert nk.layers(ladder_export, window="180D").attrs["params"]["window"] == "180D"
    assert nk.layers(ladder_export).attrs["params"]["reply_within"] == "7D"
    assert nk.tie_strength(ladder_export).attrs["params"] == {
        "as_of": ts("2025-12-05 23:59:59.999999")
    }
    assert nk.dormant_ties(ladder_export).attrs["reason"] is None


def test_a_reason_never_says_now_at_self_employed():
    from netkit.metrics.ties import _now_at

    companies = pd.Series(
        ["Globex", "Self-employed", " freelance ", "Confidential", None], dtype="str"
    )
    endings = _now_at(pd.DataFrame({"company": companies})).tolist()
    assert endings == [", now at Globex.", ", now self-employed.", ", now freelance.", ".", "."]
