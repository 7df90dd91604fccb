# ruff: noqa: E501
"""nk.anonymize (api.md: "a copy with stable keyed pseudonyms for names, emails, URLs, texts").

Required: no original name, email, profile URL or slug left anywhere; the same key gives the same
output and another key other pseudonyms; identity structure survives (rows, person_id joins
across tables, the owner never a contact, counts per person); the input is not touched.
"""

from __future__ import annotations

import pickle
import re
from collections import defaultdict
from collections.abc import Iterator

import pandas as pd
import pytest
from fixtures import PROFILE_CSV
from hypothesis import given, settings
from hypothesis import strategies as st

import netkit as nk
from netkit.graph import NON_EMPLOYERS
from netkit.people import UNKNOWN_NAMES, person_ids
from netkit.privacy import Pseudonyms, mask_text

SAMPLE = "data/sample/Complete_LinkedInDataExport_11-16-2026.zip"
KEY = "test key"
ID_COLUMNS = {
    "connections": ["person_id"],
    "messages": ["sender_id"],
    "assistant_messages": ["sender_id"],
    "invitations": ["person_id"],
    "endorsements": ["person_id"],
    "recommendations": ["person_id"],
    "contacts": ["person_id"],
    "member_follows": ["person_id"],
    "people": ["person_id"],
    "interactions": ["person_id"],
}
NAME_COLUMNS = {
    "connections": ["name"],
    "messages": ["sender_name"],
    "invitations": ["name", "from_name", "to_name"],
    "endorsements": ["name"],
    "recommendations": ["name"],
    "contacts": ["name", "full_name"],
    "member_follows": ["name"],
    "people": ["name"],
}
URL_COLUMNS = {
    "connections": ["profile_url"],
    "messages": ["sender_url", "recipient_urls"],
    "invitations": ["profile_url", "inviter_url", "invitee_url"],
    "endorsements": ["profile_url"],
    "people": ["profile_url"],
}
EMAIL_COLUMNS = {
    "connections": ["email"],
    "people": ["email"],
    "contacts": ["emails"],
    "email_addresses": ["email"],
}


@pytest.fixture(scope="module")
def sample() -> nk.Export:
    return nk.load_export(SAMPLE)


@pytest.fixture(scope="module")
def anonymized(sample) -> nk.Export:
    return nk.anonymize(sample, key=KEY)


def all_frames(ex: nk.Export) -> Iterator[tuple[str, pd.DataFrame]]:
    yield from ex.tables.items()
    yield "problems", ex.problems
    yield "files", ex.files
    for path, frame in ex.other.items():
        yield f"other:{path}", frame


def every_string(ex: nk.Export) -> Iterator[str]:
    """Every text cell of every table (list elements too), the owner, the export's name."""
    for _, frame in all_frames(ex):
        for column in frame.columns:
            values = frame[column]
            if values.dtype == object:
                for value in values:
                    if isinstance(value, list):
                        yield from (str(v) for v in value)
                    elif isinstance(value, str):
                        yield value
            elif pd.api.types.is_string_dtype(values.dtype):
                yield from values.dropna().unique().tolist()
    yield from (v for v in ex.owner if v is not None)
    yield from (str(ex.name), str(ex.source))
    yield from ex.other


def values_of(ex: nk.Export, columns: dict[str, list[str]]) -> set[str]:
    found: set[str] = set()
    for table, names in columns.items():
        for column in names:
            found.update(getattr(ex, table)[column].dropna().astype(str))
    return found


