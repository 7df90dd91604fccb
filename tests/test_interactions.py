"""The interactions event log: who asked for each connection is decided by the past only."""

import pandas as pd
from fixtures import PROFILE_CSV

CONNECTIONS = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Bob,Lee,https://www.linkedin.com/in/bob-lee,,Globex,PM,21 Oct 2025\n"
    b"Ann,Kim,https://www.linkedin.com/in/ann-kim,,Initech,CTO,03 Jun 2024\n"
    b"Cy,Ode,https://www.linkedin.com/in/cy-ode,,Acme,Dev,03 Jun 2024"
)
INVITATIONS = (
    b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    # Bob asked on the evening of the day the connection is dated: that invitation led to it.
    b'Bob Lee,Maria Silva,"10/21/25, 10:26 PM",,INCOMING,'
    b"https://www.linkedin.com/in/bob-lee,https://www.linkedin.com/in/maria-silva-42\n"
    # Maria re-invited Ann long after they connected: it says nothing about who asked in 2024.
    b'Maria Silva,Ann Kim,"11/02/25, 9:00 AM",,OUTGOING,'
    b"https://www.linkedin.com/in/maria-silva-42,https://www.linkedin.com/in/ann-kim\n"
)


def _who_asked(ex):
    rows = ex.interactions[ex.interactions["channel"] == "connection"]
    return dict(zip(rows["person_id"], rows["direction"], strict=True))


def test_connection_direction_comes_from_the_invitation_that_led_to_it(load):
    ex = load(
        {"Profile.csv": PROFILE_CSV, "Connections.csv": CONNECTIONS, "Invitations.csv": INVITATIONS}
    )
    asked = _who_asked(ex)
    assert asked["bob-lee"] == "incoming"


def test_a_later_invitation_does_not_say_who_asked_for_an_older_connection(load):
    ex = load(
        {"Profile.csv": PROFILE_CSV, "Connections.csv": CONNECTIONS, "Invitations.csv": INVITATIONS}
    )
    asked = _who_asked(ex)
    assert pd.isna(asked["ann-kim"])  # unknown, not "outgoing"
    assert pd.isna(asked["cy-ode"])


def test_every_interaction_has_a_channel_from_the_documented_set(load):
    from netkit.events import CHANNELS

    ex = load(
        {"Profile.csv": PROFILE_CSV, "Connections.csv": CONNECTIONS, "Invitations.csv": INVITATIONS}
    )
    assert set(ex.interactions["channel"]) <= set(CHANNELS)
    assert (ex.interactions["weight"] == 1).all()
    assert ex.owner.person_id not in set(ex.interactions["person_id"])


def test_growth_reads_who_asked_by_the_same_rule(load):
    import netkit as nk

    ex = load(
        {"Profile.csv": PROFILE_CSV, "Connections.csv": CONNECTIONS, "Invitations.csv": INVITATIONS}
    )
    yearly = nk.growth(ex, freq="YE")
    by_year = yearly.set_index(yearly["period_end"].dt.year)
    assert by_year.loc[2024, ["outgoing", "incoming", "unknown"]].tolist() == [0, 0, 2]
    assert by_year.loc[2025, ["outgoing", "incoming", "unknown"]].tolist() == [0, 1, 0]
