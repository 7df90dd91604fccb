"""The committed sample holds no real person: names, slugs, addresses and numbers are invented.

Issue 7: "sample data contains no real person". The committed sample (data/sample/*.zip) is read
with netkit, and everything that could point at a person is traced back to the generator's own
word lists (``netkit/_sample_names.py`` and the constants of ``netkit/sample.py``):

- every person's name is a first name × last name pair of those lists (a credential such as
  ", MBA" allowed), or one of the generator's named people (the owner, an outside recommender);
- every profile slug is made from that person's own name (the shapes ``netkit.sample`` writes:
  ``jane-doe-1a2b3c4d5``, ``janedoe``, ``jdoe42``...), so no slug is copied from a real profile;
- every email address is at a domain reserved for examples (RFC 2606: example.com/.org/.net and
  the ``.example`` top-level domain), never at a real mail provider;
- every phone number, in the address book or in a message, is in 555-0100...555-0199, the North
  American range reserved for fiction;
- every company is one of the generator's employers, and every IP address is in a range
  reserved for documentation (RFC 5737).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

import netkit as nk
from netkit import _sample_names as words
from netkit.metrics.ties import CONTACT_DETAILS
from netkit.sample import OUTSIDE_RECOMMENDER, OWNER, _ascii_fold

SAMPLES = sorted((Path(__file__).parents[1] / "data" / "sample").glob("*.zip"))
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")
RESERVED_DOMAINS = ("example.com", "example.org", "example.net")
FICTIONAL_PHONE = re.compile(r"\+1 [2-9][0-9]{2} 555 01[0-9]{2}")
IPV4 = re.compile(r"\b(?:[0-9]{1,3}\.){3}[0-9]{1,3}\b")
#: Names that are not people: deleted accounts, sponsored senders, LinkedIn's AI assistant.
NOT_PEOPLE = {"LinkedIn Member", "LinkedIn Learning Coach"}

FIRST_NAMES = {name for _, firsts, _ in words.NAME_GROUPS.values() for name in firsts}
FIRST_NAMES |= {first for first, *_ in words.CHINESE_SCRIPT_NAMES}
FIRST_NAMES |= {first for first, _ in words.FOLLOWED_MEMBERS}
FIRST_NAMES |= {first for first, *_ in words.PLANTED_NAMES}
LAST_NAMES = {name for *_, lasts in words.NAME_GROUPS.values() for name in lasts}
LAST_NAMES |= {last for _, last, *_ in words.CHINESE_SCRIPT_NAMES}
LAST_NAMES |= {last for _, last in words.FOLLOWED_MEMBERS}
LAST_NAMES |= {last for _, last, *_ in words.PLANTED_NAMES}
LAST_NAMES |= set(words.ADDRESS_BOOK_LAST_NAMES)
NAMED_PEOPLE = {
    f"{OWNER['first_name']} {OWNER['last_name']}",
    f"{OUTSIDE_RECOMMENDER[0]} {OUTSIDE_RECOMMENDER[1]}",
}
#: The owner's first employer: a literal of the generator (its domain is nordlys-bank.example).
OWNER_EMPLOYERS = {"Nordlys Bank"}


#: A name in Chinese script and its pinyin, which the generator makes the slug from.
LATIN = {f"{first} {last}": f"{a} {b}" for first, last, a, b in words.CHINESE_SCRIPT_NAMES}


def is_generated_name(name: str) -> bool:
    """Whether `name` is a first × last pair of the generator's lists, a credential such as
    ", MBA" allowed (or one of the generator's named people)."""
    name = " ".join(name.split())
    if name in NAMED_PEOPLE:
        return True
    first, _, last = name.partition(" ")
    bare = [last.removesuffix(credential) for credential in words.CREDENTIALS]
    return first in FIRST_NAMES and bool(LAST_NAMES.intersection([last, *bare]))


def slug_shapes(name: str) -> list[str]:
    """Regular expressions of the slugs the generator makes from `name` (netkit.sample._slug),
    lower-cased as netkit's person ids are."""
    first, _, last = " ".join(name.split()).partition(" ")
    token, number, again = "[0-9a-f]{7,9}", "[0-9]{2,3}", "(?:-[0-9a-f]{6})?"
    shapes = [re.escape(f"{last}{first}".lower()) + f"-{token}"]  # in Chinese script
    latin = LATIN.get(" ".join(name.split()), name)
    for source in (name, _ascii_fold(name), _ascii_fold(latin)):
        parts = [re.escape(p) for p in re.findall(r"\w+", source.replace("'", "").lower())]
        if not parts:  # a name in Chinese script folds to nothing
            continue
        shapes += [
            "-".join(parts) + f"(?:-{token}|-{number})?",
            "".join(parts),
            parts[0][0] + "".join(parts[1:]) + number,
        ]
    return [f"(?:{shape}){again}" for shape in shapes]


@pytest.fixture(scope="module", params=SAMPLES, ids=[path.name for path in SAMPLES])
def ex(request) -> nk.Export:
    return nk.load_export(request.param)


def texts(ex: nk.Export) -> pd.Series:
    """Every free text of the export a person could have written an address or number in."""
    columns = [
        ex.messages["content"],
        ex.messages["subject"],
        ex.invitations["message"],
        ex.recommendations["text"],
        ex.comments["text"],
        ex.shares["text"],
        ex.profile.astype("str").stack(),
        ex.positions["description"],
    ]
    return pd.concat([column.dropna().astype("str") for column in columns], ignore_index=True)


def test_there_is_a_committed_sample():
    assert SAMPLES


def test_every_persons_name_is_a_pair_from_the_generators_lists(ex):
    names = pd.concat(
        [
            ex.people["name"],
            ex.connections["first_name"].str.strip() + " " + ex.connections["last_name"],
            ex.invitations["from_name"],
            ex.invitations["to_name"],
            ex.messages["sender_name"],
            ex.endorsements["name"],
            ex.recommendations["name"],
            ex.contacts["name"],
            ex.member_follows["name"],
            pd.Series([ex.owner.name]),
        ]
    ).dropna()
    names = set(names) - NOT_PEOPLE
    assert len(names) > 400
    assert sorted(name for name in names if not is_generated_name(name)) == []


def test_group_recipient_lists_hold_only_generated_names(ex):
    """``TO`` of a group message is names joined by commas, and a name can hold a comma."""

    def splits(text: str) -> bool:
        parts = text.split(",")
        reachable = {0}
        for end in range(1, len(parts) + 1):
            if any(
                start in reachable and is_generated_name(",".join(parts[start:end]))
                for start in range(end)
            ):
                reachable.add(end)
        return len(parts) in reachable

    recipients = set(ex.messages["recipient_names"].dropna()) - NOT_PEOPLE
    assert any("," in text for text in recipients)
    assert sorted(text for text in recipients if not splits(text)) == []


def test_every_profile_slug_is_made_from_the_persons_own_name(ex):
    people = ex.people.dropna(subset=["profile_url"])
    assert len(people) > 400
    unexplained = [
        (row.person_id, row.name)
        for row in people.itertuples()
        if not any(
            re.fullmatch(shape, unicodedata.normalize("NFC", row.person_id))
            for shape in slug_shapes(row.name)
        )
    ]
    assert unexplained == []
    assert any(re.fullmatch(shape, ex.owner.person_id) for shape in slug_shapes(ex.owner.name))


def test_every_email_address_is_at_a_reserved_domain(ex):
    found = pd.concat(
        [
            ex.connections["email"],
            ex.people["email"],
            ex.contacts["emails"],
            ex.email_addresses["email"],
            texts(ex),
        ]
    ).dropna()
    domains = {domain.lower() for text in found for domain in EMAIL.findall(text)}
    assert len(domains) >= 3
    real = sorted(
        domain
        for domain in domains
        if not (
            domain in RESERVED_DOMAINS
            or domain.endswith(tuple(f".{reserved}" for reserved in RESERVED_DOMAINS))
            or domain.endswith(".example")
        )
    )
    assert real == []


def test_every_phone_number_is_in_the_range_reserved_for_fiction(ex):
    book = ex.contacts["phone_numbers"].dropna()
    assert len(book) > 0
    assert sorted(number for number in book if not FICTIONAL_PHONE.fullmatch(number)) == []
    # Whatever netkit itself would take for a phone number in a message.
    numbers = [
        match.group(0).strip(" ().,")
        for text in texts(ex)
        for match in CONTACT_DETAILS.finditer(text)
        if "@" not in match.group(0)
    ]
    assert numbers
    assert sorted(number for number in numbers if not FICTIONAL_PHONE.search(number)) == []


def test_every_company_is_one_of_the_generators_employers(ex):
    companies = pd.concat(
        [
            ex.connections["company"],
            ex.people["company"],
            ex.positions["company"],
            ex.recommendations["company"],
            ex.contacts["companies"],
            ex.company_follows["organization"],
        ]
    ).dropna()
    known = set(words.COMPANIES) | OWNER_EMPLOYERS | {OUTSIDE_RECOMMENDER[2]}
    assert sorted({c.strip() for c in companies} - known) == []


def test_every_ip_address_is_reserved_for_documentation(ex):
    found = [
        ipaddress.ip_address(address)
        for frame in ex.other.values()
        for text in frame.stack().dropna().astype("str")
        for address in IPV4.findall(text)
    ]
    assert found  # Registration.csv holds one
    documentation = [
        ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")
    ]
    assert [ip for ip in found if not any(ip in net for net in documentation)] == []