def originals(ex: nk.Export) -> set[str]:
    """What must not survive: names, emails, profile URLs and slugs of everyone, owner included."""
    names = values_of(ex, NAME_COLUMNS) | {ex.owner.name}
    names = {n for n in names if " ".join(n.split()).casefold() not in UNKNOWN_NAMES}
    urls = set()
    for text in values_of(ex, URL_COLUMNS) | {ex.owner.profile_url}:
        urls.update(
            u.strip() for u in text.split(",") if "/in/" in u and not u.rstrip("/").endswith("/in")
        )
    emails = set()
    for text in values_of(ex, EMAIL_COLUMNS):
        emails.update(re.findall(r"[^\s,;<>]+@[^\s,;<>]+", text))
    ids = values_of(ex, ID_COLUMNS) | {ex.owner.person_id}
    slugs = {i for i in ids if not i.startswith("name:")}
    name_parts = {i[5:] for i in ids if i.startswith("name:")}
    found = names | urls | emails | slugs | name_parts
    return {value for value in found if len(value) >= 4}


# --- nothing identifying remains -----------------------------------------------------------------


def test_no_original_name_email_url_or_slug_remains(sample, anonymized):
    secrets = originals(sample)
    assert len(secrets) > 1000  # the check below has something to find
    text = "\n".join(every_string(anonymized)).casefold()
    leaked = []
    for secret in secrets:
        needle = secret.casefold()
        if needle in text and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
            leaked.append(secret)
    assert leaked == []


def test_the_check_finds_originals_when_nothing_is_anonymized(sample):
    text = "\n".join(every_string(sample)).casefold()
    assert all(secret.casefold() in text for secret in originals(sample))


def test_owner_is_pseudonymized(sample, anonymized):
    owner = anonymized.owner
    assert owner.name != sample.owner.name
    assert owner.person_id != sample.owner.person_id
    assert owner.profile_url == "https://www.linkedin.com/in/" + owner.person_id
    assert sample.owner.name.split()[0] not in owner.name


def test_texts_are_masked_keeping_length_and_words(sample, anonymized):
    before, after = sample.messages["content"], anonymized.messages["content"]
    assert (before.isna() == after.isna()).all()
    before, after = before.dropna(), after.dropna()
    assert (before.str.len() == after.str.len()).all()
    assert (before.str.split().str.len() == after.str.split().str.len()).all()
    assert not after.str.contains(r"[a-wyzA-Z1-9]").any()


def test_member_id_in_file_names_is_replaced(sample, anonymized):
    member_ids = {
        m.group(1) for p in sample.files["path"] for m in [re.search(r"_(\d{5,})\.csv$", p)] if m
    }
    assert member_ids
    for path in anonymized.files["path"]:
        assert not any(member_id in path for member_id in member_ids)
    assert (
        anonymized.files["path"].str.endswith(".csv").sum()
        == sample.files["path"].str.endswith(".csv").sum()
    )


def test_hand_built_export_leaves_nothing(load):
    messages = (
        b"CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        b'2-Z3JvdXAx,Project X,Maria Silva,https://www.linkedin.com/in/maria-silva-42,"Jane Doe, MBA,Bob Lee,Chen Wei","https://www.linkedin.com/in/jane-doe-mba,https://www.linkedin.com/in/bob-lee,https://www.linkedin.com/in/chen-wei-7b2",2025-03-01 09:00:00 UTC,,Kick-off Monday? Mail me at maria@silva.example,INBOX\n'
        b'2-Z3JvdXAx,Project X,"Jane Doe, MBA",https://www.linkedin.com/in/jane-doe-mba,"Maria Silva,Bob Lee,Chen Wei","https://www.linkedin.com/in/maria-silva-42,https://www.linkedin.com/in/bob-lee,https://www.linkedin.com/in/chen-wei-7b2",2025-03-01 10:00:00 UTC,,Works for me Maria,INBOX\n'
        b"2-bWVtYmVy,,LinkedIn Member,,Maria Silva,https://www.linkedin.com/in/maria-silva-42,2025-04-01 10:00:00 UTC,,Hi,INBOX\n"
    )
    invitations = (
        b"From,To,Sent At,Message,Direction\n"
        b'Maria Silva,Dana Kim,"3/1/24, 9:00 AM",I\'d like to add you to my professional network on LinkedIn.,OUTGOING\n'
        b'Erik Berg,Maria Silva,"3/2/24, 9:00 AM",Hello Maria from Erik,INCOMING\n'
    )
    ex = load(
        {"Profile.csv": PROFILE_CSV, "messages.csv": messages, "Invitations.csv": invitations}
    )
    out = nk.anonymize(ex, key=KEY)
    text = "\n".join(every_string(out))
    for secret in ["Maria", "Silva", "Jane", "Doe", "Bob Lee", "Chen", "Dana", "Erik", "maria-silva-42",
                   "jane-doe-mba", "chen-wei-7b2", "silva.example", "Project X"]:  # fmt: skip
        assert secret not in text, secret
    assert "LinkedIn Member" in set(out.messages["sender_name"])  # nobody, kept as such
    notes = out.invitations.set_index("direction")["message"]
    assert (
        notes["outgoing"] == "I'd like to add you to my professional network on LinkedIn."
    )  # LinkedIn's words
    assert notes["incoming"] == "xxxxx xxxxx xxxx xxxx"
    group = out.messages[out.messages["is_group"]]
    assert group["recipient_ids"].str.len().tolist() == [3, 3]
    assert out.messages["sender_name"].iloc[1].count(" ") == 1  # "Jane Doe, MBA" is one name


# --- keys ----------------------------------------------------------------------------------------


def test_same_key_same_output(sample, anonymized):
    again = nk.anonymize(sample, key=KEY)
    assert again.owner == anonymized.owner
    for (name, first), (_, second) in zip(all_frames(anonymized), all_frames(again), strict=True):
        pd.testing.assert_frame_equal(first, second, obj=name)


def test_different_key_different_pseudonyms(sample, anonymized):
    other = nk.anonymize(sample, key=b"another key")
    assert set(other.people["person_id"]).isdisjoint(anonymized.people["person_id"])
    assert (other.people["name"] != anonymized.people["name"]).mean() > 0.99
    assert other.owner.person_id != anonymized.owner.person_id


def test_key_must_be_text_or_bytes(sample):
    with pytest.raises(TypeError, match="key must be"):
        nk.anonymize(sample, key=42)


def test_no_key_draws_a_random_key_per_call(sample):
    first, second = nk.anonymize(sample), nk.anonymize(sample)
    assert set(first.people["person_id"]).isdisjoint(second.people["person_id"])


# --- identity structure survives -----------------------------------------------------------------


def test_row_counts_columns_and_dtypes(sample, anonymized):
    for (name, before), (_, after) in zip(all_frames(sample), all_frames(anonymized), strict=True):
        assert list(after.columns) == list(before.columns), name
        assert len(after) == len(before), name
        assert dict(after.dtypes) == dict(before.dtypes), name


def test_non_text_columns_unchanged(sample, anonymized):
    for (name, before), (_, after) in zip(all_frames(sample), all_frames(anonymized), strict=True):
        for column in before.columns:
            if not pd.api.types.is_string_dtype(before[column].dtype):
                pd.testing.assert_series_equal(
                    after[column], before[column], obj=f"{name}.{column}"
                )
    assert anonymized.as_of == sample.as_of


def id_pairs(before: nk.Export, after: nk.Export) -> Iterator[tuple[str, str]]:
    for table, columns in ID_COLUMNS.items():
        for column in columns:
            old, new = getattr(before, table)[column], getattr(after, table)[column]
            assert (old.isna() == new.isna()).all(), f"{table}.{column}"
            yield from zip(old.dropna(), new.dropna(), strict=True)
    for table in ("messages", "assistant_messages"):
        for old, new in zip(
            getattr(before, table)["recipient_ids"],
            getattr(after, table)["recipient_ids"],
            strict=True,
        ):
            assert len(old) == len(new)
            yield from zip(old, new, strict=True)
    yield before.owner.person_id, after.owner.person_id


def test_each_person_has_one_pseudonym_in_every_table(sample, anonymized):
    forward: dict[str, set[str]] = defaultdict(set)
    backward: dict[str, set[str]] = defaultdict(set)
    for old, new in id_pairs(sample, anonymized):
        forward[old].add(new)
        backward[new].add(old)
    assert all(len(news) == 1 for news in forward.values())  # stable across tables
    assert all(len(olds) == 1 for olds in backward.values())  # nobody merged
    assert len(forward) > 400


def test_person_id_joins_survive(sample, anonymized):
    people = set(anonymized.people["person_id"])
    assert set(anonymized.interactions["person_id"]) <= people
    assert set(anonymized.connections["person_id"].dropna()) <= people
    assert anonymized.people["person_id"].is_unique
    merged = anonymized.interactions.merge(anonymized.people, on="person_id", how="left")
    assert len(merged) == len(sample.interactions)


def test_owner_is_never_a_contact(anonymized):
    owner = anonymized.owner.person_id
    assert owner not in set(anonymized.people["person_id"])
    assert owner not in set(anonymized.interactions["person_id"])
    outgoing = anonymized.messages[anonymized.messages["direction"] == "outgoing"]
    assert (outgoing["sender_id"].dropna() == owner).all()


def test_interactions_per_person_unchanged(sample, anonymized):
    mapping = dict(zip(sample.people["person_id"], anonymized.people["person_id"], strict=True))
    keys = ["person_id", "channel", "direction"]
    before = sample.interactions.assign(person_id=sample.interactions["person_id"].map(mapping))
    expected = before.groupby(keys, dropna=False).size()
    found = anonymized.interactions.groupby(keys, dropna=False).size()
    pd.testing.assert_series_equal(found.sort_index(), expected.sort_index())


def test_name_ids_stay_name_ids_of_the_pseudonymous_name(sample, anonymized):
    named = sample.recommendations["person_id"].str.startswith("name:").fillna(False)
    assert named.any()
    rows = anonymized.recommendations[named.to_numpy()]
    assert (rows["person_id"] == "name:" + rows["name"].str.casefold()).all()


def test_profile_urls_are_rebuilt_from_pseudonymous_ids(anonymized):
    people = anonymized.people.dropna(subset=["profile_url"])
    assert (person_ids(people["profile_url"]) == people["person_id"]).all()
    connections = anonymized.connections.dropna(subset=["profile_url"])
    assert (person_ids(connections["profile_url"]) == connections["person_id"]).all()


def test_shared_companies_survive(sample, anonymized):
    pairs = (
        pd.concat(
            [
                pd.DataFrame({"old": ex_before["company"], "new": ex_after["company"]})
                for ex_before, ex_after in [
                    (sample.connections, anonymized.connections),
                    (sample.people, anonymized.people),
                    (sample.recommendations, anonymized.recommendations),
                ]
            ]
        )
        .dropna()
        .drop_duplicates()
    )
    assert pairs["old"].is_unique  # one pseudonym per company, in every table
    assert pairs["new"].is_unique  # no two companies merged
    employers = pairs[~pairs["old"].str.casefold().isin(NON_EMPLOYERS)]
    assert (employers["old"] != employers["new"]).all()
    assert len(employers) < len(pairs)  # the sample has self-employed contacts, kept as such
    before = sample.connections.groupby("company").size().sort_values().to_numpy()
    after = anonymized.connections.groupby("company").size().sort_values().to_numpy()
    assert (before == after).all()


def test_non_employers_are_kept():
    assert Pseudonyms("k").company("Self-employed") == "Self-employed"
    assert Pseudonyms("k").company("Acme") != "Acme"


def test_counting_metrics_give_the_same_numbers(sample, anonymized):
    pd.testing.assert_frame_equal(nk.growth(anonymized), nk.growth(sample))
    mapping = dict(zip(sample.people["person_id"], anonymized.people["person_id"], strict=True))
    before = nk.reciprocity(sample).drop(columns=["name"])
    before["person_id"] = before["person_id"].map(mapping).astype("str")
    after = nk.reciprocity(anonymized).drop(columns=["name"])
    pd.testing.assert_frame_equal(
        after.sort_values("person_id", ignore_index=True),
        before.sort_values("person_id", ignore_index=True),
    )


def test_graph_counts_survive(sample, anonymized):
    mapping = dict(zip(sample.people["person_id"], anonymized.people["person_id"], strict=True))
    mapping[sample.owner.person_id] = anonymized.owner.person_id
    count_keys = ("messages", "invitations", "endorsements", "recommendations", "conversations")

    def edges(G, rename=lambda n: n):
        return {
            (rename(u), rename(v), d["kind"]): tuple(d.get(k) for k in count_keys)
            for u, v, d in G.edges(data=True)
            if d["kind"] != "works_at"
        }

    before = edges(nk.build_graph(sample, strength=False), lambda n: mapping.get(n, n))
    after = edges(nk.build_graph(anonymized, strength=False))
    assert after == before


# --- the input is untouched ----------------------------------------------------------------------


def test_input_not_mutated(load):
    ex = nk.load_export(SAMPLE)
    frozen = pickle.dumps({name: frame for name, frame in all_frames(ex)})
    owner, source, name = ex.owner, ex.source, ex.name
    nk.anonymize(ex, key=KEY)
    for table, frame in all_frames(ex):
        pd.testing.assert_frame_equal(frame, pickle.loads(frozen)[table], obj=table)
    assert (ex.owner, ex.source, ex.name) == (owner, source, name)


def test_returns_a_new_export(sample, anonymized):
    assert anonymized is not sample
    assert isinstance(anonymized, nk.Export)
    assert anonymized.messages is not sample.messages


def test_minimal_export(load):
    ex = load(
        {
            "Connections.csv": b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            b"Ana,Gonz\xc3\xa1lez,https://www.linkedin.com/in/ana-gonzalez,ana@acme.example,Acme,Lead,23 Oct 2022\n"
        }
    )
    out = nk.anonymize(ex, key=KEY)
    row = out.connections.iloc[0]
    assert row["person_id"].startswith("p-")
    assert row["email"].endswith("@example.com")
    text = "\n".join(every_string(out))
    for secret in ("Ana", "González", "ana-gonzalez", "ana@acme.example", "Acme"):
        assert secret not in text, secret


# --- the pieces ----------------------------------------------------------------------------------


def test_mask_text_keeps_shape():
    values = pd.Series(
        ["Call me: +1 202 555 0143", None, "Søren Højgaard ١٢", "", "王伟, e\u0301!"], dtype="str"
    )
    assert mask_text(values).tolist()[:1] + mask_text(values).tolist()[2:] == [
        "xxxx xx: +0 000 000 0000", "xxxxx xxxxxxxx 00", "", "xx, xx!",
    ]  # fmt: skip
    assert pd.isna(mask_text(values).iloc[1])


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=40, unique=True))
def test_pseudonyms_are_stable_and_never_merge_two_values(values):
    p = Pseudonyms("k")
    ids = [p.person_id(v) for v in values if not v.startswith("name:")]
    assert len(set(ids)) == len(ids)
    assert ids == [p.person_id(v) for v in values if not v.startswith("name:")]
    names = {" ".join(v.split()).casefold() for v in values} - UNKNOWN_NAMES
    assert len({p.name(v) for v in names}) == len(names)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_masked_text_has_the_same_length_and_words(text):
    masked = mask_text(pd.Series([text], dtype="str")).iloc[0]
    assert len(masked) == len(text)
    assert len(masked.split()) == len(text.split())
    assert not any(ch.isalpha() and ch != "x" for ch in masked)
